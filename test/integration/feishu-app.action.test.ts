import { afterEach, describe, expect, it } from 'vitest';
import { fakeFeishuApp, type FakeFeishuApp, type FakeFeishuAppOptions } from '../fakes/feishu-app.js';
import { runAction, type ActionRun, linesHolding, resultsOf } from '../helpers/run-action.js';

const APP_ID = 'cli_a5e1b2c3d4e5f6a7';
const APP_SECRET = 'FeishuAppSecretNeverLogged0123';
const CHAT = 'oc_a0553eda9014c201e6969b478895c230';
const USER = 'ou_7d8a6e6df7621556ce0d21922b676706';

let fake: FakeFeishuApp | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function start(options: Partial<FakeFeishuAppOptions> = {}): Promise<FakeFeishuApp> {
  fake = fakeFeishuApp({ appId: APP_ID, appSecret: APP_SECRET, chats: [CHAT], users: [USER], ...options });
  await fake.start();
  return fake;
}

function inputs(server: FakeFeishuApp, extra: Record<string, string> = {}): Record<string, string> {
  return {
    provider: 'feishu-app',
    // These tests read the English wording; Chinese (the default) is covered by oncall.action.test.ts.
    locale: 'en',
    endpoint: server.url,
    token: APP_ID,
    secret: APP_SECRET,
    target: `chat:${CHAT}`,
    status: 'failure',
    retries: '2',
    ...extra,
  };
}

function expectNoSecrets(run: ActionRun, server: FakeFeishuApp): void {
  for (const secret of [APP_SECRET, ...server.issued])
    expect(linesHolding(run, secret), `leaked ${secret}`).toEqual([]);
}

const header = (content: Record<string, unknown>) =>
  ((content.header as Record<string, unknown>).title as Record<string, unknown>).content as string;

