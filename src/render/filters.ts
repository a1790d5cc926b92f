/**
 * The filters of message templates and the escaping of their output, shared by the two ways a template is
 * rendered: liquidjs for the user's own templates (`./liquid.ts`), and the built-in presets compiled at build time
 * (`./presets.generated.ts`). One implementation, so a preset reads the same whichever way it ran.
 */
import { escapeMarkdown, neutralizeMentions, safeHref, stripControl, wellFormed } from './escape.js';
import { graphemes, measure } from './limits.js';
import type { Words } from './locale.js';

/** Output that a filter has already made safe; the escaper passes it through. */
export class SafeMarkdown {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function plain(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof SafeMarkdown) return value.value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every `{{ }}` of a message body: escaped for Markdown and mentions, unless a filter made it safe already. */
export const escapeBody = (value: unknown) =>
  value instanceof SafeMarkdown ? value.value : neutralizeMentions(escapeMarkdown(stripControl(plain(value))));
// Titles are plain text: nothing to escape but control characters and mentions.
export const escapeTitle = (value: unknown) => neutralizeMentions(stripControl(plain(value))).replace(/\n+/g, ' ');

export type Filter = (value: unknown, ...args: unknown[]) => unknown;

/** The filters this project adds to (or puts in place of) Liquid's own; `words` gives `duration` its language. */
export function messageFilters(words: Words): Record<string, Filter> {
  return {
    /** `{{ url | link: "text" }}` → a Markdown link when the URL is http(s), else just the text. */
    link: (href: unknown, text?: unknown, style?: unknown) => {
      const safe = safeHref(typeof href === 'string' ? href : undefined);
      const label = plain(text ?? href);
      const labelMarkdown = style === 'code' ? `\`${label.replace(/`/g, "'")}\`` : escapeMarkdown(stripControl(label));
      return new SafeMarkdown(safe ? `[${labelMarkdown}](${safe})` : labelMarkdown);
    },
    /** `{{ url | url }}`: a bare URL, only when http(s). */
    url: (href: unknown) => new SafeMarkdown(safeHref(typeof href === 'string' ? href : undefined) ?? ''),
    /**
     * `{{ release.body | markdown }}`: keep the value's own Markdown (release notes). Safe because the dialect
     * renderers never pass raw HTML through and break mentions in all text.
     */
    markdown: (value: unknown) => new SafeMarkdown(stripControl(plain(value))),
    /** `{{ seconds | duration }}` → "3m 12s" (in the message's language). */
    duration: (value: unknown) => {
      const total = Math.max(0, Math.round(Number(value) || 0));
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const seconds = total % 60;
      return words.duration(hours, minutes, seconds);
    },
    /**
     * `escape`/`escape_once`: every output is already escaped for the body's Markdown, so these only state the
     * intent; escaping for HTML as well would show `&lt;` to the reader.
     */
    escape: (value: unknown) => plain(value),
    escape_once: (value: unknown) => plain(value),
    /**
     * `{{ text | truncate: 20 }}` as in Liquid (the length includes the ellipsis, default "..."), but counted in
     * grapheme clusters so an emoji or a CJK character is never cut in half.
     */
    truncate: (value: unknown, length: unknown = 50, ellipsis: unknown = '...') => {
      const text = plain(value);
      const max = Math.max(0, Math.floor(Number(length)) || 0);
      const marker = plain(ellipsis);
      // A text with no more code points than the limit has no more graphemes either: no segmenting needed.
      if (measure(text, 'chars') <= max) return text;
      const parts = graphemes(text);
      if (parts.length <= max) return text;
      const keep = Math.max(0, max - graphemes(marker).length);
      return parts.slice(0, keep).join('') + marker;
    },
    /**
     * liquidjs's URL and base64 filters throw on odd input (`%E0%A4%A`, a lone surrogate, `-`), which would fail
     * the step on a stranger's commit message: the same filters, total. Escapes that do not decode stay as written.
     */
    url_decode: (value: unknown) =>
      plain(value)
        .replace(/\+/g, ' ')
        .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
          try {
            return decodeURIComponent(run);
          } catch {
            return run;
          }
        }),
    url_encode: (value: unknown) => encodeURIComponent(wellFormed(plain(value))).replace(/%20/g, '+'),
    cgi_escape: (value: unknown) =>
      encodeURIComponent(wellFormed(plain(value))).replace(
        /[!'()*]/g,
        (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    uri_escape: (value: unknown) =>
      encodeURI(wellFormed(plain(value)))
        .replace(/%5B/g, '[')
        .replace(/%5D/g, ']'),
    base64_decode: (value: unknown) => Buffer.from(plain(value), 'base64').toString('utf8'),
    /**
     * `{{ job.log.excerpt | code_block }}` → a fenced code block (log lines keep their spacing, nothing is read as
     * Markdown), fenced longer than any backtick run inside so the content cannot close it early.
     */
    code_block: (value: unknown) => {
      const text = stripControl(plain(value)).replace(/^\n+|\s+$/g, '');
      let fence = '```';
      for (const run of text.match(/`+/g) ?? []) if (run.length >= fence.length) fence = `${run}\``;
      return text ? new SafeMarkdown(`${fence}\n${text}\n${fence}`) : '';
    },
    /** `{{ job | job_link }}` → the job's name linked to its page. */
    job_link: (job: unknown) => {
      const record = (job ?? {}) as { name?: unknown; url?: unknown };
      const name = escapeMarkdown(stripControl(plain(record.name)));
      const href = safeHref(typeof record.url === 'string' ? record.url : undefined);
      return new SafeMarkdown(href ? `[${name}](${href})` : name);
    },
  };
}
