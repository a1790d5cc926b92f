/**
 * wecom-app: application messages of a WeCom (企业微信) self-built app. They reach a person directly, in WeCom and
 * in personal WeChat (through the WeChat plugin). Everything about the service is in this folder.
 * API: https://developer.work.weixin.qq.com/document/path/90236
 */
import type { TextLimit } from '../../render/limits.js';
import type { RateLimit } from '../../transport/rate-limit.js';
import type { AppCode } from '../app-channel.js';

export const NAME = 'wecom-app';
export const DISPLAY_NAME = 'WeCom app';
export const WECOM_HOST = 'https://qyapi.weixin.qq.com';

export const CREDENTIALS = {
  token: 'the corp id (企业ID, My Company → Company Information; store it as a secret)',
  secret: "the app's Secret (App Management → the app; store it as a secret)",
  appId: "the app's AgentId, a number (App Management → the app)",
} as const;

export const PATHS = { token: '/cgi-bin/gettoken', send: '/cgi-bin/message/send' } as const;

export const TARGET_FORM = "'user:ID[,ID…]', 'party:1[,2…]', 'tag:1[,2…]' or '@all', one per line";
export const USER_ID = /^[\w.@-]{1,64}$/;
export const NUMERIC_ID = /^\d{1,12}$/;

/** Recipients per request: touser at most 1000, toparty and totag at most 100 each. */
export const MAX_USERS = 1000;
export const MAX_PARTIES = 100;
export const MAX_TAGS = 100;

export const FORMATS = ['textcard', 'markdown', 'text', 'card'] as const;
export type WecomAppFormat = (typeof FORMATS)[number];
export const DEFAULT_FORMAT: WecomAppFormat = 'textcard';

/**
 * Application-message limits (not the group robot's 4096-byte markdown): text and markdown at most 2048 bytes,
 * textcard title 128 bytes and description 512 bytes; template_card text_notice as WeCom advises (characters).
 */
export const LIMITS: Record<WecomAppFormat, { title: TextLimit; body: TextLimit }> = {
  text: { title: { max: 128, unit: 'bytes' }, body: { max: 2048, unit: 'bytes' } },
  markdown: { title: { max: 128, unit: 'bytes' }, body: { max: 2048, unit: 'bytes' } },
  textcard: { title: { max: 128, unit: 'bytes' }, body: { max: 512, unit: 'bytes' } },
  card: { title: { max: 26, unit: 'chars' }, body: { max: 112, unit: 'chars' } },
};

/**
 * Each member receives at most 30 messages a minute and 1000 an hour from one app; above that WeCom drops the
 * message without an error (https://developer.work.weixin.qq.com/document/path/90454). Every request may reach
 * the same members, so the app's bucket is held to the per-member minute.
 */
export const RATE_LIMIT: RateLimit = { requests: 30, perMs: 60_000 };

/** `duplicate_check_interval` bounds: WeCom's maximum is 4 hours. */
export const DUPLICATE_WINDOW = { min: 60, max: 4 * 3600 } as const;

/** Token codes that mean "fetch a new one and retry once" (wechatpy and the WeCom docs); `options.reauthCodes`. */
export const DEFAULT_REAUTH_CODES = [40014, 42001] as const;

export const TRUSTED_IP_HINT =
  "WeCom answers apps created on or after 2022-06-20 only from the app's trusted IPs (企业可信IP), which must be " +
  "the company's own fixed server addresses, and CI runners have none: run a reverse proxy to " +
  'https://qyapi.weixin.qq.com on a server with a fixed IP, add that IP under the app\'s "企业可信IP" (it needs a ' +
  'verified trusted domain first), and set `endpoint` to the proxy, e.g. https://wecom-proxy.example.com';

const CREDENTIAL_HINT = 'check `token` (corp id) and `secret` (the Secret of this app)';

/** `errcode`s of gettoken and message/send (https://developer.work.weixin.qq.com/document/path/90313). */
export const CODES: Readonly<Record<number, AppCode>> = {
  [-1]: { meaning: 'system busy', retry: 'safe' },
  40001: { meaning: 'invalid secret', hint: CREDENTIAL_HINT },
  40003: { meaning: 'invalid userid', hint: 'check the user ids in `target`' },
  40013: { meaning: 'invalid corpid', hint: CREDENTIAL_HINT },
  40014: { meaning: 'invalid access_token' },
  40031: { meaning: 'invalid recipient list', hint: 'check `target`' },
  40032: { meaning: 'recipient list too long', hint: 'at most 1000 users, 100 parties and 100 tags per request' },
  40056: { meaning: 'invalid agentid', hint: "check `app-id`: the app's AgentId" },
  40091: { meaning: 'the secret belongs to another corp', hint: CREDENTIAL_HINT },
  41001: { meaning: 'access_token missing' },
  42001: { meaning: 'access_token expired' },
  44004: { meaning: 'empty content' },
  45002: { meaning: 'content too long', hint: 'text and markdown at most 2048 bytes' },
  45009: {
    meaning: 'frequency limit',
    retry: 'safe',
    hint: 'the app or the member is over its frequency limit; a member takes 30 messages a minute from one app',
  },
  45033: { meaning: 'concurrency limit', retry: 'safe' },
  48002: { meaning: 'API forbidden for this app', hint: 'use a self-built app (自建应用) with messaging enabled' },
  60011: {
    meaning: 'no permission for that member or party',
    hint: "add the recipients to the app's visibility (可见范围)",
  },
  60020: { meaning: 'caller IP is not a trusted IP of the app', hint: TRUSTED_IP_HINT },
  81013: {
    meaning: 'every user, party and tag is invalid or outside the visibility',
    hint: "check `target` and the app's visibility (可见范围)",
  },
  82001: { meaning: 'no recipient', hint: 'set `target`' },
  301002: { meaning: 'the token does not belong to this agentid', hint: 'check `app-id` and `secret` belong together' },
};
