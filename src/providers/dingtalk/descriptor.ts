/**
 * DingTalk (钉钉) group robot: a custom robot's webhook, signed when the robot has a secret.
 * API: https://open.dingtalk.com/document/robots/custom-robot-access
 */
import type { ProviderDescriptor } from '../descriptor.js';
import { parseMentions } from '../mentions.js';
import { keyUrl } from '../url-forms.js';

export const descriptor: ProviderDescriptor = {
  name: 'dingtalk',
  displayName: 'DingTalk',
  aliases: ['dingding', '钉钉'],
  docsPage: 'docs/providers/dingtalk.md',
  vendorDocs: 'https://open.dingtalk.com/document/robots/custom-robot-access',
  defaultEndpoint: 'https://oapi.dingtalk.com',
  credentials: {
    token: {
      required: true,
      sentInUrl: true,
      form: "the robot's access_token, or its webhook URL https://oapi.dingtalk.com/robot/send?access_token=… (store it as a secret)",
    },
    secret: { required: false, form: "the robot's signing secret SEC… (加签; store it as a secret)" },
  },
  formats: ['markdown', 'text', 'card'],
  defaultFormat: 'markdown',
  target: {
    required: false,
    form: "'@all', '@user:ID', '@mobile:NUMBER', separated by commas or newlines",
    check: (raw) => void parseMentions(raw, 'DingTalk', ['all', 'user', 'mobile']),
  },
  mentions: { kinds: ['user', 'mobile'], example: "'@mobile:13800000000' or '@user:USERID'" },
  // DingTalk refuses a message over about 20,000 bytes (460101): the whole JSON body is measured.
  limits: () => ({ title: { max: 100, unit: 'chars' }, body: { max: 20_000, unit: 'bytes' } }),
  // 20 messages a minute per robot; more and it is throttled for 10 minutes.
  rateLimit: { requests: 20, perMs: 60_000 },
  url: keyUrl('dingtalk://ACCESS_TOKEN[?secret=SIGNING_SECRET]', 'access token', true),
  help: 'group robot access_token (or webhook URL), secret SEC… when signed; target @all, @user:ID, @mobile:N',
  example: { provider: 'dingtalk', token: 'demo-access-token', secret: 'SECdemo' },
  load: async () => (await import(/* webpackChunkName: "dingtalk" */ './index.js')).dingtalk,
};
