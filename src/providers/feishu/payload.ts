import type { Message } from '../../render/message.js';
import type { RunState } from '../../model/context.js';
import { lex, renderMarkdown, shortLabel, toPlainText } from '../../render/markdown.js';
import { neutralizeMentions, safeHref } from '../../render/escape.js';
import { inlinePlain, type BlockToken, type InlineToken } from '../../render/md-tokens.js';
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
  started: 'yellow',
  unknown: 'blue',
};

/** Untrusted text as a post text element: literal, and never a mention. */
function text(value: string, style: string[] = []): PostElement {
  const element: PostElement = { tag: 'text', text: neutralizeMentions(value) };
  if (style.length) element.style = style;
  return element;
}

/** Inline tokens → elements; a hard break starts a new line (a new paragraph in post terms). */
function inline(tokens: InlineToken[], style: string[], lines: Paragraph[]): void {
  for (const token of tokens) {
    const line = lines[lines.length - 1]!;
    switch (token.type) {
      case 'text':
      case 'codespan':
        line.push(text(token.text, style));
        break;
      case 'strong':
        inline(token.tokens, [...style, 'bold'], lines);
        break;
      case 'em':
        inline(token.tokens, [...style, 'italic'], lines);
        break;
      case 'del':
        inline(token.tokens, [...style, 'lineThrough'], lines);
        break;
      case 'br':
        lines.push([]);
        break;
      case 'link': {
        const href = safeHref(token.href);
        // A bare GitHub URL is labelled as GitHub shows it (#101, v1...v2), as in the text dialects.
        const short = href && token.auto ? shortLabel(href) : undefined;
        const label = neutralizeMentions(short ?? (inlinePlain(token.tokens) || token.href));
        line.push(href ? { tag: 'a', text: label, href } : text(label, style));
        break;
      }
      case 'image': {
        const href = safeHref(token.href);
        const label = neutralizeMentions(token.alt || 'image');
        line.push(href ? { tag: 'a', text: label, href } : text(label, style));
        break;
      }
    }
  }
}

function blocks(tokens: BlockToken[], out: Paragraph[], prefix = ''): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push(prefix ? [text(prefix)] : []);
        inline(token.tokens, ['bold'], out);
        break;
      case 'paragraph':
      case 'text':
        out.push(prefix ? [text(prefix)] : []);
        inline(token.tokens, [], out);
        break;
      case 'list':
        token.items.forEach((item, i) => {
          const box = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
          blocks(item.tokens, out, `${prefix}${token.ordered ? `${token.start + i}. ` : '• '}${box}`);
        });
        break;
      case 'code':
        for (const line of token.text.split('\n')) out.push([text(`${prefix}${line}`)]);
        break;
      case 'blockquote':
        blocks(token.tokens, out, `${prefix}| `);
        break;
      case 'hr':
        out.push([text('────────')]);
        break;
      case 'table':
        for (const line of toPlainText(token.raw).split('\n')) out.push([text(line)]);
        break;
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

/**
 * The body without what the message already shows elsewhere: a first heading that restates the title (the card's
 * header, the post's title, the text's first line) and, on a card, a last line that only links to the run its
 * button opens. Feishu's own notifications show each once.
 */
export function withoutRepeats(markdown: string, title: string, buttonLink?: string): string {
  const lines = markdown.split('\n');
  if (/^#{1,6}\s/.test(lines[0] ?? '') && restatesTitle(lines[0]!, title)) lines.shift();
  if (buttonLink) {
    let last = lines.length - 1;
    while (last >= 0 && !lines[last]!.trim()) last--;
    const only = /^\[[^\]]*\]\(([^)\s]+)\)$/.exec(lines[last]?.trim() ?? '');
    if (only && only[1] === buttonLink) lines.splice(last, 1);
  }
  return lines.join('\n').trim();
}

/** A heading restates the title when one holds the other, or both open with the same status icon (❌, ✅, 🚀 …). */
function restatesTitle(heading: string, title: string): boolean {
  const text = heading
    .replace(/^#{1,6}\s+/, '')
    .replace(/[*_`\\]/g, '')
    .trim();
  if (!text) return false;
  if (title.includes(text) || text.includes(title)) return true;
  const icon = (value: string) => /^(\p{Extended_Pictographic}\uFE0F?)\s/u.exec(value)?.[1];
  return icon(text) !== undefined && icon(text) === icon(title.trim());
}

export function postContent(title: string, markdown: string, mentions: Mentions): Record<string, unknown> {
  const content = postParagraphs(withoutRepeats(markdown, title));
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
  const body = toPlainText(withoutRepeats(markdown, title));
  const parts = [title, body, mentionTags(mentions, 'text')].filter(Boolean);
  return { text: parts.join('\n\n') };
}

/** The interactive card: coloured header, the body as card Markdown, and a button to the run or release. */
export function cardContent(
  title: string,
  markdown: string,
  message: Message,
  mentions: Mentions,
): Record<string, unknown> {
  const body = [
    renderMarkdown(withoutRepeats(markdown, title, message.link), 'feishu-markdown'),
    mentionTags(mentions, 'card'),
  ]
    .filter(Boolean)
    .join('\n\n');
  const elements: Record<string, unknown>[] = [{ tag: 'markdown', content: body }];
  // Images uploaded for this message by a Feishu app (the feishu-app channel, or the app whose credentials the robot
  // was given), under the text: `img` by `image_key`, `alt` required in card JSON 1.0; a card renders no external
  // image URL (https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-components/content-components/image).
  for (const image of message.media?.embedded ?? [])
    elements.push({ tag: 'img', img_key: image.key, alt: { tag: 'plain_text', content: image.alt } });
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
