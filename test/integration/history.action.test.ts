import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeGithubApi, WORKFLOW_ID, type FakeJob, type FakeRun } from '../fakes/github-api.js';
import { fakePushplus } from '../fakes/pushplus.js';
import { runAction } from '../helpers/run-action.js';

const PUSHPLUS_TOKEN = '0123456789abcdef0123456789abcdef';
const GH_TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
const RUN_ID = 9876543210; // GITHUB_RUN_ID in run-action.ts
const STARTED = new Date(Date.now() - 185_000).toISOString();

/** stdout without the ::add-mask:: lines, which are the only place a secret may appear. */
const unmasked = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');

const run = (run_number: number, conclusion: string | null, head_branch = 'main'): FakeRun => ({
  id: 1000 + run_number,
  run_number,
  head_branch,
  status: 'completed',
  conclusion,
});

const JOBS: FakeJob[] = [
  {
    id: 1,
    name: 'lint',
    status: 'completed',
    conclusion: 'success',
    started_at: STARTED,
    runner_name: 'GitHub Actions 1',
    steps: [{ name: 'Run eslint', number: 1, conclusion: 'success' }],
  },
  {
    id: 2,
    name: 'test (ubuntu-latest, 24)',
    status: 'completed',
    conclusion: 'failure',
    started_at: STARTED,
    runner_name: 'GitHub Actions 2',
    steps: [
      { name: 'Set up job', number: 1, conclusion: 'success' },
      { name: 'Run unit tests', number: 4, conclusion: 'failure' },
      { name: 'Upload coverage', number: 5, conclusion: 'skipped' },
    ],
  },
  {
    id: 3,
    name: 'build (linux, 24)',
    status: 'in_progress',
    conclusion: null,
    started_at: STARTED,
    runner_name: 'GitHub Actions 3',
    steps: [
      { name: 'Compile', number: 2, conclusion: 'failure' },
      { name: 'Notify', number: 3, conclusion: null },
    ],
  },
];

