/**
 * Raw HTML in untrusted Markdown (GitHub's generated release notes carry `<!-- … -->` and
 * `<details><summary>`), reduced to its text: comments are dropped, the tags of HTML elements are removed
 * (block elements and `<br>` leave a line break), and the text between them is kept. Nothing is ever kept
 * as a tag. Angle-bracket text that is not an HTML element (`Vec<T>`, `<at id=1>`) stays as text, to be
 * escaped like any other text (and its mentions broken) by the dialect renderer.
 *
 * Written as one forward scan: every search for a closing `>` or `-->` is cached, so the time is linear even
 * on text made of thousands of unclosed `<` or `<!--`.
 */

/** Elements whose tags end a line of text. */
const BLOCK = new Set(
  (
    'address article aside blockquote br caption center dd details dialog dir div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section summary table tbody td tfoot th ' +
    'thead tr ul'
  ).split(' '),
);

/** Inline elements (and void or embedded ones) whose tags just disappear. */
const INLINE = new Set(
  (
    'a abbr audio b bdi bdo big cite code data del dfn em font i img ins kbd label mark picture q rp rt ruby s ' +
    'samp small source span strike strong sub sup time tt u var video wbr g-emoji'
  ).split(' '),
);

/** What a tag, as written, stands for: a line break, nothing, or (not an HTML element) undefined. */
function tagText(tag: string): string | undefined {
  const match = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(tag);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  if (BLOCK.has(name)) return '\n';
  if (INLINE.has(name)) return '';
  return undefined;
}

/** Whether one whole token of raw HTML (markdown-it `html_inline`) is a comment or an element's tag. */
export function htmlInlineText(raw: string): string | undefined {
  if (raw.startsWith('<!--')) return '';
  const text = tagText(raw);
  // `<br>` inside a paragraph is a line break; other block tags inside a line read as a space.
  if (text === '\n' && !/^<\/?br\b/i.test(raw)) return ' ';
  return text;
}

/** The text of a block of raw HTML (markdown-it `html_block`): comments dropped, element tags removed. */
export function htmlBlockText(raw: string): string {
  let out = '';
  let index = 0;
  // Cached positions of the next `>` and `-->`: -1 once none is left.
  let nextClose = -2;
  let nextCommentEnd = -2;
  while (index < raw.length) {
    const open = raw.indexOf('<', index);
    if (open < 0) {
      out += raw.slice(index);
      break;
    }
    out += raw.slice(index, open);
    if (raw.startsWith('<!--', open)) {
      if (nextCommentEnd !== -1 && nextCommentEnd < open + 4) nextCommentEnd = raw.indexOf('-->', open + 4);
      if (nextCommentEnd >= 0) {
        index = nextCommentEnd + 3;
        continue;
      }
      // An unclosed comment hides nothing: the rest is text.
    } else {
      if (nextClose !== -1 && nextClose < open) nextClose = raw.indexOf('>', open);
      const nextOpen = raw.indexOf('<', open + 1);
      // A tag does not span a `<`: `a < b <i>` is text, then a tag.
      if (nextClose >= 0 && (nextOpen < 0 || nextOpen > nextClose)) {
        const text = tagText(raw.slice(open, nextClose + 1));
        if (text !== undefined) {
          out += text;
          index = nextClose + 1;
          continue;
        }
      }
    }
    out += '<';
    index = open + 1;
  }
  // Lines left blank by removed tags collapse, as the rendered HTML would show them.
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
