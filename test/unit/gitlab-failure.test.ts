/**
 * Why a GitLab pipeline failed, read from a stand-in of the GitLab REST API (test/fakes/gitlab-api.ts) with traces
 * modelled on real failed GitLab jobs (test/fixtures/gitlab-traces: a failed `npm test`, a TypeScript compile error).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  fetchGitlabFailureDetails,
  gitlabTraceForExcerpt,
  type GitlabFailureRequest,
} from '../../src/context/gitlab-failure.js';
import { fakeGitlabApi, fakeTraceStorage, type FakeGitlabOptions } from '../fakes/gitlab-api.js';
import type { FakeServer } from '../helpers/fake-server.js';
import { GITLAB_JOBS, GITLAB_TRACES, gitlabJob as job, trace } from '../fixtures/gitlab-traces/scenes.js';

const GITLAB_TOKEN = 'glpat-unitTest0000000000000';
const PROJECT = '61234567';
const PIPELINE = 1588402211;

let servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
});

async function lookup(
  fake: Partial<FakeGitlabOptions> = {},
  request: Partial<GitlabFailureRequest> = {},
): Promise<{ api: ReturnType<typeof fakeGitlabApi>; result: Awaited<ReturnType<typeof fetchGitlabFailureDetails>> }> {
  const api = fakeGitlabApi({
    projectId: PROJECT,
    tokens: [GITLAB_TOKEN],
    forbidden: ['glpat-noReadApi000000000000'],
    pipelines: { [PIPELINE]: GITLAB_JOBS },
    traces: GITLAB_TRACES,
    ...fake,
  });
  await api.start();
  servers.push(api);
  const result = await fetchGitlabFailureDetails({
    apiUrl: api.apiUrl(),
    token: GITLAB_TOKEN,
    projectId: PROJECT,
    pipelineId: PIPELINE,
    currentJobId: 8523009,
    ...request,
  });
  return { api, result };
}

describe('the failed jobs of a GitLab pipeline and the end of their logs', () => {
  it('lists the failed jobs in pipeline order (not one allowed to fail), each with the lines that explain it', async () => {
    const { api, result } = await lookup();
    expect(result.notices).toEqual([]);
    const details = result.details!;
    expect(details.jobs.map((item) => [item.name, item.conclusion, item.url])).toEqual([
      ['build', 'failure', 'https://gitlab.example.com/acme/web-shop/-/jobs/8523001'],
      ['test:unit', 'failure', 'https://gitlab.example.com/acme/web-shop/-/jobs/8523002'],
    ]);
    const [build, unit] = details.jobs;
    expect(build!.log!.excerpt).toContain(
      "src/checkout/shipping.ts:27:9 - error TS2345: Argument of type 'string | undefined' is not assignable",
    );
    expect(unit!.log!.excerpt).toContain('AssertionError: expected 5.99 to be +0 // Object.is equality');
    expect(unit!.log!.excerpt).toContain('FAIL  src/checkout/shipping.test.ts > shipping > charges nothing');
    expect(unit!.log!.excerpt.split('\n').at(-1)).toBe('Error: Job failed: exit code 1');
    for (const item of details.jobs) {
      // The runner's own sections and preamble say nothing about the failure; colours and markers are gone.
      expect(item.log!.excerpt).not.toMatch(/Uploading artifacts|Running with gitlab-runner|Cleaning up|section_/);
      expect(item.log!.excerpt).not.toContain('\u001b');
      expect(item.log!.excerpt).not.toContain('\r');
      expect(item.log!.url).toBe(item.url);
    }
    expect(details.summary).toMatch(/TS2345/);
    expect(details.errors).toEqual([]);
    // GitLab's documented header for access tokens, and a range for the end of each log.
    for (const request of api.apiRequests) expect(request.headers['private-token']).toBe(GITLAB_TOKEN);
    const listed = api.apiRequests.find((request) => request.path.endsWith('/jobs'))!;
    expect(listed.query.getAll('scope[]')).toEqual(['failed', 'success']);
    expect(listed.query.get('include_retried')).toBe('true');
    const traces = api.apiRequests.filter((request) => request.path.endsWith('/trace'));
    expect(traces.map((request) => request.path)).toEqual([
      `/api/v4/projects/${PROJECT}/jobs/8523001/trace`,
      `/api/v4/projects/${PROJECT}/jobs/8523002/trace`,
    ]);
    expect(traces[0]!.headers.range).toBe('bytes=-262144');
  });

  it('retries: a job that failed and then passed is flaky; a job failed again says which attempt this is', async () => {
    const jobs = [
      job(8600001, 'build', 'build', 'success'),
      job(8600002, 'test:unit', 'test', 'failed'),
      job(8600003, 'test:e2e', 'test', 'failed'),
      job(8600004, 'test:unit', 'test', 'failed'),
      job(8600005, 'test:e2e', 'test', 'success'),
      job(8600006, 'test:unit', 'test', 'failed'),
      job(8600007, 'lint', 'test', 'success'),
    ];
    const { result } = await lookup({ pipelines: { [PIPELINE]: jobs } }, { mode: 'annotations' });
    const details = result.details!;
    expect(
      details.jobs.map((item) => [item.name, item.conclusion, item.flaky, item.attempt, item.failedAttempt]),
    ).toEqual([
      ['test:unit', 'failure', false, 3, undefined],
      ['test:e2e', 'success', true, 2, 1],
    ]);
    expect(details.jobs[0]!.url).toContain('8600006');
    expect(details.attempt).toBe(3);
  });

  it('no retries: no attempt and no flaky job', async () => {
    const { result } = await lookup({}, { mode: 'annotations' });
    expect(result.details!.attempt).toBeUndefined();
    expect(result.details!.jobs.every((item) => !item.flaky && item.attempt === undefined)).toBe(true);
  });

  it('reads every page of failed jobs (x-next-page)', async () => {
    const many = Array.from({ length: 5 }, (_, i) => job(9000 + i, `test ${String(i + 1)}/5`, 'test', 'failed'));
    const { api, result } = await lookup({ pipelines: { [PIPELINE]: many }, maxPerPage: 2 }, { mode: 'annotations' });
    expect(result.details!.jobs.map((item) => item.name)).toEqual(many.map((item) => item.name));
    expect(api.apiRequests.map((request) => request.query.get('page'))).toEqual(['1', '2', '3']);
  });

  it('--details annotations: GitLab has none, so the failed jobs only, and no log is read', async () => {
    const { api, result } = await lookup({}, { mode: 'annotations' });
    expect(result.details!.jobs.map((item) => [item.name, item.log])).toEqual([
      ['build', undefined],
      ['test:unit', undefined],
    ]);
    expect(api.apiRequests.some((request) => request.path.endsWith('/trace'))).toBe(false);
  });

  it('--details off: no request at all', async () => {
    const { api, result } = await lookup({}, { mode: 'off' });
    expect(result).toEqual({ notices: [] });
    expect(api.apiRequests).toHaveLength(0);
  });

  it('a timed-out job says so', async () => {
    const slow = [job(7001, 'deploy:staging', 'deploy', 'failed', { failure_reason: 'job_execution_timeout' })];
    const { result } = await lookup({ pipelines: { [PIPELINE]: slow }, traces: { 7001: 'waiting\n' } });
    expect(result.details!.jobs[0]!.conclusion).toBe('timed_out');
  });

  for (const [label, token, status] of [
    ['a bad or expired token', 'glpat-expired0000000000000', 401],
    ['a token without read_api (or CI_JOB_TOKEN)', 'glpat-noReadApi000000000000', 403],
  ] as const)
    it(`${label} (HTTP ${String(status)}): no details and a notice naming the read_api token`, async () => {
      const { result } = await lookup({}, { token });
      expect(result.details).toBeUndefined();
      expect(result.notices).toHaveLength(1);
      expect(result.notices[0]).toContain(`HTTP ${String(status)}`);
      expect(result.notices[0]).toMatch(/--gitlab-token.*read_api.*CI_JOB_TOKEN/);
    });

  it('a pipeline the token cannot see (HTTP 404): no details and the same notice', async () => {
    const { result } = await lookup({}, { pipelineId: 42 });
    expect(result.details).toBeUndefined();
    expect(result.notices[0]).toMatch(/HTTP 404.*read_api/);
  });

  it('a log that is not there (404): the job is listed without it, quietly', async () => {
    const { result } = await lookup({ traces: { 8523002: trace('npm-test.log') } });
    expect(result.notices).toEqual([]);
    expect(result.details!.jobs.map((item) => Boolean(item.log))).toEqual([false, true]);
    expect(result.details!.partial).toBe(true);
  });

  it('a GitLab that is down: a notice, never a throw', async () => {
    const result = await fetchGitlabFailureDetails({
      apiUrl: 'http://127.0.0.1:9/api/v4',
      token: GITLAB_TOKEN,
      projectId: PROJECT,
      pipelineId: PIPELINE,
      budget: { timeoutMs: 2000 },
    });
    expect(result.details).toBeUndefined();
    expect(result.notices[0]).toMatch(/^Failure details: the failed jobs of the pipeline could not be read/);
  });

  it('a trace redirected to object storage: followed, without the token', async () => {
    const storage = fakeTraceStorage(GITLAB_TRACES);
    await storage.start();
    servers.push(storage);
    const { result } = await lookup({ redirectTo: storage.url });
    expect(result.details!.jobs[1]!.log!.excerpt).toContain('AssertionError');
    expect(storage.requests).toHaveLength(2);
    for (const request of storage.requests) {
      expect(request.headers['private-token']).toBeUndefined();
      expect(request.headers.authorization).toBeUndefined();
    }
  });

  it('a server that ignores the range: the end of a long log is still what is kept, and the download is capped', async () => {
    const noise = (lines: number) =>
      Array.from({ length: lines }, (_, i) => `compiling module ${String(i)} of ${String(lines)}`).join('\n');
    const long = `${noise(5000)}\n${trace('npm-test.log')}`;
    const huge = `${noise(40_000)}\n${trace('npm-test.log')}`;
    const { result } = await lookup(
      { honourRange: false, traces: { 8523001: long, 8523002: huge } },
      { budget: { maxLogBytes: 64 * 1024 } },
    );
    const [build, unit] = result.details!.jobs;
    // Read whole (under four times the budget): its end is there.
    expect(build!.log!.excerpt).toContain('AssertionError');
    expect(build!.log!.excerpt).not.toContain('compiling module 0 ');
    // Longer than four times the budget: cut, and said to be.
    expect(unit!.log!.truncated).toBe(true);
    expect(Buffer.byteLength(huge)).toBeGreaterThan(4 * 64 * 1024);
  });

  it('secrets in a log are masked: a GitLab token echoed by a script, and the caller’s own', async () => {
    const leaky = `${trace('npm-test.log').replace(
      'Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯',
      'Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯\ncurl -H "PRIVATE-TOKEN: glpat-AbCdEfGhIjKlMnOpQrSt" https://gitlab.example.com\nDEPLOY_KEY=s3cr3t-deploy-key-value',
    )}`;
    const { result } = await lookup(
      { traces: { 8523001: leaky, 8523002: leaky } },
      { budget: { maxLines: 60 }, redact: (text) => text.replaceAll('s3cr3t-deploy-key-value', '***') },
    );
    const excerpt = result.details!.jobs[0]!.log!.excerpt;
    expect(excerpt).toContain('DEPLOY_KEY=***');
    expect(excerpt).not.toContain('glpat-AbCdEfGhIjKlMnOpQrSt');
  });
});

describe('reading a GitLab trace', () => {
  it('keeps the script’s commands and output and the user’s own section headers; drops the runner’s sections', () => {
    const text = [
      '\u001b[0KRunning with gitlab-runner 17.6.0 (374d34fd)\u001b[0;m',
      '\u001b[0Ksection_start:1:get_sources\r\u001b[0KGetting source from Git repository',
      'Fetching changes...',
      '\u001b[0Ksection_end:2:get_sources\r\u001b[0K',
      '\u001b[0Ksection_start:2:step_script\r\u001b[0KExecuting "step_script" stage of the job script',
      '\u001b[32;1m$ make test\u001b[0;m',
      'section_start:3:unit_tests[collapsed=true]\r\u001b[0KUnit tests',
      'FAIL: parser_test.go:12',
      'no newline at the endsection_end:4:unit_tests\r\u001b[0K',
      '\u001b[0Ksection_end:5:step_script\r\u001b[0K',
      '2024-05-22T14:10:13.123456Z 00O \u001b[31;1mERROR: Job failed: exit code 2',
    ].join('\n');
    expect(gitlabTraceForExcerpt(text).split('\n')).toEqual([
      // The command starts a step: the lines before the error are looked for from here on.
      '##[group]Run $ make test',
      '##[endgroup]',
      '$ make test',
      'Unit tests',
      'FAIL: parser_test.go:12',
      'no newline at the end',
      '##[error]Job failed: exit code 2',
    ]);
  });

  it('takes linear time on hostile input', () => {
    const hostile = `${'section_start:'.repeat(200_000)}\n${'section_end:1:'.repeat(100_000)}${'9'.repeat(100_000)}\n`;
    const started = performance.now();
    gitlabTraceForExcerpt(hostile.repeat(4));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
