import { ConfigError } from '../model/errors.js';
import { maskUrl } from '../model/url-safety.js';

/**
 * Applies the `endpoint` input to a provider's official base URL: the endpoint's scheme, host and port
 * replace the official ones; the path stays the provider's own (plus any path prefix the endpoint adds,
 * for a reverse proxy mounted under a path).
 */
export function resolveBaseUrl(officialBase: string, endpoint: string | undefined): string {
  const official = new URL(officialBase);
  if (!endpoint?.trim()) return officialBase.replace(/\/+$/, '');
  let override: URL;
  try {
    override = new URL(endpoint.trim().includes('://') ? endpoint.trim() : `https://${endpoint.trim()}`);
  } catch {
    throw new ConfigError(
      'endpoint',
      `is not a URL (${maskUrl(endpoint)})`,
      'a base URL such as https://proxy.example.com:8443',
    );
  }
  if (override.protocol !== 'https:' && override.protocol !== 'http:') {
    throw new ConfigError('endpoint', `'${override.protocol}' is not supported`, 'an http:// or https:// URL');
  }
  if (override.search || override.hash || override.username || override.password) {
    throw new ConfigError(
      'endpoint',
      'must not carry a query, fragment or credentials',
      'scheme, host, port and an optional path prefix',
    );
  }
  const prefix = override.pathname.replace(/\/+$/, '');
  const officialPath = official.pathname.replace(/\/+$/, '');
  return `${override.protocol}//${override.host}${prefix}${officialPath}`;
}

/** Joins a base URL and a path with exactly one slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
