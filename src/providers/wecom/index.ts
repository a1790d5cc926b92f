import { ConfigError } from '../../model/errors.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import type { MessageLimits } from '../../render/limits.js';
import type { HttpReply, Verdict } from '../../transport/types.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import type { DeliveryPlan, ProviderAdapter, ProviderSettings } from '../types.js';
import {
  numberField,
  parseMentions,
  parseWebhookToken,
  refuseSecret,
  robotVerdict,
  targetLabel,
  type Mentions,
} from '../webhook.js';
import { WECOM_CODES, WECOM_RETRYABLE } from './codes.js';
import {
  WECOM_FORMATS,
  WECOM_LIMITS,
  mentionPayload,
  splitMentions,
  wecomPayload,
  type WecomFormat,
} from './payload.js';

const OFFICIAL = 'https://qyapi.weixin.qq.com';
const TOKEN_FORM =
  "the robot's webhook key, or its webhook URL https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (store it as a secret)";

export interface WecomSettings {
  key: string;
  baseUrl: string;
  format: WecomFormat;
  mentions: Mentions;
  label: string;
  options: Record<string, unknown>;
}

function interpret(reply: HttpReply): Verdict {
  return robotVerdict(
    reply,
    'WeCom',
    (json) => {
      const code = numberField(json.errcode);
      return code === undefined ? undefined : { code, message: String(json.errmsg ?? '') };
    },
    (code) => WECOM_CODES[code],
  );
}

export const wecom: ProviderAdapter<WecomSettings> = {
  name: 'wecom',
  displayName: 'WeCom',
  defaultEndpoint: OFFICIAL,
  formats: WECOM_FORMATS,
  defaultFormat: 'markdown',
  retryableCodes: WECOM_RETRYABLE,
  // 20 messages a minute per robot.
  rateLimit: { requests: 20, perMs: 60_000 },

  limits: (format: string): MessageLimits => ({
    body: WECOM_LIMITS[format as WecomFormat] ?? WECOM_LIMITS.markdown,
  }),

  parse(settings: ProviderSettings): WecomSettings {
    const token = parseWebhookToken(settings.token, {
      provider: 'WeCom',
      ownHost: (host) => host === 'qyapi.weixin.qq.com',
      keyFromUrl: (url) => url.searchParams.get('key') ?? undefined,
      bareKey: /^[A-Za-z0-9-]{8,128}$/,
      expected: TOKEN_FORM,
      endpointSet: Boolean(settings.endpoint?.trim()),
    });
    refuseSecret(settings.secret, 'A WeCom group robot');
    const format = (settings.format?.trim().toLowerCase().replace('-', '_') || 'markdown') as WecomFormat;
    if (!WECOM_FORMATS.includes(format))
      throw new ConfigError('format', `unknown WeCom format '${settings.format}'`, WECOM_FORMATS.join(', '));
    return {
      key: token.key,
      baseUrl: resolveBaseUrl(OFFICIAL, settings.endpoint),
      format,
      mentions: parseMentions(settings.target, 'WeCom', ['all', 'user', 'mobile']),
      label: targetLabel(settings.target),
      options: settings.options,
    };
  },

  plan(parsed, message, env): DeliveryPlan[] {
    env.secrets.add(parsed.key);
    const url = `${joinUrl(parsed.baseUrl, '/cgi-bin/webhook/send')}?${new URLSearchParams({ key: parsed.key })}`;
    const { inline, extra } = splitMentions(parsed.format, parsed.mentions);
    const bodies: { target: string; body: string }[] = [
      { target: parsed.label, body: JSON.stringify(wecomPayload(parsed.format, message, inline, parsed.options)) },
    ];
    if (extra)
      bodies.push({ target: `${parsed.label} (mentions)`, body: JSON.stringify(mentionPayload(message, extra)) });
    return bodies.map(({ target, body }) => ({
      target,
      exchange: {
        label: target === parsed.label ? 'WeCom' : 'WeCom mentions',
        build: () => ({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body }),
        interpret,
        rateKey: `wecom:${credentialFingerprint(parsed.key)}`,
        rateLimit: this.rateLimit,
      },
    }));
  },
};
