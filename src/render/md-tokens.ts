import { htmlBlockText, htmlInlineText } from './html-text.js';
import MarkdownIt, { type MarkdownIt as Parser, type Token as MdItToken } from 'markdown-it';

/**
 * The Markdown tree every dialect renders from: one parse, a small typed shape of our own, so the renderers
 * (text dialects here, Feishu post and card in providers/feishu) do not depend on a parser's token format.
 * markdown-it parses (CommonMark plus GFM tables, strikethrough and bare-URL links): it starts several times
 * faster than marked, which builds every rule set's regular expressions at import (measured in docs/performance.md).
 */
export type InlineToken =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em' | 'del'; tokens: InlineToken[] }
  | { type: 'codespan'; text: string }
  | { type: 'br' }
  /** `auto`: a bare URL or an `<…>` autolink, whose label is the address itself. */
  | { type: 'link'; href: string; auto: boolean; tokens: InlineToken[] }
  | { type: 'image'; href: string; alt: string };

export interface ListItem {
  /** A GFM task item (`- [ ] x`, `- [x] x`): its box, otherwise undefined. */
  checked?: boolean;
  tokens: BlockToken[];
}

/** Block tokens carry `raw`, their source lines, so a message can be cut between whole blocks. */
export type BlockToken = { raw: string } & (
  | { type: 'heading'; depth: number; tokens: InlineToken[] }
  | { type: 'paragraph'; tokens: InlineToken[] }
  /** A paragraph in a tight list item: no paragraph markup of its own. */
  | { type: 'text'; tokens: InlineToken[] }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { type: 'code'; text: string; lang?: string }
  | { type: 'blockquote'; tokens: BlockToken[] }
  | { type: 'hr' }
  | { type: 'table'; header: InlineToken[][]; rows: InlineToken[][][] }
);

/** The words of inline tokens without any markup: a link's label, say. */
export function inlinePlain(tokens: InlineToken[]): string {
  return tokens
    .map((token) =>
      'tokens' in token
        ? inlinePlain(token.tokens)
        : token.type === 'image'
          ? token.alt
          : token.type === 'br'
            ? ' '
            : token.text,
    )
    .join('');
}

let parser: Parser | undefined;
let plainParser: Parser | undefined;

/** markdown-it's own guard against runaway recursion; what lies deeper is dropped, with the rest of the text. */
const MAX_NESTING = 100;

/**
 * Raw HTML is recognised only to be reduced to its text (html-text.ts): comments dropped, tags removed, never
 * passed on. The text of an HTML block is parsed again as Markdown without HTML (`plain`), once. Soft line
 * breaks are kept as breaks, as in a chat message. Bare URLs are linked by `linkBareUrls` below rather than
 * markdown-it's linkify: linkify-it compiles its schema expressions on first use (~10 ms of every run), and only
 * http(s) addresses matter in a CI message.
 */
function markdownIt(plain = false): Parser {
  if (plain) {
    plainParser ??= new MarkdownIt({ html: false, breaks: true, linkify: false, maxNesting: MAX_NESTING });
    return plainParser;
  }
  parser ??= new MarkdownIt({ html: true, breaks: true, linkify: false, maxNesting: MAX_NESTING });
  return parser;
}

