import { DeadlineError } from '../core/errors.js';

/** At most `requests` starts in any window of `perMs` milliseconds. */
export interface RateLimit {
  requests: number;
  perMs: number;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DeadlineError('aborted: the overall deadline was reached'));
      },
      { once: true },
    );
  });

/**
 * Sliding-window limiter, one window per key (provider + credential). Sends queue for a slot instead of failing;
 * a slot that would start after the deadline fails at once with a clear reason instead of waiting in vain.
 * Slots are reserved synchronously, so concurrent callers get distinct, ordered start times.
 */
export class RateLimiter {
  private readonly starts = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly wait: Sleep = sleep,
  ) {}

  /** Reserves the next slot for `key` and waits for it. */
  async acquire(key: string, limit: RateLimit | undefined, deadline: number, signal?: AbortSignal): Promise<void> {
    if (!limit) return;
    const at = this.reserve(key, limit);
    if (at > deadline) {
      this.release(key, at);
      throw new DeadlineError(
        `rate limit of ${limit.requests} requests per ${formatWindow(limit.perMs)} leaves no slot before the deadline`,
        { hint: 'send fewer messages per run, or raise the timeout' },
      );
    }
    await this.wait(at - this.now(), signal);
  }

  private reserve(key: string, limit: RateLimit): number {
    const now = this.now();
    const starts = this.starts.get(key) ?? [];
    // Drop starts that can no longer constrain anything.
    while (starts.length > 0 && starts[0]! <= now - limit.perMs && starts.length >= limit.requests) starts.shift();
    let at = now;
    if (starts.length >= limit.requests) {
      at = Math.max(now, starts[starts.length - limit.requests]! + limit.perMs);
    }
    starts.push(at);
    this.starts.set(key, starts);
    return at;
  }

  private release(key: string, at: number): void {
    const starts = this.starts.get(key);
    const index = starts?.lastIndexOf(at) ?? -1;
    if (starts && index >= 0) starts.splice(index, 1);
  }
}

function formatWindow(ms: number): string {
  if (ms % 60_000 === 0) return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;
  if (ms % 1000 === 0) return ms === 1000 ? 'second' : `${ms / 1000} seconds`;
  return `${ms} ms`;
}
