import type { MentionRole, People } from './people.js';
import { ConfigError } from './errors.js';
import { own } from './own.js';

/** The languages of the fixed words (the words themselves are in src/render/locale.ts). */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Everything a notification needs, independent of where it was read from (action inputs, CLI flags, a URL). */
export interface NotifyConfig {
  /** Provider name as registered, e.g. `pushplus`, `dingtalk`. */
  provider: string;
  /** Primary credential: pushplus user token, robot access token or webhook URL, AppKey, AccessKeyId, client id. */
  token?: string;
  /** Second credential: signing secret, AppSecret, AccessKeySecret, client secret. */
  secret?: string;
  /** Provider application id (mPaaS AppId, Easemob `org#app`). */
  appId?: string;
  /** The App Secret of the Feishu app whose `app-id` the Feishu robot uploads images with. */
  appSecret?: string;
  /** mPaaS workspace id. */
  workspaceId?: string;
  /** Replaces scheme, host and port of the provider's official base URL. */
  endpoint?: string;
  /** Delivery channel, provider specific (pushplus `wechat`, MobPush platforms, mPaaS notify type …). */
  channel?: string;
  /** Message format, provider specific (`markdown`, `card`, `html` …). */
  format?: string;
  /** Preset name, inline Liquid template, or `file:path`. @default 'auto' */
  template: string;
  /** Title template; the preset gives one when empty. */
  title?: string;
  /** Recipients, provider specific (`topic:CODE`, `@all`, `alias:a,b` …). */
  target?: string;
  /** Provider-specific options merged into the request body. */
  options: Record<string, unknown>;
  /** A message id from an earlier step to update in place instead of posting (application channels). */
  updateMessage?: string;
  /** A message id to reply to, in its thread (application channels). */
  replyTo?: string;
  /** Job statuses or run states to notify on; empty means always. */
  notifyOn: string[];
  dryRun: boolean;
  failOnError: boolean;
  /** Per-request timeout in milliseconds. @default 10000 */
  timeoutMs: number;
  /** Retries after the first attempt. @default 3 */
  retries: number;
  /** Overall deadline for all deliveries of the run, in milliseconds. */
  deadlineMs: number;
  /** Milliseconds to follow an accepted message until it is delivered; 0 = off. */
  waitForDeliveryMs: number;
  /** Overrides the provider's declared rate limit (plans with a higher quota, or an unverified limit). */
  rateLimit?: { requests: number; perMs: number };
  summary: boolean;
  /** Language of the presets' words, state names, durations and dates: `zh-CN` or `en`. @default 'zh-CN' */
  locale?: Locale;
  /** IANA time zone of every time shown and of the `date` filter. @default 'Asia/Shanghai' */
  timezone?: string;
  /** `people` as given: YAML/JSON mapping from login to mentions and e-mails, or `file:PATH`. */
  people?: string;
  /** `people` once read (notifyMany reads it once for every destination). */
  peopleMap?: People;
  /** Whom to look up in `people`. @default ['author', 'actor'] */
  mention?: MentionRole[];
  /** States in which the responsible people are mentioned. @default ['failure', 'still-failing'] */
  mentionOn?: string[];
  /** `image`, `qr`, `file`, `install` as given (read by notify/media.ts only when one is set). */
  media?: MediaInputs;
}

/** The media inputs as given: paths and globs in the workspace, URLs, an app-distribution result. */
export interface MediaInputs {
  image?: string;
  qr?: string;
  file?: string;
  install?: string;
}

export const DEFAULTS = {
  template: 'auto',
  timeoutSeconds: 10,
  retries: 3,
} as const;

export function parseBoolean(input: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(value)) return true;
  if (['false', 'no', '0', 'off'].includes(value)) return false;
  throw new ConfigError(input, `'${raw}' is not a boolean`, 'true or false');
}

export function parseNumber(
  input: string,
  raw: string | undefined,
  fallback: number,
  { min, max, integer, unit }: { min: number; max: number; integer?: boolean; unit?: string },
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const text = raw.trim();
  const expected = `${integer ? 'a whole number' : 'a number'}${unit ? ` of ${unit}` : ''} from ${min} to ${max}`;
  // Only plain decimal numbers: Number() would also take '0x10', '1e3' or 'Infinity'.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) {
    // `10s`, `2 min`: a number with a unit. The unit is part of the input's meaning (seconds for timeouts).
    const withUnit = /^[+-]?(\d+\.?\d*|\.\d+)\s*[a-z]+$/i.test(text);
    throw new ConfigError(
      input,
      `'${raw}' is not a number${withUnit ? ` (write the number alone${unit ? `, in ${unit}` : ''}, without a unit)` : ''}`,
      expected,
    );
  }
  const value = Number(text);
  if (integer && !Number.isInteger(value)) throw new ConfigError(input, `'${raw}' is not a whole number`, expected);
  if (value < min || value > max) throw new ConfigError(input, `'${raw}' is out of range`, expected);
  return value;
}

/** Splits a comma- or newline-separated list, dropping blanks. */
export function parseList(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Splits the `urls` input / CI_NOTIFIER_URL: one URL per line; blank lines and `#` comment lines are skipped. */
export function parseUrlList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** A plain object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep merge for `options`: user values win; objects merge recursively; arrays and scalars replace.
 * `__proto__`/`constructor`/`prototype` keys are dropped so a hostile `options` cannot pollute prototypes.
 */
export function deepMerge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** Drops undefined fields, so templates and JSON never see "undefined". */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** Removes the listed keys from `options` (keys the adapter consumed itself and must not merge into the body). */
export function omitKeys(options: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) if (!keys.includes(key)) out[key] = value;
  return out;
}

const RATE_UNITS: Record<string, number> = {
  s: 1000,
  sec: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
};

/** `20/min`, `5/s`, `100/second`, `1000/h` → requests per window. */
export function parseRateLimit(
  input: string,
  raw: string | undefined,
): { requests: number; perMs: number } | undefined {
  if (!raw?.trim()) return undefined;
  const match = /^\s*(\d+)\s*\/\s*([a-z]+)\s*$/i.exec(raw);
  const perMs = match ? own(RATE_UNITS, match[2]!.toLowerCase()) : undefined;
  const requests = match ? Number(match[1]) : 0;
  if (!perMs || requests < 1)
    throw new ConfigError(input, `'${raw}' is not a rate`, "requests per unit, such as '20/min' or '5/s'");
  return { requests, perMs };
}
