/**
 * Reading an untrusted JSON document (a GitHub event payload, up to GitHub's 25 MB webhook limit) without ever
 * holding its huge strings. `JSON.parse(await readFile(path, 'utf8'))` made two copies of a 25 MB commit message or
 * release body (the file as one string, then the value; two bytes a character once the text holds CJK): about
 * +95 MB before anything was rendered, of which a field keeps MAX_FIELD_CHARS (model/caps.ts). Here the bytes are
 * scanned first and every string literal longer than the cap is shortened in the bytes, so JSON.parse only ever
 * builds strings of bounded length and the 25 MB text never becomes a JavaScript string.
 */
import { MAX_FIELD_CHARS } from './caps.js';

/**
 * The characters (UTF-16 code units) a string keeps when the event is read: what `capStrings` looks at (twice the
 * cap, so a secret straddling the cut is still whole when it is redacted), so capping the read string gives the
 * same text, cut mark included, as capping the whole one.
 */
export const MAX_READ_CHARS = 2 * MAX_FIELD_CHARS;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Bytes of the JSON string content at `at` that make one step, and the UTF-16 code units they decode to. */
function step(bytes: Buffer, at: number): [size: number, units: number] {
  const byte = bytes[at]!;
  if (byte === BACKSLASH) return bytes[at + 1] === 0x75 /* u */ ? [6, 1] : [2, 1];
  if (byte < 0x80) return [1, 1];
  if (byte >= 0xf0) return [4, 2];
  if (byte >= 0xe0) return [3, 1];
  if (byte >= 0xc0) return [2, 1];
  // A stray continuation byte (invalid UTF-8) decodes to U+FFFD.
  return [1, 1];
}

/**
 * `json` (UTF-8 bytes) with every string literal, keys included, that decodes to more than `maxUnits` UTF-16 code
 * units cut to its first `maxUnits` units or fewer (never inside an escape sequence or a UTF-8 character, so the
 * document stays valid JSON and the kept text is a prefix of the original). One linear pass; the same bytes are
 * returned when nothing is cut. Malformed JSON is left for JSON.parse to reject.
 */
export function cutLongJsonStrings(bytes: Buffer, maxUnits: number = MAX_READ_CHARS): Buffer {
  const kept: Buffer[] = [];
  let copied = 0;
  // Outside a string no byte can be a quote other than one that opens a string.
  let open = bytes.indexOf(QUOTE);
  while (open >= 0) {
    const start = open + 1;
    let close = bytes.indexOf(QUOTE, start);
    // A quote after an odd number of backslashes is part of the text.
    while (close >= 0) {
      let slashes = 0;
      while (close - 1 - slashes >= start && bytes[close - 1 - slashes] === BACKSLASH) slashes++;
      if (slashes % 2 === 0) break;
      close = bytes.indexOf(QUOTE, close + 1);
    }
    if (close < 0) break;
    // A string of at most maxUnits bytes decodes to at most maxUnits units: only longer ones are walked.
    if (close - start > maxUnits) {
      let at = start;
      let units = 0;
      for (;;) {
        const [size, count] = step(bytes, at);
        if (units + count > maxUnits || at + size > close) break;
        at += size;
        units += count;
      }
      if (at < close) {
        kept.push(bytes.subarray(copied, at));
        copied = close;
      }
    }
    open = bytes.indexOf(QUOTE, close + 1);
  }
  if (copied === 0) return bytes;
  kept.push(bytes.subarray(copied));
  return Buffer.concat(kept);
}

/** An event payload file's bytes parsed, strings above MAX_READ_CHARS cut first; throws as JSON.parse does. */
export function parseUntrustedJson(json: Buffer): unknown {
  return JSON.parse(cutLongJsonStrings(json).toString('utf8')) as unknown;
}
