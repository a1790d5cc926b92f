/**
 * A dry run prints "the exact request(s) with secrets masked": exact except for the credentials. Settings in the
 * URL (`receive_id_type`, the API path, a message id) are shown; credentials are not; mobile numbers mapped from
 * `people` are shown as 138****8000 (issue 24).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';

const EVENT = join(ROOT, 'test/fixtures/events/push-failure.json');
const GITHUB = {
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_EVENT_PATH: EVENT,
  GITHUB_REPOSITORY: 'octo-org/hello-world',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_SHA: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_RUN_ID: '42',
  GITHUB_ACTOR: 'octocat',
};

const APP_SECRET = 'AppSecretDoNotShow0123456789';

describe('dry run: credentials masked, everything else exact', () => {
  beforeAll(() => ensureLibBuilt(), 120_000);

  it('feishu-app: receive_id_type and the message path are shown, the app secret is not', async () => {
    const run = await runCli(
      ['--provider', 'feishu-app', '--target', 'chat:oc_0123456789abcdef', '--status', 'failure', '--dry-run'],
      { ...GITHUB, CI_NOTIFIER_TOKEN: 'cli_a1b2c3d4e5f60001', CI_NOTIFIER_SECRET: APP_SECRET },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('POST https://open.feishu.cn/open-apis/im/v1/messages?receive_id_type=chat_id');
    expect(run.stdout).not.toContain(APP_SECRET);
    const update = await runCli(
      [
        '--provider',
        'feishu-app',
        '--update-message',
        'om_dc13264520392913993dd051dba21dcf',
        '--status',
        'success',
        '--dry-run',
      ],
      { ...GITHUB, CI_NOTIFIER_TOKEN: 'cli_a1b2c3d4e5f60001', CI_NOTIFIER_SECRET: APP_SECRET },
    );
    expect(update.code, update.stderr).toBe(0);
    expect(update.stdout).toContain('/open-apis/im/v1/messages/om_dc13264520392913993dd051dba21dcf');
  });

  it('dingtalk-app: the corpconversation path is shown, the access token is not', async () => {
    const run = await runCli(
      [
        '--provider',
        'dingtalk-app',
        '--app-id',
        '836390886',
        '--target',
        'user:manager4220',
        '--status',
        'failure',
        '--dry-run',
      ],
      { ...GITHUB, CI_NOTIFIER_TOKEN: 'dingappkey0123456789', CI_NOTIFIER_SECRET: APP_SECRET },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /POST https:\/\/oapi\.dingtalk\.com\/topapi\/message\/corpconversation\/asyncsend_v2\?access_token=\*\*\*/,
    );
    expect(run.stdout).not.toContain(APP_SECRET);
  });

  it('dingtalk robot: the key and signature masked, the timestamp shown; a mapped mobile shown as 138****8000', async () => {
    const token = 'b9d0c2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0';
    const run = await runCli(
      [
        '--provider',
        'dingtalk',
        '--status',
        'failure',
        '--dry-run',
        '--people',
        'octocat: { dingtalk: "@mobile:13800138000" }',
        '--mention',
        'actor',
      ],
      { ...GITHUB, CI_NOTIFIER_TOKEN: token, CI_NOTIFIER_SECRET: 'SEC0123456789abcdef0123456789abcdef' },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/robot\/send\?access_token=\*\*\*&timestamp=\d{13}&sign=\*\*\*/);
    expect(run.stdout).not.toContain(token);
    expect(run.stdout).toContain('138****8000');
    expect(`${run.stdout}${run.stderr}`).not.toContain('13800138000');
  });
});
