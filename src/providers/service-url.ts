/**
 * Service URLs: one compact string per destination, for the CLI (`--url`) and the action's `urls` input, e.g.
 * `dingtalk://TOKEN?secret=SEC` or `wecom-app://CORPID:SECRET@AGENTID?target=user:a,b`.
 *
 * This file is the generic part: it splits a URL into scheme, userinfo, host, path and query, reads the common query
 * keys (endpoint, format, template, title, target, channel, options), and hands the rest to the grammar in the
 * provider's descriptor (`src/providers/<name>/descriptor.ts`, `url`), which knows what its parts mean, both ways.
 * Credentials containing reserved characters (`/ ? # @ : %`) are percent-encoded; `formatServiceUrl` does that.
 * The URL maps to generic NotifyConfig fields only; core's checks and the adapter validate the settings.
 * Every error shows the URL with its credentials replaced by `***` (maskServiceUrl), and names a key, a kind or a
 * scheme it quotes only when that is a plain word: a misspelt key or a raw webhook URL must not print a credential.
 */
import { compact } from '../model/config.js';
import { ConfigError } from '../model/errors.js';
import { parseOptions } from '../model/options.js';
import { maskUrl, quoteSafely } from '../model/url-safety.js';
import type { ServiceUrlConfig, UrlFields, UrlParts, UrlReader, UrlWriter } from './descriptor.js';
import { descriptors, findDescriptor } from './registry.js';

export type { ServiceUrlConfig } from './descriptor.js';

const COMMON_KEYS = ['endpoint', 'format', 'template', 'title', 'target', 'channel', 'options'] as const;
type CommonKey = (typeof COMMON_KEYS)[number];

/** The expected form per scheme, quoted in every error: from the descriptors (live, so a registered one shows). */
export const SERVICE_URL_FORMS: Readonly<Record<string, string>> = new Proxy({} as Record<string, string>, {
  get: (_, key) => (typeof key === 'string' ? findDescriptor(key)?.url.form : undefined),
  has: (_, key) => typeof key === 'string' && findDescriptor(key) !== undefined,
  ownKeys: () => descriptors().map((d) => d.name),
  getOwnPropertyDescriptor: (_, key) => {
    const form = typeof key === 'string' ? findDescriptor(key)?.url.form : undefined;
    return form === undefined ? undefined : { value: form, enumerable: true, configurable: true, writable: false };
  },
});

function exampleForms(): string {
  return descriptors()
    .map((d) => d.url.form)
    .join(', ');
}

interface SplitUrl extends UrlParts {
  query: [string, string][];
}

/**
 * Shows a URL with every credential position replaced by `***`, for errors and logs: scheme, an address host and
 * the path shape stay; userinfo, token hosts, every query value and key-like path segments go (see url-safety.ts).
 */
export function maskServiceUrl(raw: string): string {
  return maskUrl(raw);
}

function fail(raw: string, problem: string, scheme?: string): never {
  const form = scheme ? findDescriptor(scheme)?.url.form : undefined;
  throw new ConfigError('url', `'${maskServiceUrl(raw)}' ${problem}`, form ?? `one of ${exampleForms()}`);
}

function decode(raw: string, part: string, what: string, scheme: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return fail(raw, `has a malformed percent-encoding in the ${what}`, scheme);
  }
}

function split(raw: string): SplitUrl {
  const trimmed = raw.trim();
  const match = /^([A-Za-z][\w+.-]*):\/\/([^?#]*)(?:\?([^#]*))?$/.exec(trimmed);
  if (!match) {
    if (trimmed.includes('#')) fail(raw, "contains '#': percent-encode it as %23");
    fail(raw, 'is not a service URL');
  }
  const scheme = match[1]!.toLowerCase();
  let rest = match[2]!;
  let user: string | undefined;
  let password: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const colon = userinfo.indexOf(':');
    user = decode(raw, colon >= 0 ? userinfo.slice(0, colon) : userinfo, 'credentials', scheme);
    if (colon >= 0) password = decode(raw, userinfo.slice(colon + 1), 'credentials', scheme);
  }
  const slash = rest.indexOf('/');
  const host = decode(raw, slash >= 0 ? rest.slice(0, slash) : rest, 'host', scheme);
  const path = (slash >= 0 ? rest.slice(slash + 1) : '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decode(raw, segment, 'path', scheme));
  const query: [string, string][] = (match[3] ?? '')
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = decode(raw, (eq >= 0 ? pair.slice(0, eq) : pair).replace(/\+/g, ' '), 'query', scheme);
      const value = eq >= 0 ? decode(raw, pair.slice(eq + 1).replace(/\+/g, ' '), 'query', scheme) : '';
      return [key, value];
    });
  return { scheme, user, password, host, path, query };
}

