import { createHash } from 'node:crypto';
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { qrPng } from '../../src/notify/media.js';
import { fakeWecom } from '../fakes/wecom.js';
import { wecomRobotMedia } from '../fakes/wecom-media.js';
import { parseMultipart } from '../fakes/multipart.js';
import { runInProcess } from '../helpers/in-process.js';

const KEY = '693a91f6-7e2d-4bc4-97a0-0ec2a1fa5aaa';
let workspace: string;
let shot: Buffer;
const apk = Buffer.from('PK\u0003\u0004 this is the release apk');

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'wecom-media-'));
  shot = Buffer.from(await qrPng('https://example.com/a-screenshot'));
  await writeFile(join(workspace, 'shot.png'), shot);
  await writeFile(join(workspace, 'app.apk'), apk);
  await writeFile(join(workspace, 'big.apk'), '');
  await truncate(join(workspace, 'big.apk'), 21 * 1024 * 1024);
});

describe('WeCom robot: images as image messages, files uploaded then sent as file messages', () => {
  let fake: ReturnType<typeof fakeWecom>;
  let media: ReturnType<typeof wecomRobotMedia>;
  let failUploads = 0;
  beforeEach(async () => {
    media = wecomRobotMedia([KEY]);
    failUploads = 0;
    fake = fakeWecom({
      keys: [KEY],
      intercept: (request, reply) => {
        if (request.path === '/cgi-bin/webhook/upload_media' && failUploads > 0) {
          failUploads--;
          reply(200, { errcode: 45009, errmsg: 'api freq out of limit' });
          return true;
        }
        return media.intercept(request, reply);
      },
    });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const run = (inputs: Record<string, string>) =>
    runInProcess(
      { locale: 'en', provider: 'wecom', endpoint: fake.url, status: 'success', token: KEY, ...inputs },
      { GITHUB_WORKSPACE: workspace },
    );

  it('sends the text, then the QR code and the image (base64 + md5 of the raw bytes), then the uploaded file', async () => {
    const action = await run({ image: 'shot.png', qr: 'https://intranet.example/dl/7', file: 'app.apk' });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    expect(fake.accepted.map((body) => body.msgtype)).toEqual(['markdown', 'image', 'image', 'file']);
    const markdown = (fake.accepted[0] as { markdown: { content: string } }).markdown.content;
    expect(markdown).toContain('https://intranet.example/dl/7');
    const image = fake.accepted[2] as { image: { base64: string; md5: string } };
    expect(Buffer.from(image.image.base64, 'base64').equals(shot)).toBe(true);
    expect(image.image.md5).toBe(createHash('md5').update(shot).digest('hex'));
    const upload = fake.requests.find((request) => request.path === '/cgi-bin/webhook/upload_media')!;
    expect(upload.query.get('type')).toBe('file');
    const part = parseMultipart(upload.raw, upload.headers['content-type'])![0]!;
    expect(part).toMatchObject({ name: 'media', filename: 'app.apk', params: { filelength: String(apk.length) } });
    expect(part.data.equals(apk)).toBe(true);
    expect(action.logs.join('\n')).toMatch(
      /WeCom robot: qr.png as an image message.*app.apk uploaded as a file message/,
    );
  });

  it('uploads a file once for two destinations on the same robot, and retries a throttled upload', async () => {
    failUploads = 1;
    const action = await run({
      provider: '',
      token: '',
      urls: `wecom://${KEY}?endpoint=${fake.url}\nwecom://${KEY}?endpoint=${fake.url}&target=@all`,
      file: 'app.apk',
      retries: '2',
    });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    const uploads = fake.requests.filter((request) => request.path === '/cgi-bin/webhook/upload_media');
    expect(uploads).toHaveLength(2);
    expect(media.uploads).toHaveLength(1);
    expect(fake.accepted.filter((body) => body.msgtype === 'file')).toHaveLength(2);
  });

  it('refuses a file over 20 MB before anything is sent', async () => {
    const action = await run({ file: 'big.apk' });
    expect(action.failed).toMatch(
      /Invalid input 'file': 'big.apk' is 22020096 bytes; a WeCom robot takes files of 6 bytes to 20 MB/,
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('dry run: prints the upload with size and hashes, and no base64', async () => {
    const action = await run({ image: 'shot.png', file: 'app.apk', 'dry-run': 'true' });
    expect(action.failed).toBeUndefined();
    const printed = action.logs.join('\n');
    expect(printed).toContain('/cgi-bin/webhook/upload_media');
    expect(printed).toContain(
      `media=@app.apk (${apk.length} bytes, md5 ${createHash('md5').update(apk).digest('hex')}`,
    );
    expect(printed).toContain(`<base64 of shot.png (${shot.length} bytes`);
    expect(printed).not.toContain(shot.toString('base64').slice(0, 40));
    expect(printed).not.toContain(KEY);
    expect(fake.requests).toHaveLength(0);
  });
});
