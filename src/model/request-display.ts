/**
 * How a dry run and `preview` show a request that would be sent: exactly, except its credentials. `maskUrl`
 * (url-safety.ts) masks every part of a URL that might be a credential, because it is used where the credentials are
 * unknown (a mistyped input). Here they are known (the secret registry holds every credential, signature and token
 * of the run), so only those are masked and the settings stay readable: `receive_id_type=chat_id`,
 * `/topapi/message/corpconversation/asyncsend_v2`, `/im/v1/messages/om_…`. Query values whose key names a
 * credential (`access_token`, `sign`, `key` …) are masked whatever they hold, as a second guard.
 *
 * Mobile numbers mapped from `people` are personal data: every printout shows them as `138****8000` (the form the
 * services themselves use), while the request sent carries them unchanged.
 */
import type { SecretRegistry } from './secrets.js';
import { isPlainWord, looseUrl, safeDecode, showsHost } from './url-safety.js';

const MASK = '***';
/** Query keys that hold a credential whatever their value looks like. */
const CREDENTIAL_KEY = /token|sign|secret|key|auth|password|passwd|credential|ticket|session|sendkey/i;

function holdsSecret(text: string, secrets: SecretRegistry): boolean {
  return secrets.redact(text) !== text || secrets.redact(safeDecode(text)) !== safeDecode(text);
}

/** The URL with each part that holds a known credential masked, and everything else as it is sent. */
export function displayUrl(raw: string, secrets: SecretRegistry): string {
  const url = looseUrl(raw);
  if (!url) return secrets.redact(raw);
  const scheme = isPlainWord(url.scheme) ? url.scheme : MASK;
  const userinfo = url.userinfo === undefined ? '' : `${url.userinfo.includes(':') ? `${MASK}:${MASK}` : MASK}@`;
  const host =
    url.host === '' ? '' : showsHost(url.scheme, url.host) && !holdsSecret(url.host, secrets) ? url.host : MASK;
  const path = url.path
    .split('/')
    .map((segment) => {
      if (!holdsSecret(segment, secrets)) return segment;
      // A SendKey path `/SCT….send` keeps its extension.
      const extension = /\.([A-Za-z]{1,8})$/.exec(segment);
      return extension ? `${MASK}.${extension[1]}` : MASK;
    })
    .join('/');
  const query =
    url.query === undefined
      ? ''
      : `?${url.query
          .split('&')
          .map((pair) => {
            if (pair === '') return pair;
            const eq = pair.indexOf('=');
            if (eq < 0) return holdsSecret(pair, secrets) ? MASK : pair;
            const key = pair.slice(0, eq);
            const value = pair.slice(eq + 1);
            const shownKey = isPlainWord(key) && !holdsSecret(key, secrets) ? key : MASK;
            const masked = CREDENTIAL_KEY.test(key) || holdsSecret(value, secrets) || shownKey === MASK;
            return `${shownKey}=${masked ? MASK : value}`;
          })
          .join('&')}`;
  const fragment = url.fragment === undefined ? '' : `#${holdsSecret(url.fragment, secrets) ? MASK : url.fragment}`;
  return `${scheme}:${url.slashes}${userinfo}${host}${path}${query}${fragment}`;
}

/** `13800138000` → `138****8000`; `+8613800138000` → `+86138****8000`. Shorter numbers keep only their last two digits. */
export function maskMobile(number: string): string {
  if (number.length >= 11) return `${number.slice(0, number.length - 8)}****${number.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, number.length - 2))}${number.slice(-2)}`;
}

/** Text with each of `numbers` shown masked. Longest first, so a number inside a longer one is not cut apart. */
export function hideMobiles(text: string, numbers: readonly string[]): string {
  let out = text;
  for (const number of [...new Set(numbers)].filter((item) => item.length >= 5).sort((a, b) => b.length - a.length))
    out = out.split(number).join(maskMobile(number));
  return out;
}
