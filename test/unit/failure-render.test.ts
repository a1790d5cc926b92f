/**
 * Why-it-failed in the message, end to end below the action: the stand-in GitHub API (jobs, annotations, logs
 * modelled on real failed runs) → fetchFailureDetails → the context → every preset and every service dialect, in
 * both locales. Snapshots a reviewer can read: test/unit/__snapshots__/failure/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubContext } from '../../src/context/github.js';
import { fetchFailureDetails } from '../../src/context/failure-details.js';
import type { CiContext, FailureDetails } from '../../src/model/context.js';
import { LOCALES } from '../../src/model/config.js';
import { createMessage, renderBody, renderTitle } from '../../src/render/message.js';
import { measure, type TextLimit } from '../../src/render/limits.js';
import type { TextDialect } from '../../src/render/markdown.js';
import { PRESET_NAMES } from '../../src/render/presets.js';
import { renderTemplate } from '../../src/render/template.js';
import { fakeGithubApi, type FakeAnnotation, type FakeJob } from '../fakes/github-api.js';
import { ROOT } from '../helpers/run-action.js';
import { SCENES, loadPayload } from '../fixtures/events/scenes.js';

const TOKEN = 'ghs_render0000000000000000000000000000000';
const log = (name: string) => readFileSync(join(ROOT, 'test/fixtures/github-logs', name), 'utf8');

/** Each dialect with the body limit of a service that uses it (the providers' descriptors). */
const DIALECTS: [TextDialect, TextLimit][] = [
  ['html', { max: 20_000, unit: 'chars' }], // pushplus
  ['markdown', { max: 32_000, unit: 'bytes' }], // ServerChan
  ['text', { max: 2048, unit: 'bytes' }], // WeCom text
  ['dingtalk-markdown', { max: 20_000, unit: 'bytes' }], // DingTalk robot
  ['wecom-markdown', { max: 4096, unit: 'bytes' }], // WeCom robot markdown
  ['wecom-markdown-v2', { max: 4096, unit: 'bytes' }],
  ['feishu-markdown', { max: 20_000, unit: 'bytes' }], // Feishu robot
];

const job = (id: number, name: string, conclusion: string, step: string, attempt = 1): FakeJob => ({
  id,
  name,
  status: 'completed',
  conclusion,
  started_at: '2026-03-01T11:58:30Z',
  run_attempt: attempt,
  steps: [
    { name: 'Set up job', number: 1, conclusion: 'success' },
    {
      name: step,
      number: 4,
      conclusion: conclusion === 'success' ? 'success' : conclusion === 'timed_out' ? 'cancelled' : conclusion,
    },
  ],
});
const failure = (path: string, line: number, message: string, title?: string): FakeAnnotation => ({
  path,
  start_line: line,
  annotation_level: 'failure',
  message,
  title,
});
const exitCode = (code: number): FakeAnnotation =>
  failure('.github', 0, `Process completed with exit code ${String(code)}.`);

interface Scene {
  attempt: number;
  jobs: FakeJob[];
  annotations: Record<number, FakeAnnotation[]>;
  logs: Record<number, string>;
}

