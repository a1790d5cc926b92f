/**
 * dingtalk-app: DingTalk work notifications (工作通知) of an internal app. They arrive as a direct message from the
 * app. Everything about the service is in this folder.
 * API: https://open.dingtalk.com/document/orgapp/asynchronous-sending-of-enterprise-session-messages
 */
import type { RunState } from '../../model/context.js';
import type { RateLimit } from '../../transport/rate-limit.js';
import type { AppCode } from '../app-channel.js';

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
  statusBar: `${CONVERSATION}/status_bar/update`,
} as const;

export const TARGET_FORM = "'user:USERID[,USERID…]', 'dept:1[,2…]' or '@all', one per line";
export const USER_ID = /^[\w.@-]{1,64}$/;
export const DEPT_ID = /^\d{1,15}$/;
/** Recipients per call for internal apps: 5000 users, 500 departments. */
export const MAX_USERS = 5000;
export const MAX_DEPTS = 500;

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

/** OA status bar text and colour (ARGB) per run state. */
export const STATUS_BAR: Record<RunState, { value: string; bg: string }> = {
  started: { value: '运行中', bg: '0xFF0089FF' },
  success: { value: '成功', bg: '0xFF00B365' },
  fixed: { value: '已修复', bg: '0xFF00B365' },
  failure: { value: '失败', bg: '0xFFF65E5E' },
  'still-failing': { value: '仍失败', bg: '0xFFF65E5E' },
  cancelled: { value: '已取消', bg: '0xFF999999' },
  skipped: { value: '已跳过', bg: '0xFF999999' },
  unknown: { value: '已结束', bg: '0xFF999999' },
};

const IP_HINT =
  "DingTalk accepts this app's calls only from its server egress IPs (服务器出口IP): add the runner's address " +
  'there, or, since CI runners have no fixed IP, run a reverse proxy to https://oapi.dingtalk.com on a server ' +
  'with a fixed IP, list that IP, and set `endpoint` to the proxy';

/** `errcode`s of gettoken, asyncsend_v2, getsendresult and status_bar/update, with the flow-control codes. */
export const CODES: Readonly<Record<number, AppCode>> = {
  [-1]: { meaning: 'system busy', retry: 'safe' },
  40014: { meaning: 'invalid access_token' },
  42001: { meaning: 'access_token expired' },
  40089: { meaning: 'invalid AppKey or AppSecret', hint: 'check `token` (AppKey) and `secret` (AppSecret)' },
  60020: { meaning: 'caller IP is not in the allow-list', hint: IP_HINT },
  88: { meaning: 'API permission error (see sub_code)', hint: 'grant the app the permission named in sub_code' },
  90002: { meaning: 'rate limited', retry: 'safe' },
  90020: { meaning: 'monthly API quota used up', hint: "the organisation's metered API quota is exhausted" },
  143103: { meaning: 'recipients per minute of this app exceeded', hint: 'at most 5000 recipients a minute' },
  143104: { meaning: 'recipients per minute of this organisation exceeded' },
  143105: { meaning: 'the user reached the daily cap of work notifications from this app', hint: '500 a day per user' },
  143106: {
    meaning: 'same content to this user today',
    hint: 'DingTalk delivers the same content to a user once a day: vary the template (e.g. the run number)',
  },
  1430002: { meaning: 'banned content' },
  1430003: { meaning: 'OAPI system protection' },
  1430004: { meaning: 'executive-protection mode' },
};
