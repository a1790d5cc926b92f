/**
 * What of a URL may be shown, and which of its parts are credentials. Every URL that reaches a message (an error,
 * a warning, a debug log, a dry run, a summary) goes through `maskUrl`; every URL that carries credentials goes
 * through `urlCredentials` into the secret registry before anything can print it.
 *
 * Both read the text loosely and never throw: a URL that the strict parser refuses (a misspelt query key, a
 * malformed percent-escape, a raw webhook URL where a service URL belongs, a stray `?` or `#`) is exactly the one
 * whose error must not print its credentials.
 *
 * What is shown: the scheme, a host that is an address (never one that is a token), path segments that are plain
 * words (`/robot/send`, `/open-apis/bot/v2/hook`), and query keys that are plain words. Everything else (userinfo,
 * every query value whatever its key, path segments with digits such as a SendKey or a hook id, a fragment) is
 * `***`. Masking too much only makes a message less specific; masking too little leaks.
 */

const MASK = '***';

/** Schemes of the service URLs (see service-url.ts), where the strict parser knows each part's role. */
const SERVICE_SCHEMES = new Set([
  'pushplus',
  'dingtalk',
  'wecom',
  'feishu',
  'serverchan',
  'mobpush',
  'mpaas',
  'easemob',
]);
/** Service schemes whose host part is the credential itself (`dingtalk://ACCESS_TOKEN`). */
const TOKEN_HOST = new Set(['pushplus', 'dingtalk', 'wecom', 'feishu', 'serverchan']);
/** Schemes whose host is a network address. */
const WEB_SCHEMES = new Set(['http', 'https', 'ws', 'wss']);
/** Query keys of service URLs whose values are settings, not credentials. */
const SETTING_KEYS = new Set([
  'endpoint',
  'format',
  'template',
  'title',
  'target',
  'channel',
  'options',
  'topic',
  'to',
]);

/**
 * Any number of slashes after the scheme: `dingtalk:/TOKEN` and `dingtalk:TOKEN` are mistakes whose credentials
 * must be found too. Linear: the parts use disjoint character classes.
 */
const LOOSE_URL = /^\s*([A-Za-z][\w+.-]*):(\/*)([^?#]*)(?:\?([^#]*))?(?:#([\s\S]*))?$/;
/** What `SecretRegistry.add` reads as a URL: a scheme, then a colon. */
export const URL_LIKE = /^\s*[A-Za-z][\w+.-]*:/;
/** A word that is never a credential: letters and a few separators, no digits, short. */
const WORD = /^[A-Za-z][A-Za-z_.+-]{0,23}$/;
const PATH_WORD = /^(?:[A-Za-z][A-Za-z_-]{0,23}|v\d{1,2})$/;
const HOST_ADDRESS = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|localhost|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
/** Too short to be a credential, and too common to mask everywhere (the registry ignores them anyway). */
const MIN_CREDENTIAL = 4;

export interface LooseUrl {
  /** Lower-cased. */
  scheme: string;
  /** The slashes after `scheme:` (`//` in a well-formed URL). */
  slashes: string;
  /** Raw text before the last `@` of the authority and path, when there is one. */
  userinfo?: string;
  /** Raw host (with port). */
  host: string;
  /** Raw path after the host, starting with `/` (or empty). */
  path: string;
  /** Raw query without the `?`, when there is a `?`. */
  query?: string;
  /** Raw text after the first `#`, when there is one. */
  fragment?: string;
}

/** Reads `scheme://[userinfo@]host[/path][?query][#fragment]` without judging it; undefined when it is not that. */
export function looseUrl(raw: string): LooseUrl | undefined {
  const match = LOOSE_URL.exec(raw.trim());
  if (!match) return undefined;
  let rest = match[3]!;
  let userinfo: string | undefined;
  // The last '@' like the strict parser, so whatever it would read as credentials is masked here too.
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    userinfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
  }
  const slash = rest.indexOf('/');
  return {
    scheme: match[1]!.toLowerCase(),
    slashes: match[2]!,
    userinfo,
    host: slash >= 0 ? rest.slice(0, slash) : rest,
    path: slash >= 0 ? rest.slice(slash) : '',
    query: match[4],
    fragment: match[5],
  };
}

