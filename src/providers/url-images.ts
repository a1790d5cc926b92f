/**
 * Services with no image or file message and no upload (DingTalk custom robot, pushplus, ServerChan): an image is
 * shown by its https URL in the Markdown/HTML body (pgyer's hosted QR code, an `image` URL); a local image or QR
 * code with no URL, and every file, is named in the message with a warning that says how to get it shown: never a
 * silent drop. DingTalk custom robot: text, link, markdown, actionCard, feedCard, no upload
 * (https://open.dingtalk.com/document/orgapp/custom-robots-send-group-messages); pushplus: `<img src>` in html or
 * a Markdown image (https://www.pushplus.plus/doc/); ServerChan: Markdown `desp`
 * (https://github.com/easychen/serverchan-sdk). Loaded only when a message has media.
 */
import { fileNamesMarkdown, imageLinksMarkdown, type MediaImage } from '../render/media.js';
import { inlineImages, showsImages } from '../render/inline-images.js';
import type { CarriedMedia, MediaCarrier } from './types.js';

export function urlImages<Parsed>(displayName: string, dialectOf: (parsed: Parsed) => string): MediaCarrier<Parsed> {
  return {
    carry(parsed, message, env): CarriedMedia {
      const media = message.media!;
      const dialect = dialectOf(parsed);
      const images: MediaImage[] = [...(media.qr ? [media.qr] : []), ...media.images];
      const withUrl = images.filter((image) => image.url);
      const inline = showsImages(dialect) ? withUrl : [];
      const linked = images.filter((image) => !inline.includes(image) && image !== media.qr);
      const extra = [imageLinksMarkdown(linked, message.locale), fileNamesMarkdown(media.files, message.locale)]
        .filter(Boolean)
        .join('\n\n');
      const missing = [
        ...(media.qr && !media.qr.url ? ['the QR code (its link is in the message)'] : []),
        ...images.filter((image) => !image.url && image !== media.qr).map((image) => image.name),
        ...media.files.map((file) => file.name),
      ];
      if (inline.length)
        env.logger.info(`${displayName}: ${inline.map((image) => image.name).join(', ')} shown by URL in the message.`);
      if (withUrl.length > inline.length)
        env.logger.warning(`${displayName}: this format shows no images; linked instead (use markdown to show them).`);
      if (missing.length)
        env.logger.warning(
          `${displayName} has no image or file message and no upload: ${missing.join(', ')} not attached. ` +
            'Give an https image URL (`image: https://…`, or pgyer’s hosted QR code through `install`), or send ' +
            'to a service that uploads (WeCom robot, Feishu app).',
        );
      const markdown = extra ? `${message.markdown.trimEnd()}\n\n${extra}` : message.markdown;
      return {
        message: {
          ...message,
          markdown,
          media: {
            ...media,
            inline: {
              [dialect]: inlineImages(
                inline.map((image) => ({ url: image.url!, alt: image.alt })),
                dialect,
              ),
            },
          },
        },
        after: [],
      };
    },
  };
}
