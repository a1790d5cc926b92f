import type { Token, Tokens } from 'marked';
import type { Message } from '../../core/message.js';
import type { RunState } from '../../core/context.js';
import { lex, renderMarkdown, toPlainText } from '../../render/markdown.js';
import { neutralizeMentions, safeHref } from '../../render/escape.js';
import type { Mentions } from '../webhook.js';

/** One element of a Feishu `post` paragraph. */
export type PostElement =
  | { tag: 'text'; text: string; style?: string[] }
  | { tag: 'a'; text: string; href: string }
  | { tag: 'at'; user_id: string };

type Paragraph = PostElement[];

/** Header colour by run state. */
export const CARD_COLOURS: Record<RunState, string> = {
  success: 'green',
  fixed: 'green',
  failure: 'red',
  'still-failing': 'carmine',
  cancelled: 'grey',
  skipped: 'grey',
  unknown: 'blue',
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (all, name: string) => ENTITIES[name] ?? all);

/** Untrusted text as a post text element: literal, and never a mention. */
function text(value: string, style: string[] = []): PostElement {
  const element: PostElement = { tag: 'text', text: neutralizeMentions(value) };
  if (style.length) element.style = style;
  return element;
}

/** Inline tokens → elements; a hard break starts a new line (a new paragraph in post terms). */
function inline(tokens: Token[] | undefined, style: string[], lines: Paragraph[]): void {
  for (const token of tokens ?? []) {
    const line = lines[lines.length - 1]!;
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens) inline(t.tokens, style, lines);
        else line.push(text(decode(t.text), style));
        break;
      }
      case 'escape':
        line.push(text((token as Tokens.Escape).text, style));
        break;
      case 'strong':
        inline((token as Tokens.Strong).tokens, [...style, 'bold'], lines);
        break;
      case 'em':
        inline((token as Tokens.Em).tokens, [...style, 'italic'], lines);
        break;
      case 'del':
        inline((token as Tokens.Del).tokens, [...style, 'lineThrough'], lines);
        break;
      case 'codespan':
        line.push(text(decode((token as Tokens.Codespan).text), style));
        break;
      case 'br':
        lines.push([]);
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const href = safeHref(link.href);
        const label = neutralizeMentions(toPlainText(link.text) || link.href);
        line.push(href ? { tag: 'a', text: label, href } : text(label, style));
        break;
      }
      case 'image': {
        const image = token as Tokens.Image;
        const href = safeHref(image.href);
        const label = neutralizeMentions(image.text || 'image');
        line.push(href ? { tag: 'a', text: label, href } : text(label, style));
        break;
      }
      default:
        line.push(text(token.raw, style));
    }
  }
}

function blocks(tokens: Token[], out: Paragraph[], prefix = ''): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'def':
        break;
      case 'heading':
        out.push(prefix ? [text(prefix)] : []);
        inline((token as Tokens.Heading).tokens, ['bold'], out);
        break;
      case 'paragraph':
        out.push(prefix ? [text(prefix)] : []);
        inline((token as Tokens.Paragraph).tokens, [], out);
        break;
      case 'text': {
        const t = token as Tokens.Text;
        out.push(prefix ? [text(prefix)] : []);
        if (t.tokens) inline(t.tokens, [], out);
        else out[out.length - 1]!.push(text(decode(t.text)));
        break;
      }
      case 'list': {
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        list.items.forEach((item, i) => {
          const bullet = `${prefix}${list.ordered ? `${start + i}. ` : '• '}${item.task ? (item.checked ? '[x] ' : '[ ] ') : ''}`;
          blocks(
            item.tokens.filter((t) => t.type !== 'checkbox'),
            out,
            bullet,
          );
        });
        break;
      }
      case 'code':
        for (const line of (token as Tokens.Code).text.split('\n')) out.push([text(`${prefix}${line}`)]);
        break;
      case 'blockquote':
        blocks((token as Tokens.Blockquote).tokens, out, `${prefix}| `);
        break;
      case 'hr':
        out.push([text('────────')]);
        break;
      case 'table':
        for (const line of toPlainText(token.raw).split('\n')) out.push([text(line)]);
        break;
      default:
        out.push([text(token.raw.trim())]);
    }
  }
}

/** Markdown → `post` paragraphs: text, links and bold/italic only; untrusted text never becomes an `at`. */
export function postParagraphs(markdown: string): Paragraph[] {
  const out: Paragraph[] = [];
  blocks(lex(markdown), out);
  return out.filter((paragraph) => paragraph.length > 0).map(mergeText);
}

/** Joins neighbouring text runs of the same style (escapes split them in the token stream). */
function mergeText(paragraph: Paragraph): Paragraph {
  const merged: Paragraph = [];
  for (const element of paragraph) {
    const last = merged[merged.length - 1];
    if (last?.tag === 'text' && element.tag === 'text' && (last.style ?? []).join() === (element.style ?? []).join()) {
      merged[merged.length - 1] = { ...last, text: last.text + element.text };
    } else merged.push(element);
  }
  return merged;
}

/** The paragraph of `at` elements built only from `target`. */
function mentionParagraph(mentions: Mentions): Paragraph {
  const ids = [...mentions.users, ...(mentions.all ? ['all'] : [])];
  return ids.map((id) => ({ tag: 'at', user_id: id }) as PostElement);
}

export function postContent(title: string, markdown: string, mentions: Mentions): Record<string, unknown> {
  const content = postParagraphs(markdown);
  const at = mentionParagraph(mentions);
  if (at.length) content.push(at);
  return { post: { zh_cn: { title, content } } };
}

/** Mentions in a card's markdown element or a text message (ids are validated in `target`). */
function mentionTags(mentions: Mentions, form: 'card' | 'text'): string {
  const ids = [...mentions.users, ...(mentions.all ? ['all'] : [])];
  return ids
    .map((id) => (form === 'card' ? `<at id=${id}></at>` : `<at user_id="${id}">${id === 'all' ? '所有人' : ''}</at>`))
    .join(' ');
}

export function textContent(title: string, markdown: string, mentions: Mentions): Record<string, unknown> {
  const body = toPlainText(markdown);
  const parts = [body.includes(title) ? '' : title, body, mentionTags(mentions, 'text')].filter(Boolean);
  return { text: parts.join('\n\n') };
}

/** The interactive card: coloured header, the body as card Markdown, and a button to the run or release. */
export function cardContent(
  title: string,
  markdown: string,
  message: Message,
  mentions: Mentions,
): Record<string, unknown> {
  const body = [renderMarkdown(markdown, 'feishu-markdown'), mentionTags(mentions, 'card')]
    .filter(Boolean)
    .join('\n\n');
  const elements: Record<string, unknown>[] = [{ tag: 'markdown', content: body }];
  if (message.link) {
    elements.push({
      tag: 'action',
      actions: [
        {
          tag: 'button',
          text: { tag: 'plain_text', content: message.linkText },
          type: message.state === 'failure' || message.state === 'still-failing' ? 'danger' : 'primary',
          url: message.link,
        },
      ],
    });
  }
  return {
    config: { wide_screen_mode: true },
    header: { title: { tag: 'plain_text', content: title }, template: CARD_COLOURS[message.state] ?? 'blue' },
    elements,
  };
}
