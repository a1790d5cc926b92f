import { deepMerge } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import { renderTitle, type Message } from '../../render/message.js';
import { neutralizeMentions } from '../../render/escape.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import type { ExchangeSpec } from '../../transport/transport.js';
import type { DeliveryPlan, PlanEnvironment, ProviderAdapter, ProviderSettings } from '../types.js';
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
import { explainFeishu } from './codes.js';
import { cardContent, postContent, textContent } from './payload.js';
import { feishuSign } from './sign.js';
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';

type FeishuFormat = 'card' | 'post' | 'text';

const FEISHU = descriptor.defaultEndpoint;
const LARK = 'https://open.larksuite.com';
const HOOK_PATH = '/open-apis/bot/v2/hook/';
const TOKEN_FORM = descriptor.credentials.token!.form;

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
  /** A Feishu app of the same tenant that uploads the robot's images (`app-id`, `app-secret`); see media.ts. */
  app?: { appId: string; appSecret: string };
}

/**
 * `app-id` and `app-secret` together, or neither: half a pair is refused before any request, since the images
 * would otherwise quietly go as links.
 */
function appCredentials(settings: ProviderSettings): FeishuSettings['app'] {
  const appId = settings.appId?.trim();
  const appSecret = settings.appSecret?.trim();
  if (!appId && !appSecret) return undefined;
  if (!appSecret)
    throw new ConfigError(
      'app-secret',
      'is required with app-id for Feishu / Lark (the robot uploads images through that app)',
      APP_CREDENTIALS,
    );
  if (!appId)
    throw new ConfigError(
      'app-id',
      'is required with app-secret for Feishu / Lark (the robot uploads images through that app)',
      APP_CREDENTIALS,
    );
  if (!/^cli_\w+$/.test(appId))
    throw new ConfigError('app-id', `'${appId.slice(0, 40)}' is not a Feishu App ID`, "the App ID 'cli_…'");
  return { appId, appSecret };
}

const APP_CREDENTIALS =
  "the App ID ('cli_…') in app-id and the App Secret in app-secret of a Feishu app in the robot's tenant, with the scope im:resource";

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

/** One signed POST to the hook (the message, or an image message after it); signed per attempt. */
export function hookExchange(
  parsed: FeishuSettings,
  env: PlanEnvironment,
  unsigned: Record<string, unknown>,
  label: string,
): ExchangeSpec {
  const url = joinUrl(parsed.baseUrl, `${HOOK_PATH}${encodeURIComponent(parsed.hookToken)}`);
  return {
    label,
    build: () => {
      let body = unsigned;
      if (parsed.secret) {
        // Signed per attempt: Feishu refuses a timestamp more than an hour off.
        const timestamp = Math.floor(env.now() / 1000);
        const sign = feishuSign(timestamp, parsed.secret);
        env.secrets.add(sign);
        body = { timestamp: String(timestamp), sign, ...unsigned };
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
    rateLimit: descriptor.rateLimit,
  };
}

export const feishu: ProviderAdapter<FeishuSettings> = {
  ...descriptorFacts(descriptor),

  parse(settings: ProviderSettings): FeishuSettings {
    const token = parseWebhookToken(settings.token, {
      provider: 'Feishu/Lark',
      ownHost: (host) => host === 'open.feishu.cn' || host === 'open.larksuite.com',
      keyFromUrl: (url) => (url.pathname.startsWith(HOOK_PATH) ? url.pathname.slice(HOOK_PATH.length) : undefined),
      bareKey: /^[A-Za-z0-9-]{8,128}$/,
      expected: TOKEN_FORM,
      endpointSet: Boolean(settings.endpoint?.trim()),
    });
    // Checked by core against the descriptor (checks.ts).
    const format = (settings.format || descriptor.defaultFormat) as FeishuFormat;
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
      app: appCredentials(settings),
    };
  },

  // Images in the card through a Feishu app's upload, or links and a notice: loaded only when a message has media.
  media: async () => (await import(/* webpackChunkName: "feishu-media" */ './media.js')).feishuMedia,

  plan(parsed, message, env): DeliveryPlan[] {
    env.secrets.add(parsed.hookToken);
    env.secrets.add(parsed.app?.appSecret);
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
    return [{ target: parsed.label, exchange: hookExchange(parsed, env, unsigned, 'Feishu') }];
  },
};
