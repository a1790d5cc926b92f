/**
 * No URL error, mask or log may show a credential, whatever the URL looks like: every provider's service URL
 * form, and the mistakes users make with them (a misspelt or percent-encoded key, a raw https webhook URL, userinfo
 * where none belongs, a stray `?` or `#`, a malformed escape, a scheme without `//`). Property-based over the
 * credentials, which may hold characters that need percent-encoding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configsFromUrls } from '../../src/notify/fan-out.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { maskServiceUrl, parseServiceUrl } from '../../src/providers/service-url.js';
import { maskUrl, urlCredentials } from '../../src/model/url-safety.js';
import { safeUrl } from '../../src/transport/client.js';
import type { NotifyConfig } from '../../src/model/config.js';

type Form = (token: string, secret: string) => string;

/** Every provider's documented forms (see docs and service-url.test.ts), with T and S as the credentials. */
const FORMS: Record<string, Form> = {
  pushplus: (t) => `pushplus://${t}?topic=ops&channel=wechat`,
  dingtalk: (t, s) => `dingtalk://${t}?secret=${s}&format=card`,
  wecom: (t) => `wecom://${t}?target=@all`,
  feishu: (t, s) => `feishu://${t}?secret=${s}`,
  serverchan: (t) => `serverchan://${t}?channel=9`,
  mobpush: (t, s) => `mobpush://${t}:${s}@/alias/alice,bob`,
  mpaas: (t, s) => `mpaas://${t}:${s}@ONEX570DA89211720/default?target=user:u1`,
  easemob: (t, s) => `easemob://${t}:${s}@a1.easemob.com/1112170810115040/demo?target=user:a`,
};

/** Mistakes, each a function of the credentials (a few still parse: `?` may appear inside a query value). */
const MALFORMED: Form[] = [
  // Misspelt, odd or percent-encoded keys.
  (t, s) => `dingtalk://${t}?sec=${s}`,
  (t, s) => `dingtalk://${t}?secret+=${s}`,
  (t, s) => `dingtalk://${t}?sec%72et=${s}`,
  (t, s) => `feishu://${t}?secret%2B=${s}`,
  (t, s) => `feishu://${t}?Secret=${s}`,
  (t, s) => `dingtalk://${t}?secret=${s}&bogus=${s}`,
  (t, s) => `dingtalk://${t}?${s}`,
  (t, s) => `dingtalk://${t}?secret%3D${s}`,
  (t, s) => `pushplus://${t}?token=${s}`,
  (t, s) => `mobpush://${t}:${s}@/all?key=${s}`,
  // Extra `?` and `#`.
  (t, s) => `dingtalk://${t}?secret=${s}?format=card`,
  (t, s) => `dingtalk://${t}??secret=${s}`,
  (t, s) => `feishu://${t}?secret=${s}#frag`,
  (t, s) => `feishu://${t}#${s}`,
  (t, s) => `wecom://${t}?x=1#?secret=${s}`,
  // Userinfo where none belongs, a missing '@', a path where none belongs.
  (t, s) => `wecom://user:${s}@${t}`,
  (t, s) => `dingtalk://${s}@${t}`,
  (t, s) => `mobpush://${t}:${s}/all`,
  (t, s) => `mpaas://${t}:${s}/APP/ws`,
  (t, s) => `easemob://${t}:${s}`,
  (t, s) => `pushplus://${t}/${s}`,
  (t, s) => `serverchan://${t}/${s}.send`,
  // Malformed escapes.
  (t, s) => `dingtalk://${t}?secret=${s}%zz`,
  (t, s) => `dingtalk://${t}%?secret=${s}`,
  (t, s) => `mpaas://${t}:${s}%E0%A4%A@APP/ws`,
  // Scheme typos and missing slashes.
  (t, s) => `dingding://${t}?secret=${s}`,
  (t, s) => `DingTalk://${t}?sec=${s}`,
  (t, s) => `dingtalk:/${t}?secret=${s}`,
  (t, s) => `dingtalk:${t}?secret=${s}`,
  (t, s) => `feishu:///${t}?secret=${s}`,
  // Raw https webhook URLs of each robot, where a service URL belongs.
  (t, s) => `https://oapi.dingtalk.com/robot/send?access_token=${t}&secret=${s}`,
  (t) => `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${t}`,
  (t) => `https://open.feishu.cn/open-apis/bot/v2/hook/${t}`,
  (t) => `https://open.larksuite.com/open-apis/bot/v2/hook/${t}`,
  (t) => `https://sctapi.ftqq.com/${t}.send`,
  (t) => `https://12345.push.ft07.com/send/${t}.send`,
  (t) => `http://www.pushplus.plus/send?token=${t}`,
  (t) => `http://www.pushplus.plus/send/${t}`,
  (t, s) => `https://${t}:${s}@oapi.dingtalk.com/robot/send`,
  (t, s) => `  https://oapi.dingtalk.com/robot/send?access_token=${t}#${s}  `,
];

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Realistic credentials: letters and digits (at least one of each), sometimes with characters that need escaping. */
const credential = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...ALPHANUMERIC), minLength: 8, maxLength: 40 }),
    fc.constantFrom('', '-', '_', '+', '/', '=', '%', '#', '?', '@', ':', '&', '~'),
    fc.nat({ max: 7 }),
  )
  .map(([text, extra, at]) => `${text.slice(0, at)}${extra}${text.slice(at)}`)
  .filter((value) => /\d/.test(value) && /[A-Za-z]/.test(value));

