import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';

export interface FakeMobpushOptions {
  /** AppKey → AppSecret of the apps the fake knows. */
  apps: Record<string, string>;
  /** Answer the next `times` createPush calls with a throttle: MobPush `status` (HTTP 200) or an HTTP status. */
  throttle?: { times: number; status?: number; httpStatus?: number };
  /** Record the next `times` pushes, then destroy the socket before answering (a connection lost mid-reply). */
  dropAfterRecord?: number;
  /** Answer every createPush with this business error (after the signature check). */
  failWith?: { status: number; error: string };
  /** Task codes getWorkStatus reports per lookup of a task (1 not started … 7 abnormal); the last one sticks. */
  taskCodes?: number[];
  /** Per-request override: return true when handled. */
  intercept?: (request: RecordedRequest, response: ServerResponse) => boolean;
  /** Broadcasts already accepted today for every app (MobPush takes 100 a day), default 0. */
  broadcastsToday?: number;
  now?: () => number;
}

/** MobPush's push limits (创建推送 document): a broadcast (全部人群) 100 times a day and once a minute per app. */
const BROADCASTS_PER_DAY = 100;
const BROADCAST_INTERVAL_MS = 60_000;

export interface RecordedPush {
  workno?: string;
  batchId: string;
  body: Record<string, unknown>;
  raw: string;
}

const TASK_TEXT: Record<number, string> = {
  1: '未开始',
  2: '已下发',
  3: '下发失败',
  4: '推送完成',
  5: '已取消',
  6: '已撤回',
  7: '任务异常',
};

type Fail = { status: number; error: string };
const fail = (status: number, error: string): Fail => ({ status, error });

