/**
 * The application channels as the vendors' documents describe the wire (each stand-in cites the document it follows):
 * Feishu post content, body-size limits and text/post edits; DingTalk's 88 + sub_code token errors, OA by default
 * for one-message-per-run, batched sends followed without calls that cannot succeed, and 64-bit task ids.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDingtalkApp, type FakeDingtalkApp, type FakeDingtalkAppOptions } from '../fakes/dingtalk-app.js';
import { fakeFeishuApp, type FakeFeishuApp } from '../fakes/feishu-app.js';
import { runAction, resultsOf } from '../helpers/run-action.js';

const APP_ID = 'cli_a5e1b2c3d4e5f6a7';
const APP_SECRET = 'FeishuAppSecretNeverLogged0123';
const CHAT = 'oc_a0553eda9014c201e6969b478895c230';
const APP_KEY = 'dingabcdefghijklmnop';
const DING_SECRET = 'DingtalkAppSecretNeverLogged-0123456789';
const AGENT_ID = 836390886;

const servers: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function feishu(): Promise<FakeFeishuApp> {
  const server = fakeFeishuApp({ appId: APP_ID, appSecret: APP_SECRET, chats: [CHAT] });
  await server.start();
  servers.push(server);
  return server;
}

async function dingtalk(options: Partial<FakeDingtalkAppOptions> = {}): Promise<FakeDingtalkApp> {
  const server = fakeDingtalkApp({
    appKey: APP_KEY,
    appSecret: DING_SECRET,
    agentId: AGENT_ID,
    users: ['alice', 'bob'],
    ...options,
  });
  await server.start();
  servers.push(server);
  return server;
}

const feishuInputs = (server: FakeFeishuApp, extra: Record<string, string> = {}) => ({
  provider: 'feishu-app',
  locale: 'en',
  endpoint: server.url,
  token: APP_ID,
  secret: APP_SECRET,
  target: `chat:${CHAT}`,
  status: 'failure',
  retries: '2',
  ...extra,
});

const dingInputs = (server: FakeDingtalkApp, extra: Record<string, string> = {}) => ({
  provider: 'dingtalk-app',
  locale: 'en',
  endpoint: server.url,
  token: APP_KEY,
  secret: DING_SECRET,
  'app-id': String(AGENT_ID),
  target: 'user:alice,bob',
  status: 'failure',
  retries: '2',
  ...extra,
});

describe('feishu-app on the IM v1 wire', () => {
  it('sends and replies with format post: the language object at the top of content, no post wrapper', async () => {
    const server = await feishu();
    const run = await runAction({ inputs: feishuInputs(server, { format: 'post' }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const content = server.messages[0]!.content;
    expect(Object.keys(content)).toEqual(['zh_cn']);
    expect((content.zh_cn as Record<string, unknown>).title).toContain('Failed');
    const reply = await runAction({
      inputs: feishuInputs(server, { format: 'post', 'reply-to': run.outputs['message-id']! }),
    });
    expect(reply.code, reply.stdout + reply.stderr).toBe(0);
    expect(Object.keys(server.messages[1]!.content)).toEqual(['zh_cn']);
  });

  it('fits a card full of quotes within 30 KB of request body, cut with its truncated mark', async () => {
    const server = await feishu();
    // 12,000 quotes: ~24 KB in content, ~36 KB once the content string is escaped into the body.
    const template = `### Commit\n\n${'"'.repeat(12_000)}`;
    const run = await runAction({ inputs: feishuInputs(server, { template }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const send = server.apiRequests().at(-1)!;
    expect(Buffer.byteLength(send.body)).toBeLessThanOrEqual(30 * 1024);
    expect(JSON.stringify(server.messages[0]!.content)).toContain('(truncated)');
  });

  it('edits a text message and a post message in place with PUT (update-message)', async () => {
    const server = await feishu();
    for (const format of ['text', 'post']) {
      const first = await runAction({ inputs: feishuInputs(server, { status: 'started', format }) });
      expect(first.code, first.stdout + first.stderr).toBe(0);
      const id = first.outputs['message-id']!;
      const second = await runAction({ inputs: feishuInputs(server, { format, 'update-message': id }) });
      expect(second.code, second.stdout + second.stderr).toBe(0);
      const edit = server.apiRequests().at(-1)!;
      expect(edit.method).toBe('PUT');
      expect(edit.path).toBe(`/open-apis/im/v1/messages/${id}`);
      expect((edit.json as Record<string, unknown>).msg_type).toBe(format);
      const stored = server.messages.find((message) => message.message_id === id)!;
      expect(stored.edits).toBe(1);
      expect(JSON.stringify(stored.content)).toContain('Failed');
      expect(second.outputs['message-id']).toBe(id);
    }
  });
});

describe('dingtalk-app on the topapi wire', () => {
  it('refetches the token once when /topapi answers 88 with sub_code 42001', async () => {
    const server = await dingtalk({ expireIssued: 1 });
    const run = await runAction({ inputs: dingInputs(server) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.tokenRequests()).toBe(2);
    expect(server.tasks).toHaveLength(1);
  });

  it('takes the hint of an 88 from its sub_code', async () => {
    const server = await dingtalk();
    const run = await runAction({ inputs: dingInputs(server, { 'app-id': '12345' }) });
    expect(run.code).toBe(1);
    expect(resultsOf(run)[0]).toMatchObject({ ok: false, code: 88 });
    expect(run.stdout + run.stderr).toMatch(/invalid AgentId/);
    expect(run.stdout + run.stderr).not.toMatch(/grant the app the permission named in sub_code/);
    expect(server.tokenRequests()).toBe(1);
  });

  it('sends status: started as an OA message by default, so the run can update its status bar', async () => {
    const server = await dingtalk();
    const first = await runAction({ inputs: dingInputs(server, { status: 'started' }) });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(server.tasks[0]!.msg.msgtype).toBe('oa');
    const second = await runAction({ inputs: dingInputs(server, { 'update-message': first.outputs['message-id']! }) });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect((server.tasks[0]!.msg.oa as Record<string, unknown>).status_bar).toMatchObject({ status_value: '失败' });
  });

  it('refuses update-message with an explicit non-OA format before any request', async () => {
    const server = await dingtalk();
    const run = await runAction({
      inputs: dingInputs(server, { format: 'markdown', 'update-message': '256271667526' }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/status bar of an OA message sent within the last 7 days/);
    expect(server.requests).toHaveLength(0);
  });

  it('explains the OA-only and 7-day rules when DingTalk refuses a status bar update', async () => {
    const server = await dingtalk();
    const first = await runAction({ inputs: dingInputs(server, { status: 'success', format: 'markdown' }) });
    const run = await runAction({ inputs: dingInputs(server, { 'update-message': first.outputs['message-id']! }) });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/only of OA work notifications sent within the last 7 days/);
  });

  it('sends 250 users in batches of 100; message-id and results carry every task id; each is followed', async () => {
    const users = Array.from({ length: 250 }, (_, index) => `u${index}`);
    const server = await dingtalk({ users });
    const run = await runAction({
      inputs: dingInputs(server, { target: `user:${users.join(',')}`, 'wait-for-delivery': '10' }),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(
      server.sends().map((send) => String((send.json as Record<string, unknown>).userid_list).split(',').length),
    ).toEqual([100, 100, 50]);
    const ids = server.tasks.map((task) => task.task_id);
    expect(run.outputs['message-id']).toBe(ids.join(','));
    expect(resultsOf(run).map((result) => result.id)).toEqual(ids);
    expect(resultsOf(run).every((result) => result.delivery === 'delivered')).toBe(true);
  });

  it('follows a department send through getsendprogress, never getsendresult', async () => {
    const server = await dingtalk({ departments: { '1': 300 } });
    const run = await runAction({ inputs: dingInputs(server, { target: 'dept:1', 'wait-for-delivery': '10' }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.resultCalls).toEqual([]);
    expect(server.requests.some((request) => request.path.endsWith('/getsendprogress'))).toBe(true);
    expect(resultsOf(run)[0]!.delivery).toBe('delivered');
    expect(resultsOf(run)[0]!.deliveryMessage).toMatch(/departments and @all/);
  });

  it('keeps task ids above 2^53 exact from the send reply to the status bar update', async () => {
    const server = await dingtalk({ firstTaskId: '9007199254740992' });
    const first = await runAction({ inputs: dingInputs(server, { status: 'started', target: 'user:alice' }) });
    const second = await runAction({ inputs: dingInputs(server, { status: 'started', target: 'user:bob' }) });
    expect(first.outputs['message-id']).toBe('9007199254740992');
    expect(second.outputs['message-id']).toBe('9007199254740993');
    const update = await runAction({ inputs: dingInputs(server, { 'update-message': '9007199254740993' }) });
    expect(update.code, update.stdout + update.stderr).toBe(0);
    const bar = (index: number) => (server.tasks[index]!.msg.oa as Record<string, unknown>).status_bar;
    expect(bar(1)).toMatchObject({ status_value: '失败' });
    expect(bar(0)).toMatchObject({ status_value: '运行中' });
    expect(server.requests.at(-1)!.body).toContain('"task_id":9007199254740993');
  });

  it('refuses a task id DingTalk cannot hold before any request', async () => {
    const server = await dingtalk();
    const run = await runAction({ inputs: dingInputs(server, { 'update-message': '12345678901234567890' }) });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/larger than a DingTalk task id can be/);
    expect(server.requests).toHaveLength(0);
  });
});
