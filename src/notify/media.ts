/**
 * Reads `image`, `qr`, `file` and `install` into the message's media (render/media.ts). Loaded only by a run that
 * gives one of them (notify/media-inputs.ts), so a run without media pays nothing for it, QR encoder included.
 * Workspace files are read like every other workspace input (render/template-file.ts: inside the workspace by real
 * path, no special files, size checked before reading); every limit here is checked before anything is sent.
 */
import { promises as fs } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { parseList, type MediaInputs } from '../model/config.js';
import { ConfigError } from '../model/errors.js';
import { bytesOf, type InstallInfo, type MediaFile, type MediaImage, type MessageMedia } from '../render/media.js';
import { readWorkspaceBytes } from '../render/template-file.js';
import { readInstall, type InstallDependencies } from './install.js';

/** "A few at most": one announcement, not an album. */
export const MAX_IMAGES = 4;
export const MAX_FILES = 4;
/** The largest image any service takes (Feishu and WeCom apps 10 MB); each provider checks its own, smaller limit. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** The largest file any service takes (Feishu `im/v1/files` 30 MB); WeCom and DingTalk check their 20 MB. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/** QR PNG: 300 px with a quiet zone of 2 modules, error correction M (scans from a phone held to a laptop screen). */
export const QR_OPTIONS = { type: 'png', width: 300, margin: 2, errorCorrectionLevel: 'M' } as const;

export interface MediaDependencies extends InstallDependencies {
  /** The workspace: paths and globs resolve inside it. */
  root: string;
}

/** The image type from its first bytes; a name says nothing about what a file holds. */
export function sniffImage(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

function httpsUrl(input: string, raw: string, expected: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(input, `'${raw}' is not a URL`, expected);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(input, `'${raw}' is not an http(s) URL`, expected);
  return url.href;
}

const isUrl = (text: string) => /^https?:\/\//i.test(text);

/** Workspace paths matching the globs, in order, refusing patterns that climb out of the workspace. */
async function matches(input: string, patterns: string[], root: string, max: number): Promise<string[]> {
  const found: string[] = [];
  for (const pattern of patterns) {
    if (isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..'))
      throw new ConfigError(input, `'${pattern}' points outside the workspace`, 'a path or glob inside the workspace');
    if (!/[*?[{]/.test(pattern)) {
      found.push(pattern);
      continue;
    }
    const glob = (fs as { glob?: (pattern: string, options: { cwd: string }) => AsyncIterable<string> }).glob;
    if (!glob) throw new ConfigError(input, `'${pattern}' is a glob, which needs Node.js 22 or later`, 'a plain path');
    const before = found.length;
    const real = await fs.realpath(root);
    const hits: string[] = [];
    for await (const match of glob(pattern, { cwd: real })) hits.push(match);
    found.push(...hits.sort());
    if (found.length === before)
      throw new ConfigError(input, `no file matches '${pattern}'`, 'a path or glob that matches a file');
  }
  if (found.length > max)
    throw new ConfigError(input, `names ${found.length} files, more than ${max}`, `at most ${max} files`);
  return found;
}

async function readOne(input: string, path: string, root: string, maxBytes: number, expected: string) {
  try {
    return await readWorkspaceBytes(root, path, { input, maxBytes, expected });
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(input, `cannot read '${path}' (${(error as Error).message})`, expected);
  }
}

async function readImages(raw: string | undefined, root: string): Promise<MediaImage[]> {
  const items = parseList(raw);
  const urls = items.filter(isUrl);
  const paths = await matches(
    'image',
    items.filter((item) => !isUrl(item)),
    root,
    MAX_IMAGES,
  );
  if (urls.length + paths.length > MAX_IMAGES)
    throw new ConfigError(
      'image',
      `names ${urls.length + paths.length} images, more than ${MAX_IMAGES}`,
      `at most ${MAX_IMAGES}`,
    );
  const images: MediaImage[] = urls.map((url) => {
    const href = httpsUrl('image', url, 'a PNG/JPEG file in the workspace or an https URL');
    return {
      name: basename(new URL(href).pathname) || 'image',
      alt: basename(new URL(href).pathname) || 'image',
      url: href,
    };
  });
  for (const path of paths) {
    const bytes = await readOne('image', path, root, MAX_IMAGE_BYTES, 'a PNG or JPEG image in the workspace');
    const type = sniffImage(bytes);
    if (!type) throw new ConfigError('image', `'${path}' is not a PNG or JPEG image`, 'a PNG or JPEG file');
    images.push({ name: basename(path), alt: basename(path), data: bytesOf(bytes), type });
  }
  return images;
}

async function readFiles(raw: string | undefined, root: string): Promise<MediaFile[]> {
  const paths = await matches('file', parseList(raw), root, MAX_FILES);
  const files: MediaFile[] = [];
  for (const path of paths) {
    const bytes = await readOne('file', path, root, MAX_FILE_BYTES, 'a file in the workspace');
    if (bytes.length === 0) throw new ConfigError('file', `'${path}' is empty`, 'a file with content');
    files.push({ name: basename(path), data: bytesOf(bytes) });
  }
  return files;
}

/** The QR code as PNG, made here: the URL may be private, so no QR web service ever sees it. */
export async function qrPng(url: string): Promise<Uint8Array> {
  // qrcode (soldair/node-qrcode): pure JavaScript (pngjs for PNG), MIT; `toBuffer` is in lib/server.js.
  const { default: QRCode } = await import(/* webpackChunkName: "qrcode" */ 'qrcode');
  return QRCode.toBuffer(url, QR_OPTIONS);
}

/** Reads every media input; throws ConfigError naming the input before anything is sent. */
export async function readMedia(inputs: MediaInputs, deps: MediaDependencies): Promise<MessageMedia> {
  const install: InstallInfo | undefined = inputs.install ? await readInstall(inputs.install, deps) : undefined;
  const images = await readImages(inputs.image, deps.root);
  const files = await readFiles(inputs.file, deps.root);
  const qrLink = inputs.qr ? httpsUrl('qr', inputs.qr.trim(), 'the URL to encode, e.g. an install page') : install?.url;
  let qr: MessageMedia['qr'];
  if (qrLink) {
    const png = await qrPng(qrLink);
    const hosted = install?.qrImageUrl && qrLink === install.url ? install.qrImageUrl : undefined;
    qr = {
      name: 'qr.png',
      alt: 'QR',
      link: qrLink,
      data: bytesOf(png),
      type: 'png',
      ...(hosted ? { url: hosted } : {}),
    };
  }
  return { images, files, ...(qr ? { qr } : {}), ...(install ? { install } : {}) };
}
