import { mkdtemp, mkdir, symlink, writeFile, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, qrPng, readMedia, sniffImage } from '../../src/notify/media.js';
import { readInstall } from '../../src/notify/install.js';
import { installMarkdown } from '../../src/render/media.js';
import { toPlainText } from '../../src/render/markdown.js';

let root: string;
let png: Buffer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'media-'));
  png = Buffer.from(await qrPng('https://example.com/screenshot'));
  await mkdir(join(root, 'shots'));
  await writeFile(join(root, 'shots', 'a.png'), png);
  await writeFile(join(root, 'shots', 'b.png'), png);
  await writeFile(join(root, 'notes.txt'), 'not an image');
  await writeFile(join(root, 'app.apk'), Buffer.from('PK\u0003\u0004 an apk, zipped'));
  await symlink('/etc/hostname', join(root, 'leak.png'));
  await writeFile(join(root, 'huge.apk'), '');
  await truncate(join(root, 'huge.apk'), MAX_FILE_BYTES + 1);
});

describe('QR codes', () => {
  it('are PNG made locally: 300 px, the signature and IHDR of a PNG', async () => {
    const bytes = Buffer.from(await qrPng('https://www.pgyer.com/abcd'));
    expect(sniffImage(bytes)).toBe('png');
    expect(bytes.readUInt32BE(16)).toBe(300);
    expect(bytes.length).toBeLessThan(10_000);
  });
});

describe('readMedia', () => {
  it('reads workspace images by glob, sniffs their type and hashes the raw bytes', async () => {
    const media = await readMedia({ image: 'shots/*.png, https://cdn.example.com/c.jpg' }, { root });
    expect(media.images.map((image) => image.name)).toEqual(['c.jpg', 'a.png', 'b.png']);
    expect(media.images[0]).toMatchObject({ url: 'https://cdn.example.com/c.jpg' });
    expect(media.images[1]!.type).toBe('png');
    expect(media.images[1]!.data!.md5).toBe(createHash('md5').update(png).digest('hex'));
    expect(media.images[1]!.data!.size).toBe(png.length);
  });

  it('refuses what is not a PNG or JPEG, a link out of the workspace, a path that climbs out, too many', async () => {
    await expect(readMedia({ image: 'notes.txt' }, { root })).rejects.toThrow(/'image'.*not a PNG or JPEG/);
    await expect(readMedia({ image: 'leak.png' }, { root })).rejects.toThrow(/'image'.*symbolic link that leads out/);
    await expect(readMedia({ file: '../etc/passwd' }, { root })).rejects.toThrow(/'file'.*outside the workspace/);
    await expect(readMedia({ image: 'a,b,c,d,e' }, { root })).rejects.toThrow(/more than 4/);
    await expect(readMedia({ image: 'ftp://x/y.png' }, { root })).rejects.toThrow(/'image'/);
  });

  it('checks the size before reading a file', async () => {
    await expect(readMedia({ file: 'huge.apk' }, { root })).rejects.toThrow(/'file'.*larger than 30 MB/);
    const media = await readMedia({ file: 'app.apk' }, { root });
    expect(media.files[0]).toMatchObject({ name: 'app.apk', data: { size: 19 } });
  });

  it("makes the QR code of `qr` and of `install`, with pgyer's hosted QR image as its URL", async () => {
    const qr = await readMedia({ qr: 'https://intranet.example/dl?id=7' }, { root });
    expect(qr.qr).toMatchObject({ link: 'https://intranet.example/dl?id=7', type: 'png', name: 'qr.png' });
    expect(qr.qr!.url).toBeUndefined();
    await writeFile(
      join(root, 'pgyer.json'),
      JSON.stringify({
        code: 0,
        message: '',
        data: {
          buildKey: 'k1',
          buildShortcutUrl: 'AbCd',
          buildQRCodeURL: 'https://www.pgyer.com/app/qrcodeHistory/xyz',
          buildName: 'Demo',
          buildVersion: '1.2.0',
          buildBuildVersion: '45',
        },
      }),
    );
    const media = await readMedia({ install: 'pgyer.json' }, { root });
    expect(media.install).toEqual({
      url: 'https://www.pgyer.com/AbCd',
      source: 'pgyer',
      appName: 'Demo',
      version: '1.2.0',
      build: '45',
      qrImageUrl: 'https://www.pgyer.com/app/qrcodeHistory/xyz',
    });
    expect(media.qr).toMatchObject({
      link: 'https://www.pgyer.com/AbCd',
      url: 'https://www.pgyer.com/app/qrcodeHistory/xyz',
    });
    expect(toPlainText(installMarkdown(media, 'zh-CN'))).toContain('安装: Demo 版本 1.2.0，构建 45');
    expect(toPlainText(installMarkdown(media, 'en'))).toContain('Install: Demo version 1.2.0, build 45');
  });
});

describe('readInstall', () => {
  it("reads fir.im's app reply into its install page", async () => {
    await writeFile(
      join(root, 'fir.json'),
      JSON.stringify({ short: 'abcd', download_domain: 'd.appmeta.cn', master_release_id: '5f1', name: 'Demo' }),
    );
    expect(await readInstall('fir.json', { root })).toMatchObject({
      url: 'https://d.appmeta.cn/abcd?release_id=5f1',
      source: 'fir',
      appName: 'Demo',
    });
  });

  it('waits out pgyer code 1247 by polling buildInfo, within the deadline', async () => {
    await writeFile(
      join(root, 'busy.json'),
      JSON.stringify({ code: 1247, message: 'processing', data: { buildKey: 'k9' } }),
    );
    const asked: string[] = [];
    let clock = 0;
    const replies = [
      { code: 1247, message: 'processing' },
      { code: 0, data: { buildShortcutUrl: 'Zz9', buildVersion: '2.0' } },
    ];
    const fakeFetch = (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(replies.shift()));
    }) as unknown as typeof fetch;
    const deps = {
      root,
      pgyerApiKey: 'key-123',
      pgyerEndpoint: 'http://127.0.0.1:1',
      fetch: fakeFetch,
      now: () => clock,
      sleep: async (ms: number) => {
        clock += ms;
      },
      deadline: 60_000,
    };
    expect(await readInstall('busy.json', deps)).toMatchObject({ url: 'https://www.pgyer.com/Zz9', version: '2.0' });
    expect(asked).toHaveLength(2);
    expect(asked[0]).toContain('/apiv2/app/buildInfo?_api_key=key-123&buildKey=k9');
    replies.push({ code: 1247, message: 'processing' }, { code: 1247, message: 'processing' });
    await expect(readInstall('busy.json', { ...deps, deadline: clock + 4000 })).rejects.toThrow(
      /still processing.*deadline/,
    );
    await expect(readInstall('busy.json', { root })).rejects.toThrow(/PGYER_API_KEY/);
  });

  it('takes a plain URL and refuses other schemes', async () => {
    expect(await readInstall('https://example.com/app', { root })).toEqual({
      url: 'https://example.com/app',
      source: 'url',
    });
    await expect(readInstall('javascript:alert(1)', { root })).rejects.toThrow(/'install'/);
  });
});
