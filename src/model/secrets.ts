/**
 * The one place that knows every secret of a run: credential inputs, and values derived or fetched later
 * (signatures, app tokens, access keys). Everything that leaves the process (logs, errors, outputs, summary,
 * dry-run output) goes through `redact`.
 */
import { mapJson } from './json-walk.js';
import { URL_LIKE, urlCredentials } from './url-safety.js';

export type SecretSink = (value: string) => void;

const MIN_SECRET_LENGTH = 4;
export const MASK = '***';
/** The mask inside Markdown source: shows as *** and never turns into emphasis or a horizontal rule. */
export const MARKDOWN_MASK = '\\*\\*\\*';
/** Deeper parts of a value are replaced, not redacted (see json-walk.ts). */
const MAX_REDACT_DEPTH = 256;

export class SecretRegistry {
  private readonly values = new Set<string>();
  private sorted: string[] = [];
  private readonly sinks: SecretSink[] = [];

  constructor(sink?: SecretSink) {
    if (sink) this.sinks.push(sink);
  }

  /**
   * Registers a secret and the encodings it is likely to appear in (URL-encoded, base64, JSON-escaped). A value
   * that is a URL (a service URL, a pasted webhook URL) also registers each credential in it, parsed loosely, so
   * the key alone is masked wherever it shows up, even when the URL itself is malformed.
   */
  add(value: string | undefined | null): void {
    if (!value) return;
    this.addOne(value);
    if (URL_LIKE.test(value)) for (const part of urlCredentials(value)) this.addOne(part);
  }

  private addOne(value: string): void {
    const trimmed = value.trim();
    if (trimmed.length < MIN_SECRET_LENGTH) {
      // Too short to scrub without mangling unrelated text; still hand it to the runner's masker.
      for (const sink of this.sinks) sink(value);
      return;
    }
    const variants = new Set([value, trimmed, encodeURIComponent(trimmed), Buffer.from(trimmed).toString('base64')]);
    const jsonEscaped = JSON.stringify(trimmed).slice(1, -1);
    variants.add(jsonEscaped);
    let added = false;
    for (const variant of variants) {
      if (variant.length >= MIN_SECRET_LENGTH && !this.values.has(variant)) {
        this.values.add(variant);
        for (const sink of this.sinks) sink(variant);
        added = true;
      }
    }
    if (added) this.sorted = [...this.values].sort((a, b) => b.length - a.length);
  }

  has(value: string): boolean {
    return this.values.has(value);
  }

  get size(): number {
    return this.values.size;
  }

  /** `text` with every known secret replaced by `mask` (a Markdown body passes an escaped one, `\\*\\*\\*`). */
  redact(text: string, mask: string = MASK): string {
    let out = text;
    for (const secret of this.sorted) {
      if (out.includes(secret)) out = out.split(secret).join(mask);
    }
    return out;
  }

  /**
   * Cuts already-redacted text to `max` characters. A tail that is the start of a secret (at least 4 characters:
   * the text held only part of it, or the cut fell inside an echo of it) is masked too, so no fragment survives.
   * Redact first, then cut: cutting first can split a secret so that `redact` no longer recognises it.
   */
  cut(text: string, max: number): string {
    if (text.length <= max) return text;
    const kept = text.slice(0, max);
    let longest = 0;
    for (const secret of this.sorted) {
      for (let length = Math.min(secret.length - 1, kept.length); length > longest; length--) {
        if (length < MIN_SECRET_LENGTH) break;
        if (kept.endsWith(secret.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest > 0 ? `${kept.slice(0, kept.length - longest)}${MASK}` : kept;
  }

  /**
   * Deep copy of a JSON-like value with every string redacted. Iterative, and cut below MAX_REDACT_DEPTH levels:
   * provider replies are untrusted and may nest deeper than the call stack allows.
   */
  redactValue<T>(value: T): T {
    return mapJson(value, (item) => (typeof item === 'string' ? this.redact(item) : item), MAX_REDACT_DEPTH) as T;
  }
}
