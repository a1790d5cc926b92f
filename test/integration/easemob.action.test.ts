import { afterEach, describe, expect, it } from 'vitest';
import { fakeEasemob, type FakeEasemob, type FakeEasemobOptions } from '../fakes/easemob.js';
import { runAction, type ActionRun, linesHolding, resultsOf } from '../helpers/run-action.js';

const ORG = '1112171214115068';
const APP = 'cinotify';
const CLIENT_ID = 'YXA6Qk9XclientIdForTests';
const CLIENT_SECRET = 'YXA6s3cretClientSecretNeverLogged';

let fake: FakeEasemob | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function start(options: Partial<FakeEasemobOptions> = {}): Promise<FakeEasemob> {
  fake = fakeEasemob({ org: ORG, app: APP, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...options });
  await fake.start();
  return fake;
}

function inputs(server: FakeEasemob, extra: Record<string, string> = {}): Record<string, string> {
  return {
    locale: 'en',
    provider: 'easemob',
    endpoint: server.url,
    'app-id': `${ORG}#${APP}`,
    token: CLIENT_ID,
    secret: CLIENT_SECRET,
    status: 'failure',
    retries: '2',
    ...extra,
  };
}

function expectNoSecrets(run: ActionRun, server: FakeEasemob): void {
  for (const secret of [CLIENT_SECRET, CLIENT_ID, ...server.issued])
    expect(linesHolding(run, secret), `leaked ${secret}`).toEqual([]);
}

const users = (count: number) => Array.from({ length: count }, (_, i) => `u${i}`);

