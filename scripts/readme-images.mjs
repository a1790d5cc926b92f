// Makes the README's pictures from the real rendering: `ci-notifier preview` writes each message as an HTML page,
// and Debian's headless Chromium takes a screenshot of it. Needs `npm run build:lib` and
// `apt-get install chromium-headless-shell fonts-noto-cjk fonts-noto-color-emoji`.
// Usage: npm run readme-images [-- NAME …]   (writes docs/images/*.png; through npm, so Node 24 runs it)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'lib/cli/main.js');
const browser = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
if (!existsSync(cli) || !browser) {
  console.error(
    'Needs lib/ (npm run build:lib) and chromium-headless-shell (apt-get install chromium-headless-shell).',
  );
  process.exit(1);
}
const events = join(root, 'test/fixtures/events');
const people = 'octocat: {dingtalk: "@mobile:13800000000", feishu: "@user:ou_7d8a6e6df7621556ce0d21922b676706"}';

// The same failure for both chat pictures: a push that broke a test, with the person responsible mapped.
const failure = [
  '--status',
  'failure',
  '--event',
  join(events, 'push-failure.json'),
  '--junit',
  'test/fixtures/junit/vitest.xml',
  '--people',
  people,
  '--mention',
  'actor',
  // Why it failed, as the lookup reads it from GitHub (the failed job, its error annotation, the end of its log),
  // given from a file so the pictures are made offline.
  '--failure-details',
  'test/fixtures/failure-details/login-test.json',
];

const pictures = [
  {
    name: 'dingtalk-failure',
    height: 1040,
    args: ['--provider', 'dingtalk', '--token', 'x'.repeat(32), ...failure],
  },
  {
    name: 'feishu-card',
    height: 1040,
    args: ['--provider', 'feishu', '--format', 'card', '--token', '00000000-0000-0000-0000-000000000000', ...failure],
  },
  {
    name: 'wechat-release',
    height: 900,
    args: [
      '--provider',
      'pushplus',
      '--token',
      'x'.repeat(32),
      '--status',
      'success',
      '--template',
      'release',
      '--event',
      join(events, 'release-published.json'),
    ],
  },
  {
    // A mobile build announced with its install QR code: a Feishu robot card whose image a Feishu app uploaded.
    name: 'feishu-mobile-build',
    height: 900,
    args: [
      '--provider',
      'feishu',
      '--format',
      'card',
      '--token',
      '00000000-0000-0000-0000-000000000000',
      '--app-id',
      'cli_a5e1b2c3d4e5f6a7',
      '--app-secret',
      'demo-app-secret',
      '--status',
      'success',
      '--template',
      'mobile-build',
      '--event',
      join(events, 'push-tag.json'),
      '--install',
      'test/fixtures/media/pgyer-buildinfo.json',
    ],
  },
];

// `npm run readme-images -- feishu-mobile-build` makes only the pictures named.
const only = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'ci-notifier-images-'));
for (const picture of pictures.filter((item) => only.length === 0 || only.includes(item.name))) {
  const page = join(dir, `${picture.name}.html`);
  execFileSync(process.execPath, [cli, 'preview', ...picture.args, '--out', page], { cwd: root, stdio: 'inherit' });
  const png = join(root, 'docs/images', `${picture.name}.png`);
  execFileSync(
    browser,
    [
      '--no-sandbox',
      '--disable-gpu',
      '--headless',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      `--window-size=470,${picture.height}`,
      `--screenshot=${png}`,
      `file://${page}`,
    ],
    { stdio: 'ignore' },
  );
  console.log(`wrote ${png}`);
}
