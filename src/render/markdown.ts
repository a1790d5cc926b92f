import {
  BARE_URL,
  defuseAngles,
  escapeHtml,
  escapeMarkdownLight,
  escapeMarkdownText,
  MENTION_BREAK,
  neutralizeMentions,
  safeHref,
  stripControl,
} from './escape.js';
import { parseMarkdown, type BlockToken, type InlineToken } from './md-tokens.js';

/**
 * The text dialects one Markdown source is rendered into. Structured dialects (Feishu post and card) have
 * their own renderers in feishu.ts built on the same token walk.
 */
export type TextDialect =
  'html' | 'markdown' | 'text' | 'dingtalk-markdown' | 'wecom-markdown' | 'wecom-markdown-v2' | 'feishu-markdown';

export function lex(markdown: string): BlockToken[] {
  return parseMarkdown(stripControl(markdown));
}

interface Style {
  text(value: string): string;
  strong(inner: string): string;
  em(inner: string): string;
  del(inner: string): string;
  codespan(value: string): string;
  link(href: string | undefined, inner: string): string;
  image(href: string | undefined, alt: string): string;
  br: string;
  heading(depth: number, inner: string): string;
  paragraph(inner: string): string;
  list(items: string[], ordered: boolean, start: number): string;
  code(value: string, lang: string | undefined): string;
  blockquote(inner: string): string;
  hr: string;
  table(header: string[], rows: string[][]): string;
  /** Joins block outputs. */
  join(blocks: string[]): string;
  /**
   * Applied to the inline text of a paragraph or list item: keeps text that starts a line (after a hard break)
   * from reading as a heading, list or quote in dialects whose text escaping is light.
   */
  lines?(inner: string): string;
}

