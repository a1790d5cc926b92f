import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeDigest, renderDigest, type DigestRun } from '../../src/watch/digest.js';
import { runDigest } from '../../src/watch/digest-cli.js';
import { fakeGithubOrg, type FakeOrg, type OrgRun } from '../fakes/github-org.js';
import { fakeWecom } from '../fakes/wecom.js';

const NOW = Date.parse('2026-12-07T01:00:00Z');
const HOUR = 3_600_000;

function digestRun(fields: Partial<DigestRun> & { hoursAgo: number }): DigestRun {
  const createdAt = NOW - fields.hoursAgo * HOUR;
  return {
    repository: 'acme/api',
    workflow: 'CI',
    branch: 'main',
    event: 'push',
    conclusion: 'success',
    attempt: 1,
    createdAt,
    startedAt: createdAt,
    completedAt: createdAt + 5 * 60_000,
    url: `https://github.com/acme/api/actions/runs/${fields.hoursAgo}`,
    actor: 'mona',
    ...fields,
  };
}

describe('digest data', () => {
  const runs = [
    // acme/api CI: green yesterday, red since 10 h ago (mona), still red.
    digestRun({ hoursAgo: 30 }),
    digestRun({ hoursAgo: 10, conclusion: 'failure', actor: 'mona' }),
    digestRun({ hoursAgo: 2, conclusion: 'failure', actor: 'hubot' }),
    // acme/web Deploy: red in the previous period, green now: recovered.
    digestRun({ repository: 'acme/web', workflow: 'Deploy', hoursAgo: 26, conclusion: 'failure' }),
    digestRun({ repository: 'acme/web', workflow: 'Deploy', hoursAgo: 5, completedAt: NOW - 5 * HOUR + 40 * 60_000 }),
    // A re-run that passed: flaky.
    digestRun({ repository: 'acme/web', workflow: 'Test', hoursAgo: 3, attempt: 2 }),
    // A pull request's red run is not "red" for the branch.
    digestRun({
      repository: 'acme/web',
      workflow: 'Test',
      branch: 'feature',
      event: 'pull_request',
      hoursAgo: 1,
      conclusion: 'failure',
    }),
  ];
  const data = computeDigest(runs, 'daily', NOW, 'https://github.com', new Set(['mona']));

  it('finds what is red since when and who broke it, what recovered, flaky re-runs, slowest, most failing', () => {
    expect(data.red).toEqual([
      expect.objectContaining({
        repository: 'acme/api',
        workflow: 'CI',
        since: NOW - 10 * HOUR,
        sinceKnown: true,
        who: 'mona',
        onPeople: true,
      }),
    ]);
    expect(data.recovered.map((item) => item.repository)).toEqual(['acme/web']);
    expect(data.flaky).toEqual([expect.objectContaining({ repository: 'acme/web', workflow: 'Test', attempt: 2 })]);
    expect(data.slowest[0]).toMatchObject({ repository: 'acme/web', workflow: 'Deploy', seconds: 2400 });
    expect(data.mostFailing[0]).toMatchObject({ repository: 'acme/api', failures: 2, runs: 2 });
  });

  it('compares the success rate per repository with the previous period', () => {
    const api = data.rates.find((item) => item.repository === 'acme/api')!;
    expect(api).toMatchObject({ current: 0, previous: 1, runs: 2 });
    const web = data.rates.find((item) => item.repository === 'acme/web')!;
    expect(web.current).toBeCloseTo(2 / 3);
    expect(web.previous).toBe(0);
  });

  it('renders in both locales with links, and escapes names written by strangers', () => {
    const zh = renderDigest(data, {
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
      period: 'daily',
      route: 'payments',
      maxItems: 10,
    });
    expect(zh.title).toBe('CI 日报 · payments');
    expect(zh.markdown).toContain('🔴 仍然失败');
    expect(zh.markdown).toContain(
      '[acme/api · CI (main)](https://github.com/acme/api/actions/runs/10) · 自 12/06 23:00 起 · 由 mona 触发',
    );
    expect(zh.markdown).toContain('✅ 已恢复');
    expect(zh.markdown).toContain('🔁 重试后通过');
    expect(zh.markdown).toContain('第 2 次运行');
    expect(zh.markdown).toContain('0% ↓100 (上期 100%, 2 次运行)');
    const en = renderDigest(data, { locale: 'en', timezone: 'UTC', period: 'weekly', route: 'payments', maxItems: 10 });
    expect(en.title).toBe('CI weekly digest · payments');
    expect(en.markdown).toContain('since 06/12, 15:00');
    expect(en.markdown).toContain('Passed on retry');
    const hostile = computeDigest(
      [
        digestRun({
          hoursAgo: 1,
          conclusion: 'failure',
          workflow: 'CI {% endraw %}{{ 7*7 }} @all [x](javascript:alert(1))',
        }),
      ],
      'daily',
      NOW,
      'https://github.com',
    );
    const text = renderDigest(hostile, {
      locale: 'en',
      timezone: 'UTC',
      period: 'daily',
      route: 'r',
      maxItems: 10,
    }).markdown;
    expect(text).not.toContain('{%');
    expect(text).not.toContain('{{');
    expect(text).not.toMatch(/(^|[^\\])@all/);
    expect(text).not.toContain('](javascript:');
  });
});

