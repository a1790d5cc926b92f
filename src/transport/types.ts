import type { SecretRegistry } from '../model/secrets.js';

/** A request exactly as it goes on the wire: the body is serialized once, so what is signed is what is sent. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** A binary body (a multipart upload of an image or a file); sent instead of `body` when set. */
  bodyBytes?: Uint8Array;
}

/** What callers read of reply headers; a fetch `Headers` is one, and so is the node:http path's. */
export interface ReplyHeaders {
  get(name: string): string | null;
}

export interface HttpReply {
  status: number;
  headers: ReplyHeaders;
  /** The URL the request went to (a relative `Location` is read against it). */
  url?: string;
  /** Raw body text. */
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
  durationMs: number;
  /**
   * The run's secrets, for text quoted from this reply in messages (set by the client, not enumerable): redact,
   * then cut, so a secret the reply echoes is never split by the cut and left partly readable.
   */
  secrets?: Pick<SecretRegistry, 'redact' | 'cut'>;
}

/** The provider's reading of one reply. */
export type Verdict = SuccessVerdict | FailureVerdict;

export interface SuccessVerdict {
  ok: true;
  /** The provider's id for what was sent (message id, batch id, short code). */
  id?: string;
  code?: string | number;
  message?: string;
}

export interface FailureVerdict {
  ok: false;
  code?: string | number;
  message: string;
  hint?: string;
  /**
   * - `never`: configuration or business error; retrying cannot help.
   * - `safe`: the service refused the request (throttled, 5xx before processing): retry within the budget.
   * - `reauth`: the credential fetched at run time expired; fetch a new one and retry once.
   * - `ambiguous`: the service may have processed the request (HTTP 500, 502, 504, a 503 without Retry-After): retried
   *   only when the exchange is idempotent, else a failure that says the message may have arrived
   *   (docs/alerts.md, "Which failures are retried").
   */
  retry: 'never' | 'safe' | 'reauth' | 'ambiguous';
  /** Server-requested delay (Retry-After or a provider's own hint). */
  retryAfterMs?: number;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warning: () => {} };
