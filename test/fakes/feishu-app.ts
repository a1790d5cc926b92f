import { randomBytes } from 'node:crypto';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';
import { parseMultipart } from './multipart.js';

export interface FakeFeishuAppOptions {
  appId: string;
  appSecret: string;
  /** Chats the bot is in (chat_id). Others answer 230002. */
  chats?: string[];
  /** Users inside the app's availability scope (open_id). Others answer 230013. */
  users?: string[];
  /** After this many accepted sends, every token issued so far expires (a token running out mid-run). */
  expireAfterSends?: number;
  /** Drop the reply of the first N message-creating requests after processing them (the message exists). */
  dropReplies?: number;
  /** The app lacks the chat-reading scope: is_in_chat answers 99991672. */
  noChatScope?: boolean;
  /**
   * Chats that take no thread replies: a reply with `reply_in_thread: true` there answers 230071 ("this chat
   * does not support thread replies", https://open.feishu.cn/document/server-docs/im-v1/message/reply).
   */
  noThreadChats?: string[];
  /** Readers per message id, for read_users. */
  readers?: Record<string, string[]>;
  /** Per-request override: return true when handled. */
  intercept?: (request: RecordedRequest, reply: (status: number, body: unknown) => void) => boolean;
}

export interface StoredMessage {
  message_id: string;
  receive_id_type?: string;
  receive_id?: string;
  msg_type: string;
  content: Record<string, unknown>;
  uuid?: string;
  parent_id?: string;
  thread_id?: string;
  updates: number;
  /** PUT edits of a text or post message. */
  edits: number;
}

const RECEIVE_ID_TYPES = new Set(['open_id', 'union_id', 'user_id', 'email', 'chat_id']);
const MSG_TYPES = new Set(['text', 'post', 'interactive', 'image', 'file']);
/**
 * Limits on the REQUEST BODY as sent (请求体), not on the `content` string inside it: text at most 150 KB, card and
 * post at most 30 KB; 230025 beyond (https://open.feishu.cn/document/server-docs/im-v1/message/create, "请求体最大不能超过
 * 150KB" / "30KB"). Serialising `content` into the body escapes every `"` and `\`, so the body is what is measured.
 */
const LIMITS: Record<string, number> = {
  text: 150 * 1024,
  post: 30 * 1024,
  interactive: 30 * 1024,
  image: 1024,
  file: 1024,
};
/** Post content languages (https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/im-v1/message/create_json). */
const POST_LANGUAGES = new Set(['zh_cn', 'en_us', 'ja_jp', 'zh_hk', 'zh_tw']);
/** A text or post message may be edited at most 20 times (https://open.feishu.cn/document/server-docs/im-v1/message/update). */
const MAX_EDITS = 20;
const FILE_TYPES = new Set(['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream']);

/**
 * Plays the Feishu Open Platform as the IM v1 docs describe: tenant tokens from App ID and App Secret, the
 * Bearer token on every call, `content` as a JSON string, `uuid` (≤ 50 characters) deduplicating a repeated
 * send, PATCH of shared cards only (`update_multi` before and after), thread replies, read users; errors as
 * HTTP 400 with `code` and `msg` in the body.
 */
