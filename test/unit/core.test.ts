import { describe, expect, it } from 'vitest';
import { deepMerge, parseRateLimit } from '../../src/model/config.js';
import type { CiContext } from '../../src/model/context.js';
import { ConfigError, describeError, toError } from '../../src/model/errors.js';
import { deliveryKey } from '../../src/model/idempotency.js';
import { shouldNotify } from '../../src/notify/notify.js';
import { parseOptions } from '../../src/model/options.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { resolveBaseUrl } from '../../src/providers/endpoint.js';
import { RateLimiter } from '../../src/transport/rate-limit.js';
import { parseRetryAfter } from '../../src/transport/transport.js';

const base: CiContext = { ci: 'github', status: 'failure', runId: '7', runAttempt: '1', repository: 'o/r' };

describe('SecretRegistry', () => {
  it('redacts the secret and its URL-encoded, base64 and JSON-escaped forms, longest first', () => {
    const sink: string[] = [];
    const secrets = new SecretRegistry((value) => sink.push(value));
    secrets.add('p@ss word/"x"');
    const text = `a p@ss word/"x" b ${encodeURIComponent('p@ss word/"x"')} c ${Buffer.from('p@ss word/"x"').toString('base64')} d ${JSON.stringify('p@ss word/"x"')}`;
    expect(secrets.redact(text)).not.toMatch(/p@ss|cEBz/);
    expect(sink.length).toBeGreaterThanOrEqual(3);
  });

  it('redacts deeply inside objects and arrays', () => {
    const secrets = new SecretRegistry();
    secrets.add('tok-123456');
    expect(secrets.redactValue({ a: ['x tok-123456'], b: { c: 'tok-123456' }, n: 1 })).toEqual({
      a: ['x ***'],
      b: { c: '***' },
      n: 1,
    });
  });

  it('does not scrub very short values from unrelated text but still masks them in the runner', () => {
    const sink: string[] = [];
    const secrets = new SecretRegistry((value) => sink.push(value));
    secrets.add('ab');
    expect(secrets.redact('abc')).toBe('abc');
    expect(sink).toEqual(['ab']);
  });
});

describe('errors', () => {
  it('names the input, the problem and the expected form', () => {
    expect(new ConfigError('target', "'x' is not a target", "'topic:CODE'").message).toBe(
      "Invalid input 'target': 'x' is not a target. Expected 'topic:CODE'.",
    );
  });

  it('reports non-Error throws', () => {
    expect(toError('plain string').message).toBe('plain string');
    expect(toError({ weird: true }).message).toContain('{"weird":true}');
    expect(describeError(42)).toContain('42');
  });
});

describe('shouldNotify', () => {
  const withState = (status: CiContext['status'], state?: NonNullable<CiContext['history']>['state']): CiContext => ({
    ...base,
    status,
    history: state ? { state } : undefined,
  });

  it('always notifies with an empty list or always', () => {
    expect(shouldNotify([], withState('success'))).toBe(true);
    expect(shouldNotify(['always'], withState('success'))).toBe(true);
  });

  it('matches plain statuses against the job status', () => {
    expect(shouldNotify(['failure'], withState('failure', 'still-failing'))).toBe(true);
    expect(shouldNotify(['failure', 'cancelled'], withState('success'))).toBe(false);
    expect(shouldNotify(['cancelled'], withState('cancelled'))).toBe(true);
  });

  it('with history states listed, failure means newly broken and still-failing stays quiet', () => {
    expect(shouldNotify(['failure', 'fixed'], withState('failure', 'failure'))).toBe(true);
    expect(shouldNotify(['failure', 'fixed'], withState('failure', 'still-failing'))).toBe(false);
    expect(shouldNotify(['failure', 'fixed'], withState('success', 'fixed'))).toBe(true);
    expect(shouldNotify(['failure', 'fixed'], withState('success', 'success'))).toBe(false);
    expect(shouldNotify(['still-failing'], withState('failure', 'still-failing'))).toBe(true);
  });

  it('falls back to the job status when the history is unknown', () => {
    expect(shouldNotify(['failure', 'fixed'], withState('failure'))).toBe(true);
    expect(shouldNotify(['failure', 'fixed'], withState('success'))).toBe(false);
  });
});

