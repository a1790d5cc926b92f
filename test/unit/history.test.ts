import { afterEach, describe, expect, it } from 'vitest';
import { githubContext } from '../../src/context/github.js';
import { historyFor } from '../../src/action/history-step.js';
import { explainFailure, lookupHistory, MAX_PAGES, PER_PAGE, workflowFile } from '../../src/action/history.js';
import type { CiContext, RunHistory } from '../../src/model/context.js';
import { shouldNotify } from '../../src/notify/notify.js';
import { fakeGithubApi, WORKFLOW_ID, type FakeJob, type FakeRun } from '../fakes/github-api.js';

const TOKEN = 'ghs_unit0000000000000000000000000000000';
const RUN_ID = 555;
const NOW = Date.parse('2026-03-01T12:00:00Z');

function recorder() {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    logger: {
      debug: (message: string) => lines.push({ level: 'debug', message }),
      info: (message: string) => lines.push({ level: 'info', message }),
      warning: (message: string) => lines.push({ level: 'warning', message }),
    },
  };
}

const ENV = {
  GITHUB_REPOSITORY: 'octo-org/hello-world',
  GITHUB_RUN_ID: String(RUN_ID),
  GITHUB_RUN_NUMBER: '50',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main',
  GITHUB_REF_TYPE: 'branch',
  GITHUB_JOB: 'test',
  GITHUB_WORKFLOW_REF: 'octo-org/hello-world/.github/workflows/ci.yml@refs/heads/main',
};

const completed = (run_number: number, conclusion: string, head_branch = 'main'): FakeRun => ({
  id: 100 + run_number,
  run_number,
  head_branch,
  status: 'completed',
  conclusion,
});

const job = (id: number, name: string, conclusion: string | null, extra: Partial<FakeJob> = {}): FakeJob => ({
  id,
  name,
  status: conclusion === null ? 'in_progress' : 'completed',
  conclusion,
  started_at: '2026-03-01T11:58:30Z',
  run_attempt: 2,
  steps: [],
  ...extra,
});

let server: ReturnType<typeof fakeGithubApi> | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function lookup(
  runs: FakeRun[],
  jobs: FakeJob[],
  options: {
    /** The status input; `failure` unless given (null: none, as on workflow_run). */
    status?: string | null;
    env?: Record<string, string>;
    matrix?: Record<string, unknown>;
    payload?: Record<string, unknown>;
  } = {},
): Promise<RunHistory> {
  const env0 = { ...ENV, ...options.env };
  // The run under test is in progress; its earlier attempts (ENV says attempt 2) were cancelled unless a test
  // lists the run itself, so they are passed over.
  const attempt = Number(env0.GITHUB_RUN_ATTEMPT) || 1;
  const self: FakeRun = {
    id: RUN_ID,
    run_number: 50,
    head_branch: 'main',
    status: 'in_progress',
    conclusion: null,
    run_attempt: attempt,
    attempts: Array.from({ length: attempt - 1 }, () => 'cancelled'),
  };
  const all = runs.some((run) => run.id === RUN_ID) ? runs : [...runs, self];
  server = fakeGithubApi({ tokens: [TOKEN], runs: all, jobs: { [RUN_ID]: jobs } });
  await server.start();
  const env = { ...env0, GITHUB_API_URL: server.url };
  const payload = options.payload ?? {};
  const context = githubContext({
    env,
    payload,
    status: options.status === null ? undefined : (options.status ?? 'failure'),
    matrix: options.matrix,
  });
  return lookupHistory({ token: TOKEN, env, context, logger: recorder().logger, now: () => NOW, payload });
}

