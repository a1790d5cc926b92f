/**
 * The providers against their documents (issue 16): each case is a documented behaviour the adapters got wrong.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/errors.js';
import { createMessage } from '../../src/render/message.js';
import { dingtalk } from '../../src/providers/dingtalk/index.js';
import { EasemobClient, easemob } from '../../src/providers/easemob/index.js';
import { feishu } from '../../src/providers/feishu/index.js';
import { mobpush } from '../../src/providers/mobpush/index.js';
import { interpretPush } from '../../src/providers/mobpush/reply.js';
import { pushplus } from '../../src/providers/pushplus/index.js';
import type { ProviderSettings } from '../../src/providers/types.js';
import { RateLimiter } from '../../src/transport/rate-limit.js';
import { PUSH_FAILURE, jsonReply, planEnvironment } from '../helpers/plan-fixtures.js';

const context = PUSH_FAILURE;

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const message = createMessage('Build failed', 'The build failed.', context);

describe('pushplus', () => {
  const base: ProviderSettings = { token: '0123456789abcdef0123456789abcdef', options: {} };

  it('accepts WeCom user ids with dots and @ in to: (cp channel)', async () => {
    const parsed = pushplus.parse({ ...base, channel: 'cp:app1', target: 'to:zhang.san@corp,li_si' });
    const [plan] = await pushplus.plan(parsed, message, planEnvironment());
    expect(JSON.parse(String((await plan!.exchange.build(1)).body))).toMatchObject({ to: 'zhang.san@corp,li_si' });
  });

  it.each(['to:a b', 'to:.leading', 'to:a;b', `to:${'x'.repeat(65)}`, 'to:<script>'])('refuses %j', (target) => {
    expect(configError(() => pushplus.parse({ ...base, target })).input).toBe('target');
  });

  it('refuses a topic target on the webhook channel, where pushplus ignores topic', () => {
    const error = configError(() => pushplus.parse({ ...base, channel: 'webhook:robot', target: 'topic:ops' }));
    expect(error.input).toBe('target');
    expect(error.message).toContain('ignores topic on the webhook channel');
  });
});

describe('DingTalk throttling', () => {
  it.each([130101, 410100])(
    '%i asks for a 10-minute wait, so the transport fails at once within a short deadline',
    async (errcode) => {
      const parsed = dingtalk.parse({ token: 'a'.repeat(64), options: {} });
      const [plan] = await dingtalk.plan(parsed, message, planEnvironment());
      const verdict = plan!.exchange.interpret(jsonReply(200, { errcode, errmsg: 'send too fast' }));
      expect(verdict).toMatchObject({ ok: false, retry: 'safe', retryAfterMs: 600_000 });
      expect(verdict.ok ? '' : verdict.message).toContain('throttled for about 10 minutes');
    },
  );
});

describe('Feishu 9499', () => {
  async function verdictOf(msg: string) {
    const parsed = feishu.parse({ token: '2f1d6e3a-0000-4000-8000-000000000000', options: {} });
    const [plan] = await feishu.plan(parsed, message, planEnvironment());
    return plan!.exchange.interpret(jsonReply(200, { code: 9499, msg, data: {} }));
  }

  it('"too many request" is throttling: retried like 11232', async () => {
    expect(await verdictOf('too many request')).toMatchObject({ ok: false, code: 9499, retry: 'safe' });
  });

  it('"Bad Request" stays a permanent failure', async () => {
    expect(await verdictOf('Bad Request')).toMatchObject({ ok: false, code: 9499, retry: 'never' });
  });
});

describe('MobPush', () => {
  const base: ProviderSettings = {
    token: '2f2d7a68f8a40',
    secret: '9abee316611dd24f607feb9f2c496338',
    options: {},
  };

  it('batches tags by 100 (4525: at most 100 tags)', async () => {
    const tags = Array.from({ length: 250 }, (_, i) => `t${i}`);
    const parsed = mobpush.parse({ ...base, target: `tags:${tags.join(',')}` });
    const plans = await mobpush.plan(parsed, message, planEnvironment());
    const sizes = await Promise.all(
      plans.map(
        async (plan) =>
          (JSON.parse(String((await plan.exchange.build(1)).body)) as { pushTarget: { tags: string[] } }).pushTarget
            .tags.length,
      ),
    );
    expect(sizes).toEqual([100, 100, 50]);
  });

  it('refuses a second broadcast in one run', () => {
    expect(configError(() => mobpush.parse({ ...base, target: 'all\nalias:a\nall' })).message).toContain(
      'one broadcast a minute',
    );
  });

  it('a broadcast has its own window of one a minute', async () => {
    const parsed = mobpush.parse({ ...base, target: 'all\nalias:a' });
    const [broadcast, alias] = await mobpush.plan(parsed, message, planEnvironment());
    expect(broadcast!.exchange.rateLimit).toEqual({ requests: 1, perMs: 60_000 });
    expect(broadcast!.exchange.rateKey).not.toBe(alias!.exchange.rateKey);
    expect(alias!.exchange.rateLimit).toEqual({ requests: 500, perMs: 60_000 });
  });

  it('a throttled broadcast names the broadcast caps and waits a minute', () => {
    const verdict = interpretPush(jsonReply(200, { status: 4103, res: null, error: '请求过于频繁' }), 1, 'w', true);
    expect(verdict).toMatchObject({ ok: false, retry: 'safe', retryAfterMs: 60_000 });
    expect(verdict.ok ? '' : verdict.hint).toContain('100 a day');
  });

  it.each([5001, 4201, 5301])('retries transient code %i (the workno makes it safe)', (status) => {
    expect(interpretPush(jsonReply(200, { status, res: null, error: 'x' }), 1, 'w')).toMatchObject({
      ok: false,
      retry: 'safe',
    });
  });
});

describe('Easemob', () => {
  const base: ProviderSettings = {
    token: 'YXA6clientid',
    secret: 'YXA6clientsecret',
    appId: 'acme#im',
    endpoint: 'http://127.0.0.1:9',
    options: {},
  };

  it('refuses tokenTtl 0 (a token that never expires), in the adapter and the client', () => {
    const error = configError(() => easemob.parse({ ...base, target: 'user:alice', options: { tokenTtl: 0 } }));
    expect(error.input).toBe('options.tokenTtl');
    expect(error.message).toContain('never expires');
    expect(
      () =>
        new EasemobClient({
          endpoint: 'http://127.0.0.1:9',
          appKey: 'acme#im',
          clientId: 'id',
          clientSecret: 'secret',
          transport: planEnvironment().transport,
          tokenTtl: 0,
        }),
    ).toThrow(/never expires/);
  });

  it('weighs each send by its recipients: 6000 user messages a minute, 20 group messages a second', async () => {
    const users = Array.from({ length: 700 }, (_, i) => `u${i}`);
    const parsed = easemob.parse({ ...base, target: `user:${users.join(',')}\ngroup:1,2,3,4` });
    const plans = await easemob.plan(parsed, message, planEnvironment());
    expect(plans.map((plan) => [plan.exchange.rateWeight, plan.exchange.rateLimit])).toEqual([
      [600, { requests: 6000, perMs: 60_000 }],
      [100, { requests: 6000, perMs: 60_000 }],
      [3, { requests: 20, perMs: 1000 }],
      [1, { requests: 20, perMs: 1000 }],
    ]);
  });

  it('retries 403 "message send reach limit" on a send after the window', async () => {
    const parsed = easemob.parse({ ...base, target: 'group:1' });
    const [plan] = await easemob.plan(parsed, message, planEnvironment());
    const verdict = plan!.exchange.interpret(
      jsonReply(403, { error: 'forbidden_op', exception: 'X', error_description: 'message send reach limit' }),
    );
    expect(verdict).toMatchObject({ ok: false, retry: 'safe', retryAfterMs: 1000 });
  });
});

describe('RateLimiter weights', () => {
  it('counts a weighted request as that many units of the limit', async () => {
    const clock = { now: 0 };
    const waits: number[] = [];
    const limiter = new RateLimiter(
      () => clock.now,
      async (ms) => {
        waits.push(ms);
        clock.now += Math.max(0, ms);
      },
    );
    const limit = { requests: 20, perMs: 1000 };
    const starts: number[] = [];
    // Eight calls of three groups: six fit a second (18 messages), the seventh waits for the window.
    for (let i = 0; i < 8; i++) {
      const slot = await limiter.acquire('groups', limit, 60_000, undefined, 3);
      starts.push(clock.now);
      clock.now += 10;
      slot.done();
    }
    expect(starts.slice(0, 6)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(starts[6]).toBeGreaterThanOrEqual(1000);
    expect(starts[7]).toBeGreaterThanOrEqual(1000);
  });

  it('lets a request heavier than the whole limit go alone instead of waiting forever', async () => {
    const limiter = new RateLimiter(
      () => 0,
      () => Promise.resolve(),
    );
    const slot = await limiter.acquire('k', { requests: 5, perMs: 1000 }, 10, undefined, 50);
    slot.done();
  });
});