describe('options and rates', () => {
  it('parses JSON and YAML objects alike', async () => {
    expect(await parseOptions('{"a": {"b": 1}}')).toEqual({ a: { b: 1 } });
    expect(await parseOptions('a:\n  b: 1\nlist: [x, y]')).toEqual({ a: { b: 1 }, list: ['x', 'y'] });
    expect(await parseOptions('   ')).toEqual({});
  });

  it('deep-merges user options over defaults without prototype pollution', () => {
    const merged = deepMerge(
      { a: { b: 1, c: 2 }, d: [1] },
      JSON.parse('{"a":{"c":3},"d":[2],"__proto__":{"polluted":true}}'),
    );
    expect(merged).toEqual({ a: { b: 1, c: 3 }, d: [2] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parses rate limits', () => {
    expect(parseRateLimit('rate-limit', '20/min')).toEqual({ requests: 20, perMs: 60_000 });
    expect(parseRateLimit('rate-limit', '5 / s')).toEqual({ requests: 5, perMs: 1000 });
    expect(parseRateLimit('rate-limit', '')).toBeUndefined();
    expect(() => parseRateLimit('rate-limit', 'lots')).toThrow(ConfigError);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:05 GMT', 1000)).toBe(4000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe('endpoint', () => {
  it('replaces scheme, host and port and keeps the provider path', () => {
    expect(resolveBaseUrl('https://www.pushplus.plus', undefined)).toBe('https://www.pushplus.plus');
    expect(resolveBaseUrl('https://oapi.dingtalk.com/robot', 'http://127.0.0.1:8080')).toBe(
      'http://127.0.0.1:8080/robot',
    );
    expect(resolveBaseUrl('https://qyapi.weixin.qq.com/cgi-bin', 'proxy.example.com:8443/wecom/')).toBe(
      'https://proxy.example.com:8443/wecom/cgi-bin',
    );
  });
});

describe('idempotency keys', () => {
  it('are stable per run, attempt and target and differ otherwise', () => {
    const key = deliveryKey(base, 'mobpush', 'alias:a');
    expect(deliveryKey(base, 'mobpush', 'alias:a')).toBe(key);
    expect(deliveryKey({ ...base, runAttempt: '2' }, 'mobpush', 'alias:a')).not.toBe(key);
    expect(deliveryKey(base, 'mobpush', 'alias:b')).not.toBe(key);
  });
});

describe('RateLimiter', () => {
  /** A limiter on a fake clock that the fake sleep advances. */
  function fakeLimiter() {
    const clock = { now: 0 };
    const waits: number[] = [];
    const limiter = new RateLimiter(
      () => clock.now,
      async (ms) => {
        waits.push(ms);
        clock.now += Math.max(0, ms);
      },
    );
    return { clock, waits, limiter };
  }

  it('spaces requests to the limit, counted from when each finished, and queues instead of failing', async () => {
    const { clock, waits, limiter } = fakeLimiter();
    const limit = { requests: 2, perMs: 1000 };
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const slot = await limiter.acquire('k', limit, 10_000);
      starts.push(clock.now);
      clock.now += 50; // the exchange takes 50 ms
      slot.done();
    }
    // Each window opens 1000 ms after the request that leaves it finished, not after it started.
    expect(starts).toEqual([0, 50, 1050, 1100, 2100]);
    expect(waits).toEqual([950, 950]);
    clock.now = 10_000;
    await limiter.acquire('k', limit, 20_000);
    expect(waits).toHaveLength(2);
  });

  it('counts requests in flight: a slot opens only once one of them finishes', async () => {
    const clock = { now: 0 };
    // Waiting for a request in flight has no known end: that wait never elapses here, only the finish wakes it.
    const limiter = new RateLimiter(
      () => clock.now,
      (ms) => (ms >= 10_000 ? new Promise<void>(() => {}) : Promise.resolve(void (clock.now += ms))),
    );
    const limit = { requests: 1, perMs: 100 };
    const first = await limiter.acquire('k', limit, 60_000);
    let second = false;
    const waiting = limiter.acquire('k', limit, 60_000).then((slot) => {
      second = true;
      return slot;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(second).toBe(false);
    clock.now = 3000;
    first.done();
    (await waiting).done();
    expect(second).toBe(true);
    expect(clock.now).toBeGreaterThanOrEqual(3100);
  });

  it('keeps separate windows per key', async () => {
    const { waits, limiter } = fakeLimiter();
    await limiter.acquire('a', { requests: 1, perMs: 1000 }, 10_000);
    await limiter.acquire('b', { requests: 1, perMs: 1000 }, 10_000);
    expect(waits).toEqual([]);
  });

  it('fails at once when the slot would be past the deadline', async () => {
    const { limiter } = fakeLimiter();
    (await limiter.acquire('k', { requests: 1, perMs: 60_000 }, 1000)).done();
    await expect(limiter.acquire('k', { requests: 1, perMs: 60_000 }, 1000)).rejects.toThrow(
      'no slot before the deadline',
    );
  });
});
