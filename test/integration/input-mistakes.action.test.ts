/** Typical input mistakes as users make them, through node dist/index.js: named, with the likely fix. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakePushplus } from '../fakes/pushplus.js';
import { runAction } from '../helpers/run-action.js';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('input mistakes through node dist/index.js', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeEach(async () => {
    fake = fakePushplus({ tokens: [TOKEN] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('an input the action does not know (notify_on) is a warning with the input it meant, not ignored silently', async () => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: TOKEN, endpoint: fake.url, status: 'failure' },
      // `notify_on:` in the workflow reaches the action as INPUT_NOTIFY_ON; the input is notify-on.
      env: { INPUT_NOTIFY_ON: 'failure', INPUT_TOKN: 'not-printed-value' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("::warning::Unknown input 'notify_on' is ignored (did you mean 'notify-on'?)");
    expect(run.stdout).toContain("::warning::Unknown input 'tokn' is ignored (did you mean 'token'?)");
    expect(run.stdout).not.toContain('not-printed-value');
  });

  it('timeout: 10s says "not a number" with the expected form, and nothing is sent', async () => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: TOKEN, endpoint: fake.url, status: 'failure', timeout: '10s' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::Invalid input 'timeout': '10s' is not a number (write the number alone, in seconds, without a unit). Expected a number of seconds from 1 to 300.",
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('provider: lark suggests feishu', async () => {
    const run = await runAction({ inputs: { provider: 'lark', token: 'x', status: 'failure' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Invalid input 'provider': unknown provider 'lark' (did you mean feishu?)");
  });
});
