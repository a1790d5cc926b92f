/**
 * What the four chat robots (DingTalk, WeCom, Feishu, ServerChan) share: a `token` that may be the bare key or
 * the whole webhook URL, `@` mentions in `target`, and a reply whose business code decides success.
 */
import { isPlainObject } from '../model/config.js';
import { ConfigError } from '../model/errors.js';
import { truncationTail, type Message } from '../render/message.js';
import { fitMarkdown, fits, truncateText, type TextLimit } from '../render/limits.js';
import { lex, toPlainText } from '../render/markdown.js';
import { httpFailure, notJsonFailure } from '../transport/transport.js';
import type { HttpReply, Verdict } from '../transport/types.js';
import { explainCode, type CodeEntry } from './codes.js';

export interface WebhookToken {
  /** The bare key/access token the service routes on. */
  key: string;
  /** Origin of a pasted webhook URL (`https://host[:port]`), when the token was one. */
  origin?: string;
  /** Host of a pasted webhook URL. */
  host?: string;
}

export interface WebhookTokenRule {
  /** Provider name, for messages. */
  provider: string;
  /** Does a pasted URL's host belong to the service? */
  ownHost(host: string): boolean;
  /** Pulls the key out of a pasted URL on the service's host, or undefined when the URL is not a webhook URL. */
  keyFromUrl(url: URL): string | undefined;
  /** What a bare key looks like. */
  bareKey: RegExp;
  /** The expected forms, for messages. */
  expected: string;
  /** True when `endpoint` is set: the request goes there whatever host a pasted URL names. */
  endpointSet: boolean;
}

/**
 * Reads `token` as a bare key or a full webhook URL. A URL on a host that is not the service's own is refused
 * (unless `endpoint` redirects every request anyway): a pasted URL must never send the message to an arbitrary host.
 */
export function parseWebhookToken(raw: string | undefined, rule: WebhookTokenRule): WebhookToken {
  const token = raw?.trim();
  if (!token) throw new ConfigError('token', `is required for ${rule.provider}`, rule.expected);
  if (!/^https?:\/\//i.test(token)) {
    if (!rule.bareKey.test(token))
      throw new ConfigError('token', `does not look like a ${rule.provider} key or webhook URL`, rule.expected);
    return { key: token };
  }
  let url: URL;
  try {
    url = new URL(token);
  } catch {
    throw new ConfigError('token', 'looks like a URL but cannot be parsed', rule.expected);
  }
  const host = url.hostname.toLowerCase();
  if (!rule.endpointSet && !rule.ownHost(host)) {
    throw new ConfigError(
      'token',
      `is a webhook URL on '${host}', which is not a ${rule.provider} host; nothing was sent there`,
      `${rule.expected} (set \`endpoint\` to send through a proxy)`,
    );
  }
  if (!rule.endpointSet && url.protocol !== 'https:')
    throw new ConfigError('token', `webhook URL must use https`, rule.expected);
  const key = rule.keyFromUrl(url);
  if (!key || !rule.bareKey.test(key))
    throw new ConfigError('token', `URL has no ${rule.provider} key where the service puts it`, rule.expected);
  return { key, origin: url.origin, host };
}

export { parseMentions, targetLabel, type MentionKind, type Mentions } from './mentions.js';

/**
 * Reads a robot reply: HTTP status, then the business code in the body (`errcode`, `code`, or Feishu's older
 * `StatusCode`). HTTP 200 with a non-zero code is a failure carrying the code, its meaning and a hint.
 */
export function robotVerdict(
  reply: HttpReply,
  provider: string,
  read: (body: Record<string, unknown>) => { code: number; message: string } | undefined,
  explain: (code: number, message: string) => CodeEntry | undefined,
  id?: (body: Record<string, unknown>) => string | undefined,
): Verdict {
  const body = reply.json;
  const fields = isPlainObject(body) ? read(body) : undefined;
  if (!fields || !Number.isFinite(fields.code)) return httpFailure(reply) ?? notJsonFailure(reply);
  const { code, message } = fields;
  if (code === 0 && reply.status >= 200 && reply.status < 300)
    return { ok: true, code, id: id && isPlainObject(body) ? id(body) : undefined };
  if (code === 0) return httpFailure(reply) ?? notJsonFailure(reply);
  return explainCode(provider, {}, code, message, { status: reply.status, entry: explain(code, message) });
}

