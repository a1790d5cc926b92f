import { DeadlineError } from '../model/errors.js';

/** At most `requests` requests in any window of `perMs` milliseconds. */
export interface RateLimit {
  requests: number;
  perMs: number;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

const CLOCK_ORIGIN = process.hrtime();

/**
 * Milliseconds on a monotonic clock, for durations and deadlines: the wall clock can be stepped (NTP, a laptop
 * waking up), and a step back an hour made the next send wait an hour, a step forward failed every send.
 */
export const monotonicNow = (): number => {
  // process.hrtime rather than performance.now(): the first use of the `performance` global loads Node's
  // perf_hooks modules (about 0.5 ms of every run, docs/performance.md). Same clock, counted from this module's load.
  const [seconds, nanoseconds] = process.hrtime(CLOCK_ORIGIN);
  return seconds * 1e3 + nanoseconds / 1e6;
};

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

/** A slot taken from the limiter; `done()` once the exchange is over (reply, error or timeout). */
export interface RateSlot {
  done(): void;
}

const FREE_SLOT: RateSlot = { done: () => {} };

interface Window {
  /** When each settled request of the window finished, ascending. */
  finished: number[];
  /** Requests started and not yet finished: they occupy the window until they finish. */
  inFlight: number;
  /** Resolves when a request of this key finishes (a waiter may then fit). */
  changed: Promise<void>;
  notify: () => void;
}

/**
 * Sliding-window limiter, one window per key (provider + credential). Sends queue for a slot instead of failing;
 * a slot that cannot come before the deadline fails at once with a clear reason instead of waiting in vain.
 *
 * A request occupies the window from its start until `perMs` after it finished, not after it started: the
 * service counts arrivals, and an early request that arrives late (a new connection, a slow network) would
 * otherwise share a server-side window with the next batch, which arrives quickly on warm connections. Counting
 * from the start let a 50/s fan-out land 100 requests in one second at the server.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly now: () => number = monotonicNow,
    private readonly wait: Sleep = sleep,
  ) {}

  /**
   * Waits for a slot for `key`; call `done()` on it when the request is over. `weight`: how many units of the limit
   * the request uses, for services that count messages rather than calls (an Easemob call to 600 users is 600
   * messages); at most the whole limit, so one heavy request can always go alone.
   */
  async acquire(
    key: string,
    limit: RateLimit | undefined,
    deadline: number,
    signal?: AbortSignal,
    weight = 1,
  ): Promise<RateSlot> {
    if (!limit) return FREE_SLOT;
    const units = Math.min(Math.max(1, Math.ceil(weight)), limit.requests);
    const window = this.window(key);
    for (;;) {
      const now = this.now();
      while (window.finished.length > 0 && window.finished[0]! <= now - limit.perMs) window.finished.shift();
      const excess = window.finished.length + window.inFlight - limit.requests + units;
      if (excess <= 0) return this.take(window, units);
      // The excess-th oldest finished request leaves the window first; when too few have finished, a slot opens
      // only as requests in flight finish.
      const opens = excess <= window.finished.length ? window.finished[excess - 1]! + limit.perMs : undefined;
      if (opens !== undefined ? opens > deadline : now >= deadline) {
        throw new DeadlineError(
          `rate limit of ${limit.requests} requests per ${formatWindow(limit.perMs)} leaves no slot before the deadline`,
          { hint: 'send fewer messages per run, or raise the timeout' },
        );
      }
      await this.waitFor(window.changed, (opens ?? deadline) - now, signal);
    }
  }

  /** Until `changed` resolves or `ms` pass; the timer is cleared either way, so it never holds the process open. */
  private async waitFor(changed: Promise<void>, ms: number, signal: AbortSignal | undefined): Promise<void> {
    const timer = new AbortController();
    const forward = () => timer.abort();
    signal?.addEventListener('abort', forward, { once: true });
    try {
      // setTimeout fires at once for delays past 2^31-1 ms (an unbounded deadline from a library caller).
      await Promise.race([changed, this.wait(Math.min(ms, 2 ** 31 - 1), timer.signal)]);
    } catch (error) {
      if (signal?.aborted) throw error;
    } finally {
      signal?.removeEventListener('abort', forward);
      timer.abort();
    }
  }

  private window(key: string): Window {
    let window = this.windows.get(key);
    if (!window) {
      let notify = () => {};
      const changed = new Promise<void>((resolve) => (notify = resolve));
      window = { finished: [], inFlight: 0, changed, notify };
      this.windows.set(key, window);
    }
    return window;
  }

  /** A weighted request occupies `units` entries of the window, so the counting above stays the same. */
  private take(window: Window, units = 1): RateSlot {
    window.inFlight += units;
    let open = true;
    return {
      done: () => {
        if (!open) return;
        open = false;
        window.inFlight -= units;
        const at = this.now();
        let index = window.finished.length;
        while (index > 0 && window.finished[index - 1]! > at) index--;
        window.finished.splice(index, 0, ...Array<number>(units).fill(at));
        const notify = window.notify;
        window.changed = new Promise<void>((resolve) => (window.notify = resolve));
        notify();
      },
    };
  }
}

function formatWindow(ms: number): string {
  if (ms % 60_000 === 0) return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;
  if (ms % 1000 === 0) return ms === 1000 ? 'second' : `${ms / 1000} seconds`;
  return `${ms} ms`;
}
