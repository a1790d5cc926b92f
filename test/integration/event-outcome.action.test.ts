/**
 * Events that carry an outcome of their own (deployment_status, workflow_run, check_run, check_suite): the
 * message reports that outcome, not the notifier job's own `${{ job.status }}` (the action.yml default), which
 * is `success` whenever the notifier job itself runs fine.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakePushplus } from '../fakes/pushplus.js';
import { runAction } from '../helpers/run-action.js';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('the event outcome through node dist/index.js', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeEach(async () => {
    fake = fakePushplus({ tokens: [TOKEN] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const pushplus = (extra: Record<string, string> = {}) => ({
    provider: 'pushplus',
    // These tests read the English wording; Chinese (the default) is covered by oncall.action.test.ts.
    locale: 'en',
    token: TOKEN,
    endpoint: fake.url,
    format: 'markdown',
    ...extra,
  });

  it('a failed deployment is announced as failed with job.status success, and notify-on failure sends it', async () => {
    const run = await runAction({
      inputs: pushplus({ status: 'success', 'notify-on': 'failure' }),
      event: 'deployment-status.json',
      eventName: 'deployment_status',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
    const body = fake.requests[0]!.json as Record<string, string>;
    expect(body.title).toBe('❌ Deploy to production: failure');
    expect(body.content).not.toContain('✅');
    // "Open deployment" is the deployed application; the deployment's log is its own link.
    expect(body.content).toContain('[Open deployment](https://hello.example.com)');
    expect(body.content).toContain('[Deployment log](https://deploy.example.com/logs/9876543)');
    expect(run.stdout).toContain("Reporting 'failure' from deployment_status.state 'failure'");
  });

  it('a deployment still in progress is neither a success nor a failure', async () => {
    const run = await runAction({
      inputs: pushplus({ status: 'success', 'notify-on': 'success,failure' }),
      event: 'deployment-status-in-progress.json',
      eventName: 'deployment_status',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(run.outputs.status).toBe('skipped');
  });

  it('workflow_run: the watched run failed, the watcher job is fine: failure, and notify-on failure sends it', async () => {
    const run = await runAction({
      inputs: pushplus({ status: 'success', 'notify-on': 'failure' }),
      event: 'workflow-run-failure.json',
      eventName: 'workflow_run',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
    const body = fake.requests[0]!.json as Record<string, string>;
    expect(body.title).toMatch(/^❌ Failed/);
  });

  it('check_run: a timed-out check is a failure', async () => {
    const run = await runAction({
      inputs: pushplus({ status: 'success', 'notify-on': 'failure' }),
      event: 'check-run-timed-out.json',
      eventName: 'check_run',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect((fake.requests[0]!.json as Record<string, string>).title).toMatch(/^❌ Failed/);
  });

  it('check_suite: a failed suite is a failure', async () => {
    const run = await runAction({
      inputs: pushplus({ status: 'success', 'notify-on': 'failure' }),
      event: 'check-suite-failure.json',
      eventName: 'check_suite',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect((fake.requests[0]!.json as Record<string, string>).title).toMatch(/^❌ Failed/);
  });

  it("the notifier job's own failure still wins (status other than success)", async () => {
    const run = await runAction({
      inputs: pushplus({ status: 'cancelled', 'notify-on': 'failure' }),
      event: 'workflow-run-failure.json',
      eventName: 'workflow_run',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(run.outputs.status).toBe('skipped');
  });

  it('other events keep the status input', async () => {
    const run = await runAction({ inputs: pushplus({ status: 'success', 'notify-on': 'failure' }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });

  it('an unknown status fails before any request, naming the input and the accepted values', async () => {
    const run = await runAction({ inputs: pushplus({ status: 'faliure', 'notify-on': 'failure' }) });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(0);
    expect(run.stdout).toContain("Invalid input 'status': unknown status 'faliure' (did you mean 'failure'?)");
    expect(run.stdout).toContain('success, failure, cancelled, skipped');
    expect(run.outputs.status).toBe('failure');
  });

  it('a status is read whatever its case and surrounding blanks', async () => {
    const run = await runAction({ inputs: pushplus({ status: '  Failure ', 'notify-on': 'failure' }) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
  });
});
