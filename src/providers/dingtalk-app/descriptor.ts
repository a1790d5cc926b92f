/**
 * dingtalk-app: DingTalk work notifications (工作通知) of an internal app. They arrive as a direct message from the
 * app. Everything about the service is in this folder.
 * API: https://open.dingtalk.com/document/orgapp/asynchronous-sending-of-enterprise-session-messages
 */
import type { RateLimit } from '../../transport/rate-limit.js';
import type { ProviderDescriptor } from '../descriptor.js';
import { agentUrl } from '../url-forms.js';

export const NAME = 'dingtalk-app';
export const DISPLAY_NAME = 'DingTalk work notification';
/** China host; the international one is `endpoint: https://oapi.dingtalk.io`. */
export const DINGTALK_HOST = 'https://oapi.dingtalk.com';

export const CREDENTIALS = {
  token: "the app's AppKey (Client ID) from the developer console (store it as a secret)",
  secret: "the app's AppSecret (Client Secret) from the same page (store it as a secret)",
  appId: "the app's AgentId, a number (developer console → the app → basic information)",
} as const;

const CONVERSATION = '/topapi/message/corpconversation';
export const PATHS = {
  token: '/gettoken',
  send: `${CONVERSATION}/asyncsend_v2`,
  result: `${CONVERSATION}/getsendresult`,
  progress: `${CONVERSATION}/getsendprogress`,
  /** Read-only user lookup, used by doctor. */
  user: '/topapi/v2/user/get',
  statusBar: `${CONVERSATION}/status_bar/update`,
} as const;

export const TARGET_FORM = "'user:USERID[,USERID…]', 'dept:1[,2…]' or '@all', one per line";
export const USER_ID = /^[\w.@-]{1,64}$/;
export const DEPT_ID = /^\d{1,15}$/;
/** Recipients per run: 5000 users, 500 departments (the figures per call of the TOP metadata and help.dingtalk.io). */
export const MAX_USERS = 5000;
export const MAX_DEPTS = 500;
/**
 * Recipients per call. The documents disagree: 5000 users / 500 departments (TOP metadata, help.dingtalk.io) against
 * 100 / 20 (the parameter table of
 * https://open.dingtalk.com/document/orgapp/asynchronous-sending-of-enterprise-session-messages, still copied by
 * current clients). A run sends in batches of the smaller figures, which also keeps every task within what
 * getsendresult can report (it fails above 100 recipients).
 */
export const USERS_PER_CALL = 100;
export const DEPTS_PER_CALL = 20;
/** getsendresult covers tasks at most 24 hours old; older ones are followed through getsendprogress. */
export const RESULT_MAX_AGE_MS = 24 * 3600_000;
/**
 * task_id is a 64-bit integer (Long in DingTalk's TOP SDK, `OapiMessageCorpconversationAsyncsendV2Response.taskId`):
 * kept as a string end to end, because Number() rounds anything above 2^53 to another task.
 */
export const MAX_TASK_ID = 9223372036854775807n;

export const FORMATS = ['markdown', 'text', 'card', 'oa'] as const;
export type DingtalkAppFormat = (typeof FORMATS)[number];
export const DEFAULT_FORMAT: DingtalkAppFormat = 'markdown';

/**
 * The whole `msg` at most 2048 bytes is what the 2019 documentation says and is UNVERIFIED for the current API,
 * so it is the default of `options.msgBytes` rather than a constant.
 */
export const DEFAULT_MSG_BYTES = 2048;

/**
 * DingTalk's per-app API limit is not stated for this API (90002 when hit); 20 a second is the common
 * per-app figure. Per user: the same content once a day and at most 500 messages a day, which DingTalk
 * enforces by dropping the message after answering success (see the delivery follow-up).
 */
export const RATE_LIMIT: RateLimit = { requests: 20, perMs: 1000 };

/** Token codes that mean "fetch a new one and retry once"; `options.reauthCodes`. */
export const DEFAULT_REAUTH_CODES = [40014, 42001] as const;

export const descriptor: ProviderDescriptor = {
  name: NAME,
  displayName: DISPLAY_NAME,
  docsPage: 'docs/providers/dingtalk-app.md',
  vendorDocs: 'https://open.dingtalk.com/document/orgapp/asynchronous-sending-of-enterprise-session-messages',
  defaultEndpoint: DINGTALK_HOST,
  credentials: {
    token: { required: true, form: CREDENTIALS.token },
    secret: { required: true, form: CREDENTIALS.secret },
    appId: { required: true, form: CREDENTIALS.appId },
  },
  formats: FORMATS,
  defaultFormat: DEFAULT_FORMAT,
  // Not needed when update-message names the notification.
  target: {
    required: (settings) => !settings.updateMessage?.trim(),
    form: TARGET_FORM,
    loadCheck: async () => {
      const { parseRecipients } = await import(/* webpackChunkName: "dingtalk-app" */ './targets.js');
      return (raw) => void parseRecipients(raw, false);
    },
  },
  limits: () => ({ title: { max: 64, unit: 'chars' }, body: { max: DEFAULT_MSG_BYTES, unit: 'bytes' } }),
  rateLimit: RATE_LIMIT,
  url: agentUrl('dingtalk-app://APPKEY:APPSECRET@AGENTID?target=user:a,b|dept:1|@all', 'AppKey', 'AppSecret'),
  help: 'AppKey + AppSecret, app-id AgentId; target user:a,b, dept:1 or @all; update-message',
  example: {
    provider: NAME,
    token: 'dingdemo000000',
    secret: 'demo-secret',
    appId: '836390886',
    target: 'user:oncall',
  },
  load: async () => (await import(/* webpackChunkName: "dingtalk-app" */ './index.js')).dingtalkApp,
};
