import { describe, expect, it } from 'vitest';
import { activityOf } from '../../src/context/activity.js';
import { githubContext } from '../../src/context/github.js';
import type { CiContext } from '../../src/model/context.js';
import { SCENES, loadPayload } from '../fixtures/events/scenes.js';

function contextOf(name: string, override: { status?: string } = {}): CiContext {
  const scene = SCENES[name]!;
  const status = 'status' in override ? override.status : scene.status;
  return githubContext({ env: scene.env, payload: loadPayload(scene), status });
}

/** Every string anywhere in the context. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('githubContext from real event payloads', () => {
  it('push to a branch: repository, run, commit and compare link', () => {
    const context = contextOf('push-branch');
    expect(context).toMatchObject({
      ci: 'github',
      serverUrl: 'https://github.com',
      repository: 'octo-org/hello-world',
      repositoryUrl: 'https://github.com/octo-org/hello-world',
      workflow: 'CI',
      job: 'build',
      runId: '9876543210',
      runNumber: '42',
      runAttempt: '1',
      runUrl: 'https://github.com/octo-org/hello-world/actions/runs/9876543210',
      eventName: 'push',
      actor: 'lilei',
      ref: 'refs/heads/feature/login-页面',
      refType: 'branch',
      branch: 'feature/login-页面',
      sha: 'b8a0f2c1ad0e6e2d0b3d2a6c0f1b7e4d9a3c5f61',
      shortSha: 'b8a0f2c',
      compareUrl: 'https://github.com/octo-org/hello-world/compare/a10867b14bb7...b8a0f2c1ad0e',
      status: 'success',
    });
    expect(context.tag).toBeUndefined();
    expect(context.commit).toMatchObject({
      message: '修复登录页面的样式问题 🎨',
      fullMessage: '修复登录页面的样式问题 🎨\n\nCloses #88',
      author: '李雷',
      url: 'https://github.com/octo-org/hello-world/commit/b8a0f2c1ad0e6e2d0b3d2a6c0f1b7e4d9a3c5f61',
    });
  });

  it('push of a tag: tag set, branch absent', () => {
    const context = contextOf('push-tag');
    expect(context).toMatchObject({ refType: 'tag', tag: 'v2.3.0', ref: 'refs/tags/v2.3.0' });
    expect(context).not.toHaveProperty('branch');
    expect(context.commit?.message).toBe('Release v2.3.0');
  });

  it('pull_request opened: PR fields, head branch and head SHA (not the merge commit)', () => {
    const context = contextOf('pull-request-opened');
    expect(context.pullRequest).toEqual({
      number: 128,
      title: 'Add <script>alert(1)</script> guard & **bold** @all check',
      url: 'https://github.com/octo-org/hello-world/pull/128',
      base: 'main',
      head: 'feat/guard',
      author: 'hubot',
      draft: true,
      action: 'opened',
    });
    expect(context.branch).toBe('feat/guard');
    expect(context.sha).toBe('e3c1d9b0f6a2b8c4d7e5f1a0b2c3d4e5f6a7b8c9');
  });

  it('pull_request synchronize on a re-run: attempt in the run URL, not a draft', () => {
    const context = contextOf('pull-request-synchronize');
    expect(context.pullRequest).toMatchObject({ action: 'synchronize', draft: false });
    expect(context.runUrl).toBe('https://github.com/octo-org/hello-world/actions/runs/9876543210/attempts/2');
    expect(context.status).toBe('failure');
  });

  it('release published and prerelease', () => {
    expect(contextOf('release-published').release).toMatchObject({
      tag: 'v2.3.0',
      name: 'v2.3.0 — faster sync',
      url: 'https://github.com/octo-org/hello-world/releases/tag/v2.3.0',
      prerelease: false,
      author: 'monalisa',
    });
    expect(contextOf('release-published').release?.body).toContain("## What's Changed");
    const pre = contextOf('release-prerelease').release!;
    expect(pre).toMatchObject({ tag: 'v3.0.0-rc.1', prerelease: true, author: 'octocat' });
    // An empty release name is absent, so templates fall back to the tag.
    expect(pre).not.toHaveProperty('name');
  });

  it('workflow_run: status from the conclusion when no status input, commit of the watched run', () => {
    const failed = contextOf('workflow-run-failure');
    expect(failed.status).toBe('failure');
    expect(failed.workflowRun).toEqual({
      name: 'CI',
      conclusion: 'failure',
      url: 'https://github.com/octo-org/hello-world/actions/runs/11223344556',
      headBranch: 'main',
      headSha: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
      runNumber: 311,
      event: 'push',
    });
    expect(failed.sha).toBe('0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c');
    expect(failed.commit).toMatchObject({ message: 'Fix the flaky login test', author: 'Mona Lisa' });
    expect(contextOf('workflow-run-success').status).toBe('success');
  });

  it('workflow_run: an explicit status input wins over the conclusion', () => {
    expect(contextOf('workflow-run-failure', { status: 'cancelled' }).status).toBe('cancelled');
    expect(contextOf('workflow-run-success', { status: 'failure' }).status).toBe('failure');
  });

  it('a status is only derived from the conclusion for workflow_run events', () => {
    const scene = SCENES['workflow-run-failure']!;
    const context = githubContext({
      env: { ...scene.env, GITHUB_EVENT_NAME: 'push' },
      payload: loadPayload(scene),
    });
    expect(context.status).toBe('unknown');
  });

  it('deployment_status: environment, state, target URL and description', () => {
    const context = contextOf('deployment-status');
    expect(context.deployment).toEqual({
      environment: 'production',
      state: 'failure',
      url: 'https://hello.example.com',
      logUrl: 'https://deploy.example.com/logs/9876543',
      targetUrl: 'https://hello.example.com',
      description: 'Health check failed on 2/3 pods',
    });
    expect(contextOf('deployment-status', { status: undefined }).status).toBe('failure');
  });

  it("events with an outcome of their own report it over the notifier job's success", () => {
    // `${{ job.status }}` is `success` while the notifier job runs fine: it says nothing about the deployment.
    expect(contextOf('deployment-status', { status: 'success' }).status).toBe('failure');
    expect(contextOf('workflow-run-failure', { status: 'success' }).status).toBe('failure');
    expect(contextOf('workflow-run-success', { status: 'success' }).status).toBe('success');
    const logged: string[] = [];
    const scene = SCENES['deployment-status']!;
    githubContext({
      env: scene.env,
      payload: loadPayload(scene),
      status: 'success',
      onEventOutcome: (line) => logged.push(line),
    });
    expect(logged).toEqual([expect.stringContaining("from deployment_status.state 'failure'")]);
  });

  it.each([
    ['success', 'success'],
    ['failure', 'failure'],
    ['error', 'failure'],
    ['inactive', 'unknown'],
    ['in_progress', 'unknown'],
    ['queued', 'unknown'],
    ['pending', 'unknown'],
  ])('deployment state %s reports %s', (state, expected) => {
    const scene = SCENES['deployment-status']!;
    const payload = loadPayload(scene);
    (payload.deployment_status as Record<string, unknown>).state = state;
    expect(githubContext({ env: scene.env, payload, status: 'success' }).status).toBe(expected);
  });

  it.each([
    ['success', 'success'],
    ['failure', 'failure'],
    ['timed_out', 'failure'],
    ['startup_failure', 'failure'],
    ['action_required', 'failure'],
    ['cancelled', 'cancelled'],
    ['skipped', 'skipped'],
    ['neutral', 'skipped'],
    ['stale', 'skipped'],
    [null, 'unknown'],
  ])('check_run / check_suite / workflow_run conclusion %s reports %s', (conclusion, expected) => {
    for (const [eventName, file, field] of [
      ['check_run', 'check-run-timed-out.json', 'check_run'],
      ['check_suite', 'check-suite-failure.json', 'check_suite'],
      ['workflow_run', 'workflow-run-failure.json', 'workflow_run'],
    ] as const) {
      const payload = loadPayload({ file, env: {} });
      (payload[field] as Record<string, unknown>).conclusion = conclusion;
      const env = { ...SCENES['push-failure']!.env, GITHUB_EVENT_NAME: eventName };
      expect(githubContext({ env, payload, status: 'success' }).status, eventName).toBe(expected);
    }
  });

  it('check_run: the check, its conclusion and page', () => {
    const payload = loadPayload({ file: 'check-run-timed-out.json', env: {} });
    const env = { ...SCENES['push-failure']!.env, GITHUB_EVENT_NAME: 'check_run' };
    expect(githubContext({ env, payload, status: 'success' }).check).toEqual({
      name: 'build (ubuntu-latest, 24)',
      status: 'completed',
      conclusion: 'timed_out',
      url: 'https://github.com/octo-org/hello-world/runs/128620228',
      headBranch: 'main',
      headSha: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
    });
  });

  it('a status input that is not a status is an error naming the input and the accepted values', () => {
    expect(() => contextOf('push-failure', { status: 'faliure' })).toThrow(
      /Invalid input 'status': unknown status 'faliure' \(did you mean 'failure'\?\)\. Expected one of success, failure, cancelled, skipped/,
    );
    expect(contextOf('push-failure', { status: ' FAILURE ' }).status).toBe('failure');
    expect(contextOf('push-failure', { status: 'Canceled' }).status).toBe('cancelled');
  });

  it('schedule: the cron expression; no commit details beyond the SHA', () => {
    const context = contextOf('schedule');
    expect(context.schedule).toBe('30 1 * * *');
    expect(context.commit).toEqual({
      sha: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
      shortSha: '0d1a26e',
      url: 'https://github.com/octo-org/hello-world/commit/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
    });
  });

  it('workflow_dispatch: the inputs', () => {
    expect(contextOf('workflow-dispatch').inputs).toEqual({
      environment: 'staging',
      'dry-run': 'false',
      reason: 'Hotfix <b>now</b> @all',
    });
    expect(contextOf('workflow-dispatch').status).toBe('cancelled');
  });

  it('GitHub Enterprise Server: every URL on the server host, none on github.com', () => {
    const context = contextOf('ghes-push');
    expect(context).toMatchObject({
      serverUrl: 'https://git.corp.example.com',
      repositoryUrl: 'https://git.corp.example.com/platform/api',
      runUrl: 'https://git.corp.example.com/platform/api/actions/runs/1234',
    });
    expect(context.commit?.url).toBe(
      'https://git.corp.example.com/platform/api/commit/2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b',
    );
    expect(strings(context).filter((value) => value.includes('github.com'))).toEqual([]);
  });

  it('GHES without GITHUB_SERVER_URL: the server comes from the payload, not github.com', () => {
    const scene = SCENES['ghes-push']!;
    const env = { ...scene.env };
    delete (env as Record<string, string | undefined>).GITHUB_SERVER_URL;
    const context = githubContext({ env, payload: loadPayload(scene), status: 'failure' });
    expect(context.serverUrl).toBe('https://git.corp.example.com');
    expect(context.runUrl).toBe('https://git.corp.example.com/platform/api/actions/runs/1234');
  });

  it.each(Object.keys(SCENES))('%s: missing fields are absent, never "undefined" or null', (name) => {
    const context = contextOf(name);
    const walk = (value: unknown, path: string): void => {
      expect(value, path).not.toBeUndefined();
      expect(value, path).not.toBeNull();
      if (typeof value === 'string') expect(value, path).not.toMatch(/\bundefined\b|\bnull\b|NaN/);
      if (value && typeof value === 'object')
        for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
    };
    walk(context, 'context');
    expect(JSON.stringify(context)).not.toMatch(/undefined|null/);
  });

  it('an empty environment and payload give a minimal context without inventing values', () => {
    const context = githubContext({ env: {}, payload: {} });
    expect(context).toEqual({ ci: 'github', serverUrl: 'https://github.com', status: 'unknown' });
  });

  it('the matrix gives the job a display name', () => {
    const scene = SCENES['push-failure']!;
    const context = githubContext({
      env: scene.env,
      payload: loadPayload(scene),
      status: 'failure',
      matrix: { os: 'ubuntu-latest', node: 24 },
    });
    expect(context.jobDisplayName).toBe('build (ubuntu-latest, 24)');
  });
});

describe('activityOf: an issue or a discussion, or a comment on one', () => {
  const discussion = { number: 5, title: 'Ideas', html_url: 'https://d', user: { login: 'alice' }, body: 'first' };
  const comment = { html_url: 'https://c', user: { login: 'bob' }, body: 'reply' };

  it('a comment gives the page, author and text; the subject its number and title', () => {
    expect(activityOf('discussion_comment', { action: 'created', discussion, comment })).toEqual({
      kind: 'discussion-comment',
      number: 5,
      title: 'Ideas',
      url: 'https://c',
      action: 'created',
      author: 'bob',
      body: 'reply',
    });
    expect(
      activityOf('issue_comment', { action: 'created', issue: { ...discussion, pull_request: {} }, comment }),
    ).toEqual({
      kind: 'issue-comment',
      number: 5,
      title: 'Ideas',
      url: 'https://c',
      action: 'created',
      author: 'bob',
      body: 'reply',
      pullRequest: true,
    });
  });

  it('without a comment (or on the subject event itself) the subject speaks, and a comment without a page links the subject', () => {
    expect(activityOf('discussion', { action: 'created', discussion, comment })).toEqual({
      kind: 'discussion',
      number: 5,
      title: 'Ideas',
      url: 'https://d',
      action: 'created',
      author: 'alice',
      body: 'first',
    });
    expect(activityOf('issue_comment', { issue: discussion, comment: { body: 'no page' } })).toMatchObject({
      kind: 'issue-comment',
      url: 'https://d',
      body: 'no page',
      pullRequest: false,
    });
    expect(activityOf('issue_comment', { issue: discussion, comment: { body: 'no page' } })).not.toHaveProperty(
      'author',
    );
  });
});
