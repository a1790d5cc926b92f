import type { RunState } from '../../model/context.js';
import type { CodeTable } from '../codes.js';

/** OA status bar text and colour (ARGB) per run state. */
export const STATUS_BAR: Record<RunState, { value: string; bg: string }> = {
  started: { value: '运行中', bg: '0xFF0089FF' },
  success: { value: '成功', bg: '0xFF00B365' },
  fixed: { value: '已恢复', bg: '0xFF00B365' },
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
export const CODES: CodeTable = {
  // media/upload (https://open.dingtalk.com/document/orgapp/upload-media-files).
  40004: { meaning: 'invalid media type', hint: 'type must be image, voice, video or file' },
  40005: {
    meaning: 'invalid file type',
    hint: 'files must be doc, docx, xls, xlsx, ppt, pptx, zip, pdf or rar (others are sent zipped)',
  },
  [-1]: { meaning: 'system busy', retry: 'retry' },
  40014: { meaning: 'invalid access_token' },
  42001: { meaning: 'access_token expired' },
  40089: { meaning: 'invalid AppKey or AppSecret', hint: 'check `token` (AppKey) and `secret` (AppSecret)' },
  60020: { meaning: 'caller IP is not in the allow-list', hint: IP_HINT },
  88: { meaning: 'token or permission error (see sub_code)', hint: 'see sub_code' },
  90002: { meaning: 'rate limited', retry: 'retry' },
  90020: { meaning: 'monthly API quota used up', hint: "the organisation's metered API quota is exhausted" },
  143103: { meaning: 'recipients per minute of this app exceeded', hint: 'at most 5000 recipients a minute' },
  143104: { meaning: 'recipients per minute of this organisation exceeded' },
  143105: { meaning: 'the user reached the daily cap of work notifications from this app', hint: '500 a day per user' },
  143106: {
    meaning: 'same content to this user today',
    hint: 'DingTalk delivers the same content to a user once a day: vary the template (e.g. the run number)',
  },
  60121: { meaning: 'user not found', hint: 'check the userid in `target` (admin console → contacts → the member)' },
  1430002: { meaning: 'banned content' },
  1430003: { meaning: 'OAPI system protection' },
  1430004: { meaning: 'executive-protection mode' },
};

/**
 * On /topapi/* DingTalk answers a bad or expired token, and a missing permission, as errcode 88 with the cause in
 * `sub_code` (`{"errcode":88,"errmsg":"ding talk error[subcode=40014,submsg=不合法的access_token]","sub_code":"40014"}`;
 * global error codes: https://open.dingtalk.com/document/orgapp/server-api-error-codes-1, 007gzs/dingtalk-sdk#52).
 * The token sub-codes are refetched once like the top-level ones; the others give the hint.
 */
export const SUB_CODES: CodeTable = {
  40014: { meaning: 'invalid access_token' },
  42001: { meaning: 'access_token expired' },
  40056: {
    meaning: 'invalid AgentId',
    hint: "check `app-id`: the app's AgentId (developer console → basic information)",
  },
  60011: {
    meaning: 'no permission for this API',
    hint:
      'grant the app the permission for work notifications (developer console → the app → 权限管理 / Permissions, ' +
      'e.g. 企业会话消息 / qyapi_message_corpconversation) and publish the change',
  },
  60020: { meaning: 'caller IP is not in the allow-list', hint: IP_HINT },
};
