import { ConfigError } from '../model/errors.js';
import { suggest } from '../model/suggest.js';
import { registerServiceScheme } from '../model/url-safety.js';
import { loadSettingsCheck } from './checks.js';
import type { ProviderDescriptor } from './descriptor.js';
import type { ProviderAdapter } from './types.js';
import { descriptor as dingtalkApp } from './dingtalk-app/descriptor.js';
import { descriptor as dingtalk } from './dingtalk/descriptor.js';
import { descriptor as easemob } from './easemob/descriptor.js';
import { descriptor as feishuApp } from './feishu-app/descriptor.js';
import { descriptor as feishu } from './feishu/descriptor.js';
import { descriptor as mobpush } from './mobpush/descriptor.js';
import { descriptor as mpaas } from './mpaas/descriptor.js';
import { descriptor as pushplus } from './pushplus/descriptor.js';
import { descriptor as serverchan } from './serverchan/descriptor.js';
import { descriptor as wecomApp } from './wecom-app/descriptor.js';
import { descriptor as wecom } from './wecom/descriptor.js';

/**
 * The registered providers, one line each. A descriptor is small and always loaded; its `load()` imports the
 * adapter only when a run uses it, so a run pays for one provider's code. Adding a provider is its folder, one
 * line here and its docs page (CONTRIBUTING.md, "Adding a provider").
 */
const REGISTRY = new Map<string, ProviderDescriptor>();
for (const descriptor of [
  pushplus,
  mpaas,
  mobpush,
  easemob,
  dingtalk,
  wecom,
  feishu,
  serverchan,
  feishuApp,
  wecomApp,
  dingtalkApp,
]) {
  REGISTRY.set(descriptor.name, descriptor);
  registerServiceScheme(descriptor.name, descriptor.url.roles);
}

export type ProviderName = string;

/** Every registered provider's name, in registry order (live: `registerProvider` appends). */
export const PROVIDER_NAMES: string[] = [...REGISTRY.keys()];

/**
 * Adds a provider at run time (tests, library users with their own adapter). Its name must be new, lower case and
 * usable as a URL scheme.
 */
export function registerProvider(descriptor: ProviderDescriptor): void {
  if (!/^[a-z][a-z0-9-]*$/.test(descriptor.name))
    throw new Error(`provider name '${descriptor.name}' is not lower-case letters, digits and -`);
  if (REGISTRY.has(descriptor.name)) throw new Error(`provider '${descriptor.name}' is already registered`);
  REGISTRY.set(descriptor.name, descriptor);
  registerServiceScheme(descriptor.name, descriptor.url.roles);
  PROVIDER_NAMES.push(descriptor.name);
}

/** Every registered descriptor, in registry order. */
export function descriptors(): ProviderDescriptor[] {
  return [...REGISTRY.values()];
}

export function isProviderName(value: string): boolean {
  return REGISTRY.has(value);
}

/** The descriptor of a registered provider, or undefined. */
export function findDescriptor(name: string): ProviderDescriptor | undefined {
  return REGISTRY.get(name.trim().toLowerCase());
}

/** Personal WeChat has no bot API of its own: two providers deliver to it. */
const WECHAT = ['wechat', 'weixin', 'wx', '微信'];

/**
 * The hint for a provider name that is not registered: an alias's provider (from the descriptors), the closest
 * name for a typo, or nothing.
 */
export function providerHint(name: string, known: readonly string[] = PROVIDER_NAMES): string | undefined {
  const key = name.trim().toLowerCase();
  if (WECHAT.includes(key))
    return "personal WeChat is reached through 'pushplus' (channel wechat) or 'serverchan'; a WeCom group robot is 'wecom'";
  const dashed = key.replace(/[\s_]+/g, '-');
  const alias = descriptors().find((d) => d.aliases?.includes(key) || d.aliases?.includes(dashed))?.name;
  const match = alias ?? suggest(dashed, known);
  return match ? `did you mean ${match}?` : undefined;
}

/** The descriptor for `provider:`, or a ConfigError naming the input, with did-you-mean. */
export function getDescriptor(name: string): ProviderDescriptor {
  const key = name.trim().toLowerCase();
  if (!key) throw new ConfigError('provider', 'is required', `one of ${PROVIDER_NAMES.join(', ')}`);
  const descriptor = REGISTRY.get(key);
  if (!descriptor) {
    const hint = providerHint(key);
    throw new ConfigError(
      'provider',
      `unknown provider '${name}'${hint ? ` (${hint})` : ''}`,
      `one of ${PROVIDER_NAMES.join(', ')}`,
    );
  }
  return descriptor;
}

const LOADED = new Map<string, Promise<ProviderAdapter<unknown>>>();

/**
 * The adapter of a registered provider, loaded on first use. Its `parse` first runs the checks every provider
 * shares (credentials, format, target: checks.ts) from the descriptor, so no adapter repeats them.
 */
export async function loadAdapter(name: string): Promise<ProviderAdapter<unknown>> {
  const descriptor = getDescriptor(name);
  let loaded = LOADED.get(descriptor.name);
  if (!loaded) {
    loaded = Promise.all([descriptor.load(), loadSettingsCheck(descriptor)]).then(([adapter, check]) => {
      const checked: ProviderAdapter<unknown> = Object.create(adapter);
      Object.defineProperty(checked, 'parse', {
        value: (settings: Parameters<typeof adapter.parse>[0]) => adapter.parse(check(settings)),
      });
      return checked;
    });
    LOADED.set(descriptor.name, loaded);
  }
  return loaded;
}
