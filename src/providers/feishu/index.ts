import { deepMerge } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import { renderTitle, type Message } from '../../render/message.js';
import { neutralizeMentions } from '../../render/escape.js';
import type { MessageLimits } from '../../render/limits.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import type { DeliveryPlan, ProviderAdapter, ProviderSettings } from '../types.js';
import { namesMissingSecret } from '../unsigned.js';
import {
  fitJsonBody,
  numberField,
  parseMentions,
  parseWebhookToken,
  robotVerdict,
  targetLabel,
  type Mentions,
} from '../webhook.js';
import { explainFeishu, FEISHU_RETRYABLE } from './codes.js';
import { cardContent, postContent, textContent } from './payload.js';
import { feishuSign } from './sign.js';

const FORMATS = ['card', 'post', 'text'] as const;
type FeishuFormat = (typeof FORMATS)[number];

const FEISHU = 'https://open.feishu.cn';
const LARK = 'https://open.larksuite.com';
const HOOK_PATH = '/open-apis/bot/v2/hook/';
const TOKEN_FORM =
  "the bot's hook token, or its webhook URL https://open.feishu.cn/open-apis/bot/v2/hook/… (Lark: https://open.larksuite.com/…; store it as a secret)";

/** Placeholders the size of a real signature, so the measured body matches the one sent. */
const SIGN_PLACEHOLDER = { timestamp: '0000000000', sign: 'x'.repeat(44) };

export interface FeishuSettings {
  hookToken: string;
  secret?: string;
  baseUrl: string;
  format: FeishuFormat;
  mentions: Mentions;
  label: string;
  options: Record<string, unknown>;
}

function payload(parsed: FeishuSettings, message: Message, title: string, markdown: string): Record<string, unknown> {
  switch (parsed.format) {
    case 'text':
      return { msg_type: 'text', content: textContent(title, markdown, parsed.mentions) };
    case 'post':
      return { msg_type: 'post', content: postContent(title, markdown, parsed.mentions) };
    default:
      return { msg_type: 'interactive', card: cardContent(title, markdown, message, parsed.mentions) };
  }
}

export const feishu: ProviderAdapter<FeishuSettings> = {
  name: 'feishu',
  displayName: 'Feishu / Lark',
  defaultEndpoint: FEISHU,
  formats: FORMATS,
  defaultFormat: 'card',
  retryableCodes: FEISHU_RETRYABLE,
  // 100 messages a minute (and 5 a second) per bot.
  rateLimit: { requests: 100, perMs: 60_000 },

  // The request body may be at most 20 KB: measured over the whole serialized JSON.
  limits: (): MessageLimits => ({ title: { max: 200, unit: 'chars' }, body: { max: 20_000, unit: 'bytes' } }),

  parse(settings: ProviderSettings): FeishuSettings {
    const token = parseWebhookToken(settings.token, {
      provider: 'Feishu/Lark',
      ownHost: (host) => host === 'open.feishu.cn' || host === 'open.larksuite.com',
      keyFromUrl: (url) => (url.pathname.startsWith(HOOK_PATH) ? url.pathname.slice(HOOK_PATH.length) : undefined),
      bareKey: /^[A-Za-z0-9-]{8,128}$/,
      expected: TOKEN_FORM,
      endpointSet: Boolean(settings.endpoint?.trim()),
    });
    const format = (settings.format?.trim().toLowerCase() || 'card') as FeishuFormat;
    if (!FORMATS.includes(format))
      throw new ConfigError('format', `unknown Feishu format '${settings.format}'`, FORMATS.join(', '));
    // A Lark URL keeps the message on Lark's international host.
    const official = token.host === 'open.larksuite.com' ? LARK : FEISHU;
    return {
      hookToken: token.key,
      secret: settings.secret?.trim() || undefined,
      baseUrl: resolveBaseUrl(official, settings.endpoint),
      format,
      mentions: parseMentions(settings.target, 'Feishu', ['all', 'user']),
      label: targetLabel(settings.target),
      options: settings.options,
    };
  },

  plan(parsed, message, env): DeliveryPlan[] {
    env.secrets.add(parsed.hookToken);
    const limits = this.limits(parsed.format);
    const title = neutralizeMentions(renderTitle(message, limits.title));
    const signed = (body: Record<string, unknown>, fields?: { timestamp: string; sign: string }) =>
      fields ? { ...fields, ...body } : body;
    const placeholder = parsed.secret ? SIGN_PLACEHOLDER : undefined;
    // Fitted once, measured with signature-sized placeholders; the real fields are added per attempt.
    const build = (settings: FeishuSettings) => (markdown: string) =>
      signed(deepMerge(payload(settings, message, title, markdown), settings.options), placeholder);
    const unsigned = fitJsonBody(message, limits.body, build(parsed), {
      target: build({ ...parsed, mentions: { all: false, users: [], mobiles: [] } }),
      options: build({ ...parsed, options: {} }),
    });
    delete unsigned.timestamp;
    delete unsigned.sign;
    const url = joinUrl(parsed.baseUrl, `${HOOK_PATH}${encodeURIComponent(parsed.hookToken)}`);
    return [
      {
        target: parsed.label,
        exchange: {
          label: 'Feishu',
          build: () => {
            let body = unsigned;
            if (parsed.secret) {
              // Signed per attempt: Feishu refuses a timestamp more than an hour off.
              const timestamp = Math.floor(env.now() / 1000);
              const sign = feishuSign(timestamp, parsed.secret);
              env.secrets.add(sign);
              body = signed(unsigned, { timestamp: String(timestamp), sign });
            }
            return {
              method: 'POST',
              url,
              headers: { 'content-type': 'application/json; charset=utf-8' },
              body: JSON.stringify(body),
            };
          },
          interpret: (reply) =>
            namesMissingSecret(
              robotVerdict(
                reply,
                'Feishu',
                (json) => {
                  // Newer replies carry code/msg; older ones StatusCode/StatusMessage.
                  const code = numberField(json.code) ?? numberField(json.StatusCode);
                  const text = json.msg ?? json.StatusMessage;
                  return code === undefined ? undefined : { code, message: typeof text === 'string' ? text : '' };
                },
                explainFeishu,
              ),
              parsed.secret,
              // 19021: "sign match fail or timestamp is not within one hour from current time".
              (code) => code === 19021,
            ),
          rateKey: `feishu:${credentialFingerprint(parsed.hookToken)}`,
          rateLimit: this.rateLimit,
        },
      },
    ];
  },
};
