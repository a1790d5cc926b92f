import { DeadlineError, NotifierError, ProviderError, TransportError, toError } from '../model/errors.js';
import type { SecretRegistry } from '../model/secrets.js';
import { HttpClient, NoReplyError, safeUrl } from './client.js';
import type { FetchFunction } from './proxy.js';
import { RateLimiter, monotonicNow, sleep as defaultSleep, type RateLimit, type Sleep } from './rate-limit.js';
import type { FailureVerdict, HttpReply, HttpRequest, Logger, SuccessVerdict, Verdict } from './types.js';

export interface TransportOptions {
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  /** Retries after the first attempt, per exchange. */
  retries: number;
  /** Epoch milliseconds after which nothing new starts and waits are cut short. */
  deadline: number;
  secrets: SecretRegistry;
  logger: Logger;
  fetch?: FetchFunction;
  /** First backoff delay; doubles per retry, with jitter. @default 500 */
  baseDelayMs?: number;
  /** Longest single backoff wait. @default 15000 */
  maxDelayMs?: number;
  /** The wall clock (epoch ms), for `deadline` as given and Retry-After dates. @default Date.now */
  now?: () => number;
  /**
   * The clock that times waits and the deadline. @default `now` when one is given (a test's fake time), else a
   * monotonic clock, so a stepped wall clock neither stretches nor cuts a wait.
   */
  clock?: () => number;
  sleep?: Sleep;
  random?: () => number;
  limiter?: RateLimiter;
}

/** One request/reply exchange with the provider, retried as the provider's rules allow. */
export interface ExchangeSpec {
  /** Human label for logs and errors, e.g. "pushplus topic:ops". */
  label: string;
  /** Builds the request for an attempt (1-based); called again per attempt so signatures and nonces stay fresh. */
  build(attempt: number): HttpRequest | Promise<HttpRequest>;
  /** Reads a reply: success, or a failure with a retry class. */
  interpret(reply: HttpReply): Verdict;
  /** Called before retrying a `reauth` failure: drop the cached run-time credential. */
  onReauth?(): void | Promise<void>;
  /**
   * True when the provider deduplicates retries (an idempotency key is in the request), so a retry after a
   * timeout or a reset connection cannot create a second message.
   */
  idempotent?: boolean;
  /** Rate-limit bucket (provider + credential) and its limit. */
  rateKey?: string;
  rateLimit?: RateLimit;
  /** Units of `rateLimit` this request uses (default 1): messages, when the service counts recipients. */
  rateWeight?: number;
  /** Overrides the run's retry budget (e.g. 0 for calls that must not repeat). */
  retries?: number;
}

