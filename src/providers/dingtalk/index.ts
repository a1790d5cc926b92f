import { deepMerge, isPlainObject } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import { renderTitle, type Message } from '../../render/message.js';
import { renderMarkdown } from '../../render/markdown.js';
import {
  fitJsonBody,
  numberField,
  parseMentions,
  parseWebhookToken,
  robotVerdict,
  targetLabel,
  type Mentions,
} from '../webhook.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import type { DeliveryPlan, ProviderAdapter, ProviderSettings } from '../types.js';
import { namesMissingSecret } from '../unsigned.js';
import { explainDingtalk } from './codes.js';
import { dingtalkSign } from './sign.js';
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';

type DingtalkFormat = 'markdown' | 'text' | 'card';

const OFFICIAL = descriptor.defaultEndpoint;
const TOKEN_FORM = descriptor.credentials.token!.form;

export interface DingtalkSettings {
  accessToken: string;
  secret?: string;
  baseUrl: string;
  format: DingtalkFormat;
  mentions: Mentions;
  label: string;
  options: Record<string, unknown>;
}

const NO_MENTIONS: Mentions = { all: false, users: [], mobiles: [] };

/** The mention line DingTalk needs in the text: `at.atMobiles`/`atUserIds` only ping when `@id` also appears. */
function mentionLine(mentions: Mentions): string {
  return [...mentions.mobiles, ...mentions.users].map((id) => `@${id}`).join(' ');
}

function atField(mentions: Mentions): Record<string, unknown> | undefined {
  if (!mentions.all && !mentions.users.length && !mentions.mobiles.length) return undefined;
  return { atMobiles: mentions.mobiles, atUserIds: mentions.users, isAtAll: mentions.all };
}

/** True when `options` supply the actionCard's button themselves (whole-card singleURL or separate btns). */
function hasCardButton(options: Record<string, unknown>): boolean {
  const card = options.actionCard;
  if (!isPlainObject(card)) return false;
  return (
    (typeof card.singleURL === 'string' && card.singleURL !== '') || (Array.isArray(card.btns) && card.btns.length > 0)
  );
}

/** The request body for one rendering of the Markdown source (the unit the size limit applies to). */
function payload(parsed: DingtalkSettings, message: Message, title: string, markdown: string): Record<string, unknown> {
  const mention = mentionLine(parsed.mentions);
  const at = atField(parsed.mentions);
  let body: Record<string, unknown>;
  switch (parsed.format) {
    case 'text': {
      const text = renderMarkdown(markdown, 'text');
      body = { msgtype: 'text', text: { content: [title, text, mention].filter(Boolean).join('\n\n') } };
      break;
    }
    case 'card': {
      const text = renderMarkdown(markdown, 'dingtalk-markdown') + (message.media?.inline?.['dingtalk-markdown'] ?? '');
      const card: Record<string, unknown> = { title, text };
      if (message.link) {
        card.singleTitle = message.linkText;
        card.singleURL = message.link;
      } else if (!hasCardButton(parsed.options)) {
        // An actionCard needs singleTitle + singleURL (or btns): without a link there is no button to make.
        throw new ConfigError(
          'format',
          "'card' needs a link for its button (the run or release URL is unknown)",
          "'markdown', or options.actionCard.singleTitle/singleURL or btns",
        );
      }
      body = { msgtype: 'actionCard', actionCard: card };
      break;
    }
    default: {
      const text = renderMarkdown(markdown, 'dingtalk-markdown');
      const images = message.media?.inline?.['dingtalk-markdown'] ?? '';
      body = { msgtype: 'markdown', markdown: { title, text: [text + images, mention].filter(Boolean).join('\n\n') } };
    }
  }
  if (at) body.at = at;
  return deepMerge(body, parsed.options);
}

