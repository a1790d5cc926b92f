import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';

export interface FakeWecomOptions {
  keys: string[];
  intercept?: (request: RecordedRequest, reply: (status: number, body: unknown) => void) => boolean;
}

const bytes = (value: unknown) => Buffer.byteLength(String(value ?? ''), 'utf8');
const HINT =
  'hint: [1700000000_1_abcdef], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=';

function check(body: Record<string, unknown>): { errcode: number; errmsg: string } | undefined {
  const type = String(body.msgtype ?? '');
  const part = body[type] as Record<string, unknown> | undefined;
  if (!['text', 'markdown', 'markdown_v2', 'image', 'news', 'file', 'voice', 'template_card'].includes(type) || !part)
    return { errcode: 40008, errmsg: `invalid message type, ${HINT}40008` };
  if (type === 'text') {
    if (!part.content) return { errcode: 44004, errmsg: `empty content, ${HINT}44004` };
    if (bytes(part.content) > 2048) return { errcode: 40058, errmsg: `content exceed max length 2048, ${HINT}40058` };
    for (const key of ['mentioned_list', 'mentioned_mobile_list'])
      if (part[key] !== undefined && !Array.isArray(part[key]))
        return { errcode: 40058, errmsg: `invalid ${key}, ${HINT}40058` };
  }
  if (type === 'markdown' || type === 'markdown_v2') {
    if (!part.content) return { errcode: 44004, errmsg: `empty content, ${HINT}44004` };
    if (bytes(part.content) > 4096) return { errcode: 40058, errmsg: `content exceed max length 4096, ${HINT}40058` };
  }
  if (type === 'template_card') {
    const title = (part.main_title as Record<string, unknown> | undefined)?.title;
    const action = part.card_action as Record<string, unknown> | undefined;
    if (part.card_type !== 'text_notice' && part.card_type !== 'news_notice')
      return { errcode: 40058, errmsg: `invalid card_type, ${HINT}40058` };
    if (!title && !part.sub_title_text)
      return { errcode: 40058, errmsg: `main_title.title or sub_title_text required, ${HINT}40058` };
    if (!action || (action.type === 1 && !action.url))
      return { errcode: 40058, errmsg: `card_action required, ${HINT}40058` };
  }
  return undefined;
}

/**
 * Plays the WeCom group robot: `key` in the query (93000 when unknown), content limits in UTF-8 bytes (40058),
 * errors with HTTP 200 and `errcode`, as the service sends them.
 */
export function fakeWecom(options: FakeWecomOptions): FakeServer & { accepted: Record<string, unknown>[] } {
  const accepted: Record<string, unknown>[] = [];
  const server = new FakeServer((request, response) => {
    const reply = (status: number, body: unknown) => sendJson(response, status, body);
    if (options.intercept?.(request, reply)) return;
    if (request.path !== '/cgi-bin/webhook/send' || request.method !== 'POST')
      return reply(404, { errcode: 404, errmsg: 'not found' });
    if (!options.keys.includes(request.query.get('key') ?? ''))
      return reply(200, { errcode: 93000, errmsg: `invalid webhook url, ${HINT}93000` });
    const body = request.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return reply(200, { errcode: 40035, errmsg: `invalid json, ${HINT}40035` });
    const problem = check(body);
    if (problem) return reply(200, problem);
    accepted.push(body);
    reply(200, { errcode: 0, errmsg: 'ok' });
  });
  return Object.assign(server, { accepted });
}
