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
  // Media: the robot's image message and upload_media (https://developer.work.weixin.qq.com/document/path/91770,
  // codes as the official Go SDK lists them: xen0n/go-workwx errcodes/mod.go).
  40004: { meaning: 'invalid media type', hint: 'the robot uploads `file` (any type) and `voice` (AMR)' },
  40005: { meaning: 'invalid file type', hint: 'the robot image message takes PNG or JPEG only' },
  40006: { meaning: 'invalid file size', hint: 'files must be larger than 5 bytes and at most 20 MB' },
  40007: {
    meaning: 'invalid or expired media_id',
    hint: 'uploaded media last 3 days and only for the robot that uploaded them',
  },
  40009: { meaning: 'invalid image size', hint: 'the robot image message takes at most 2 MB' },
  44001: { meaning: 'empty media', hint: 'the file is empty' },
  45001: { meaning: 'media too large', hint: 'a robot file is at most 20 MB, an image 2 MB' },
};
