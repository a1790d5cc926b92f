/**
 * The CLI run as a process inside a GitLab CI job (its documented predefined variables, https://docs.gitlab.com/ci/variables/predefined_variables/)
 * on a failed pipeline: it reads the failed jobs and their logs from a local GitLab API stand-in with a read_api
 * token, and never fails the send when it cannot.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeGitlabApi } from '../fakes/gitlab-api.js';
import { fakePushplus } from '../fakes/pushplus.js';
import type { FakeServer } from '../helpers/fake-server.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';
import { GITLAB_JOBS, GITLAB_TRACES } from '../fixtures/gitlab-traces/scenes.js';

const PUSHPLUS_TOKEN = '0123456789abcdef0123456789abcdef';
const GITLAB_TOKEN = 'glpat-cliProcess00000000000';
const JOB_TOKEN = 'glcbt-64_jobToken0000000000000';
const PROJECT = '61234567';
const PIPELINE = '1588402211';

let servers: FakeServer[] = [];
beforeAll(() => ensureLibBuilt(), 120_000);
afterEach(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
});

async function start() {
  const gitlab = fakeGitlabApi({
    projectId: PROJECT,
    tokens: [GITLAB_TOKEN],
    // CI_JOB_TOKEN authenticates but may not read the jobs API.
    forbidden: [JOB_TOKEN],
    pipelines: { [Number(PIPELINE)]: GITLAB_JOBS },
    traces: GITLAB_TRACES,
  });
  const pushplus = fakePushplus({ tokens: [PUSHPLUS_TOKEN] });
  await gitlab.start();
  await pushplus.start();
  servers.push(gitlab, pushplus);
  const env = {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER_URL: 'https://gitlab.example.com',
    CI_API_V4_URL: gitlab.apiUrl(),
    CI_PROJECT_ID: PROJECT,
    CI_PROJECT_PATH: 'acme/web-shop',
    CI_PROJECT_URL: 'https://gitlab.example.com/acme/web-shop',
    CI_COMMIT_SHA: '8f3c2a1d9b7e6f5a4c3b2a1908f7e6d5c4b3a291',
    CI_COMMIT_REF_NAME: 'main',
    CI_COMMIT_BRANCH: 'main',
    CI_COMMIT_MESSAGE: 'Free shipping above 99',
    CI_COMMIT_AUTHOR: 'Han Meimei <han@example.com>',
    CI_PIPELINE_ID: PIPELINE,
    CI_PIPELINE_URL: `https://gitlab.example.com/acme/web-shop/-/pipelines/${PIPELINE}`,
    CI_PIPELINE_SOURCE: 'push',
    CI_JOB_ID: '8523009',
    CI_JOB_NAME: 'notify',
    CI_JOB_TOKEN: JOB_TOKEN,
    GITLAB_USER_LOGIN: 'hanmm',
    CI_NOTIFIER_DEBUG: '1',
  };
  const args = ['--provider', 'pushplus', '--token', PUSHPLUS_TOKEN, '--endpoint', pushplus.url, '--status', 'failure'];
  return { gitlab, pushplus, env, args };
}

const content = (pushplus: ReturnType<typeof fakePushplus>) =>
  String((pushplus.accepted[0] as { content?: unknown } | undefined)?.content ?? '');

describe('ci-notifier on GitLab CI, on a failure', () => {
  it('GITLAB_TOKEN: the failed jobs and the lines of their logs that explain them, in the message', async () => {
    const { gitlab, pushplus, env, args } = await start();
    const run = await runCli([...args, '--locale', 'en'], { ...env, GITLAB_TOKEN });
    expect(run.code, run.stderr).toBe(0);
    const body = content(pushplus);
    expect(body).toContain('Failed jobs');
    expect(body).toContain('https://gitlab.example.com/acme/web-shop/-/jobs/8523002');
    expect(body).toContain('error TS2345');
    expect(body).toContain('AssertionError: expected 5.99 to be +0');
    expect(body).toContain('Job failed: exit code 1');
    expect(body).not.toContain('lint');
    expect(gitlab.apiRequests.every((request) => request.headers['private-token'] === GITLAB_TOKEN)).toBe(true);
    // Never in any output, debug lines included.
    expect(`${run.stdout}${run.stderr}`).not.toContain(GITLAB_TOKEN);
  });

  it('--gitlab-token wins over GITLAB_TOKEN; --details annotations lists the failed jobs without reading logs', async () => {
    const { gitlab, pushplus, env, args } = await start();
    const run = await runCli([...args, '--gitlab-token', GITLAB_TOKEN, '--details', 'annotations'], {
      ...env,
      GITLAB_TOKEN: 'glpat-wrongOne000000000000',
    });
    expect(run.code, run.stderr).toBe(0);
    const body = content(pushplus);
    expect(body).toContain('失败的作业');
    expect(body).toContain('test:unit');
    expect(body).not.toContain('AssertionError');
    expect(gitlab.apiRequests.some((request) => request.path.endsWith('/trace'))).toBe(false);
    expect(`${run.stdout}${run.stderr}`).not.toContain(GITLAB_TOKEN);
  });

  it('--details off: nothing is read', async () => {
    const { gitlab, pushplus, env, args } = await start();
    const run = await runCli([...args, '--details', 'off'], { ...env, GITLAB_TOKEN });
    expect(run.code).toBe(0);
    expect(pushplus.accepted).toHaveLength(1);
    expect(gitlab.apiRequests).toHaveLength(0);
  });

  for (const [label, extra] of [
    ['no token', {}],
    ['CI_JOB_TOKEN as the token (403)', { GITLAB_TOKEN: JOB_TOKEN }],
    ['a revoked token (401)', { GITLAB_TOKEN: 'glpat-revoked000000000000' }],
  ] as const)
    it(`${label}: the message goes out without details, and a notice names the read_api token`, async () => {
      const { pushplus, env, args } = await start();
      const run = await runCli(args, { ...env, ...extra });
      expect(run.code, run.stderr).toBe(0);
      expect(pushplus.accepted).toHaveLength(1);
      expect(content(pushplus)).not.toContain('AssertionError');
      expect(run.stdout).toMatch(/Failure details.*--gitlab-token \(or GITLAB_TOKEN\).*read_api/);
      for (const value of Object.values(extra)) expect(`${run.stdout}${run.stderr}`).not.toContain(value);
    });

  it('elsewhere (Jenkins) with --details asked for: a notice that it reads GitHub Actions and GitLab CI only', async () => {
    const pushplus = fakePushplus({ tokens: [PUSHPLUS_TOKEN] });
    await pushplus.start();
    servers.push(pushplus);
    const run = await runCli(
      [
        '--provider',
        'pushplus',
        '--token',
        PUSHPLUS_TOKEN,
        '--endpoint',
        pushplus.url,
        '--status',
        'failure',
        '--details',
        'auto',
      ],
      { JENKINS_URL: 'https://jenkins.example.com/', BUILD_NUMBER: '7', JOB_NAME: 'shop' },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(pushplus.accepted).toHaveLength(1);
    expect(run.stdout).toMatch(/--details reads why a run failed on GitHub Actions and GitLab CI; on jenkins/);
  });
});
