/**
 * How a Feishu app carries images and files:
 * - images (the QR code included) are uploaded with `POST /open-apis/im/v1/images` (multipart `image_type=message`
 *   and `image`; not empty, at most 10 MB: https://open.feishu.cn/document/server-docs/im-v1/image/create) and shown
 *   inside the card as `img` by `image_key` (a card does not render external image URLs); in `text` and `post`
 *   formats they follow as `image` messages. Uploads happen before the card is built, so a failed image upload
 *   (after the retries) leaves the card without it and a warning, never the message unsent.
 * - files are uploaded with `POST /open-apis/im/v1/files` (multipart `file_type` opus|mp4|pdf|doc|xls|ppt|stream,
 *   `file_name`, `file`; at most 30 MB: https://open.feishu.cn/document/server-docs/im-v1/file/create), then sent
 *   as `file` messages (`content` = `{"file_key"}`) in the thread of each target's card (filePlan), after it.
 * Keys are reused per App ID and content hash within the run. Loaded only when a message has media.
 */
import { extname } from 'node:path';
import { credentialFingerprint } from '../../model/idempotency.js';
import { ConfigError } from '../../model/errors.js';
import { describeBytes, imageLinksMarkdown, type MediaBytes, type MediaImage } from '../../render/media.js';
import { joinUrl } from '../endpoint.js';
import type { HttpRequest, Verdict } from '../../transport/types.js';
import type { CarriedMedia, DeliveryPlan, MediaCarrier, PlanEnvironment } from '../types.js';
import { cachedUpload, runUpload, uploadPreview, type FormPart } from '../upload.js';
import { DRY_RUN_TOKEN, type AppToken } from '../app-channel.js';
import { NAME, PATHS, RATE_LIMIT } from './descriptor.js';
import {
  authorized,
  feishuApp,
  feishuAppVerdict,
  headers,
  messageIdOf,
  tenantToken,
  type FeishuAppSettings,
} from './index.js';

export const FEISHU_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const FEISHU_FILE_MAX_BYTES = 30 * 1024 * 1024;
const IMAGES_PATH = '/open-apis/im/v1/images';
const FILES_PATH = '/open-apis/im/v1/files';

/** `file_type` from the extension: the documented types, `stream` for anything else (APK, zip, HTML). */
export function feishuFileType(name: string): string {
  const ext = extname(name).slice(1).toLowerCase();
  if (['opus', 'mp4', 'pdf'].includes(ext)) return ext;
  if (ext === 'doc' || ext === 'docx') return 'doc';
  if (ext === 'xls' || ext === 'xlsx') return 'xls';
  if (ext === 'ppt' || ext === 'pptx') return 'ppt';
  return 'stream';
}

function upload(
  parsed: FeishuAppSettings,
  env: PlanEnvironment,
  token: AppToken,
  kind: 'image' | 'file',
  data: MediaBytes,
  parts: FormPart[],
  url: string,
): Promise<string> {
  const key = `${NAME}:${credentialFingerprint(parsed.appId)}:${kind}:${data.sha256}`;
  return cachedUpload(env, key, async () => {
    const auth = await token.get();
    return runUpload(
      env,
      {
        label: `Feishu app upload ${kind}`,
        url,
        parts,
        headers: { authorization: `Bearer ${auth}` },
        interpret: (reply) => feishuAppVerdict(reply, parsed.reauthCodes),
        rateKey: `${NAME}:${credentialFingerprint(parsed.appId)}`,
      },
      (json) => {
        const body = json.data as Record<string, unknown> | undefined;
        const id = body?.[kind === 'image' ? 'image_key' : 'file_key'];
        return typeof id === 'string' ? id : undefined;
      },
    );
  });
}

/** Images a Feishu app uploaded (`image_key`), the ones left as links, and the uploads as the dry run prints them. */
export interface FeishuImages {
  shown: { key: string; alt: string; name: string }[];
  linked: MediaImage[];
  uploads: HttpRequest[];
}

/**
 * Uploads the local images (the QR code included) of at most 10 MB with `POST /open-apis/im/v1/images`
 * (`image_type=message`, `image`), once per App ID and content hash; the others, and any whose upload failed
 * after the retries, are left to be linked (with a warning), never dropped. Also used by the Feishu robot, which
 * has no upload of its own and shows an app-uploaded `image_key` in its card.
 */