/** Runs modelled on real failures; run ids are the scene's index + 1000. */
const SCENE_LIST: [string, Scene][] = [
  [
    'tsc and vitest, re-run (attempt 2), one job passed on retry',
    {
      attempt: 2,
      jobs: [
        job(1, 'build', 'failure', 'Type check', 1),
        job(2, 'test (ubuntu-latest, 24)', 'failure', 'Run unit tests', 1),
        job(3, 'e2e', 'failure', 'End-to-end tests', 1),
        job(11, 'build', 'failure', 'Type check', 2),
        job(12, 'test (ubuntu-latest, 24)', 'failure', 'Run unit tests', 2),
        job(13, 'e2e', 'success', 'End-to-end tests', 2),
      ],
      annotations: {
        11: [
          failure(
            'src/render/template.ts',
            248,
            "Type 'string | undefined' is not assignable to type 'string'.",
            'TS2322',
          ),
          exitCode(2),
        ],
        12: [
          failure(
            'test/unit/limits.test.ts',
            88,
            'AssertionError: expected 4097 to be less than or equal to 4096\n\n- Expected\n+ Received',
          ),
          exitCode(1),
        ],
      },
      logs: { 11: log('tsc.log'), 12: log('vitest.log') },
    },
  ],
  [
    'jest assertion',
    {
      attempt: 1,
      jobs: [job(21, 'test', 'failure', 'npm test')],
      annotations: { 21: [exitCode(1)] },
      logs: { 21: log('jest.log') },
    },
  ],
  [
    'pytest assertion',
    {
      attempt: 1,
      jobs: [job(31, 'pytest (3.12)', 'failure', 'pytest -q')],
      annotations: { 31: [exitCode(1)] },
      logs: { 31: log('pytest.log') },
    },
  ],
  [
    'npm ERR!',
    {
      attempt: 1,
      jobs: [job(41, 'install', 'failure', 'npm ci')],
      annotations: { 41: [exitCode(1)] },
      logs: { 41: log('npm-err.log') },
    },
  ],
  [
    'go test panic',
    {
      attempt: 1,
      jobs: [job(51, 'go', 'failure', 'go test ./...')],
      annotations: { 51: [exitCode(1)] },
      logs: { 51: log('go-panic.log') },
    },
  ],
  [
    'timeout, and a job cancelled by fail-fast',
    {
      attempt: 1,
      jobs: [
        job(61, 'e2e', 'timed_out', './scripts/e2e.sh'),
        job(62, 'build (windows-latest)', 'cancelled', 'npm run build'),
      ],
      annotations: {
        61: [
          failure(
            '.github',
            0,
            'The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 10 minutes.',
          ),
        ],
        62: [failure('.github', 0, 'The operation was canceled.')],
      },
      logs: { 61: log('timeout.log'), 62: log('cancelled.log') },
    },
  ],
];

const contexts = new Map<string, CiContext>();
const details = new Map<string, FailureDetails | undefined>();
let server: ReturnType<typeof fakeGithubApi>;

beforeAll(async () => {
  server = fakeGithubApi({
    tokens: [TOKEN],
    runs: [],
    jobs: Object.fromEntries(SCENE_LIST.map(([, scene], i) => [1000 + i, scene.jobs])),
    annotations: Object.assign({}, ...SCENE_LIST.map(([, scene]) => scene.annotations)) as Record<
      number,
      FakeAnnotation[]
    >,
    logs: Object.assign({}, ...SCENE_LIST.map(([, scene]) => scene.logs)) as Record<number, string>,
  });
  await server.start();
  const base = SCENES['push-failure']!;
  for (const [i, [name, scene]] of SCENE_LIST.entries()) {
    const { details: found } = await fetchFailureDetails({
      apiUrl: server.apiUrl(),
      serverUrl: 'https://github.com',
      token: TOKEN,
      owner: 'octo-org',
      repo: 'hello-world',
      runId: 1000 + i,
      attempt: scene.attempt,
    });
    details.set(name, found);
    const context = githubContext({
      env: { ...base.env, GITHUB_RUN_ATTEMPT: String(scene.attempt) },
      payload: loadPayload(base),
      status: 'failure',
    });
    context.history = {
      state: 'failure',
      durationSeconds: 407,
      failedJobs: (found?.jobs ?? [])
        .filter((item) => !item.flaky)
        .map((item) => ({ name: item.name, url: item.url, conclusion: item.conclusion, steps: item.steps })),
    };
    if (found) context.failure = found;
    contexts.set(name, context);
  }
});
afterAll(async () => {
  await server.stop();
});

describe('failure details from the stand-in API', () => {
  it('reads every failure kind; a cancelled job is not a failure, a job that passed on retry is flaky', () => {
    const first = details.get(SCENE_LIST[0]![0])!;
    expect(first.attempt).toBe(2);
    expect(first.jobs.map((item) => [item.name, item.flaky, item.failedAttempt])).toEqual([
      ['build', false, undefined],
      ['test (ubuntu-latest, 24)', false, undefined],
      ['e2e', true, 1],
    ]);
    const timeout = details.get('timeout, and a job cancelled by fail-fast')!;
    expect(timeout.jobs.map((item) => item.name)).toEqual(['e2e']);
    expect(timeout.jobs[0]!.annotations[0]!.message).toMatch(/exceeded the maximum execution time/);
    for (const [name] of SCENE_LIST) expect(details.get(name)?.jobs[0]?.log?.excerpt, name).toBeTruthy();
  });
});

