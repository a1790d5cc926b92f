import { ConfigError } from '../model/errors.js';
import { providerHint } from './aliases.js';
import type { ProviderAdapter } from './types.js';

/**
 * Name → loader. Adapters are imported only when used, so a run pays for one provider's code, not all of them.
 * Adding a provider is one line here plus its folder.
 */
const LOADERS = {
  pushplus: async () => (await import('./pushplus/index.js')).pushplus,
  mpaas: async () => (await import('./mpaas/index.js')).mpaas,
  mobpush: async () => (await import('./mobpush/index.js')).mobpush,
  easemob: async () => (await import('./easemob/index.js')).easemob,
  dingtalk: async () => (await import('./dingtalk/index.js')).dingtalk,
  wecom: async () => (await import('./wecom/index.js')).wecom,
  feishu: async () => (await import('./feishu/index.js')).feishu,
  serverchan: async () => (await import('./serverchan/index.js')).serverchan,
  'feishu-app': async () => (await import('./feishu-app/index.js')).feishuApp,
  'wecom-app': async () => (await import('./wecom-app/index.js')).wecomApp,
  'dingtalk-app': async () => (await import('./dingtalk-app/index.js')).dingtalkApp,
} satisfies Record<string, () => Promise<{ name: string }>>;

export type ProviderName = keyof typeof LOADERS;

export const PROVIDER_NAMES = Object.keys(LOADERS) as ProviderName[];

export function isProviderName(value: string): value is ProviderName {
  return Object.hasOwn(LOADERS, value);
}

export async function loadAdapter(name: string): Promise<ProviderAdapter<unknown>> {
  const key = name.trim().toLowerCase();
  if (!key) throw new ConfigError('provider', 'is required', `one of ${PROVIDER_NAMES.join(', ')}`);
  if (!isProviderName(key)) {
    const hint = providerHint(key, PROVIDER_NAMES);
    throw new ConfigError(
      'provider',
      `unknown provider '${name}'${hint ? ` (${hint})` : ''}`,
      `one of ${PROVIDER_NAMES.join(', ')}`,
    );
  }
  return (await LOADERS[key]()) as ProviderAdapter<unknown>;
}
