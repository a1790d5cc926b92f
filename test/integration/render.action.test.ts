import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakePushplus } from '../fakes/pushplus.js';
import { FIXTURES, runAction } from '../helpers/run-action.js';

const TOKEN = '0123456789abcdef0123456789abcdef';

/** An event payload written to a temp file, from a fixture with some fields changed. */
type Payload = Record<string, Record<string, unknown>>;

async function eventFile(fixture: string, change: (payload: Payload) => void): Promise<string> {
  const payload = JSON.parse(await readFile(join(FIXTURES, fixture), 'utf8')) as Payload;
  change(payload);
  const dir = await mkdtemp(join(tmpdir(), 'ci-notifier-event-'));
  const path = join(dir, 'event.json');
  await writeFile(path, JSON.stringify(payload));
  return path;
}

describe('rendering through node dist/index.js', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeEach(async () => {
    fake = fakePushplus({ tokens: [TOKEN] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const pushplus = { provider: 'pushplus', token: TOKEN, status: 'success', target: 'topic:ops' };

  it('job summary: a PR title cannot add a live link, an image or a tag', async () => {
    const path = await eventFile('pull-request-opened.json', (payload) => {
      payload.pull_request!.title =
        'Fix [Approve the deploy here](https://evil.example/login) ![](https://evil.example/pixel.gif) <img src=x>';
    });
    const run = await runAction({
      inputs: { ...pushplus, endpoint: fake.url, template: 'pull-request', title: '{{ pullRequest.title }}' },
      eventName: 'pull_request',
      env: { GITHUB_EVENT_PATH: path },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain('Approve the deploy here');
    const titleLine = run.summary.split('\n').find((line) => line.includes('Approve the deploy here'))!;
    // Every character that could open a link, an image or a tag is escaped.
    expect(titleLine).toMatch(/\\!\\\[\\\]\\\(/);
    expect(titleLine.replace(/`[^`]*`/g, '')).not.toMatch(/(?<!\\)[[\]()!<]/);
    // The addresses are visible, as code: GitHub never links inside a code span.
    expect(run.summary).toContain('`https://evil.example/login`');
  });

  it("decodes HTML entity references in a template (the bundle loads markdown-it's entity table on first use)", async () => {
    const run = await runAction({
      inputs: {
        ...pushplus,
        endpoint: fake.url,
        format: 'txt',
        template: 'Copyright &copy; 2026 &amp; &#x4E2D;&#25991; &hellip;',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect((fake.requests[0]!.json as Record<string, string>).content).toContain('Copyright © 2026 & 中文 …');
  });

  it('a typo in a template variable warns naming it and where; an empty body fails naming template, nothing sent', async () => {
    const warned = await runAction({
      inputs: {
        ...pushplus,
        endpoint: fake.url,
        template: 'Build {{ commit.mesage }} done',
        title: 'T {{ deployment.environment }}',
      },
    });
    expect(warned.code, warned.stdout + warned.stderr).toBe(0);
    expect(warned.stdout).toMatch(/::warning::.*'template'.*'commit\.mesage' \(line 1/);
    expect(warned.stdout).toMatch(/::warning::.*'title'.*'deployment'/);
    expect(fake.requests).toHaveLength(1);

    // A first name no event has is a typo: it fails before any request, with did-you-mean (issue 24).
    const typo = await runAction({ inputs: { ...pushplus, endpoint: fake.url, title: 'T {{ workflw }}' } });
    expect(typo.code).not.toBe(0);
    expect(typo.stdout).toMatch(
      /::error::.*Invalid input 'title': uses unknown variable 'workflw'.*did you mean 'workflow'/,
    );
    expect(fake.requests).toHaveLength(1);

    const empty = await runAction({ inputs: { ...pushplus, endpoint: fake.url, template: '{{ commit.mesage }}' } });
    expect(empty.code).not.toBe(0);
    expect(empty.stdout).toMatch(/::error::.*Invalid input 'template': renders to an empty message/);
    expect(fake.requests).toHaveLength(1);

    const fallback = await runAction({
      inputs: { ...pushplus, endpoint: fake.url, template: "{{ commit.mesage | default: 'no message' }}" },
    });
    expect(fallback.code, fallback.stdout).toBe(0);
    expect(fallback.stdout).not.toContain('::warning::');
    expect(fake.requests).toHaveLength(2);
  });

  it('file: templates: a symbolic link out of the workspace or a huge file is refused; nothing sent', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'ci-notifier-ws-'));
    const outside = await mkdtemp(join(tmpdir(), 'ci-notifier-outside-'));
    await writeFile(join(outside, 'secret.txt'), 'INPUT_SECRET=hunter2-do-not-send');
    await mkdir(join(workspace, '.github'));
    await symlink('/proc/self/environ', join(workspace, '.github', 'environ.md'));
    await symlink(join(outside, 'secret.txt'), join(workspace, '.github', 'notify.md'));
    await symlink('../.github/ok.md', join(workspace, '.github', 'inside-link.md'));
    await writeFile(join(workspace, '.github', 'ok.md'), 'Hello from {{ workflow }}');
    await writeFile(join(workspace, 'big.md'), 'x'.repeat(600 * 1024));
    for (const file of ['.github/notify.md', '.github/environ.md', 'big.md']) {
      const run = await runAction({
        inputs: { ...pushplus, endpoint: fake.url, template: `file:${file}` },
        env: { GITHUB_WORKSPACE: workspace },
      });
      expect(run.code, file).not.toBe(0);
      expect(run.stdout).toMatch(/Invalid input 'template': '[^']+' is (outside the workspace|larger than)/);
      expect(run.stdout + run.stderr).not.toContain('hunter2');
    }
    expect(fake.requests).toHaveLength(0);
    // A link that stays inside the workspace is read.
    const ok = await runAction({
      inputs: { ...pushplus, endpoint: fake.url, template: 'file:.github/inside-link.md' },
      env: { GITHUB_WORKSPACE: workspace },
    });
    expect(ok.code, ok.stdout).toBe(0);
    expect((fake.requests[0]!.json as Record<string, string>).content).toContain('Hello from CI');
  });

  it('a missing file: template suggests actions/checkout; a path without file: warns "did you mean"', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'ci-notifier-ws-'));
    const missing = await runAction({
      inputs: { ...pushplus, endpoint: fake.url, template: 'file:.github/notify.md' },
      env: { GITHUB_WORKSPACE: workspace },
    });
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toMatch(/does not exist in the workspace.*actions\/checkout/);
    const literal = await runAction({
      inputs: { ...pushplus, endpoint: fake.url, template: '.github/notify.md' },
      env: { GITHUB_WORKSPACE: workspace },
    });
    expect(literal.stdout).toMatch(/::warning::.*did you mean file:\.github\/notify\.md\?/);
  });

  it('generated release notes: no HTML comment, tag or remote image reaches the message', async () => {
    const path = await eventFile('release-published.json', (payload) => {
      payload.release!.body = [
        '<!-- Release notes generated using configuration in .github/release.yml at main -->',
        '',
        "## What's Changed",
        '* Faster sync by @monalisa in https://github.com/octo-org/hello-world/pull/101',
        '<details>',
        '<summary>Dependency updates</summary>',
        '',
        '* Bump ky by @dependabot[bot] in https://github.com/octo-org/hello-world/pull/102',
        '</details>',
        '',
        '![pixel](https://evil.example/pixel.gif)',
      ].join('\n');
    });
    for (const format of ['html', 'markdown', 'txt']) {
      const run = await runAction({
        inputs: { ...pushplus, endpoint: fake.url, template: 'release', format },
        eventName: 'release',
        env: { GITHUB_EVENT_PATH: path },
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const content = (fake.requests.at(-1)!.json as Record<string, string>).content!;
      expect(content).toContain('Dependency updates');
      expect(content).not.toMatch(/generated using|<!--|&lt;!--|<\/?details|<\/?summary|<img|!\[/);
      expect(content).toContain('https://evil.example/pixel.gif');
    }
  });
});
