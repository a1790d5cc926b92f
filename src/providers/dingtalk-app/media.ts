/**
 * How a DingTalk work notification carries images and files: `POST /media/upload?access_token=T`, multipart `type`
 * (image|file) and `media`; images jpg/gif/png/bmp and files up to 20 MB, files only doc, docx, xls, xlsx, ppt,
 * pptx, zip, pdf or rar (上传媒体文件, https://open.dingtalk.com/document/orgapp/upload-media-files): anything else
 * (an APK, an HTML report) is sent zipped and the message says so. Then `image` / `file` messages with the
 * `media_id` to the same recipients (asyncsend_v2,
 * https://open.dingtalk.com/document/orgapp/asynchronous-sending-of-enterprise-session-messages). One upload per
 * AppKey and content hash in a run. Loaded only when a message has media.
 */
import { extname } from 'node:path';
import { credentialFingerprint } from '../../model/idempotency.js';
import { ConfigError } from '../../model/errors.js';
import { bytesOf, imageLinksMarkdown, mediaWords, type MediaBytes, type MediaImage } from '../../render/media.js';
import { escapeMarkdown } from '../../render/escape.js';
import { joinUrl } from '../endpoint.js';
import type { CarriedMedia, DeliveryPlan, MediaCarrier } from '../types.js';
import { cachedUpload, runUpload, uploadPreview, type FormPart } from '../upload.js';
import { zipOne } from '../zip.js';
import { DRY_RUN_TOKEN } from '../app-channel.js';
import { NAME, PATHS } from './descriptor.js';
import { accessToken, call, dingtalkApp, dingtalkAppVerdict, targetLabel, type DingtalkAppSettings } from './index.js';

export const DINGTALK_MEDIA_MAX_BYTES = 20 * 1024 * 1024;
export const DINGTALK_FILE_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'zip', 'pdf', 'rar'];
const UPLOAD_PATH = '/media/upload';

export const dingtalkAppMedia: MediaCarrier<DingtalkAppSettings> = {
  carry(parsed, message, env): CarriedMedia {
    const media = message.media!;
    // The status-bar update changes an earlier message; it sends nothing new.
    if (parsed.updateTasks) return { message, after: [] };
    const token = dingtalkApp.tokens.get(parsed) ?? accessToken(parsed, env);
    dingtalkApp.tokens.set(parsed, token);
    const credential = credentialFingerprint(parsed.appKey);
    const files = media.files.map((file) => {
      const allowed = DINGTALK_FILE_TYPES.includes(extname(file.name).slice(1).toLowerCase());
      const sent = allowed ? file : { name: `${file.name}.zip`, data: bytesOf(zipOne(file.name, file.data.bytes)) };
      if (sent.data.size > DINGTALK_MEDIA_MAX_BYTES)
        throw new ConfigError(
          'file',
          `'${sent.name}' is ${sent.data.size} bytes; DingTalk takes files of at most 20 MB`,
          'a smaller file',
        );
      return { original: file.name, ...sent, zipped: !allowed };
    });
    const images: MediaImage[] = [...(media.qr ? [media.qr] : []), ...media.images];
    const sendable = images.filter((image) => image.data && image.data.size <= DINGTALK_MEDIA_MAX_BYTES);
    const linked = images.filter((image) => !sendable.includes(image));
    const { recipients } = parsed;
    const label = targetLabel(recipients);
    const after: DeliveryPlan[] = [];
    const add = (kind: 'image' | 'file', name: string, data: MediaBytes, contentType: string) => {
      const parts: FormPart[] = [
        { name: 'type', value: kind },
        { name: 'media', filename: name, contentType, data },
      ];
      const url = (auth: string) =>
        `${joinUrl(parsed.baseUrl, UPLOAD_PATH)}?${new URLSearchParams({ access_token: auth, type: kind })}`;
      const mediaId = async () =>
        env.dryRun
          ? `<media_id of ${name}>`
          : cachedUpload(env, `${NAME}:${credential}:${kind}:${data.sha256}`, async () =>
              runUpload(
                env,
                {
                  label: `DingTalk app upload ${name}`,
                  url: url(await token.get()),
                  parts,
                  interpret: (reply) => dingtalkAppVerdict(reply, parsed.reauthCodes),
                  rateKey: `${NAME}:${credential}`,
                },
                (json) => (typeof json.media_id === 'string' ? json.media_id : undefined),
              ),
            );
      const exchange = call(parsed, env, token, `${label} (${kind} ${name})`, PATHS.send, '', false);
      const build = exchange.build;
      after.push({
        target: `${label} (${kind} ${name})`,
        uploads: [uploadPreview(url(DRY_RUN_TOKEN), parts)],
        exchange: {
          ...exchange,
          build: async (attempt) => {
            const request = await build(attempt);
            const body = JSON.stringify({
              agent_id: parsed.agentId,
              ...(recipients.users.length ? { userid_list: recipients.users.join(',') } : {}),
              ...(recipients.depts.length ? { dept_id_list: recipients.depts.join(',') } : {}),
              ...(recipients.all ? { to_all_user: true } : {}),
              msg: { msgtype: kind, [kind]: { media_id: await mediaId() } },
            });
            return { ...request, body };
          },
        },
      });
    };
    for (const image of sendable)
      add('image', image.name, image.data!, image.type === 'jpeg' ? 'image/jpeg' : 'image/png');
    for (const file of files)
      add('file', file.name, file.data, file.zipped ? 'application/zip' : 'application/octet-stream');
    const said = [...sendable.map((image) => image.name), ...files.map((file) => file.name)];
    if (said.length) env.logger.info(`DingTalk app: ${said.join(', ')} uploaded and sent after the text.`);
    const notes: string[] = [];
    const zipped = files.filter((file) => file.zipped);
    if (zipped.length) {
      const words = mediaWords(message.locale);
      const list = zipped.map((file) => `${escapeMarkdown(file.original)} → ${escapeMarkdown(file.name)}`).join(', ');
      notes.push(
        `${words.file}: ${list} (${message.locale === 'en' ? 'zipped: DingTalk takes only doc, xls, ppt, pdf, zip and rar files' : '已压缩：钉钉仅支持 doc、xls、ppt、pdf、zip、rar 文件'})`,
      );
      env.logger.info(
        `DingTalk app: ${zipped.map((file) => file.original).join(', ')} sent zipped (DingTalk takes only doc/xls/ppt/pdf/zip/rar files).`,
      );
    }
    if (linked.length) {
      notes.push(imageLinksMarkdown(linked, message.locale));
      env.logger.warning(
        `DingTalk app: ${linked.map((image) => image.name).join(', ')} cannot be uploaded; linked or named in the text.`,
      );
    }
    return {
      message: notes.length
        ? { ...message, markdown: `${message.markdown.trimEnd()}\n\n${notes.join('\n\n')}` }
        : message,
      after,
    };
  },
};
