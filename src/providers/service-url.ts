/**
 * Service URLs: one compact string per destination, for the CLI (`--url`) and the action's `urls` input.
 *
 *   pushplus://TOKEN?topic=CODE&channel=wechat      dingtalk://TOKEN?secret=SEC     wecom://KEY
 *   feishu://TOKEN?secret=SEC                        serverchan://SENDKEY
 *   mobpush://APPKEY:APPSECRET@/alias/a,b           (path: /all, /alias/…, /tags/…, /rid/…)
 *   mpaas://ACCESSKEYID:ACCESSKEYSECRET@APPID/WORKSPACEID?target=user:a
 *   easemob://CLIENTID:CLIENTSECRET@HOST/ORG/APP?target=user:a,b
 *   feishu-app://APPID:APPSECRET@[HOST]?target=chat:oc_…   (HOST: open.larksuite.com for Lark)
 *   wecom-app://CORPID:SECRET@AGENTID?target=user:a,b      dingtalk-app://APPKEY:APPSECRET@AGENTID?target=user:a
 *
 * Common query keys on every scheme: endpoint, format, template, title, target, channel, options.
 * Credentials containing reserved characters (`/ ? # @ : %`) are percent-encoded; `formatServiceUrl` does that.
 * The URL maps to generic NotifyConfig fields only; each adapter still validates its own settings.
 * Every error shows the URL with its credentials replaced by `***` (maskServiceUrl), and names a key, a kind or a
 * scheme it quotes only when that is a plain word: a misspelt key or a raw webhook URL must not print a credential.
 */
import type { NotifyConfig } from '../model/config.js';
import { compact } from '../model/config.js';
import { ConfigError } from '../model/errors.js';
import { parseOptions } from '../model/options.js';
import { maskUrl, quoteSafely } from '../model/url-safety.js';

/** The slice of NotifyConfig a URL can set. */
export type ServiceUrlConfig = Pick<NotifyConfig, 'provider'> &
  Partial<
    Pick<
      NotifyConfig,
      | 'token'
      | 'secret'
      | 'appId'
      | 'workspaceId'
      | 'endpoint'
      | 'channel'
      | 'format'
      | 'template'
      | 'title'
      | 'target'
      | 'options'
    >
  >;

const COMMON_KEYS = ['endpoint', 'format', 'template', 'title', 'target', 'channel', 'options'] as const;
type CommonKey = (typeof COMMON_KEYS)[number];

/** The expected form per scheme, quoted in every error. */
export const SERVICE_URL_FORMS: Readonly<Record<string, string>> = {
  pushplus: 'pushplus://TOKEN[?topic=CODE|to=TOKEN,…][&channel=…]',
  dingtalk: 'dingtalk://ACCESS_TOKEN[?secret=SIGNING_SECRET]',
  wecom: 'wecom://KEY',
  feishu: 'feishu://HOOK_TOKEN[?secret=SIGNING_SECRET]',
  serverchan: 'serverchan://SENDKEY',
  mobpush: 'mobpush://APPKEY:APPSECRET@/all|/alias/a,b|/tags/a,b|/rid/ID',
  mpaas: 'mpaas://ACCESSKEYID:ACCESSKEYSECRET@APPID/WORKSPACEID[?target=user:…]',
  easemob: 'easemob://CLIENTID:CLIENTSECRET@HOST/ORG/APP[?target=user:a,b|group:g]',
  'feishu-app': 'feishu-app://APPID:APPSECRET@[HOST]?target=chat:oc_…|user:ou_…',
  'wecom-app': 'wecom-app://CORPID:SECRET@AGENTID?target=user:a,b|party:1|tag:1|@all',
  'dingtalk-app': 'dingtalk-app://APPKEY:APPSECRET@AGENTID?target=user:a,b|dept:1|@all',
};

const MOBPUSH_KINDS = new Set(['all', 'alias', 'tags', 'rid']);

const EXAMPLE_FORMS = Object.values(SERVICE_URL_FORMS).join(', ');