export const dingtalk: ProviderAdapter<DingtalkSettings> = {
  ...descriptorFacts(descriptor),

  parse(settings: ProviderSettings): DingtalkSettings {
    const endpointSet = Boolean(settings.endpoint?.trim());
    const token = parseWebhookToken(settings.token, {
      provider: 'DingTalk',
      ownHost: (host) => host === 'oapi.dingtalk.com',
      keyFromUrl: (url) => url.searchParams.get('access_token') ?? undefined,
      bareKey: /^[A-Za-z0-9_-]{16,128}$/,
      expected: TOKEN_FORM,
      endpointSet,
    });
    // Checked by core against the descriptor (checks.ts).
    const format = (settings.format || descriptor.defaultFormat) as DingtalkFormat;
    const mentions = parseMentions(settings.target, 'DingTalk', ['all', 'user', 'mobile']);
    if (format === 'card' && (mentions.all || mentions.users.length || mentions.mobiles.length))
      throw new ConfigError(
        'target',
        'DingTalk action cards cannot @-mention anyone',
        "format 'markdown' or 'text' with mentions, or no target with 'card'",
      );
    const secret = settings.secret?.trim() || undefined;
    // "密钥，机器人安全设置页面，加签一栏下面显示的SEC开头的字符串" (the signing secret is the string starting with SEC
    // under 加签 in the robot's security settings): https://open.dingtalk.com/document/robots/customize-robot-security-settings
    // Anything else (the access token again, a keyword) signs wrongly and every send fails with 310000.
    if (secret && !secret.startsWith('SEC'))
      throw new ConfigError(
        'secret',
        "does not start with 'SEC', so it is not a DingTalk signing secret and every send would fail with 310000 (sign mismatch)",
        "the string starting with SEC shown under 加签 in the robot's security settings, or no secret when the robot uses keywords or an IP allow-list",
      );
    return {
      accessToken: token.key,
      secret,
      baseUrl: resolveBaseUrl(OFFICIAL, settings.endpoint),
      format,
      mentions,
      label: targetLabel(settings.target),
      options: settings.options,
    };
  },

  plan(parsed, message, env): DeliveryPlan[] {
    // The token may have been pasted inside a URL: register the bare token too so it is redacted everywhere.
    env.secrets.add(parsed.accessToken);
    const limits = this.limits(parsed.format);
    const title = renderTitle(message, limits.title);
    const body = JSON.stringify(
      fitJsonBody(message, limits.body, (markdown) => payload(parsed, message, title, markdown), {
        target: (markdown) => payload({ ...parsed, mentions: NO_MENTIONS }, message, title, markdown),
        options: (markdown) => payload({ ...parsed, options: {} }, message, title, markdown),
      }),
    );
    const base = joinUrl(parsed.baseUrl, '/robot/send');
    return [
      {
        target: parsed.label,
        exchange: {
          label: 'DingTalk',
          build: () => {
            const query = new URLSearchParams({ access_token: parsed.accessToken });
            if (parsed.secret) {
              // Signed per attempt: DingTalk refuses a timestamp more than an hour old.
              const timestamp = env.now();
              const sign = dingtalkSign(timestamp, parsed.secret);
              env.secrets.add(sign);
              query.set('timestamp', String(timestamp));
              query.set('sign', sign);
            }
            return {
              method: 'POST',
              url: `${base}?${query.toString()}`,
              headers: { 'content-type': 'application/json;charset=utf-8' },
              body,
            };
          },
          interpret: (reply) =>
            namesMissingSecret(
              robotVerdict(
                reply,
                'DingTalk',
                (json) => {
                  const code = numberField(json.errcode);
                  return code === undefined ? undefined : { code, message: String(json.errmsg ?? '') };
                },
                explainDingtalk,
              ),
              parsed.secret,
              // 310000 is every security check; only the sign and timestamp ones mean "unsigned".
              (code, message) => code === 310000 && /sign|timestamp/i.test(message),
            ),
          rateKey: `dingtalk:${credentialFingerprint(parsed.accessToken)}`,
          rateLimit: this.rateLimit,
        },
      },
    ];
  },

  // Images by URL in the body, the rest named with a notice: loaded only when a message has media.
  media: async () =>
    (await import(/* webpackChunkName: "url-images" */ '../url-images.js')).urlImages<DingtalkSettings>(
      'DingTalk robot',
      (parsed) => (parsed.format === 'text' ? 'text' : 'dingtalk-markdown'),
    ),
};
