import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/events');

// The page is checked in a real browser: Debian's headless Chromium, installed by .ci/run. On a developer machine
// without it the browser checks are skipped; in CI (CI=true) a missing browser is a failure, not a skip.
const BROWSER = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((path) =>
  existsSync(path),
);
const browserIt = BROWSER || process.env.CI ? it : it.skip;

function browser(args: string[]): string {
  if (!BROWSER) throw new Error('no headless Chromium: apt-get install chromium-headless-shell');
  return execFileSync(BROWSER, ['--no-sandbox', '--disable-gpu', '--headless', '--hide-scrollbars', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

async function hostileEvent(dir: string): Promise<string> {
  const payload = JSON.parse(await readFile(join(FIXTURES, 'push-failure.json'), 'utf8')) as {
    head_commit: { message: string };
  };
  payload.head_commit.message =
    'Fix <script>document.title="pwned"</script> ![pixel](https://evil.example/p.png) <img src=x onerror=alert(1)>';
  const file = join(dir, 'event.json');
  await writeFile(file, JSON.stringify(payload));
  return file;
}

describe('ci-notifier preview', () => {
  let dir: string;
  beforeAll(async () => {
    ensureLibBuilt();
    dir = await mkdtemp(join(tmpdir(), 'ci-notifier-preview-'));
  });

  it('writes a page for a DingTalk failure from an event file, sends nothing, and masks the token', async () => {
    const out = join(dir, 'dingtalk.html');
    const run = await runCli([
      'preview',
      '--provider',
      'dingtalk',
      '--token',
      'previewtoken0123456789',
      '--status',
      'failure',
      '--event',
      join(FIXTURES, 'push-failure.json'),
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing sent');
    const html = await readFile(out, 'utf8');
    expect(html).toContain('data-provider="dingtalk"');
    expect(html).toContain('Fix the flaky login test');
    expect(html).not.toContain('previewtoken0123456789');
    expect(html).toContain("default-src 'none'");
  });

  it('needs a value for --out and reports a missing event file as bad input', async () => {
    expect((await runCli(['preview', '--provider', 'dingtalk', '--token', 'x'.repeat(20), '--out'])).code).toBe(2);
    const missing = await runCli([
      'preview',
      '--provider',
      'dingtalk',
      '--token',
      'x'.repeat(20),
      '--event',
      'nope.json',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--event');
  });

  browserIt('renders in a real browser: the card, its colour and text, and nothing from the event runs', async () => {
    const event = await hostileEvent(dir);
    const out = join(dir, 'feishu.html');
    const run = await runCli([
      'preview',
      '--provider',
      'feishu',
      '--format',
      'card',
      '--token',
      '00000000-0000-0000-0000-000000000000',
      '--status',
      'failure',
      '--event',
      event,
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    const dom = browser(['--dump-dom', `file://${out}`]);
    expect(dom).toContain('class="card-header header-red"');
    // The commit text arrives (as text) and its markup does not.
    expect(dom).toContain('document.title=');
    expect(dom).not.toMatch(/<script/i);
    expect(dom).not.toMatch(/<img/i);
    expect(dom).not.toContain('pwned</title>');
    const png = join(dir, 'feishu.png');
    browser(['--window-size=900,600', `--screenshot=${png}`, `file://${out}`]);
    expect((await stat(png)).size).toBeGreaterThan(5_000);
  });

  browserIt('shows a pushplus HTML release note in a sandbox that runs nothing', async () => {
    const out = join(dir, 'pushplus.html');
    const run = await runCli([
      'preview',
      '--provider',
      'pushplus',
      '--token',
      'demo0000000000000000000000000000',
      '--status',
      'success',
      '--event',
      join(FIXTURES, 'release-published.json'),
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    const dom = browser(['--dump-dom', `file://${out}`]);
    expect(dom).toMatch(/<iframe sandbox=""/);
    expect(dom).toContain('v2.3.0');
  });
  it('needs no credentials: placeholders stand in, and the page says so above the request', async () => {
    const out = join(dir, 'no-credentials.html');
    const run = await runCli([
      'preview',
      '--provider',
      'dingtalk',
      '--status',
      'failure',
      '--event',
      join(FIXTURES, 'push-failure.json'),
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('Placeholder --token (not given)');
    expect(html).toContain('Fix the flaky login test');
  });

  it('shows the message when the documented --token x would be refused by a send, with a warning', async () => {
    const out = join(dir, 'token-x.html');
    const run = await runCli([
      'preview',
      '--provider',
      'dingtalk',
      '--token',
      'x',
      '--status',
      'failure',
      '--event',
      join(FIXTURES, 'push-failure.json'),
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^warning: Invalid input 'token': does not look like a DingTalk key.*the preview uses a placeholder/m,
    );
    expect(await readFile(out, 'utf8')).toContain('Placeholder --token');
  });

  it('takes the actor, the commit and the run from --event', async () => {
    const payload = JSON.parse(await readFile(join(FIXTURES, 'push-failure.json'), 'utf8')) as Record<
      string,
      unknown
    > & { sender: { login: string } };
    payload.after = 'abcdef0123456789abcdef0123456789abcdef01';
    payload.head_commit = { ...(payload.head_commit as object), id: payload.after };
    payload.sender = { ...payload.sender, login: 'hubot' };
    const event = join(dir, 'push-by-hubot.json');
    await writeFile(event, JSON.stringify(payload));
    const out = join(dir, 'facts.html');
    const push = await runCli([
      'preview',
      '--provider',
      'dingtalk',
      '--status',
      'failure',
      '--event',
      event,
      '--out',
      out,
    ]);
    expect(push.code, push.stderr).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('hubot');
    expect(html).toContain('abcdef0');
    expect(html).not.toContain('octocat</');

    const runOut = join(dir, 'workflow-run.html');
    const watched = await runCli([
      'preview',
      '--provider',
      'dingtalk',
      '--event',
      join(FIXTURES, 'workflow-run-failure.json'),
      '--out',
      runOut,
    ]);
    expect(watched.code, watched.stderr).toBe(0);
    expect(await readFile(runOut, 'utf8')).toContain('actions/runs/11223344556');
  });

  it.each([
    ['feishu-app', 'card', 'class="card"'],
    ['wecom-app', 'textcard', 'class="button"'],
    ['wecom-app', 'markdown', '<strong>'],
    ['dingtalk-app', 'markdown', '<strong>'],
    ['dingtalk-app', 'oa', 'class="bubble-title"'],
  ])('shows the %s %s message as the person receives it, not raw JSON', async (provider, format, shown) => {
    const out = join(dir, `${provider}-${format}.html`);
    const run = await runCli([
      'preview',
      '--provider',
      provider,
      '--format',
      format,
      '--status',
      'failure',
      '--event',
      join(FIXTURES, 'push-failure.json'),
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(out, 'utf8');
    const bubble = html.slice(html.indexOf('<div class="bubble">'), html.indexOf('<details>'));
    expect(bubble).toContain(shown);
    expect(bubble).not.toContain('<pre>');
    expect(bubble).toContain('Fix the flaky login test');
    expect(html).toMatch(/Placeholder --token, --secret/);
  });
});