export function fakeFeishuApp(options: FakeFeishuAppOptions) {
  const tokens = new Map<string, boolean>();
  const issued: string[] = [];
  const messages: StoredMessage[] = [];
  const byUuid = new Map<string, StoredMessage>();
  let tokenRequests = 0;
  let sends = 0;
  let drops = options.dropReplies ?? 0;
  const uploaded = new Map<string, { kind: 'image' | 'file'; name: string; size: number; type?: string }>();

  const server = new FakeServer((request, response) => {
    const reply = (status: number, body: unknown) => sendJson(response, status, body);
    const fail = (code: number, msg: string, status = 400) => reply(status, { code, msg });
    if (options.intercept?.(request, reply)) return;
    const json = (request.json ?? {}) as Record<string, unknown>;

    if (request.path === '/open-apis/auth/v3/tenant_access_token/internal' && request.method === 'POST') {
      tokenRequests += 1;
      if (!String(request.headers['content-type']).startsWith('application/json')) return fail(10003, 'invalid param');
      if (json.app_id !== options.appId || json.app_secret !== options.appSecret)
        return fail(10014, 'app secret invalid');
      const token = `t-${randomBytes(20).toString('hex')}`;
      tokens.set(token, true);
      issued.push(token);
      return reply(200, { code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 });
    }

    const auth = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''));
    if (!auth) return fail(99991661, 'Missing access token for authorization');
    if (tokens.get(auth[1]!) !== true) return fail(99991663, 'Invalid access token for authorization');

    // Uploads (https://open.feishu.cn/document/server-docs/im-v1/image/create and …/file/create): multipart,
    // `image_type` message|avatar + `image` (not empty, ≤ 10 MB); `file_type` (opus|mp4|pdf|doc|xls|ppt|stream),
    // `file_name` and `file` (not empty, ≤ 30 MB). A bad parameter is 234001 "Invalid request param".
    if (
      request.method === 'POST' &&
      (request.path === '/open-apis/im/v1/images' || request.path === '/open-apis/im/v1/files')
    ) {
      const parts = parseMultipart(request.raw, request.headers['content-type']);
      const field = (name: string) => parts?.find((part) => part.name === name);
      if (request.path.endsWith('/images')) {
        const image = field('image');
        const type = field('image_type')?.data.toString();
        if (
          !image ||
          image.data.length === 0 ||
          image.data.length > 10 * 1024 * 1024 ||
          (type !== 'message' && type !== 'avatar')
        )
          return fail(234001, 'Invalid request param.');
        const key = `img_v3_${randomBytes(8).toString('hex')}`;
        uploaded.set(key, { kind: 'image', name: image.filename ?? '', size: image.data.length });
        return reply(200, { code: 0, msg: 'success', data: { image_key: key } });
      }
      const file = field('file');
      const type = field('file_type')?.data.toString() ?? '';
      const name = field('file_name')?.data.toString() ?? '';
      if (!file || file.data.length === 0 || file.data.length > 30 * 1024 * 1024 || !FILE_TYPES.has(type) || !name)
        return fail(234001, 'Invalid request param.');
      const key = `file_v3_${randomBytes(8).toString('hex')}`;
      uploaded.set(key, { kind: 'file', name, size: file.data.length, type });
      return reply(200, { code: 0, msg: 'success', data: { file_key: key } });
    }

    const create = (stored: Omit<StoredMessage, 'message_id' | 'updates' | 'edits'>): void => {
      if (stored.uuid !== undefined) {
        const earlier = byUuid.get(stored.uuid);
        // The same uuid within an hour sends at most one message: the earlier one is answered again.
        if (earlier) return reply(200, { code: 0, msg: 'success', data: { message_id: earlier.message_id } });
      }
      const message: StoredMessage = {
        ...stored,
        message_id: `om_${randomBytes(16).toString('hex')}`,
        updates: 0,
        edits: 0,
      };
      messages.push(message);
      if (stored.uuid !== undefined) byUuid.set(stored.uuid, message);
      sends += 1;
      if (options.expireAfterSends !== undefined && sends === options.expireAfterSends)
        for (const token of tokens.keys()) tokens.set(token, false);
      if (drops > 0) {
        drops -= 1;
        response.socket?.destroy();
        return;
      }
      reply(200, {
        code: 0,
        msg: 'success',
        data: {
          message_id: message.message_id,
          msg_type: message.msg_type,
          chat_id: message.receive_id_type === 'chat_id' ? message.receive_id : 'oc_p2p',
          parent_id: message.parent_id ?? '',
          thread_id: message.thread_id ?? '',
          deleted: false,
          updated: false,
          sender: { id: options.appId, id_type: 'app_id', sender_type: 'app' },
          body: { content: JSON.stringify(message.content) },
        },
      });
    };

    const checkContent = (msgType: unknown): Record<string, unknown> | undefined => {
      if (typeof json.content !== 'string') {
        fail(230001, 'content must be a string of JSON');
        return undefined;
      }
      if (typeof msgType === 'string' && Buffer.byteLength(request.body) > (LIMITS[msgType] ?? 0)) {
        fail(230025, 'The length of the message content reaches its limit');
        return undefined;
      }
      let content: Record<string, unknown>;
      try {
        content = JSON.parse(json.content) as Record<string, unknown>;
      } catch {
        fail(230001, 'content is not valid JSON');
        return undefined;
      }
      // IM v1 post content has the language object at the top, `{"zh_cn":{"title","content":[[…]]}}` (official SDK
      // type MessagePost, larksuite/oapi-sdk-go service/im/v1; create_json above). The webhook robot's
      // `{"post":{…}}` wrapper is refused (reported in nonebot/adapter-feishu#78).
      if (msgType === 'post') {
        const keys = Object.keys(content);
        if (keys.length === 0 || !keys.every((key) => POST_LANGUAGES.has(key))) {
          fail(
            230001,
            `invalid message content. ext=message_content has wrong tag:{${keys.find((key) => !POST_LANGUAGES.has(key)) ?? ''}}`,
          );
          return undefined;
        }
        for (const key of keys) {
          const language = content[key] as Record<string, unknown> | undefined;
          if (!language || !Array.isArray(language.content) || !language.content.every(Array.isArray)) {
            fail(230001, 'invalid message content: post content must be a list of paragraphs');
            return undefined;
          }
        }
      }
      return content;
    };
    const checkUuid = (): boolean => {
      if (json.uuid !== undefined && (typeof json.uuid !== 'string' || json.uuid.length > 50)) {
        fail(230001, 'uuid must be a string of at most 50 characters');
        return false;
      }
      return true;
    };

    if (request.path === '/open-apis/im/v1/messages' && request.method === 'POST') {
      const type = request.query.get('receive_id_type') ?? '';
      if (!RECEIVE_ID_TYPES.has(type)) return fail(230001, 'invalid receive_id_type');
      if (typeof json.receive_id !== 'string') return fail(230001, 'receive_id must be a string');
      if (!MSG_TYPES.has(String(json.msg_type))) return fail(230001, 'invalid msg_type');
      if (!checkUuid()) return;
      if (type === 'chat_id' && !(options.chats ?? []).includes(json.receive_id))
        return fail(230002, 'Bot/User can NOT be out of the chat.');
      if (type === 'open_id' && !(options.users ?? []).includes(json.receive_id))
        return fail(230013, 'Bot has NO availability to this user.');
      const content = checkContent(json.msg_type);
      if (!content) return;
      return create({
        receive_id_type: type,
        receive_id: json.receive_id,
        msg_type: String(json.msg_type),
        content,
        uuid: json.uuid as string | undefined,
      });
    }

    // Is the bot in the chat (doctor): GET /open-apis/im/v1/chats/:chat_id/members/is_in_chat → data.is_in_chat
    // (https://open.feishu.cn/document/server-docs/group/chat-member/is_in_chat); scope im:chat:readonly or
    // im:chat.members:read, else 99991672 naming it.
    const inChat = /^\/open-apis\/im\/v1\/chats\/([^/]+)\/members\/is_in_chat$/.exec(request.path);
    if (inChat && request.method === 'GET') {
      if (options.noChatScope)
        return reply(400, {
          code: 99991672,
          msg: 'Access denied. One of the following scopes is required: [im:chat:readonly, im:chat.members:read].',
          error: { permission_violations: [{ type: 'action_scope_required', subject: 'im:chat:readonly' }] },
        });
      const chat = decodeURIComponent(inChat[1]!);
      return reply(200, { code: 0, msg: 'success', data: { is_in_chat: (options.chats ?? []).includes(chat) } });
    }

    const one = /^\/open-apis\/im\/v1\/messages\/([^/]+)(\/reply|\/read_users)?$/.exec(request.path);
    const target = one ? messages.find((message) => message.message_id === one[1]) : undefined;
    if (one && !target) return fail(230001, 'message not found');
    if (one && target && !one[2] && request.method === 'PATCH') {
      if (target.msg_type !== 'interactive') return fail(230001, 'only cards can be updated');
      const content = checkContent('interactive');
      if (!content) return;
      const shared = (card: Record<string, unknown>) =>
        (card.config as Record<string, unknown> | undefined)?.update_multi === true;
      if (!shared(target.content) || !shared(content))
        return fail(230001, 'update_multi must be true before and after the update');
      target.content = content;
      target.updates += 1;
      return reply(200, { code: 0, data: {}, msg: 'ok' });
    }
    // Edit a text or post message: PUT with msg_type and content; cards are PATCHed instead
    // (https://open.feishu.cn/document/server-docs/im-v1/message/update).
    if (one && target && !one[2] && request.method === 'PUT') {
      if (target.msg_type !== 'text' && target.msg_type !== 'post')
        return fail(230001, 'only text and post messages can be edited');
      if (json.msg_type !== 'text' && json.msg_type !== 'post') return fail(230001, 'invalid msg_type');
      if (target.edits >= MAX_EDITS) return fail(230001, 'the message has reached its edit limit');
      const content = checkContent(json.msg_type);
      if (!content) return;
      target.msg_type = json.msg_type;
      target.content = content;
      target.edits += 1;
      return reply(200, {
        code: 0,
        msg: 'success',
        data: { message_id: target.message_id, msg_type: target.msg_type },
      });
    }
    if (one && target && one[2] === '/reply' && request.method === 'POST') {
      if (!MSG_TYPES.has(String(json.msg_type))) return fail(230001, 'invalid msg_type');
      if (json.reply_in_thread !== undefined && typeof json.reply_in_thread !== 'boolean')
        return fail(230001, 'reply_in_thread must be a boolean');
      if (!checkUuid()) return;
      if (json.reply_in_thread === true && options.noThreadChats?.includes(String(target.receive_id)))
        return fail(230071, 'The chat does not support thread reply.');
      const content = checkContent(json.msg_type);
      if (!content) return;
      return create({
        msg_type: String(json.msg_type),
        content,
        uuid: json.uuid as string | undefined,
        receive_id_type: target.receive_id_type,
        receive_id: target.receive_id,
        parent_id: target.message_id,
        thread_id: json.reply_in_thread === true ? `omt_${target.message_id.slice(3, 19)}` : undefined,
      });
    }
    if (one && target && one[2] === '/read_users' && request.method === 'GET') {
      if (request.query.get('user_id_type') !== 'open_id') return fail(230001, 'invalid user_id_type');
      const readers = options.readers?.[target.message_id] ?? [];
      return reply(200, {
        code: 0,
        msg: 'success',
        data: {
          items: readers.map((id) => ({ user_id_type: 'open_id', user_id: id, timestamp: String(Date.now()) })),
          has_more: false,
          page_token: '',
        },
      });
    }
    return reply(404, { code: 404, msg: `no route for ${request.method} ${request.path}` });
  });

  return Object.assign(server, {
    messages,
    issued,
    /** Images and files uploaded, by key. */
    uploaded,
    tokenRequests: () => tokenRequests,
    /** Requests other than token fetches, in order. */
    apiRequests: (): RecordedRequest[] => server.requests.filter((request) => !request.path.includes('/auth/')),
    setReaders(id: string, readers: string[]): void {
      options.readers = { ...options.readers, [id]: readers };
    },
  });
}

export type FakeFeishuApp = ReturnType<typeof fakeFeishuApp>;
