import { credentialFingerprint } from '../../model/idempotency.js';
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
import { WECOM_CODES } from './codes.js';
import { lookupCode } from '../codes.js';
import { mentionPayload, splitMentions, wecomPayload, type WecomFormat } from './payload.js';
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';

const OFFICIAL = descriptor.defaultEndpoint;
const TOKEN_FORM = descriptor.credentials.token!.form;

export interface WecomSettings {
  key: string;
  baseUrl: string;
  format: WecomFormat;
  mentions: Mentions;
  label: string;
  options: Record<string, unknown>;
}

/** A WeCom reply read as a verdict: `errcode` and `errmsg`, meanings from WECOM_CODES (sends and uploads alike). */
export function interpret(reply: HttpReply): Verdict {
  return robotVerdict(
    reply,
    'WeCom',
    (json) => {
      const code = numberField(json.errcode);
      return code === undefined ? undefined : { code, message: String(json.errmsg ?? '') };
    },
    (code) => lookupCode(WECOM_CODES, code),
  );
}

export const wecom: ProviderAdapter<WecomSettings> = {
  ...descriptorFacts(descriptor),

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
    // Checked by core against the descriptor (checks.ts).
    const format = (settings.format || descriptor.defaultFormat) as WecomFormat;
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

  // Images and files: their own code, loaded only when a message has media.
  media: async () => (await import(/* webpackChunkName: "wecom-media" */ './media.js')).wecomMedia,
};
