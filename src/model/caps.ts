/**
 * Caps on untrusted text. A commit message, release body, test name or job name is written by strangers and can be
 * as large as its container allows (a 25 MB event payload, an 8 MB JUnit report): rendered whole, one such field took
 * minutes and gigabytes (Markdown parsing, escaping, fitting to the provider's limit all grow with it). No provider
 * carries a body longer than 32,000 bytes (ServerChan, the largest; src/providers/<name>/descriptor.ts), so a field
 * cut to MAX_FIELD_CHARS still fills any message, and everything after it runs on bounded text.
 */
import { mapJson } from './json-walk.js';

/** The longest text one field keeps; above every provider's body limit. */
export const MAX_FIELD_CHARS = 32_768;
/** Deeper parts of the context are replaced (json-walk.ts): event payloads are untrusted. */
const MAX_DEPTH = 256;

/**
 * `text` cut to `max` characters with `marker` after it, so a reader sees that it was cut; never splits a
 * surrogate pair. Text within the cap is returned as it is.
 */
export function capText(text: string, max: number, marker: string): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}${marker}`;
}

/** Text for code that looks at a field before the context is capped: as much as a cap keeps, and one more. */
export function preCap(text: string): string {
  return text.length > MAX_FIELD_CHARS + 1 ? text.slice(0, MAX_FIELD_CHARS + 1) : text;
}

/**
 * A copy of a context (or any JSON-like value) with `each` applied to every string first (secret redaction) and
 * every string then capped at MAX_FIELD_CHARS with `marker`; one walk, iterative, bounded in depth.
 */
export function capStrings<T>(value: T, marker: string, each: (text: string) => string = (text) => text): T {
  return mapJson(
    value,
    // `each` sees twice the cap, so a secret that straddles the cut is still whole when it is redacted.
    (item) =>
      typeof item === 'string'
        ? capText(
            each(item.length > 2 * MAX_FIELD_CHARS ? item.slice(0, 2 * MAX_FIELD_CHARS) : item),
            MAX_FIELD_CHARS,
            marker,
          )
        : item,
    MAX_DEPTH,
  ) as T;
}
