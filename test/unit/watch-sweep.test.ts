/**
 * `ci-notifier watch` against a stand-in GitHub API (test/fakes/github-org.ts) and a WeCom robot stand-in:
 * many repositories over several pages, ETags, rate-limit replies, a sweep that dies halfway, overlapping sweeps
 * and lost state. Each alert must arrive exactly once per (run id, attempt).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeGithubOrg, type FakeOrg, type OrgRun } from '../fakes/github-org.js';
import { fakeWecom } from '../fakes/wecom.js';
import { runWatch } from '../../src/watch/cli.js';
import { runCli } from '../../src/cli/run.js';

const TOKEN = 'ghs_installationTOKEN0123456789abcdef';
const KEY = 'wecom-robot-key-0001';
const NOW = Date.parse('2026-12-07T12:20:00Z');
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const REPOS = Array.from({ length: 130 }, (_, index) => `acme/repo-${String(index).padStart(3, '0')}`);

function run(repo: string, id: number, fields: Partial<OrgRun> = {}): OrgRun {
  return {
    repo,
    id,
    run_number: id % 1000,
    conclusion: 'failure',
    created_at: minutesAgo(40),
    updated_at: minutesAgo(30),
    ...fields,
  };
}

const ROUTING = `version: 1
window: 24h
exclude:
  - repositories: acme/repo-129
    reason: notifies with its own step
routes:
  - name: all
    notify-on: [failure, still-failing, fixed]
    destinations:
      - url-env: TEAM_WECOM_URL
`;

let github: FakeOrg;
let wecom: ReturnType<typeof fakeWecom>;
let dir: string;
let env: Record<string, string>;

function baseRuns(): OrgRun[] {
  return [
    // Newly broken (the run before, outside the window, was green).
    run('acme/repo-001', 101, { run_number: 2 }),
    run('acme/repo-001', 100, {
      run_number: 1,
      conclusion: 'success',
      created_at: minutesAgo(60 * 26),
      updated_at: minutesAgo(60 * 25),
    }),
    // Still failing: the run before (outside the window) was red too.
    run('acme/repo-120', 152, { run_number: 3, message: 'Fix the flaky test\n\nbody' }),
    run('acme/repo-120', 151, { run_number: 2, created_at: minutesAgo(60 * 27), updated_at: minutesAgo(60 * 26) }),
    // Fixed: green after red.
    run('acme/repo-110', 211, { run_number: 2, conclusion: 'success' }),
    run('acme/repo-110', 210, { run_number: 1, created_at: minutesAgo(60 * 28), updated_at: minutesAgo(60 * 27) }),
    // Green after green: read (it could have been a fix), not notified.
    run('acme/repo-002', 21, { conclusion: 'success' }),
    // Older than the window: never sent.
    run('acme/repo-003', 31, { created_at: minutesAgo(60 * 30), updated_at: minutesAgo(60 * 29) }),
    // Excluded repository.
    run('acme/repo-129', 2291),
  ];
}

async function watch(extra: string[] = [], now = NOW) {
  let stdout = '';
  let stderr = '';
  const code = await runWatch(
    ['--state', 'state/watch.json', ...extra],
    env,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    dir,
    { now: () => now, sleep: async () => {} },
  );
  return { code, stdout, stderr };
}

function sentTexts(): string[] {
  return wecom.accepted.map((body) => JSON.stringify(body));
}

beforeEach(async () => {
  github = fakeGithubOrg({
    tokens: [TOKEN],
    repos: REPOS,
    runs: baseRuns(),
    jobs: {
      101: [
        {
          name: 'test (ubuntu-latest, 24)',
          conclusion: 'failure',
          steps: [{ name: 'npm test', number: 4, conclusion: 'failure' }],
          annotations: [{ path: 'src/app.ts', line: 12, message: "TS2322: Type 'string' is not assignable" }],
        },
      ],
    },
  });
  wecom = fakeWecom({ keys: [KEY, `${KEY}-b`] });
  await Promise.all([github.start(), wecom.start()]);
  dir = mkdtempSync(join(tmpdir(), 'watch-'));
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, '.github/ci-notifier.yml'), ROUTING);
  env = {
    CI_NOTIFIER_GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: github.apiUrl(),
    TEAM_WECOM_URL: `wecom://${KEY}?endpoint=${encodeURIComponent(wecom.url)}&format=markdown`,
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
});

afterEach(async () => {
  await Promise.all([github.stop(), wecom.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('ci-notifier watch', () => {
  it('first sweep: reads every page of repositories, sends what the action would, nothing older than the window, and says so', async () => {
    const first = await watch();
    expect(first.stderr).toContain('No sweep state (no state file)');
    expect(first.stderr).toContain('nothing older is');
    expect(first.code).toBe(0);
    // 130 repositories over 2 pages; the excluded one is never read.
    const runLists = github.requests.filter((request) => request.path.endsWith('/actions/runs'));
    expect(runLists).toHaveLength(129);
    expect(github.requests.filter((request) => request.path === '/installation/repositories')).toHaveLength(2);
    expect(runLists[0]!.query.get('created')).toBe('>=2026-12-06T12:00:00Z');
    const texts = sentTexts();
    expect(texts).toHaveLength(3);
    expect(texts.join('\n')).toContain('acme/repo-001');
    expect(texts.join('\n')).toContain('test (ubuntu-latest, 24)');
    expect(texts.join('\n')).not.toContain('repo-003');
    expect(texts.join('\n')).not.toContain('repo-129');
    // The same states the action has: still failing with its streak, fixed.
    const state = JSON.parse(readFileSync(join(dir, 'state/watch.json'), 'utf8'));
    expect(Object.keys(state.seen)).toContain('acme/repo-120#152#1');
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(summary).toMatch(/\| acme\/repo-120 \| CI \| \[#3\]\([^)]+\) \| still-failing \| all \| all: success \|/);
    expect(summary).toMatch(/\| acme\/repo-110 \| CI \| .* \| fixed \|/);
    expect(summary).toMatch(/\| acme\/repo-001 \| CI \| .* \| failure \|/);
    expect(first.stdout).toMatch(/Progress: 129\/129 repositories read, 4 new runs, 3 messages sent/);
    // No credential anywhere in what the command printed or wrote.
    for (const text of [first.stdout, first.stderr, summary]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(KEY);
    }
  });

  it("a failed run says why it failed: the failed job's error annotations, read as the action reads them", async () => {
    const { code } = await watch();
    expect(code).toBe(0);
    const broken = sentTexts().find((text) => text.includes('repo-001'));
    expect(broken).toContain("TS2322: Type 'string' is not assignable");
    expect(broken).toContain('src/app.ts');
    expect(github.requests.some((request) => request.path.endsWith('/check-runs/10100/annotations'))).toBe(true);
  });

  it('overlapping sweeps: nothing twice, unchanged repositories cost nothing (304), a re-run attempt is new', async () => {
    await watch();
    expect(wecom.accepted).toHaveLength(3);
    const countedBefore = github.counted;
    const second = await watch([], NOW + 10 * 60_000);
    expect(second.code).toBe(0);
    expect(wecom.accepted).toHaveLength(3);
    // Every list answered 304: no call counted against the limit.
    expect(github.counted).toBe(countedBefore);
    expect(github.notModified).toBeGreaterThanOrEqual(129 + 1);
    expect(second.stdout).toContain('0 API calls spent');

    // A re-run of run 152 (attempt 2) fails again, and a new run appears elsewhere.
    const old = github.runs.find((item) => item.id === 152)!;
    github.runs.splice(github.runs.indexOf(old), 1, { ...old, run_attempt: 2, updated_at: minutesAgo(-15) });
    github.runs.push(run('acme/repo-099', 991, { created_at: minutesAgo(-5), updated_at: minutesAgo(-12) }));
    const third = await watch([], NOW + 20 * 60_000);
    expect(third.code).toBe(0);
    expect(wecom.accepted).toHaveLength(5);
    expect(sentTexts().slice(3).join('\n')).toContain('repo-099');
    expect(sentTexts().slice(3).join('\n')).toContain('attempts/2');
  });

  it('a sweep that dies halfway sends the rest next time, and nothing twice', async () => {
    github.dieAfter = 60;
    const first = await watch();
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/error: .*The next sweep sends what this one did not/);
    expect(readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')).toContain('The sweep failed');
    const sentBefore = wecom.accepted.length;
    expect(sentBefore).toBeLessThan(3);
    github.dieAfter = undefined;
    const second = await watch([], NOW + 10 * 60_000);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('No sweep state');
    expect(wecom.accepted).toHaveLength(3);
    const repos = sentTexts().map((text) => /acme\/repo-\d+/.exec(text)?.[0]);
    expect(new Set(repos).size).toBe(3);
  });

  it('lost state: with --on-no-state skip nothing is sent; by default nothing older than the window is', async () => {
    await watch();
    rmSync(join(dir, 'state'), { recursive: true });
    const skipped = await watch(['--on-no-state', 'skip'], NOW + 10 * 60_000);
    expect(skipped.stderr).toContain('are recorded and not sent');
    expect(wecom.accepted).toHaveLength(3);
    expect(existsSync(join(dir, 'state/watch.json'))).toBe(true);
    // The next sweep has state again: it sends only what is new.
    github.runs.push(run('acme/repo-042', 421, { created_at: minutesAgo(-15), updated_at: minutesAgo(-18) }));
    await watch([], NOW + 20 * 60_000);
    expect(wecom.accepted).toHaveLength(4);
    // A corrupt state file counts as lost and says so.
    writeFileSync(join(dir, 'state/watch.json'), '{not json');
    const corrupt = await watch(['--on-no-state', 'skip'], NOW + 30 * 60_000);
    expect(corrupt.stderr).toContain('is not valid JSON');
    expect(wecom.accepted).toHaveLength(4);
  });

  it('honours retry-after on a secondary rate limit and goes on', async () => {
    github.secondaryLimitFor = 2;
    const result = await watch();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('GitHub asked to slow down (HTTP 403): waiting 1 s.');
    expect(wecom.accepted).toHaveLength(3);
  });

  it('stops before the limit with a warning, and the next sweep carries on', async () => {
    github.remaining = 2600; // of 12,500: the 20 % reserve is 2,500
    const first = await watch();
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(
      /warning: Sweep stopped early: 2500 of 12500 API calls are left this hour, and 20 % are kept in reserve/,
    );
    expect(github.remaining).toBe(2500);
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(summary).toContain('Sweep stopped early');
    github.remaining = 12_500;
    await watch([], NOW + 10 * 60_000);
    expect(wecom.accepted).toHaveLength(3);
  });

  it('the per-sweep budget (--max-calls) stops the sweep too, and the limit reply (remaining 0) stops it at once', async () => {
    const budget = await watch(['--max-calls', '50']);
    expect(budget.stderr).toContain("the sweep's budget of 50 calls is spent (--max-calls)");
    expect(github.counted).toBe(50);
    github.remaining = 0;
    const limited = await watch(['--reserve', '0'], NOW + 10 * 60_000);
    expect(limited.code).toBe(0);
    expect(limited.stderr).toContain("GitHub's hourly API limit is used up");
  });

  it('GitHub Enterprise Server: the API URL comes from GITHUB_API_URL; --owner reads the organisation list', async () => {
    await github.stop();
    github = fakeGithubOrg({ tokens: [TOKEN], repos: REPOS.slice(0, 5), runs: baseRuns(), prefix: '/api/v3' });
    await github.start();
    env.GITHUB_API_URL = github.apiUrl();
    const result = await watch(['--owner', 'acme']);
    expect(result.code).toBe(0);
    expect(github.requests[0]!.path).toBe('/api/v3/orgs/acme/repos');
    expect(github.requests.every((request) => request.path.startsWith('/api/v3/'))).toBe(true);
    expect(github.requests[0]!.headers['x-github-api-version']).toBe('2022-11-28');
    expect(wecom.accepted).toHaveLength(1);
  });

  it('a personal token without --owner is told to name the organisation', async () => {
    await github.stop();
    github = fakeGithubOrg({ tokens: [TOKEN], personalTokens: [TOKEN], repos: REPOS, runs: baseRuns() });
    await github.start();
    env.GITHUB_API_URL = github.apiUrl();
    const result = await watch();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pass --owner ORG');
    expect((await watch(['--owner', 'acme'])).code).toBe(0);
    expect(wecom.accepted).toHaveLength(3);
  });

  it('bad routing or a missing token fails before any request, exit 2', async () => {
    writeFileSync(
      join(dir, '.github/ci-notifier.yml'),
      ROUTING.replace('url-env: TEAM_WECOM_URL', 'url-env: NOPE_URL'),
    );
    const result = await watch();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('line 10');
    expect(github.requests).toHaveLength(0);
    writeFileSync(join(dir, '.github/ci-notifier.yml'), ROUTING);
    delete env.CI_NOTIFIER_GITHUB_TOKEN;
    expect((await watch()).code).toBe(2);
    expect(github.requests).toHaveLength(0);
  });

  it('people and mentions, locale: the same message the action sends, with whoever triggered the run mentioned', async () => {
    writeFileSync(
      join(dir, '.github/ci-notifier.yml'),
      ROUTING.replace(
        '    notify-on:',
        "    locale: en\n    people:\n      octocat: { wecom: '@user:zhangsan' }\n    notify-on:",
      ),
    );
    env.TEAM_WECOM_URL = env.TEAM_WECOM_URL!.replace('format=markdown', 'format=text');
    env.CI_NOTIFIER_DEBUG = '1';
    const result = await watch();
    expect(result.code).toBe(0);
    const failure = wecom.accepted.find((body) => JSON.stringify(body).includes('repo-001')) as {
      text: { content: string; mentioned_list?: string[] };
    };
    expect(failure.text.mentioned_list).toEqual(['zhangsan']);
    expect(failure.text.content).toMatch(/failed/i);
    // A fixed build pings nobody (mention-on defaults to failure, still-failing).
    const fixed = wecom.accepted.find((body) => JSON.stringify(body).includes('repo-110')) as {
      text: { mentioned_list?: string[] };
    };
    expect(fixed.text.mentioned_list).toBeUndefined();
    // Debug logging on: still no credential in anything printed.
    expect(result.stderr).toContain('debug:');
    for (const text of [result.stdout, result.stderr]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(KEY);
    }
  });

  it('match: all, a sweep that died between two routes of a run sends only the route it had not sent', async () => {
    writeFileSync(
      join(dir, '.github/ci-notifier.yml'),
      `version: 1\nmatch: all\nroutes:\n  - name: a\n    destinations:\n      - url-env: TEAM_WECOM_URL\n  - name: b\n    destinations:\n      - url-env: OTHER_URL\n`,
    );
    env.OTHER_URL = env.TEAM_WECOM_URL!.replace(KEY, `${KEY}-b`);
    mkdirSync(join(dir, 'state'));
    const state = { version: 1, lastSweepAt: minutesAgo(10), seen: { 'acme/repo-001#101#1@a': NOW - 1 }, etags: {} };
    writeFileSync(join(dir, 'state/watch.json'), JSON.stringify(state));
    const result = await watch(['--repos', 'acme/repo-001']);
    expect(result.code).toBe(0);
    expect(wecom.accepted).toHaveLength(1);
    expect(wecom.requests[0]!.query.get('key')).toBe(`${KEY}-b`);
    expect(readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')).toContain('a: sent by an earlier sweep; b: success');
  });

  it('a route template, and a variable holding several service URLs (the action own urls input)', async () => {
    writeFileSync(
      join(dir, '.github/ci-notifier.yml'),
      ROUTING.replace('    notify-on:', "    template: 'Run of {{ repository }}: {{ status }}'\n    notify-on:"),
    );
    env.TEAM_WECOM_URL = `${env.TEAM_WECOM_URL}\n${env.TEAM_WECOM_URL!.replace(KEY, `${KEY}-b`)}`;
    expect((await watch(['--repos', 'acme/repo-001'])).code).toBe(0);
    expect(wecom.requests.map((request) => request.query.get('key')).sort()).toEqual([KEY, `${KEY}-b`]);
    expect((wecom.accepted[0]!.markdown as { content: string }).content).toBe('Run of acme/repo-001: failure');
  });

  it('a routing file that names its repositories exactly is the set: no repository list is read', async () => {
    writeFileSync(
      join(dir, '.github/ci-notifier.yml'),
      ROUTING.replace('window: 24h', 'window: 24h\nrepositories: [acme/repo-001, acme/repo-120]'),
    );
    expect((await watch()).code).toBe(0);
    expect(github.requests.some((request) => request.path === '/installation/repositories')).toBe(false);
    expect(github.requests.filter((request) => request.path.endsWith('/actions/runs'))).toHaveLength(2);
    expect(wecom.accepted).toHaveLength(2);
  });

  it('--dry-run sends nothing and records nothing as sent', async () => {
    const dry = await watch(['--dry-run']);
    expect(dry.code).toBe(0);
    expect(wecom.accepted).toHaveLength(0);
    expect(existsSync(join(dir, 'state/watch.json'))).toBe(false);
    await watch();
    expect(wecom.accepted).toHaveLength(3);
  });

  it('is a sub-command of the ci-notifier CLI, with its own help', async () => {
    let stdout = '';
    const code = await runCli(['watch', '--help'], {}, { stdout: (text) => (stdout += text), stderr: () => {} });
    expect(code).toBe(0);
    expect(stdout).toContain('ci-notifier watch');
  });
});
