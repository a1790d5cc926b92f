/**
 * The mobile-build preset: app, version and build number, the install link, what changed, who built it, and the
 * QR code pointed at under the text. Snapshots in every dialect and both locales
 * (test/unit/__snapshots__/mobile-build/<locale>.txt), and what must hold whatever the snapshot says.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { githubContext } from '../../src/context/github.js';
import type { CiContext, InstallContext } from '../../src/model/context.js';
import { LOCALES } from '../../src/model/config.js';
import { createMessage, renderBody, renderTitle } from '../../src/render/message.js';
import type { TextDialect } from '../../src/render/markdown.js';
import { renderTemplate } from '../../src/render/template.js';
import { cardContent, postContent } from '../../src/providers/feishu/payload.js';
import { fakeDingtalk } from '../fakes/dingtalk.js';
import { runInProcess } from '../helpers/in-process.js';
import { SCENES, loadPayload } from '../fixtures/events/scenes.js';

const DIALECTS: TextDialect[] = [
  'html',
  'markdown',
  'text',
  'dingtalk-markdown',
  'wecom-markdown',
  'wecom-markdown-v2',
  'feishu-markdown',
];
const LIMIT = { max: 20_000, unit: 'chars' } as const;
const INSTALL: InstallContext = {
  url: 'https://www.pgyer.com/AbCd',
  source: 'pgyer',
  appName: 'Hello *World*',
  version: '2.4.0',
  build: '88',
  qr: true,
};

function context(install?: InstallContext): CiContext {
  const scene = SCENES['push-success'] ?? SCENES['release-published']!;
  const base = githubContext({ env: scene.env, payload: loadPayload(scene), status: 'success' });
  return install ? { ...base, install } : base;
}

describe('mobile-build preset', () => {
  for (const locale of LOCALES)
    it(`every dialect, ${locale}`, async () => {
      const ctx = context(INSTALL);
      const rendered = await renderTemplate({ template: 'mobile-build', locale, timezone: 'Asia/Shanghai' }, ctx);
      const message = createMessage(rendered.title, rendered.markdown, ctx, locale);
      const title = renderTitle(message);
      const sections = [
        `# mobile-build · ${locale}`,
        `\ntitle: ${title}\n`,
        `## markdown (source)\n\n${message.markdown}\n`,
      ];
      for (const dialect of DIALECTS) sections.push(`## ${dialect}\n\n${renderBody(message, dialect, LIMIT)}\n`);
      const none = { all: false, users: [], mobiles: [] };
      const shown = { ...message, media: { images: [], files: [], embedded: [{ key: 'img_v3_qr', alt: 'QR' }] } };
      sections.push(
        `## feishu-card\n\n${JSON.stringify(cardContent(title, message.markdown, shown, none), null, 2)}\n`,
      );
      sections.push(`## feishu-post\n\n${JSON.stringify(postContent(title, message.markdown, none), null, 2)}\n`);
      await expect(sections.join('\n')).toMatchFileSnapshot(`__snapshots__/mobile-build/${locale}.txt`);

      expect(title).toContain('2.4.0');
      expect(title).toContain('88');
      expect(message.markdown).toContain('](https://www.pgyer.com/AbCd)');
      expect(message.markdown).toContain('Hello \\*World\\*'); // the app name is a stranger's text: escaped
      expect(message.markdown).toContain(locale === 'en' ? 'Scan the QR code below' : '扫描下方二维码安装');
      const card = cardContent(title, message.markdown, shown, none) as { elements: { tag: string }[] };
      // The QR code sits under the text, before the button.
      expect(card.elements.map((element) => element.tag)).toEqual(['markdown', 'img', 'action']);
    });

  it('without install data it still reads (repository and commit instead), and points at no QR code', async () => {
    const rendered = await renderTemplate({ template: 'mobile-build', locale: 'en' }, context());
    expect(rendered.title).toMatch(/^📱 \S+/);
    expect(rendered.markdown).not.toContain('Scan');
    expect(rendered.markdown).not.toMatch(/\{\{|\}\}/);
  });
});

describe('mobile-build through a run: install read before rendering, the install line not repeated', () => {
  let dingtalk: ReturnType<typeof fakeDingtalk> | undefined;
  afterEach(async () => {
    await dingtalk?.stop();
    dingtalk = undefined;
  });

  it('DingTalk robot: version and build from pgyer, one install link, the hosted QR image', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'mobile-build-'));
    await writeFile(
      join(workspace, 'pgyer.json'),
      JSON.stringify({
        code: 0,
        data: {
          buildName: 'Hello',
          buildShortcutUrl: 'AbCd',
          buildQRCodeURL: 'https://www.pgyer.com/app/qrcodeHistory/0a1b',
          buildVersion: '2.4.0',
          buildBuildVersion: '88',
        },
      }),
    );
    const robot = 'b1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
    dingtalk = fakeDingtalk({ robots: { [robot]: {} } });
    await dingtalk.start();
    const action = await runInProcess(
      {
        provider: 'dingtalk',
        endpoint: dingtalk.url,
        token: robot,
        status: 'success',
        template: 'mobile-build',
        install: 'pgyer.json',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    expect(action.failed, action.logs.join('\n')).toBeUndefined();
    const body = JSON.stringify(dingtalk.accepted[0]);
    expect(body).toContain('2.4.0');
    expect(body).toContain('构建 88');
    expect(body.split('https://www.pgyer.com/AbCd)').length - 1).toBe(1);
    expect(body).toContain('https://www.pgyer.com/app/qrcodeHistory/0a1b');
  });
});
