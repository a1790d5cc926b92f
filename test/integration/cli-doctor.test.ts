/** `ci-notifier doctor` against the local stand-ins: read-only checks, egress IP, a test message and its refusal. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeDingtalk } from '../fakes/dingtalk.js';
import { fakeDingtalkApp } from '../fakes/dingtalk-app.js';
import { fakeEasemob } from '../fakes/easemob.js';
import { fakeFeishuApp } from '../fakes/feishu-app.js';
import { fakeWecomApp } from '../fakes/wecom-app.js';
import { FakeServer, sendJson } from '../helpers/fake-server.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';

const APP_ID = 'cli_a5e1b2c3d4e5f6a7';
const APP_SECRET = 'FeishuAppSecretNeverLogged0123';
const CHAT = 'oc_a0553eda9014c201e6969b478895c230';
const OTHER_CHAT = 'oc_ffff3eda9014c201e6969b478895c230';

const servers: { stop(): Promise<void> }[] = [];
beforeAll(() => ensureLibBuilt(), 120_000);
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function started<T extends { start(): Promise<unknown>; stop(): Promise<void> }>(server: T): Promise<T> {
  await server.start();
  servers.push(server);
  return server;
}

describe('ci-notifier doctor', () => {
  it('passes a Feishu app whose bot is in the chat, without sending anything', async () => {
    const feishu = await started(fakeFeishuApp({ appId: APP_ID, appSecret: APP_SECRET, chats: [CHAT] }));
    const run = await runCli([
      'doctor',
      '--provider',
      'feishu-app',
      '--token',
      APP_ID,
      '--secret',
      APP_SECRET,
      '--endpoint',
      feishu.url,
      '--target',
      `chat:${CHAT}`,
      '--locale',
      'en',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/✓ credentials and inputs/);
    expect(run.stdout).toMatch(/✓ token request/);
    expect(run.stdout).toMatch(new RegExp(`✓ bot is in the chat \\(${CHAT}\\)`));
    expect(run.stdout).toMatch(/every check passed/);
    expect(feishu.messages).toHaveLength(0);
    expect(run.stdout + run.stderr).not.toContain(APP_SECRET);
  });

  it('fails with ✗, the code and the fix when the bot is not in the chat; Chinese by default', async () => {
    const feishu = await started(fakeFeishuApp({ appId: APP_ID, appSecret: APP_SECRET, chats: [CHAT] }));
    const run = await runCli(['doctor'], {
      CI_NOTIFIER_PROVIDER: 'feishu-app',
      CI_NOTIFIER_TOKEN: APP_ID,
      CI_NOTIFIER_SECRET: APP_SECRET,
      CI_NOTIFIER_ENDPOINT: feishu.url,
      CI_NOTIFIER_TARGET: `chat:${OTHER_CHAT}`,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ 机器人在群内/);
    expect(run.stdout).toMatch(/230002/);
    expect(run.stdout).toMatch(/add the app bot to the group/);
    expect(run.stdout).toMatch(/部分检查未通过/);
  });

  it('names the missing scope (99991672) of the read-only call', async () => {
    const feishu = await started(
      fakeFeishuApp({ appId: APP_ID, appSecret: APP_SECRET, chats: [CHAT], noChatScope: true }),
    );
    const run = await runCli(
      ['doctor', '--url', `feishu-app://${APP_ID}:${APP_SECRET}@?target=chat:${CHAT}&endpoint=${feishu.url}`],
      { CI_NOTIFIER_LOCALE: 'en' },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/99991672/);
    expect(run.stdout).toMatch(/im:chat:readonly/);
  });

  it('fails the token check of a wrong secret and stops there', async () => {
    const feishu = await started(fakeFeishuApp({ appId: APP_ID, appSecret: APP_SECRET, chats: [CHAT] }));
    const run = await runCli(['doctor', '--locale', 'en'], {
      CI_NOTIFIER_PROVIDER: 'feishu-app',
      CI_NOTIFIER_TOKEN: APP_ID,
      CI_NOTIFIER_SECRET: 'wrong-secret-0000000000',
      CI_NOTIFIER_ENDPOINT: feishu.url,
      CI_NOTIFIER_TARGET: `chat:${CHAT}`,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ token request.*10014/);
    expect(run.stdout).not.toMatch(/bot is in the chat/);
  });

  it('checks a DingTalk app user and a WeCom app in one run (--url twice)', async () => {
    const ding = await started(
      fakeDingtalkApp({
        appKey: 'dingabcdefghijklmnop',
        appSecret: 'DingSecret-0123456789',
        agentId: 836390886,
        users: ['alice'],
      }),
    );
    const wecom = await started(
      fakeWecomApp({
        corpId: 'ww0123456789abcdef',
        corpSecret: 'WecomSecret-0123456789',
        agentId: 1000002,
        users: ['zhangsan'],
      }),
    );
    const run = await runCli([
      'doctor',
      '--locale',
      'en',
      '--url',
      `dingtalk-app://dingabcdefghijklmnop:DingSecret-0123456789@836390886?target=user:alice,ghost&endpoint=${ding.url}`,
      '--url',
      `wecom-app://ww0123456789abcdef:WecomSecret-0123456789@1000002?target=user:zhangsan&endpoint=${wecom.url}`,
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/✓ user exists \(alice\): Name of alice/);
    expect(run.stdout).toMatch(/✗ user exists \(ghost\).*60121/);
    expect(run.stdout).toMatch(/✓ app and its visibility \(1000002\): CI notifier: visible to 1 user/);
    expect(ding.tasks).toHaveLength(0);
  });

  it('explains a WeCom trusted-IP refusal (60020) and prints the egress IP on request', async () => {
    const wecom = await started(
      fakeWecomApp({
        corpId: 'ww0123456789abcdef',
        corpSecret: 'WecomSecret-0123456789',
        agentId: 1000002,
        untrusted: true,
      }),
    );
    const echo = await started(new FakeServer((_request, response) => sendJson(response, 200, { ip: '203.0.113.9' })));
    const run = await runCli(
      [
        'doctor',
        '--egress-ip',
        '--locale',
        'en',
        '--url',
        `wecom-app://ww0123456789abcdef:WecomSecret-0123456789@1000002?target=user:zhangsan&endpoint=${wecom.url}`,
      ],
      { CI_NOTIFIER_EGRESS_IP_URL: echo.url },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ token request.*60020/);
    expect(run.stdout).toMatch(/✓ egress IP: 203\.0\.113\.9/);
  });

  it('sends one test message with --send-test', async () => {
    const feishu = await started(fakeFeishuApp({ appId: APP_ID, appSecret: APP_SECRET, chats: [CHAT] }));
    const run = await runCli(['doctor', '--send-test', '--locale', 'en'], {
      CI_NOTIFIER_PROVIDER: 'feishu-app',
      CI_NOTIFIER_TOKEN: APP_ID,
      CI_NOTIFIER_SECRET: APP_SECRET,
      CI_NOTIFIER_ENDPOINT: feishu.url,
      CI_NOTIFIER_TARGET: `chat:${CHAT}`,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/✓ test message/);
    expect(feishu.messages).toHaveLength(1);
    expect(JSON.stringify(feishu.messages[0]!.content)).toContain('ci-notifier doctor');
  });

  it('explains a robot refusing the test message: which security setting and what to change', async () => {
    const robot = await started(fakeDingtalk({ robots: { robottoken0123456789: { keywords: ['部署'] } } }));
    const run = await runCli([
      'doctor',
      '--send-test',
      '--locale',
      'en',
      '--provider',
      'dingtalk',
      '--token',
      'robottoken0123456789',
      '--endpoint',
      robot.url,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/– read-only check/);
    expect(run.stdout).toMatch(/✗ test message.*310000.*keyword/);
    expect(robot.accepted).toHaveLength(0);
  });

  it('checks an Easemob app token and its users', async () => {
    const easemob = await started(
      fakeEasemob({
        org: '1112171214115068',
        app: 'cinotify',
        clientId: 'YXA6Qk9XcliClientIdForTests',
        clientSecret: 'YXA6s3cretCliClientSecretNeverLogged',
        knownUsers: ['alice'],
      }),
    );
    const run = await runCli(['doctor', '--locale', 'en'], {
      CI_NOTIFIER_PROVIDER: 'easemob',
      CI_NOTIFIER_ENDPOINT: easemob.url,
      CI_NOTIFIER_APP_ID: '1112171214115068#cinotify',
      CI_NOTIFIER_TOKEN: 'YXA6Qk9XcliClientIdForTests',
      CI_NOTIFIER_SECRET: 'YXA6s3cretCliClientSecretNeverLogged',
      CI_NOTIFIER_TARGET: 'user:alice,bob',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✓ token request/);
    expect(run.stdout).toMatch(/✓ user exists \(alice\)/);
    expect(run.stdout).toMatch(/✗ user exists \(bob\).*404/);
    expect(run.stdout + run.stderr).not.toContain('YXA6s3cretCliClientSecretNeverLogged');
  });

  it('refuses bad input with exit 2', async () => {
    const run = await runCli(['doctor', '--provider', 'feishu-app', '--nonsense']);
    expect(run.code).toBe(2);
  });
});
