/**
 * One error-code table type for every provider and one way to explain a code. A table maps the provider's business
 * code (DingTalk `errcode`, pushplus `code`, MobPush `status`, an Alibaba Cloud gateway `Code` …) to its meaning, how
 * it may be retried and what the user can do; `explainCode` turns a code into the failure verdict every adapter
 * returns, with one message format: `<Provider> error <code> (<meaning>): <the service's own text>`.
 */
import type { FailureVerdict } from '../transport/types.js';
import type { CodeEntry, CodeTable, RetryClass } from './descriptor.js';

export type { CodeEntry, CodeTable, RetryClass } from './descriptor.js';

export interface ExplainOptions {
  /** HTTP status of the reply: 429 and 5xx are retried whatever the table says. */
  status?: number;
  /** Replaces the table's entry when the code alone does not say enough (DingTalk 310000 reads errmsg). */
  entry?: CodeEntry;
  /** Replaces the entry's hint (a situation the adapter knows better, e.g. a MobPush broadcast cap). */
  hint?: string;
  /** Codes that mean "the run-time access token expired": fetch a new one and retry once. */
  reauthCodes?: readonly (string | number)[];
  /** A server-requested delay (Retry-After), used when the table documents none. */
  retryAfterMs?: number;
}

/** The table's entry for a code (a number also matches its string form, and the reverse). */
export function lookupCode(table: CodeTable, code: string | number): CodeEntry | undefined {
  const key = String(code);
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** True when the table says the code may be retried (at once or after a wait). */
export function isRetryable(entry: CodeEntry | undefined): boolean {
  return entry?.retry !== undefined && entry.retry !== 'never';
}

function waitOf(retry: RetryClass | undefined): number | undefined {
  return typeof retry === 'object' ? retry.waitMs : undefined;
}

/** The failure verdict for a provider's business code, from its table (an unknown code is never retried). */
export function explainCode(
  provider: string,
  table: CodeTable,
  code: string | number,
  text: string | undefined,
  options: ExplainOptions = {},
): FailureVerdict {
  const entry = options.entry ?? lookupCode(table, code);
  const status = options.status ?? 200;
  const retry = options.reauthCodes?.some((reauth) => String(reauth) === String(code))
    ? 'reauth'
    : isRetryable(entry) || status === 429 || status >= 500
      ? 'safe'
      : 'never';
  const retryAfterMs = waitOf(entry?.retry) ?? options.retryAfterMs;
  return {
    ok: false,
    code,
    message: `${provider} error ${code} (${entry?.meaning ?? 'unknown code'})${text ? `: ${text}` : ''}`,
    hint: options.hint ?? entry?.hint,
    retry,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}
