/** pushplus `channel` and `target`, checked by core (descriptor) and read by the adapter. */
import { ConfigError } from '../../model/errors.js';
import { TARGET_FORM } from './descriptor.js';

/** Channels that need a configuration code (`webhook` in pushplus's 消息接口文档 V1.4, `option` in newer versions). */
export const CODE_CHANNELS = new Set(['webhook', 'cp']);

export const PLAIN_CHANNELS = new Set(['wechat', 'mail', 'sms', 'voice', 'extension', 'app']);

export interface PushplusTarget {
  label: string;
  topic?: string;
  to?: string;
}

/**
 * One `to` recipient: a friend token (wechat channel) or a WeCom user id (cp channel). WeCom user ids are 1-64
 * characters of letters, digits and `_-@.`, starting with a letter or digit
 * (https://developer.work.weixin.qq.com/document/path/90195); friend tokens fit the same shape.
 * See the `to` field in https://www.pushplus.plus/doc/guide/api.html.
 */
export const RECIPIENT = /^[A-Za-z0-9][\w.@-]{0,63}$/;

export const CHANNEL_FORM =
  "'wechat' (default), 'webhook:CODE', 'cp:CODE', 'mail', 'mail:CODE', 'sms', 'voice', 'extension' or 'app'";

export function parseChannel(raw: string | undefined): { channel: string; code?: string } {
  const value = raw?.trim() || 'wechat';
  const [name = '', ...rest] = value.split(':');
  const code = rest.join(':').trim();
  const channel = name.trim();
  if (CODE_CHANNELS.has(channel)) {
    if (!code)
      throw new ConfigError(
        'channel',
        `'${channel}' needs the configuration code set up in pushplus`,
        `'${channel}:CODE'`,
      );
    return { channel, code };
  }
  if (PLAIN_CHANNELS.has(channel)) return code ? { channel, code } : { channel };
  throw new ConfigError('channel', `unknown pushplus channel '${value}'`, CHANNEL_FORM);
}

export function parseTargets(raw: string | undefined, channel: string): PushplusTarget[] {
  const lines = (raw ?? '')
    .split(/[\n;]/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return [{ label: 'self' }];
  return lines.map((line) => {
    const match = /^(topic|to):(.*)$/.exec(line);
    const value = match?.[2]?.trim();
    if (!match || !value) throw new ConfigError('target', `'${line}' is not a pushplus target`, TARGET_FORM);
    if (match[1] === 'topic') {
      // pushplus documents topic as having no effect on the webhook channel
      // (https://www.pushplus.plus/doc/guide/api.html: "channel为webhook时无效"): a topic target there would
      // silently go to the webhook instead of the group the user named.
      if (channel === 'webhook')
        throw new ConfigError(
          'target',
          `'${line}': pushplus ignores topic on the webhook channel, so the group would never see it`,
          "no target with 'webhook:CODE' (the webhook is the destination), or another channel for 'topic:CODE'",
        );
      if (!/^[\w.-]+$/.test(value))
        throw new ConfigError(
          'target',
          `topic code '${value}' has characters pushplus codes never have`,
          'letters, digits, -, _ or .',
        );
      return { label: line, topic: value };
    }
    if (channel === 'webhook')
      throw new ConfigError('target', "'to:' does not apply to the webhook channel", "'topic:CODE', or no target");
    const tokens = value.split(',').map((token) => token.trim());
    if (tokens.some((token) => !RECIPIENT.test(token))) {
      throw new ConfigError(
        'target',
        `'${line}' has an empty or malformed token`,
        "'to:TOKEN[,TOKEN…]' with friend tokens or WeCom user ids (letters, digits, _ - @ ., at most 64)",
      );
    }
    return { label: `to:${tokens.length} recipient${tokens.length > 1 ? 's' : ''}`, to: tokens.join(',') };
  });
}
