/**
 * Durations run on a monotonic clock, the wall clock only gives timestamps: a wall clock stepped back an hour must
 * not make the next send wait an hour, and one stepped forward must not fail every send as past the deadline.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SecretRegistry } from '../../src/model/secrets.js';
import { followUp } from '../../src/notify/follow-up.js';
import type { PlanEnvironment, ProviderAdapter } from '../../src/providers/types.js';
import { RateLimiter } from '../../src/transport/rate-limit.js';
import { Transport } from '../../src/transport/transport.js';
import type { HttpReply } from '../../src/transport/types.js';
import { FakeServer, sendJson } from '../helpers/fake-server.js';

const HOUR = 3_600_000;
let server: FakeServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.stop();
  server = undefined;
});

/** Date.now that jumps by `step` once `after` calls have read it. */
function steppedWallClock(step: number, after = 1) {
  const real = Date.now.bind(Date);
  let calls = 0;
  return vi.spyOn(Date, 'now').mockImplementation(() => real() + (++calls > after ? step : 0));
}

/** Settles within `ms` of real time, or says it did not. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), ms))),
  ]).finally(() => clearTimeout(timer));
}

describe('the rate limiter', () => {
  it.each([
    ['back', -HOUR],
    ['forward', HOUR],
  ])('a wall clock stepped %s an hour does not change the wait for the next slot', async (_name, step) => {
    const limiter = new RateLimiter();
    const limit = { requests: 1, perMs: 100 };
    const first = await limiter.acquire('k', limit, Number.POSITIVE_INFINITY);
    first.done();
    steppedWallClock(step, 0);
    const started = performance.now();
    const second = await within(limiter.acquire('k', limit, Number.POSITIVE_INFINITY), 3000);
    expect(second).not.toBe('timed out');
    // It still waited for the window (about 100 ms), not zero and not an hour.
    expect(performance.now() - started).toBeGreaterThanOrEqual(60);
  });
});

describe('the transport deadline', () => {
  it('a wall clock stepped forward an hour after the run started does not fail the send', async () => {
    server = new FakeServer((_request, response) => sendJson(response, 200, { code: 0 }));
    await server.start();
    const transport = new Transport({
      timeoutMs: 2000,
      retries: 0,
      deadline: Date.now() + 60_000,
      secrets: new SecretRegistry(),
      logger: { debug: () => {}, info: () => {}, warning: () => {} },
    });
    steppedWallClock(HOUR, 0);
    const result = await transport.exchange({
      label: 'fake',
      build: () => ({ method: 'POST', url: `${server!.url}/send`, headers: {}, body: '{}' }),
      interpret: (reply: HttpReply) =>
        reply.status === 200 ? { ok: true } : { ok: false, message: 'x', retry: 'never' },
    });
    expect(result.attempts).toBe(1);
  });
});

describe('wait-for-delivery cut by the deadline', () => {
  it('warns at the start and reports the wait that really happened', async () => {
    let now = 0;
    const warnings: string[] = [];
    const env = {
      secrets: new SecretRegistry(),
      logger: { debug: () => {}, info: () => {}, warning: (text: string) => warnings.push(text) },
    } as unknown as PlanEnvironment;
    const adapter = {
      displayName: 'Fake',
      track: async () => {
        if (warnings.length === 0) throw new Error('the warning must come before the first poll');
        return { state: 'pending' as const, message: 'queued' };
      },
    } as unknown as ProviderAdapter<unknown>;
    const result: { target: string; delivery?: string; deliveryMessage?: string } = { target: 'x' };
    await followUp(adapter, {}, [{ result: result as never, handle: {} as never }], env, {
      waitMs: 600_000,
      deadline: 100_000,
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    expect(warnings).toEqual([
      expect.stringMatching(/wait-for-delivery asks for 600 s, but the deadline leaves 100 s/),
    ]);
    expect(result.delivery).toBe('pending');
    expect(result.deliveryMessage).toMatch(/^no final state within 100 s/);
  });

  it('no warning when the deadline leaves the whole wait', async () => {
    let now = 0;
    const warnings: string[] = [];
    const env = {
      secrets: new SecretRegistry(),
      logger: { debug: () => {}, info: () => {}, warning: (text: string) => warnings.push(text) },
    } as unknown as PlanEnvironment;
    const adapter = {
      displayName: 'Fake',
      track: async () => ({ state: 'pending' as const }),
    } as unknown as ProviderAdapter<unknown>;
    const result: { target: string; deliveryMessage?: string } = { target: 'x' };
    await followUp(adapter, {}, [{ result: result as never, handle: {} as never }], env, {
      waitMs: 30_000,
      deadline: 100_000,
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    expect(warnings).toEqual([]);
    expect(result.deliveryMessage).toMatch(/^no final state within 30 s/);
  });
});
