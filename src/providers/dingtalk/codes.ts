import type { CodeEntry, CodeTable } from '../codes.js';

const SIGN_HINT = "sign mismatch: check `secret` and the runner's clock (the secret is the robot's SEC… signing key)";
const KEYWORD_HINT =
  "keyword missing: the robot's security keyword must appear in the title or template (or switch the robot to signing)";

/** How long DingTalk throttles a robot that sent more than 20 messages in a minute. */
export const DINGTALK_THROTTLE_MS = 10 * 60_000;

/**
 * DingTalk `errcode`s (custom robot access and its error codes,
 * https://open.dingtalk.com/document/robots/custom-robot-access) with what the user can do.
 */
export const DINGTALK_CODES: CodeTable = {
  // DingTalk: a robot takes 20 messages a minute; past that it is throttled for 10 minutes
  // (https://open.dingtalk.com/document/robots/custom-robot-access, "调用频率限制": 每个机器人每分钟最多发送20条消息到群里,
  // 如果超过20条, 会限流10分钟). A retry inside the default deadline (about 100 s) cannot succeed, so the verdict
  // asks for a 10-minute wait: the transport waits only when `deadline` leaves room, and otherwise fails at once.
  130101: {
    meaning: 'sending too fast, the robot is throttled for about 10 minutes',
    hint: 'a robot takes 20 messages a minute, then refuses messages for 10 minutes: send less often (fewer events or targets per robot), or set `deadline` above 600 seconds to wait it out',
    retry: { waitMs: DINGTALK_THROTTLE_MS },
  },
  410100: {
    meaning: 'sending too fast, the robot is throttled for about 10 minutes',
    hint: 'a robot takes 20 messages a minute, then refuses messages for 10 minutes: send less often (fewer events or targets per robot), or set `deadline` above 600 seconds to wait it out',
    retry: { waitMs: DINGTALK_THROTTLE_MS },
  },
  400101: {
    meaning: 'access_token does not exist',
    hint: 'check `token`: copy the access_token or webhook URL from the robot settings',
  },
  400102: { meaning: 'robot is disabled', hint: 'enable the robot in the group settings' },
  400105: { meaning: 'unsupported message type', hint: 'check `format` and `options.msgtype`' },
  400106: { meaning: 'robot does not exist', hint: 'check `token`: the robot was removed or the token is wrong' },
  300001: {
    meaning: 'token does not exist',
    hint: 'check `token`: copy the access_token or webhook URL from the robot settings',
  },
  430101: { meaning: 'content contains unsafe external links', hint: 'remove the link from the template' },
  430102: { meaning: 'content contains an unsafe link', hint: 'remove the link from the template' },
  430103: { meaning: 'content contains unsafe text', hint: 'change the template' },
  430104: { meaning: 'content contains unsafe links', hint: 'remove the link from the template' },
  460101: { meaning: 'message too large', hint: 'shorten the template; DingTalk takes about 20,000 bytes' },
};

/**
 * 310000 covers several security settings; errmsg says which one failed, and users confuse them, so the
 * message shown names the cause.
 */
export function explainDingtalk(code: number, errmsg: string): CodeEntry | undefined {
  if (code !== 310000) return DINGTALK_CODES[code];
  const text = errmsg.toLowerCase();
  if (/sign/.test(text)) return { meaning: 'security check failed: sign mismatch', hint: SIGN_HINT };
  if (/keyword/.test(text) || errmsg.includes('关键词'))
    return { meaning: 'security check failed: keyword missing', hint: KEYWORD_HINT };
  if (/\bip\b|whitelist/.test(text) || errmsg.includes('IP'))
    return {
      meaning: 'security check failed: IP not allowed',
      hint: "the runner's IP is not in the robot's IP allow-list; add it or use signing instead",
    };
  if (/timestamp|time/.test(text))
    return {
      meaning: 'security check failed: timestamp invalid',
      hint: "check the runner's clock (DingTalk allows one hour of skew)",
    };
  return {
    meaning: 'security check failed',
    hint: "check the robot's security settings: signing `secret`, security keyword in the title or template, IP allow-list",
  };
}
