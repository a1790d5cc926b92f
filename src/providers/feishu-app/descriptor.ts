/**
 * feishu-app: messages sent by a Feishu (or Lark) custom app's bot through the IM API, so they can go to a person
 * or a chat, be updated in place and answered in a thread. Everything about the service is in this folder.
 * API: https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
import type { RateLimit } from '../../transport/rate-limit.js';
import type { ProviderDescriptor } from '../descriptor.js';
import { bareHttpsHost } from '../url-forms.js';

export const NAME = 'feishu-app';
export const DISPLAY_NAME = 'Feishu / Lark app';

/** China host; Lark (international) is `endpoint: https://open.larksuite.com`. */
export const FEISHU_HOST = 'https://open.feishu.cn';

export const CREDENTIALS = {
  token: 'the App ID (cli_…) from the app\'s "Credentials & Basic Info" page (store it as a secret)',
  secret: 'the App Secret from the same page (store it as a secret)',
} as const;

export const PATHS = {
  token: '/open-apis/auth/v3/tenant_access_token/internal',
  send: '/open-apis/im/v1/messages',
  /** PATCH replaces a card; PUT edits a text or post message. */
  message: (id: string) => `/open-apis/im/v1/messages/${encodeURIComponent(id)}`,
  reply: (id: string) => `/open-apis/im/v1/messages/${encodeURIComponent(id)}/reply`,
  readUsers: (id: string) => `/open-apis/im/v1/messages/${encodeURIComponent(id)}/read_users`,
  isInChat: (chat: string) => `/open-apis/im/v1/chats/${encodeURIComponent(chat)}/members/is_in_chat`,
} as const;

/** `target` prefixes → `receive_id_type`, with the id shape each expects. */
export const TARGET_KINDS = {
  chat: { type: 'chat_id', pattern: /^oc_[\w-]+$/, example: 'chat:oc_a0553eda9014c201e6969b478895c230' },
  user: { type: 'open_id', pattern: /^ou_[\w-]+$/, example: 'user:ou_7d8a6e6df7621556ce0d21922b676706' },
  'user-id': { type: 'user_id', pattern: /^[\w.-]{1,64}$/, example: 'user-id:7cc1d3a8' },
  union: { type: 'union_id', pattern: /^on_[\w-]+$/, example: 'union:on_94a1ee5551019f18cd73d9f111898cf2' },
  email: { type: 'email', pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, example: 'email:ops@example.com' },
} as const;
export type TargetKind = keyof typeof TARGET_KINDS;

export const TARGET_FORM =
  "'chat:oc_…', 'user:ou_…' (open_id), 'user-id:ID', 'union:on_…' or 'email:ADDRESS', one per line";

export const FORMATS = ['card', 'post', 'text'] as const;
export type FeishuAppFormat = (typeof FORMATS)[number];
export const DEFAULT_FORMAT: FeishuAppFormat = 'card';

/**
 * Request-body limits: text at most 150 KB, card and post at most 30 KB. They apply to the request body as sent
 * (请求体), not to the `content` string inside it, and serialising `content` into the body escapes every `"` and
 * `\`, so the adapter measures the whole body (https://open.feishu.cn/document/server-docs/im-v1/message/create).
 * Counted in units of 1000 bytes, below what either reading of "KB" allows.
 */
export const BODY_BYTES: Record<FeishuAppFormat, number> = { text: 150_000, post: 30_000, card: 30_000 };

/**
 * A text or post message can be edited (PUT) at most 20 times, only by the app that sent it, and only within the
 * edit window the tenant's administrator sets (https://open.feishu.cn/document/server-docs/im-v1/message/update).
 */
export const MAX_EDITS = 20;

/** `uuid` may be at most 50 characters; a repeated uuid sends at most one message within an hour. */
export const UUID_LENGTH = 40;

/**
 * Per app: 1000 calls a minute and 50 a second per API; 5 a second to one user or one chat
 * (https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control). A run sends one request per
 * target, so the per-app second limit is the one a fan-out meets.
 */
export const RATE_LIMIT: RateLimit = { requests: 50, perMs: 1000 };

/**
 * Codes that mean "the tenant token is no longer valid": drop it, fetch a new one and retry once. The official
 * Go SDK retries on 99991663, 99991664 and 99991671; 99991661 (missing token) and 99991668 (invalid token) are
 * seen in the wild. Configurable through `options.reauthCodes` because the list is not documented as a whole.
 */
export const DEFAULT_REAUTH_CODES = [99991661, 99991663, 99991664, 99991668, 99991671] as const;

/** `page_size` of the read-users query; its maximum is not documented (UNVERIFIED), so `options.readUsersPageSize`. */
export const DEFAULT_READ_PAGE_SIZE = 50;

export const descriptor: ProviderDescriptor = {
  name: NAME,
  displayName: DISPLAY_NAME,
  docsPage: 'docs/providers/feishu-app.md',
  vendorDocs: 'https://open.feishu.cn/document/server-docs/im-v1/message/create',
  defaultEndpoint: FEISHU_HOST,
  credentials: {
    token: { required: true, form: CREDENTIALS.token },
    secret: { required: true, form: CREDENTIALS.secret },
  },
  formats: FORMATS,
  defaultFormat: DEFAULT_FORMAT,
  // Not needed when update-message or reply-to names the message.
  target: {
    required: (settings) => !settings.updateMessage?.trim() && !settings.replyTo?.trim(),
    form: TARGET_FORM,
    loadCheck: async () => {
      const { parseTargets } = await import(/* webpackChunkName: "feishu-app" */ './targets.js');
      return (raw) => void parseTargets(raw);
    },
  },
  limits: (format) => ({
    title: { max: 200, unit: 'chars' },
    body: {
      max: BODY_BYTES[(FORMATS as readonly string[]).includes(format) ? (format as FeishuAppFormat) : 'card'],
      unit: 'bytes',
    },
  }),
  rateLimit: RATE_LIMIT,
  url: {
    form: 'feishu-app://APPID:APPSECRET@[HOST]?target=chat:oc_…|user:ou_…',
    roles: { hostAfterCredentials: true },
    parse(url) {
      const credentials = url.pair('App ID', 'App Secret');
      url.noPath();
      // The optional host picks the service host (open.larksuite.com for Lark); ?endpoint= overrides it.
      const endpoint = url.common.endpoint ?? (url.parts.host ? `https://${url.parts.host}` : undefined);
      return { ...url.common, ...credentials, endpoint };
    },
    format(config, url) {
      const host = bareHttpsHost(config.endpoint);
      return {
        address: `${url.enc(url.need(config.token, 'an App ID'))}:${url.enc(url.need(config.secret, 'an App Secret'))}@${host ?? ''}`,
        override: host ? { endpoint: undefined } : {},
      };
    },
  },
  help: 'App ID + App Secret of a custom app; target chat:oc_…, user:ou_…, email:…; update-message, reply-to',
  example: { provider: NAME, token: 'cli_demo0000000000', secret: 'demo-secret', target: 'chat:oc_demo0000000000' },
  load: async () => (await import(/* webpackChunkName: "feishu-app" */ './index.js')).feishuApp,
};
