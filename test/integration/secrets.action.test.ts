import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakePushplus } from '../fakes/pushplus.js';
import { runAction, type ActionRun, linesHolding } from '../helpers/run-action.js';

const TOKEN = 'aa11bb22cc33dd44ee55ff6677889900';
const SECRET = 'S3cr3t-signing-key-do-not-leak';

function expectNoSecret(run: ActionRun): void {
  for (const secret of [TOKEN, SECRET, encodeURIComponent(SECRET), Buffer.from(TOKEN).toString('base64')]) {
    // add-mask commands are how the runner learns what to hide; the value must appear nowhere else.
    expect(linesHolding(run, secret), `secret leaked: ${secret}`).toEqual([]);
  }
}

describe('secrets never appear, with debug logging on', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeEach(async () => {
    fake = fakePushplus({
      tokens: [TOKEN],
      // A hostile provider echoing the token back in its error must not leak it either.
      intercept: (request, reply) => {
        const body = request.json as { title?: string } | undefined;
        if (body?.title?.includes('echo')) {
          reply(200, { code: 999, msg: `bad token ${TOKEN} / ${SECRET}`, data: null });
          return true;
        }
        return false;
      },
    });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const debugEnv = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' };

  it.each([
    ['success', {}],
    ['business error echoing the secret', { title: 'echo please' }],
    ['dry run', { 'dry-run': 'true' }],
    ['bad input', { channel: 'webhook' }],
    ['transport failure', { endpoint: 'http://127.0.0.1:9' }],
  ])('%s', async (_name, extra) => {
    const run = await runAction({
      inputs: {
        provider: 'pushplus',
        token: TOKEN,
        secret: SECRET,
        endpoint: fake.url,
        status: 'failure',
        retries: '0',
        ...extra,
      },
      env: debugEnv,
    });
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    expectNoSecret(run);
  });
});
