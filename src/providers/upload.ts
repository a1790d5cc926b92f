/**
 * Uploads of images and files (WeCom `upload_media` / `media/upload`, Feishu `im/v1/images` / `im/v1/files`,
 * DingTalk `media/upload`): one multipart encoder, one printout for the dry run (sizes and hashes, never the
 * bytes), and one cache so an image or file is uploaded once per service credential within a run.
 * Imported only by the providers' media modules, which load only when a message has media.
 */
import { randomBytes } from 'node:crypto';
import { describeBytes, type MediaBytes } from '../render/media.js';
import type { ExchangeSpec } from '../transport/transport.js';
import type { HttpRequest } from '../transport/types.js';
import type { PlanEnvironment } from './types.js';

export type FormPart =
  | { name: string; value: string }
  | {
      name: string;
      filename: string;
      contentType: string;
      data: MediaBytes;
      /** Extra Content-Disposition parameters (WeCom documents `filelength`). */
      extra?: Record<string, string>;
    };

/** A file name safe inside a quoted Content-Disposition parameter (no quotes, no line breaks). */
function quoted(text: string): string {
  return text.replace(/["\\\r\n]/g, '_');
}

/** multipart/form-data (RFC 7578) of the parts, with a random boundary. */
export function multipart(parts: readonly FormPart[]): { body: Uint8Array; contentType: string } {
  const boundary = `----ci-notifier-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(part.name)}"`;
    if ('data' in part) {
      head += `; filename="${quoted(part.filename)}"`;
      for (const [key, value] of Object.entries(part.extra ?? {})) head += `; ${key}=${quoted(value)}`;
      head += `\r\nContent-Type: ${part.contentType}\r\n\r\n`;
      chunks.push(Buffer.from(head, 'utf8'), Buffer.from(part.data.bytes), Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`${head}\r\n\r\n${part.value}\r\n`, 'utf8'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The request as the dry run prints it: the form's fields, and each file by name, size and hashes. */
export function uploadPreview(url: string, parts: readonly FormPart[]): HttpRequest {
  const lines = parts.map((part) =>
    'data' in part
      ? `${part.name}=@${describeBytes(part.filename, part.data)} ${part.contentType}`
      : `${part.name}=${part.value}`,
  );
  return { method: 'POST', url, headers: { 'content-type': 'multipart/form-data' }, body: lines.join('\n') };
}

/**
 * The id of an upload, made once per key within the run (`key` = provider, credential fingerprint, kind and the
 * content's SHA-256). A failed upload is not kept, so the next delivery that needs it tries again.
 */
export function cachedUpload(env: PlanEnvironment, key: string, upload: () => Promise<string>): Promise<string> {
  const cache = env.uploads;
  if (!cache) return upload();
  let pending = cache.get(`upload:${key}`) as Promise<string> | undefined;
  if (!pending) {
    pending = upload();
    cache.set(`upload:${key}`, pending);
    pending.catch(() => cache.delete(`upload:${key}`));
  }
  return pending;
}

/** Runs an upload exchange through the run's transport (retried like a send) and returns the id it read. */
export async function runUpload(
  env: PlanEnvironment,
  spec: Omit<ExchangeSpec, 'build'> & { url: string; parts: readonly FormPart[]; headers?: Record<string, string> },
  idOf: (json: Record<string, unknown>) => string | undefined,
): Promise<string> {
  const { body, contentType } = multipart(spec.parts);
  const outcome = await env.transport.exchange({
    // An upload creates no message: repeating one after a lost reply only costs an unused id.
    idempotent: true,
    ...spec,
    build: () => ({
      method: 'POST',
      url: spec.url,
      headers: { ...spec.headers, 'content-type': contentType },
      bodyBytes: body,
    }),
  });
  const json = outcome.reply.json;
  const id = json && typeof json === 'object' ? idOf(json as Record<string, unknown>) : undefined;
  if (!id) throw new Error(`${spec.label}: the upload reply carries no id`);
  return id;
}
