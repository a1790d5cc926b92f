import { isPlainObject } from '../../model/config.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import type { HttpReply, Verdict } from '../../transport/types.js';
import { httpFailure, notJsonFailure } from '../../transport/transport.js';
import { joinUrl } from '../endpoint.js';
import type { PlanEnvironment, TrackHandle, TrackedState } from '../types.js';
import { TASK_NOT_FOUND } from './codes.js';
import { mobpushFailure, statusOf } from './reply.js';
import { mobpushSign } from './sign.js';

/**
 * Following a push up (`wait-for-delivery`).
 *
 * MobPush documents two lookups, signed like createPush:
 * - `POST /v3/push/getByWorkno {appkey, workno}`: the task as created (the official SDKs read it into the
 *   push object: workno, pushTarget, pushNotify …). Its reply documents no state field.
 * - `POST /v3/push/getWorkStatus {appkey, workId}`: `{status:200, res:"已下发", code:2}`, task codes 1 not started,
 *   2 issued, 3 issue failed, 4 completed, 5 cancelled, 6 recalled, 7 abnormal (printed as "-1…-7" in MobPush's
 *   own page, a list-bullet artifact; both spellings are read).
 * So: ask by workno first, take a state if the reply carries one (a numeric `status`/`workStatus`/`taskStatus`
 * or the Chinese state text), otherwise ask getWorkStatus with the batchId (workId) from the send reply or the
 * task. These shapes are only partly documented; anything unrecognised stays `pending` with what was seen.
 */
export interface TrackSettings {
  appKey: string;
  appSecret: string;
  baseUrl: string;
}

/**
 * MobPush's 创建推送 document (https://www.mob.com/wiki/detailed?wiki=234&id=136): query calls are limited to 300 a
 * minute per AppKey by default.
 */
export const QUERY_RATE = { requests: 300, perMs: 60_000 };

const TASK_STATES: Record<number, { text: string; meaning: string; state: TrackedState['state'] }> = {
  1: { text: '未开始', meaning: 'not started (scheduled)', state: 'pending' },
  // Issued: MobPush has handed the task to its TCP channel and the vendor channels. The service reports no
  // per-task "reached the phone" state short of its statistics, and a task stays "issued" until its offline
  // window (a day by default) ends, so this is as delivered as MobPush says a push gets.
  2: { text: '已下发', meaning: 'issued to the push channels', state: 'delivered' },
  3: { text: '下发失败', meaning: 'issue failed (selecting the audience failed)', state: 'failed' },
  4: { text: '推送完成', meaning: 'push completed', state: 'delivered' },
  5: { text: '已取消', meaning: 'cancelled', state: 'failed' },
  6: { text: '已撤回', meaning: 'recalled', state: 'failed' },
  7: { text: '任务异常', meaning: 'task abnormal', state: 'failed' },
};

function fromCode(value: unknown): TrackedState | undefined {
  let code: number | undefined;
  if (typeof value === 'number' && Number.isInteger(value)) code = Math.abs(value);
  else if (typeof value === 'string') {
    const text = value.trim();
    if (/^-?\d$/.test(text)) code = Math.abs(Number(text));
    else code = Number(Object.entries(TASK_STATES).find(([, entry]) => entry.text === text)?.[0]) || undefined;
  }
  const entry = code === undefined ? undefined : TASK_STATES[code];
  return entry ? { state: entry.state, message: `MobPush task ${entry.text} (${entry.meaning})` } : undefined;
}

/** A task state in a lookup reply, wherever the documented and observed shapes put it. */
export function taskStateOf(body: Record<string, unknown>): TrackedState | undefined {
  const res = body.res;
  if (typeof res === 'string') return fromCode(body.code) ?? fromCode(res);
  if (!isPlainObject(res)) return undefined;
  for (const key of ['workStatus', 'taskStatus', 'status', 'state', 'code']) {
    const found = fromCode(res[key]);
    if (found) return found;
  }
  return undefined;
}

function workIdOf(body: Record<string, unknown> | undefined): string | undefined {
  const res = body?.res;
  if (!isPlainObject(res)) return undefined;
  for (const key of ['workId', 'batchId', 'id']) if (typeof res[key] === 'string' && res[key]) return res[key];
  return undefined;
}

function interpretQuery(reply: HttpReply): Verdict {
  const status = statusOf(reply);
  if (status === undefined) return httpFailure(reply) ?? notJsonFailure(reply);
  if ((status === 200 && reply.status < 300) || (TASK_NOT_FOUND as readonly number[]).includes(status)) {
    return { ok: true, code: status };
  }
  return mobpushFailure(reply, status);
}

async function query(
  settings: TrackSettings,
  env: PlanEnvironment,
  path: string,
  fields: Record<string, string>,
): Promise<Record<string, unknown>> {
  const body = JSON.stringify({ appkey: settings.appKey, ...fields });
  const sign = mobpushSign(body, settings.appSecret);
  env.secrets.add(sign);
  const outcome = await env.transport.exchange({
    label: `mobpush ${path}`,
    build: () => ({
      method: 'POST',
      url: joinUrl(settings.baseUrl, path),
      headers: { 'content-type': 'application/json', key: settings.appKey, sign },
      body,
    }),
    interpret: interpretQuery,
    // A lookup changes nothing: repeating it is always safe.
    idempotent: true,
    rateKey: `mobpush-query:${credentialFingerprint(settings.appKey)}`,
    rateLimit: QUERY_RATE,
  });
  return outcome.reply.json as Record<string, unknown>;
}

export async function trackPush(
  settings: TrackSettings,
  handle: TrackHandle,
  env: PlanEnvironment,
): Promise<TrackedState> {
  let byWorkno: Record<string, unknown> | undefined;
  if (handle.idempotencyKey) {
    byWorkno = await query(settings, env, '/v3/push/getByWorkno', { workno: handle.idempotencyKey });
    const state = taskStateOf(byWorkno);
    if (state) return state;
  }
  const workId = handle.id ?? workIdOf(byWorkno);
  if (workId) {
    const status = await query(settings, env, '/v3/push/getWorkStatus', { workId });
    const state = taskStateOf(status);
    if (state) return state;
    if ((TASK_NOT_FOUND as readonly unknown[]).includes(status.status)) {
      return { state: 'pending', message: 'MobPush has no status for this task yet' };
    }
    return { state: 'pending', message: `MobPush returned no recognisable task state: ${JSON.stringify(status.res)}` };
  }
  return { state: 'pending', message: 'MobPush has no task for this workno yet' };
}
