/**
 * Feishu (飞书) / Lark custom bot: a group bot's webhook, signed when the bot has a secret.
 * API: https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
import type { ProviderDescriptor } from '../descriptor.js';
import { parseMentions } from '../mentions.js';
import { keyUrl } from '../url-forms.js';

export const descriptor: ProviderDescriptor = {
  name: 'feishu',
  displayName: 'Feishu / Lark',
  // Lark is Feishu's international edition: the feishu provider also sends to open.larksuite.com.
  aliases: ['lark', 'larksuite', '飞书'],
  docsPage: 'docs/providers/feishu.md',
  vendorDocs: 'https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot',
  defaultEndpoint: 'https://open.feishu.cn',
  credentials: {
    token: {
      required: true,
      sentInUrl: true,
      form: "the bot's hook token, or its webhook URL https://open.feishu.cn/open-apis/bot/v2/hook/… (Lark: https://open.larksuite.com/…; store it as a secret)",
    },
    secret: { required: false, form: "the bot's signature secret (签名校验; store it as a secret)" },
    // The custom bot has no upload: an image is shown by an image_key that an app uploaded (media.ts).
    appId: { required: false, form: "the App ID ('cli_…') of a Feishu app in the same tenant, to show images" },
    appSecret: { required: false, form: 'the App Secret of that app (store it as a secret)' },
  },
  formats: ['card', 'post', 'text'],
  defaultFormat: 'card',
  target: {
    required: false,
    form: "'@all', '@user:ID', separated by commas or newlines",
    check: (raw) => void parseMentions(raw, 'Feishu', ['all', 'user']),
  },
  mentions: { kinds: ['user'], example: "'@user:ou_…' (open_id) or '@user:USER_ID'" },
  // The request body may be at most 20 KB: measured over the whole serialized JSON.
  limits: () => ({ title: { max: 200, unit: 'chars' }, body: { max: 20_000, unit: 'bytes' } }),
  // 100 messages a minute (and 5 a second) per bot.
  rateLimit: { requests: 100, perMs: 60_000 },
  url: keyUrl('feishu://HOOK_TOKEN[?secret=SIGNING_SECRET]', 'access token', true),
  help: 'custom bot hook token (or webhook URL, Lark too), secret when signed; app-id + app-secret to show images; format card, post, text',
  example: { provider: 'feishu', token: '00000000-0000-0000-0000-000000000000', secret: 'demo-secret' },
  load: async () => (await import(/* webpackChunkName: "feishu" */ './index.js')).feishu,
};
