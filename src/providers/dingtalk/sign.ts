import { createHmac } from 'node:crypto';

/**
 * DingTalk custom-robot signature: HMAC-SHA256 keyed by the secret over `timestamp + "\n" + secret`, base64.
 * The caller URL-encodes it into the query next to `timestamp` (milliseconds).
 */
export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}
