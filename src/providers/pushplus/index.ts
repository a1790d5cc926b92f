import { deepMerge, isPlainObject } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import { renderBody, renderTitle, type Message } from '../../render/message.js';
import type { MessageLimits } from '../../render/limits.js';
import type { TextDialect } from '../../render/markdown.js';
import { httpFailure, notJsonFailure } from '../../transport/transport.js';
import type { HttpReply, Verdict } from '../../transport/types.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import type { DeliveryPlan, ProviderAdapter, ProviderSettings } from '../types.js';
import { PUSHPLUS_CODES } from './codes.js';
import { explainCode, lookupCode } from '../codes.js';
import { trackPushplus } from './track.js';
import { TARGET_FORM, descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';

type PushplusFormat = 'html' | 'txt' | 'json' | 'markdown' | 'cloudMonitor' | 'jenkins' | 'route' | 'pay';

/** Channels that need a configuration code (`webhook` in pushplus's 消息接口文档 V1.4, `option` in newer versions). */
const CODE_CHANNELS = new Set(['webhook', 'cp']);
const PLAIN_CHANNELS = new Set(['wechat', 'mail', 'sms', 'voice', 'extension', 'app']);

export interface PushplusTarget {
  label: string;
  topic?: string;
  to?: string;
}

export interface PushplusSettings {
  token: string;
  /** Open API secret key, only for delivery follow-up (`wait-for-delivery`). */
  secretKey?: string;
  baseUrl: string;
  channel: string;
  channelCode?: string;
  format: PushplusFormat;
  targets: PushplusTarget[];
  options: Record<string, unknown>;
}

/**
 * One `to` recipient: a friend token (wechat channel) or a WeCom user id (cp channel). WeCom user ids are 1-64
 * characters of letters, digits and `_-@.`, starting with a letter or digit
 * (https://developer.work.weixin.qq.com/document/path/90195); friend tokens fit the same shape.
 * See the `to` field in https://www.pushplus.plus/doc/guide/api.html.
 */
const RECIPIENT = /^[A-Za-z0-9][\w.@-]{0,63}$/;

const CHANNEL_FORM =
  "'wechat' (default), 'webhook:CODE', 'cp:CODE', 'mail', 'mail:CODE', 'sms', 'voice', 'extension' or 'app'";

function parseChannel(raw: string | undefined): { channel: string; code?: string } {
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

function parseTargets(raw: string | undefined, channel: string): PushplusTarget[] {
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

const DIALECTS: Partial<Record<PushplusFormat, TextDialect>> = { html: 'html', markdown: 'markdown' };

function contentFor(format: PushplusFormat, message: Message, limits: MessageLimits): string {
  if (format === 'json') {
    const context = message.context;
    const facts: Record<string, unknown> = {
      title: message.title,
      status: message.state,
      repository: context.repository,
      workflow: context.workflow,
      branch: context.branch ?? context.tag,
      commit: context.shortSha,
      message: context.commit?.message,
      actor: context.actor,
      url: message.link,
    };
    return JSON.stringify(Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)));
  }
  return renderBody(message, DIALECTS[format] ?? 'text', limits.body);
}

function interpret(reply: HttpReply): Verdict {
  const body = reply.json;
  if (!isPlainObject(body)) return httpFailure(reply) ?? notJsonFailure(reply);
  const code = Number(body.code);
  if (code === 200) return { ok: true, id: typeof body.data === 'string' ? body.data : undefined, code };
  if (!Number.isFinite(code)) return httpFailure(reply) ?? notJsonFailure(reply);
  const msg = typeof body.msg === 'string' && body.msg ? body.msg : lookupCode(PUSHPLUS_CODES, code)?.meaning;
  return explainCode('pushplus', PUSHPLUS_CODES, code, msg);
}

export const pushplus: ProviderAdapter<PushplusSettings> = {
  ...descriptorFacts(descriptor),

  parse(settings: ProviderSettings): PushplusSettings {
    const token = settings.token!.trim();
    if (!/^[\w-]{8,}$/.test(token))
      throw new ConfigError(
        'token',
        'does not look like a pushplus token',
        'the 32-character user token from the pushplus console',
      );
    // Checked by core against the descriptor (checks.ts).
    const format = (settings.format || descriptor.defaultFormat) as PushplusFormat;
    const { channel, code } = parseChannel(settings.channel);
    return {
      token,
      secretKey: settings.secret?.trim() || undefined,
      baseUrl: resolveBaseUrl(this.defaultEndpoint, settings.endpoint),
      channel,
      channelCode: code,
      format,
      targets: parseTargets(settings.target, channel),
      options: settings.options,
    };
  },

  track(parsed, handle, env) {
    return trackPushplus(parsed, handle, env);
  },

  plan(parsed, message): DeliveryPlan[] {
    const limits = this.limits(parsed.format);
    const content = contentFor(parsed.format, message, limits);
    const title = renderTitle(message, limits.title);
    return parsed.targets.map((target) => {
      const base: Record<string, unknown> = {
        token: parsed.token,
        title,
        content,
        template: parsed.format,
        channel: parsed.channel,
      };
      // pushplus's 消息接口文档 (https://www.pushplus.plus/doc/guide/api.html) called the channel code `webhook` up to
      // V1.4; newer versions call it `option`. Both are sent.
      if (parsed.channelCode) {
        base.webhook = parsed.channelCode;
        base.option = parsed.channelCode;
      }
      if (target.topic) base.topic = target.topic;
      if (target.to) base.to = target.to;
      const body = JSON.stringify(deepMerge(base, parsed.options));
      return {
        target: target.label,
        exchange: {
          label: `pushplus ${target.label}`,
          // The token travels in the JSON body, never in the URL, where proxies and logs would keep it.
          build: () => ({
            method: 'POST',
            url: joinUrl(parsed.baseUrl, '/send'),
            headers: { 'content-type': 'application/json' },
            body,
          }),
          interpret,
          rateKey: `pushplus:${credentialFingerprint(parsed.token)}`,
          rateLimit: this.rateLimit,
        },
      };
    });
  },
};