/** decodeURIComponent that never throws: a malformed escape leaves the text as it is. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True for text that can be quoted in a message as it is: a short word without digits, never a credential. */
export function isPlainWord(text: string): boolean {
  return WORD.test(text);
}

/** `'text'` when it is a plain word, otherwise a note that it is withheld (it may be a credential). */
export function quoteSafely(text: string): string {
  return isPlainWord(text) ? `'${text}'` : '(not shown: it may hold a credential)';
}

export function showsHost(scheme: string, host: string): boolean {
  if (WEB_SCHEMES.has(scheme) || scheme === 'easemob') return HOST_ADDRESS.test(host);
  return false;
}

/** A plain word stays; anything else is masked, keeping a plain extension (`/SCT….send` → `/***.send`). */
function maskSegment(segment: string): string {
  if (segment === '' || PATH_WORD.test(segment)) return segment;
  const extension = /\.([A-Za-z]{1,8})$/.exec(segment);
  return extension ? `${MASK}.${extension[1]}` : MASK;
}

function maskQuery(query: string): string {
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return MASK;
      const key = pair.slice(0, eq);
      return `${isPlainWord(key) ? key : MASK}=${MASK}`;
    })
    .join('&');
}

/**
 * The URL as it may appear in a message: `dingtalk://***?secret=***`, `https://oapi.dingtalk.com/robot/send?access_token=***`,
 * `https://open.feishu.cn/open-apis/bot/v2/hook/***`. Text that is not a URL shows only its length.
 */
export function maskUrl(raw: string): string {
  const url = looseUrl(raw);
  if (!url) {
    const length = raw.trim().length;
    return length > 0 ? `${MASK} (not a URL, ${length} characters)` : '(empty)';
  }
  const scheme = isPlainWord(url.scheme) ? url.scheme : MASK;
  const userinfo = url.userinfo === undefined ? '' : `${url.userinfo.includes(':') ? `${MASK}:${MASK}` : MASK}@`;
  const host = url.host === '' ? '' : showsHost(url.scheme, url.host) ? url.host : MASK;
  const path = url.path.split('/').map(maskSegment).join('/');
  const query = url.query === undefined ? '' : `?${maskQuery(url.query)}`;
  const fragment = url.fragment === undefined ? '' : `#${MASK}`;
  return `${scheme}:${url.slashes}${userinfo}${host}${path}${query}${fragment}`;
}

/** Text that could be a credential: not a plain word (it has digits or other characters) and not tiny. */
function credentialLike(text: string): boolean {
  return text.trim().length >= MIN_CREDENTIAL && !/^[A-Za-z][A-Za-z_-]*$/.test(text.trim());
}

/** Never in a URL's text: marks where a malformed escape was. */
const BROKEN = '\u0000';

/**
 * Decodes what decodes and cuts at what does not: `S3cret%zz` gives `S3cret`, `ab%2Bcd%E0%A4` gives `ab+cd`, so a
 * credential next to a malformed escape is still found on its own.
 */
function decodedPieces(raw: string): string[] {
  if (!raw.includes('%')) return [raw];
  return raw
    .replace(/%(?![0-9A-Fa-f]{2})/g, BROKEN)
    .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return BROKEN;
      }
    })
    .split(BROKEN);
}

/** Schemes whose path holds settings (a MobPush target kind, an mPaaS workspace, an Easemob org and app). */
const PATH_SETTINGS = new Set(['mobpush', 'mpaas', 'easemob']);
/** Schemes whose host, after credentials and `@`, is an id or an address rather than a credential. */
const HOST_AFTER_CREDENTIALS = new Set(['mpaas', 'easemob']);

/**
 * Every part of a URL that is or may be a credential, raw and decoded, for the secret registry: userinfo, the
 * host of a token scheme (or any host that is not an address), query values (except the settings of a service
 * URL), credential-like path segments where a path holds no settings (a raw webhook URL's key), and a fragment.
 * Pieces of a value cut by a stray `?`, `=`, `&` or `#` are registered too. Never throws.
 */
