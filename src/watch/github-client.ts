/**
 * The sweep's GitHub REST client: one request at a time (the secondary limits forbid bursts), conditional
 * requests (`If-None-Match`; a 304 does not count against the primary limit), `retry-after` honoured, and a
 * budget that stops the sweep before the limit, with a warning, instead of running into it.
 * Facts: docs/watch.md "Limits", from GitHub's "Rate limits for the REST API"
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api) and "Best practices for using
 * the REST API" (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api).
 */
import type { FetchFunction } from '../transport/proxy.js';
import type { Logger } from '../transport/types.js';

export const API_VERSION = '2022-11-28';
/** With no limit header yet, the sweep assumes a personal token's hourly limit. */
const ASSUMED_LIMIT = 5000;

/** The sweep stopped on purpose (budget, primary limit): what is left is read by the next sweep. */
export class SweepStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepStopped';
  }
}

/** A reply that is not a success, with what to do about it. */
export class GithubApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'GithubApiError';
  }
}

export interface GithubClientOptions {
  token: string;
  /** GITHUB_API_URL (GitHub Enterprise Server: https://HOST/api/v3); default https://api.github.com. */
  apiUrl?: string;
  fetch?: FetchFunction;
  logger: Logger;
  /** Requests this sweep may make that count against the limit (304s do not). */
  maxCalls: number;
  /** Stop when the hour's remaining calls fall to this share of the limit (0.2 = keep 20 % for everyone else). */
  reserve: number;
  sleep?: (ms: number) => Promise<void>;
  /** The longest `retry-after` the sweep waits for; a longer one stops the sweep (the next one carries on). */
  maxWaitMs?: number;
}

export type Reply = { status: 304; etag?: string } | { status: 200; body: unknown; etag?: string; next?: string };