/** Reads the query into known keys; unknown or repeated keys are errors, so a typo never goes unnoticed. */
function readQuery(raw: string, parts: SplitUrl, extra: readonly string[]): Map<string, string> {
  const allowed = new Set<string>([...COMMON_KEYS, ...extra]);
  const values = new Map<string, string>();
  for (const [key, value] of parts.query) {
    if (!allowed.has(key)) {
      fail(raw, `has an unknown query key ${quoteSafely(key)} (known: ${[...allowed].join(', ')})`, parts.scheme);
    }
    if (values.has(key)) fail(raw, `repeats the query key '${key}'`, parts.scheme);
    if (value === '') fail(raw, `has an empty value for '${key}'`, parts.scheme);
    values.set(key, value);
  }
  return values;
}

/** What the synchronous pass leaves for the asynchronous one: the `options` text, parsed last. */
interface Deferred {
  options?: string;
}

function common(query: Map<string, string>, deferred: Deferred): UrlFields {
  const out: UrlFields = {};
  for (const key of COMMON_KEYS) {
    const value = query.get(key);
    if (value === undefined) continue;
    if (key === 'options') deferred.options = value;
    else out[key as Exclude<CommonKey, 'options'>] = value;
  }
  return out;
}

/** Parses one service URL into the config fields it sets. Throws ConfigError('url', …) with the URL masked. */
export async function parseServiceUrl(raw: string): Promise<ServiceUrlConfig> {
  const deferred: Deferred = {};
  const config = parseFields(raw, deferred);
  if (deferred.options === undefined) return config;
  try {
    return { ...config, options: await parseOptions(deferred.options) };
  } catch (error) {
    fail(
      raw,
      `has an 'options' value that ${(error as Error).message.replace(/^Invalid input 'options': /, '')}`,
      config.provider,
    );
  }
}

function parseFields(raw: string, deferred: Deferred): ServiceUrlConfig {
  const parts = split(raw);
  const { scheme } = parts;
  const descriptor = findDescriptor(scheme);
  if (!descriptor) {
    if (scheme === 'http' || scheme === 'https')
      fail(
        raw,
        `is a web address, not a service URL: a robot's webhook URL goes in \`token\` with \`provider\`, or here as PROVIDER://KEY`,
      );
    fail(raw, `has an unknown scheme ${quoteSafely(scheme)}`);
  }
  const query = readQuery(raw, parts, descriptor.url.keys ?? []);
  const own = new Map([...query].filter(([key]) => !(COMMON_KEYS as readonly string[]).includes(key)));
  const reader: UrlReader = {
    parts: { scheme, user: parts.user, password: parts.password, host: parts.host, path: parts.path },
    query: own,
    common: common(query, deferred),
    fail: (problem) => fail(raw, problem, scheme),
    noUserinfo() {
      if (parts.user !== undefined) fail(raw, 'has credentials before @ where none belong', scheme);
    },
    noPath() {
      if (parts.path.length > 0) fail(raw, 'has a path where none belongs', scheme);
    },
    hostToken(what) {
      if (!parts.host) fail(raw, `has no ${what}`, scheme);
      return parts.host;
    },
    pair(first, second) {
      if (!parts.user) fail(raw, `has no ${first} before ':'`, scheme);
      if (!parts.password) fail(raw, `has no ${second} after ':'`, scheme);
      return { token: parts.user, secret: parts.password };
    },
  };
  return compact({ ...descriptor.url.parse(reader), provider: descriptor.name });
}

const enc = encodeURIComponent;

function queryString(entries: [string, string | undefined][]): string {
  const pairs = entries.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  return pairs.length ? `?${pairs.map(([key, value]) => `${key}=${enc(value)}`).join('&')}` : '';
}

function commonEntries(config: ServiceUrlConfig): [string, string | undefined][] {
  return COMMON_KEYS.map((key) => [
    key,
    key === 'options'
      ? config.options && Object.keys(config.options).length > 0
        ? JSON.stringify(config.options)
        : undefined
      : config[key],
  ]);
}

/** The inverse of parseServiceUrl: `parseServiceUrl(formatServiceUrl(c))` gives back `c`. The result holds secrets. */
export function formatServiceUrl(config: ServiceUrlConfig): string {
  const { provider } = config;
  const descriptor = findDescriptor(provider);
  if (!descriptor) throw new ConfigError('url', `no URL form for provider '${provider}'`, `one of ${exampleForms()}`);
  const writer: UrlWriter = {
    enc,
    need(value, what) {
      if (value === undefined) throw new ConfigError('url', `a ${provider} URL needs ${what}`, descriptor.url.form);
      return value;
    },
  };
  const shape = descriptor.url.format(config, writer);
  return `${descriptor.name}://${shape.address}${queryString([
    ...(shape.query ?? []),
    ...commonEntries({ ...config, ...shape.override }),
  ])}`;
}

// Read by every run (an empty `urls` included), so it lives in model/config.ts; this module, with every
// descriptor's URL grammar, is loaded only by a run that has service URLs.
export { parseUrlList } from '../model/config.js';