describe('run history through node dist/index.js', () => {
  let pushplus: ReturnType<typeof fakePushplus>;
  let github: ReturnType<typeof fakeGithubApi>;

  async function startGithub(runs: FakeRun[], prefix = '') {
    github = fakeGithubApi({ tokens: [GH_TOKEN], runs, jobs: { [RUN_ID]: JOBS }, prefix });
    await github.start();
  }

  function act(status: string, extra: Record<string, string> = {}, env: Record<string, string> = {}) {
    return runAction({
      inputs: {
        locale: 'en',
        provider: 'pushplus',
        token: PUSHPLUS_TOKEN,
        endpoint: pushplus.url,
        status,
        'github-token': GH_TOKEN,
        matrix: '{"os":"linux","node":24}',
        ...extra,
      },
      env: { GITHUB_API_URL: github.apiUrl(), RUNNER_NAME: 'GitHub Actions 3', ...env },
    });
  }

  function sent(): { title: string; content: string } {
    expect(pushplus.accepted).toHaveLength(1);
    return pushplus.accepted[0] as { title: string; content: string };
  }

  beforeEach(async () => {
    pushplus = fakePushplus({ tokens: [PUSHPLUS_TOKEN] });
    await pushplus.start();
  });
  afterEach(async () => {
    await pushplus.stop();
    await github?.stop();
  });

  it('newly broken: failure after green, with failed jobs, failed steps, links and duration', async () => {
    await startGithub([run(41, 'success'), run(40, 'failure')]);
    const result = await act('failure', { 'notify-on': 'failure,fixed' });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const { title, content } = sent();
    expect(title).toContain('Failed');
    expect(title).not.toContain('Still');
    expect(content).toContain('Failed jobs');
    expect(content).toContain('test (ubuntu-latest, 24)');
    expect(content).toContain('https://github.com/octo-org/hello-world/actions/runs/9876543210/job/2');
    expect(content).toContain('Run unit tests');
    expect(content).not.toContain('Upload coverage');
    expect(content).not.toContain('lint');
    // The job running this step is still in progress in the API; the status input says it failed.
    expect(content).toContain('build (linux, 24)');
    expect(content).toContain('Compile');
    expect(content).toMatch(/3m\s*\d+s/);
    // The token went only to the GitHub API, in the Authorization header.
    const apiCalls = github.requests;
    expect(apiCalls.length).toBeGreaterThanOrEqual(2);
    expect(apiCalls.every((request) => request.headers.authorization === `token ${GH_TOKEN}`)).toBe(true);
    const runsCall = apiCalls.find((request) => request.path.endsWith('/runs'))!;
    expect(runsCall.path).toBe('/repos/octo-org/hello-world/actions/workflows/ci.yml/runs');
    expect(runsCall.query.get('branch')).toBe('main');
    expect(runsCall.query.get('status')).toBe('completed');
    expect(
      apiCalls.some((request) => request.path === `/repos/octo-org/hello-world/actions/runs/${RUN_ID}/attempts/1/jobs`),
    ).toBe(true);
    expect(unmasked(result.stdout) + result.outputsRaw + result.summary).not.toContain(GH_TOKEN);
    expect(result.stdout).toContain(`::add-mask::${GH_TOKEN}`);
  });

  it('still failing: counts the streak across pages and skips cancelled runs; failure,fixed stays quiet', async () => {
    // 60 runs: the newest 55 failed (with cancelled ones in between), so the streak spans two pages of 50.
    const runs: FakeRun[] = [run(1, 'success')];
    for (let n = 2; n <= 60; n++) runs.push(run(n, n % 10 === 0 ? 'cancelled' : n <= 5 ? 'success' : 'failure'));
    runs.push(run(61, 'success', 'feature')); // another branch: ignored
    runs.push(run(101, 'success')); // started after this run (number 100) and finished first: not "previous"
    runs.push(run(100, 'success')); // this run's number (a re-run keeps it): not "previous"
    await startGithub(runs);
    const failedRuns = runs.filter((item) => item.conclusion === 'failure' && item.head_branch === 'main').length;
    expect(failedRuns).toBe(49);

    const env = { GITHUB_RUN_NUMBER: '100' };
    const quiet = await act('failure', { 'notify-on': 'failure,fixed' }, env);
    expect(quiet.code, quiet.stdout).toBe(0);
    expect(pushplus.requests).toHaveLength(0);
    expect(quiet.outputs.status).toBe('skipped');

    const loud = await act('failure', { 'notify-on': 'still-failing' }, env);
    expect(loud.code, loud.stdout).toBe(0);
    const { title, content } = sent();
    expect(title).toContain(`Still failing (${failedRuns + 1}th run)`);
    expect(content).toContain('Run unit tests');
    const pages = github.requests.filter((request) => request.path.endsWith('/runs')).map((r) => r.query.get('page'));
    expect(pages).toContain('2');
  });

  it('still failing on the 3rd run reads "3rd run"', async () => {
    await startGithub([run(41, 'failure'), run(40, 'cancelled'), run(39, 'failure'), run(38, 'success')]);
    const result = await act('failure');
    expect(result.code, result.stdout).toBe(0);
    expect(sent().title).toContain('Still failing (3rd run)');
  });

  it('fixed: green after red is sent with notify-on failure,fixed', async () => {
    await startGithub([run(41, 'failure'), run(40, 'success')]);
    const result = await act('success', { 'notify-on': 'failure,fixed' });
    expect(result.code, result.stdout).toBe(0);
    const { title, content } = sent();
    expect(title).toContain('Fixed');
    expect(content).not.toContain('Failed jobs');
  });

  it('success after success: notify-on failure,fixed sends nothing, and the default sends "Succeeded"', async () => {
    await startGithub([run(41, 'success'), run(40, 'failure')]);
    const quiet = await act('success', { 'notify-on': 'failure,fixed' });
    expect(quiet.code, quiet.stdout).toBe(0);
    expect(quiet.outputs.status).toBe('skipped');
    expect(pushplus.requests).toHaveLength(0);

    const always = await act('success');
    expect(always.code, always.stdout).toBe(0);
    expect(sent().title).toContain('Succeeded');
  });

  it('GitHub Enterprise Server: GITHUB_API_URL with the /api/v3 prefix', async () => {
    await startGithub([run(41, 'failure')], '/api/v3');
    const result = await act('failure', {}, { GITHUB_SERVER_URL: 'https://ghe.example.com' });
    expect(result.code, result.stdout).toBe(0);
    expect(sent().title).toContain('Still failing');
    expect(github.requests.length).toBeGreaterThanOrEqual(2);
    expect(github.requests.every((request) => request.path.startsWith('/api/v3/repos/octo-org/hello-world/'))).toBe(
      true,
    );
  });

  it.each([
    ['401 bad credentials', 401, /401[\s\S]*github-token/],
    ['404 without actions: read', 404, /permissions: actions: read/],
    ['500 server error', 500, /HTTP 500/],
  ])('API failure (%s): the message is still sent on the job status, with a warning', async (_label, status, hint) => {
    await startGithub([]);
    github.setHandler((_request, response) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'nope', documentation_url: 'https://docs.github.com/rest' }));
    });
    const result = await act('failure', { 'notify-on': 'failure,fixed' });
    expect(result.code, result.stdout).toBe(0);
    expect(sent().title).toContain('Failed');
    const warning = result.stdout.split('\n').find((line) => line.startsWith('::warning::Run history'));
    expect(warning, result.stdout).toBeDefined();
    expect(warning).toMatch(hint);
    expect(unmasked(result.stdout)).not.toContain(GH_TOKEN);
  });

  it('API timeout: falls back quickly and still sends', async () => {
    await startGithub([]);
    github.setHandler(() => {
      /* never answers */
    });
    const started = Date.now();
    const result = await act('failure', { 'notify-on': 'failure,fixed', timeout: '2' });
    expect(result.code, result.stdout).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(sent().title).toContain('Failed');
    expect(result.stdout).toMatch(/::warning::Run history lookup failed: the GitHub API did not answer in time/);
  });

  it('no github-token: warns how to fix it and notifies on the job status', async () => {
    await startGithub([run(41, 'failure')]);
    const result = await act('failure', { 'github-token': '', 'notify-on': 'failure,fixed' });
    expect(result.code, result.stdout).toBe(0);
    expect(sent().title).toContain('Failed');
    expect(github.requests).toHaveLength(0);
    expect(result.stdout).toMatch(/::warning::Run history skipped: no github-token.*permissions: actions: read/);
  });

  it('workflow_run: classifies and lists the watched run, not the notifier run', async () => {
    await startGithub([run(41, 'failure'), run(40, 'success')]);
    const dir = await mkdtemp(join(tmpdir(), 'ci-notifier-wr-'));
    const eventPath = join(dir, 'event.json');
    const watched = { id: RUN_ID, run_attempt: 1, run_number: 42, workflow_id: WORKFLOW_ID, head_branch: 'main' };
    await writeFile(
      eventPath,
      JSON.stringify({ action: 'completed', workflow_run: { ...watched, name: 'CI', conclusion: 'failure' } }),
    );
    const result = await act(
      '',
      { 'notify-on': 'still-failing' },
      { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: eventPath, GITHUB_RUN_ID: '111', GITHUB_RUN_NUMBER: '7' },
    );
    expect(result.code, result.stdout).toBe(0);
    const { title, content } = sent();
    expect(title).toContain('Still failing');
    expect(content).toContain('Run unit tests');
    const runsCall = github.requests.find((request) => request.path.endsWith('/runs'))!;
    expect(runsCall.path).toBe(`/repos/octo-org/hello-world/actions/workflows/${WORKFLOW_ID}/runs`);
  });

  it('no github-token and a plain notify-on: sent, with an info line instead of a warning', async () => {
    await startGithub([run(41, 'failure')]);
    const result = await act('failure', { 'github-token': '' });
    expect(result.code, result.stdout).toBe(0);
    expect(sent().title).toContain('Failed');
    expect(result.stdout).toMatch(/^Run history skipped: no github-token/m);
    expect(result.stdout).not.toContain('::warning::');
  });

  it('a run that notify-on already rules out makes no API call', async () => {
    await startGithub([run(41, 'failure')]);
    const result = await act('success', { 'notify-on': 'failure' });
    expect(result.outputs.status).toBe('skipped');
    expect(github.requests).toHaveLength(0);
  });
});
