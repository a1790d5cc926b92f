import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakePushplus } from '../fakes/pushplus.js';
import { runAction } from '../helpers/run-action.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';

const TOKEN = '0123456789abcdef0123456789abcdef';
const SECRET_KEY = 'open-api-secret-key-0001';

// The action and the CLI report one outcome through one reporter (src/notify/report.ts): a message the service
// accepted and then reported undelivered is a failure in both, with the same words.
describe('one outcome, two front ends', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeAll(() => ensureLibBuilt());
  beforeEach(async () => {
    fake = fakePushplus({
      tokens: [TOKEN],
      secretKeys: { [TOKEN]: SECRET_KEY },
      delivery: () => ({ kind: 'failed', reason: '用户未关注公众号' }),
    });
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('an accepted-then-undelivered message fails the CLI (exit 1) as it fails the action', async () => {
    const cli = await runCli([
      '--provider',
      'pushplus',
      '--token',
      TOKEN,
      '--secret',
      SECRET_KEY,
      '--endpoint',
      fake.url,
      '--status',
      'failure',
      '--title',
      'dropped alert',
      '--wait-for-delivery',
      '6',
    ]);
    expect(cli.code, cli.stdout + cli.stderr).toBe(1);
    expect(cli.stdout).toContain('accepted, then not delivered: 用户未关注公众号');
    expect(cli.stderr).toContain('1 of 1 deliveries through pushplus failed');

    const action = await runAction({
      inputs: {
        provider: 'pushplus',
        token: TOKEN,
        secret: SECRET_KEY,
        endpoint: fake.url,
        status: 'failure',
        title: 'dropped alert',
        'wait-for-delivery': '6',
      },
    });
    expect(action.code).toBe(1);
    expect(action.stdout).toContain('1 of 1 deliveries through pushplus failed');
    expect(action.stdout).toContain('accepted, then not delivered: 用户未关注公众号');
  });
});
