import type { CodeTable } from '../codes.js';

export const TRUSTED_IP_HINT =
  "WeCom answers apps created on or after 2022-06-20 only from the app's trusted IPs (企业可信IP), which must be " +
  "the company's own fixed server addresses, and CI runners have none: run a reverse proxy to " +
  'https://qyapi.weixin.qq.com on a server with a fixed IP, add that IP under the app\'s "企业可信IP" (it needs a ' +
  'verified trusted domain first), and set `endpoint` to the proxy, e.g. https://wecom-proxy.example.com';

const CREDENTIAL_HINT = 'check `token` (corp id) and `secret` (the Secret of this app)';

/** `errcode`s of gettoken and message/send (https://developer.work.weixin.qq.com/document/path/90313). */
export const CODES: CodeTable = {
  [-1]: { meaning: 'system busy', retry: 'retry' },
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
    retry: 'retry',
    hint: 'the app or the member is over its frequency limit; a member takes 30 messages a minute from one app',
  },
  45033: { meaning: 'concurrency limit', retry: 'retry' },
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
