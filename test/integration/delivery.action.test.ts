import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeMobpush } from '../fakes/mobpush.js';
import { fakePushplus } from '../fakes/pushplus.js';
import { runAction } from '../helpers/run-action.js';

const TOKEN = '0123456789abcdef0123456789abcdef';
const NO_API_TOKEN = 'abcdefabcdefabcdefabcdefabcdef00';
const SECRET_KEY = 'open-api-secret-key-0001';

describe('wait-for-delivery with pushplus', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeEach(async () => {
    fake = fakePushplus({
      tokens: [TOKEN, NO_API_TOKEN],
      secretKeys: { [TOKEN]: SECRET_KEY },
      delivery: (body) => {
        const title = String(body.title);
        if (title.includes('slow')) return { kind: 'delivered-after', ms: 1500 };
        if (title.includes('dropped')) return { kind: 'failed', reason: '用户未关注公众号' };
        if (title.includes('stuck')) return { kind: 'never' };
        return { kind: 'delivered-after', ms: 0 };
      },
    });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const send = (title: string, extra: Record<string, string> = {}) =>
    runAction({
      inputs: {
        provider: 'pushplus',
        token: TOKEN,
        secret: SECRET_KEY,
        endpoint: fake.url,
        status: 'failure',
        title,
        'wait-for-delivery': '6',
        ...extra,
      },
      env: { ACTIONS_STEP_DEBUG: 'true' },
    });

  it('follows a message from sending to sent', async () => {
    const started = Date.now();
    const run = await send('slow build alert');
    expect(run.code, run.stdout).toBe(0);
    const [result] = JSON.parse(run.outputs.results!);
    expect(result).toMatchObject({ ok: true, delivery: 'delivered' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    const polls = fake.requests.filter((request) => request.path === '/api/open/message/sendMessageResult');
    expect(polls.length).toBeGreaterThanOrEqual(2);
    // One access key for the whole run, fetched once, never printed.
    expect(fake.requests.filter((request) => request.path === '/api/common/openApi/getAccessKey')).toHaveLength(1);
    const accessKey = String(polls[0]!.headers['access-key']);
    expect(run.stdout).toContain(`::add-mask::${accessKey}`);
    const printed = (run.stdout + run.outputsRaw + run.summary)
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toContain(accessKey);
    expect(run.summary).toContain('delivered');
  });

  it('fails the step when pushplus reports the send failed, with its reason', async () => {
    const run = await send('dropped alert');
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.outputs.results!);
    expect(result).toMatchObject({ ok: true, delivery: 'failed', deliveryMessage: '用户未关注公众号' });
    expect(run.outputs.status).toBe('failure');
    expect(run.stdout).toContain('用户未关注公众号');
  });

  it('reports pending and only warns when the message never settles within the wait', async () => {
    const started = Date.now();
    const run = await send('stuck alert', { 'wait-for-delivery': '3' });
    const elapsed = Date.now() - started;
    expect(run.code, run.stdout).toBe(0);
    const [result] = JSON.parse(run.outputs.results!);
    expect(result).toMatchObject({ ok: true, delivery: 'pending' });
    expect(run.stdout).toContain('::warning::');
    expect(run.outputs.status).toBe('success');
    expect(elapsed).toBeLessThan(3000 + 2500);
  });

  it('reports unsupported with the fix when the account has no open API', async () => {
    const run = await runAction({
      inputs: {
        provider: 'pushplus',
        token: NO_API_TOKEN,
        secret: 'whatever-key',
        endpoint: fake.url,
        status: 'failure',
        'wait-for-delivery': '5',
      },
    });
    expect(run.code, run.stdout).toBe(0);
    const [result] = JSON.parse(run.outputs.results!);
    expect(result).toMatchObject({ ok: true, delivery: 'unsupported' });
    expect(run.stdout).toMatch(/::warning::.*open API/);
  });

  it('reports unsupported when no secret key is given', async () => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: TOKEN, endpoint: fake.url, status: 'failure', 'wait-for-delivery': '5' },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.results!)[0]).toMatchObject({ delivery: 'unsupported' });
    expect(fake.requests.filter((request) => request.path !== '/send')).toHaveLength(0);
  });

  it('does not follow up when wait-for-delivery is 0', async () => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: TOKEN, secret: SECRET_KEY, endpoint: fake.url, status: 'failure' },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.results!)[0].delivery).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });
});

describe('wait-for-delivery with MobPush', () => {
  const KEY = '2f2d7a68f8a40';
  const SECRET = '9abee316611dd24f607feb9f2c496338';
  let fake: ReturnType<typeof fakeMobpush>;
  afterEach(() => fake.stop());

  async function send(taskCodes: number[], wait = '6') {
    fake = fakeMobpush({ apps: { [KEY]: SECRET }, taskCodes });
    await fake.start();
    return runAction({
      inputs: {
        provider: 'mobpush',
        token: KEY,
        secret: SECRET,
        endpoint: fake.url,
        status: 'failure',
        target: 'alias:tester',
        'wait-for-delivery': wait,
      },
    });
  }

  it('follows a task from not started to completed', async () => {
    const run = await send([1, 1, 4]);
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.results!)[0]).toMatchObject({ ok: true, delivery: 'delivered' });
    expect(fake.requests.filter((request) => request.path === '/v3/push/createPush')).toHaveLength(1);
    expect(fake.requests.filter((request) => request.path !== '/v3/push/createPush').length).toBeGreaterThanOrEqual(2);
    expect(run.summary).toContain('delivered');
  });

  it('fails the step when the task failed', async () => {
    const run = await send([3]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.outputs.results!)[0]).toMatchObject({ ok: true, delivery: 'failed' });
    expect(run.outputs.status).toBe('failure');
  });

  it('reports pending when the task never settles', async () => {
    const run = await send([1], '2');
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.results!)[0]).toMatchObject({ ok: true, delivery: 'pending' });
    expect(run.stdout).toContain('::warning::');
  });
});