describe('notify-on with run states (shouldNotify)', () => {
  const context = (status: CiContext['status'], state?: RunHistory['state']): CiContext => ({
    ci: 'github',
    status,
    history: state ? { state } : undefined,
  });
  it.each([
    // [notify-on, job status, run state, sent?]
    ['failure,fixed', 'failure', 'failure', true],
    ['failure,fixed', 'failure', 'still-failing', false],
    ['failure,fixed', 'success', 'fixed', true],
    ['failure,fixed', 'success', 'success', false],
    ['still-failing', 'failure', 'still-failing', true],
    ['still-failing', 'failure', 'failure', false],
    ['fixed', 'success', 'fixed', true],
    // Plain lists ignore the history: a still-failing run is a failure.
    ['failure', 'failure', 'still-failing', true],
    ['success', 'success', 'fixed', true],
    ['success', 'failure', 'failure', false],
    ['always', 'success', 'success', true],
    ['', 'success', 'success', true],
    ['cancelled,fixed', 'cancelled', 'cancelled', true],
  ] as const)('%s, status %s, state %s → %s', (list, status, state, expected) => {
    const notifyOn = list ? list.split(',') : [];
    expect(shouldNotify(notifyOn, context(status, state))).toBe(expected);
  });

  it('without history (no token, API failed) the job status decides, so no alert is lost', () => {
    expect(shouldNotify(['failure', 'fixed'], context('failure'))).toBe(true);
    expect(shouldNotify(['failure', 'fixed'], context('success'))).toBe(false);
    expect(shouldNotify(['failure', 'fixed'], context('failure', 'unknown'))).toBe(true);
    expect(shouldNotify(['still-failing'], context('failure'))).toBe(false);
  });
});

describe('workflowFile', () => {
  it.each([
    ['octo-org/hello-world/.github/workflows/ci.yml@refs/heads/main', 'ci.yml'],
    ['o/r/.github/workflows/release.yaml@refs/tags/v1.2.3', 'release.yaml'],
    ['o/r/.github/workflows/test.yml@refs/pull/12/merge', 'test.yml'],
    ['o/r/.github/workflows/ci.yml@0123abcd', 'ci.yml'],
  ])('%s → %s', (ref, file) => expect(workflowFile(ref)).toBe(file));
  it.each([undefined, '', 'ci.yml', 'o/r/workflows/ci.yml@main'])('%s → undefined', (ref) =>
    expect(workflowFile(ref)).toBeUndefined(),
  );
});

describe('matrix-aware job names', () => {
  it('appends the matrix values in order, as GitHub names matrix jobs', () => {
    const context = githubContext({ env: ENV, payload: {}, matrix: { os: 'ubuntu-latest', node: 24 } });
    expect(context.jobDisplayName).toBe('test (ubuntu-latest, 24)');
    expect(context.matrix).toEqual({ os: 'ubuntu-latest', node: 24 });
  });
  it('keeps the plain job id without a matrix or with an empty one', () => {
    expect(githubContext({ env: ENV, payload: {} }).jobDisplayName).toBe('test');
    expect(githubContext({ env: ENV, payload: {}, matrix: {} }).jobDisplayName).toBe('test');
  });
});

describe('lookupHistory classification', () => {
  it('failure after success is newly broken (streak 1), with the previous run', async () => {
    const history = await lookup([completed(49, 'success'), completed(48, 'failure')], []);
    expect(history).toMatchObject({
      state: 'failure',
      failureStreak: 1,
      previousConclusion: 'success',
      previousUrl: 'https://github.com/octo-org/hello-world/actions/runs/149',
    });
  });

  it('failure after failures is still failing; cancelled, skipped and other branches are passed over', async () => {
    const history = await lookup(
      [
        completed(49, 'cancelled'),
        completed(48, 'failure'),
        completed(47, 'success', 'feature'),
        completed(46, 'timed_out'),
        completed(45, 'skipped'),
        completed(44, 'success'),
        completed(43, 'failure'),
      ],
      [],
    );
    expect(history).toMatchObject({ state: 'still-failing', failureStreak: 3, previousConclusion: 'failure' });
  });

  it('runs with this run number or a higher one are not previous runs', async () => {
    const history = await lookup([completed(51, 'failure'), completed(50, 'failure'), completed(49, 'success')], []);
    expect(history).toMatchObject({ state: 'failure', failureStreak: 1, previousConclusion: 'success' });
  });

  it('success after failure is fixed; success after success is success; a first run is success', async () => {
    expect((await lookup([completed(49, 'failure')], [], { status: 'success' })).state).toBe('fixed');
    await server?.stop();
    expect((await lookup([completed(49, 'success')], [], { status: 'success' })).state).toBe('success');
    await server?.stop();
    const first = await lookup([], [], { status: 'success' });
    expect(first.state).toBe('success');
    expect(first.previousConclusion).toBeUndefined();
  });

  it('reads pages until the streak ends, and stops after MAX_PAGES', async () => {
    const runs: FakeRun[] = [];
    for (let n = 1; n <= PER_PAGE * (MAX_PAGES + 1); n++) runs.push(completed(n, 'failure'));
    const history = await lookup(runs, [], { env: { GITHUB_RUN_NUMBER: String(runs.length + 1) } });
    expect(history.state).toBe('still-failing');
    expect(history.failureStreak).toBe(PER_PAGE * MAX_PAGES + 1);
    const pages = server!.requests.filter((request) => request.path.endsWith('/runs'));
    expect(pages).toHaveLength(MAX_PAGES);
  });

  it('a green run reads only the first page', async () => {
    const runs: FakeRun[] = [];
    for (let n = 1; n <= PER_PAGE * 3; n++) runs.push(completed(n, n === 1 ? 'success' : 'failure'));
    const history = await lookup(runs, [], { status: 'success', env: { GITHUB_RUN_NUMBER: '1000' } });
    expect(history.state).toBe('fixed');
    expect(server!.requests.filter((request) => request.path.endsWith('/runs'))).toHaveLength(1);
  });

  it('cancelled runs and tags are not compared (no runs request)', async () => {
    const cancelled = await lookup([completed(49, 'failure')], [], { status: 'cancelled' });
    expect(cancelled.state).toBe('cancelled');
    expect(server!.requests.some((request) => request.path.endsWith('/runs'))).toBe(false);
    await server?.stop();
    const tag = await lookup([completed(49, 'failure')], [], {
      env: { GITHUB_REF: 'refs/tags/v1.0.0', GITHUB_REF_NAME: 'v1.0.0', GITHUB_REF_TYPE: 'tag' },
    });
    expect(tag).toMatchObject({ state: 'failure', failureStreak: 1 });
    expect(server!.requests.some((request) => request.path.endsWith('/runs'))).toBe(false);
  });
});

