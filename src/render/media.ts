/**
 * Images, files, the install QR code and the install link of a message (`image`, `qr`, `file`, `install`): part of
 * the message model. The front end reads them (notify/media.ts, loaded only when one of those inputs is given);
 * each provider decides how it carries them (inline, uploaded, a URL in the body, or a link and a notice).
 * This module holds types and small text helpers only, so a run without media loads nothing more.
 */
import { createHash } from 'node:crypto';
import { escapeMarkdown } from './escape.js';
import type { Locale } from '../model/config.js';

/** Bytes read from the workspace (or generated), with the facts uploads and previews need. */
export interface MediaBytes {
  bytes: Uint8Array;
  size: number;
  /** Hex MD5 of the raw bytes (WeCom's image message carries it). */
  md5: string;
  /** Hex SHA-256 of the raw bytes: the key uploaded ids are reused by within a run. */
  sha256: string;
}

/** The bytes with their size and hashes. */
export function bytesOf(bytes: Uint8Array): MediaBytes {
  return {
    bytes,
    size: bytes.length,
    md5: createHash('md5').update(bytes).digest('hex'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export type ImageType = 'png' | 'jpeg';

export interface MediaImage {
  /** File name shown and uploaded (`qr.png` for a generated QR code). */
  name: string;
  /** Short description (alt text). */
  alt: string;
  /** A public https URL of the image, when there is one (an `image` URL, pgyer's hosted QR code). */
  url?: string;
  /** The image itself, when local or generated. */
  data?: MediaBytes;
  /** Sniffed from the bytes (never from the name). */
  type?: ImageType;
}

export interface MediaFile {
  name: string;
  data: MediaBytes;
}

/** What `install` read: an app-distribution result (pgyer, fir.im) or a plain URL. */
export interface InstallInfo {
  /** The install (download) page. */
  url: string;
  source: 'pgyer' | 'fir' | 'url';
  appName?: string;
  version?: string;
  build?: string;
  /** The service's hosted QR-code image (pgyer `buildQRCodeURL`). */
  qrImageUrl?: string;
}

export interface MessageMedia {
  images: MediaImage[];
  files: MediaFile[];
  /** The QR code: generated locally as PNG, with the URL it encodes (`link`) and a hosted image URL when known. */
  qr?: MediaImage & { link: string };
  install?: InstallInfo;
  /** Images a provider uploaded to show inside the message itself (Feishu card `img` by `image_key`). */
  embedded?: { key: string; alt: string }[];
  /**
   * Images a provider shows by URL after the text (DingTalk Markdown, ServerChan, pushplus), rendered for each
   * dialect with its separator (render/inline-images.ts): only URLs from `image`, `qr` or `install` (checked
   * http(s)), never from event text, where a remote image is a tracking pixel.
   */
  inline?: Partial<Record<string, string>>;
}

interface MediaWords {
  install: string;
  version: string;
  build: string;
  scan: string;
  image: string;
  file: string;
  notAttached: string;
}

const WORDS: Record<'en' | 'zh-CN', MediaWords> = {
  en: {
    install: 'Install',
    version: 'version',
    build: 'build',
    scan: 'Scan to install',
    image: 'Image',
    file: 'File',
    notAttached: 'not attached here',
  },
  'zh-CN': {
    install: '安装',
    version: '版本',
    build: '构建',
    scan: '扫码安装',
    image: '图片',
    file: '文件',
    notAttached: '未随消息发送',
  },
};

export function mediaWords(locale: Locale | undefined): MediaWords {
  return locale === 'en' ? WORDS.en : WORDS['zh-CN'];
}

/** "v1.2.0 (build 45)" of an install result, or ''. */
export function versionLabel(install: InstallInfo | undefined, locale?: Locale): string {
  if (!install) return '';
  const words = mediaWords(locale);
  const parts = [
    install.version ? `${words.version} ${install.version}` : '',
    install.build ? `${words.build} ${install.build}` : '',
  ]
    .filter(Boolean)
    .join(locale === 'en' ? ', ' : '，');
  return parts;
}

/**
 * Markdown lines every service can show: the install link with version and build, and the link the QR code
 * encodes. Values from a distribution reply are escaped like any other stranger-written text.
 */
export function installMarkdown(media: MessageMedia, locale?: Locale): string {
  const words = mediaWords(locale);
  const lines: string[] = [];
  const install = media.install;
  if (install) {
    const label = [install.appName, versionLabel(install, locale)].filter(Boolean).join(' ');
    lines.push(`**${words.install}**: [${escapeMarkdown(label || install.url)}](${install.url})`);
  }
  const qr = media.qr;
  if (qr && qr.link !== install?.url) lines.push(`**${words.scan}**: [${escapeMarkdown(qr.link)}](${qr.link})`);
  return lines.join('\n\n');
}

/** Markdown links to images that have a URL, and names of those that have none ("not attached here"). */
export function imageLinksMarkdown(images: readonly MediaImage[], locale?: Locale): string {
  const words = mediaWords(locale);
  return images
    .map((image) =>
      image.url
        ? `${words.image}: [${escapeMarkdown(image.alt || image.name)}](${image.url})`
        : `${words.image}: ${escapeMarkdown(image.name)} (${words.notAttached})`,
    )
    .join('\n\n');
}

export function fileNamesMarkdown(files: readonly MediaFile[], locale?: Locale): string {
  const words = mediaWords(locale);
  return files.map((file) => `${words.file}: ${escapeMarkdown(file.name)} (${words.notAttached})`).join('\n\n');
}

/** Short facts of some bytes for logs and dry-run printouts (never the bytes themselves). */
export function describeBytes(name: string, data: MediaBytes): string {
  return `${name} (${data.size} bytes, md5 ${data.md5}, sha256 ${data.sha256.slice(0, 16)}…)`;
}
