import { describe, expect, it } from 'vitest';
import type { NotifyConfig } from '../../src/model/config.js';
import type { CiContext } from '../../src/model/context.js';
import { ConfigError } from '../../src/model/errors.js';
import { configFromUrl, configsFromUrls, mergeOutcomes, notifyMany } from '../../src/notify/fan-out.js';
import type { NotifyOutcome } from '../../src/notify/notify.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { silentLogger } from '../../src/transport/types.js';

const BASE: NotifyConfig = {
  provider: '',
  token: 'base-token-value',
  secret: 'base-secret-value',
  template: 'build-failure',
  title: 'Base title',
  options: { callbackUrl: 'https://hooks.example.com/cb', nested: { a: 1 } },
  notifyOn: ['failure'],
  dryRun: false,
  failOnError: true,
  timeoutMs: 5000,
  retries: 0,
  deadlineMs: 20_000,
  waitForDeliveryMs: 0,
  summary: false,
};

const CONTEXT: CiContext = { ci: 'gitlab', repository: 'g/r', branch: 'main', status: 'failure' };

describe('configFromUrl', () => {
  it('overlays the URL on the other inputs: URL fields win, options merge, credentials never carry over', async () => {
    const config = await configFromUrl(
      BASE,
      'dingtalk://robot-token?options=%7B%22nested%22%3A%7B%22b%22%3A2%7D%7D&title=Mine',
    );
    expect(config).toMatchObject({
      provider: 'dingtalk',
      token: 'robot-token',
      title: 'Mine',
      template: 'build-failure',
      notifyOn: ['failure'],
      options: { callbackUrl: 'https://hooks.example.com/cb', nested: { a: 1, b: 2 } },
    });
    expect(config.secret).toBeUndefined();
  });

  it('labels which URL is wrong when there are several', async () => {
    await expect(configsFromUrls(BASE, ['wecom://key-one', 'wecom://user:pw@key'])).rejects.toThrow(
      /^URL 2 of 2: Invalid input 'url': 'wecom:\/\/\*\*\*:\*\*\*@\*\*\*'/,
    );
  });
});

describe('mergeOutcomes', () => {
  const outcome = (status: NotifyOutcome['status'], ok = true): NotifyOutcome => ({
    status,
    results:
      status === 'success' || status === 'failure'
        ? [
            {
              provider: 'pushplus',
              target: status,
              ok,
              attempts: 1,
              durationMs: 1,
              id: ok ? `id-${status}` : undefined,
            },
          ]
        : [],
    reason: status === 'skipped' ? 'not in notify-on' : undefined,
  });
  it('is failure if any delivery failed, skipped only if all skipped, else success', () => {
    expect(mergeOutcomes([outcome('success'), outcome('failure', false)]).status).toBe('failure');
    expect(mergeOutcomes([outcome('skipped'), outcome('skipped')]).status).toBe('skipped');
    expect(mergeOutcomes([outcome('skipped'), outcome('success')]).status).toBe('success');
    expect(mergeOutcomes([outcome('dry-run'), outcome('dry-run')]).status).toBe('dry-run');
    const merged = mergeOutcomes([outcome('failure', false), outcome('success')]);
    expect(merged.results).toHaveLength(2);
    expect(merged.messageId).toBe('id-success');
  });
});

describe('notifyMany', () => {
  it('validates every destination before sending anything', async () => {
    let requests = 0;
    const fetch = (async () => {
      requests++;
      return new Response(JSON.stringify({ code: 200, msg: 'ok', data: 'x' }), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof globalThis.fetch;
    const configs = await configsFromUrls(BASE, ['pushplus://token-aaaa', 'pushplus://token-bbbb?channel=pigeon']);
    await expect(
      notifyMany(configs, CONTEXT, { secrets: new SecretRegistry(), logger: silentLogger, fetch }),
    ).rejects.toThrow(/destination 2 of 2 \(pushplus\): Invalid input 'channel'/);
    expect(requests).toBe(0);

    const good = await configsFromUrls(BASE, ['pushplus://token-aaaa', 'pushplus://token-bbbb?topic=ops']);
    const outcome = await notifyMany(good, CONTEXT, { secrets: new SecretRegistry(), logger: silentLogger, fetch });
    expect(requests).toBe(2);
    expect(outcome.status).toBe('success');
    expect(outcome.results.map((result) => result.target)).toEqual(['self', 'topic:ops']);
  });

  it('needs at least one destination', async () => {
    await expect(
      notifyMany([], CONTEXT, { secrets: new SecretRegistry(), logger: silentLogger }),
    ).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('deliveries in flight', () => {
  /** Sends to `targets` pushplus friends through a fetch that holds each reply briefly; returns the peak in flight. */
  async function peakInFlight(targets: number, rateLimit: NotifyConfig['rateLimit']): Promise<number> {
    let inFlight = 0;
    let peak = 0;
    const fetch = (async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
      return new Response(JSON.stringify({ code: 200, msg: 'ok', data: 'x' }), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof globalThis.fetch;
    const target = Array.from({ length: targets }, (_, i) => `to:friend${i}`).join('\n');
    const config: NotifyConfig = { ...BASE, provider: 'pushplus', target, rateLimit };
    const outcome = await notifyMany([config], CONTEXT, { secrets: new SecretRegistry(), logger: silentLogger, fetch });
    expect(outcome.results).toHaveLength(targets);
    return peak;
  }

  it('has as many in flight as a declared rate limit admits per window, up to 64', async () => {
    // A request holds its place in the window until it finishes: never more in flight than the limit.
    expect(await peakInFlight(40, { requests: 10, perMs: 1 })).toBe(10);
    expect(await peakInFlight(40, { requests: 40, perMs: 1000 })).toBe(40);
    expect(await peakInFlight(80, { requests: 100, perMs: 1000 })).toBe(64);
  });
});