describe('workflow_run: the history of the watched workflow', () => {
  it('reads the triggering run: its jobs, its workflow id, its branch and number', async () => {
    const payload = {
      action: 'completed',
      workflow_run: {
        id: RUN_ID,
        run_attempt: 2,
        run_number: 30,
        workflow_id: WORKFLOW_ID,
        head_branch: 'develop',
        conclusion: 'failure',
      },
    };
    const history = await lookup(
      [completed(31, 'success', 'develop'), completed(29, 'failure', 'develop'), completed(28, 'success', 'main')],
      [job(1, 'test', 'failure', { steps: [{ name: 'Run tests', number: 3, conclusion: 'failure' }] })],
      {
        status: null,
        payload,
        env: { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_RUN_ID: '777', GITHUB_RUN_NUMBER: '5' },
      },
    );
    expect(history).toMatchObject({ state: 'still-failing', failureStreak: 2 });
    // The notifier's own job is not the watched run's: only the watched jobs are listed.
    expect(history.failedJobs).toEqual([
      expect.objectContaining({ name: 'test', steps: [{ name: 'Run tests', number: 3 }] }),
    ]);
    const runsCall = server!.requests.find((request) => request.path.endsWith('/runs'))!;
    expect(runsCall.path).toBe(`/repos/octo-org/hello-world/actions/workflows/${WORKFLOW_ID}/runs`);
    expect(runsCall.query.get('branch')).toBe('develop');
  });
});

