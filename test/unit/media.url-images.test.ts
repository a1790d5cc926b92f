import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { qrPng } from '../../src/notify/media.js';
import { fakeDingtalk } from '../fakes/dingtalk.js';
import { fakePushplus } from '../fakes/pushplus.js';
import { runInProcess } from '../helpers/in-process.js';

const ROBOT = 'b1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const PUSHPLUS = '0123456789abcdef0123456789abcdef';
const HOSTED_QR = 'https://www.pgyer.com/app/qrcodeHistory/0a1b2c';
let workspace: string;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'url-images-'));
  await writeFile(join(workspace, 'shot.png'), await qrPng('https://example.com/s'));
  await writeFile(join(workspace, 'app.apk'), 'PK\u0003\u0004 apk');
  await writeFile(
    join(workspace, 'pgyer.json'),
    JSON.stringify({
      code: 0,
      data: { buildShortcutUrl: 'AbCd', buildQRCodeURL: HOSTED_QR, buildVersion: '3.1.0', buildBuildVersion: '12' },
    }),
  );
});
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('DingTalk robot: images by URL in the Markdown, the rest named with a notice', () => {
  async function run(inputs: Record<string, string>) {
    const fake = fakeDingtalk({ robots: { [ROBOT]: {} } });
    await fake.start();
    stop = () => fake.stop();
    const action = await runInProcess(
      { locale: 'en', provider: 'dingtalk', endpoint: fake.url, token: ROBOT, status: 'success', ...inputs },
      { GITHUB_WORKSPACE: workspace },
    );
    return { action, fake };
  }

  it("shows pgyer's hosted QR code as a Markdown image, with the install link, version and build", async () => {
    const { action, fake } = await run({ install: 'pgyer.json' });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    const text = (fake.accepted[0] as { markdown: { text: string } }).markdown.text;
    expect(text).toContain(`![QR](${HOSTED_QR})`);
    expect(text).toContain('https://www.pgyer.com/AbCd');
    expect(text).toMatch(/version 3\.1\.0, build 12/);
    expect(action.logs.join('\n')).toContain('qr.png shown by URL');
  });

  it('names a local image and a file it cannot carry, and warns: never a silent drop', async () => {
    const { action, fake } = await run({ image: 'shot.png', file: 'app.apk', qr: 'https://intranet.example/dl' });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    const text = (fake.accepted[0] as { markdown: { text: string } }).markdown.text;
    expect(text).toContain('shot.png');
    expect(text).toContain('app.apk');
    expect(text).toContain('https://intranet.example/dl');
    expect(text).not.toContain('![');
    expect(action.logs.join('\n')).toMatch(
      /warning: DingTalk robot has no image or file message and no upload: the QR code .*shot\.png, app\.apk not attached/,
    );
  });
});

describe('pushplus: an image by URL in the HTML body', () => {
  it('puts <img src> after the text in html', async () => {
    const fake = fakePushplus({ tokens: [PUSHPLUS] });
    await fake.start();
    stop = () => fake.stop();
    const action = await runInProcess(
      {
        provider: 'pushplus',
        endpoint: fake.url,
        token: PUSHPLUS,
        status: 'success',
        image: 'https://cdn.example.com/cov.png',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    expect(String(fake.accepted[0]!.content)).toContain('<img src="https://cdn.example.com/cov.png" alt="cov.png">');
  });
});

describe('a service with no media of its own (Feishu robot): links and a notice', () => {
  it('links an image URL, names a local file, and warns how to carry it', async () => {
    const { fakeFeishu } = await import('../fakes/feishu.js');
    const hook = '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091';
    const fake = fakeFeishu({ bots: { [hook]: {} } });
    await fake.start();
    stop = () => fake.stop();
    const action = await runInProcess(
      {
        locale: 'en',
        provider: 'feishu',
        endpoint: fake.url,
        token: hook,
        status: 'success',
        image: 'https://cdn.example.com/coverage.png',
        file: 'app.apk',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    const body = JSON.stringify(fake.accepted[0]);
    expect(body).toContain('https://cdn.example.com/coverage.png');
    expect(body).toContain('app.apk');
    expect(action.logs.join('\n')).toMatch(
      /warning: Feishu.* cannot show images or files sent from the workspace: app\.apk not attached/,
    );
  });
});
