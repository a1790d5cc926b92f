import { createHash } from 'node:crypto';

/**
 * MobPush's request signature: md5 over the exact body string followed by the AppSecret, as lower-case hex.
 * Sign the very string that is sent: any re-serialization (key order, spacing, escaping) breaks it.
 */
export function mobpushSign(body: string, appSecret: string): string {
  return createHash('md5')
    .update(body + appSecret, 'utf8')
    .digest('hex');
}