describe('every preset, as Markdown, in both locales', () => {
  it('presets.md', async () => {
    const name = SCENE_LIST[0]![0];
    const context = contexts.get(name)!;
    const sections: string[] = [`# Every preset on: ${name}`];
    for (const preset of PRESET_NAMES.filter((item) => item !== 'auto'))
      for (const locale of LOCALES) {
        const rendered = await renderTemplate({ template: preset, locale, timezone: 'Asia/Shanghai' }, context);
        const message = createMessage(rendered.title, rendered.markdown, context, locale);
        sections.push(`\n## ${preset} · ${locale}\n\ntitle: ${renderTitle(message)}\n\n${message.markdown}\n`);
        // Every preset says something of why it failed.
        expect(message.markdown, `${preset} ${locale}`).toMatch(/TS2322|template\\?\.ts/);
      }
    await expect(sections.join('\n')).toMatchFileSnapshot('__snapshots__/failure/presets.md');
  });
});

describe('every dialect, within its service budget, in both locales', () => {
  for (const [dialect, limit] of DIALECTS)
    it(`${dialect} (${String(limit.max)} ${limit.unit})`, async () => {
      const sections: string[] = [`# build-failure in ${dialect}, body limit ${String(limit.max)} ${limit.unit}`];
      for (const [name] of SCENE_LIST)
        for (const locale of LOCALES) {
          const context = contexts.get(name)!;
          const rendered = await renderTemplate({ template: 'build-failure', locale }, context);
          const message = createMessage(rendered.title, rendered.markdown, context, locale);
          const body = renderBody(message, dialect, limit);
          expect(measure(body, limit.unit)).toBeLessThanOrEqual(limit.max);
          sections.push(`\n## ${name} · ${locale}\n\n${body}\n`);
        }
      await expect(sections.join('\n')).toMatchFileSnapshot(`__snapshots__/failure/${dialect}.txt`);
    });
});

describe('a size budget: most useful first, cut with a mark and the link', () => {
  it('WeCom markdown (4096 bytes): failed tests, then errors, then logs; the cut ends with the mark and the run link', async () => {
    const base = contexts.get(SCENE_LIST[0]![0])!;
    const many = structuredClone(base.failure!);
    const template = many.jobs[0]!;
    many.jobs = Array.from({ length: 5 }, (_, i) => ({ ...structuredClone(template), name: `build ${String(i)}` }));
    many.errors = many.jobs.flatMap((item) =>
      item.annotations.map((annotation) => ({ ...annotation, job: item.name })),
    );
    const context: CiContext = {
      ...base,
      failure: many,
      tests: {
        total: 30,
        passed: 29,
        failed: 1,
        skipped: 0,
        files: 1,
        failures: [
          { name: 'keeps the link whole', suite: 'test/unit/limits.test.ts', message: 'expected 4097 to be ≤ 4096' },
        ],
      },
    };
    for (const locale of LOCALES) {
      const rendered = await renderTemplate({ template: 'build-failure', locale }, context);
      const message = createMessage(rendered.title, rendered.markdown, context, locale);
      const limit = { max: 4096, unit: 'bytes' } as const;
      const body = renderBody(message, 'wecom-markdown', limit);
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(4096);
      const tests = body.indexOf('keeps the link whole');
      const errors = body.indexOf('TS2322');
      const logs = body.indexOf('Found 1 error');
      expect(tests).toBeGreaterThan(0);
      expect(errors).toBeGreaterThan(tests);
      expect(logs).toBeGreaterThan(errors);
      expect(body).toMatch(locale === 'en' ? /… truncated|…/ : /…/);
      expect(body.trimEnd()).toMatch(
        /\(https:\/\/github\.com\/octo-org\/hello-world\/actions\/runs\/9876543210[^)]*\)$/,
      );
    }
  });
});
