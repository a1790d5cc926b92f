/**
 * feishu-app: messages sent by a Feishu (or Lark) custom app's bot through the IM API, so they can go to a person
 * or a chat, be updated in place and answered in a thread. Everything about the service is in this folder.
 * API: https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
import type { RateLimit } from '../../transport/rate-limit.js';
import type { AppCode } from '../app-channel.js';

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
  message: (id: string) => `/open-apis/im/v1/messages/${encodeURIComponent(id)}`,
  reply: (id: string) => `/open-apis/im/v1/messages/${encodeURIComponent(id)}/reply`,
  readUsers: (id: string) => `/open-apis/im/v1/messages/${encodeURIComponent(id)}/read_users`,
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

/** `content` limits: text at most 150 KB, card and post at most 30 KB (style tags count). */
export const CONTENT_BYTES: Record<FeishuAppFormat, number> = { text: 150_000, post: 30_000, card: 30_000 };

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

const SCOPE = 'grant the app the scope im:message:send_as_bot (or im:message) and publish a new version';

/** Business codes (HTTP 400 with `code` in the body) and what the user can do. */
export const CODES: Readonly<Record<number, AppCode>> = {
  10003: { meaning: 'invalid parameter', hint: 'check `token` (App ID) and `secret` (App Secret)' },
  10014: { meaning: 'app secret invalid', hint: 'check `secret`: the App Secret of this App ID' },
  99991400: { meaning: 'rate limited', retry: 'safe', hint: 'the app exceeded its call rate; retried after the reset' },
  99991401: {
    meaning: 'caller IP not in the app IP allow-list',
    hint: "add the runner's egress IP to the app's IP allow-list (Security Settings), or route through `endpoint`",
  },
  99991661: { meaning: 'access token missing' },
  99991663: { meaning: 'tenant access token invalid or expired' },
  99991664: { meaning: 'app access token invalid' },
  99991668: { meaning: 'access token invalid' },
  99991671: { meaning: 'access token invalid' },
  99991672: { meaning: 'scope missing', hint: SCOPE },
  230001: { meaning: 'invalid parameter', hint: 'check `target`, `format` and `options` (details in the reply)' },
  230002: { meaning: 'the bot is not in the chat', hint: 'add the app bot to the group, or check the chat id' },
  230006: {
    meaning: 'bot ability not enabled',
    hint: 'enable the Bot feature of the app and publish a version',
  },
  230011: { meaning: 'the message was recalled', hint: 'update-message / reply-to names a recalled message' },
  230012: { meaning: 'the bot did not send this message', hint: 'only messages this app sent can be read back' },
  230013: {
    meaning: "the user is outside the app's availability scope, disabled or has left",
    hint: "add the user to the app's availability scope (Version Management & Release), or check the id",
  },
  230020: { meaning: 'rate limited', retry: 'safe', hint: 'at most 5 messages a second to one user or chat' },
  230022: { meaning: 'content rejected as sensitive' },
  230025: { meaning: 'content too long', hint: 'text at most 150 KB, card and post at most 30 KB' },
  230027: { meaning: 'permission missing', hint: SCOPE },
  230028: { meaning: 'content failed the data-loss-prevention audit' },
  230029: { meaning: 'the user has resigned', hint: 'remove the user from `target`' },
  230031: {
    meaning: 'the message is older than 14 days',
    hint: 'update-message works on cards at most 14 days old; post a new message instead',
  },
  230033: { meaning: 'the message is older than 7 days', hint: 'read receipts exist for 7 days' },
  230034: { meaning: 'invalid receive_id', hint: 'check `target`: the id must match its prefix (chat:, user:, …)' },
  230035: { meaning: 'no permission to send (muted, blocked or tenant policy)' },
  230053: { meaning: 'the user stopped the bot from messaging them' },
  230071: { meaning: 'this chat does not support thread replies', hint: 'drop `reply-to` for this chat' },
  230099: { meaning: 'card build failed', hint: 'check `options` merged into the card' },
  230110: { meaning: 'the message was deleted', hint: 'update-message / reply-to names a deleted message' },
  232009: { meaning: 'the chat was dissolved', hint: 'check `target`' },
};
