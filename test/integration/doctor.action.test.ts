/** The action input `doctor`: the checks of `ci-notifier doctor` inside a workflow, as a job-summary table. */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeFeishuApp } from '../fakes/feishu-app.js';
import { FakeServer, sendJson } from '../helpers/fake-server.js';
import { linesHolding, runAction } from '../helpers/run-action.js';

const APP_ID = 'cli_a5e1b2c3d4e5f6a7';
const APP_SECRET = 'FeishuAppSecretNeverLogged0123';
const CHAT = 'oc_a0553eda9014c201e6969b478895c230';
const OTHER = 'oc_ffff3eda9014c201e6969b478895c230';

const servers: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function setUp() {
  const feishu = fakeFeishuApp({ appId: APP_ID, appSecret: APP_SECRET, chats: [CHAT] });
  const echo = new FakeServer((_request, response) => sendJson(response, 200, { ip: '203.0.113.9' }));
  await feishu.start();
  await echo.start();
  servers.push(feishu, echo);
  return { feishu, echo };
}

describe('doctor: true through node dist/index.js', () => {
  it('checks without sending and writes the table, with the egress IP, to the job summary', async () => {
    const { feishu, echo } = await setUp();
    const run = await runAction({
      inputs: {
        provider: 'feishu-app',
        locale: 'en',
        endpoint: feishu.url,
        token: APP_ID,
        secret: APP_SECRET,
        target: `chat:${CHAT}`,
        doctor: 'true',
      },
      env: { CI_NOTIFIER_EGRESS_IP_URL: echo.url },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(feishu.messages).toHaveLength(0);
    expect(run.stdout).toMatch(/✓ bot is in the chat/);
    expect(run.summary).toMatch(/\| destination \| check \| result \| code \| detail \| time \|/);
    expect(run.summary).toMatch(/bot is in the chat.*\| ✓ \|/);
    expect(run.summary).toMatch(/egress IP \| ✓ \|.*203\.0\.113\.9/);
    expect(run.outputs.status).toBe('success');
    expect(linesHolding(run, APP_SECRET)).toEqual([]);
  });

  it('fails the step when a check fails, with the code and the fix in the table', async () => {
    const { feishu, echo } = await setUp();
    const run = await runAction({
      inputs: {
        provider: 'feishu-app',
        locale: 'en',
        endpoint: feishu.url,
        token: APP_ID,
        secret: APP_SECRET,
        target: `chat:${OTHER}`,
        doctor: 'true',
      },
      env: { CI_NOTIFIER_EGRESS_IP_URL: echo.url },
    });
    expect(run.code).toBe(1);
    expect(run.summary).toMatch(/bot is in the chat.*\| ✗ \| 230002 \|.*add the app bot to the group/);
    expect(run.outputs.status).toBe('failure');
  });

  it('sends one test message with doctor: send-test', async () => {
    const { feishu, echo } = await setUp();
    const run = await runAction({
      inputs: {
        provider: 'feishu-app',
        locale: 'en',
        endpoint: feishu.url,
        token: APP_ID,
        secret: APP_SECRET,
        target: `chat:${CHAT}`,
        doctor: 'send-test',
      },
      env: { CI_NOTIFIER_EGRESS_IP_URL: echo.url },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(feishu.messages).toHaveLength(1);
    expect(run.summary).toMatch(/test message.*\| ✓ \|/);
  });
});