describe('lookupHistory failed jobs and duration', () => {
  const steps = [
    { name: 'Set up job', number: 1, conclusion: 'success' },
    { name: 'Run tests', number: 3, conclusion: 'failure' },
    { name: 'Post checkout', number: 4, conclusion: 'skipped' },
  ];

  it('lists failed jobs of this attempt with failed steps and links; duration from the first job start', async () => {
    const history = await lookup(
      [completed(49, 'success')],
      [
        job(1, 'lint', 'success', { steps }),
        job(2, 'e2e', 'timed_out'),
        job(3, 'test (ubuntu-latest, 24)', 'failure', { steps }),
        job(4, 'old attempt', 'failure', { run_attempt: 1 }),
        job(5, 'docs', 'cancelled'),
      ],
    );
    expect(history.failedJobs).toEqual([
      {
        name: 'e2e',
        url: `https://github.com/octo-org/hello-world/actions/runs/${RUN_ID}/job/2`,
        conclusion: 'timed_out',
        steps: [],
      },
      {
        name: 'test (ubuntu-latest, 24)',
        url: `https://github.com/octo-org/hello-world/actions/runs/${RUN_ID}/job/3`,
        conclusion: 'failure',
        steps: [{ name: 'Run tests', number: 3 }],
      },
    ]);
    expect(history.durationSeconds).toBe(90);
    expect(server!.requests.some((request) => request.path.endsWith(`/runs/${RUN_ID}/attempts/2/jobs`))).toBe(true);
  });

  it('when the current job is not in the list and nothing else failed, it is listed from the context', async () => {
    const history = await lookup([], [job(1, 'lint', 'success')], { matrix: { node: 24 } });
    expect(history.failedJobs).toEqual([
      {
        name: 'test (24)',
        url: `https://github.com/octo-org/hello-world/actions/runs/${RUN_ID}/attempts/2`,
        conclusion: 'failure',
        steps: [],
      },
    ]);
  });

  it('a final notify job (status from needs) is not listed when the needed jobs explain the failure', async () => {
    const jobs = [
      job(1, 'test', 'failure', { steps }),
      job(2, 'notify', null, {
        runner_name: 'runner-n',
        steps: [{ name: 'Set up job', number: 1, conclusion: 'success' }],
      }),
    ];
    const history = await lookup([], jobs, { env: { RUNNER_NAME: 'runner-n', GITHUB_JOB: 'notify' } });
    expect(history.failedJobs?.map((item) => item.name)).toEqual(['test']);
    await server?.stop();
    const alone = await lookup([], [jobs[1]!], { env: { RUNNER_NAME: 'runner-n', GITHUB_JOB: 'notify' } });
    expect(alone.failedJobs).toEqual([
      { name: 'notify', url: expect.stringContaining('/job/2'), conclusion: 'failure', steps: [] },
    ]);
  });

  it('the in-progress current job counts as failed when the status says so (matched by runner, then by name)', async () => {
    const jobs = [
      job(7, 'test (linux, 22)', null, { runner_name: 'runner-a', steps }),
      job(8, 'test (linux, 24)', null, { runner_name: 'runner-b', steps }),
    ];
    const byRunner = await lookup([], jobs, { env: { RUNNER_NAME: 'runner-b' } });
    expect(byRunner.failedJobs?.map((item) => item.name)).toEqual(['test (linux, 24)']);
    expect(byRunner.failedJobs?.[0]?.steps).toEqual([{ name: 'Run tests', number: 3 }]);
    await server?.stop();
    const noRunner = jobs.map((item) => ({ ...item, runner_name: null }));
    const byName = await lookup([], noRunner, { matrix: { os: 'linux', node: 22 } });
    expect(byName.failedJobs?.map((item) => item.name)).toEqual(['test (linux, 22)']);
  });

  it('a green run has no failed-job list but keeps the duration', async () => {
    const history = await lookup([], [job(1, 'build', 'failure')], { status: 'success' });
    expect(history.failedJobs).toBeUndefined();
    expect(history.durationSeconds).toBe(90);
  });

  it('uses /runs/{id}/jobs?filter=latest when the attempt is unknown', async () => {
    await lookup([], [job(1, 'build', 'failure')], { env: { GITHUB_RUN_ATTEMPT: '' } });
    const call = server!.requests.find((request) => request.path.endsWith('/jobs'))!;
    expect(call.path).toBe(`/repos/octo-org/hello-world/actions/runs/${RUN_ID}/jobs`);
    expect(call.query.get('filter')).toBe('latest');
  });
});

