import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeWecom } from '../fakes/wecom.js';
import { wecomRobotMedia } from '../fakes/wecom-media.js';
import { fakeDingtalk } from '../fakes/dingtalk.js';
import { runAction } from '../helpers/run-action.js';

const KEY = '693a91f6-7e2d-4bc4-97a0-0ec2a1fa5aaa';
const ROBOT = 'b1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const apk = Buffer.from('PK\u0003\u0004 the release build of the app');
let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'media-action-'));
  await writeFile(join(workspace, 'app.apk'), apk);
  await writeFile(
    join(workspace, 'pgyer.json'),
    JSON.stringify({
      code: 0,
      data: {
        buildShortcutUrl: 'AbCd',
        buildQRCodeURL: 'https://www.pgyer.com/app/qrcodeHistory/0a1b',
        buildVersion: '2.4.0',
        buildBuildVersion: '88',
      },
    }),
  );
});

describe('media through node dist/index.js (the media chunks load from dist/)', () => {
  let wecom: ReturnType<typeof fakeWecom>;
  let dingtalk: ReturnType<typeof fakeDingtalk>;
  beforeEach(async () => {
    const media = wecomRobotMedia([KEY]);
    wecom = fakeWecom({ keys: [KEY], intercept: media.intercept });
    dingtalk = fakeDingtalk({ robots: { [ROBOT]: {} } });
    await wecom.start();
    await dingtalk.start();
  });
  afterEach(async () => {
    await wecom.stop();
    await dingtalk.stop();
  });

  it('WeCom robot: text with the install link, the QR code as an image message, the APK as a file message', async () => {
    const action = await runAction({
      inputs: {
        provider: 'wecom',
        endpoint: wecom.url,
        token: KEY,
        status: 'success',
        template: 'release',
        install: 'pgyer.json',
        file: 'app.apk',
      },
      env: { GITHUB_WORKSPACE: workspace },
    });
    expect(action.code, action.stdout).toBe(0);
    expect(wecom.accepted.map((body) => body.msgtype)).toEqual(['markdown', 'image', 'file']);
    expect(JSON.stringify(wecom.accepted[0])).toContain('https://www.pgyer.com/AbCd');
    const image = wecom.accepted[1] as { image: { base64: string; md5: string } };
    expect(createHash('md5').update(Buffer.from(image.image.base64, 'base64')).digest('hex')).toBe(image.image.md5);
    expect(
      action.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(KEY);
  });

  it("DingTalk robot: pgyer's hosted QR code in the Markdown, the APK named with a warning", async () => {
    const action = await runAction({
      inputs: {
        provider: 'dingtalk',
        endpoint: dingtalk.url,
        token: ROBOT,
        status: 'success',
        install: 'pgyer.json',
        file: 'app.apk',
      },
      env: { GITHUB_WORKSPACE: workspace },
    });
    expect(action.code, action.stdout).toBe(0);
    const text = (dingtalk.accepted[0] as { markdown: { text: string } }).markdown.text;
    expect(text).toContain('![QR](https://www.pgyer.com/app/qrcodeHistory/0a1b)');
    expect(action.stdout).toMatch(
      /::warning::DingTalk robot has no image or file message and no upload: app\.apk not attached/,
    );
  });

  it('refuses a path outside the workspace before anything is sent', async () => {
    const action = await runAction({
      inputs: { provider: 'wecom', endpoint: wecom.url, token: KEY, status: 'success', image: '../../etc/passwd' },
      env: { GITHUB_WORKSPACE: workspace },
    });
    expect(action.code).toBe(1);
    expect(action.stdout).toMatch(/Invalid input 'image': '..\/..\/etc\/passwd' points outside the workspace/);
    expect(wecom.requests).toHaveLength(0);
  });
});
