import { BARE_URL, escapeMarkdown } from './escape.js';
import { lex, toPlainText } from './markdown.js';

/** A size limit as the service counts it: characters (Unicode code points) or UTF-8 bytes. */
export interface TextLimit {
  max: number;
  unit: 'chars' | 'bytes';
}

export interface MessageLimits {
  title?: TextLimit;
  body: TextLimit;
}

export function measure(text: string, unit: TextLimit['unit']): number {
  if (unit === 'bytes') return Buffer.byteLength(text, 'utf8');
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function fits(text: string, limit: TextLimit): boolean {
  return measure(text, limit.unit) <= limit.max;
}

// Built on first use: constructing a segmenter loads ICU break data (~10 ms), and most messages fit unsplit.
let segmenter: Intl.Segmenter | undefined;

/** Grapheme clusters, so an emoji with modifiers or a CJK character is never split. */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}

/** Cuts plain text to the limit at a grapheme boundary, ending with `marker` when anything was cut. */
export function truncateText(text: string, limit: TextLimit, marker = '…'): string {
  if (fits(text, limit)) return text;
  const parts = graphemes(text);
  const markerSize = measure(marker, limit.unit);
  if (markerSize > limit.max) return '';
  let size = 0;
  let end = 0;
  for (; end < parts.length; end++) {
    const next = measure(parts[end]!, limit.unit);
    if (size + next + markerSize > limit.max) break;
    size += next;
  }
  let kept = parts.slice(0, end).join('').trimEnd();
  // The cut itself must not write a mention: `@all0` cut after `@all`, `@all@all` after `@all@`, `<atlas` after
  // `<at` or `<@U1` after `<@` would each read as one once the marker follows. Giving back one more grapheme
  // keeps the text within the limit, where inserting a word joiner would not.
  while (kept && cutWritesMention(text, kept + marker, kept.length))
    kept = graphemes(kept).slice(0, -1).join('').trimEnd();
  return kept + marker;
}

/**
 * The mention forms `neutralizeMentions` breaks (escape.ts), as one pattern. The blanks after `<` are matched
 * atomically (`(?=(\s*))\1`), so a `<` followed by a long run of blanks is read once, not once per split.
 */
const MENTION_FORM =
  '(?<![\\w.+\\-@])@(?:all(?!(?!https?:\\/\\/)\\w|[.\\-@]\\w)|所有人)|<(?=(\\s*))\\1\\/?(?=(\\s*))\\2(?:@|at\\b)';
const MENTION_ANYWHERE = new RegExp(MENTION_FORM, 'giu');
const MENTION_HERE = new RegExp(MENTION_FORM, 'iuy');

/**
 * Whether `cut` (a prefix of `original` ending at `end`, then the marker) holds a mention near its end that
 * `original` does not hold at the same place: one the cut wrote. A mention that was there before is not the
 * cut's doing (and was neutralised, or meant, upstream).
 */
function cutWritesMention(original: string, cut: string, end: number): boolean {
  MENTION_ANYWHERE.lastIndex = 0;
  for (let match = MENTION_ANYWHERE.exec(cut); match; match = MENTION_ANYWHERE.exec(cut)) {
    // A pattern looks at most two characters past its match (`[.\-@]\w`): only a match that reaches the cut.
    if (match.index + match[0].length + 2 < end) continue;
    MENTION_HERE.lastIndex = match.index;
    if (!MENTION_HERE.test(original)) return true;
  }
  return false;
}

/** Units a partial block may be cut between: a URL is one unit (never half a link), other text by grapheme. */
function cutUnits(text: string): string[] {
  return text
    .split(BARE_URL)
    .flatMap((piece, i) => (i % 2 === 1 ? [`<${piece}>`] : graphemes(piece).map(escapeMarkdown)));
}

export interface FitOptions {
  /** Renders a Markdown source into the final payload text (a dialect string, or a JSON body). */
  render: (markdown: string) => string;
  limit: TextLimit;
  /** Markdown appended when anything was cut: a visible marker and the run link. */
  tail: string;
}

/**
 * Renders Markdown and, when the result is over the limit, drops content from the end of the source, never
 * inside a link, a tag or a grapheme, then appends the tail (marker and link) so nothing is silently lost.
 * Whole blocks are kept first; the first block that does not fit is cut as plain text.
 */
export function fitMarkdown(
  markdown: string,
  { render, limit, tail }: FitOptions,
): { text: string; truncated: boolean } {
  const whole = render(markdown);
  if (fits(whole, limit)) return { text: whole, truncated: false };

  const blocks = lex(markdown).map((token) => token.raw.trim());
  const attempt = (source: string) => render(`${source}\n\n${tail}`.trim());
  const build = (count: number) => blocks.slice(0, count).join('\n\n');

  // Largest number of whole blocks that fit with the tail.
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(attempt(build(mid)), limit)) low = mid;
    else high = mid - 1;
  }
  let kept = build(low);

  // Then as much of the next block as fits, as escaped plain text.
  const next = blocks[low];
  if (next !== undefined) {
    const parts = cutUnits(toPlainText(next).replace(/\s+/g, ' '));
    let lo = 0;
    // Every unit renders to at least one character (byte) of output, so no more than `limit.max` of them can
    // fit: the search then renders sources the size of the limit, not of a 100 KB paragraph.
    let hi = Math.min(parts.length, limit.max);
    const withPartial = (count: number) => `${kept}\n\n${parts.slice(0, count).join('').trimEnd()}…`.trim();
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(attempt(withPartial(mid)), limit)) lo = mid;
      else hi = mid - 1;
    }
    if (lo > 0) kept = withPartial(lo);
  }

  const result = attempt(kept);
  if (fits(result, limit)) return { text: result, truncated: true };
  // The tail alone does not fit (a tiny limit): as much of the text as fits, rendered (so no tag or link is
  // cut), with a marker. Only when not even the marker fits is the output cut as text.
  const units = cutUnits(toPlainText(markdown).replace(/\s+/g, ' '));
  const short = (count: number) => render(`${units.slice(0, count).join('').trimEnd()}…`);
  let lo = 0;
  let hi = Math.min(units.length, limit.max);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(short(mid), limit)) lo = mid;
    else hi = mid - 1;
  }
  const minimal = short(lo);
  return { text: fits(minimal, limit) ? minimal : truncateText(toPlainText('…'), limit), truncated: true };
}