/** The credential as written in a URL: as is when it needs no escaping, else percent-encoded (both ways). */
const written = (value: string, full: boolean) =>
  full
    ? [...new TextEncoder().encode(value)]
        .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
        .join('')
    : encodeURIComponent(value);

/** Every form a credential can take in output: as is, percent-encoded (both ways), base64, JSON-escaped. */
function forms(value: string): string[] {
  return [
    value,
    encodeURIComponent(value),
    written(value, true),
    Buffer.from(value).toString('base64'),
    JSON.stringify(value).slice(1, -1),
  ];
}

function leaks(text: string, credentials: readonly string[]): string[] {
  return credentials.flatMap(forms).filter((form) => text.includes(form));
}

async function errorOf(action: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await action();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const BASE = { provider: '', notifyOn: [], options: {} } as unknown as NotifyConfig;

describe('no credential in any URL message (property)', () => {
  const cases = [
    ...Object.entries(FORMS).map(([name, form]) => ({ name, form, valid: true })),
    ...MALFORMED.map((form, index) => ({ name: `malformed ${index}: ${form('T', 'S')}`, form, valid: false })),
  ];

  it('errors, masks and safe URLs never show a credential or its encodings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        credential,
        credential,
        fc.boolean(),
        async ({ form, valid }, token, secret, full) => {
          const url = form(written(token, full), written(secret, full));
          const credentials = [token, secret];
          const error = await errorOf(() => parseServiceUrl(url));
          if (valid) expect(error, url).toBeUndefined();
          const shown = [maskServiceUrl(url), maskUrl(url), safeUrl(url), error ?? ''];
          // With the registry as the action and the CLI fill it (every URL line before parsing): still nothing.
          const secrets = new SecretRegistry();
          secrets.add(url);
          const fanOutError = await errorOf(() => configsFromUrls(BASE, ['pushplus://placeholder0', url]));
          shown.push(secrets.redact(fanOutError ?? ''));
          for (const text of shown) expect(leaks(text, credentials), `${url} → ${text}`).toEqual([]);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('registers every credential of a URL, even one that does not parse', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), credential, credential, async ({ form }, token, secret) => {
        const url = form(encodeURIComponent(token), encodeURIComponent(secret));
        const secrets = new SecretRegistry();
        secrets.add(url);
        const inUrl = [token, secret].filter((value) => url.includes(encodeURIComponent(value)));
        // Wherever a credential shows up later (a log, a reply), on its own or encoded, it is masked.
        const registered = (value: string) => [
          value,
          encodeURIComponent(value),
          Buffer.from(value).toString('base64'),
          JSON.stringify(value).slice(1, -1),
        ];
        const text = inUrl.flatMap((value) => registered(value).map((item) => `<${item}>`)).join(' ');
        const redacted = secrets.redact(text);
        for (const value of inUrl) for (const item of registered(value)) expect(redacted, url).not.toContain(item);
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps what is safe to show: scheme, address host, path shape, plain query keys', () => {
    expect(maskUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123def456')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=***',
    );
    expect(maskUrl('dingtalk:/T0ken123?secret=S3cret99')).toBe('dingtalk:/***?secret=***');
    expect(maskUrl('not a url at all')).toBe('*** (not a URL, 16 characters)');
    // Settings of a service URL are not credentials: masking them everywhere would garble every log.
    expect(urlCredentials('pushplus://tok0123456?topic=ops&channel=wechat&format=markdown')).toEqual(['tok0123456']);
  });
});
