/**
 * What a run makes Node load besides the bundle (issue #29, docs/performance.md, sixth round): every built-in
 * module a run loads is compiled on every run. A DingTalk dry run and a send, through node dist/index.js, must not
 * load Node's promise-based fs (it brings the readline interface, REPL history and fs watchers with it) nor
 * perf_hooks (the `performance` global's first use): the action reads its payload with node:fs and keeps its
 * monotonic clock on process.hrtime. Run `npm run build` first.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeGithubApi } from '../fakes/github-api.js';
import { ROOT, runAction } from '../helpers/run-action.js';

const PROBE = join(ROOT, 'test/helpers/module-probe.cjs');
const NOT_LOADED = [
  'NativeModule fs/promises',
  'NativeModule internal/fs/promises',
  'NativeModule internal/readline/interface',
  'NativeModule internal/repl/history',
  'NativeModule perf_hooks',
];
const DINGTALK = {
  provider: 'dingtalk',
  token: 'b'.repeat(64),
  secret: `SEC${'5'.repeat(64)}`,
  status: 'failure',
};

async function modulesOf(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<string[]> {
  const file = join(await mkdtemp(join(tmpdir(), 'ci-notifier-modules-')), 'modules.json');
  const run = await runAction({
    inputs,
    env: { NODE_OPTIONS: `--require ${PROBE}`, CI_NOTIFIER_MODULES_FILE: file, ...env },
  });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).not.toMatch(/^::error::/m);
  return JSON.parse(await readFile(file, 'utf8')) as string[];
}

describe('built-in modules a run loads', () => {
  it('a dry run loads neither fs/promises nor perf_hooks', async () => {
    const loaded = await modulesOf({ ...DINGTALK, 'dry-run': 'true' });
    // The probe works: the run did load what it needs (crypto for the signature, os for the runner's EOL).
    expect(loaded).toContain('NativeModule crypto');
    expect(loaded.filter((name) => NOT_LOADED.includes(name))).toEqual([]);
  });

  it('a signed send loads neither fs/promises nor perf_hooks', async () => {
    // A DingTalk robot's reply (https://open.dingtalk.com/document/robots/custom-robot-access): errcode 0 is sent.
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const loaded = await modulesOf({ ...DINGTALK, endpoint: `http://127.0.0.1:${String(port)}` });
      expect(loaded).toContain('NativeModule http');
      expect(loaded.filter((name) => NOT_LOADED.includes(name))).toEqual([]);
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  it('a failure run with a github-token (run history and why-it-failed lookup) does not load undici', async () => {
    // Node's fetch, Response and Headers load the bundled undici on first touch (this module id); without a
    // proxy the GitHub readers go through node:http instead (src/transport/node-fetch-lite.ts).
    const token = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
    const github = fakeGithubApi({
      tokens: [token],
      runs: [{ id: 1001, run_number: 1, head_branch: 'main', status: 'completed', conclusion: 'success' }],
      jobs: {
        9876543210: [
          {
            id: 2,
            name: 'test',
            status: 'completed',
            conclusion: 'failure',
            started_at: new Date().toISOString(),
            runner_name: 'GitHub Actions 2',
            steps: [{ name: 'Run unit tests', number: 4, conclusion: 'failure' }],
          },
        ],
      },
    });
    await github.start();
    try {
      const loaded = await modulesOf(
        { ...DINGTALK, 'dry-run': 'true', 'github-token': token },
        { GITHUB_API_URL: github.apiUrl() },
      );
      // The probe and the stand-in work: the run read the history and the failed jobs over node:http.
      expect(github.requests.some((request) => request.path.endsWith('/runs'))).toBe(true);
      expect(github.requests.some((request) => request.path.endsWith('/jobs'))).toBe(true);
      expect(loaded).toContain('NativeModule http');
      expect(loaded.filter((name) => name.includes('undici'))).toEqual([]);
    } finally {
      await github.stop();
    }
  });
});
