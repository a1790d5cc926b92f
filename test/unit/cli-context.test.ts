import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliStatus, detectCiContext, splitAuthor } from '../../src/context/other-ci.js';

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';

describe('cliStatus', () => {
  it.each([
    ['failed', 'failure'],
    ['canceled', 'cancelled'],
    ['Succeeded', 'success'],
    ['SucceededWithIssues', 'success'],
    ['Failed', 'failure'],
    ['UNSTABLE', 'failure'],
    ['ABORTED', 'cancelled'],
    ['NOT_BUILT', 'skipped'],
    ['running', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(cliStatus(raw)).toBe(expected);
  });
});

describe('splitAuthor', () => {
  it.each([
    ['Jane Doe <jane@example.com>', { name: 'Jane Doe', email: 'jane@example.com' }],
    ['  李雷 <lilei@example.cn> ', { name: '李雷', email: 'lilei@example.cn' }],
    ['<bot@example.com>', { name: 'bot@example.com', email: 'bot@example.com' }],
    ['ann', { name: 'ann' }],
    ['A <not an address>', { name: 'A <not an address>' }],
    ['', {}],
  ])('%j', (raw, expected) => {
    expect(splitAuthor(raw)).toEqual(expected);
  });
});

describe('detectCiContext', () => {
  it('GitLab: commit.author is the name, the e-mail apart', async () => {
    const context = await detectCiContext({
      env: { GITLAB_CI: 'true', CI_COMMIT_SHA: SHA, CI_COMMIT_AUTHOR: 'Jane Doe <jane@x.example>' },
    });
    expect(context.commit).toMatchObject({ author: 'Jane Doe', authorEmail: 'jane@x.example' });
  });

  it('a --status that is not a status is an error naming it (not a silent unknown)', async () => {
    await expect(detectCiContext({ env: { DRONE: 'true', DRONE_COMMIT_SHA: SHA }, status: 'faliure' })).rejects.toThrow(
      /Invalid input 'status': unknown status 'faliure' \(did you mean 'failure'\?\)/,
    );
    const unstable = await detectCiContext({ env: { JENKINS_URL: 'https://j.example/' }, status: 'UNSTABLE' });
    expect(unstable.status).toBe('failure');
  });

  it('--status wins over the status the CI exposes', async () => {
    const context = await detectCiContext({
      env: { DRONE: 'true', DRONE_BUILD_STATUS: 'success', DRONE_COMMIT_SHA: SHA },
      status: 'cancelled',
    });
    expect(context.status).toBe('cancelled');
    expect(context.ci).toBe('drone');
  });

  it('GitLab merge request pipelines carry the MR and its source branch', async () => {
    const context = await detectCiContext({
      env: {
        GITLAB_CI: 'true',
        CI_PROJECT_PATH: 'g/r',
        CI_PROJECT_URL: 'https://gitlab.example.com/g/r',
        CI_COMMIT_SHA: SHA,
        CI_COMMIT_REF_NAME: 'feature/x',
        CI_MERGE_REQUEST_ID: '991',
        CI_MERGE_REQUEST_IID: '17',
        CI_MERGE_REQUEST_TITLE: 'Add x',
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/x',
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        CI_JOB_STATUS: 'canceled',
      },
    });
    expect(context).toMatchObject({
      ci: 'gitlab',
      repository: 'g/r',
      branch: 'feature/x',
      status: 'cancelled',
      pullRequest: {
        number: 17,
        title: 'Add x',
        url: 'https://gitlab.example.com/g/r/-/merge_requests/17',
        base: 'main',
      },
    });
  });

  it('GitLab tag pipelines report the tag, not a branch', async () => {
    const context = await detectCiContext({
      env: { GITLAB_CI: 'true', CI_COMMIT_SHA: SHA, CI_COMMIT_TAG: 'v2.0.0', CI_COMMIT_REF_NAME: 'v2.0.0' },
    });
    expect(context).toMatchObject({ tag: 'v2.0.0', refType: 'tag', ref: 'refs/tags/v2.0.0' });
    expect(context.branch).toBeUndefined();
  });

  it('Gitee Go pull requests: the source branch, and GITEE_COMMIT_MESSAGE (the PR title) is not a commit message', async () => {
    const context = await detectCiContext({
      env: {
        GITEE_PIPELINE_NAME: 'pr-pipeline',
        GITEE_PIPELINE_BUILD_NUMBER: '9',
        GITEE_BRANCH: 'master',
        GITEE_SOURCE_BRANCH: 'feat-login',
        GITEE_PULL_ID: '42',
        GITEE_COMMIT: SHA,
        GITEE_COMMIT_MESSAGE: 'Login page',
        GITEE_REPO: 'team/app',
      },
    });
    expect(context).toMatchObject({
      ci: 'gitee-go',
      branch: 'feat-login',
      eventName: 'pull_request',
      repositoryUrl: 'https://gitee.com/team/app',
      runNumber: '9',
      status: 'unknown',
    });
    expect(context.commit?.message).toBeUndefined();
  });

  it('outside any CI, in a directory that is not a git checkout, leaves unknown facts out', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'no-git-'));
    const context = await detectCiContext({ env: { PATH: process.env.PATH }, cwd });
    expect(context.ci).toBe('local');
    expect(context.sha).toBeUndefined();
    expect(context.status).toBe('unknown');
    expect(JSON.stringify(context)).not.toContain('undefined');
  });
});
