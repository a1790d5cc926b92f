import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { crc32, zipOne } from '../../src/providers/zip.js';
import { fakeDingtalkApp } from '../fakes/dingtalk-app.js';
import { runInProcess } from '../helpers/in-process.js';

const APP_KEY = 'dingabcdefghijklmnop';
const APP_SECRET = 'DingtalkAppSecretNeverLogged-0123456789';
const AGENT_ID = 836390886;
const apk = Buffer.from('PK\u0003\u0004 pretend this is an android package '.repeat(20));
let workspace: string;
let fake: ReturnType<typeof fakeDingtalkApp> | undefined;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'dingtalk-app-media-'));
  await writeFile(join(workspace, 'app.apk'), apk);
  await writeFile(join(workspace, 'report.pdf'), '%PDF-1.4 a test report');
});
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

describe('DingTalk work notification: media/upload, then image and file messages', () => {
  it('sends the QR code and the files after the text; an APK goes zipped and the message says so', async () => {
    fake = fakeDingtalkApp({ appKey: APP_KEY, appSecret: APP_SECRET, agentId: AGENT_ID, users: ['alice'] });
    await fake.start();
    const action = await runInProcess(
      {
        provider: 'dingtalk-app',
        locale: 'en',
        endpoint: fake.url,
        token: APP_KEY,
        secret: APP_SECRET,
        'app-id': String(AGENT_ID),
        target: 'user:alice',
        status: 'success',
        qr: 'https://www.pgyer.com/AbCd',
        file: 'app.apk, report.pdf',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    expect(fake.tasks.map((task) => task.msg.msgtype)).toEqual(['markdown', 'image', 'file', 'file']);
    const uploaded = [...fake.media.values()];
    expect(uploaded.map((item) => [item.type, item.filename])).toEqual([
      ['image', 'qr.png'],
      ['file', 'app.apk.zip'],
      ['file', 'report.pdf'],
    ]);
    expect(JSON.stringify(fake.tasks[0]!.msg)).toContain(
      'File: app.apk → app.apk.zip (zipped: DingTalk takes only doc, xls, ppt, pdf, zip and rar files)',
    );
    // The zip holds the APK, byte for byte.
    const zip = uploaded[1]!.data;
    const nameLength = zip.readUInt16LE(26);
    expect(zip.subarray(30, 30 + nameLength).toString()).toBe('app.apk');
    const data = zip.subarray(30 + nameLength, 30 + nameLength + zip.readUInt32LE(18));
    expect(inflateRawSync(data).equals(apk)).toBe(true);
  });
});

describe('zipOne', () => {
  it('writes a one-file archive with the CRC-32 of the content', () => {
    const content = Buffer.from('hello, zip');
    const zip = zipOne('a.txt', content);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt32LE(14)).toBe(crc32(content));
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50);
  });
});
