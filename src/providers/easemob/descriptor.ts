/**
 * Easemob (环信) IM: a text message from the app's admin to users or groups, with offline push.
 * API: https://doc.easemob.com/document/server-side/push.html
 */
import type { ProviderDescriptor } from '../descriptor.js';

export const TARGET_FORM = "'user:ID[,ID…]' or 'group:GROUP_ID[,GROUP_ID…]', one per line";

/** 5 KB per message, less a margin for the JSON around the text. */
export const MESSAGE_BYTES = 5 * 1024;
const SIZE_MARGIN = 64;

export const descriptor: ProviderDescriptor = {
  name: 'easemob',
  displayName: 'Easemob IM',
  aliases: ['huanxin', '环信'],
  docsPage: 'docs/providers/easemob.md',
  vendorDocs: 'https://doc.easemob.com/document/server-side/push.html',
  defaultEndpoint: 'https://a1.easemob.com',
  credentials: {
    token: { required: true, form: 'the app Client ID (store it as a secret)' },
    secret: { required: true, form: 'the app Client Secret (store it as a secret)' },
    appId: { required: true, form: "the app key 'org#app' from the Easemob console" },
  },
  formats: ['txt'],
  defaultFormat: 'txt',
  target: {
    required: true,
    form: TARGET_FORM,
    loadCheck: async () => {
      const { parseTargets } = await import(/* webpackChunkName: "easemob" */ './targets.js');
      return (raw) => void parseTargets(raw);
    },
  },
  limits: () => ({ title: { max: 100, unit: 'chars' }, body: { max: MESSAGE_BYTES - SIZE_MARGIN, unit: 'bytes' } }),
  rateLimit: { requests: 6000, perMs: 60_000 },
  url: {
    form: 'easemob://CLIENTID:CLIENTSECRET@HOST/ORG/APP[?target=user:a,b|group:g]',
    roles: { pathSettings: true, hostAfterCredentials: true },
    parse(url) {
      const credentials = url.pair('client id', 'client secret');
      if (!url.parts.host) url.fail("has no REST host after '@'");
      if (url.parts.path.length !== 2) url.fail('needs the path /ORG/APP');
      return {
        ...url.common,
        ...credentials,
        // The host is the app's REST host; ?endpoint= overrides it (another scheme or port, a proxy, a test).
        endpoint: url.common.endpoint ?? `https://${url.parts.host}`,
        appId: `${url.parts.path[0]}#${url.parts.path[1]}`,
      };
    },
    format(config, url) {
      const [org, app, ...more] = url.need(config.appId, "an app key 'org#app'").split('#');
      if (!org || !app || more.length) url.need(undefined, "an app key of the form 'org#app'");
      const endpoint = url.need(config.endpoint, 'an endpoint (the REST host)');
      let host: string;
      let keepEndpoint = true;
      try {
        const parsed = new URL(endpoint);
        host = parsed.host;
        keepEndpoint = !(
          parsed.protocol === 'https:' &&
          (parsed.pathname === '/' || parsed.pathname === '') &&
          !parsed.search
        );
      } catch {
        host = 'localhost';
      }
      return {
        address: `${url.enc(url.need(config.token, 'a client id'))}:${url.enc(url.need(config.secret, 'a client secret'))}@${host}/${url.enc(org!)}/${url.enc(app!)}`,
        override: { endpoint: keepEndpoint ? endpoint : undefined },
      };
    },
  },
  help: "Client ID + Client Secret, app-id 'org#app', endpoint (REST host); target user:a,b or group:g",
  example: {
    provider: 'easemob',
    token: 'YXA6demo',
    secret: 'YXA6demosecret',
    appId: 'demo-org#demo-app',
    endpoint: 'https://a1.easemob.com',
    target: 'user:oncall',
  },
  load: async () => (await import(/* webpackChunkName: "easemob" */ './index.js')).easemob,
};