export interface ExchangeResult {
  verdict: SuccessVerdict;
  reply: HttpReply;
  attempts: number;
  durationMs: number;
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The start of a reply body for a message: secrets masked before the cut, and any fragment of one at the cut. */
function excerpt(reply: HttpReply, max: number): string {
  const { secrets } = reply;
  const text = (secrets ? secrets.redact(reply.text) : reply.text).replace(/\s+/g, ' ').trim();
  return secrets ? secrets.cut(text, max) : text.slice(0, max);
}

/** Default reading of HTTP-level failures, for adapters to use before their own body checks. */
export function httpFailure(reply: HttpReply, now = Date.now()): FailureVerdict | undefined {
  if (reply.status >= 200 && reply.status < 300) return undefined;
  const retryAfterMs = parseRetryAfter(reply.headers.get('retry-after'), now);
  const snippet = excerpt(reply, 200);
  if (reply.status === 429) {
    return {
      ok: false,
      code: 429,
      message: `HTTP 429 Too Many Requests${snippet ? `: ${snippet}` : ''}`,
      retry: 'safe',
      retryAfterMs,
      hint: 'the provider is throttling this credential',
    };
  }
  if (reply.status >= 500) {
    return {
      ok: false,
      code: reply.status,
      message: `HTTP ${reply.status} from the provider${snippet ? `: ${snippet}` : ''}`,
      retry: retryOf5xx(reply.status, retryAfterMs !== undefined),
      retryAfterMs,
    };
  }
  if (reply.status >= 300 && reply.status < 400) {
    const raw = reply.headers.get('location');
    let location = raw;
    try {
      if (raw) location = new URL(raw, reply.url).href;
    } catch {
      // Reported as it came (safeUrl says it is not a URL).
    }
    return {
      ok: false,
      code: reply.status,
      message: `HTTP ${reply.status} redirect${location ? ` to ${safeUrl(location)}` : ''}`,
      retry: 'never',
      // Following it would hand the credential-bearing request to whatever host the reply names.
      hint: 'redirects are not followed: set `endpoint` to the address the service moved to',
    };
  }
  return {
    ok: false,
    code: reply.status,
    message: `HTTP ${reply.status}${snippet ? `: ${snippet}` : ''}`,
    retry: 'never',
  };
}

/**
 * Whether a 5xx reply may be retried (docs/alerts.md, "Which failures are retried"):
 * - 503 with Retry-After: the service says it did not take the request and when to come back: `safe`.
 * - 501 Not Implemented, 505 HTTP Version Not Supported, 511 Network Authentication Required: the same request
 *   fails the same way: `never`.
 * - every other 5xx (500, 502 and 504 from a gateway, a 503 without Retry-After): the service may have processed
 *   the message before the error: `ambiguous`, retried only by senders whose retries the service deduplicates.
 */
export function retryOf5xx(status: number, hasRetryAfter: boolean): FailureVerdict['retry'] {
  if (status === 503 && hasRetryAfter) return 'safe';
  if (status === 501 || status === 505 || status === 511) return 'never';
  return 'ambiguous';
}

/** A 2xx reply whose body is not JSON (an HTML error page, a captive proxy) is never a provider's success. */
export function notJsonFailure(reply: HttpReply): FailureVerdict {
  const snippet = excerpt(reply, 120);
  return {
    ok: false,
    code: reply.status,
    message: `expected a JSON reply but got ${snippet ? `'${snippet}'` : 'an empty body'} (HTTP ${reply.status})`,
    hint: 'check `endpoint` and any proxy in between: this is not the provider answering',
    retry: reply.status >= 500 ? retryOf5xx(reply.status, reply.headers.get('retry-after') !== null) : 'never',
  };
}

/**
 * Aborts when the run's deadline passes, so the deadline reaches every step of an exchange (the body read
 * included) on both HTTP paths, whatever the per-attempt budget; disposed after the attempt, so no timer outlives it.
 */
function deadlineSignal(remainingMs: number): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  // setTimeout fires at once past 2^31-1 ms (an unbounded deadline from a library caller).
  const timer = setTimeout(() => controller.abort(), Math.max(0, Math.min(remainingMs, 2 ** 31 - 1)));
  return { signal: controller.signal, dispose: () => clearTimeout(timer) };
}

/**
 * The one way any adapter talks to a provider: per-request timeout, an overall deadline, rate limits per
 * credential, and retries with exponential backoff and jitter that honour Retry-After. Configuration and
 * business errors are never retried; POSTs whose outcome is unknown are retried only when idempotent.
 */
export class Transport {
  readonly client: HttpClient;
  readonly limiter: RateLimiter;
  readonly secrets: SecretRegistry;
  readonly logger: Logger;
  private readonly options: TransportOptions;
  private readonly now: () => number;
  private readonly clock: () => number;
  /** `deadline` on `clock`. */
  private readonly deadline: number;
  private readonly sleep: Sleep;
  private readonly random: () => number;

  constructor(options: TransportOptions) {
    this.options = options;
    this.secrets = options.secrets;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.clock = options.clock ?? options.now ?? monotonicNow;
    // The deadline comes as a wall-clock time: from here on it is a point on the monotonic clock.
    this.deadline = this.clock === this.now ? options.deadline : this.clock() + (options.deadline - this.now());
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.limiter = options.limiter ?? new RateLimiter(this.clock, this.sleep);
    this.client = new HttpClient({
      timeoutMs: options.timeoutMs,
      secrets: options.secrets,
      logger: options.logger,
      fetch: options.fetch,
    });
  }

  /** Backoff before retry number `retry` (1-based): base·2^(retry-1), with ±50% jitter, capped. */
  backoffMs(retry: number): number {
    const base = this.options.baseDelayMs ?? 500;
    const max = this.options.maxDelayMs ?? 15_000;
    const exponential = Math.min(max, base * 2 ** (retry - 1));
    return Math.round(exponential * (0.5 + this.random() / 2));
  }

