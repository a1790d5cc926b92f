/**
 * The one place that knows every secret of a run: credential inputs, and values derived or fetched later
 * (signatures, app tokens, access keys). Everything that leaves the process (logs, errors, outputs, summary,
 * dry-run output) goes through `redact`.
 */
import { mapJson } from './json-walk.js';

export type SecretSink = (value: string) => void;

const MIN_SECRET_LENGTH = 4;
export const MASK = '***';
/** Deeper parts of a value are replaced, not redacted (see json-walk.ts). */
const MAX_REDACT_DEPTH = 256;

export class SecretRegistry {
  private readonly values = new Set<string>();
  private sorted: string[] = [];
  private readonly sinks: SecretSink[] = [];

  constructor(sink?: SecretSink) {
    if (sink) this.sinks.push(sink);
  }

  /** Registers a secret and the encodings it is likely to appear in (URL-encoded, base64, JSON-escaped). */
  add(value: string | undefined | null): void {
    if (!value) return;
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

  redact(text: string): string {
    let out = text;
    for (const secret of this.sorted) {
      if (out.includes(secret)) out = out.split(secret).join(MASK);
    }
    return out;
  }

  /**
   * Deep copy of a JSON-like value with every string redacted. Iterative, and cut below MAX_REDACT_DEPTH levels:
   * provider replies are untrusted and may nest deeper than the call stack allows.
   */
  redactValue<T>(value: T): T {
    return mapJson(value, (item) => (typeof item === 'string' ? this.redact(item) : item), MAX_REDACT_DEPTH) as T;
  }
}
