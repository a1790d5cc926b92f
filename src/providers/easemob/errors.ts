import { isPlainObject } from '../../model/config.js';
import { httpFailure, notJsonFailure } from '../../transport/transport.js';
import type { FailureVerdict, HttpReply } from '../../transport/types.js';
import { explainCode, lookupCode, type CodeEntry, type CodeTable } from '../codes.js';

/**
 * Easemob answers a refusal with an HTTP status and a JSON error body; the status says what kind of refusal it is
 * (https://doc.easemob.com/document/server-side/error.html), with what the user can do.
 */
export const EASEMOB_CODES: CodeTable = {
  401: {
    meaning: 'not authorized',
    hint: 'check `token` (client id) and `secret` (client secret) of the app, and `app-id`',
  },
  403: {
    meaning: 'forbidden',
    hint: 'the app is not allowed this call (check the console: offline push advanced features)',
  },
  404: { meaning: 'not found', hint: 'check `endpoint` (the app REST host) and `app-id` (org#app)' },
  413: { meaning: 'request too large', hint: 'the message is larger than Easemob accepts (body and ext at most 5 KB)' },
  429: {
    meaning: 'too many requests',
    retry: 'retry',
    hint: 'the app is throttled by Easemob; it is retried with backoff',
  },
};

/** HTTP 403 "message send reach limit": the per-app message rate, not a permission. */
const MESSAGE_RATE: CodeEntry = {
  meaning: 'message rate limit reached',
  hint: 'Easemob limits messages per app: to users 6000 a minute (a call to 600 users counts 600), to groups 20 a second (each group counts one); sends are paced by messages and a refusal is retried after the window, within the deadline',
};

function entryFor(status: number, error: string, description: string): CodeEntry | undefined {
  if (status === 403 && /reach limit/i.test(description)) return MESSAGE_RATE;
  if (status !== 404 && /not_found/i.test(error)) return { meaning: 'not found', hint: EASEMOB_CODES[404]!.hint };
  return lookupCode(EASEMOB_CODES, status);
}

/**
 * Reads an Easemob failure: the JSON error body `{error, exception, error_code, error_description}` becomes the
 * message; 429 and 5xx may be retried; 401 asks for a new app token when the request carried one.
 */
export function easemobFailure(reply: HttpReply, opts: { reauth: boolean }): FailureVerdict {
  const base = httpFailure(reply) ?? notJsonFailure(reply);
  const body = reply.json;
  if (!isPlainObject(body)) return base;
  const error = typeof body.error === 'string' ? body.error : '';
  const description = typeof body.error_description === 'string' ? body.error_description : '';
  const exception = typeof body.exception === 'string' ? body.exception : '';
  const errorCode =
    typeof body.error_code === 'string' || typeof body.error_code === 'number' ? body.error_code : undefined;
  if (!error && !description && !exception) return base;
  const details = [description || error, exception && `(${exception})`].filter(Boolean).join(' ');
  const text = `${error && description ? `${error}: ` : ''}${details} [HTTP ${reply.status}]`;
  const verdict = explainCode('Easemob', EASEMOB_CODES, errorCode ?? (error || reply.status), text, {
    status: reply.status,
    entry: entryFor(reply.status, error, description),
    retryAfterMs: base.retryAfterMs,
  });
  if (reply.status === 401 && opts.reauth) verdict.retry = 'reauth';
  return verdict;
}

/** The JSON object of a successful reply, or a failure verdict. */
export function easemobBody(
  reply: HttpReply,
  opts: { reauth: boolean } = { reauth: true },
): { ok: true; body: Record<string, unknown> } | FailureVerdict {
  if (reply.status < 200 || reply.status >= 300) return easemobFailure(reply, opts);
  if (!isPlainObject(reply.json)) return notJsonFailure(reply);
  return { ok: true, body: reply.json };
}

/** Easemob's message-rate refusal: HTTP 403 "message send reach limit". */
export function isMessageRateLimit(reply: HttpReply): boolean {
  const body = reply.json;
  return (
    reply.status === 403 &&
    isPlainObject(body) &&
    typeof body.error_description === 'string' &&
    /reach limit/i.test(body.error_description)
  );
}
