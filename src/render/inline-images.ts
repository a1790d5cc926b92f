/**
 * Images shown by URL in a body (DingTalk Markdown, ServerChan, pushplus): apart from render/media.ts because every
 * run's renderBody reads it, and it must stay small. Only URLs from `image`, `qr` or `install` reach it (checked
 * http(s) when read); the Markdown renderer still turns every image of event text into a link.
 */
import { escapeHtml } from './escape.js';

/** Dialects that show a remote image, and how. */
const IMAGE_SYNTAX: Partial<Record<string, (url: string, alt: string) => string>> = {
  'dingtalk-markdown': (url, alt) => `![${alt}](${url})`,
  markdown: (url, alt) => `![${alt}](${url})`,
  'wecom-markdown-v2': (url, alt) => `![${alt}](${url})`,
  html: (url, alt) => `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}">`,
};

/** True when the dialect can show an image by URL. */
export function showsImages(dialect: string): boolean {
  return dialect in IMAGE_SYNTAX;
}

/** Images in a dialect, each after a paragraph break (or `<br>`); '' when there are none or it shows none. */
export function inlineImages(images: readonly { url: string; alt: string }[], dialect: string): string {
  const syntax = IMAGE_SYNTAX[dialect];
  const gap = dialect === 'html' ? '<br>' : '\n\n';
  if (!syntax) return '';
  return images
    .map(
      (image) =>
        gap + syntax(image.url.replace(/[()\s<>"]/g, encodeURIComponent), image.alt.replace(/[^\p{L}\p{N}._ -]/gu, '')),
    )
    .join('');
}
