import { afterEach, describe, expect, it } from 'vitest';
import { fakeDingtalkApp, type FakeDingtalkApp, type FakeDingtalkAppOptions } from '../fakes/dingtalk-app.js';
import { runAction, type ActionRun, linesHolding, resultsOf } from '../helpers/run-action.js';

const APP_KEY = 'dingabcdefghijklmnop';
const APP_SECRET = 'DingtalkAppSecretNeverLogged-0123456789';
const AGENT_ID = 836390886;

let fake: FakeDingtalkApp | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function start(options: Partial<FakeDingtalkAppOptions> = {}): Promise<FakeDingtalkApp> {
  fake = fakeDingtalkApp({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    agentId: AGENT_ID,
    users: ['alice', 'bob'],
    ...options,
  });
  await fake.start();
  return fake;
}

function inputs(server: FakeDingtalkApp, extra: Record<string, string> = {}): Record<string, string> {
  return {
    provider: 'dingtalk-app',
    // These tests read the English wording; Chinese (the default) is covered by oncall.action.test.ts.
    locale: 'en',
    endpoint: server.url,
    token: APP_KEY,
    secret: APP_SECRET,
    'app-id': String(AGENT_ID),
    target: 'user:alice,bob',
    status: 'failure',
    retries: '2',
    ...extra,
  };
}

function expectNoSecrets(run: ActionRun, server: FakeDingtalkApp): void {
  for (const secret of [APP_SECRET, ...server.issued])
    expect(linesHolding(run, secret), `leaked ${secret}`).toEqual([]);
}

describe('dingtalk-app through node dist/index.js', () => {
  it('sends one markdown work notification; message-id is the task_id', async () => {
    const server = await start();
    const run = await runAction({ inputs: inputs(server) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.tokenRequests()).toBe(1);
    expect(server.tasks).toHaveLength(1);
    const body = server.tasks[0]!.body;
    expect(body).toMatchObject({ agent_id: AGENT_ID, userid_list: 'alice,bob' });
    const msg = server.tasks[0]!.msg as { msgtype: string; markdown: { title: string; text: string } };
    expect(msg.msgtype).toBe('markdown');
    expect(msg.markdown.title).toContain('Failed');
    expect(msg.markdown.text).toContain('/actions/runs/');
    expect(run.outputs['message-id']).toBe(String(server.tasks[0]!.task_id));
    expectNoSecrets(run, server);
  });

  it('follows the task to delivered when every recipient is in the read or unread lists', async () => {
    const server = await start({ readers: ['alice'] });
    const run = await runAction({ inputs: inputs(server, { 'wait-for-delivery': '10' }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [result] = resultsOf(run);
    expect(result!.delivery).toBe('delivered');
    expect(result!.deliveryMessage).toBe('1 read (alice), 1 unread');
  });

  it('reports a send DingTalk accepted and then dropped as failed, with the reason', async () => {
    const server = await start();
    const first = await runAction({ inputs: inputs(server, { target: 'user:alice', 'wait-for-delivery': '10' }) });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    // The same content to the same user the same day is accepted, then dropped (143106).
    const again = await runAction({
      inputs: inputs(server, { target: 'user:alice,ghost', 'wait-for-delivery': '10' }),
    });
    expect(again.code).toBe(1);
    const [result] = resultsOf(again);
    expect(result!.ok).toBe(true);
    expect(result!.delivery).toBe('failed');
    expect(result!.deliveryMessage).toMatch(/invalid user ghost/);
    expect(result!.deliveryMessage).toMatch(/forbidden alice \(143106 same content to this user today\)/);
    expect(again.outputs.status).toBe('failure');
  });

  it('posts an OA message with a status bar at the start and updates the bar at the end', async () => {
    const server = await start();
    const first = await runAction({ inputs: inputs(server, { status: 'started', format: 'oa' }) });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const oa = server.tasks[0]!.msg.oa as Record<string, Record<string, string>>;
    expect(oa.status_bar).toEqual({ status_value: '运行中', status_bg: '0xFF0089FF' });
    expect(oa.body!.title).toContain('🟡 Started');
    const id = first.outputs['message-id']!;
    const second = await runAction({ inputs: inputs(server, { status: 'failure', 'update-message': id }) });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(server.tasks).toHaveLength(1);
    expect(oa.status_bar).toEqual({ status_value: '失败', status_bg: '0xFFF65E5E' });
    const update = server.requests.at(-1)!;
    expect(update.path).toBe('/topapi/message/corpconversation/status_bar/update');
    expect((update.json as Record<string, unknown>).task_id).toBe(Number(id));
    expect(second.outputs['message-id']).toBe(id);
  });

  it('fetches one new token when it expires mid-run and sends one message', async () => {
    const server = await start({ expireIssued: 1 });
    const run = await runAction({ inputs: inputs(server) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.tokenRequests()).toBe(2);
    expect(server.sends()).toHaveLength(2);
    expect(server.tasks).toHaveLength(1);
    expectNoSecrets(run, server);
  });

  it('explains 60020: the server egress IP allow-list and endpoint', async () => {
    const server = await start({ untrusted: true });
    const run = await runAction({ inputs: inputs(server) });
    expect(run.code).toBe(1);
    expect(resultsOf(run)[0]).toMatchObject({ ok: false, code: 60020 });
    expect(run.stdout + run.stderr).toMatch(/egress IP.*`endpoint`/s);
    expectNoSecrets(run, server);
  });

  it('keeps the msg within 2048 bytes', async () => {
    const server = await start();
    const run = await runAction({ inputs: inputs(server, { template: `### Build\n\n${'长'.repeat(3000)}` }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(Buffer.byteLength(JSON.stringify(server.tasks[0]!.msg))).toBeLessThanOrEqual(2048);
  });
});
