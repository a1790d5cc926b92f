import type { CodeTable } from '../codes.js';

/**
 * WeCom group-robot `errcode`s (群机器人配置说明, https://developer.work.weixin.qq.com/document/path/91770, and the
 * global codes, 全局错误码, https://developer.work.weixin.qq.com/document/path/90313) with what the user can do.
 */
export const WECOM_CODES: CodeTable = {
  [-1]: { meaning: 'system busy', hint: 'WeCom is busy; retried', retry: 'retry' },
  45009: { meaning: 'rate limited', hint: 'a robot takes 20 messages a minute', retry: 'retry' },
  93000: {
    meaning: 'invalid webhook key',
    hint: "check `token`: copy the key (or the whole webhook URL) from the robot's settings; the robot may have been removed",
  },
  93004: { meaning: 'robot is disabled', hint: "enable the robot in the group's settings" },
  40008: { meaning: 'invalid message type', hint: 'check `format` and `options.msgtype`' },
  40058: {
    meaning: 'content too long or a field is invalid',
    hint: 'shorten the template; limits are UTF-8 bytes (text 2048, markdown 4096)',
  },
  44004: { meaning: 'empty content', hint: 'the template rendered an empty message' },
  40063: { meaning: 'a parameter is empty', hint: 'check `options` for empty fields' },
};
