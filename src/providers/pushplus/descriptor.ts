/**
 * pushplus (推送加): one user token, delivered to the owner's WeChat or to a topic group, mail, SMS and more.
 * API: https://www.pushplus.plus/doc/guide/api.html
 */
import type { ProviderDescriptor } from '../descriptor.js';

export const TARGET_FORM = "'topic:CODE' or 'to:TOKEN[,TOKEN…]', one per line for several deliveries";

export const descriptor: ProviderDescriptor = {
  name: 'pushplus',
  displayName: 'pushplus',
  aliases: ['push-plus', 'push+'],
  docsPage: 'docs/providers/pushplus.md',
  vendorDocs: 'https://www.pushplus.plus/doc/guide/api.html',
  defaultEndpoint: 'https://www.pushplus.plus',
  credentials: {
    token: { required: true, form: 'the pushplus user token (store it as a secret)' },
    secret: { required: false, form: 'the Open API secret key, only for wait-for-delivery (store it as a secret)' },
  },
  formats: ['html', 'txt', 'json', 'markdown', 'cloudMonitor', 'jenkins', 'route', 'pay'],
  defaultFormat: 'html',
  // The channel decides what a target may be (no topic on the webhook channel).
  target: {
    required: false,
    form: TARGET_FORM,
    loadCheck: async () => {
      const { parseChannel, parseTargets } = await import(/* webpackChunkName: "pushplus" */ './targets.js');
      return (raw, settings) => void parseTargets(raw, parseChannel(settings.channel).channel);
    },
  },
  limits: () => ({ title: { max: 100, unit: 'chars' }, body: { max: 20_000, unit: 'chars' } }),
  rateLimit: { requests: 5, perMs: 60_000 },
  url: {
    form: 'pushplus://TOKEN[?topic=CODE|to=TOKEN,…][&channel=…]',
    roles: { tokenHost: true },
    keys: ['topic', 'to'],
    parse(url) {
      url.noUserinfo();
      url.noPath();
      const topic = url.query.get('topic');
      const to = url.query.get('to');
      if ([topic, to, url.common.target].filter(Boolean).length > 1)
        url.fail("sets more than one of 'topic', 'to' and 'target'");
      const target = topic ? `topic:${topic}` : to ? `to:${to}` : url.common.target;
      return { ...url.common, token: url.hostToken('token'), target };
    },
    format(config, url) {
      const target = config.target;
      const topic = target?.startsWith('topic:') ? target.slice(6) : undefined;
      const to = target?.startsWith('to:') ? target.slice(3) : undefined;
      return {
        address: url.enc(url.need(config.token, 'a token')),
        query: [
          ['topic', topic],
          ['to', to],
        ],
        override: topic || to ? { target: undefined } : {},
      };
    },
  },
  help: 'user token; target topic:CODE or to:TOKEN; channel wechat (default), webhook:CODE, mail …',
  example: { provider: 'pushplus', token: 'demo0000000000000000000000000000' },
  load: async () => (await import(/* webpackChunkName: "pushplus" */ './index.js')).pushplus,
};