export async function uploadFeishuImages(
  parsed: FeishuAppSettings,
  env: PlanEnvironment,
  token: AppToken,
  images: readonly MediaImage[],
  who: string,
): Promise<FeishuImages> {
  const local = images.filter((image) => image.data && image.data.size <= FEISHU_IMAGE_MAX_BYTES);
  const linked: MediaImage[] = images.filter((image) => !local.includes(image));
  const uploads: HttpRequest[] = [];
  const shown: FeishuImages['shown'] = [];
  for (const image of local) {
    const data = image.data!;
    const url = joinUrl(parsed.baseUrl, IMAGES_PATH);
    const parts: FormPart[] = [
      { name: 'image_type', value: 'message' },
      { name: 'image', filename: image.name, contentType: image.type === 'jpeg' ? 'image/jpeg' : 'image/png', data },
    ];
    if (env.dryRun) {
      uploads.push(uploadPreview(url, parts));
      shown.push({ key: `<image_key of ${image.name}>`, alt: image.alt, name: image.name });
      continue;
    }
    try {
      shown.push({
        key: await upload(parsed, env, token, 'image', data, parts, url),
        alt: image.alt,
        name: image.name,
      });
    } catch (error) {
      env.logger.warning(
        `${who}: ${describeBytes(image.name, data)} was not uploaded (${env.secrets.redact((error as Error).message)}); the message goes without it.`,
      );
      if (image.url) linked.push(image);
    }
  }
  return { shown, linked, uploads };
}

export const feishuAppMedia: MediaCarrier<FeishuAppSettings> = {
  async carry(parsed, message, env): Promise<CarriedMedia> {
    const media = message.media!;
    for (const file of media.files)
      if (file.data.size > FEISHU_FILE_MAX_BYTES)
        throw new ConfigError(
          'file',
          `'${file.name}' is ${file.data.size} bytes; Feishu takes files of at most 30 MB`,
          'a smaller file',
        );
    const token = feishuApp.tokens.get(parsed) ?? tenantToken(parsed, env);
    feishuApp.tokens.set(parsed, token);
    const images = [...(media.qr ? [media.qr] : []), ...media.images];
    const { shown, linked, uploads } = await uploadFeishuImages(parsed, env, token, images, 'Feishu app');
    let carried = message;
    const after: DeliveryPlan[] = [];
    const targets = parsed.updateMessage || parsed.replyTo ? [] : parsed.targets;
    if (parsed.format === 'card') {
      carried = { ...carried, media: { ...media, embedded: shown.map(({ key, alt }) => ({ key, alt })) } };
    } else {
      for (const target of targets)
        for (const image of shown)
          after.push(sendPlan(parsed, env, token, target, 'image', { image_key: image.key }, image.name));
    }
    for (const file of media.files) {
      const url = joinUrl(parsed.baseUrl, FILES_PATH);
      const parts: FormPart[] = [
        { name: 'file_type', value: feishuFileType(file.name) },
        { name: 'file_name', value: file.name },
        { name: 'file', filename: file.name, contentType: 'application/octet-stream', data: file.data },
      ];
      const key = () =>
        env.dryRun
          ? Promise.resolve(`<file_key of ${file.name}>`)
          : upload(parsed, env, token, 'file', file.data, parts, url);
      const preview = { uploads: [uploadPreview(url, parts)] };
      if (parsed.replyTo)
        after.push({ ...filePlan(parsed, env, token, { parent: parsed.replyTo }, key, file.name), ...preview });
      targets.forEach((target, index) =>
        after.push({
          ...filePlan(parsed, env, token, { target }, key, file.name),
          ...(index === 0 ? preview : {}),
        }),
      );
    }
    if (media.files.length && parsed.updateMessage)
      env.logger.warning(
        `Feishu app: ${media.files.map((file) => file.name).join(', ')} not sent: update-message replaces a card in ` +
          'place; attach files to the step that first sends it.',
      );
    if (linked.length) {
      carried = {
        ...carried,
        markdown: `${carried.markdown.trimEnd()}\n\n${imageLinksMarkdown(linked, message.locale)}`,
      };
      env.logger.warning(
        `Feishu app: ${linked.map((image) => image.name).join(', ')} shown as a link (a card shows only images the app uploaded).`,
      );
    }
    const said = [
      ...shown.map((image) => `${image.name} ${parsed.format === 'card' ? 'inside the card' : 'as an image message'}`),
      ...(parsed.updateMessage ? [] : media.files.map((file) => `${file.name} as a file message in the card's thread`)),
    ];
    if (said.length) env.logger.info(`Feishu app: ${said.join(', ')}.`);
    return { message: carried, after, uploads };
  },
};

