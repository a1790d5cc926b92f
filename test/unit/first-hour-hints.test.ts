/**
 * Hints that point the right way (issue 24, "the first hour"): an empty token on a run that can read secrets, a
 * missing `people: file:`, invalid `people` YAML, a DingTalk secret that is not a SEC… signing secret.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const WORKFLOW = `name: CI
on: push
jobs:
  notify:
    runs-on: ubuntu-latest
    steps:
      - uses: <owner>/ci-notifier@v1
        with:
          provider: dingtalk
          token: \${{ secrets.DINGTALK_TOKNE }}
`;

describe('an empty token on a push from the same repository', () => {
  it('says that a secret which is not set or misspelt expands to empty, naming the expression', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'ci-notifier-hint-'));
    await mkdir(join(workspace, '.github/workflows'), { recursive: true });
    await writeFile(join(workspace, '.github/workflows/ci.yml'), WORKFLOW);
    const run = await runInProcess(
      { provider: 'dingtalk', token: '', status: 'failure' },
      {
        GITHUB_WORKSPACE: workspace,
        GITHUB_WORKFLOW_REF: 'octo-org/hello-world/.github/workflows/ci.yml@refs/heads/main',
      },
    );
    expect(run.failed).toContain("Invalid input 'token': is required for DingTalk");
    expect(run.failed).toContain('a secret that is not set, or whose name is misspelt, expands to an empty string');
    expect(run.failed).toContain('${{ secrets.DINGTALK_TOKNE }}');
  });

  it('without the workflow file (not checked out) still says why it may be empty', async () => {
    const run = await runInProcess({ provider: 'dingtalk', token: '', status: 'failure' });
    expect(run.failed).toContain('expands to an empty string');
    expect(run.failed).not.toContain('${{');
  });
});

describe('people', () => {
  it('a missing people file says the repository must be checked out first', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'ci-notifier-people-'));
    const run = await runInProcess(
      {
        provider: 'pushplus',
        token: 'demo0000000000000000000000000000',
        status: 'failure',
        people: 'file:.github/people.yml',
        'dry-run': 'true',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    expect(run.failed).toContain("Invalid input 'people': '.github/people.yml' does not exist in the workspace");
    expect(run.failed).toContain('actions/checkout');
    expect(run.failed).not.toContain('ENOENT');
  });

  it('invalid people YAML shows a people example, not the options one', async () => {
    const run = await runInProcess({
      provider: 'dingtalk',
      token: 'b9d0c2e4f6a8b0c2d4e6f8a0',
      status: 'failure',
      people: 'octocat: { dingtalk: "@mobile:13800000000"',
      'dry-run': 'true',
    });
    expect(run.failed).toContain("Invalid input 'people': is not valid JSON or YAML");
    expect(run.failed).toContain("octocat: { dingtalk: '@mobile:13800000000'");
    expect(run.failed).not.toContain('callbackUrl');
  });
});

describe('DingTalk signing secret', () => {
  it('a secret that does not start with SEC is refused before any request, with the reason', async () => {
    const run = await runInProcess({
      provider: 'dingtalk',
      token: 'b9d0c2e4f6a8b0c2d4e6f8a0',
      secret: 'b9d0c2e4f6a8b0c2d4e6f8a0',
      status: 'failure',
      'dry-run': 'true',
    });
    expect(run.failed).toContain("Invalid input 'secret': does not start with 'SEC'");
    expect(run.failed).toContain('310000');
    const signed = await runInProcess({
      provider: 'dingtalk',
      token: 'b9d0c2e4f6a8b0c2d4e6f8a0',
      secret: 'SEC0123456789abcdef',
      status: 'failure',
      'dry-run': 'true',
    });
    expect(signed.failed).toBeUndefined();
  });
});
