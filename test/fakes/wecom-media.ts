import { createHash } from 'node:crypto';
import type { RecordedRequest } from '../helpers/fake-server.js';
import { parseMultipart } from './multipart.js';

/**
 * The WeCom group robot's media, for fakeWecom's `intercept` (群机器人配置说明,
 * https://developer.work.weixin.qq.com/document/path/91770):
 * - `POST /cgi-bin/webhook/upload_media?key=KEY&type=file|voice`, multipart, the file in field `media` with
 *   `filename` and `filelength`; files > 5 bytes and ≤ 20 MB; reply `{errcode:0, type, media_id, created_at}`
 *   with created_at a string; the id serves only the robot (key) that uploaded it.
 * - `image` messages: `base64` of a JPG or PNG of at most 2 MB and `md5` of its raw bytes.
 * Error codes as the official Go SDK lists them (xen0n/go-workwx errcodes/mod.go): 40004 bad media type, 40005 bad
 * file type, 40006 bad file size, 40007 bad media_id, 40009 bad image size, 44001 empty media, 45001 too large.
 * What WeCom answers to an md5 that does not match is not documented: this stand-in answers 40009.
 */
export function wecomRobotMedia(keys: string[]) {
  const issued = new Map<string, string>();
  const uploads: { key: string; filename?: string; filelength?: string; size: number; type: string }[] = [];
  const intercept = (request: RecordedRequest, reply: (status: number, body: unknown) => void): boolean => {
    const key = request.query.get('key') ?? '';
    if (request.path === '/cgi-bin/webhook/upload_media') {
      if (!keys.includes(key)) return (reply(200, { errcode: 93000, errmsg: 'invalid webhook url' }), true);
      const type = request.query.get('type') ?? '';
      if (type !== 'file' && type !== 'voice')
        return (reply(200, { errcode: 40004, errmsg: 'invalid media type' }), true);
      const media = parseMultipart(request.raw, request.headers['content-type'])?.find((part) => part.name === 'media');
      if (!media || media.data.length === 0) return (reply(200, { errcode: 44001, errmsg: 'empty media data' }), true);
      if (media.data.length <= 5) return (reply(200, { errcode: 40006, errmsg: 'invalid file size' }), true);
      if (media.data.length > 20 * 1024 * 1024)
        return (reply(200, { errcode: 45001, errmsg: 'media size out of limit' }), true);
      const id = `3a${createHash('md5').update(media.data).digest('hex').slice(0, 20)}`;
      issued.set(id, key);
      uploads.push({
        key,
        filename: media.filename,
        filelength: media.params.filelength,
        size: media.data.length,
        type,
      });
      reply(200, { errcode: 0, errmsg: 'ok', type, media_id: id, created_at: '1380000000' });
      return true;
    }
    const body = request.json as {
      msgtype?: string;
      image?: { base64?: string; md5?: string };
      file?: { media_id?: string };
    };
    if (request.path === '/cgi-bin/webhook/send' && body?.msgtype === 'image') {
      const bytes = Buffer.from(body.image?.base64 ?? '', 'base64');
      const png = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const jpeg = bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
      if (!png && !jpeg) return (reply(200, { errcode: 40005, errmsg: 'invalid file type' }), true);
      if (bytes.length > 2 * 1024 * 1024) return (reply(200, { errcode: 40009, errmsg: 'invalid image size' }), true);
      if (createHash('md5').update(bytes).digest('hex') !== body.image?.md5)
        return (reply(200, { errcode: 40009, errmsg: 'invalid image md5' }), true);
    }
    if (request.path === '/cgi-bin/webhook/send' && body?.msgtype === 'file') {
      if (issued.get(body.file?.media_id ?? '') !== key)
        return (reply(200, { errcode: 40007, errmsg: 'invalid media_id' }), true);
    }
    return false;
  };
  return { intercept, uploads };
}
