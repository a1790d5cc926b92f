/**
 * How the Feishu custom robot carries images and files. The robot has no upload of its own and no file message:
 * it shows an image by an `image_key`, which only an app can get from `POST /open-apis/im/v1/images`
 * (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot: "image_key … obtained through the upload
 * image API"; https://open.feishu.cn/document/server-docs/im-v1/image/create, scope im:resource), and a card
 * renders no external image URL.
 * - With `app-id` and `app-secret` of a Feishu app in the robot's tenant: the app's tenant_access_token
 *   (https://open.feishu.cn/document/server-docs/authentication-management/access-token/tenant_access_token_internal),
 *   then the images (the QR code included) uploaded with `image_type=message` and shown inside the card as `img`
 *   by `image_key`; in `post` and `text` formats they follow as `image` messages
 *   (`{"msg_type":"image","content":{"image_key":"…"}}`, the custom-bot doc). Uploaded once per App ID and content
 *   hash within the run (shared with feishu-app destinations of the same app).
 * - Without them: images with a URL become links, the others are named, and a warning says how to get them shown.
 * Files are always named with a warning: the robot has no file message (feishu-app sends them).
 * Loaded only when a message has media.
 */
import { fileNamesMarkdown, imageLinksMarkdown, type MediaImage } from '../../render/media.js';
import type { Message } from '../../render/message.js';
import type { CarriedMedia, DeliveryPlan, MediaCarrier, PlanEnvironment } from '../types.js';
import type { AppToken } from '../app-channel.js';
import { DEFAULT_READ_PAGE_SIZE, DEFAULT_REAUTH_CODES } from '../feishu-app/descriptor.js';
import { tenantToken, type FeishuAppSettings } from '../feishu-app/index.js';
import { uploadFeishuImages } from '../feishu-app/media.js';
import { hookExchange, type FeishuSettings } from './index.js';

const WHO = 'Feishu robot';
const HOW_TO_SHOW =
  'give `app-id` and `app-secret` of a Feishu app in the same tenant (scope im:resource) to show images inside ' +
  'the card';

/** The app the robot's images are uploaded with, in the shape the feishu-app upload code takes. */
function appSettings(parsed: FeishuSettings, app: NonNullable<FeishuSettings['app']>): FeishuAppSettings {
  return {
    appId: app.appId,
    appSecret: app.appSecret,
    // The robot's host (Feishu, or Lark for a larksuite hook; `endpoint` in tests and proxies) is the app's.
    baseUrl: parsed.baseUrl,
    format: 'card',
    targets: [],
    reauthCodes: [...DEFAULT_REAUTH_CODES],
    readPageSize: DEFAULT_READ_PAGE_SIZE,
    options: {},
  };
}

/** One tenant token per app credentials and run, whichever destination fetched it first. */
const tokens = new WeakMap<object, AppToken>();

function appendMarkdown(markdown: string, extra: string): string {
  return extra ? `${markdown.trimEnd()}\n\n${extra}` : markdown;
}

export const feishuMedia: MediaCarrier<FeishuSettings> = {
  async carry(parsed, message, env): Promise<CarriedMedia> {
    const media = message.media!;
    const images: MediaImage[] = [...(media.qr ? [media.qr] : []), ...media.images];
    const files = fileNamesMarkdown(media.files, message.locale);
    if (!parsed.app) return withoutApp(message, images, files, env);
    if (media.files.length)
      env.logger.warning(
        `${WHO} has no file message: ${media.files.map((file) => file.name).join(', ')} not attached. ` +
          'Send files with provider feishu-app (an app bot in the group), or put them where a link reaches them.',
      );

    env.secrets.add(parsed.app.appSecret);
    const app = appSettings(parsed, parsed.app);
    const token = tokens.get(parsed) ?? tenantToken(app, env);
    tokens.set(parsed, token);
    const { shown, linked, uploads } = await uploadFeishuImages(app, env, token, images, WHO);
    let carried = { ...message, markdown: appendMarkdown(message.markdown, files) };
    const after: DeliveryPlan[] = [];
    if (parsed.format === 'card') {
      carried = { ...carried, media: { ...media, embedded: shown.map(({ key, alt }) => ({ key, alt })) } };
    } else {
      // Keys of a dry run are placeholders; a real run's keys are known here (uploads happen before planning).
      for (const image of shown)
        after.push({
          target: `${parsed.label} (image ${image.name})`,
          exchange: hookExchange(
            parsed,
            env,
            { msg_type: 'image', content: { image_key: image.key } },
            `Feishu image ${image.name}`,
          ),
        });
    }
    if (linked.length) {
      carried = { ...carried, markdown: appendMarkdown(carried.markdown, imageLinksMarkdown(linked, message.locale)) };
      env.logger.warning(
        `${WHO}: ${linked.map((image) => image.name).join(', ')} shown as a link (not uploaded by the app).`,
      );
    }
    if (shown.length)
      env.logger.info(
        `${WHO}: ${shown.map((image) => image.name).join(', ')} uploaded by app ${parsed.app.appId}, ` +
          `${parsed.format === 'card' ? 'inside the card' : 'as image messages'}.`,
      );
    return { message: carried, after, uploads };
  },
};

/** No app credentials: links for images with a URL, names for the rest, and a notice that says how to show them. */
function withoutApp(message: Message, images: MediaImage[], files: string, env: PlanEnvironment): CarriedMedia {
  const media = message.media!;
  // The QR code's link is already in the message (install lines); its hosted image, when known, is linked.
  const linked = images.filter((image) => image !== media.qr || image.url);
  const local = [
    ...images.filter((image) => !image.url).map((image) => (image === media.qr ? 'the QR code' : image.name)),
    ...media.files.map((file) => file.name),
  ];
  const byUrl = images.filter((image) => image.url).map((image) => (image === media.qr ? 'the QR code' : image.name));
  if (local.length)
    env.logger.warning(
      `${WHO} cannot show images or files sent from the workspace: ${local.join(', ')} not attached. ` +
        `To show images, ${HOW_TO_SHOW}; files need provider feishu-app.`,
    );
  if (byUrl.length)
    env.logger.warning(
      `${WHO}: ${byUrl.join(', ')} linked, not shown (a card shows only an image_key an app uploaded); ${HOW_TO_SHOW}.`,
    );
  const extra = [imageLinksMarkdown(linked, message.locale), files].filter(Boolean).join('\n\n');
  return { message: { ...message, markdown: appendMarkdown(message.markdown, extra) }, after: [] };
}
