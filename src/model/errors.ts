/**
 * The error hierarchy every layer throws. Each class says who has to act:
 * the user (ConfigError), the provider (ProviderError), the network (TransportError, DeadlineError).
 */
export type ErrorKind = 'configuration' | 'provider' | 'transport' | 'timeout' | 'internal';

export interface NotifierErrorDetails {
  /** The provider's own error code (pushplus `code`, DingTalk `errcode`, MobPush `status` …). */
  code?: string | number;
  /** HTTP status of the last reply, when there was one. */
  httpStatus?: number;
  /** How many requests were made before giving up. */
  attempts?: number;
  /** What the user can do about it. */
  hint?: string;
  /** The provider's last reply body (parsed JSON or text), for the `response` output. */
  response?: unknown;
  cause?: unknown;
}

export class NotifierError extends Error {
  readonly kind: ErrorKind = 'internal';
  readonly code?: string | number;
  readonly httpStatus?: number;
  attempts?: number;
  readonly hint?: string;
  response?: unknown;

  constructor(message: string, details: NotifierErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = details.code;
    this.httpStatus = details.httpStatus;
    this.attempts = details.attempts;
    this.hint = details.hint;
    this.response = details.response;
  }
}

/** Bad input: names the input, what was wrong and the expected form. Never retried; raised before any request. */
export class ConfigError extends NotifierError {
  override readonly kind = 'configuration' as const;
  readonly input: string;

  constructor(input: string, problem: string, expected?: string) {
    super(`Invalid input '${input}': ${problem}${expected ? `. Expected ${expected}` : ''}.`);
    this.input = input;
  }
}

/** The provider answered and said no (HTTP error or a business error inside an HTTP 200 body). */
export class ProviderError extends NotifierError {
  override readonly kind = 'provider' as const;
}

/** No usable answer: connection refused or reset, DNS failure, a body that is not what the provider sends. */
export class TransportError extends NotifierError {
  override readonly kind = 'transport' as const;
}

/** The per-request timeout or the run's overall deadline was reached. */
export class DeadlineError extends NotifierError {
  override readonly kind = 'timeout' as const;
}

export function isNotifierError(value: unknown): value is NotifierError {
  return value instanceof NotifierError;
}

/** Turns anything thrown (including strings and plain objects) into an Error with a readable message. */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (typeof value === 'string') return new NotifierError(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return new NotifierError(`Non-Error thrown: ${text}`);
}

/** One line for logs and results: message, then code, HTTP status and hint when known. */
export function describeError(value: unknown): string {
  const error = toError(value);
  if (!isNotifierError(error)) return error.message;
  const parts = [error.message];
  if (error.hint && !error.message.includes(error.hint)) parts.push(`Hint: ${error.hint}`);
  return parts.join(' ');
}

/** The problem an error names, without its "Invalid input 'x':" prefix and its expected form. */
export function problemOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/^Invalid input '[^']*': /, '')
    .replace(/\. Expected [\s\S]*$/, '')
    .replace(/\.$/, '');
}
