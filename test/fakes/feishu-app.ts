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
}

const RECEIVE_ID_TYPES = new Set(['open_id', 'union_id', 'user_id', 'email', 'chat_id']);
const MSG_TYPES = new Set(['text', 'post', 'interactive', 'image', 'file']);
const LIMITS: Record<string, number> = {
  text: 150 * 1024,
  post: 30 * 1024,
  interactive: 30 * 1024,
  image: 1024,
  file: 1024,
};
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

    const create = (stored: Omit<StoredMessage, 'message_id' | 'updates'>): void => {
      if (stored.uuid !== undefined) {
        const earlier = byUuid.get(stored.uuid);
        // The same uuid within an hour sends at most one message: the earlier one is answered again.
        if (earlier) return reply(200, { code: 0, msg: 'success', data: { message_id: earlier.message_id } });
      }
      const message: StoredMessage = { ...stored, message_id: `om_${randomBytes(16).toString('hex')}`, updates: 0 };
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
      if (typeof msgType === 'string' && Buffer.byteLength(json.content) > (LIMITS[msgType] ?? 0)) {
        fail(230025, 'The length of the message content reaches its limit');
        return undefined;
      }
      try {
        return JSON.parse(json.content) as Record<string, unknown>;
      } catch {
        fail(230001, 'content is not valid JSON');
        return undefined;
      }
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
    if (one && target && one[2] === '/reply' && request.method === 'POST') {
      if (!MSG_TYPES.has(String(json.msg_type))) return fail(230001, 'invalid msg_type');
      if (json.reply_in_thread !== undefined && typeof json.reply_in_thread !== 'boolean')
        return fail(230001, 'reply_in_thread must be a boolean');
      if (!checkUuid()) return;
      const content = checkContent(json.msg_type);
      if (!content) return;
      return create({
        msg_type: String(json.msg_type),
        content,
        uuid: json.uuid as string | undefined,
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
