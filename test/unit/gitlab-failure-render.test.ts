/**
 * Why a GitLab pipeline failed, end to end below the CLI: the GitLab CI variables → the context, the stand-in
 * GitLab API (jobs and traces modelled on real failed jobs) → fetchGitlabFailureDetails → build-failure in each
 * service's dialect, within its body limit, in both locales. Snapshots a reviewer can read:
 * test/unit/__snapshots__/failure/gitlab-*.txt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFailedJobs } from '../../src/cli/gitlab-details.js';
import { fetchGitlabFailureDetails } from '../../src/context/gitlab-failure.js';
import { detectCiContext } from '../../src/context/other-ci.js';
import { LOCALES } from '../../src/model/config.js';
import type { CiContext } from '../../src/model/context.js';
import { measure, type TextLimit } from '../../src/render/limits.js';
import type { TextDialect } from '../../src/render/markdown.js';
import { createMessage, renderBody, renderTitle } from '../../src/render/message.js';
import { renderTemplate } from '../../src/render/template.js';
import { fakeGitlabApi } from '../fakes/gitlab-api.js';
import { GITLAB_JOBS, GITLAB_TRACES } from '../fixtures/gitlab-traces/scenes.js';

const TOKEN = 'glpat-render00000000000000';
const PIPELINE = 1588402211;

/** Each dialect with the body limit of a service that uses it (the providers' descriptors). */
const DIALECTS: [TextDialect, TextLimit][] = [
  ['dingtalk-markdown', { max: 20_000, unit: 'bytes' }], // DingTalk robot
  ['wecom-markdown', { max: 4096, unit: 'bytes' }], // WeCom robot markdown
  ['feishu-markdown', { max: 20_000, unit: 'bytes' }], // Feishu robot
  ['html', { max: 20_000, unit: 'chars' }], // pushplus
];

let server: ReturnType<typeof fakeGitlabApi>;
let context: CiContext;

beforeAll(async () => {
  server = fakeGitlabApi({
    projectId: '61234567',
    tokens: [TOKEN],
    pipelines: { [PIPELINE]: GITLAB_JOBS },
    traces: GITLAB_TRACES,
  });
  await server.start();
  context = await detectCiContext({
    env: {
      GITLAB_CI: 'true',
      CI_SERVER_URL: 'https://gitlab.example.com',
      CI_PROJECT_ID: '61234567',
      CI_PROJECT_PATH: 'acme/web-shop',
      CI_PROJECT_URL: 'https://gitlab.example.com/acme/web-shop',
      CI_COMMIT_SHA: '8f3c2a1d9b7e6f5a4c3b2a1908f7e6d5c4b3a291',
      CI_COMMIT_REF_NAME: 'main',
      CI_COMMIT_BRANCH: 'main',
      CI_COMMIT_MESSAGE: 'Free shipping above 99',
      CI_COMMIT_AUTHOR: 'Han Meimei <han@example.com>',
      CI_PIPELINE_ID: String(PIPELINE),
      CI_PIPELINE_URL: `https://gitlab.example.com/acme/web-shop/-/pipelines/${String(PIPELINE)}`,
      CI_PIPELINE_SOURCE: 'push',
      CI_JOB_NAME: 'notify',
      GITLAB_USER_LOGIN: 'hanmm',
    },
    status: 'failure',
  });
  const { details } = await fetchGitlabFailureDetails({
    apiUrl: server.apiUrl(),
    token: TOKEN,
    projectId: '61234567',
    pipelineId: PIPELINE,
    currentJobId: 8523009,
  });
  context.failure = details;
  listFailedJobs(context);
});
afterAll(async () => {
  await server.stop();
});

describe('a failed GitLab pipeline in every dialect, within its service budget, in both locales', () => {
  for (const [dialect, limit] of DIALECTS)
    it(`${dialect} (${String(limit.max)} ${limit.unit})`, async () => {
      const sections: string[] = [
        `# build-failure on GitLab CI in ${dialect}, body limit ${String(limit.max)} ${limit.unit}`,
      ];
      for (const locale of LOCALES) {
        const rendered = await renderTemplate({ template: 'build-failure', locale }, context);
        const message = createMessage(rendered.title, rendered.markdown, context, locale);
        const body = renderBody(message, dialect, limit);
        expect(measure(body, limit.unit)).toBeLessThanOrEqual(limit.max);
        // The failed jobs with their links, and why: the compiler error and the failed assertion.
        expect(body).toContain('https://gitlab.example.com/acme/web-shop/-/jobs/8523001');
        expect(body).toMatch(/TS2345/);
        if (limit.max > 4096) expect(body).toMatch(/AssertionError: expected 5\.99 to be \+0/);
        sections.push(`\n## ${locale}\n\ntitle: ${renderTitle(message)}\n\n${body}\n`);
      }
      await expect(sections.join('\n')).toMatchFileSnapshot(`__snapshots__/failure/gitlab-${dialect}.txt`);
    });
});