  async exchange(spec: ExchangeSpec): Promise<ExchangeResult> {
    const started = this.clock();
    const budget = spec.retries ?? this.options.retries;
    let attempts = 0;
    let reauthed = false;
    let lastError: NotifierError | undefined;

    for (;;) {
      if (this.clock() >= this.deadline) {
        throw this.finalError(
          new DeadlineError(`${spec.label}: the overall deadline was reached before the message could be sent`, {
            hint: 'raise `timeout`, or lower `retries`',
            cause: lastError,
          }),
          attempts,
          lastError,
        );
      }
      const slot = await this.limiter.acquire(
        spec.rateKey ?? spec.label,
        spec.rateLimit,
        this.deadline,
        undefined,
        spec.rateWeight,
      );
      attempts += 1;
      let verdict: Verdict;
      let reply: HttpReply | undefined;
      try {
        const request = await spec.build(attempts);
        const timeoutMs = Math.min(this.options.timeoutMs, this.deadline - this.clock());
        const deadline = deadlineSignal(this.deadline - this.clock());
        try {
          reply = await this.client.send(request, deadline.signal, timeoutMs);
        } finally {
          deadline.dispose();
        }
        slot.done();
        verdict = spec.interpret(reply);
      } catch (error) {
        slot.done();
        if (!(error instanceof NoReplyError)) {
          const failure = toError(error);
          throw this.finalError(
            failure instanceof NotifierError ? failure : new TransportError(failure.message, { cause: failure }),
            attempts,
          );
        }
        lastError = error;
        const unsafe = error.maybeProcessed && spec.idempotent !== true;
        const permanent = error.reason === 'dns' || error.reason === 'blocked' || error.reason === 'tls';
        if (permanent || unsafe || attempts > budget) {
          const hint =
            error.reason === 'dns'
              ? 'check the host in `endpoint` (or the network and proxy settings)'
              : error.reason === 'blocked'
                ? 'use another port in `endpoint`'
                : error.reason === 'tls'
                  ? 'check the host in `endpoint`; a private CA needs NODE_EXTRA_CA_CERTS on the runner'
                  : unsafe
                    ? 'the message may have been delivered; it was not retried because this provider cannot deduplicate a repeated send'
                    : undefined;
          const ErrorClass = error.reason === 'timeout' ? DeadlineError : TransportError;
          throw this.finalError(new ErrorClass(error.message, { cause: error, hint }), attempts);
        }
        await this.pause(spec.label, this.backoffMs(attempts), error.message, attempts);
        continue;
      }

      if (verdict.ok) {
        return { verdict, reply, attempts, durationMs: this.clock() - started };
      }

      // A gateway's 502 or 504 can follow a message the service delivered: a retry would post it twice.
      const unsafe = verdict.retry === 'ambiguous' && spec.idempotent !== true;
      const failure = new ProviderError(`${spec.label}: ${verdict.message}`, {
        code: verdict.code,
        httpStatus: reply.status,
        hint:
          verdict.hint ??
          (unsafe
            ? 'the message may have been delivered (the service may have processed it before the error); it was not retried because this provider cannot deduplicate a repeated send'
            : undefined),
        response: reply.json ?? reply.text,
      });
      lastError = failure;
      if (verdict.retry === 'reauth' && !reauthed && spec.onReauth) {
        reauthed = true;
        await spec.onReauth();
        this.logger.debug(`${spec.label}: credential rejected, fetching a new one`);
        continue;
      }
      if (unsafe || (verdict.retry !== 'safe' && verdict.retry !== 'ambiguous') || attempts > budget)
        throw this.finalError(failure, attempts);
      const delay = verdict.retryAfterMs ?? this.backoffMs(attempts);
      if (verdict.retryAfterMs !== undefined && this.clock() + delay > this.deadline) {
        throw this.finalError(
          new ProviderError(
            `${spec.label}: ${verdict.message}; the provider asked to wait ${Math.ceil(delay / 1000)} s, past the deadline`,
            {
              code: verdict.code,
              httpStatus: reply.status,
              hint: verdict.hint ?? 'raise `timeout` or send later',
              response: reply.json ?? reply.text,
            },
          ),
          attempts,
        );
      }
      await this.pause(spec.label, delay, verdict.message, attempts);
    }
  }

  private async pause(label: string, delay: number, reason: string, attempts: number): Promise<void> {
    const wait = Math.min(delay, Math.max(0, this.deadline - this.clock()));
    this.logger.info(
      `${this.secrets.redact(label)}: attempt ${attempts} failed (${this.secrets.redact(reason)}); retrying in ${wait} ms`,
    );
    await this.sleep(wait);
  }

  private finalError(error: NotifierError, attempts: number, cause?: NotifierError): NotifierError {
    error.attempts = attempts;
    if (cause?.response !== undefined && error.response === undefined) error.response = cause.response;
    return error;
  }
}