describe('feishu-app through node dist/index.js', () => {
  it('sends a shared card to a chat and a user with one tenant token; message-id is the message_id', async () => {
    const server = await start();
    const run = await runAction({
      inputs: inputs(server, { target: `chat:${CHAT}\nuser:${USER}` }),
      env: { RUNNER_DEBUG: '1' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.tokenRequests()).toBe(1);
    expect(server.messages).toHaveLength(2);
    const [toChat, toUser] = server.apiRequests();
    expect(toChat!.query.get('receive_id_type')).toBe('chat_id');
    expect(toUser!.query.get('receive_id_type')).toBe('open_id');
    expect(toChat!.headers.authorization).toBe(`Bearer ${server.issued[0]}`);
    const body = toChat!.json as Record<string, unknown>;
    expect(body.receive_id).toBe(CHAT);
    expect(body.msg_type).toBe('interactive');
    expect(typeof body.content).toBe('string');
    expect(typeof body.uuid).toBe('string');
    expect((body.uuid as string).length).toBeLessThanOrEqual(50);
    expect((toUser!.json as Record<string, unknown>).uuid).not.toBe(body.uuid);
    const card = server.messages[0]!.content;
    expect((card.config as Record<string, unknown>).update_multi).toBe(true);
    expect(header(card)).toContain('Failed');
    expect(JSON.stringify(card)).toContain('View run');
    expect(run.outputs['message-id']).toBe(server.messages[0]!.message_id);
    expect(resultsOf(run).map((result) => result.target)).toEqual([`chat:${CHAT}`, `user:${USER}`]);
    expectNoSecrets(run, server);
  });

  it('posts at the start and replaces the same card at the end (update-message)', async () => {
    const server = await start();
    const first = await runAction({ inputs: inputs(server, { status: 'started' }) });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const id = first.outputs['message-id']!;
    expect(header(server.messages[0]!.content)).toContain('🟡 Started');
    expect(server.messages[0]!.content.header).toMatchObject({ template: 'yellow' });

    const second = await runAction({ inputs: inputs(server, { status: 'failure', 'update-message': id }) });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0]!.updates).toBe(1);
    expect(header(server.messages[0]!.content)).toContain('Failed');
    const patch = server.apiRequests().at(-1)!;
    expect(patch.method).toBe('PATCH');
    expect(patch.path).toBe(`/open-apis/im/v1/messages/${id}`);
    expect(typeof (patch.json as Record<string, unknown>).content).toBe('string');
    expect(second.outputs['message-id']).toBe(id);
  });

  it('answers in the thread of an earlier message (reply-to)', async () => {
    const server = await start();
    const first = await runAction({ inputs: inputs(server, { status: 'started' }) });
    const id = first.outputs['message-id']!;
    const run = await runAction({ inputs: inputs(server, { 'reply-to': id, format: 'text' }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.messages).toHaveLength(2);
    const answer = server.messages[1]!;
    expect(answer.parent_id).toBe(id);
    expect(answer.thread_id).toMatch(/^omt_/);
    expect(answer.msg_type).toBe('text');
    expect(String(answer.content.text)).toContain('Failed');
    const request = server.apiRequests().at(-1)!.json as Record<string, unknown>;
    expect(request.reply_in_thread).toBe(true);
    expect(run.outputs['message-id']).toBe(answer.message_id);
  });

  it('fetches one new token when it expires mid-run and still sends one message per target', async () => {
    const server = await start({ expireAfterSends: 1 });
    const run = await runAction({ inputs: inputs(server, { target: `chat:${CHAT}\nuser:${USER}` }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.tokenRequests()).toBe(2);
    expect(server.messages.map((message) => message.receive_id).sort()).toEqual([CHAT, USER].sort());
    const rejected = server
      .apiRequests()
      .filter((request) => request.headers.authorization === `Bearer ${server.issued[0]}`);
    expect(rejected.length).toBeGreaterThanOrEqual(2);
    expectNoSecrets(run, server);
  });

  it('retries a send whose reply was lost with the same uuid: one message', async () => {
    const server = await start({ dropReplies: 1 });
    const run = await runAction({ inputs: inputs(server) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const sends = server.apiRequests();
    expect(sends).toHaveLength(2);
    expect((sends[0]!.json as Record<string, unknown>).uuid).toBe((sends[1]!.json as Record<string, unknown>).uuid);
    expect(server.messages).toHaveLength(1);
    expect(run.outputs['message-id']).toBe(server.messages[0]!.message_id);
  });

  it('reports an accepted message as delivered with who read it (wait-for-delivery)', async () => {
    const server = await start();
    const run0 = await runAction({ inputs: inputs(server, { status: 'started' }) });
    server.setReaders(run0.outputs['message-id']!, [USER]);
    const run = await runAction({
      inputs: inputs(server, { 'reply-to': run0.outputs['message-id']!, 'wait-for-delivery': '5' }),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [result] = resultsOf(run);
    expect(result!.delivery).toBe('delivered');
    expect(result!.deliveryMessage).toBe('read by nobody yet');
    // The first message, read by the user, reports its reader.
    const again = await runAction({
      inputs: inputs(server, { 'update-message': run0.outputs['message-id']!, 'wait-for-delivery': '5' }),
    });
    expect(resultsOf(again)[0]!.deliveryMessage).toBe(`read by 1: ${USER}`);
  });

  it('fails with the code and a hint for a user outside the availability scope', async () => {
    const server = await start();
    const run = await runAction({ inputs: inputs(server, { target: 'user:ou_outsider' }) });
    expect(run.code).toBe(1);
    const [result] = resultsOf(run);
    expect(result!.code).toBe(230013);
    expect(String(result!.message)).toMatch(/availability scope/);
    expect(run.stdout + run.stderr).toMatch(/availability scope/);
    expect(server.messages).toHaveLength(0);
    expectNoSecrets(run, server);
  });

  it('fails with the token code and a hint for a wrong App Secret, fetching the token once', async () => {
    const server = await start();
    const run = await runAction({
      inputs: inputs(server, { secret: 'WrongSecretValue-0123456789', target: `chat:${CHAT}\nuser:${USER}` }),
    });
    expect(run.code).toBe(1);
    expect(server.tokenRequests()).toBe(1);
    expect(resultsOf(run).map((result) => result.code)).toEqual([10014, 10014]);
    expect(run.stdout + run.stderr).toMatch(/check `secret`/);
    const leaks = (run.stdout + run.stderr)
      .split('\n')
      .filter((line) => line.includes('WrongSecretValue') && !line.startsWith('::add-mask::'));
    expect(leaks).toEqual([]);
    expect(server.messages).toHaveLength(0);
  });

  it('refuses a target of the wrong shape before any request', async () => {
    const server = await start();
    const run = await runAction({ inputs: inputs(server, { target: 'user:oc_not_a_user' }) });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/Invalid input 'target'/);
    expect(server.requests).toHaveLength(0);
  });
});