/** A number from a reply field that may be a number or a numeric string. */
export function numberField(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/**
 * Fits a message whose size limit applies to the whole JSON body: `build` turns a Markdown source into the
 * body object, and content is dropped from the end of the source (with a visible marker and the link) until
 * the serialized body fits. A body that cannot fit even then (huge `options`) is an input error, never a
 * truncated JSON string.
 */
export function fitJsonBody(
  message: Message,
  limit: TextLimit,
  build: (markdown: string) => Record<string, unknown>,
  without?: BodyWithout,
): Record<string, unknown> {
  const text = fitMarkdown(message.markdown, {
    render: (markdown) => JSON.stringify(build(markdown)),
    limit,
    tail: truncationTail(message),
  }).text;
  try {
    const body: unknown = JSON.parse(text);
    if (isPlainObject(body) && fits(text, limit)) return body;
  } catch {
    // Cut inside the JSON: reported below.
  }
  throw crowdedOut(limit, build, without);
}

/**
 * The body rebuilt without one input's contribution (`target`: no mentions; `options`: no options), so a body
 * that cannot fit is blamed on the input that fills it rather than always on `options`.
 */
export type BodyWithout = Partial<Record<'target' | 'options', (markdown: string) => Record<string, unknown>>>;

function bodySize(build: (markdown: string) => Record<string, unknown>): number {
  try {
    return Buffer.byteLength(JSON.stringify(build('')), 'utf8');
  } catch {
    // A body that cannot be built without this input (a card that needs its options): it is not the cause.
    return Infinity;
  }
}

/** The input error for a body that leaves no room for the message: the input whose part of the body is largest. */
function crowdedOut(
  limit: TextLimit,
  build: (markdown: string) => Record<string, unknown>,
  without: BodyWithout = {},
): ConfigError {
  const full = bodySize(build);
  let blamed: 'target' | 'options' = 'options';
  let largest = 0;
  for (const [input, rebuild] of Object.entries(without) as ['target' | 'options', BodyWithout['target']][]) {
    const share = full - bodySize(rebuild!);
    if (share > largest) {
      largest = share;
      blamed = input;
    }
  }
  const room = `leave no room for the message within the service's ${limit.max}-${limit.unit} limit`;
  return blamed === 'target'
    ? new ConfigError('target', `mentions ${room}`, 'fewer mentions (@all reaches everyone in one)')
    : new ConfigError('options', room, 'smaller `options` values');
}

/** Robots without a signing scheme: a `secret` means the user expects signing that will not happen. */
export function refuseSecret(secret: string | undefined, provider: string): void {
  if (secret?.trim())
    throw new ConfigError('secret', `${provider} has no signing secret; it would be ignored`, 'no `secret` input');
}

/**
 * A one-line plain summary of a Markdown body for short fields (WeCom card sub-title, ServerChan `short`):
 * a leading heading is dropped (the title already says it) and link targets are left out.
 */
export function summaryLine(markdown: string, limit: TextLimit): string {
  const tokens = lex(markdown);
  const rest = tokens[0]?.type === 'heading' && tokens.length > 1 ? tokens.slice(1) : tokens;
  const plain = toPlainText(rest.map((token) => token.raw).join('\n\n'))
    // Only where a run of blanks starts (`(?<!\s)`), and the address stops at the next parenthesis (safeHref
    // encodes them): a leading `\s*` tried at every blank, or `[^\s)]+` running over later `(https://`, made
    // this quadratic on long runs of spaces.
    .replace(/(?<!\s)\s*\(https?:\/\/[^\s()]+\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return truncateText(plain, limit);
}
