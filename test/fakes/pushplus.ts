import { randomBytes } from 'node:crypto';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';

/** How a message moves after it is accepted, for the send-result query. */
export type DeliveryScript =
  { kind: 'delivered-after'; ms: number } | { kind: 'failed'; reason: string } | { kind: 'never' };

export interface FakePushplusOptions {
  /** Open API secret keys per token; a token without one has the open API disabled. */
  secretKeys?: Record<string, string>;
  /** What happens to each accepted message (by title substring), default delivered at once. */
  delivery?: (body: Record<string, unknown>) => DeliveryScript;
  /** Tokens the fake accepts. */
  tokens: string[];
  /** Per-request override: return true when handled. */
  /** Serve HTTPS with this certificate. */
  tls?: { key: string; cert: string };
  intercept?: (
    request: RecordedRequest,
    reply: (status: number, body: unknown, headers?: Record<string, string>) => void,
  ) => boolean;
}

const TEMPLATES = new Set(['html', 'txt', 'json', 'markdown', 'cloudMonitor', 'jenkins', 'route', 'pay']);
const CHANNELS = new Set(['wechat', 'webhook', 'cp', 'mail', 'sms', 'voice', 'extension', 'app']);

/**
 * Plays pushplus's /send as documented: JSON body, token check, and the real reply shape
 * {code, msg, data}; business errors arrive with HTTP 200.
 */
export function fakePushplus(options: FakePushplusOptions): FakeServer & { accepted: Record<string, unknown>[] } {
  const accepted: Record<string, unknown>[] = [];
  const messages = new Map<string, { at: number; script: DeliveryScript }>();
  const accessKeys = new Map<string, string>();
  const server = new FakeServer((request, response) => {
    const reply = (status: number, body: unknown, headers?: Record<string, string>) =>
      sendJson(response, status, body, headers);
    if (options.intercept?.(request, reply)) return;
    if (request.path === '/api/common/openApi/getAccessKey' && request.method === 'POST') {
      const body = (request.json ?? {}) as { token?: string; secretKey?: string };
      const expected = body.token ? options.secretKeys?.[body.token] : undefined;
      if (!expected) return reply(200, { code: 401, msg: '未开通开放接口', data: null });
      if (body.secretKey !== expected) return reply(200, { code: 401, msg: 'secretKey错误', data: null });
      const key = randomBytes(12).toString('hex');
      accessKeys.set(key, body.token!);
      return reply(200, { code: 200, msg: '请求成功', data: { accessKey: key, expiresIn: 7200 } });
    }
    if (request.path === '/api/open/message/sendMessageResult' && request.method === 'GET') {
      const key = String(request.headers['access-key'] ?? '');
      if (!accessKeys.has(key)) return reply(200, { code: 401, msg: 'accessKey无效', data: null });
      const message = messages.get(request.query.get('shortCode') ?? '');
      if (!message) return reply(200, { code: 999, msg: '消息不存在', data: null });
      const { script, at } = message;
      const status =
        script.kind === 'failed' ? 3 : script.kind === 'delivered-after' && Date.now() - at >= script.ms ? 2 : 1;
      return reply(200, {
        code: 200,
        msg: '请求成功',
        data: {
          shortCode: request.query.get('shortCode'),
          status,
          errorMessage: script.kind === 'failed' ? script.reason : '',
          updateTime: new Date().toISOString(),
        },
      });
    }
    if (request.path !== '/send' || request.method !== 'POST')
      return reply(404, { code: 404, msg: 'not found', data: null });
    const body = request.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return reply(200, { code: 600, msg: '数据异常', data: null });
    if (typeof body.token !== 'string' || !options.tokens.includes(body.token)) {
      return reply(200, { code: 903, msg: '无效的用户token', data: null });
    }
    if (typeof body.content !== 'string' || body.content.length === 0)
      return reply(200, { code: 999, msg: '内容不能为空', data: null });
    if (body.template !== undefined && !TEMPLATES.has(String(body.template)))
      return reply(200, { code: 999, msg: '模板不存在', data: null });
    if (body.channel !== undefined && !CHANNELS.has(String(body.channel)))
      return reply(200, { code: 999, msg: '渠道不存在', data: null });
    if ((body.channel === 'webhook' || body.channel === 'cp') && !body.webhook && !body.option) {
      return reply(200, { code: 999, msg: 'webhook编码不能为空', data: null });
    }
    if (typeof body.title === 'string' && [...body.title].length > 100)
      return reply(200, { code: 999, msg: '标题过长', data: null });
    if ([...body.content].length > 20_000) return reply(200, { code: 999, msg: '内容过长', data: null });
    accepted.push(body);
    const shortCode = randomBytes(16).toString('hex');
    messages.set(shortCode, { at: Date.now(), script: options.delivery?.(body) ?? { kind: 'delivered-after', ms: 0 } });
    reply(200, { code: 200, msg: '请求成功', data: shortCode });
  }, options.tls);
  return Object.assign(server, { accepted });
}
