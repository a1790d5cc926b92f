/**
 * How the WeCom group robot carries images and files (群机器人配置说明,
 * https://developer.work.weixin.qq.com/document/path/91770):
 * - an image (the QR code included) as its own `image` message next to the text: `{base64, md5}` of the raw
 *   bytes, JPG or PNG, at most 2 MB; an image that cannot go so (too large, a URL only) is a link in the text;
 * - a file through the robot's `upload_media?key=…&type=file` (multipart, field `media`, with `filename` and
 *   `filelength`; more than 5 bytes, at most 20 MB), then a `file` message with the `media_id`, which lasts 3 days
 *   and serves only the robot that uploaded it, so ids are reused per robot key within the run.
 * Loaded only when a message has media.
 */
import { credentialFingerprint } from '../../model/idempotency.js';
import { ConfigError } from '../../model/errors.js';
import { describeBytes, imageLinksMarkdown, type MediaImage } from '../../render/media.js';
import { joinUrl } from '../endpoint.js';
import type { CarriedMedia, DeliveryPlan, MediaCarrier, PlanEnvironment } from '../types.js';
import { cachedUpload, runUpload, uploadPreview, type FormPart } from '../upload.js';
import { interpret, type WecomSettings } from './index.js';
import { descriptor } from './descriptor.js';

export const WECOM_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const WECOM_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** "Every file must be larger than 5 bytes" (upload_media). */
export const WECOM_FILE_MIN_BYTES = 6;

function inlineImage(image: MediaImage): boolean {
  return Boolean(image.data && image.type && image.data.size <= WECOM_IMAGE_MAX_BYTES);
}

export const wecomMedia: MediaCarrier<WecomSettings> = {
  carry(parsed, message, env: PlanEnvironment): CarriedMedia {
    const media = message.media!;
    const rateKey = `wecom:${credentialFingerprint(parsed.key)}`;
    const query = new URLSearchParams({ key: parsed.key });
    const sendUrl = `${joinUrl(parsed.baseUrl, '/cgi-bin/webhook/send')}?${query}`;
    // Limits first: nothing is uploaded or sent when one file cannot go.
    for (const file of media.files) {
      if (file.data.size > WECOM_FILE_MAX_BYTES || file.data.size < WECOM_FILE_MIN_BYTES)
        throw new ConfigError(
          'file',
          `'${file.name}' is ${file.data.size} bytes; a WeCom robot takes files of 6 bytes to 20 MB`,
          'a smaller file, or a link to it in the template',
        );
    }
    const images = [...(media.qr ? [media.qr] : []), ...media.images];
    const inline = images.filter(inlineImage);
    const linked = images.filter((image) => !inlineImage(image));
    const after: DeliveryPlan[] = [];
    const send = (target: string, body: () => Promise<string> | string, uploads?: DeliveryPlan['uploads']) =>
      after.push({
        target,
        ...(uploads ? { uploads } : {}),
        exchange: {
          label: `WeCom ${target}`,
          build: async () => ({
            method: 'POST' as const,
            url: sendUrl,
            headers: { 'content-type': 'application/json' },
            body: await body(),
          }),
          interpret,
          rateKey,
          rateLimit: descriptor.rateLimit,
        },
      });
    for (const image of inline) {
      const data = image.data!;
      // The dry run shows the hash and size, not megabytes of base64.
      const base64 = env.dryRun
        ? `<base64 of ${describeBytes(image.name, data)}>`
        : Buffer.from(data.bytes).toString('base64');
      const body = JSON.stringify({ msgtype: 'image', image: { base64, md5: data.md5 } });
      send(`${parsed.label} (image ${image.name})`, () => body);
    }
    for (const file of media.files) {
      const uploadUrl = `${joinUrl(parsed.baseUrl, '/cgi-bin/webhook/upload_media')}?${new URLSearchParams({ key: parsed.key, type: 'file' })}`;
      const parts: FormPart[] = [
        {
          name: 'media',
          filename: file.name,
          contentType: 'application/octet-stream',
          data: file.data,
          extra: { filelength: String(file.data.size) },
        },
      ];
      const mediaId = () =>
        env.dryRun
          ? Promise.resolve(`<media_id of ${file.name}>`)
          : cachedUpload(env, `wecom:${credentialFingerprint(parsed.key)}:file:${file.data.sha256}`, () =>
              runUpload(
                env,
                { label: `WeCom upload ${file.name}`, url: uploadUrl, parts, interpret, rateKey },
                (json) => (typeof json.media_id === 'string' ? json.media_id : undefined),
              ),
            );
      send(
        `${parsed.label} (file ${file.name})`,
        async () => JSON.stringify({ msgtype: 'file', file: { media_id: await mediaId() } }),
        [uploadPreview(uploadUrl, parts)],
      );
    }
    if (inline.length || media.files.length)
      env.logger.info(
        `WeCom robot: ${[...inline.map((image) => `${image.name} as an image message`), ...media.files.map((file) => `${file.name} uploaded as a file message`)].join(', ')}, after the text.`,
      );
    let carried = message;
    if (linked.length) {
      carried = {
        ...message,
        markdown: `${message.markdown.trimEnd()}\n\n${imageLinksMarkdown(linked, message.locale)}`,
      };
      const names = linked.map((image) => image.name).join(', ');
      env.logger.warning(
        `WeCom robot: ${names} cannot be an image message (PNG or JPEG bytes of at most 2 MB); ${linked.some((image) => image.url) ? 'linked in the text' : 'named in the text, not attached'}.`,
      );
    }
    return { message: carried, after };
  },
};
