/**
 * Escaping for untrusted text (commit messages, PR titles, release notes, branch names) per target dialect.
 * Two rules hold in every dialect: no untrusted text becomes a tag, and none becomes a mention.
 */

/** Word joiner: invisible, and breaks `@all`, `@所有人`, `<@id>` so that no service reads a mention. */
export const MENTION_BREAK = '\u2060';

// Control characters other than tab and newline break JSON consumers and some clients' renderers.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u`). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every lone surrogate replaced by U+FFFD (String#toWellFormed, which ES2023 typings lack). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

export function stripControl(text: string): string {
  // A lone UTF-16 surrogate (half an emoji cut by some other tool) becomes U+FFFD: as JSON it is an escape
  // that services reject or show as garbage.
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '').replace(/\r\n?/g, '\n');
}

/**
 * `<` opening a mention tag (`<at …>`, `<@id>`, `< / at>`): the break goes right after the `<`. The blanks are
 * matched atomically (`(?=(\s*))\1` cannot give characters back), so a `<` followed by a long run of blanks is
 * read once, not once per split of the run between the two `\s*` (quadratic time on `<` + 150,000 spaces).
 */
const TAG_MENTION = /<(?=(?=(\s*))\1\/?(?=(\s*))\2(?:@|at\b))/gi;

/**
 * The broadcast mentions the supported services write as text: `@all` and `@所有人` (DingTalk's and WeCom's
 * everyone-mention, Feishu's `所有人`), as a word of their own. Not inside a word or an address: `@allen`,
 * `dev@here.com`, `team@all.example` mention nobody (Chinese text runs on: `请@所有人注意` still breaks).
 * A URL right after the word is no part of it: clients and our own renderer link `@allhttps://x.example` as
 * `@all` and a link, so it breaks too.
 * Slack's and Discord's `@here`, `@channel` and `@everyone` are no supported service's forms: left as written.
 */
const BROADCAST = /(?<![\w.+\-@])@(?=all(?!(?!https?:\/\/)\w|[.\-@]\w)|所有人)/gi;

/** Breaks broadcast mentions and user mentions (`<at …>`, `<@id>`) written as text. */
export function neutralizeMentions(text: string): string {
  return text.replace(BROADCAST, `@${MENTION_BREAK}`).replace(TAG_MENTION, `<${MENTION_BREAK}`);
}

/**
 * Every mention form `neutralizeMentions` breaks, as one pattern matching the `@` or `<` that opens it (both
 * patterns keep the rest in lookaheads, so TAG_MENTION's back-references keep their numbers here).
 */
export const MENTION_FORMS = new RegExp(`${BROADCAST.source}|${TAG_MENTION.source}`, 'gi');

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes Markdown syntax so untrusted text renders literally (GFM). */
export function escapeMarkdown(text: string): string {
  // Bare URLs stay as they are so the parser still links them (GFM autolinks); a backslash inside one would
  // become part of the address. The URL pattern admits no character that could open a tag or a link.
  return text
    .split(BARE_URL)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(/([\\`*_{}[\]()#+\-.!|<>~&])/g, '\\$1')))
    .join('');
}

/** A bare http(s) URL in running text (split capture group). */
export const BARE_URL = /(https?:\/\/[^\s<>()[\]{}"'`\\|*]+)/;

/**
 * Escapes text for Markdown output that a service renders (pushplus `markdown`, ServerChan, WeCom v2): only
 * characters that can start syntax in running text. Line-start syntax (`#`, `-`, `1.`, `>`) is guarded by the
 * renderer, which sees the lines; bare URLs stay linkable. Readers of the raw text see far fewer backslashes.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .split(BARE_URL)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece
            .replace(/([\\`*[\]<>|~])/g, '\\$1')
            .replace(/&(?=#?\w+;)/g, '\\&')
            .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_'),
    )
    .join('');
}

/**
 * For Markdown dialects that render raw HTML or tags and have no reliable escape (DingTalk, WeCom): angle
 * brackets become their full-width forms, which read the same and can never open a tag or a `<@id>` mention.
 */
export function defuseAngles(text: string): string {
  return text.replace(/</g, '\uFF1C').replace(/>/g, '\uFF1E');
}

/** Escapes the few characters that DingTalk/WeCom Markdown would read as syntax in running text. */
export function escapeMarkdownLight(text: string): string {
  // `]` only matters before `(`, `[` or `:` (a link or a reference) and `_` only at a word edge (CommonMark
  // ignores it inside words): escaping just those keeps `github-actions[bot]` and `pull_request` readable.
  return defuseAngles(text)
    .replace(/([\\`*])/g, '\\$1')
    .replace(/\](?=[([:])/g, '\\]')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_');
}

/** A URL is only linked when it is http(s); anything else (javascript:, data:) is dropped to text. */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const trimmed = href.trim();
  // Brackets, parentheses and backslashes are encoded too: in a Markdown link target they would end the
  // link early and let the rest of the address out as text.
  return /^https?:\/\//i.test(trimmed)
    ? trimmed.replace(
        /[\s<>"'()[\]\\`]/g,
        (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
      )
    : undefined;
}
