import { createHmac, timingSafeEqual } from 'node:crypto';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';

export interface FakeFeishuOptions {
  /** hook token → bot settings. */
  bots: Record<string, { secret?: string; keywords?: string[]; ipAllowed?: boolean }>;
  /** Answer in the older StatusCode/StatusMessage shape. */
  legacyReplies?: boolean;
  intercept?: (request: RecordedRequest, reply: (status: number, body: unknown) => void) => boolean;
  now?: () => number;
}

const POST_TAGS = new Set(['text', 'a', 'at', 'img', 'media', 'emotion', 'hr', 'code_block', 'md']);

function check(body: Record<string, unknown>): string | undefined {
  const content = body.content as Record<string, unknown> | undefined;
  switch (body.msg_type) {
    case 'text':
      return typeof content?.text === 'string' ? undefined : 'content.text';
    case 'post': {
      const post = content?.post as Record<string, Record<string, unknown>> | undefined;
      if (!post || typeof post !== 'object') return 'content.post';
      for (const lang of Object.values(post)) {
        if (!Array.isArray(lang.content)) return 'post.content';
        for (const paragraph of lang.content as unknown[]) {
          if (!Array.isArray(paragraph)) return 'post paragraph';
          for (const element of paragraph as Record<string, unknown>[]) {
            if (!POST_TAGS.has(String(element.tag))) return `post tag ${String(element.tag)}`;
            if (element.tag === 'at' && typeof element.user_id !== 'string') return 'at.user_id';
            if (element.tag === 'a' && typeof element.href !== 'string') return 'a.href';
          }
        }
      }
      return undefined;
    }
    case 'interactive': {
      const card = body.card as Record<string, unknown> | undefined;
      if (!card || typeof card !== 'object') return 'card';
      if (!Array.isArray(card.elements) && !card.body && !card.type) return 'card.elements';
      // The image component: `img_key` (an image_key from im/v1/images) and `alt`, a plain_text object
      // (https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-components/content-components/image).
      for (const element of Array.isArray(card.elements) ? (card.elements as Record<string, unknown>[]) : []) {
        if (element.tag !== 'img') continue;
        if (typeof element.img_key !== 'string' || !element.img_key) return 'img.img_key';
        const alt = element.alt as Record<string, unknown> | undefined;
        if (alt?.tag !== 'plain_text' || typeof alt.content !== 'string') return 'img.alt';
      }
      return undefined;
    }
    case 'image':
      // `{"msg_type":"image","content":{"image_key":"img_…"}}`
      // (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot, "发送图片").
      return typeof content?.image_key === 'string' && content.image_key ? undefined : 'content.image_key';
    case 'share_chat':
      return undefined;
    default:
      return 'msg_type';
  }
}

/**
 * Plays the Feishu/Lark custom bot: token in the path; signed bots need `timestamp` (seconds, within one hour)
 * and `sign` = base64(HMAC-SHA256(key = `${timestamp}\n${secret}`, message = "")) in the JSON body; keyword bots
 * need a keyword; the body may be at most 20 KB. Replies `{code, msg, data}` (or the older StatusCode shape).
 */
export function fakeFeishu(options: FakeFeishuOptions): FakeServer & { accepted: Record<string, unknown>[] } {
  const accepted: Record<string, unknown>[] = [];
  const now = options.now ?? Date.now;
  const server = new FakeServer((request, response) => {
    const reply = (status: number, body: unknown) => sendJson(response, status, body);
    const answer = (code: number, msg: string) =>
      reply(
        200,
        options.legacyReplies
          ? { StatusCode: code, StatusMessage: msg, Extra: null }
          : code === 0
            ? { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' }
            : { code, data: {}, msg },
      );
    if (options.intercept?.(request, reply)) return;
    const match = /^\/open-apis\/bot\/v2\/hook\/([^/]+)$/.exec(request.path);
    if (!match || request.method !== 'POST') return reply(404, { code: 404, msg: 'not found' });
    const bot = options.bots[decodeURIComponent(match[1]!)];
    if (!bot) return answer(19001, 'param invalid: incoming webhook access token invalid');
    const body = request.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return answer(9499, 'Bad Request');
    if (Buffer.byteLength(request.body) > 20 * 1024) return answer(9499, 'request body too large');
    if (bot.ipAllowed === false) return answer(19022, 'Ip Not Allowed');
    if (bot.secret) {
      const timestamp = String(body.timestamp ?? '');
      if (!/^\d{10}$/.test(timestamp) || Math.abs(now() / 1000 - Number(timestamp)) > 3600)
        return answer(19021, 'sign match fail or timestamp is not within one hour from current time');
      const expected = createHmac('sha256', `${timestamp}\n${bot.secret}`).update('').digest('base64');
      const given = Buffer.from(String(body.sign ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected)))
        return answer(19021, 'sign match fail or timestamp is not within one hour from current time');
    }
    const problem = check(body);
    if (problem) return answer(9499, `Bad Request: ${problem}`);
    if (bot.keywords && !bot.keywords.some((keyword) => JSON.stringify(body).includes(keyword)))
      return answer(19024, 'Key Words Not Found');
    accepted.push(body);
    answer(0, 'success');
  });
  return Object.assign(server, { accepted });
}
