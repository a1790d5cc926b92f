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
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';
import { parseChannel, parseTargets, type PushplusTarget } from './targets.js';
import { own } from '../../model/own.js';
export type { PushplusTarget } from './targets.js';

type PushplusFormat = 'html' | 'txt' | 'json' | 'markdown' | 'cloudMonitor' | 'jenkins' | 'route' | 'pay';

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
  return renderBody(message, own(DIALECTS, format) ?? 'text', limits.body);
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

  // Images by URL in the body, the rest named with a notice: loaded only when a message has media.
  media: async () =>
    (await import(/* webpackChunkName: "url-images" */ '../url-images.js')).urlImages<PushplusSettings>(
      'pushplus',
      (parsed) => DIALECTS[parsed.format] ?? 'text',
    ),
};
