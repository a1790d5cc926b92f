import { createHmac } from 'node:crypto';

/**
 * Feishu/Lark custom-bot signature. Unlike DingTalk, the KEY is `timestamp + "\n" + secret` and the message is
 * empty; the timestamp is in seconds. Swapping key and message (the DingTalk way) always fails with 19021.
 */
export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}
