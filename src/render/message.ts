import type { CiContext, JobStatus, RunState } from '../model/context.js';
import { fitMarkdown, measure, truncateText, type TextLimit } from './limits.js';
import { renderMarkdown, toPlainText, type TextDialect } from './markdown.js';
import { escapeMarkdown, safeHref } from './escape.js';
import { wordsFor, type Locale } from './locale.js';
import type { MessageMedia } from './media.js';

/** A rendered notification, before it is shaped for one service. */
export interface Message {
  /** Plain-text title (untrusted values already neutralized). */
  title: string;
  /** Markdown body: the one source every dialect is rendered from. */
  markdown: string;
  status: JobStatus;
  state: RunState;
  /** The most useful link: the release page for releases, else the run. */
  link?: string;
  linkText: string;
  context: CiContext;
  /** Language of the fixed words (link text, truncation marker); English when absent. */
  locale?: Locale;
  /** The run's IANA time zone, for values a provider renders itself (mPaaS template values, Easemob title_args). */
  timezone?: string;
  /** Images, files, the QR code and the install link (`image`, `qr`, `file`, `install`); each provider carries them. */
  media?: MessageMedia;
}

export function createMessage(
  title: string,
  markdown: string,
  context: CiContext,
  locale?: Locale,
  timezone?: string,
): Message {
  const words = wordsFor(locale);
  const state = context.history?.state ?? context.status;
  // Links from the payload pass the same check as every link in a body: http(s) only, brackets encoded.
  const releaseLink = context.eventName === 'release' ? safeHref(context.release?.url) : undefined;
  // For workflow_run the run worth opening is the watched one, not the notifier's own run.
  const watchedRun = context.eventName === 'workflow_run' ? safeHref(context.workflowRun?.url) : undefined;
  // An issue, comment, review or discussion: its own page is the one worth opening.
  const activityLink = safeHref(context.activity?.url);
  return {
    title,
    markdown,
    status: context.status,
    state,
    link: releaseLink ?? watchedRun ?? activityLink ?? safeHref(context.runUrl) ?? safeHref(context.repositoryUrl),
    linkText: releaseLink ? words.release : activityLink ? words.events.open : words.viewRun,
    context,
    ...(locale ? { locale } : {}),
    ...(timezone ? { timezone } : {}),
  };
}

/** Markdown appended when a body had to be cut: a visible marker and the link, so nothing is lost silently. */
export function truncationTail(message: Message): string {
  const marker = `… ${wordsFor(message.locale).truncated}`;
  return message.link ? `${marker} [${escapeMarkdown(message.linkText)}](${message.link})` : marker;
}

/** The body in a text dialect, within the limit. */
export function renderBody(message: Message, dialect: TextDialect, limit: TextLimit): string {
  // Images a provider shows by URL (providers/url-images.ts), already in this dialect: after the text, within the limit.
  const images = message.media?.inline?.[dialect] ?? '';
  const text = fitMarkdown(message.markdown, {
    render: (markdown) => renderMarkdown(markdown, dialect),
    limit: { ...limit, max: limit.max - measure(images, limit.unit) },
    tail: truncationTail(message),
  }).text;
  return text + images;
}

/** The title within the limit, as plain text. */
export function renderTitle(message: Message, limit?: TextLimit): string {
  const title = message.title || toPlainText(message.markdown).split('\n')[0] || wordsFor(message.locale).notification;
  return limit ? truncateText(title, limit) : title;
}
