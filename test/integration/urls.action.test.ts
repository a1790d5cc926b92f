import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakePushplus } from '../fakes/pushplus.js';
import { runAction } from '../helpers/run-action.js';

/** Everything the step printed except the runner's own mask commands (which must carry the secret). */
const printed = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');

const TOKEN = '0123456789abcdef0123456789abcdef';
const OTHER = 'fedcba9876543210fedcba9876543210';

describe('the action with the urls input (node dist/index.js)', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeEach(async () => {
    fake = fakePushplus({ tokens: [TOKEN, OTHER] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('sends to every URL without a provider input, each overlaid on the other inputs', async () => {
    const endpoint = encodeURIComponent(fake.url);
    const run = await runAction({
      inputs: {
        urls: `pushplus://${TOKEN}?topic=ops&endpoint=${endpoint}\n# the release channel\npushplus://${OTHER}?format=markdown&endpoint=${endpoint}\n`,
        status: 'failure',
        title: 'Shared title',
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.accepted).toHaveLength(2);
    const byToken = Object.fromEntries(fake.accepted.map((body) => [body.token, body]));
    expect(byToken[TOKEN]).toMatchObject({ topic: 'ops', template: 'html', title: 'Shared title' });
    expect(byToken[OTHER]).toMatchObject({ template: 'markdown', title: 'Shared title' });
    expect(run.outputs.status).toBe('success');
    expect(JSON.parse(run.outputs.results!)).toHaveLength(2);
    expect(printed(run.stdout) + run.outputsRaw + run.summary).not.toContain(OTHER);
    expect(run.stdout).toContain(`::add-mask::${OTHER}`);
  });

  it('a malformed URL fails the step before any request, with the URL masked', async () => {
    const run = await runAction({
      inputs: {
        urls: `pushplus://${TOKEN}?endpoint=${fake.url}\nmobpush://appkey:${OTHER}@/everyone`,
        status: 'failure',
      },
    });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(0);
    expect(run.stdout).toMatch(/::error::URL 2 of 2: Invalid input 'url': 'mobpush:\/\/\*\*\*:\*\*\*@\/everyone'/);
    expect(printed(run.stdout)).not.toContain(OTHER);
    expect(run.outputs.status).toBe('failure');
  });

  it('still requires provider when urls is empty', async () => {
    const run = await runAction({ inputs: { token: TOKEN, status: 'failure' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Invalid input 'provider': is required \(unless urls is given\)/);
  });
});
