import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { qrPng } from '../../src/notify/media.js';
import { feishuFileType } from '../../src/providers/feishu-app/media.js';
import { fakeFeishuApp, type FakeFeishuApp } from '../fakes/feishu-app.js';
import { runInProcess } from '../helpers/in-process.js';

const APP_ID = 'cli_a5e1b2c3d4e5f6a7';
const APP_SECRET = 'FeishuAppSecretNeverLogged0123';
const CHAT = 'oc_a0553eda9014c201e6969b478895c230';
let workspace: string;
let fake: FakeFeishuApp | undefined;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'feishu-media-'));
  await writeFile(join(workspace, 'shot.png'), await qrPng('https://example.com/s'));
  await writeFile(join(workspace, 'app.apk'), Buffer.from('PK\u0003\u0004 the apk'));
});
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function run(inputs: Record<string, string>, noThreadChats: string[] = []) {
  fake = fakeFeishuApp({ appId: APP_ID, appSecret: APP_SECRET, chats: [CHAT], noThreadChats });
  await fake.start();
  return runInProcess(
    {
      locale: 'zh-CN',
      provider: 'feishu-app',
      endpoint: fake.url,
      token: APP_ID,
      secret: APP_SECRET,
      target: `chat:${CHAT}`,
      status: 'success',
      ...inputs,
    },
    { GITHUB_WORKSPACE: workspace },
  );
}

describe('Feishu app: images inside the card by image_key, files uploaded then sent as file messages', () => {
  it('uploads the QR code and the image, shows both in the one card, then sends the file', async () => {
    const action = await run({ qr: 'https://www.pgyer.com/AbCd', image: 'shot.png', file: 'app.apk' });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    const keys = [...fake!.uploaded.entries()];
    expect(keys.map(([, item]) => item.name)).toEqual(['qr.png', 'shot.png', 'app.apk']);
    expect(keys[2]![1]).toMatchObject({ kind: 'file', type: 'stream' });
    expect(fake!.messages.map((message) => message.msg_type)).toEqual(['interactive', 'file']);
    const card = fake!.messages[0]!.content as { elements: { tag: string; img_key?: string }[] };
    const images = card.elements.filter((element) => element.tag === 'img').map((element) => element.img_key);
    expect(images).toEqual([keys[0]![0], keys[1]![0]]);
    expect(fake!.messages[1]!.content).toEqual({ file_key: keys[2]![0] });
    expect(action.logs.join('\n')).toContain('qr.png inside the card');
  });

  it("sends the file as a reply in the card's thread (reply_in_thread)", async () => {
    const action = await run({ file: 'app.apk' });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    const [card, file] = fake!.messages;
    expect(file).toMatchObject({ msg_type: 'file', parent_id: card!.message_id });
    expect(file!.thread_id).toMatch(/^omt_/);
    const request = fake!.apiRequests().at(-1)!;
    expect(request.path).toBe(`/open-apis/im/v1/messages/${card!.message_id}/reply`);
    expect(request.json).toMatchObject({ msg_type: 'file', reply_in_thread: true });
  });

  it('falls back to a plain file message to the same chat when the chat takes no thread replies (230071)', async () => {
    const action = await run({ file: 'app.apk' }, [CHAT]);
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    expect(fake!.messages.map((message) => message.msg_type)).toEqual(['interactive', 'file']);
    const file = fake!.messages[1]!;
    expect(file.parent_id).toBeUndefined();
    expect(file).toMatchObject({ receive_id_type: 'chat_id', receive_id: CHAT });
    expect(action.logs.join('\n')).toMatch(/warning: Feishu app: chat:oc_\w+ takes no thread replies \(230071\)/);
  });

  it('reply-to: the file follows in the thread of that message', async () => {
    const first = await run({});
    expect(first.failed).toBeUndefined();
    const parent = fake!.messages[0]!.message_id;
    const stored = fake!;
    fake = undefined;
    try {
      // Same stand-in: the message replied to must exist there.
      const action = await runInProcess(
        {
          locale: 'zh-CN',
          provider: 'feishu-app',
          endpoint: stored.url,
          token: APP_ID,
          secret: APP_SECRET,
          status: 'success',
          'reply-to': parent,
          file: 'app.apk',
        },
        { GITHUB_WORKSPACE: workspace },
      );
      expect(action.failed, action.logs.join('\n')).toBeUndefined();
      const file = stored.messages.at(-1)!;
      expect(file).toMatchObject({ msg_type: 'file', parent_id: parent });
    } finally {
      await stored.stop();
    }
  });

  it('text format: the images follow as image messages', async () => {
    const action = await run({ format: 'text', qr: 'https://www.pgyer.com/AbCd' });
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    expect(fake!.messages.map((message) => message.msg_type)).toEqual(['text', 'image']);
  });

  it('dry run: the uploads with sizes and hashes, placeholders for keys, no token fetched', async () => {
    const action = await run({ qr: 'https://www.pgyer.com/AbCd', file: 'app.apk', 'dry-run': 'true' });
    expect(action.failed).toBeUndefined();
    const printed = action.logs.join('\n');
    expect(printed).toMatch(
      /im\/v1\/images[\s\S]*image_type=message[\s\S]*image=@qr\.png \(\d+ bytes, md5 [0-9a-f]{32}/,
    );
    expect(printed).toMatch(/im\/v1\/files[\s\S]*file_type=stream/);
    expect(printed).toContain('<image_key of qr.png>');
    expect(fake!.requests).toHaveLength(0);
  });

  it('file_type follows the documented list, stream for the rest', () => {
    expect(['a.pdf', 'b.docx', 'c.xlsx', 'd.pptx', 'e.mp4', 'f.apk', 'g.html', 'h.zip'].map(feishuFileType)).toEqual([
      'pdf',
      'doc',
      'xls',
      'ppt',
      'mp4',
      'stream',
      'stream',
      'stream',
    ]);
  });
});
