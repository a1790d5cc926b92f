import { afterEach, describe, expect, it } from 'vitest';
import { fakeWecomApp, type FakeWecomApp, type FakeWecomAppOptions } from '../fakes/wecom-app.js';
import { runAction, type ActionRun, linesHolding, resultsOf } from '../helpers/run-action.js';

const CORP_ID = 'ww1234567890abcdef';
const CORP_SECRET = 'WecomAppSecretNeverLogged-0123456789abcd';
const AGENT_ID = 1000002;

let fake: FakeWecomApp | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function start(options: Partial<FakeWecomAppOptions> = {}): Promise<FakeWecomApp> {
  fake = fakeWecomApp({
    corpId: CORP_ID,
    corpSecret: CORP_SECRET,
    agentId: AGENT_ID,
    users: ['alice', 'bob'],
    parties: ['2'],
    ...options,
  });
  await fake.start();
  return fake;
}

function inputs(server: FakeWecomApp, extra: Record<string, string> = {}): Record<string, string> {
  return {
    provider: 'wecom-app',
    // These tests read the English wording; Chinese (the default) is covered by oncall.action.test.ts.
    locale: 'en',
    endpoint: server.url,
    token: CORP_ID,
    secret: CORP_SECRET,
    'app-id': String(AGENT_ID),
    target: 'user:alice,bob',
    status: 'failure',
    retries: '2',
    ...extra,
  };
}

function expectNoSecrets(run: ActionRun, server: FakeWecomApp): void {
  for (const secret of [CORP_SECRET, ...server.issued])
    expect(linesHolding(run, secret), `leaked ${secret}`).toEqual([]);
}

describe('wecom-app through node dist/index.js', () => {
  it('sends one textcard to the users with agentid a number and the duplicate check on', async () => {
    const server = await start();
    const run = await runAction({ inputs: inputs(server, { target: 'user:alice,bob\nparty:2' }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.tokenRequests()).toBe(1);
    expect(server.delivered).toHaveLength(1);
    const body = server.delivered[0]!.body;
    expect(body).toMatchObject({ touser: 'alice|bob', toparty: '2', msgtype: 'textcard', agentid: AGENT_ID });
    expect(body.enable_duplicate_check).toBe(1);
    expect(body.duplicate_check_interval).toBeGreaterThanOrEqual(60);
    const card = body.textcard as Record<string, string>;
    expect(card.title).toContain('Failed');
    expect(card.url).toContain('/actions/runs/');
    expect(card.description).toMatch(/^<div class="highlight">/);
    expect(Buffer.byteLength(card.description!)).toBeLessThanOrEqual(512);
    expect(server.sends()[0]!.query.get('access_token')).toBe(server.issued[0]);
    expect(run.outputs['message-id']).toBe(server.delivered[0]!.msgid);
    expectNoSecrets(run, server);
  });

  it('keeps markdown within the application limit of 2048 bytes', async () => {
    const server = await start();
    const long = '长'.repeat(3000);
    const run = await runAction({ inputs: inputs(server, { format: 'markdown', template: `### Build\n\n${long}` }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const content = (server.delivered[0]!.body.markdown as Record<string, string>).content!;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
    expect(content).toContain('truncated');
  });

  it('reports refused recipients one by one as warnings while the others are reached', async () => {
    const server = await start({ unlicensed: ['carol'] });
    const run = await runAction({ inputs: inputs(server, { target: 'user:alice,Ghost,carol' }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.status).toBe('success');
    const list = resultsOf(run);
    expect(list[0]).toMatchObject({ ok: true, id: server.delivered[0]!.msgid });
    expect(list.slice(1)).toEqual([
      expect.objectContaining({ target: 'user:ghost', ok: false, warning: true }),
      expect.objectContaining({ target: 'user:carol', ok: false, warning: true }),
    ]);
    expect(run.stdout).toMatch(/::warning::.*user:ghost/);
    expect(run.summary).toContain('⚠️ not reached');
  });

  it('fails when every recipient is invalid (81013)', async () => {
    const server = await start();
    const run = await runAction({ inputs: inputs(server, { target: 'user:ghost\nparty:99' }) });
    expect(run.code).toBe(1);
    expect(resultsOf(run)[0]).toMatchObject({ ok: false, code: 81013 });
    expect(run.stdout + run.stderr).toMatch(/visibility/);
  });

  it('explains 60020: trusted IPs and a fixed-IP reverse proxy through endpoint', async () => {
    const server = await start({ untrusted: true });
    const run = await runAction({ inputs: inputs(server) });
    expect(run.code).toBe(1);
    const text = run.stdout + run.stderr;
    expect(text).toMatch(/60020/);
    expect(text).toMatch(/trusted IP/);
    expect(text).toMatch(/reverse proxy/);
    expect(text).toMatch(/`endpoint`/);
    expect(server.delivered).toHaveLength(0);
    expectNoSecrets(run, server);
  });

  it('fetches one new token when it expires mid-run (42001) and delivers the message once', async () => {
    const server = await start({ expireIssued: 1 });
    const run = await runAction({ inputs: inputs(server) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.tokenRequests()).toBe(2);
    const sends = server.sends();
    expect(sends.map((send) => send.query.get('access_token'))).toEqual(server.issued);
    expect(server.delivered).toHaveLength(1);
    expectNoSecrets(run, server);
  });

  it('retries a send whose reply was lost: the duplicate check delivers it once', async () => {
    const server = await start({ dropReplies: 1 });
    const run = await runAction({ inputs: inputs(server) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.sends()).toHaveLength(2);
    expect(server.sends()[0]!.body).toBe(server.sends()[1]!.body);
    expect(server.delivered).toHaveLength(1);
    expect(run.outputs['message-id']).toBe(server.delivered[0]!.msgid);
  });

  it('refuses update-message and a non-numeric app-id before any request', async () => {
    const server = await start();
    const update = await runAction({ inputs: inputs(server, { 'update-message': 'abc' }) });
    expect(update.code).toBe(1);
    expect(update.stdout + update.stderr).toMatch(/Invalid input 'update-message'/);
    const agent = await runAction({ inputs: inputs(server, { 'app-id': 'agent-1' }) });
    expect(agent.stdout + agent.stderr).toMatch(/Invalid input 'app-id'/);
    expect(server.requests).toHaveLength(0);
  });
});