function sendPlan(
  parsed: FeishuAppSettings,
  env: PlanEnvironment,
  token: AppToken,
  target: FeishuAppSettings['targets'][number],
  msgType: 'image' | 'file',
  content: Record<string, string> | (() => Promise<string>),
  name: string,
): DeliveryPlan {
  const query = `?receive_id_type=${encodeURIComponent(target.receiveIdType)}`;
  let body = '';
  const exchange = authorized(
    parsed,
    env,
    token,
    `${target.label} ${msgType} ${name}`,
    (auth) => ({ method: 'POST', url: `${joinUrl(parsed.baseUrl, PATHS.send)}${query}`, headers: headers(auth), body }),
    messageIdOf,
    false,
  );
  const build = exchange.build;
  return {
    target: `${target.label} (${msgType} ${name})`,
    exchange: {
      ...exchange,
      build: async (attempt) => {
        const value = typeof content === 'function' ? { file_key: await content() } : content;
        body = JSON.stringify({ receive_id: target.receiveId, msg_type: msgType, content: JSON.stringify(value) });
        return build(attempt);
      },
    },
  };
}

/**
 * Feishu codes that mean "no thread reply here": 230071, the chat does not support replying in a thread
 * (https://open.feishu.cn/document/server-docs/im-v1/message/reply). The file then goes as a plain message.
 */
const THREADLESS = new Set([230071]);

/**
 * A file message in the thread of the message it belongs to: `POST /open-apis/im/v1/messages/{message_id}/reply`
 * with `msg_type: file`, `content: {"file_key"}` and `reply_in_thread: true`
 * (https://open.feishu.cn/document/server-docs/im-v1/message/reply), once the card's message_id is known (the
 * card goes first; `feishuApp.sent` holds its id). When the card was not sent, or the chat refuses thread replies
 * (230071), the file goes as a plain `file` message to the same receive_id, and the log says so.
 */
function filePlan(
  parsed: FeishuAppSettings,
  env: PlanEnvironment,
  token: AppToken,
  to: { target: FeishuAppSettings['targets'][number] } | { parent: string },
  fileKey: () => Promise<string>,
  name: string,
): DeliveryPlan {
  const target = 'target' in to ? to.target : undefined;
  const label = target ? target.label : `reply:${'parent' in to ? to.parent : ''}`;
  let fellBack = false;
  let switching = false;
  let used: string | undefined;
  const parent = (): string | undefined => {
    if ('parent' in to) return to.parent;
    if (fellBack) return undefined;
    return env.dryRun ? '<message_id of the card>' : feishuApp.sent.get(parsed)?.get(to.target.label);
  };
  return {
    target: `${label} (file ${name})`,
    exchange: {
      label: `Feishu app ${label} file ${name}`,
      build: async () => {
        const content = JSON.stringify({ file_key: await fileKey() });
        used = env.dryRun ? DRY_RUN_TOKEN : await token.get();
        const id = parent();
        if (id || !target)
          return {
            method: 'POST',
            url: joinUrl(parsed.baseUrl, PATHS.reply(id ?? '')),
            headers: headers(used),
            body: JSON.stringify({ msg_type: 'file', content, reply_in_thread: true }),
          };
        return {
          method: 'POST',
          url: `${joinUrl(parsed.baseUrl, PATHS.send)}?receive_id_type=${encodeURIComponent(target.receiveIdType)}`,
          headers: headers(used),
          body: JSON.stringify({ receive_id: target.receiveId, msg_type: 'file', content }),
        };
      },
      interpret: (reply): Verdict => {
        const replied = Boolean(parent());
        const verdict = feishuAppVerdict(reply, parsed.reauthCodes, messageIdOf);
        if (!verdict.ok && replied && target && THREADLESS.has(Number(verdict.code))) {
          fellBack = true;
          switching = true;
          env.logger.warning(
            `Feishu app: ${target.label} takes no thread replies (${verdict.code}); ${name} goes as a plain file message.`,
          );
          // The transport's one immediate re-attempt (its re-authorization path); onReauth keeps the token.
          return { ...verdict, retry: 'reauth' };
        }
        return verdict;
      },
      onReauth: async () => {
        if (switching) switching = false;
        else await token.invalidate(used);
      },
      // A repeated file message after a lost reply would show the file twice.
      idempotent: false,
      rateKey: `${NAME}:${credentialFingerprint(parsed.appId)}`,
      rateLimit: RATE_LIMIT,
    },
  };
}
