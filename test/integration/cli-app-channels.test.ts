/** The two-step pattern from GitLab or Jenkins: `--status started`, then `--update-message` / `--reply-to`. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeFeishuApp, type FakeFeishuApp } from '../fakes/feishu-app.js';
import { fakeWecomApp, type FakeWecomApp } from '../fakes/wecom-app.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';

const APP_ID = 'cli_a5e1b2c3d4e5f6a7';
const APP_SECRET = 'FeishuAppSecretNeverLogged0123';
const CHAT = 'oc_a0553eda9014c201e6969b478895c230';

const GITLAB = {
  CI: 'true',
  GITLAB_CI: 'true',
  CI_SERVER_URL: 'https://gitlab.example.com',
  CI_PROJECT_PATH: 'platform/payments',
  CI_PROJECT_URL: 'https://gitlab.example.com/platform/payments',
  CI_COMMIT_SHA: '3f786850e387550fdab836ed7e6dc881de23001b',
  CI_COMMIT_REF_NAME: 'main',
  CI_PIPELINE_ID: '912',
  CI_PIPELINE_URL: 'https://gitlab.example.com/platform/payments/-/pipelines/912',
  CI_JOB_ID: '4411',
  CI_JOB_NAME: 'unit-tests',
};

let feishu: FakeFeishuApp | undefined;
let wecom: FakeWecomApp | undefined;
beforeAll(() => ensureLibBuilt(), 120_000);
afterEach(async () => {
  await feishu?.stop();
  await wecom?.stop();
  feishu = wecom = undefined;
});

describe('application channels from the CLI', () => {
  it('posts at the start, then replaces the card with --update-message and answers with --reply-to', async () => {
    feishu = fakeFeishuApp({ appId: APP_ID, appSecret: APP_SECRET, chats: [CHAT] });
    await feishu.start();
    const env = {
      ...GITLAB,
      CI_NOTIFIER_PROVIDER: 'feishu-app',
      CI_NOTIFIER_TOKEN: APP_ID,
      CI_NOTIFIER_SECRET: APP_SECRET,
      CI_NOTIFIER_ENDPOINT: feishu.url,
      CI_NOTIFIER_TARGET: `chat:${CHAT}`,
    };
    const start = await runCli(['--status', 'started', '--json'], env);
    expect(start.code, start.stdout + start.stderr).toBe(0);
    const id = (JSON.parse(start.stdout) as { messageId: string }).messageId;
    expect(id).toBe(feishu.messages[0]!.message_id);

    const end = await runCli(['--status', 'failed', '--update-message', id], env);
    expect(end.code, end.stdout + end.stderr).toBe(0);
    expect(feishu.messages).toHaveLength(1);
    expect(feishu.messages[0]!.updates).toBe(1);

    const reply = await runCli(['--status', 'failed', '--format', 'text'], { ...env, CI_NOTIFIER_REPLY_TO: id });
    expect(reply.code, reply.stdout + reply.stderr).toBe(0);
    expect(feishu.messages[1]!.parent_id).toBe(id);
  });

  it('prints a refused WeCom recipient as a warning and exits 0', async () => {
    wecom = fakeWecomApp({
      corpId: 'ww1234567890abcdef',
      corpSecret: 'WecomSecret-0123456789',
      agentId: 1000002,
      users: ['alice'],
    });
    await wecom.start();
    const run = await runCli(
      ['--provider', 'wecom-app', '--target', 'user:alice,ghost', '--app-id', '1000002', '--status', 'failed'],
      {
        ...GITLAB,
        CI_NOTIFIER_TOKEN: 'ww1234567890abcdef',
        CI_NOTIFIER_SECRET: 'WecomSecret-0123456789',
        CI_NOTIFIER_ENDPOINT: wecom.url,
      },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/not reached: wecom-app user:ghost/);
    expect(wecom.delivered).toHaveLength(1);
  });
});