describe('failures become warnings, never lost notifications', () => {
  it.each([
    [401, /rejected the token/, /github-token/],
    [403, /cannot read/, /permissions: actions: read/],
    [404, /cannot read/, /permissions: actions: read/],
    [502, /HTTP 502/, /temporary/],
    [429, /rate limit/, /wait/],
  ])('HTTP %i is explained', (status, message, hint) => {
    const text = status === 429 ? 'API rate limit exceeded for installation' : 'Not Found';
    const reason = explainFailure(Object.assign(new Error(text), { status }));
    expect(reason.message).toMatch(message);
    expect(reason.hint).toMatch(hint);
  });

  it('an unreachable API (connection refused) warns and returns undefined', async () => {
    const { lines, logger } = recorder();
    const env = { ...ENV, GITHUB_API_URL: 'http://127.0.0.1:9' };
    const context = githubContext({ env, payload: {}, status: 'failure' });
    const history = await historyFor({ token: TOKEN, env, context, logger, timeoutMs: 3000 });
    expect(history).toBeUndefined();
    const warning = lines.find((line) => line.level === 'warning')!;
    expect(warning.message).toMatch(/Run history lookup failed: the GitHub API could not be reached/);
    expect(warning.message).toContain('job status alone');
  });

  it('a wrong token: 401 warning, not thrown', async () => {
    server = fakeGithubApi({ tokens: ['other'], runs: [] });
    await server.start();
    const { lines, logger } = recorder();
    const env = { ...ENV, GITHUB_API_URL: server.url };
    const context = githubContext({ env, payload: {}, status: 'failure' });
    expect(await historyFor({ token: TOKEN, env, context, logger })).toBeUndefined();
    expect(lines.find((line) => line.level === 'warning')?.message).toMatch(/HTTP 401.*pass a valid `github-token`/);
    expect(lines.map((line) => line.message).join('\n')).not.toContain(TOKEN);
  });

  it('no token: warns with the fix and makes no request', async () => {
    const { lines, logger } = recorder();
    const context = githubContext({ env: ENV, payload: {}, status: 'failure' });
    expect(await historyFor({ env: ENV, context, logger })).toBeUndefined();
    expect(lines).toEqual([
      { level: 'warning', message: expect.stringMatching(/no github-token.*permissions: actions: read/) },
    ]);
  });

  it('no token with a notify-on that does not use the states: an info line, not a warning', async () => {
    const { lines, logger } = recorder();
    const context = githubContext({ env: ENV, payload: {}, status: 'failure' });
    expect(await historyFor({ env: ENV, context, logger, historyAware: false })).toBeUndefined();
    expect(lines).toEqual([{ level: 'info', message: expect.stringMatching(/no github-token/) }]);
  });

  it('outside a GitHub run (no run id) the lookup is refused with a reason', async () => {
    const env = { ...ENV, GITHUB_RUN_ID: '' };
    const context = githubContext({ env, payload: {}, status: 'failure' });
    await expect(lookupHistory({ token: TOKEN, env, context, logger: recorder().logger })).rejects.toThrow(
      /GITHUB_RUN_ID/,
    );
  });
});

describe('the previous run is the same workflow, event, head repository, branch and pull request', () => {
  const run = (run_number: number, conclusion: string, extra: Partial<FakeRun> = {}): FakeRun => ({
    ...completed(run_number, conclusion, extra.head_branch),
    ...extra,
  });
  const pullRequestEnv = (number: number, branch: string) => ({
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REF: `refs/pull/${number}/merge`,
    GITHUB_REF_NAME: `${number}/merge`,
    GITHUB_HEAD_REF: branch,
    GITHUB_BASE_REF: 'main',
  });
  const pullRequestPayload = (number: number, branch: string, headRepo: string) => ({
    action: 'synchronize',
    pull_request: {
      number,
      title: 'Fix',
      html_url: `https://github.com/octo-org/hello-world/pull/${number}`,
      head: { ref: branch, sha: 'a'.repeat(40), repo: { full_name: headRepo } },
      base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: 'octo-org/hello-world' } },
    },
  });

  it("a fork pull request's red run on its own `main` does not make a green push to main `fixed`", async () => {
    const history = await lookup(
      [run(49, 'failure', { event: 'pull_request', head_repository: 'alice/hello-world' }), run(48, 'success')],
      [],
      { status: 'success', env: { GITHUB_EVENT_NAME: 'push' } },
    );
    expect(history).toMatchObject({ state: 'success', previousConclusion: 'success' });
    const call = server!.requests.find((request) => request.path.endsWith('/runs'))!;
    expect(call.query.get('event')).toBe('push');
  });

  it("bob's first pull-request run from patch-1 is not the third failure of alice's patch-1", async () => {
    const fromAlice = { event: 'pull_request', head_branch: 'patch-1', head_repository: 'alice/hello-world' };
    const history = await lookup([run(49, 'failure', fromAlice), run(48, 'failure', fromAlice)], [], {
      env: pullRequestEnv(12, 'patch-1'),
      payload: pullRequestPayload(12, 'patch-1', 'bob/hello-world'),
    });
    expect(history).toMatchObject({ state: 'failure', failureStreak: 1 });
    expect(history.previousConclusion).toBeUndefined();
  });

  it("the same fork pull request's earlier red run makes this one still failing", async () => {
    const fromBob = { event: 'pull_request', head_branch: 'patch-1', head_repository: 'bob/hello-world' };
    const history = await lookup([run(49, 'failure', fromBob), run(48, 'success', fromBob)], [], {
      env: pullRequestEnv(12, 'patch-1'),
      payload: pullRequestPayload(12, 'patch-1', 'bob/hello-world'),
    });
    expect(history).toMatchObject({ state: 'still-failing', failureStreak: 2 });
    const call = server!.requests.find((request) => request.path.endsWith('/runs'))!;
    expect(call.query.get('branch')).toBe('patch-1');
    expect(call.query.get('exclude_pull_requests')).toBe('false');
  });

  it('two pull requests from the same branch of this repository are told apart by number', async () => {
    const feature = { event: 'pull_request', head_branch: 'feature' };
    const other = await lookup([run(49, 'failure', { ...feature, pull_requests: [3] })], [], {
      env: pullRequestEnv(4, 'feature'),
      payload: pullRequestPayload(4, 'feature', 'octo-org/hello-world'),
    });
    expect(other).toMatchObject({ state: 'failure', failureStreak: 1 });
    await server?.stop();
    const same = await lookup([run(49, 'failure', { ...feature, pull_requests: [4] })], [], {
      env: pullRequestEnv(4, 'feature'),
      payload: pullRequestPayload(4, 'feature', 'octo-org/hello-world'),
    });
    expect(same).toMatchObject({ state: 'still-failing', failureStreak: 2 });
  });

  it('a scheduled run is not the previous run of a push', async () => {
    const history = await lookup([run(49, 'failure', { event: 'schedule' }), run(48, 'success')], [], {
      status: 'success',
      env: { GITHUB_EVENT_NAME: 'push' },
    });
    expect(history.state).toBe('success');
  });

  it('action_required (waiting for approval, ran nothing) is passed over like cancelled', async () => {
    const history = await lookup([completed(49, 'action_required'), completed(48, 'success')], []);
    expect(history).toMatchObject({ state: 'failure', failureStreak: 1, previousConclusion: 'success' });
    await server?.stop();
    const green = await lookup([completed(49, 'action_required'), completed(48, 'success')], [], {
      status: 'success',
    });
    expect(green.state).toBe('success');
  });
});

