/**
 * ServerChan (Server酱): a SendKey that delivers to its owner's WeChat (Turbo) or the ServerChan³ app.
 * API: https://sct.ftqq.com/
 */
import { ConfigError } from '../../model/errors.js';
import type { ProviderDescriptor } from '../descriptor.js';
import { keyUrl } from '../url-forms.js';

export const descriptor: ProviderDescriptor = {
  name: 'serverchan',
  displayName: 'ServerChan',
  // Server酱's SendKeys come from sct.ftqq.com.
  aliases: ['server-chan', 'server酱', 'ftqq'],
  docsPage: 'docs/providers/serverchan.md',
  vendorDocs: 'https://sct.ftqq.com/',
  defaultEndpoint: 'https://sctapi.ftqq.com',
  credentials: {
    token: {
      required: true,
      sentInUrl: true,
      form: 'a SendKey (SCT… for ServerChan Turbo, sctp<n>t… for ServerChan³), or its URL https://sctapi.ftqq.com/<SendKey>.send (store it as a secret)',
    },
  },
  formats: ['markdown'],
  defaultFormat: 'markdown',
  target: {
    required: false,
    form: 'no target',
    check: () => {
      throw new ConfigError('target', 'ServerChan sends to the SendKey owner; it has no recipients', 'no target');
    },
  },
  // Title at most 32 characters; desp (Markdown) up to 32 KB.
  limits: () => ({ title: { max: 32, unit: 'chars' }, body: { max: 32_000, unit: 'bytes' } }),
  rateLimit: { requests: 30, perMs: 60_000 },
  url: keyUrl('serverchan://SENDKEY', 'SendKey', false),
  help: "SendKey (SCT… or sctp<n>t…); Markdown only, no target; channel '9|66'",
  example: { provider: 'serverchan', token: 'SCTdemo0000000000000000000' },
  load: async () => (await import(/* webpackChunkName: "serverchan" */ './index.js')).serverchan,
};
