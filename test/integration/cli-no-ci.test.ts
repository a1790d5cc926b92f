import { beforeAll, describe, expect, it } from 'vitest';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';

const TOKEN = { CI_NOTIFIER_TOKEN: 'demo0000000000000000000000000000' };

// Run by hand outside any CI, the message has no run link: the CLI says so instead of sending it silently (issue 24).
describe('the CLI outside any CI', () => {
  beforeAll(() => ensureLibBuilt(), 120_000);

  it('warns that no CI was detected and what the message will lack', async () => {
    const run = await runCli(['--provider', 'pushplus', '--dry-run'], TOKEN);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^warning: No CI detected .*: the message will have no link to a run, no result \(pass --status/m,
    );
    const withStatus = await runCli(['--provider', 'pushplus', '--status', 'failure', '--dry-run'], TOKEN);
    expect(withStatus.stderr).toContain('No CI detected');
    expect(withStatus.stderr).not.toContain('no result');
  });

  it('says nothing of the kind inside a CI', async () => {
    const run = await runCli(['--provider', 'pushplus', '--status', 'failure', '--dry-run'], {
      ...TOKEN,
      GITLAB_CI: 'true',
      CI_SERVER_URL: 'https://gitlab.example.com',
      CI_PROJECT_PATH: 'group/app',
      CI_PROJECT_URL: 'https://gitlab.example.com/group/app',
      CI_PIPELINE_ID: '42',
      CI_PIPELINE_URL: 'https://gitlab.example.com/group/app/-/pipelines/42',
      CI_COMMIT_SHA: '3f786850e387550fdab836ed7e6dc881de23001b',
      CI_COMMIT_REF_NAME: 'main',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('No CI detected');
  });
});
