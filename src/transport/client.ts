import type { KyInstance } from 'ky';
import { DeadlineError, ProviderError, TransportError } from '../model/errors.js';
import { boundDepth } from '../model/json-walk.js';
import type { SecretRegistry } from '../model/secrets.js';
import { maskUrl } from '../model/url-safety.js';
import { ExchangeAbortedError, ExchangeTimeoutError, NotSentError, nodeHttpSend, type RawReply } from './node-http.js';
import type { FetchFunction } from './proxy.js';
import { monotonicNow } from './rate-limit.js';
import { MAX_REPLY_DEPTH, ReplyTooLargeError, declaredTooLarge, readCapped } from './reply-limits.js';
import type { HttpReply, HttpRequest, Logger } from './types.js';

export interface HttpClientOptions {
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  secrets: SecretRegistry;
  logger: Logger;
  /** Requests go through ky on this fetch (a proxy, a test double); without one, through node:http. */
  fetch?: FetchFunction;
}

/** Why a request got no usable reply; `sent` tells whether the server may have processed it. */
export type NoReplyReason = 'connect' | 'dns' | 'reset' | 'timeout' | 'blocked' | 'tls';

export class NoReplyError extends TransportError {
  readonly reason: NoReplyReason;
  /** True when the request may have reached the server (a retry could duplicate a non-idempotent send). */
  readonly maybeProcessed: boolean;

  constructor(message: string, reason: NoReplyReason, cause: unknown) {
    super(message, { cause });
    this.reason = reason;
    this.maybeProcessed = reason === 'reset' || reason === 'timeout';
  }
}

/**
 * Describes a URL for logs and errors: scheme, host and path shape, with query values, userinfo and key-like path
 * segments (a Feishu hook id, a ServerChan SendKey) masked. Tokens and signatures travel in all of those.
 */
export function safeUrl(url: string): string {
  return maskUrl(url);
}

/** The codes and messages of an error and its causes, as one string (fetch wraps the socket error twice). */
function errorChain(error: unknown): string {
  const chain: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const record = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof record.code === 'string') chain.push(record.code);
    if (typeof record.message === 'string') chain.push(record.message);
    current = record.cause;
  }
  return chain.join(' ');
}

function classifyNetworkError(error: unknown): NoReplyReason {
  const text = errorChain(error);
  if (/ENOTFOUND|getaddrinfo/i.test(text) && !/EAI_AGAIN/.test(text)) return 'dns';
  // The server's certificate is not trusted: a retry meets the same certificate.
  if (/CERT|ERR_TLS_|UNABLE_TO_VERIFY|SELF_SIGNED/.test(text)) return 'tls';
  // fetch refuses some ports outright (the WHATWG "bad port" list): nothing was sent, and retrying cannot help.
  if (/bad port/i.test(text)) return 'blocked';
  if (/ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ECONNABORTED/i.test(text)) return 'connect';
  return 'reset';
}

/**
 * One HTTP exchange: no retries here (the delivery loop decides, because only it knows the provider's business
 * codes and idempotency), never throws for an HTTP status, always returns the body text. Through node:http by
 * default, or through ky on a fetch function when one is given (a proxy, a library caller's own).
 */
export class HttpClient {
  private api?: Promise<{ ky: KyInstance; isTimeoutError: (error: unknown) => boolean }>;

  constructor(private readonly options: HttpClientOptions) {}

  /** ky, and with it fetch, is loaded on the first request that uses it: the node:http path never pays for it. */
  private load(fetch: FetchFunction) {
    this.api ??= import('ky').then((module) => ({
      // Redirects are not followed on either path: a 3xx is reported (see httpFailure), never re-sent elsewhere.
      // ky's own timeout ends when the headers arrive; ours (a signal, see viaFetch) covers the body too.
      ky: module.default.create({
        retry: 0,
        throwHttpErrors: false,
        timeout: false,
        fetch,
        redirect: 'manual',
      }),
      isTimeoutError: module.isTimeoutError,
    }));
    return this.api;
  }

  async send(request: HttpRequest, signal?: AbortSignal, timeoutMs = this.options.timeoutMs): Promise<HttpReply> {
    const started = monotonicNow();
    const where = `${request.method} ${this.options.secrets.redact(safeUrl(request.url))}`;
    this.options.logger.debug(`→ ${where}`);
    const budget = Math.max(1, Math.floor(timeoutMs));
    let raw: RawReply;
    try {
      raw = this.options.fetch
        ? await this.viaFetch(this.options.fetch, request, where, budget, signal)
        : await this.viaNodeHttp(request, where, budget, signal);
    } catch (error) {
      if (error instanceof ReplyTooLargeError) throw replyTooLarge(where, error);
      throw error;
    }
    let json: unknown;
    if (raw.text) {
      try {
        // Cut at a sane depth: later walks (redaction, the `response` output) must not overflow the stack.
        json = boundDepth(JSON.parse(raw.text), MAX_REPLY_DEPTH);
      } catch {
        json = undefined;
      }
    }
    const durationMs = monotonicNow() - started;
    this.options.logger.debug(`← ${where} HTTP ${raw.status} in ${Math.round(durationMs)} ms`);
    const reply: HttpReply = {
      status: raw.status,
      headers: raw.headers,
      text: raw.text,
      json,
      durationMs,
      url: request.url,
    };
    // Not enumerable: a reply is compared and logged as data; the registry is only for quoting it.
    Object.defineProperty(reply, 'secrets', { value: this.options.secrets, enumerable: false });
    return reply;
  }