describe('easemob through node dist/index.js', () => {
  it('sends to users with one app token, offline push title and content, one result per recipient', async () => {
    const server = await start();
    const run = await runAction({ inputs: inputs(server, { target: 'user:alice,bob' }), env: { RUNNER_DEBUG: '1' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.tokenRequests()).toBe(1);
    const token = server.requests.find((request) => request.path.endsWith('/token'))!;
    expect(token.path).toBe(`/${ORG}/${APP}/token`);
    expect(token.json).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(server.accepted).toHaveLength(1);
    const sent = server.apiRequests()[0]!;
    expect(sent.path).toBe(`/${ORG}/${APP}/messages/users`);
    expect(sent.headers.authorization).toBe(`Bearer ${server.issued[0]}`);
    const body = server.accepted[0]!.body as {
      from: string;
      to: string[];
      type: string;
      body: { msg: string };
      ext: { em_apns_ext: Record<string, string>; em_push_ext: Record<string, string> };
    };
    expect(body.from).toBe('admin');
    expect(body.to).toEqual(['alice', 'bob']);
    expect(body.type).toBe('txt');
    expect(body.body.msg).toContain('Fix the flaky login test');
    expect(body.body.msg).toContain('https://github.com/octo-org/hello-world/actions/runs/9876543210');
    expect(body.body.msg).not.toMatch(/\*\*|\[View run\]\(/);
    expect(body.ext.em_apns_ext.em_push_title).toContain('Failed');
    expect(body.ext.em_push_ext.title).toBe(body.ext.em_apns_ext.em_push_title);
    expect(body.ext.em_push_ext.content).toBe(body.ext.em_apns_ext.em_push_content);
    expect(String(body.ext.em_push_ext.content).length).toBeGreaterThan(10);
    const ids = server.accepted[0]!.ids;
    expect(resultsOf(run)).toEqual([
      expect.objectContaining({ provider: 'easemob', target: 'user:alice', ok: true, id: ids.alice }),
      expect.objectContaining({ provider: 'easemob', target: 'user:bob', ok: true, id: ids.bob }),
    ]);
    expect(run.outputs['message-id']).toBe(ids.alice);
    expect(run.outputs.status).toBe('success');
    expectNoSecrets(run, server);
  });

  it('sends to groups in batches of 3 with from and ext from options', async () => {
    const server = await start();
    const run = await runAction({
      inputs: inputs(server, {
        target: 'group:101,102,103,104,105',
        options: 'from: releasebot\next:\n  em_force_notification: true\n  em_push_ext:\n    group_user_nickname: CI',
      }),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.tokenRequests()).toBe(1);
    expect(server.accepted.map((message) => [message.kind, message.body.to])).toEqual([
      ['chatgroups', ['101', '102', '103']],
      ['chatgroups', ['104', '105']],
    ]);
    const ext = server.accepted[0]!.body.ext as Record<string, Record<string, unknown> | boolean>;
    expect(server.accepted[0]!.body.from).toBe('releasebot');
    expect(ext.em_force_notification).toBe(true);
    // options.ext merges: the nickname joins the generated title and content.
    expect(ext.em_push_ext).toMatchObject({ group_user_nickname: 'CI', title: expect.stringContaining('Failed') });
    expect(resultsOf(run).map((result) => result.target)).toEqual([
      'group:101',
      'group:102',
      'group:103',
      'group:104',
      'group:105',
    ]);
  });

  it('splits 1500 users into 3 requests of at most 600 and reports 1500 results', async () => {
    const server = await start();
    const run = await runAction({ inputs: inputs(server, { target: `user:${users(1500).join(',')}` }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.tokenRequests()).toBe(1);
    expect(server.accepted.map((message) => (message.body.to as string[]).length)).toEqual([600, 600, 300]);
    const all = server.accepted.flatMap((message) => message.body.to as string[]);
    expect(new Set(all).size).toBe(1500);
    const out = resultsOf(run);
    expect(out).toHaveLength(1500);
    expect(out.every((result) => result.ok === true && typeof result.id === 'string')).toBe(true);
    expect(out[1499]).toMatchObject({ target: 'user:u1499', id: server.accepted[2]!.ids.u1499 });
  });

  it('fetches the token again once when it expires mid-run, without sending anything twice', async () => {
    let expired = false;
    const server = await start({
      intercept: () => {
        if (!expired && fake!.accepted.length === 1) {
          expired = true;
          fake!.expireTokens();
        }
        return false;
      },
    });
    const run = await runAction({ inputs: inputs(server, { target: `user:${users(1500).join(',')}` }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(expired).toBe(true);
    expect(server.tokenRequests()).toBe(2);
    expect(server.apiRequests().some((request) => request.headers.authorization === `Bearer ${server.issued[0]}`)).toBe(
      true,
    );
    expect(server.accepted).toHaveLength(3);
    // At least one send was refused with the expired token and then repeated with the new one.
    expect(server.apiRequests().length).toBeGreaterThan(3);
    const all = server.accepted.flatMap((message) => message.body.to as string[]);
    expect(all).toHaveLength(1500);
    expect(new Set(all).size).toBe(1500);
    expect(resultsOf(run).every((result) => result.ok)).toBe(true);
    expectNoSecrets(run, server);
  });

  it('creates the push template when missing and sends with em_push_template arguments rendered from the context', async () => {
    const server = await start();
    const options = [
      'ensureTemplate:',
      '  name: ciAlert',
      "  title_pattern: '{0} {1}'",
      "  content_pattern: '{$fromNickname}: {0}'",
      'pushTemplate:',
      "  title_args: ['{{ statusIcon }}', '{{ repository }}']",
      "  content_args: ['{{ workflow }} on {{ branch }}']",
    ].join('\n');
    const run = await runAction({ inputs: inputs(server, { target: 'user:alice', options }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const api = server
      .apiRequests()
      .map((request) => `${request.method} ${request.path.slice(ORG.length + APP.length + 2)}`);
    expect(api).toEqual(['GET /notification/template/ciAlert', 'POST /notification/template', 'POST /messages/users']);
    expect(server.templates.get('ciAlert')).toMatchObject({
      title_pattern: '{0} {1}',
      content_pattern: '{$fromNickname}: {0}',
    });
    const ext = server.accepted[0]!.body.ext as Record<string, unknown>;
    expect(ext.em_push_template).toEqual({
      name: 'ciAlert',
      title_args: ['❌', 'octo-org/hello-world'],
      content_args: ['CI on main'],
    });
    expect(ext.em_apns_ext).toBeUndefined();

    // Second run: the template is already right, so nothing is written.
    server.requests.length = 0;
    const again = await runAction({ inputs: inputs(server, { target: 'user:alice', options }) });
    expect(again.code, again.stdout).toBe(0);
    expect(server.apiRequests().map((request) => request.method)).toEqual(['GET', 'POST']);
    expect(server.apiRequests()[1]!.path).toContain('/messages/users');
  });

  it('replaces a template whose patterns differ before sending', async () => {
    const server = await start();
    server.templates.set('ciAlert', {
      name: 'ciAlert',
      title_pattern: 'old {0}',
      content_pattern: 'old',
      createAt: 1,
      updateAt: 1,
    });
    const options =
      "ensureTemplate: { name: ciAlert, title_pattern: 'Build {0}', content_pattern: '{$msg}' }\npushTemplate: { title_args: ['{{ stateText }}'] }";
    const run = await runAction({ inputs: inputs(server, { target: 'user:alice', options }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.apiRequests().map((request) => request.method)).toEqual(['GET', 'DELETE', 'POST', 'POST']);
    expect(server.templates.get('ciAlert')).toMatchObject({ title_pattern: 'Build {0}', content_pattern: '{$msg}' });
    expect((server.accepted[0]!.body.ext as Record<string, unknown>).em_push_template).toEqual({
      name: 'ciAlert',
      title_args: ['Failed'],
      content_args: [],
    });
  });

  it('sends nothing when the template cannot be created, and says why', async () => {
    const server = await start({
      intercept: (request, reply) => {
        if (request.method !== 'POST' || !request.path.endsWith('/notification/template')) return false;
        reply(403, {
          error: 'forbidden_op',
          exception: 'EasemobForbiddenOpException',
          error_description: 'push template is not enabled for this app',
        });
        return true;
      },
    });
    const run = await runAction({
      inputs: inputs(server, {
        target: 'user:alice\ngroup:1',
        options: "ensureTemplate: { name: ciAlert, title_pattern: 'CI', content_pattern: '{$msg}' }",
      }),
    });
    expect(run.code).toBe(1);
    expect(server.accepted).toHaveLength(0);
    // One check and one create for the whole run, shared by both deliveries.
    expect(server.apiRequests().map((request) => request.method)).toEqual(['GET', 'POST']);
    const out = resultsOf(run);
    expect(out).toHaveLength(2);
    for (const result of out) expect(String(result.message)).toContain('push template is not enabled');
  });

  it('rejects a template name Easemob does not allow before any request', async () => {
    const server = await start();
    const run = await runAction({
      inputs: inputs(server, {
        target: 'user:alice',
        options: "ensureTemplate: { name: ci-alert, title_pattern: 'x', content_pattern: 'y' }",
      }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('options.ensureTemplate.name');
    expect(server.requests).toHaveLength(0);
  });

  it('403 "message send reach limit" waits out the window; with a short deadline it fails at once, saying so', async () => {
    const server = await start({ quota: 0 });
    const run = await runAction({ inputs: inputs(server, { target: 'user:alice', deadline: '30' }) });
    expect(run.code).toBe(1);
    expect(server.apiRequests()).toHaveLength(1);
    const [result] = resultsOf(run);
    expect(result).toMatchObject({ ok: false, attempts: 1, code: 'forbidden_op' });
    expect(String(result!.message)).toContain('message send reach limit');
    expect(String(result!.message)).toContain('past the deadline');
  });

  it('paces group sends by messages: 24 groups (8 calls of 3) never hit the 20 messages/s limit', async () => {
    const server = await start();
    const groups = Array.from({ length: 24 }, (_, i) => `${1000 + i}`);
    const run = await runAction({ inputs: inputs(server, { target: `group:${groups.join(',')}`, retries: '0' }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.rateRefusals()).toBe(0);
    expect(server.accepted).toHaveLength(8);
    const times = server.apiRequests().map((request) => request.receivedAt);
    // 18 messages (6 calls) fit the first second; the last two calls wait for it to pass.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(900);
  });

  it('retries a group send refused with 403 "message send reach limit" after the one-second window', async () => {
    let refused = false;
    const server = await start({
      intercept: (request, reply) => {
        if (!request.path.endsWith('/messages/chatgroups') || refused) return false;
        refused = true;
        reply(403, {
          error: 'forbidden_op',
          exception: 'EasemobForbiddenOpException',
          error_description: 'message send reach limit',
        });
        return true;
      },
    });
    const run = await runAction({ inputs: inputs(server, { target: 'group:1001,1002,1003' }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(server.accepted).toHaveLength(1);
    const sends = server.apiRequests();
    expect(sends).toHaveLength(2);
    expect(sends[1]!.receivedAt - sends[0]!.receivedAt).toBeGreaterThanOrEqual(900);
    expect(resultsOf(run)[0]).toMatchObject({ ok: true, attempts: 2 });
  });

  it('paces user sends by recipients: 6600 users (11 calls of 600) never exceed 6000 messages a minute', async () => {
    const server = await start();
    const run = await runAction({
      inputs: inputs(server, { target: `user:${users(6600).join(',')}`, deadline: '20', retries: '0' }),
    });
    // Ten calls fill the minute; the eleventh cannot be sent before the deadline and is not sent at all.
    expect(server.rateRefusals()).toBe(0);
    expect(server.accepted).toHaveLength(10);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('leaves no slot before the deadline');
  });

  it('retries 429 and 5xx within the budget', async () => {
    let calls = 0;
    const server = await start({
      intercept: (request, reply) => {
        if (!request.path.endsWith('/messages/users')) return false;
        calls += 1;
        if (calls === 1) {
          reply(429, { error: 'too_many_requests', error_description: 'Too Many Requests' });
          return true;
        }
        if (calls === 2) {
          reply(503, { error: 'service_unavailable', error_description: 'busy' });
          return true;
        }
        return false;
      },
    });
    const run = await runAction({ inputs: inputs(server, { target: 'user:alice' }) });
    expect(run.code, run.stdout).toBe(0);
    expect(server.accepted).toHaveLength(1);
    expect(resultsOf(run)[0]).toMatchObject({ ok: true, attempts: 3 });
  });

  it('fails naming the Easemob error when the client secret is wrong, fetching the token once', async () => {
    const server = await start();
    const run = await runAction({
      inputs: inputs(server, { target: 'user:alice,bob\ngroup:1', secret: 'YXA6wrongSecretValue' }),
    });
    expect(run.code).toBe(1);
    expect(server.tokenRequests()).toBe(1);
    expect(server.accepted).toHaveLength(0);
    expect(run.stdout).toContain('invalid_grant');
    const leaks = run.stdout.split('\n').filter((line) => line.includes('YXA6wrongSecretValue'));
    expect(leaks.every((line) => line.startsWith('::add-mask::'))).toBe(true);
  });

  it('keeps body and ext within 5 KB for a very long message', async () => {
    const server = await start();
    const run = await runAction({
      inputs: inputs(server, {
        target: 'user:alice',
        template: `# Release\n\n${'变更说明 "quoted" line\n'.repeat(800)}`,
      }),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const body = server.accepted[0]!.body;
    const size = Buffer.byteLength(JSON.stringify(body.body)) + Buffer.byteLength(JSON.stringify(body.ext));
    expect(size).toBeLessThanOrEqual(5 * 1024);
    expect(size).toBeGreaterThan(4 * 1024);
    expect((body.body as { msg: string }).msg).toContain('(truncated)');
  });

  it('requires endpoint and a well-formed app key before any request', async () => {
    const server = await start();
    const noEndpoint = await runAction({ inputs: { ...inputs(server, { target: 'user:alice' }), endpoint: '' } });
    expect(noEndpoint.code).toBe(1);
    expect(noEndpoint.stdout).toContain("'endpoint'");
    const badKey = await runAction({ inputs: inputs(server, { target: 'user:alice', 'app-id': 'cinotify' }) });
    expect(badKey.code).toBe(1);
    expect(badKey.stdout).toContain("'app-id'");
    expect(badKey.stdout).toContain('org_name#app_name');
    expect(server.requests).toHaveLength(0);
  });

  it('dry-run fetches no token and shows a placeholder', async () => {
    const server = await start();
    const run = await runAction({
      inputs: inputs(server, {
        target: 'user:alice',
        'dry-run': 'true',
        options:
          "ensureTemplate: { name: ciAlert, title_pattern: '{0}', content_pattern: '{$msg}' }\npushTemplate: { title_args: ['x'] }",
      }),
    });
    expect(run.code, run.stdout).toBe(0);
    expect(server.requests).toHaveLength(0);
    expect(run.stdout).toContain('Bearer ***');
    expect(run.stdout).toContain('/messages/users');
  });
});