describe('a re-run continues the story of its earlier attempts', () => {
  // This run (attempt 2, in progress) whose attempt 1 failed; the run before it passed.
  const rerun = (attempts: (string | null)[]): FakeRun => ({
    id: RUN_ID,
    run_number: 50,
    head_branch: 'main',
    status: 'in_progress',
    conclusion: null,
    run_attempt: attempts.length + 1,
    attempts,
  });

  it('attempt 2 passing after attempt 1 failed is fixed', async () => {
    const history = await lookup([rerun(['failure']), completed(49, 'success')], [], { status: 'success' });
    expect(history).toMatchObject({ state: 'fixed', previousConclusion: 'failure' });
    expect(server!.requests.some((request) => request.path.endsWith(`/runs/${RUN_ID}/attempts/1`))).toBe(true);
  });

  it('attempt 2 failing again is still failing, counting attempt 1 and the runs before it', async () => {
    const once = await lookup([rerun(['failure']), completed(49, 'success')], []);
    expect(once).toMatchObject({ state: 'still-failing', failureStreak: 2 });
    await server?.stop();
    const twice = await lookup([rerun(['failure']), completed(49, 'failure'), completed(48, 'success')], []);
    expect(twice).toMatchObject({ state: 'still-failing', failureStreak: 3 });
  });

  it('a cancelled earlier attempt is passed over; the run before decides', async () => {
    const history = await lookup([{ ...rerun(['cancelled']), attempts: ['cancelled'] }, completed(49, 'failure')], [], {
      status: 'success',
    });
    expect(history.state).toBe('fixed');
    expect(history.previousConclusion).toBe('failure');
  });
});

describe('a run listed twice while paging counts once', () => {
  it('the streak counts each run once', async () => {
    const runs: FakeRun[] = [];
    for (let n = 1; n <= 60; n++) runs.push(completed(n, n === 1 ? 'success' : 'failure'));
    // Runs finishing while we page shift the list: the last run of page 1 comes again first on page 2.
    runs.push(completed(PER_PAGE * 0 + 11, 'failure'));
    const history = await lookup(runs, [], { env: { GITHUB_RUN_NUMBER: '61' } });
    expect(history).toMatchObject({ state: 'still-failing', failureStreak: 60 });
  });
});
