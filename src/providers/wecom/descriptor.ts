/**
 * WeCom (企业微信) group robot: a robot's webhook key.
 * API: https://developer.work.weixin.qq.com/document/path/91770
 */
import type { TextLimit } from '../../render/limits.js';
import type { ProviderDescriptor } from '../descriptor.js';
import { parseMentions } from '../mentions.js';
import { keyUrl } from '../url-forms.js';

export const WECOM_FORMATS = ['markdown', 'markdown_v2', 'text', 'card'] as const;
export type WecomFormat = (typeof WECOM_FORMATS)[number];

/** Content limits as WeCom counts them: UTF-8 bytes. */
export const WECOM_LIMITS: Record<WecomFormat, TextLimit> = {
  text: { max: 2048, unit: 'bytes' },
  markdown: { max: 4096, unit: 'bytes' },
  markdown_v2: { max: 4096, unit: 'bytes' },
  // template_card text_notice: the sub-title text is the body (WeCom advises at most 112 characters).
  card: { max: 112, unit: 'chars' },
};

export const descriptor: ProviderDescriptor = {
  name: 'wecom',
  displayName: 'WeCom',
  aliases: ['wechat-work', 'wechatwork', 'wework', 'qywx', 'qiyeweixin', '企业微信'],
  docsPage: 'docs/providers/wecom.md',
  vendorDocs: 'https://developer.work.weixin.qq.com/document/path/91770',
  defaultEndpoint: 'https://qyapi.weixin.qq.com',
  credentials: {
    token: {
      required: true,
      sentInUrl: true,
      form: "the robot's webhook key, or its webhook URL https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (store it as a secret)",
    },
  },
  formats: WECOM_FORMATS,
  defaultFormat: 'markdown',
  target: {
    required: false,
    form: "'@all', '@user:ID', '@mobile:NUMBER', separated by commas or newlines",
    check: (raw) => void parseMentions(raw, 'WeCom', ['all', 'user', 'mobile']),
  },
  mentions: { kinds: ['user', 'mobile'], example: "'@user:zhangsan' or '@mobile:13800000000'" },
  limits: (format) => ({ body: WECOM_LIMITS[format as WecomFormat] ?? WECOM_LIMITS.markdown }),
  // 20 messages a minute per robot.
  rateLimit: { requests: 20, perMs: 60_000 },
  url: keyUrl('wecom://KEY', 'robot key', false),
  help: 'group robot webhook key (or URL); format markdown, markdown_v2, text, card; target @all, @user:ID, @mobile:N',
  example: { provider: 'wecom', token: '00000000-0000-0000-0000-000000000000' },
  load: async () => (await import(/* webpackChunkName: "wecom" */ './index.js')).wecom,
};
