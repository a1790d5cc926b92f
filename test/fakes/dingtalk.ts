import { createHmac, timingSafeEqual } from 'node:crypto';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';

export interface FakeDingtalkOptions {
  /** access_token → robot settings. */
  robots: Record<string, { secret?: string; keywords?: string[]; ipAllowed?: boolean }>;
  intercept?: (request: RecordedRequest, reply: (status: number, body: unknown) => void) => boolean;
  now?: () => number;
  /**
   * Messages a robot takes per minute before DingTalk throttles it (the service: 20). Past that the robot answers
   * 130101 and then 410100 for ten minutes, as DingTalk documents. Unset: no throttling.
   */
  perMinute?: number;
}

const THROTTLE_MS = 10 * 60_000;

const MSGTYPES = new Set(['text', 'markdown', 'link', 'actionCard', 'feedCard']);
const MORE = 'more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]';

/** Text the keyword check searches, as DingTalk does: every text field of the message. */
function searchable(body: Record<string, unknown>): string {
  return JSON.stringify(body);
}

function validMessage(body: Record<string, unknown>): string | undefined {
  const type = String(body.msgtype ?? '');
  if (!MSGTYPES.has(type)) return 'msgtype';
  const part = body[type] as Record<string, unknown> | undefined;
  if (!part || typeof part !== 'object') return type;
  if (type === 'text' && typeof part.content !== 'string') return 'text.content';
  if (type === 'markdown' && (typeof part.title !== 'string' || typeof part.text !== 'string')) return 'markdown';
  if (type === 'actionCard') {
    if (typeof part.title !== 'string' || typeof part.text !== 'string') return 'actionCard';
    if (!(typeof part.singleURL === 'string' && typeof part.singleTitle === 'string') && !Array.isArray(part.btns))
      return 'actionCard.singleURL';
  }
  if (body.at !== undefined) {
    const at = body.at as Record<string, unknown>;
    for (const key of ['atMobiles', 'atUserIds'])
      if (at[key] !== undefined && !Array.isArray(at[key])) return `at.${key}`;
  }
  return undefined;
}

/**
 * Plays DingTalk's custom robot: `access_token` in the query; for signed robots `timestamp` (ms, within one
 * hour) and `sign` = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)) URL-encoded; keyword robots need a
 * keyword in the message. Errors come with HTTP 200 and an `errcode`, as the service sends them.
 */
export function fakeDingtalk(options: FakeDingtalkOptions): FakeServer & { accepted: Record<string, unknown>[] } {
  const accepted: Record<string, unknown>[] = [];
  const now = options.now ?? Date.now;
  const sentAt = new Map<string, number[]>();
  const throttledUntil = new Map<string, number>();
  const server = new FakeServer((request, response) => {
    const reply = (status: number, body: unknown) => sendJson(response, status, body);
    if (options.intercept?.(request, reply)) return;
    if (request.path !== '/robot/send' || request.method !== 'POST')
      return reply(404, { errcode: 404, errmsg: 'not found' });
    const token = request.query.get('access_token') ?? '';
    const robot = options.robots[token];
    if (!robot) return reply(200, { errcode: 300001, errmsg: 'token is not exist' });
    if (robot.ipAllowed === false)
      return reply(200, { errcode: 310000, errmsg: `ip 127.0.0.1 not in whitelist, ${MORE}` });
    if (robot.secret) {
      const timestamp = request.query.get('timestamp') ?? '';
      const sign = request.query.get('sign') ?? '';
      if (!/^\d{13}$/.test(timestamp) || Math.abs(now() - Number(timestamp)) > 3_600_000)
        return reply(200, { errcode: 310000, errmsg: `invalid timestamp, ${MORE}` });
      const expected = createHmac('sha256', robot.secret).update(`${timestamp}\n${robot.secret}`).digest('base64');
      const given = Buffer.from(sign);
      if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected)))
        return reply(200, { errcode: 310000, errmsg: `sign not match, ${MORE}` });
    }
    const body = request.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return reply(200, { errcode: 40035, errmsg: '缺少参数 json' });
    if (Buffer.byteLength(request.body) > 20_000) return reply(200, { errcode: 460101, errmsg: 'message too large' });
    const invalid = validMessage(body);
    if (invalid) return reply(200, { errcode: 400105, errmsg: `不支持的消息类型或参数 ${invalid}` });
    if (robot.keywords && !robot.keywords.some((keyword) => searchable(body).includes(keyword)))
      return reply(200, { errcode: 310000, errmsg: `keywords not in content, ${MORE}` });
    if (options.perMinute !== undefined) {
      const at = now();
      if ((throttledUntil.get(token) ?? 0) > at) return reply(200, { errcode: 410100, errmsg: '发送速度太快而限流' });
      const recent = (sentAt.get(token) ?? []).filter((time) => at - time < 60_000);
      if (recent.length >= options.perMinute) {
        throttledUntil.set(token, at + THROTTLE_MS);
        return reply(200, { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' });
      }
      sentAt.set(token, [...recent, at]);
    }
    accepted.push(body);
    reply(200, { errcode: 0, errmsg: 'ok' });
  });
  return Object.assign(server, { accepted });
}