function utf8(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function stringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The createPush checks the 创建推送 document lists, with its codes. */
function validatePush(body: Record<string, unknown>): Fail | undefined {
  if (body.source !== 'webapi') return fail(4002, '请求参数错误');
  const target = body.pushTarget as Record<string, unknown> | undefined;
  if (!target || typeof target.target !== 'number') return fail(4814, '缺少目标人群');
  switch (target.target) {
    case 1:
      break;
    case 2: {
      const alias = target.alias;
      if (!stringArray(alias) || alias.length === 0) return fail(4527, '别名不能为空且长度限制[1,1000]');
      if (alias.length > 1000) return fail(4523, '批量别名最大数量超过1000');
      if (alias.some((item) => utf8(item) > 40)) return fail(4303, '别名字数超过限制,最长40,UTF-8编码');
      break;
    }
    case 3: {
      const tags = target.tags;
      if (!stringArray(tags) || tags.length === 0) return fail(4525, '标签不能为空');
      if (tags.length > 100) return fail(4525, '批量标签最大数量超过100');
      if (tags.some((item) => utf8(item) > 40)) return fail(4305, '单个标签长度超过限制,最长40,UTF-8编码');
      if (![1, 2].includes(target.tagsType as number)) return fail(4002, '请求参数错误');
      break;
    }
    case 4: {
      const rids = target.rids;
      if (!stringArray(rids) || rids.length === 0) return fail(4528, 'RegisterIds不能为空且长度限制[1,1000]');
      if (rids.length > 1000) return fail(4524, '批量RegistrationIds最大数量超过1000');
      break;
    }
    case 5:
      if (!target.city && !target.province && !target.country) return fail(4541, '地理位置推送,地理位置信息未设置');
      break;
    case 14:
      if (typeof target.fileId !== 'string' || !target.fileId) return fail(4809, '请求缺少必要参数');
      break;
    default:
      return fail(4002, '请求参数错误');
  }
  const notify = body.pushNotify as Record<string, unknown> | undefined;
  if (!notify) return fail(4812, '缺少推送内容');
  if (!Array.isArray(notify.plats) || notify.plats.length === 0) return fail(4813, '缺少目标平台');
  if (typeof notify.content !== 'string' || !notify.content) return fail(4812, '缺少推送内容');
  if (notify.type !== 1 && notify.type !== 2) return fail(4815, '缺少推送类型');
  if (notify.taskCron === 1 && typeof notify.taskTime !== 'number') return fail(4307, '定时推送需要设置时间');
  return undefined;
}

/**
 * Plays MobPush's REST API: recomputes `sign = md5(raw body + AppSecret)` over the bytes it received,
 * answers `{status, res, error}` (business errors with HTTP 200), records pushes by workno and answers a
 * repeated workno with 5408, serves getByWorkno and getWorkStatus.
 */
export function fakeMobpush(options: FakeMobpushOptions) {
  const pushes: RecordedPush[] = [];
  const byWorkno = new Map<string, RecordedPush>();
  const lookups = new Map<string, number>();
  let throttled = 0;
  let dropped = 0;
  const now = options.now ?? Date.now;
  let broadcasts = options.broadcastsToday ?? 0;
  let lastBroadcast = -Infinity;

  const server = new FakeServer((request, response) => {
    const reply = (body: unknown, status = 200) => sendJson(response, status, body);
    const error = (failure: Fail) => reply({ status: failure.status, res: null, error: failure.error });
    if (options.intercept?.(request, response)) return;
    if (request.method !== 'POST') return reply({ status: 4011, res: null, error: '加密接口只支持POST' }, 405);

    const key = request.headers.key;
    if (typeof key !== 'string' || !key) return error(fail(4800, '请求头信息缺少key字段'));
    const secret = options.apps[key];
    if (!secret) return error(fail(4312, 'appkey无效'));
    const expected = createHash('md5')
      .update(request.body + secret, 'utf8')
      .digest('hex');
    if (request.headers.sign !== expected) return error(fail(5801, '数据校验失败'));
    const body = request.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return error(fail(4002, '请求参数错误'));
    if (body.appkey !== key) return error(fail(4839, '推送Appkey错误'));

    if (request.path === '/v3/push/createPush') {
      if (options.throttle && throttled < options.throttle.times) {
        throttled += 1;
        if (options.throttle.httpStatus) {
          response.writeHead(options.throttle.httpStatus, { 'content-type': 'text/html' });
          response.end('<html><body>Too busy</body></html>');
          return;
        }
        return error(fail(options.throttle.status ?? 4810, '请求过于频繁'));
      }
      if (options.failWith) return error(options.failWith);
      const invalid = validatePush(body);
      if (invalid) return error(invalid);
      const workno = typeof body.workno === 'string' ? body.workno : undefined;
      if (workno && byWorkno.has(workno)) return error(fail(5408, 'workno已经存在'));
      if ((body.pushTarget as Record<string, unknown>).target === 1) {
        // The broadcast caps; the document names no code of their own, so the fake answers with the throttle code.
        if (broadcasts >= BROADCASTS_PER_DAY || now() - lastBroadcast < BROADCAST_INTERVAL_MS)
          return error(fail(4103, '请求过于频繁'));
        broadcasts += 1;
        lastBroadcast = now();
      }
      const push: RecordedPush = { workno, batchId: randomBytes(9).toString('hex'), body, raw: request.body };
      pushes.push(push);
      if (workno) byWorkno.set(workno, push);
      if (dropped < (options.dropAfterRecord ?? 0)) {
        dropped += 1;
        response.socket?.destroy();
        return;
      }
      return reply({
        status: 200,
        res: { batchId: push.batchId, fetched: null, uninstalls: null, closes: null, notFounds: null },
        error: null,
      });
    }

    if (request.path === '/v3/push/getByWorkno') {
      const push = typeof body.workno === 'string' ? byWorkno.get(body.workno) : undefined;
      if (!push) return error(fail(4508, '未找到匹配的推送任务'));
      // The official SDK reads this reply into the push object: the task as created, with its id.
      return reply({ status: 200, res: { ...push.body, workId: push.batchId }, error: null });
    }

    if (request.path === '/v3/push/getWorkStatus') {
      const push = pushes.find((item) => item.batchId === body.workId);
      if (!push) return error(fail(4508, '未找到匹配的推送任务'));
      const seen = lookups.get(push.batchId) ?? 0;
      lookups.set(push.batchId, seen + 1);
      const codes = options.taskCodes ?? [2];
      const code = codes[Math.min(seen, codes.length - 1)]!;
      return reply({ status: 200, res: TASK_TEXT[code], error: null, code });
    }

    return reply({ status: 404, res: null, error: 'not found' }, 404);
  });
  return Object.assign(server, { pushes, byWorkno });
}
