import { suggest } from '../model/suggest.js';

/**
 * Names people use for a service that is not the name ci-notifier registers it under. Each is a fact about
 * the service: Lark is Feishu's international edition (the feishu provider also sends to open.larksuite.com);
 * 钉钉 is DingDing in pinyin; 企业微信 (qiye weixin) is WeCom; Server酱's SendKeys come from sct.ftqq.com;
 * 环信 (huanxin) is Easemob.
 */
const ALIASES: Record<string, string> = {
  lark: 'feishu',
  larksuite: 'feishu',
  飞书: 'feishu',
  dingding: 'dingtalk',
  钉钉: 'dingtalk',
  'wechat-work': 'wecom',
  wechatwork: 'wecom',
  wework: 'wecom',
  qywx: 'wecom',
  qiyeweixin: 'wecom',
  企业微信: 'wecom',
  'server-chan': 'serverchan',
  server酱: 'serverchan',
  ftqq: 'serverchan',
  huanxin: 'easemob',
  环信: 'easemob',
  'push-plus': 'pushplus',
  'push+': 'pushplus',
};

/** Personal WeChat has no bot API of its own: two providers deliver to it. */
const WECHAT = ['wechat', 'weixin', 'wx', '微信'];

/**
 * The hint for a provider name that is not registered: an alias's provider, the closest name for a typo,
 * or nothing.
 */
export function providerHint(name: string, known: readonly string[]): string | undefined {
  const key = name.trim().toLowerCase();
  if (WECHAT.includes(key))
    return "personal WeChat is reached through 'pushplus' (channel wechat) or 'serverchan'; a WeCom group robot is 'wecom'";
  const alias = ALIASES[key] ?? ALIASES[key.replace(/[\s_]+/g, '-')];
  const match = alias ?? suggest(key.replace(/[\s_]+/g, '-'), known);
  return match ? `did you mean ${match}?` : undefined;
}
