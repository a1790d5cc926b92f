/**
 * How a WeCom app carries images and files: `POST /cgi-bin/media/upload?access_token=T&type=image|file`
 * (multipart, field `media` with `filename`, `filelength` and content type; every file more than 5 bytes, images
 * JPG/PNG up to 10 MB, files up to 20 MB: 上传临时素材 https://developer.work.weixin.qq.com/document/path/90253),
 * then `image` / `file` messages with the `media_id` to the same recipients (发送应用消息,
 * https://developer.work.weixin.qq.com/document/path/90236). A media_id lasts 3 days and serves every app of the
 * corp, so one upload per corp credential and content hash serves the whole run. Loaded only for media.
 */
import { credentialFingerprint } from '../../model/idempotency.js';
import { ConfigError } from '../../model/errors.js';
import { imageLinksMarkdown, type MediaBytes, type MediaImage } from '../../render/media.js';
import { joinUrl } from '../endpoint.js';
import type { CarriedMedia, DeliveryPlan, MediaCarrier, PlanEnvironment } from '../types.js';
import { cachedUpload, runUpload, uploadPreview, type FormPart } from '../upload.js';
import { NAME } from './descriptor.js';
import { batchPlans, tokenFor, wecomAppVerdict, type WecomAppSettings } from './index.js';
import { DRY_RUN_TOKEN } from '../app-channel.js';

export const WECOM_APP_LIMITS = { image: 10 * 1024 * 1024, file: 20 * 1024 * 1024, min: 6 } as const;
const UPLOAD_PATH = '/cgi-bin/media/upload';

export const wecomAppMedia: MediaCarrier<WecomAppSettings> = {
  carry(parsed, message, env: PlanEnvironment): CarriedMedia {
    const media = message.media!;
    for (const file of media.files)
      if (file.data.size > WECOM_APP_LIMITS.file || file.data.size < WECOM_APP_LIMITS.min)
        throw new ConfigError(
          'file',
          `'${file.name}' is ${file.data.size} bytes; a WeCom app takes files of 6 bytes to 20 MB`,
          'a smaller file',
        );
    const token = tokenFor(parsed, env);
    const credential = credentialFingerprint(parsed.corpId);
    const images: MediaImage[] = [...(media.qr ? [media.qr] : []), ...media.images];
    const sendable = images.filter(
      (image) => image.data && image.type && image.data.size <= WECOM_APP_LIMITS.image && image.data.size >= 6,
    );
    const linked = images.filter((image) => !sendable.includes(image));
    const after: DeliveryPlan[] = [];
    const add = (kind: 'image' | 'file', name: string, data: MediaBytes, contentType: string) => {
      const parts: FormPart[] = [
        { name: 'media', filename: name, contentType, data, extra: { filelength: String(data.size) } },
      ];
      const url = (auth: string) =>
        `${joinUrl(parsed.baseUrl, UPLOAD_PATH)}?${new URLSearchParams({ access_token: auth, type: kind })}`;
      const mediaId = async () =>
        env.dryRun
          ? `<media_id of ${name}>`
          : cachedUpload(env, `${NAME}:${credential}:${kind}:${data.sha256}`, async () => {
              const auth = await token.get();
              return runUpload(
                env,
                {
                  label: `WeCom app upload ${name}`,
                  url: url(auth),
                  parts,
                  interpret: (reply) => wecomAppVerdict(reply, parsed.reauthCodes),
                  rateKey: `${NAME}:${credential}`,
                },
                (json) => (typeof json.media_id === 'string' ? json.media_id : undefined),
              );
            });
      const plans = batchPlans(
        parsed,
        env,
        token,
        async () => ({ msgtype: kind, [kind]: { media_id: await mediaId() } }),
        {},
        ` (${kind} ${name})`,
      );
      if (plans[0]) plans[0].uploads = [uploadPreview(url(DRY_RUN_TOKEN), parts)];
      after.push(...plans);
    };
    for (const image of sendable)
      add('image', image.name, image.data!, image.type === 'jpeg' ? 'image/jpeg' : 'image/png');
    for (const file of media.files) add('file', file.name, file.data, 'application/octet-stream');
    const said = [...sendable.map((image) => image.name), ...media.files.map((file) => file.name)];
    if (said.length) env.logger.info(`WeCom app: ${said.join(', ')} uploaded and sent after the text.`);
    if (!linked.length) return { message, after };
    env.logger.warning(
      `WeCom app: ${linked.map((image) => image.name).join(', ')} cannot be sent as an image (PNG/JPEG bytes up to 10 MB); linked or named in the text.`,
    );
    return {
      message: {
        ...message,
        markdown: `${message.markdown.trimEnd()}\n\n${imageLinksMarkdown(linked, message.locale)}`,
      },
      after,
    };
  },
};