export function urlCredentials(raw: string, depth = 0): string[] {
  const url = looseUrl(raw);
  if (!url) return [];
  const found = new Set<string>();
  const addForms = (value: string) => {
    for (const form of [value, safeDecode(value), safeDecode(value.replace(/\+/g, ' '))]) {
      if (form.trim().length >= MIN_CREDENTIAL) found.add(form);
    }
  };
  const add = (value: string | undefined) => {
    if (value === undefined) return;
    addForms(value);
    // Split raw and decoded: `secret%3DS3C` is `secret=S3C` once decoded.
    for (const text of new Set([value, safeDecode(value)])) {
      for (const piece of text.split(/[?=&#:@]/)) {
        if (piece !== value && credentialLike(safeDecode(piece))) addForms(piece);
        for (const part of decodedPieces(piece)) if (part !== piece && credentialLike(part)) found.add(part);
      }
    }
  };
  const { scheme } = url;
  if (url.userinfo !== undefined) {
    add(url.userinfo);
    // `ID:SECRET@`: each half is a credential on its own, even one that reads like a word (`demoappkey`).
    const colon = url.userinfo.indexOf(':');
    if (colon > 0) {
      addForms(url.userinfo.slice(0, colon));
      addForms(url.userinfo.slice(colon + 1));
    }
  }
  const service = SERVICE_SCHEMES.has(scheme);
  const web = WEB_SCHEMES.has(scheme);
  if (url.host) {
    const address = web || (HOST_AFTER_CREDENTIALS.has(scheme) && url.userinfo !== undefined);
    if (TOKEN_HOST.has(scheme) || (!address && credentialLike(url.host))) add(url.host);
  }
  if (!PATH_SETTINGS.has(scheme)) {
    for (const segment of url.path.split('/')) {
      const decoded = safeDecode(segment);
      if (!credentialLike(decoded)) continue;
      add(segment);
      // A SendKey in `/SCT….send`: the key alone, too.
      const dot = decoded.lastIndexOf('.');
      if (dot > 0 && credentialLike(decoded.slice(0, dot))) add(decoded.slice(0, dot));
    }
  }
  for (const pair of (url.query ?? '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq < 0) {
      add(pair);
      // `secret%3DS3C`: an encoded '=' still separates a key from a value.
      const decoded = safeDecode(pair);
      if (decoded.includes('=')) add(decoded.slice(decoded.indexOf('=') + 1));
      continue;
    }
    const key = safeDecode(pair.slice(0, eq).replace(/\+/g, ' ')).trim().toLowerCase();
    const value = pair.slice(eq + 1);
    if (service && SETTING_KEYS.has(key)) {
      // An endpoint may carry credentials of its own; no other setting does.
      if (key === 'endpoint' && depth < 2)
        for (const part of urlCredentials(safeDecode(value), depth + 1)) found.add(part);
      continue;
    }
    add(value);
  }
  add(url.fragment);
  return [...found];
}

/** How a service URL scheme uses its parts, for `urlCredentials` (the providers' registry declares its schemes). */
export interface ServiceSchemeRoles {
  /** The host is the credential itself (`wecom://KEY`). */
  tokenHost?: boolean;
  /** The path holds settings (a target kind, a workspace), not credentials. */
  pathSettings?: boolean;
  /** After `ID:SECRET@`, the host is an id or an address rather than a credential. */
  hostAfterCredentials?: boolean;
}

/**
 * Declares a service URL scheme, so its setting keys are read as settings and a credential in its host is found
 * even when it looks like a word. The built-in providers' schemes are listed above as well, so masking does not
 * depend on the registry having been loaded; a provider registered at run time is known from here on.
 */
export function registerServiceScheme(scheme: string, roles: ServiceSchemeRoles = {}): void {
  SERVICE_SCHEMES.add(scheme);
  if (roles.tokenHost) TOKEN_HOST.add(scheme);
  if (roles.pathSettings) PATH_SETTINGS.add(scheme);
  if (roles.hostAfterCredentials) HOST_AFTER_CREDENTIALS.add(scheme);
}