function nextLink(link: string | null): string | undefined {
  for (const part of (link ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

export class GithubClient {
  /** Requests made (304s included). */
  requests = 0;
  /** Requests answered 304 (free). */
  notModified = 0;
  remaining?: number;
  limit?: number;
  resetAt?: number;
  /** Set when the client stopped the sweep: later calls throw it again at once. */
  stopped?: SweepStopped;
  readonly apiUrl: string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: GithubClientOptions) {
    this.apiUrl = (options.apiUrl || 'https://api.github.com').replace(/\/+$/, '');
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * The token, and a fetch for another reader of the same API (the failure-details lookup: jobs, annotations,
   * logs) whose calls to the API count against this sweep's budget and limits like the client's own.
   */
  get token(): string {
    return this.options.token;
  }

  readonly countedFetch: typeof globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const fetcher = this.options.fetch ?? globalThis.fetch;
    // Redirects to the log storage are not API calls.
    if (!url.startsWith(this.apiUrl)) return fetcher(input, init);
    this.checkBudget();
    this.requests++;
    const response = await fetcher(input, init);
    this.readLimits(response.headers);
    return response;
  };

  /** Calls that counted against the primary limit. */
  get spent(): number {
    return this.requests - this.notModified;
  }

  /** `/repos/a/b/actions/runs` + query → the absolute URL (also the key of its ETag). */
  url(path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
    const url = new URL(path.startsWith('http') ? path : `${this.apiUrl}${path}`);
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(name, String(value));
    return url.toString();
  }

  private checkBudget(): void {
    if (this.stopped) throw this.stopped;
    const { maxCalls, reserve } = this.options;
    if (this.spent >= maxCalls) this.stop(`the sweep's budget of ${maxCalls} calls is spent (--max-calls)`);
    if (this.remaining !== undefined) {
      const floor = Math.ceil((this.limit ?? ASSUMED_LIMIT) * reserve);
      if (this.remaining <= floor)
        this.stop(
          `${this.remaining} of ${this.limit ?? ASSUMED_LIMIT} API calls are left this hour, and ${Math.round(reserve * 100)} % are kept in reserve (--reserve)${this.resetAt ? `; the limit resets at ${new Date(this.resetAt).toISOString()}` : ''}`,
        );
    }
  }

  private stop(reason: string): never {
    this.stopped = new SweepStopped(
      `Sweep stopped early: ${reason}. The next sweep carries on where this one stopped.`,
    );
    throw this.stopped;
  }

  /** GET with an optional ETag. Serial by construction: the sweep awaits each call. */
  async get(url: string, etag?: string): Promise<Reply> {
    for (let attempt = 1; ; attempt++) {
      this.checkBudget();
      const fetcher = this.options.fetch ?? globalThis.fetch;
      this.requests++;
      const response = await fetcher(url, {
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${this.options.token}`,
          'x-github-api-version': API_VERSION,
          'user-agent': 'ci-notifier-watch',
          ...(etag ? { 'if-none-match': etag } : {}),
        },
        signal: AbortSignal.timeout(30_000),
      });
      this.readLimits(response.headers);
      const newEtag = response.headers.get('etag') ?? undefined;
      if (response.status === 304) {
        this.notModified++;
        await response.body?.cancel();
        return { status: 304, etag: newEtag ?? etag };
      }
      if (response.ok) {
        const body: unknown = await response.json();
        return { status: 200, body, etag: newEtag, next: nextLink(response.headers.get('link')) };
      }
      const text = (await response.text()).slice(0, 300);
      const message = (() => {
        try {
          return String((JSON.parse(text) as { message?: unknown }).message ?? text);
        } catch {
          return text;
        }
      })();
      const wait = this.waitFor(response, message);
      if (wait !== undefined) {
        if (attempt >= 3 || wait > (this.options.maxWaitMs ?? 60_000))
          this.stop(`GitHub's rate limit answered HTTP ${response.status} (${message})`);
        this.options.logger.info(
          `GitHub asked to slow down (HTTP ${response.status}): waiting ${Math.ceil(wait / 1000)} s.`,
        );
        await this.sleep(wait);
        continue;
      }
      if (response.status >= 500 && attempt < 2) {
        await this.sleep(1000);
        continue;
      }
      throw new GithubApiError(
        `GET ${new URL(url).pathname} answered HTTP ${response.status}: ${message}`,
        response.status,
      );
    }
  }

  /**
   * How long to wait before retrying a rate-limited reply, or undefined when it is not one. GitHub: honour
   * `retry-after`; with `x-ratelimit-remaining: 0`, wait until `x-ratelimit-reset` (here: stop, that is up to an
   * hour); otherwise wait at least a minute.
   */
  private waitFor(response: Response, message: string): number | undefined {
    if (response.status !== 403 && response.status !== 429) return undefined;
    const retryAfter = Number(response.headers.get('retry-after'));
    if (response.headers.get('retry-after') !== null && Number.isFinite(retryAfter))
      return Math.max(0, retryAfter) * 1000;
    if (response.headers.get('x-ratelimit-remaining') === '0')
      this.stop(
        `GitHub's hourly API limit is used up${this.resetAt ? ` until ${new Date(this.resetAt).toISOString()}` : ''}`,
      );
    if (response.status === 429 || /rate limit/i.test(message)) return 60_000;
    return undefined;
  }

  private readLimits(headers: Headers): void {
    const remaining = Number(headers.get('x-ratelimit-remaining') ?? Number.NaN);
    const limit = Number(headers.get('x-ratelimit-limit') ?? Number.NaN);
    const reset = Number(headers.get('x-ratelimit-reset') ?? Number.NaN);
    if (Number.isFinite(remaining)) this.remaining = remaining;
    if (Number.isFinite(limit)) this.limit = limit;
    if (Number.isFinite(reset)) this.resetAt = reset * 1000;
  }

  /**
   * Every item of a paginated list (`key`: the array's field, or the body itself when it is an array). With an
   * ETag for the first page and a 304, returns `unchanged` and reads nothing more.
   */
  async list<T>(
    url: string,
    key: string | undefined,
    options: { etag?: string; maxPages?: number } = {},
  ): Promise<{ unchanged: true; etag?: string } | { unchanged: false; items: T[]; etag?: string }> {
    const items: T[] = [];
    let next: string | undefined = url;
    let firstEtag: string | undefined;
    for (let page = 0; next && page < (options.maxPages ?? 10); page++) {
      const reply = await this.get(next, page === 0 ? options.etag : undefined);
      if (reply.status === 304) return { unchanged: true, etag: reply.etag };
      if (page === 0) firstEtag = reply.etag;
      const body = reply.body as Record<string, unknown>;
      const array = key === undefined ? reply.body : body?.[key];
      if (Array.isArray(array)) items.push(...(array as T[]));
      next = reply.next;
    }
    return { unchanged: false, items, etag: firstEtag };
  }
}