describe('ci-notifier digest', () => {
  const TOKEN = 'ghs_digestTOKEN';
  const KEY = 'wecom-digest-key';
  let github: FakeOrg;
  let wecom: ReturnType<typeof fakeWecom>;
  let dir: string;
  let env: Record<string, string>;
  const iso = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR).toISOString();
  const repos = Array.from({ length: 120 }, (_, index) => `acme/service-with-a-long-name-${index}`);

  beforeEach(async () => {
    const runs: OrgRun[] = repos.flatMap((repo, index) => [
      { repo, id: index * 10 + 1, run_number: 1, conclusion: 'success', created_at: iso(40), updated_at: iso(39) },
      {
        repo,
        id: index * 10 + 2,
        run_number: 2,
        conclusion: 'failure',
        created_at: iso(5),
        updated_at: iso(4),
        actor: 'mona',
      },
    ]);
    github = fakeGithubOrg({ tokens: [TOKEN], repos, runs });
    wecom = fakeWecom({ keys: [KEY] });
    await Promise.all([github.start(), wecom.start()]);
    dir = mkdtempSync(join(tmpdir(), 'digest-'));
    mkdirSync(join(dir, '.github'));
    writeFileSync(
      join(dir, '.github/ci-notifier.yml'),
      `version: 1\nroutes:\n  - name: platform\n    locale: zh-CN\n    destinations:\n      - url-env: TEAM_URL\n  - name: quiet\n    digest: false\n    destinations:\n      - url-env: TEAM_URL\n`,
    );
    env = {
      CI_NOTIFIER_GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: github.apiUrl(),
      TEAM_URL: `wecom://${KEY}?endpoint=${encodeURIComponent(wecom.url)}&format=markdown`,
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    };
  });
  afterEach(async () => {
    await Promise.all([github.stop(), wecom.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends one message per route with a digest, within the service limit, listing what does not fit as "and N more"', async () => {
    let stdout = '';
    let stderr = '';
    const code = await runDigest(
      ['--period', 'daily'],
      env,
      { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
      dir,
      { now: () => NOW, sleep: async () => {} },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(wecom.accepted).toHaveLength(1);
    const content = String((wecom.accepted[0]!.markdown as { content: string }).content);
    // WeCom markdown: at most 4096 bytes (the stand-in refuses more, errcode 40058).
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content).toContain('CI 日报');
    expect(content).toContain('仍然失败');
    expect(content).toMatch(/还有 \d+ 个/);
    expect(content).toContain('由 mona 触发');
    expect(github.requests.find((request) => request.path.endsWith('/actions/runs'))!.query.get('created')).toBe(
      `>=${new Date(NOW - 48 * HOUR).toISOString().replace('.000Z', 'Z')}`,
    );
    expect(stdout).toContain('Digest for platform (TEAM_URL): success; 120 failing');
    expect(readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')).toContain(
      '| platform (TEAM_URL) | 120 | 120 | 0 | success |',
    );
  });

  it('refuses an unknown period before any request', async () => {
    let stderr = '';
    const code = await runDigest(
      ['--period', 'monthly'],
      env,
      { stdout: () => {}, stderr: (text) => (stderr += text) },
      dir,
    );
    expect(code).toBe(2);
    expect(stderr).toContain("'monthly' is not a period");
    expect(github.requests).toHaveLength(0);
  });
});
