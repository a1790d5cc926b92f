import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { qrPng } from '../../src/notify/media.js';
import { fakeWecomApp } from '../fakes/wecom-app.js';
import { parseMultipart } from '../fakes/multipart.js';
import { runInProcess } from '../helpers/in-process.js';

const CORP_ID = 'ww1234567890abcdef';
const CORP_SECRET = 'WecomAppSecretNeverLogged0123456789abcdef';
const AGENT_ID = 1000002;
let workspace: string;
let fake: ReturnType<typeof fakeWecomApp> | undefined;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'wecom-app-media-'));
  await writeFile(join(workspace, 'report.html'), '<html>the test report</html>');
});
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

describe('WeCom app: media/upload, then image and file messages to the same recipients', () => {
  it('uploads the QR code and the file once each and sends them after the text to every batch', async () => {
    fake = fakeWecomApp({
      corpId: CORP_ID,
      corpSecret: CORP_SECRET,
      agentId: AGENT_ID,
      users: ['alice'],
      parties: ['2'],
    });
    await fake.start();
    const action = await runInProcess(
      {
        provider: 'wecom-app',
        endpoint: fake.url,
        token: CORP_ID,
        secret: CORP_SECRET,
        'app-id': String(AGENT_ID),
        target: 'user:alice\nparty:2',
        status: 'success',
        qr: 'https://www.pgyer.com/AbCd',
        file: 'report.html',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    expect(fake.delivered.map((message) => message.body.msgtype)).toEqual(['textcard', 'image', 'file']);
    expect(fake.delivered[1]!.body).toMatchObject({ touser: 'alice', toparty: '2', agentid: AGENT_ID });
    const uploads = fake.requests.filter((request) => request.path === '/cgi-bin/media/upload');
    expect(uploads.map((request) => request.query.get('type'))).toEqual(['image', 'file']);
    const part = parseMultipart(uploads[1]!.raw, uploads[1]!.headers['content-type'])![0]!;
    expect(part).toMatchObject({ name: 'media', filename: 'report.html', params: { filelength: '28' } });
    expect(fake.requests.filter((request) => request.path === '/cgi-bin/gettoken')).toHaveLength(1);
    expect(action.logs.join('\n')).not.toContain(CORP_SECRET);
  });
});

it('a generated QR code is a PNG the WeCom image rules accept', async () => {
  const png = Buffer.from(await qrPng('https://www.pgyer.com/AbCd'));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
});
