import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFailureDetails, type FailureDetailsRequest } from '../../src/context/failure-details.js';
import { fakeGithubApi, type FakeGithubOptions, type FakeJob } from '../fakes/github-api.js';
import { ROOT } from '../helpers/run-action.js';

const TOKEN = 'ghs_details000000000000000000000000000000';
const RUN_ID = 777;
const log = (name: string) => readFileSync(join(ROOT, 'test/fixtures/github-logs', name), 'utf8');

const job = (id: number, name: string, conclusion: string | null, attempt = 2, failedStep?: string): FakeJob => ({
  id,
  name,
  status: conclusion === null ? 'in_progress' : 'completed',
  conclusion,
  started_at: '2026-03-01T11:58:30Z',
  run_attempt: attempt,
  runner_name: `GitHub Actions ${String(id)}`,
  steps: [
    { name: 'Set up job', number: 1, conclusion: 'success' },
    ...(failedStep
      ? [{ name: failedStep, number: 4, conclusion: conclusion === 'timed_out' ? 'cancelled' : 'failure' }]
      : []),
  ],
});

/** Attempt 1 failed in build and test; attempt 2 (a re-run of all jobs) still fails in build, test passed. */
const JOBS = [
  job(11, 'build', 'failure', 1, 'Type check'),
  job(12, 'test (ubuntu-latest, 24)', 'failure', 1, 'Run unit tests'),
  job(21, 'build', 'failure', 2, 'Type check'),
  job(22, 'test (ubuntu-latest, 24)', 'success', 2),
  job(23, 'e2e', 'timed_out', 2, 'End-to-end tests'),
  job(24, 'notify', null, 2),
];

let server: ReturnType<typeof fakeGithubApi> | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function lookup(options: Partial<FakeGithubOptions> = {}, request: Partial<FailureDetailsRequest> = {}) {
  server = fakeGithubApi({
    tokens: [TOKEN],
    runs: [],
    jobs: { [RUN_ID]: JOBS },
    annotations: {
      21: [
        {
          path: 'src/render/template.ts',
          start_line: 248,
          annotation_level: 'failure',
          message: "Type 'string | undefined' is not assignable to type 'string'.",
          title: 'TS2322',
        },
        { path: '.github', start_line: 0, annotation_level: 'failure', message: 'Process completed with exit code 2.' },
        { path: 'src/a.ts', start_line: 3, annotation_level: 'warning', message: 'unused variable' },
      ],
      23: [
        {
          path: '.github',
          start_line: 0,
          annotation_level: 'failure',
          message: 'The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 10 minutes.',
        },
      ],
    },
    logs: { 21: log('tsc.log'), 23: log('timeout.log') },
    ...options,
  });
  await server.start();
  return fetchFailureDetails({
    apiUrl: server.apiUrl(),
    serverUrl: 'https://github.com',
    token: TOKEN,
    owner: 'octo-org',
    repo: 'hello-world',
    runId: RUN_ID,
    attempt: 2,
    currentRunner: 'GitHub Actions 24',
    ...request,
  });
}

