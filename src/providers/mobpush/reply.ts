import { isPlainObject } from '../../model/config.js';
import { httpFailure, notJsonFailure } from '../../transport/transport.js';
import type { HttpReply, Verdict } from '../../transport/types.js';
import { explainCode } from '../codes.js';
import { BROADCAST_HINT, BROADCAST_INTERVAL_MS, MOBPUSH_CODES, MOBPUSH_THROTTLES, WORKNO_EXISTS } from './codes.js';

/** The service's `status` in a JSON reply, when there is one. */
export function statusOf(reply: HttpReply): number | undefined {
  const body = reply.json;
  if (!isPlainObject(body)) return undefined;
  const status = typeof body.status === 'string' ? Number(body.status) : body.status;
  return typeof status === 'number' && Number.isFinite(status) ? status : undefined;
}

/**
 * A MobPush failure: the code, its meaning from the createPush code table (codes.ts), the service's own `error`
 * text and a hint. The table says which codes are retried (throttles, "busy", transient faults); HTTP 429 and 5xx
 * are too; everything else is a configuration or business error.
 */
export function mobpushFailure(reply: HttpReply, status: number, hint?: string): Verdict {
  const body = reply.json as Record<string, unknown>;
  const text = typeof body.error === 'string' && body.error ? body.error : undefined;
  const http = httpFailure(reply);
  const verdict = explainCode('MobPush', MOBPUSH_CODES, status, text, {
    hint,
    status: reply.status,
    retryAfterMs: http?.retryAfterMs,
  });
  return http ? { ...verdict, message: `${verdict.message} [HTTP ${reply.status}]` } : verdict;
}

/**
 * Reads a createPush reply. `attempt` is the transport attempt that produced it: a 5408 ("workno already
 * exists") on a retry means an earlier attempt reached the service, so the push was delivered once.
 * `broadcast`: the push targets every install (`target: 1`), which MobPush takes once a minute and 100 times a day;
 * a throttle then names that cap and waits out the minute (or fails at once when the deadline comes first).
 */
export function interpretPush(reply: HttpReply, attempt: number, workno: string, broadcast = false): Verdict {
  const status = statusOf(reply);
  if (status === undefined) return httpFailure(reply) ?? notJsonFailure(reply);
  // A proxy or gateway error page that happens to carry JSON is an HTTP failure, whatever its body says.
  if (status === 200 && (reply.status < 200 || reply.status >= 300)) return httpFailure(reply) ?? notJsonFailure(reply);
  if (status === 200) {
    const res = (reply.json as Record<string, unknown>).res;
    const batchId = isPlainObject(res) && typeof res.batchId === 'string' && res.batchId ? res.batchId : undefined;
    return batchId
      ? { ok: true, id: batchId, code: 200 }
      : { ok: true, code: 200, message: 'accepted, but the reply carried no batchId' };
  }
  if (status === WORKNO_EXISTS) {
    if (attempt > 1) {
      return {
        ok: true,
        code: WORKNO_EXISTS,
        message: `accepted by an earlier attempt (workno ${workno} already exists, so nothing was sent twice)`,
      };
    }
    return mobpushFailure(
      reply,
      status,
      `a push with workno ${workno} was already accepted: this run attempt already sent this message to this target. ` +
        'Re-run the job (a new attempt gets a new workno), or set `options.workno` to your own unique id',
    );
  }
  if (broadcast && (MOBPUSH_THROTTLES as readonly number[]).includes(status)) {
    const failure = mobpushFailure(reply, status, BROADCAST_HINT);
    return failure.ok ? failure : { ...failure, retryAfterMs: failure.retryAfterMs ?? BROADCAST_INTERVAL_MS };
  }
  return mobpushFailure(reply, status);
}