/** Like BARE_URL, but parentheses may be part of an address (Wikipedia, MSDN); unbalanced ones are trimmed below. */
const URL_IN_TEXT = /https?:\/\/[^\s<>[\]{}"'`\\|*]+/g;

/**
 * The address in a match, as GFM reads it: trailing sentence punctuation is not part of it, nor is a closing
 * parenthesis without its opening one (`(see https://x.example/a)`).
 */
function trimUrl(match: string): string {
  // One pass from the end with running counts: a regular expression anchored at `$` (or recounting the
  // parentheses for every character trimmed) takes quadratic time on a run of dots or closers.
  let opens = 0;
  let closes = 0;
  for (const char of match) {
    if (char === '(') opens++;
    else if (char === ')') closes++;
  }
  let end = match.length;
  while (end > 0) {
    const char = match[end - 1]!;
    if (TRAILING_PUNCTUATION.has(char)) end--;
    else if (char === ')' && closes > opens) {
      end--;
      closes--;
    } else break;
  }
  return match.slice(0, end);
}

const TRAILING_PUNCTUATION = new Set(['.', ',', ':', ';', '!', '?']);

/** Text outside links with its http(s) addresses as links; trailing punctuation stays text, as in GFM. */
function linkBareUrls(text: string): InlineToken[] {
  const out: InlineToken[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const href = trimUrl(match[0]);
    if (!/^https?:\/\/[^/?#]/.test(href)) continue;
    if (match.index > last) out.push({ type: 'text', text: text.slice(last, match.index) });
    out.push({ type: 'link', href, auto: true, tokens: [{ type: 'text', text: href }] });
    last = match.index + href.length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

/** Splits the bare URLs out of every text token that is not already inside a link. */
function withBareLinks(tokens: InlineToken[]): InlineToken[] {
  return tokens.flatMap((token) =>
    token.type === 'text' && token.text.includes('://')
      ? linkBareUrls(token.text)
      : token.type === 'strong' || token.type === 'em' || token.type === 'del'
        ? [{ ...token, tokens: withBareLinks(token.tokens) }]
        : [token],
  );
}

function inlineTokens(children: MdItToken[] | null): InlineToken[] {
  const root: InlineToken[] = [];
  const stack: InlineToken[][] = [root];
  const top = () => stack[stack.length - 1]!;
  const open = (token: InlineToken & { tokens: InlineToken[] }) => {
    top().push(token);
    stack.push(token.tokens);
  };
  for (const child of children ?? []) {
    switch (child.type) {
      case 'text':
      case 'text_special': {
        if (!child.content) break;
        const list = top();
        const last = list[list.length - 1];
        if (last?.type === 'text') last.text += child.content;
        else list.push({ type: 'text', text: child.content });
        break;
      }
      case 'softbreak':
      case 'hardbreak':
        top().push({ type: 'br' });
        break;
      case 'code_inline':
        top().push({ type: 'codespan', text: child.content });
        break;
      case 'strong_open':
        open({ type: 'strong', tokens: [] });
        break;
      case 'em_open':
        open({ type: 'em', tokens: [] });
        break;
      case 's_open':
        open({ type: 'del', tokens: [] });
        break;
      case 'link_open':
        open({
          type: 'link',
          href: String(child.attrGet('href') ?? ''),
          auto: child.markup === 'linkify' || child.markup === 'autolink',
          tokens: [],
        });
        break;
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      case 'image':
        top().push({ type: 'image', href: String(child.attrGet('src') ?? ''), alt: plainText(child.children) });
        break;
      case 'html_inline': {
        const text = htmlInlineText(child.content);
        if (text === undefined) top().push({ type: 'text', text: child.content });
        else if (text === '\n') top().push({ type: 'br' });
        else if (text) top().push({ type: 'text', text });
        break;
      }
      default:
        // Anything new is shown as its text, never as markup.
        if (child.content) top().push({ type: 'text', text: child.content });
    }
  }
  // A tag removed at either end of a paragraph leaves the blank that separated it from the text.
  const first = root[0];
  if (first?.type === 'text') first.text = first.text.trimStart();
  const last = root[root.length - 1];
  if (last?.type === 'text') last.text = last.text.trimEnd();
  return withBareLinks(root.filter((token) => token.type !== 'text' || token.text));
}

/** The text of inline tokens without markup (an image's alt). */
function plainText(children: MdItToken[] | null): string {
  return (children ?? [])
    .map((child) =>
      child.type === 'image' ? plainText(child.children) : child.type.endsWith('break') ? '\n' : child.content,
    )
    .join('');
}

const TASK = /^\[([ xX])\][ \t]+/;

/** markdown-it has no task lists: a list item whose text starts with `[ ]` or `[x]` is read as one here. */
function taskBox(tokens: BlockToken[]): boolean | undefined {
  const first = tokens[0];
  if (!first || (first.type !== 'text' && first.type !== 'paragraph')) return undefined;
  const lead = first.tokens[0];
  const match = lead?.type === 'text' ? TASK.exec(lead.text) : null;
  if (!lead || lead.type !== 'text' || !match) return undefined;
  lead.text = lead.text.slice(match[0].length);
  return match[1] !== ' ';
}

class BlockReader {
  private index = 0;

  constructor(
    private readonly tokens: MdItToken[],
    private readonly lines: string[],
  ) {}

  private raw(token: MdItToken): string {
    return token.map ? this.lines.slice(token.map[0], token.map[1]).join('\n') : token.content;
  }

  /** Reads blocks until the closing token `until` (consumed) or the end. */
  blocks(until?: string): BlockToken[] {
    const out: BlockToken[] = [];
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index++]!;
      if (token.type === until) break;
      if (token.type === 'html_block') {
        // The text of the HTML, read as Markdown (generated release notes put lists inside `<details>`).
        const text = htmlBlockText(token.content);
        if (text) out.push(...parseSource(text, true));
        continue;
      }
      const block = this.block(token);
      if (block) out.push(block);
    }
    return out;
  }

  /** The inline token after an opening tag, and its closing tag. */
  private inline(): InlineToken[] {
    const inline = this.tokens[this.index]?.type === 'inline' ? this.tokens[this.index++]! : undefined;
    this.index++;
    return inlineTokens(inline?.children ?? null);
  }

  private block(token: MdItToken): BlockToken | undefined {
    const raw = this.raw(token);
    switch (token.type) {
      case 'heading_open':
        return { type: 'heading', raw, depth: Number(token.tag.slice(1)) || 1, tokens: this.inline() };
      case 'paragraph_open':
        return { type: token.hidden ? 'text' : 'paragraph', raw, tokens: this.inline() };
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = token.type.replace('_open', '_close');
        const items: ListItem[] = [];
        while (this.index < this.tokens.length && this.tokens[this.index]!.type !== close) {
          if (this.tokens[this.index++]!.type !== 'list_item_open') continue;
          const tokens = this.blocks('list_item_close');
          const checked = taskBox(tokens);
          items.push(checked === undefined ? { tokens } : { checked, tokens });
        }
        this.index++;
        const start = Number(token.attrGet('start') ?? 1);
        return { type: 'list', raw, ordered: token.type === 'ordered_list_open', start, items };
      }
      case 'blockquote_open':
        return { type: 'blockquote', raw, tokens: this.blocks('blockquote_close') };
      case 'code_block':
        return { type: 'code', raw, text: token.content.replace(/\n$/, '') };
      case 'fence': {
        const lang = token.info.trim().split(/\s+/)[0];
        return { type: 'code', raw, text: token.content.replace(/\n$/, ''), ...(lang ? { lang } : {}) };
      }
      case 'hr':
        return { type: 'hr', raw };
      case 'table_open':
        return this.table(raw);
      case 'inline':
        return { type: 'text', raw, tokens: inlineTokens(token.children) };
      default:
        // A stray closing token of an unknown block is skipped.
        return token.content ? { type: 'paragraph', raw, tokens: [{ type: 'text', text: token.content }] } : undefined;
    }
  }

  private table(raw: string): BlockToken {
    const header: InlineToken[][] = [];
    const rows: InlineToken[][][] = [];
    let row: InlineToken[][] | undefined;
    let inBody = false;
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index++]!;
      if (token.type === 'table_close') break;
      if (token.type === 'tbody_open') inBody = true;
      else if (token.type === 'tr_open') row = [];
      else if (token.type === 'tr_close' && row) {
        if (inBody) rows.push(row);
        else header.push(...row);
        row = undefined;
      } else if ((token.type === 'th_open' || token.type === 'td_open') && row) row.push(this.inline());
    }
    return { type: 'table', raw, header, rows };
  }
}

/**
 * Markdown nested too deeply to parse (a hundred levels of quotes or lists, which only hostile text has) as plain
 * paragraphs: no formatting, but no word of it lost, and nothing after it either.
 */
function plainParagraphs(source: string): BlockToken[] {
  return source
    .split(/\n[ \t]*\n/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => ({
      type: 'paragraph',
      raw: paragraph,
      tokens: paragraph
        .split('\n')
        .flatMap((line, i): InlineToken[] => [...(i > 0 ? [{ type: 'br' } as const] : []), ...linkBareUrls(line)]),
    }));
}

/** Parses Markdown into blocks. Line endings are normalised first, as the parser does, so `raw` lines line up. */
export function parseMarkdown(markdown: string): BlockToken[] {
  const source = markdown.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  return parseSource(source, false);
}

/** `plain`: no raw HTML recognised (the text of an HTML block, parsed once more). */
function parseSource(source: string, plain: boolean): BlockToken[] {
  const tokens = markdownIt(plain).parse(source, {});
  if (tokens.some((token) => token.level >= MAX_NESTING - 1)) return plainParagraphs(source);
  return new BlockReader(tokens, source.split('\n')).blocks();
}
