import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { busiestWindow } from '../../scripts/busiest-window.mjs';
import { fakePushplus } from '../fakes/pushplus.js';
import { runAction } from '../helpers/run-action.js';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('pushplus through node dist/index.js', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeEach(async () => {
    fake = fakePushplus({ tokens: [TOKEN] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('sends a build-failure alert and sets every output', async () => {
    const run = await runAction({
      inputs: {
        locale: 'en',
        provider: 'pushplus',
        token: TOKEN,
        endpoint: fake.url,
        status: 'failure',
        target: 'topic:ops',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe('/send');
    expect(sent.url).not.toContain(TOKEN);
    const body = sent.json as Record<string, string>;
    expect(body).toMatchObject({ token: TOKEN, topic: 'ops', template: 'html', channel: 'wechat' });
    expect(body.title).toContain('Failed');
    expect(body.content).toContain('https://github.com/octo-org/hello-world/actions/runs/9876543210');
    expect(body.content).toContain('Fix the flaky login test');
    expect(run.outputs.status).toBe('success');
    expect(run.outputs['message-id']).toMatch(/^[0-9a-f]{32}$/);
    const results = JSON.parse(run.outputs.results!) as Record<string, unknown>[];
    expect(results).toEqual([
      expect.objectContaining({ provider: 'pushplus', target: 'topic:ops', ok: true, attempts: 1, code: 200 }),
    ]);
    expect(JSON.parse(run.outputs.response!)).toMatchObject({ code: 200 });
    expect(run.summary).toContain('ci-notifier: success');
    expect(run.summary).toContain('topic:ops');
  });

  it('a rate-limited fan-out reuses connections and never exceeds the limit in any window at the server', async () => {
    const target = Array.from({ length: 80 }, (_, i) => `to:friend${i}`).join('\n');
    const run = await runAction({
      inputs: {
        locale: 'en',
        provider: 'pushplus',
        token: TOKEN,
        endpoint: fake.url,
        status: 'failure',
        target,
        'rate-limit': '40/s',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(80);
    // Two windows of 40: the second rides on the first one's keep-alive connections.
    expect(fake.connections).toBeLessThanOrEqual(40);
    expect(
      busiestWindow(
        fake.requests.map((request) => request.receivedAt),
        1000,
      ),
    ).toBe(40);
  });

  it('fails on business error 903 without retrying, with the code and a hint', async () => {
    const run = await runAction({
      inputs: {
        locale: 'en',
        provider: 'pushplus',
        token: 'ffffffffffffffffffffffffffffffff',
        endpoint: fake.url,
        status: 'failure',
      },
    });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    expect(run.outputs.status).toBe('failure');
    const [result] = JSON.parse(run.outputs.results!) as Record<string, unknown>[];
    expect(result).toMatchObject({ ok: false, code: 903, attempts: 1 });
    expect(String(result!.message)).toContain('invalid token');
    expect(run.stdout).toContain('::error::');
    expect(run.stdout).toMatch(/903/);
    expect(JSON.parse(run.outputs.response!)).toMatchObject({ code: 903 });
  });

  it('retries HTTP 503 with Retry-After within the retry budget and reports the attempts', async () => {
    fake.setHandler((_request, response) => {
      response.writeHead(503, { 'content-type': 'text/html', 'retry-after': '0' });
      response.end('<html><body>Service Unavailable</body></html>');
    });
    const run = await runAction({
      inputs: { locale: 'en', provider: 'pushplus', token: TOKEN, endpoint: fake.url, status: 'failure', retries: '2' },
    });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(3);
    const [result] = JSON.parse(run.outputs.results!) as Record<string, unknown>[];
    expect(result).toMatchObject({ ok: false, code: 503, attempts: 3 });
    expect(run.outputs.status).toBe('failure');
  });

  it('does not retry HTTP 500 (pushplus has no idempotency key: it may have sent it) and says so', async () => {
    fake.setHandler((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/html' });
      response.end('<html><body>Internal Server Error</body></html>');
    });
    const run = await runAction({
      inputs: { locale: 'en', provider: 'pushplus', token: TOKEN, endpoint: fake.url, status: 'failure', retries: '2' },
    });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = JSON.parse(run.outputs.results!) as Record<string, unknown>[];
    expect(result).toMatchObject({ ok: false, code: 500, attempts: 1 });
    expect(run.stdout + run.stderr).toMatch(/may have been delivered/);
  });

  it('with fail-on-error false, a failed delivery warns, keeps the step green and still reports failure', async () => {
    const run = await runAction({
      inputs: {
        locale: 'en',
        provider: 'pushplus',
        token: 'ffffffffffffffffffffffffffffffff',
        endpoint: fake.url,
        status: 'failure',
        'fail-on-error': 'false',
      },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::warning::');
    expect(run.outputs.status).toBe('failure');
  });

  it('sends the channel code as both webhook and option', async () => {
    const run = await runAction({
      inputs: {
        locale: 'en',
        provider: 'pushplus',
        token: TOKEN,
        endpoint: fake.url,
        channel: 'webhook:robot1',
        status: 'success',
      },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(fake.requests[0]!.json).toMatchObject({ channel: 'webhook', webhook: 'robot1', option: 'robot1' });
  });

  it('sends to WeCom user ids with dots and @ on the cp channel', async () => {
    const run = await runAction({
      inputs: {
        provider: 'pushplus',
        token: TOKEN,
        endpoint: fake.url,
        channel: 'cp:app1',
        target: 'to:zhang.san@corp, li_si,Wang-5',
        status: 'success',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.json).toMatchObject({ channel: 'cp', to: 'zhang.san@corp,li_si,Wang-5' });
  });

  it('refuses a topic target on the webhook channel before sending anything', async () => {
    const run = await runAction({
      inputs: {
        provider: 'pushplus',
        token: TOKEN,
        endpoint: fake.url,
        channel: 'webhook:robot1',
        target: 'topic:ops',
        status: 'success',
      },
    });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(0);
    expect(run.stdout).toMatch(/target.*ignores topic on the webhook channel/);
  });

  it('merges options into the body', async () => {
    const run = await runAction({
      inputs: {
        locale: 'en',
        provider: 'pushplus',
        token: TOKEN,
        endpoint: fake.url,
        status: 'success',
        options: 'callbackUrl: https://example.com/cb\ntimestamp: 4102444800000',
      },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(fake.requests[0]!.json).toMatchObject({ callbackUrl: 'https://example.com/cb', timestamp: 4102444800000 });
  });

  it('skips outside notify-on and sends nothing', async () => {
    const run = await runAction({
      inputs: {
        locale: 'en',
        provider: 'pushplus',
        token: TOKEN,
        endpoint: fake.url,
        status: 'success',
        'notify-on': 'failure',
      },
    });
    expect(run.code).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(run.outputs.status).toBe('skipped');
  });

  it('dry-run prints the exact request with the token masked and sends nothing', async () => {
    const run = await runAction({
      inputs: {
        locale: 'en',
        provider: 'pushplus',
        token: TOKEN,
        endpoint: fake.url,
        status: 'failure',
        'dry-run': 'true',
      },
    });
    expect(run.code).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(run.outputs.status).toBe('dry-run');
    expect(run.stdout).toContain(`POST ${fake.url}/send`);
    expect(run.stdout).toContain('"token": "***"');
  });

  it.each([
    [{ provider: 'nope' }, "'provider'", 'unknown provider'],
    [{ provider: 'pushplus' }, "'token'", 'is required'],
    [{ provider: 'pushplus', token: TOKEN, channel: 'pigeon' }, "'channel'", 'unknown pushplus channel'],
    [{ provider: 'pushplus', token: TOKEN, target: 'group ops' }, "'target'", 'is not a pushplus target'],
    [{ provider: 'pushplus', token: TOKEN, options: '[1, 2]' }, "'options'", 'not an object'],
  ])('bad input %j fails naming %s and sends nothing', async (inputs, name, problem) => {
    const run = await runAction({ inputs: { ...inputs, endpoint: fake.url, status: 'failure' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::Invalid input ${name}`);
    expect(run.stdout).toContain(problem);
    expect(run.stdout).toContain('Expected');
    expect(fake.requests).toHaveLength(0);
    expect(run.outputs.status).toBe('failure');
  });
});