describe('fetchFailureDetails', () => {
  it('lists the failed jobs of this attempt with step, annotations and log excerpt, and the flaky one', async () => {
    const { details, notices } = await lookup();
    expect(notices).toEqual([]);
    expect(details?.attempt).toBe(2);
    expect(details?.jobs.map((item) => [item.name, item.conclusion, item.flaky])).toEqual([
      ['build', 'failure', false],
      ['e2e', 'timed_out', false],
      ['test (ubuntu-latest, 24)', 'success', true],
    ]);
    const build = details!.jobs[0]!;
    expect(build.steps).toEqual([{ name: 'Type check', number: 4, conclusion: 'failure' }]);
    // The runner's exit-code annotation and warnings give way to the compiler's error.
    expect(build.annotations).toEqual([
      {
        path: 'src/render/template.ts',
        line: 248,
        location: 'src/render/template.ts:248',
        title: 'TS2322',
        message: "Type 'string | undefined' is not assignable to type 'string'.",
        text: "Type 'string | undefined' is not assignable to type 'string'.",
        level: 'failure',
        url: 'https://github.com/octo-org/hello-world/blob/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c/src/render/template.ts#L248',
      },
    ]);
    expect(build.log?.excerpt).toContain('Error: src/render/template.ts(248,7): error TS2322');
    expect(build.log?.url).toBe('https://github.com/octo-org/hello-world/actions/runs/777/job/21');
    // All errors in one list with their job, and the first one as the summary.
    expect(details!.errors.map((item) => item.job)).toEqual(['build', 'e2e']);
    expect(details!.summary).toBe(
      "src/render/template.ts:248: Type 'string | undefined' is not assignable to type 'string'.",
    );
    expect(details!.jobs[2]!.failedAttempt).toBe(1);
    // Without a better one, the runner's own annotation stays (the timeout).
    expect(details!.jobs[1]!.annotations[0]?.message).toMatch(/exceeded the maximum execution time/);
    // The notifier's own job (still running) is not read.
    expect(server!.requests.some((request) => request.path.includes('/jobs/24/'))).toBe(false);
  });

  it('asks the log storage for the end of the log without the token', async () => {
    await lookup();
    const blob = server!.requests.filter((request) => request.path.startsWith('/blob/logs/'));
    expect(blob.length).toBe(2);
    for (const request of blob) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers.range).toBe('bytes=-262144');
    }
  });

  it('reads at most maxLogBytes of a log, whether or not the storage honours Range', async () => {
    const huge = `${'2026-03-01T11:58:30.1234567Z filler line\n'.repeat(50_000)}2026-03-01T11:58:30.1234567Z ##[error]the end\n`;
    for (const logRanges of [true, false]) {
      const { details } = await lookup({ logs: { 21: huge }, logRanges }, { budget: { maxLogBytes: 4096 } });
      const build = details!.jobs[0]!;
      expect(build.log?.lines).toBeLessThanOrEqual(30);
      if (logRanges) expect(build.log?.excerpt).toContain('Error: the end');
      else expect(build.log?.truncated).toBe(true);
      await server!.stop();
      server = undefined;
    }
  });

  it('without checks: read (403), keeps the logs and says which permission adds the annotations', async () => {
    const { details, notices } = await lookup({ annotations: { 21: 403, 23: 403 } });
    expect(details?.jobs[0]?.annotations).toEqual([]);
    expect(details?.jobs[0]?.log?.excerpt).toContain('TS2322');
    expect(details?.partial).toBe(true);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/error annotations could not be read \(HTTP 403\).*permissions: checks: read/);
  });

  it('without actions: read, sends no details and names the permission', async () => {
    const { details, notices } = await lookup({ jobs: {} });
    expect(details).toBeUndefined();
    expect(notices[0]).toMatch(/HTTP 404.*permissions: actions: read/);
  });

  it('a log that is not there yet (404) is left out quietly', async () => {
    const { details, notices } = await lookup({ logs: { 21: 404 } });
    expect(details?.jobs[0]?.log).toBeUndefined();
    expect(details?.jobs[0]?.annotations).toHaveLength(1);
    expect(notices).toEqual([]);
  });

  it('`annotations` reads no log; `off` makes no request', async () => {
    const { details } = await lookup({}, { mode: 'annotations' });
    expect(details?.jobs[0]?.log).toBeUndefined();
    expect(server!.requests.some((request) => request.path.endsWith('/logs'))).toBe(false);
    await server!.stop();
    const off = await lookup({}, { mode: 'off' });
    expect(off).toEqual({ notices: [] });
    expect(server!.requests).toHaveLength(0);
  });

  it('stays within its deadline when the API does not answer', async () => {
    const started = performance.now();
    const { details, notices } = await lookup(
      { intercept: (request) => request.path.endsWith('/annotations') },
      { budget: { timeoutMs: 300 } },
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(details?.jobs[0]?.name).toBe('build');
    expect(notices.join('\n')).toMatch(/took too long/);
  });

  it('masks the caller’s secrets in excerpts and annotations', async () => {
    const { details } = await lookup({}, { redact: (text) => text.replaceAll('template.ts', '***') });
    expect(JSON.stringify(details)).not.toContain('template.ts(248');
  });
});
