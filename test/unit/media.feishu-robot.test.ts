import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { qrPng } from '../../src/notify/media.js';
import type { FakeFeishuApp } from '../fakes/feishu-app.js';
import { fakeFeishuRobotWithApp } from '../fakes/feishu-robot-app.js';
import { runInProcess } from '../helpers/in-process.js';

const HOOK = '3f0c8a2e-5b1d-4c7e-9a6f-2d8e1b4c7a90';
const ROBOT_SECRET = 'RobotSigningSecret0123';
const APP_ID = 'cli_a5e1b2c3d4e5f6a7';
const APP_SECRET = 'FeishuAppSecretNeverLogged0456';
let workspace: string;
let app: FakeFeishuApp | undefined;
let robot: ReturnType<typeof fakeFeishuRobotWithApp> | undefined;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'feishu-robot-media-'));
  await writeFile(join(workspace, 'shot.png'), await qrPng('https://example.com/s'));
  await writeFile(join(workspace, 'app.apk'), Buffer.from('PK\u0003\u0004 the apk'));
});
afterEach(async () => {
  await robot?.stop();
  robot = app = undefined;
});

async function start(): Promise<string> {
  const both = fakeFeishuRobotWithApp(
    { bots: { [HOOK]: { secret: ROBOT_SECRET } } },
    { appId: APP_ID, appSecret: APP_SECRET },
  );
  await both.start();
  robot = both;
  app = both.app;
  return both.url;
}

async function run(inputs: Record<string, string>) {
  const endpoint = await start();
  return runInProcess(
    {
      locale: 'zh-CN',
      provider: 'feishu',
      endpoint,
      token: HOOK,
      secret: ROBOT_SECRET,
      status: 'success',
      template: 'release',
      ...inputs,
    },
    { GITHUB_WORKSPACE: workspace },
  );
}

type Card = { elements: { tag: string; img_key?: string; alt?: { content: string } }[] };

describe("Feishu robot: images through a Feishu app's upload, shown by image_key in the robot's card", () => {
  it('with app-id and app-secret: the app uploads the QR code and the image once each; the card shows both', async () => {
    const action = await run({
      'app-id': APP_ID,
      'app-secret': APP_SECRET,
      qr: 'https://www.pgyer.com/AbCd',
      image: 'shot.png',
    });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    const uploads = [...app!.uploaded.entries()];
    expect(uploads.map(([, item]) => [item.kind, item.name])).toEqual([
      ['image', 'qr.png'],
      ['image', 'shot.png'],
    ]);
    expect(app!.tokenRequests()).toBe(1);
    expect(robot!.accepted).toHaveLength(1);
    expect(robot!.accepted[0]!.msg_type).toBe('interactive');
    const card = robot!.accepted[0]!.card as Card;
    expect(card.elements.filter((element) => element.tag === 'img').map((element) => element.img_key)).toEqual(
      uploads.map(([key]) => key),
    );
    const logs = action.logs.join('\n');
    expect(logs).toContain('inside the card');
    expect(logs).not.toContain(APP_SECRET);
  });

  it('post format: the card text as a post, each uploaded image as an image message after it', async () => {
    const action = await run({ 'app-id': APP_ID, 'app-secret': APP_SECRET, format: 'post', image: 'shot.png' });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    expect(robot!.accepted.map((body) => body.msg_type)).toEqual(['post', 'image']);
    const [key] = [...app!.uploaded.keys()];
    expect(robot!.accepted[1]!.content).toEqual({ image_key: key });
  });

  it('a file is named with a warning: the robot has no file message', async () => {
    const action = await run({ 'app-id': APP_ID, 'app-secret': APP_SECRET, file: 'app.apk' });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    expect(JSON.stringify(robot!.accepted[0])).toContain('app.apk');
    expect(action.logs.join('\n')).toMatch(/warning: Feishu robot has no file message: app\.apk/);
  });

  it('without app credentials: a URL image is a link, a local one is named, and the notice says how to show them', async () => {
    const action = await run({ image: 'shot.png\nhttps://cdn.example.com/cover.png' });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    expect(app!.requests).toHaveLength(0);
    const body = JSON.stringify(robot!.accepted[0]);
    expect(body).toContain('https://cdn.example.com/cover.png');
    expect(body).toContain('shot.png');
    expect(action.logs.join('\n')).toMatch(
      /warning: Feishu robot cannot show images or files sent from the workspace: shot\.png not attached\. To show images, give `app-id` and `app-secret`.*im:resource/,
    );
  });

  it('half a pair is refused before any request, naming the missing input', async () => {
    const noSecret = await run({ 'app-id': APP_ID, qr: 'https://www.pgyer.com/AbCd' });
    expect(noSecret.failed).toMatch(/app-secret.*required with app-id/);
    expect(robot!.requests).toHaveLength(0);
    expect(app!.requests).toHaveLength(0);
    await robot!.stop();
    const noId = await run({ 'app-secret': APP_SECRET, qr: 'https://www.pgyer.com/AbCd' });
    expect(noId.failed).toMatch(/app-id.*required with app-secret/);
    expect(noId.failed).not.toContain(APP_SECRET);
    expect(robot!.requests).toHaveLength(0);
  });

  it('dry run: the image upload request with size and hashes before the card, no token fetched', async () => {
    const action = await run({
      'app-id': APP_ID,
      'app-secret': APP_SECRET,
      qr: 'https://www.pgyer.com/AbCd',
      'dry-run': 'true',
    });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    const printed = action.logs.join('\n');
    expect(printed).toMatch(
      /im\/v1\/images[\s\S]*image_type=message[\s\S]*image=@qr\.png \(\d+ bytes, md5 [0-9a-f]{32}[\s\S]*bot\/v2\/hook/,
    );
    expect(printed).toContain('<image_key of qr.png>');
    expect(printed).not.toContain(APP_SECRET);
    expect(app!.requests).toHaveLength(0);
    expect(robot!.requests).toHaveLength(0);
  });
});
