/**
 * wecom-app: application messages of a WeCom (企业微信) self-built app. They reach a person directly, in WeCom and
 * in personal WeChat (through the WeChat plugin). Everything about the service is in this folder.
 * API: https://developer.work.weixin.qq.com/document/path/90236
 */
import type { TextLimit } from '../../render/limits.js';
import type { RateLimit } from '../../transport/rate-limit.js';
import type { ProviderDescriptor } from '../descriptor.js';
import { agentUrl } from '../url-forms.js';

export const NAME = 'wecom-app';
export const DISPLAY_NAME = 'WeCom app';
export const WECOM_HOST = 'https://qyapi.weixin.qq.com';

export const CREDENTIALS = {
  token: 'the corp id (企业ID, My Company → Company Information; store it as a secret)',
  secret: "the app's Secret (App Management → the app; store it as a secret)",
  appId: "the app's AgentId, a number (App Management → the app)",
} as const;

export const PATHS = {
  token: '/cgi-bin/gettoken',
  send: '/cgi-bin/message/send',
  /** Read-only app details, used by doctor. */
  agent: '/cgi-bin/agent/get',
} as const;

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

export const descriptor: ProviderDescriptor = {
  name: NAME,
  displayName: DISPLAY_NAME,
  docsPage: 'docs/providers/wecom-app.md',
  vendorDocs: 'https://developer.work.weixin.qq.com/document/path/90236',
  defaultEndpoint: WECOM_HOST,
  credentials: {
    token: { required: true, form: CREDENTIALS.token },
    secret: { required: true, form: CREDENTIALS.secret },
    appId: { required: true, form: CREDENTIALS.appId },
  },
  formats: FORMATS,
  defaultFormat: DEFAULT_FORMAT,
  target: {
    required: true,
    form: TARGET_FORM,
    loadCheck: async () => {
      const { parseRecipients } = await import(/* webpackChunkName: "wecom-app" */ './targets.js');
      return (raw) => void parseRecipients(raw);
    },
  },
  limits: (format) =>
    LIMITS[(FORMATS as readonly string[]).includes(format) ? (format as WecomAppFormat) : DEFAULT_FORMAT],
  rateLimit: RATE_LIMIT,
  url: agentUrl('wecom-app://CORPID:SECRET@AGENTID?target=user:a,b|party:1|tag:1|@all', 'corp id', 'app secret'),
  help: 'corp id + app Secret, app-id AgentId; target user:a,b, party:1, tag:1 or @all',
  example: {
    provider: NAME,
    token: 'wwdemo0000000000',
    secret: 'demo-secret',
    appId: '1000002',
    target: 'user:oncall',
  },
  load: async () => (await import(/* webpackChunkName: "wecom-app" */ './index.js')).wecomApp,
};
