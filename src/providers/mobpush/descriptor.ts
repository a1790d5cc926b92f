/**
 * MobPush: app push (notifications or pass-through messages) to devices by alias, tag, registration id or area.
 * API: https://www.mob.com/wiki/detailed?wiki=234&id=136
 */
import { quoteSafely } from '../../model/url-safety.js';
import type { ProviderDescriptor } from '../descriptor.js';

const KINDS = new Set(['all', 'alias', 'tags', 'rid']);

export const TARGET_FORM =
  "'all', 'alias:a,b', 'tags:a,b' (any of the tags), 'tags-all:a,b' (all of the tags), 'rid:id1,id2', " +
  "'city:NAME', 'province:NAME', 'country:NAME' or 'fileid:ID'; one per line for several pushes";

export const descriptor: ProviderDescriptor = {
  name: 'mobpush',
  displayName: 'MobPush',
  docsPage: 'docs/providers/mobpush.md',
  vendorDocs: 'https://www.mob.com/wiki/detailed?wiki=234&id=136',
  // The 创建推送 document's address (plain http). `endpoint` can switch host or scheme.
  defaultEndpoint: 'http://api.push.mob.com',
  credentials: {
    token: { required: true, form: 'the AppKey from the MobTech console' },
    secret: { required: true, form: 'the AppSecret from the MobTech console (it signs every request)' },
  },
  formats: ['notification', 'custom'],
  defaultFormat: 'notification',
  // Required unless options.pushTarget names the audience: the adapter knows the options.
  target: {
    required: false,
    form: TARGET_FORM,
    loadCheck: async () => {
      const { parseTargets } = await import(/* webpackChunkName: "mobpush" */ './targets.js');
      return (raw) => void parseTargets(raw, false);
    },
  },
  /**
   * Limits: MobPush's 创建推送 document (https://www.mob.com/wiki/detailed?wiki=234&id=136) gives no number
   * ("content over the phone vendor's limit is truncated"; codes 4308/4811/4820 exist).
   * iOS is a default platform and APNs caps the whole payload at 4 KB, so the body is kept to 3000 UTF-8 bytes,
   * leaving room for the title, extras and the link. Unverified: see docs/providers/mobpush.md.
   */
  limits: () => ({ title: { max: 100, unit: 'chars' }, body: { max: 3000, unit: 'bytes' } }),
  // The 创建推送 document: push calls are limited to 500 a minute per AppKey by default.
  rateLimit: { requests: 500, perMs: 60_000 },
  url: {
    form: 'mobpush://APPKEY:APPSECRET@/all|/alias/a,b|/tags/a,b|/rid/ID',
    roles: { pathSettings: true },
    parse(url) {
      const credentials = url.pair('AppKey', 'AppSecret');
      if (url.parts.host) url.fail("has a host: MobPush URLs have none ('@/…'); use ?endpoint= for another server");
      let target = url.common.target;
      const path = url.parts.path;
      if (path.length > 0) {
        if (target) url.fail('sets the target both in the path and in ?target=');
        const [kind = '', ...values] = path;
        if (!KINDS.has(kind)) url.fail(`has an unknown target kind ${quoteSafely(kind)}`);
        if (kind === 'all') {
          if (values.length > 0) url.fail("has values after '/all'");
          target = 'all';
        } else {
          if (values.length !== 1) url.fail(`needs exactly one comma-separated list after '/${kind}/'`);
          target = `${kind}:${values[0]}`;
        }
      }
      return { ...url.common, ...credentials, target };
    },
    format(config, url) {
      const target = config.target;
      const match = target ? /^(alias|tags|rid):(.+)$/.exec(target) : null;
      // A target without '/' fits the path form; anything else travels as ?target=.
      const path =
        target === 'all' ? '/all' : match && !match[2]!.includes('/') ? `/${match[1]}/${url.enc(match[2]!)}` : '';
      return {
        address: `${url.enc(url.need(config.token, 'an AppKey'))}:${url.enc(url.need(config.secret, 'an AppSecret'))}@${path}`,
        override: path ? { target: undefined } : {},
      };
    },
  },
  help: 'AppKey + AppSecret; target all, alias:a,b, tags:a,b, rid:ID …; format notification or custom',
  example: { provider: 'mobpush', token: 'demoappkey', secret: 'demoappsecret', target: 'alias:tester' },
  load: async () => (await import(/* webpackChunkName: "mobpush" */ './index.js')).mobpush,
};
