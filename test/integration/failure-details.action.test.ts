/**
 * Why it failed, through node dist/index.js: the stand-in GitHub API (jobs, annotations, logs behind a signed
 * redirect) and a fake pushplus. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeGithubApi, type FakeGithubOptions, type FakeJob } from '../fakes/github-api.js';
import { fakePushplus } from '../fakes/pushplus.js';
import { ROOT, runAction } from '../helpers/run-action.js';

const PUSHPLUS_TOKEN = '0123456789abcdef0123456789abcdef';
const GH_TOKEN = 'ghs_26C7e42F292c6912E7710c838347Ae178B4a';
const RUN_ID = 9876543210; // GITHUB_RUN_ID in run-action.ts
const STARTED = new Date(Date.now() - 185_000).toISOString();

const JOBS: FakeJob[] = [
  {
    id: 2,
    name: 'build',
    status: 'completed',
    conclusion: 'failure',
    started_at: STARTED,
    runner_name: 'GitHub Actions 2',
    steps: [
      { name: 'Set up job', number: 1, conclusion: 'success' },
      { name: 'Type check', number: 4, conclusion: 'failure' },
    ],
  },
  {
    id: 3,
    name: 'notify',
    status: 'in_progress',
    conclusion: null,
    started_at: STARTED,
    runner_name: 'GitHub Actions 3',
    steps: [{ name: 'Notify', number: 2, conclusion: null }],
  },
];

describe('failure details through node dist/index.js', () => {
  let pushplus: ReturnType<typeof fakePushplus>;
  let github: ReturnType<typeof fakeGithubApi>;

  async function startGithub(options: Partial<FakeGithubOptions> = {}) {
    github = fakeGithubApi({
      tokens: [GH_TOKEN],
      runs: [],
      jobs: { [RUN_ID]: JOBS },
      annotations: {
        2: [
          {
            path: 'src/render/template.ts',
            start_line: 248,
            annotation_level: 'failure',
            message: "Type 'string | undefined' is not assignable to type 'string'.",
          },
        ],
      },
      logs: { 2: readFileSync(join(ROOT, 'test/fixtures/github-logs/tsc.log'), 'utf8') },
      ...options,
    });
    await github.start();
  }

  const act = (status: string, extra: Record<string, string> = {}) =>
    runAction({
      inputs: {
        locale: 'en',
        provider: 'pushplus',
        token: PUSHPLUS_TOKEN,
        endpoint: pushplus.url,
        status,
        'github-token': GH_TOKEN,
        ...extra,
      },
      env: { GITHUB_API_URL: github.apiUrl(), RUNNER_NAME: 'GitHub Actions 3' },
    });
  const detailRequests = () =>
    github.requests.filter((request) => /\/annotations$|\/logs$|^\/blob\//.test(request.path));

  beforeEach(async () => {
    pushplus = fakePushplus({ tokens: [PUSHPLUS_TOKEN] });
    await pushplus.start();
  });
  afterEach(async () => {
    await pushplus.stop();
    await github?.stop();
  });

  it('a failure carries the error annotation with its file link and the log excerpt', async () => {
    await startGithub();
    const result = await act('failure');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const { content } = pushplus.accepted[0] as { content: string };
    expect(content).toContain(
      'https://github.com/octo-org/hello-world/blob/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c/src/render/template.ts#L248',
    );
    expect(content).toContain('error TS2322');
    expect(content).toContain('Found 1 error in src/render/template.ts:248');
    expect(content).not.toMatch(/2026-03-01T11:58|##\[/);
    expect(content).not.toContain('\u001b');
    // The notifier's own job (still running) is not read.
    expect(github.requests.some((request) => request.path.includes('/jobs/3/'))).toBe(false);
    expect(
      result.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(GH_TOKEN);
  });

  it('without checks: read and actions: read for logs, the message goes and a notice names the permissions', async () => {
    await startGithub({ annotations: { 2: 403 }, logs: { 2: 403 } });
    const result = await act('failure');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(pushplus.accepted).toHaveLength(1);
    expect(result.stdout).toMatch(/::notice::Failure details: error annotations .*checks: read/);
    expect(result.stdout).toMatch(/::notice::Failure details: job logs .*actions: read/);
    expect(result.stdout).not.toMatch(/::error::/);
  });

  it('a success makes no failure-details request; `details: off` neither', async () => {
    await startGithub();
    expect((await act('success')).code).toBe(0);
    expect(detailRequests()).toEqual([]);
    expect((await act('failure', { details: 'off' })).code).toBe(0);
    expect(detailRequests()).toEqual([]);
  });

  it('`details: annotations` reads no log', async () => {
    await startGithub();
    expect((await act('failure', { details: 'annotations' })).code).toBe(0);
    expect(detailRequests().map((request) => request.path)).toEqual([
      '/repos/octo-org/hello-world/check-runs/2/annotations',
    ]);
  });

  it('an unknown details mode is an error naming the input', async () => {
    await startGithub();
    const result = await act('failure', { details: 'everything' });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(
      /Invalid input 'details': 'everything' is not a details mode\. Expected one of auto, annotations, off/,
    );
  });
});