  private async viaNodeHttp(
    request: HttpRequest,
    where: string,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<RawReply> {
    try {
      return await nodeHttpSend(request, timeoutMs, signal);
    } catch (error) {
      if (error instanceof ReplyTooLargeError) throw error;
      if (error instanceof ExchangeAbortedError || signal?.aborted) throw deadlineReached(where);
      if (error instanceof NotSentError) {
        // Nothing left this process: never "may have been delivered", whatever the cause.
        const cause = error.cause;
        if (cause instanceof ExchangeTimeoutError) {
          throw new NoReplyError(`${where}: no connection within ${Math.round(timeoutMs)} ms`, 'connect', error);
        }
        const reason = classifyNetworkError(cause);
        throw networkError(where, cause, reason === 'reset' || reason === 'timeout' ? 'connect' : reason);
      }
      if (error instanceof ExchangeTimeoutError) throw timedOut(where, timeoutMs, error);
      throw networkError(where, error);
    }
  }

  private async viaFetch(
    fetch: FetchFunction,
    request: HttpRequest,
    where: string,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<RawReply> {
    const { ky, isTimeoutError } = await this.load(fetch);
    // One signal for the whole exchange, body included: the attempt's budget or the caller's deadline, first.
    const exchange = new AbortController();
    let expired = false;
    const timer = setTimeout(() => {
      expired = true;
      exchange.abort(new ExchangeTimeoutError(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    const onAbort = () => exchange.abort(new ExchangeAbortedError('aborted'));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    const failed = (error: unknown, lost: () => NoReplyError): Error => {
      if (expired) return timedOut(where, timeoutMs, error);
      if (signal?.aborted) return deadlineReached(where);
      return lost();
    };
    try {
      let response: Response;
      try {
        response = await ky(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.bodyBytes ? new Uint8Array(request.bodyBytes) : request.body,
          signal: exchange.signal,
        });
      } catch (error) {
        // A library caller's fetch may time out on its own terms.
        if (!signal?.aborted && (isTimeoutError(error) || (error instanceof Error && error.name === 'TimeoutError'))) {
          throw timedOut(where, timeoutMs, error);
        }
        throw failed(error, () => networkError(where, error));
      }
      if (declaredTooLarge(response.headers.get('content-length'))) {
        response.body?.cancel().catch(() => {});
        throw new ReplyTooLargeError(response.status);
      }
      try {
        // fetch undoes any content coding as it streams, so the cap bounds the decoded size (a gzip bomb too).
        const text = await readCapped(response.body, response.status, exchange.signal);
        return { status: response.status, headers: response.headers, text };
      } catch (error) {
        if (error instanceof ReplyTooLargeError) throw error;
        throw failed(
          error,
          () => new NoReplyError(`${where}: connection lost while reading the reply`, 'reset', error),
        );
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** The same words on both paths: a reply that did not come within the budget, or the run's deadline. */
function timedOut(where: string, timeoutMs: number, cause: unknown): NoReplyError {
  return new NoReplyError(`${where} timed out after ${Math.round(timeoutMs)} ms`, 'timeout', cause);
}

/**
 * The provider answered with more than a reply can be: permanent (the same request meets the same reply), and
 * the provider's side of the exchange, so a ProviderError, never retried.
 */
function replyTooLarge(where: string, error: ReplyTooLargeError): ProviderError {
  return new ProviderError(`${where}: ${error.message} (HTTP ${error.status})`, {
    code: 'reply-too-large',
    httpStatus: error.status,
    hint: 'check `endpoint` and any proxy in between: a provider reply is a few hundred bytes of JSON',
    cause: error,
  });
}

function deadlineReached(where: string): DeadlineError {
  return new DeadlineError(`${where} aborted: the overall deadline was reached`);
}

const TLS_CODE = /\b(?:[A-Z_]*CERT[A-Z_]*|ERR_TLS_[A-Z_]+|UNABLE_TO_VERIFY[A-Z_]*)\b/;

function networkError(where: string, error: unknown, reason = classifyNetworkError(error)): NoReplyError {
  const chain = errorChain(error);
  const details: Partial<Record<NoReplyReason, string>> = {
    dns: 'host name not found',
    connect: /ECONNREFUSED/.test(chain) ? 'connection refused' : 'could not connect',
    tls: `the server's TLS certificate is not trusted (${TLS_CODE.exec(chain)?.[0] ?? 'certificate error'})`,
  };
  return new NoReplyError(`${where} failed: ${details[reason] ?? 'connection failed'}`, reason, error);
}