interface UrlParts {
  scheme: string;
  user?: string;
  password?: string;
  host: string;
  path: string[];
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
  const form = scheme && SERVICE_URL_FORMS[scheme] ? SERVICE_URL_FORMS[scheme] : `one of ${EXAMPLE_FORMS}`;
  throw new ConfigError('url', `'${maskServiceUrl(raw)}' ${problem}`, form);
}

function decode(raw: string, part: string, what: string, scheme: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return fail(raw, `has a malformed percent-encoding in the ${what}`, scheme);
  }
}

function split(raw: string): UrlParts {
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
function readQuery(raw: string, parts: UrlParts, extra: readonly string[]): Map<string, string> {
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

function common(scheme: string, query: Map<string, string>, deferred: Deferred): Partial<ServiceUrlConfig> {
  const out: Partial<ServiceUrlConfig> = {};
  for (const key of COMMON_KEYS) {
    const value = query.get(key);
    if (value === undefined) continue;
    if (key === 'options') deferred.options = value;
    else out[key as Exclude<CommonKey, 'options'>] = value;
  }
  return out;
}

function requireNoUserinfo(raw: string, parts: UrlParts): void {
  if (parts.user !== undefined) fail(raw, 'has credentials before @ where none belong', parts.scheme);
}

function requireNoPath(raw: string, parts: UrlParts): void {
  if (parts.path.length > 0) fail(raw, 'has a path where none belongs', parts.scheme);
}

function requireToken(raw: string, parts: UrlParts, what: string): string {
  if (!parts.host) fail(raw, `has no ${what}`, parts.scheme);
  return parts.host;
}

function requirePair(raw: string, parts: UrlParts, first: string, second: string): { token: string; secret: string } {
  if (!parts.user) fail(raw, `has no ${first} before ':'`, parts.scheme);
  if (!parts.password) fail(raw, `has no ${second} after ':'`, parts.scheme);
  return { token: parts.user, secret: parts.password };
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
  switch (scheme) {
    case 'pushplus': {
      requireNoUserinfo(raw, parts);
      requireNoPath(raw, parts);
      const query = readQuery(raw, parts, ['topic', 'to']);
      const base = common(scheme, query, deferred);
      const topic = query.get('topic');
      const to = query.get('to');
      if ([topic, to, base.target].filter(Boolean).length > 1)
        fail(raw, "sets more than one of 'topic', 'to' and 'target'", scheme);
      const target = topic ? `topic:${topic}` : to ? `to:${to}` : base.target;
      return compact({ ...base, provider: scheme, token: requireToken(raw, parts, 'token'), target });
    }
    case 'dingtalk':
    case 'feishu': {
      requireNoUserinfo(raw, parts);
      requireNoPath(raw, parts);
      const query = readQuery(raw, parts, ['secret']);
      return compact({
        ...common(scheme, query, deferred),
        provider: scheme,
        token: requireToken(raw, parts, 'access token'),
        secret: query.get('secret'),
      });
    }
    case 'wecom':
    case 'serverchan': {
      requireNoUserinfo(raw, parts);
      requireNoPath(raw, parts);
      const query = readQuery(raw, parts, []);
      const what = scheme === 'wecom' ? 'robot key' : 'SendKey';
      return compact({ ...common(scheme, query, deferred), provider: scheme, token: requireToken(raw, parts, what) });
    }
    case 'mobpush': {
      const credentials = requirePair(raw, parts, 'AppKey', 'AppSecret');
      if (parts.host)
        fail(raw, "has a host: MobPush URLs have none ('@/…'); use ?endpoint= for another server", scheme);
      const query = readQuery(raw, parts, []);
      const base = common(scheme, query, deferred);
      let target = base.target;
      if (parts.path.length > 0) {
        if (base.target) fail(raw, 'sets the target both in the path and in ?target=', scheme);
        const [kind = '', ...values] = parts.path;
        if (!MOBPUSH_KINDS.has(kind)) fail(raw, `has an unknown target kind ${quoteSafely(kind)}`, scheme);
        if (kind === 'all') {
          if (values.length > 0) fail(raw, "has values after '/all'", scheme);
          target = 'all';
        } else {
          if (values.length !== 1) fail(raw, `needs exactly one comma-separated list after '/${kind}/'`, scheme);
          target = `${kind}:${values[0]}`;
        }
      }
      return compact({ ...base, provider: scheme, ...credentials, target });
    }
    case 'mpaas': {
      const credentials = requirePair(raw, parts, 'AccessKeyId', 'AccessKeySecret');
      if (!parts.host) fail(raw, "has no AppId after '@'", scheme);
      if (parts.path.length !== 1) fail(raw, 'needs exactly one path segment: the workspace id', scheme);
      const query = readQuery(raw, parts, []);
      return compact({
        ...common(scheme, query, deferred),
        provider: scheme,
        ...credentials,
        appId: parts.host,
        workspaceId: parts.path[0],
      });
    }
    case 'easemob': {
      const credentials = requirePair(raw, parts, 'client id', 'client secret');
      if (!parts.host) fail(raw, "has no REST host after '@'", scheme);
      if (parts.path.length !== 2) fail(raw, 'needs the path /ORG/APP', scheme);
      const query = readQuery(raw, parts, []);
      const base = common(scheme, query, deferred);
      return compact({
        ...base,
        provider: scheme,
        ...credentials,
        // The host is the app's REST host; ?endpoint= overrides it (another scheme or port, a proxy, a test).
        endpoint: base.endpoint ?? `https://${parts.host}`,
        appId: `${parts.path[0]}#${parts.path[1]}`,
      });
    }
    case 'feishu-app': {
      const credentials = requirePair(raw, parts, 'App ID', 'App Secret');
      requireNoPath(raw, parts);
      const query = readQuery(raw, parts, []);
      const base = common(scheme, query, deferred);
      // The optional host picks the service host (open.larksuite.com for Lark); ?endpoint= overrides it.
      const endpoint = base.endpoint ?? (parts.host ? `https://${parts.host}` : undefined);
      return compact({ ...base, provider: scheme, ...credentials, endpoint });
    }
    case 'wecom-app':
    case 'dingtalk-app': {
      const credentials = requirePair(
        raw,
        parts,
        scheme === 'wecom-app' ? 'corp id' : 'AppKey',
        scheme === 'wecom-app' ? 'app secret' : 'AppSecret',
      );
      if (!parts.host) fail(raw, "has no AgentId after '@'", scheme);
      requireNoPath(raw, parts);
      const query = readQuery(raw, parts, []);
      return compact({ ...common(scheme, query, deferred), provider: scheme, ...credentials, appId: parts.host });
    }
    case 'http':
    case 'https':
      return fail(
        raw,
        `is a web address, not a service URL: a robot's webhook URL goes in \`token\` with \`provider\`, or here as PROVIDER://KEY`,
      );
    default:
      return fail(raw, `has an unknown scheme ${quoteSafely(scheme)}`);
  }
}

const enc = encodeURIComponent;

function queryString(entries: [string, string | undefined][]): string {
  const pairs = entries.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  return pairs.length ? `?${pairs.map(([key, value]) => `${key}=${enc(value)}`).join('&')}` : '';
}

function commonEntries(config: ServiceUrlConfig, skip: readonly string[] = []): [string, string | undefined][] {
  return COMMON_KEYS.filter((key) => !skip.includes(key)).map((key) => [
    key,
    key === 'options'
      ? config.options && Object.keys(config.options).length > 0
        ? JSON.stringify(config.options)
        : undefined
      : config[key],
  ]);
}

function missing(provider: string, field: string): never {
  throw new ConfigError('url', `a ${provider} URL needs ${field}`, SERVICE_URL_FORMS[provider]);
}

/** The inverse of parseServiceUrl: `parseServiceUrl(formatServiceUrl(c))` gives back `c`. The result holds secrets. */
export function formatServiceUrl(config: ServiceUrlConfig): string {
  const { provider } = config;
  switch (provider) {
    case 'pushplus': {
      const target = config.target;
      const topic = target?.startsWith('topic:') ? target.slice(6) : undefined;
      const to = target?.startsWith('to:') ? target.slice(3) : undefined;
      return `pushplus://${enc(config.token ?? missing(provider, 'a token'))}${queryString([
        ['topic', topic],
        ['to', to],
        ...commonEntries({ ...config, target: topic || to ? undefined : target }),
      ])}`;
    }
    case 'dingtalk':
    case 'feishu':
      return `${provider}://${enc(config.token ?? missing(provider, 'a token'))}${queryString([
        ['secret', config.secret],
        ...commonEntries(config),
      ])}`;
    case 'wecom':
    case 'serverchan':
      return `${provider}://${enc(config.token ?? missing(provider, 'a token'))}${queryString(commonEntries(config))}`;
    case 'mobpush': {
      const target = config.target;
      const match = target ? /^(alias|tags|rid):(.+)$/.exec(target) : null;
      // A target without '/' fits the path form; anything else travels as ?target=.
      const path =
        target === 'all' ? '/all' : match && !match[2]!.includes('/') ? `/${match[1]}/${enc(match[2]!)}` : '';
      return `mobpush://${enc(config.token ?? missing(provider, 'an AppKey'))}:${enc(config.secret ?? missing(provider, 'an AppSecret'))}@${path}${queryString(
        commonEntries({ ...config, target: path ? undefined : target }),
      )}`;
    }
    case 'mpaas':
      return `mpaas://${enc(config.token ?? missing(provider, 'an AccessKeyId'))}:${enc(config.secret ?? missing(provider, 'an AccessKeySecret'))}@${enc(config.appId ?? missing(provider, 'an AppId'))}/${enc(config.workspaceId ?? missing(provider, 'a workspace id'))}${queryString(commonEntries(config))}`;
    case 'easemob': {
      const [org, app, ...more] = (config.appId ?? missing(provider, "an app key 'org#app'")).split('#');
      if (!org || !app || more.length) missing(provider, "an app key of the form 'org#app'");
      const endpoint = config.endpoint ?? missing(provider, 'an endpoint (the REST host)');
      let host: string;
      let keepEndpoint = true;
      try {
        const url = new URL(endpoint);
        host = url.host;
        keepEndpoint = !(url.protocol === 'https:' && (url.pathname === '/' || url.pathname === '') && !url.search);
      } catch {
        host = 'localhost';
      }
      return `easemob://${enc(config.token ?? missing(provider, 'a client id'))}:${enc(config.secret ?? missing(provider, 'a client secret'))}@${host}/${enc(org)}/${enc(app)}${queryString(
        commonEntries({ ...config, endpoint: keepEndpoint ? endpoint : undefined }),
      )}`;
    }
    case 'feishu-app': {
      const credentials = `${enc(config.token ?? missing(provider, 'an App ID'))}:${enc(config.secret ?? missing(provider, 'an App Secret'))}`;
      let host = '';
      const endpoint = config.endpoint;
      if (endpoint) {
        try {
          const url = new URL(endpoint);
          if (url.protocol === 'https:' && (url.pathname === '/' || url.pathname === '') && !url.search)
            host = url.host;
        } catch {
          // Kept in ?endpoint= as given.
        }
      }
      return `feishu-app://${credentials}@${host}${queryString(commonEntries({ ...config, endpoint: host ? undefined : endpoint }))}`;
    }
    case 'wecom-app':
    case 'dingtalk-app':
      return `${provider}://${enc(config.token ?? missing(provider, 'a token'))}:${enc(config.secret ?? missing(provider, 'a secret'))}@${enc(config.appId ?? missing(provider, 'an AgentId'))}${queryString(commonEntries(config))}`;
    default:
      throw new ConfigError('url', `no URL form for provider '${provider}'`, `one of ${EXAMPLE_FORMS}`);
  }
}

/** Splits the `urls` input / CI_NOTIFIER_URL: one URL per line; blank lines and `#` comment lines are skipped. */
export function parseUrlList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