/** `# x`, `- x`, `+ x`, `1. x`, `> x`, `===`/`---` underlines at the start of a line become literal. */
const guardLineStarts = (inner: string): string =>
  inner.replace(
    /(^|\n)([ \t]*)(#{1,6}(?=[ \t]|$)|[-+=](?=[ \t]|[-=]*$)|>|\d{1,9}[.)](?=[ \t]|$))/gm,
    (_, start: string, indent: string, marker: string) =>
      `${start}${indent}${/^\d/.test(marker) ? marker.replace(/([.)])$/, '\\$1') : `\\${marker}`}`,
  );

const plainTable = (header: string[], rows: string[][]): string =>
  [
    header.join(' | '),
    ...rows.map((row) => row.map((cell, i) => (header[i] ? `${header[i]}: ${cell}` : cell)).join(', ')),
  ].join('\n');

const mdText = (value: string) => neutralizeMentions(escapeMarkdownText(value));
// Entities are broken too: a client that decodes `&#60;at …&#62;` before looking for tags must not find one.
const lightText = (value: string) =>
  neutralizeMentions(escapeMarkdownLight(value)).replace(/&(?=#?\w+;)/g, `&${MENTION_BREAK}`);

function markdownStyle(
  text: (value: string) => string,
  supports: { tables: boolean; codeBlocks: boolean; lists: boolean; strike: boolean },
): Style {
  return {
    text,
    strong: (inner) => (inner ? `**${inner}**` : ''),
    em: (inner) => (inner ? `*${inner}*` : ''),
    del: (inner) => (supports.strike && inner ? `~~${inner}~~` : inner),
    codespan: (value) => (value.includes('`') ? text(value) : `\`${neutralizeMentions(defuseAngles(value))}\``),
    link: (href, inner) => (href ? `[${inner || href}](${href})` : inner),
    // Never a remote image: one in release notes is a tracking pixel any contributor can plant. A link instead.
    image: (href, alt) => (href ? `[${text(alt) || 'image'}](${href})` : text(alt)),
    br: '  \n',
    heading: (depth, inner) => `${'#'.repeat(Math.min(depth, 6))} ${inner}`,
    paragraph: (inner) => inner,
    list: (items, ordered, start) =>
      items
        .map((item, i) => {
          const bullet = supports.lists ? (ordered ? `${start + i}. ` : '- ') : ordered ? `${start + i}. ` : '• ';
          return bullet + item.replace(/\n/g, '\n   ');
        })
        .join('\n'),
    code: (value, lang) => {
      const safe = neutralizeMentions(defuseAngles(value));
      if (supports.codeBlocks) {
        // Longer than any backtick run inside, so the content can never close the block early.
        const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
        const fence = '`'.repeat(Math.max(3, longest + 1));
        return `${fence}${lang && /^[\w+-]+$/.test(lang) ? lang : ''}\n${safe}\n${fence}`;
      }
      return safe
        .split('\n')
        .map((line) => `> ${text(line)}`)
        .join('\n');
    },
    blockquote: (inner) =>
      inner
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n'),
    hr: '---',
    table: (header, rows) =>
      supports.tables
        ? [
            `| ${header.join(' | ')} |`,
            `|${header.map(() => ' --- ').join('|')}|`,
            ...rows.map((row) => `| ${row.join(' | ')} |`),
          ].join('\n')
        : plainTable(header, rows)
            .split('\n')
            .map((line, i) => (i === 0 ? `**${line}**` : `- ${line}`))
            .join('\n'),
    join: (blocks) => blocks.filter(Boolean).join('\n\n'),
    lines: guardLineStarts,
  };
}

const STYLES: Record<TextDialect, Style> = {
  markdown: markdownStyle(mdText, { tables: true, codeBlocks: true, lists: true, strike: true }),
  'wecom-markdown-v2': markdownStyle(mdText, {
    tables: true,
    codeBlocks: true,
    lists: true,
    strike: false,
  }),
  'dingtalk-markdown': markdownStyle(lightText, {
    tables: false,
    codeBlocks: false,
    lists: true,
    strike: false,
  }),
  'wecom-markdown': markdownStyle(lightText, {
    tables: false,
    codeBlocks: false,
    lists: false,
    strike: false,
  }),
  'feishu-markdown': {
    ...markdownStyle(lightText, {
      tables: false,
      codeBlocks: true,
      lists: true,
      strike: true,
    }),
    // lark_md (card `div` text) has no headings: a bold line reads the same everywhere Feishu renders it.
    heading: (_depth, inner) => (inner ? `**${inner}**` : ''),
  },
  html: {
    text: (value) => neutralizeMentions(escapeHtml(value)),
    strong: (inner) => `<b>${inner}</b>`,
    em: (inner) => `<i>${inner}</i>`,
    del: (inner) => `<s>${inner}</s>`,
    codespan: (value) => `<code>${neutralizeMentions(escapeHtml(value))}</code>`,
    link: (href, inner) => (href ? `<a href="${escapeHtml(href)}">${inner || escapeHtml(href)}</a>` : inner),
    image: (href, alt) => {
      const text = neutralizeMentions(escapeHtml(alt));
      return href ? `<a href="${escapeHtml(href)}">${text || 'image'}</a>` : text;
    },
    br: '<br>',
    heading: (depth, inner) => `<h${Math.min(depth, 6)}>${inner}</h${Math.min(depth, 6)}>`,
    paragraph: (inner) => `<p>${inner}</p>`,
    list: (items, ordered, start) =>
      ordered
        ? `<ol${start !== 1 ? ` start="${start}"` : ''}>${items.map((item) => `<li>${item}</li>`).join('')}</ol>`
        : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`,
    code: (value) => `<pre><code>${neutralizeMentions(escapeHtml(value))}</code></pre>`,
    blockquote: (inner) => `<blockquote>${inner}</blockquote>`,
    hr: '<hr>',
    table: (header, rows) =>
      `<table><thead><tr>${header.map((cell) => `<th>${cell}</th>`).join('')}</tr></thead><tbody>${rows
        .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`,
    join: (blocks) => blocks.filter(Boolean).join('\n'),
  },
  text: {
    text: (value) => neutralizeMentions(value),
    strong: (inner) => inner,
    em: (inner) => inner,
    del: (inner) => inner,
    codespan: (value) => neutralizeMentions(value),
    link: (href, inner) => (href && inner && inner !== href ? `${inner} (${href})` : href || inner),
    image: (href, alt) => (href ? `${neutralizeMentions(alt) || 'image'} (${href})` : neutralizeMentions(alt)),
    br: '\n',
    heading: (_depth, inner) => inner,
    paragraph: (inner) => inner,
    list: (items, ordered, start) =>
      items.map((item, i) => `${ordered ? `${start + i}.` : '•'} ${item.replace(/\n/g, '\n  ')}`).join('\n'),
    code: (value) => neutralizeMentions(value),
    blockquote: (inner) =>
      inner
        .split('\n')
        .map((line) => `| ${line}`)
        .join('\n'),
    hr: '────────',
    table: plainTable,
    join: (blocks) => blocks.filter(Boolean).join('\n\n'),
  },
};

function inline(tokens: InlineToken[], style: Style): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        out += style.text(token.text);
        break;
      case 'strong':
        out += style.strong(inline(token.tokens, style));
        break;
      case 'em':
        out += style.em(inline(token.tokens, style));
        break;
      case 'del':
        out += style.del(inline(token.tokens, style));
        break;
      case 'codespan':
        out += style.codespan(token.text);
        break;
      case 'br':
        out += style.br;
        break;
      case 'link': {
        const href = safeHref(token.href);
        // A bare GitHub URL (release notes are full of them) reads as GitHub shows it: #101, v1...v2, a short SHA.
        const short = href && token.auto ? shortLabel(href) : undefined;
        out += style.link(href, short ? style.text(short) : inline(token.tokens, style));
        break;
      }
      case 'image':
        out += style.image(safeHref(token.href), token.alt);
        break;
    }
  }
  return out;
}

/** How GitHub itself labels a bare link to a pull request, issue, comparison or commit. */
export function shortLabel(href: string): string | undefined {
  const match = /^https?:\/\/[^/]+\/[^/]+\/[^/]+\/(pull|issues|compare|commit)\/([^/?#]+)\/?$/.exec(href);
  if (!match) return undefined;
  const [, kind, ref] = match as unknown as [string, string, string];
  if (kind === 'commit') return /^[0-9a-f]{7,40}$/i.test(ref) ? ref.slice(0, 7) : undefined;
  if (kind === 'compare') return decodeOr(ref);
  return /^\d+$/.test(ref) ? `#${ref}` : undefined;
}

/** Percent-decoding that never throws: a malformed escape (`%E0%A4%A`) in untrusted text keeps the text as is. */
function decodeOr(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function guard(style: Style, inner: string): string {
  return style.lines ? style.lines(inner) : inner;
}

function blocks(tokens: BlockToken[], style: Style): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push(style.heading(token.depth, inline(token.tokens, style)));
        break;
      case 'paragraph':
        out.push(style.paragraph(guard(style, inline(token.tokens, style))));
        break;
      case 'text':
        out.push(guard(style, inline(token.tokens, style)));
        break;
      case 'list': {
        const items = token.items.map((item) => {
          const prefix = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
          return prefix + blocks(item.tokens, style).join('\n');
        });
        out.push(style.list(items, token.ordered, token.start));
        break;
      }
      case 'code':
        out.push(style.code(token.text, token.lang));
        break;
      case 'blockquote':
        out.push(style.blockquote(style.join(blocks(token.tokens, style))));
        break;
      case 'hr':
        out.push(style.hr);
        break;
      case 'table':
        out.push(
          style.table(
            token.header.map((cell) => inline(cell, style)),
            token.rows.map((row) => row.map((cell) => inline(cell, style))),
          ),
        );
        break;
    }
  }
  return out;
}

/** Renders Markdown into one text dialect; untrusted text inside it can never become a tag or a mention. */
export function renderMarkdown(markdown: string, dialect: TextDialect): string {
  const style = STYLES[dialect];
  // Control characters are stripped again at the end: the parser decodes `&#1;` into one.
  const out = stripControl(style.join(blocks(lex(markdown), style))).trim();
  // Text is neutralized token by token; a mention can still form across tokens once formatting is dropped
  // (`*<*@id>` in plain text). One more pass over the output, outside URLs, closes that. HTML needs none:
  // every `<` of text is an entity there.
  return dialect === 'html'
    ? out
    : out
        .split(BARE_URL)
        .map((piece, i) => (i % 2 === 1 ? piece : neutralizeMentions(piece)))
        .join('');
}

/** Plain-text rendering, for titles, mobile push and `text` message types. */
export function toPlainText(markdown: string): string {
  return renderMarkdown(markdown, 'text');
}
