import { BARE_URL, MENTION_FORMS, escapeMarkdown } from './escape.js';
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
  while (kept && cutWritesMention(text, kept + marker)) kept = graphemes(kept).slice(0, -1).join('').trimEnd();
  return kept + marker;
}

/** The mention forms of `neutralizeMentions`, tried at one place of a text. */
const MENTION_HERE = new RegExp(MENTION_FORMS.source, 'iy');

/**
 * Whether `cut` (a prefix of `original`, then the marker) holds a mention that `original` does not hold at the
 * same place: one the cut wrote. A mention that was there before is not the cut's doing (and was neutralised, or
 * meant, upstream).
 */
function cutWritesMention(original: string, cut: string): boolean {
  for (const match of cut.matchAll(MENTION_FORMS)) {
    MENTION_HERE.lastIndex = match.index;
    if (!MENTION_HERE.test(original)) return true;
  }
  return false;
}

/**
 * The first `max` units a partial block may be cut between: a URL is one unit (never half a link), other text by
 * grapheme. Graphemes are segmented lazily, so a 32K-character field is not split whole for a few hundred units.
 */
function cutUnits(text: string, max: number): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const units: string[] = [];
  const pieces = text.split(BARE_URL);
  for (let i = 0; i < pieces.length && units.length < max; i++) {
    if (i % 2 === 1) {
      units.push(`<${pieces[i]}>`);
      continue;
    }
    for (const { segment } of segmenter.segment(pieces[i]!)) {
      if (units.length >= max) break;
      units.push(escapeMarkdown(segment));
    }
  }
  return units;
}

/**
 * The largest count in [low, high] whose rendered size is within `max` (`low` when none above it is), for a size
 * that grows with the count. Guesses come from the sizes already measured: first as if each unit added one to the
 * size of `low`, then by interpolation between the largest count that fits and the smallest that does not, so a
 * body that overflows by any amount takes a handful of renders rather than log2 of its length (about 15 for a
 * 32K-character field, each a Markdown render of up to the limit). After log2 of the range such guesses it
 * bisects, so a size that grows unevenly still takes at most about twice a bisection's renders.
 */
export function largestWithin(low: number, high: number, max: number, sizeAt: (count: number) => number): number {
  if (low >= high) return low;
  // How far each known end is from the limit (at or under it at `low`, over it at `over`), and a weight that halves
  // while the other end keeps moving (the Illinois rule: uneven units otherwise leave one end stuck).
  let under = max - sizeAt(low);
  let over = high + 1;
  let excess: number | undefined;
  let underWeight = 1;
  let excessWeight = 1;
  let lastFitted: boolean | undefined;
  // Guesses by estimate, then (a size that grows unevenly) by bisection: never more than about twice its renders.
  let estimates = Math.ceil(Math.log2(high - low + 1)) + 1;
  while (low < high) {
    // Until a count is seen too large, the estimate is "one unit, one more character (byte)".
    const estimate =
      excess === undefined
        ? low + under
        : low + Math.floor((under * underWeight * (over - low)) / (under * underWeight + excess * excessWeight));
    // (`low` itself over the limit, when even the shortest source does not fit: nothing to estimate from.)
    const guess =
      estimates-- > 0 && under >= 0 ? Math.min(high, Math.max(low + 1, estimate)) : Math.ceil((low + high) / 2);
    const size = sizeAt(guess);
    const fitted = size <= max;
    if (fitted) {
      low = guess;
      under = max - size;
      underWeight = 1;
      if (lastFitted === true) excessWeight /= 2;
    } else {
      high = guess - 1;
      over = guess;
      excess = size - max;
      excessWeight = 1;
      if (lastFitted === false) underWeight /= 2;
    }
    lastFitted = fitted;
  }
  return low;
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
  // The searches below end on a source they have already rendered: each is rendered once.
  const rendered = new Map<string, string>();
  const attempt = (source: string) => {
    let text = rendered.get(source);
    if (text === undefined) rendered.set(source, (text = render(`${source}\n\n${tail}`.trim())));
    return text;
  };
  const build = (count: number) => blocks.slice(0, count).join('\n\n');

  const size = (text: string) => measure(text, limit.unit);

  // Largest number of whole blocks that fit with the tail.
  const low = largestWithin(0, blocks.length, limit.max, (count) => size(attempt(build(count))));
  let kept = build(low);

  // Then as much of the next block as fits, as escaped plain text.
  const next = blocks[low];
  if (next !== undefined) {
    // Every unit renders to at least one character (byte) of output, so no more than `limit.max` of them can
    // fit: the search then renders sources the size of the limit, not of a 100 KB paragraph.
    const parts = cutUnits(toPlainText(next).replace(/\s+/g, ' '), limit.max);
    const withPartial = (count: number) => `${kept}\n\n${parts.slice(0, count).join('').trimEnd()}…`.trim();
    const lo = largestWithin(0, parts.length, limit.max, (count) => size(attempt(withPartial(count))));
    if (lo > 0) kept = withPartial(lo);
  }

  const result = attempt(kept);
  if (fits(result, limit)) return { text: result, truncated: true };
  // The tail alone does not fit (a tiny limit): as much of the text as fits, rendered (so no tag or link is
  // cut), with a marker. Only when not even the marker fits is the output cut as text.
  const units = cutUnits(toPlainText(markdown).replace(/\s+/g, ' '), limit.max);
  const short = (count: number) => render(`${units.slice(0, count).join('').trimEnd()}…`);
  const minimal = short(largestWithin(0, units.length, limit.max, (count) => size(short(count))));
  return { text: fits(minimal, limit) ? minimal : truncateText(toPlainText('…'), limit), truncated: true };
}
