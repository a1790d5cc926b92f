import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeEasemob, type FakeEasemob, type FakeEasemobOptions } from '../fakes/easemob.js';
import { ensureLibBuilt, runCli, type CliRun } from '../helpers/run-cli.js';

const ORG = '1112171214115068';
const APP = 'cinotify';
const CLIENT_ID = 'YXA6Qk9XcliClientIdForTests';
const CLIENT_SECRET = 'YXA6s3cretCliClientSecretNeverLogged';

let fake: FakeEasemob | undefined;
const runs: CliRun[] = [];
const issued: string[] = [];

beforeAll(() => ensureLibBuilt(), 120_000);
afterEach(async () => {
  issued.push(...(fake?.issued ?? []));
  await fake?.stop();
  fake = undefined;
});
// No run of this file printed a credential or any app token any fake handed out.
afterAll(() => {
  expect(issued.length).toBeGreaterThan(10);
  for (const run of runs) {
    for (const secret of [CLIENT_SECRET, CLIENT_ID, ...issued])
      expect(`${run.stdout}\n${run.stderr}`).not.toContain(secret);
  }
});

async function start(options: Partial<FakeEasemobOptions> = {}): Promise<FakeEasemob> {
  fake = fakeEasemob({ org: ORG, app: APP, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...options });
  await fake.start();
  return fake;
}

/** Credentials from the environment, as in CI; the endpoint on the command line. */
async function easemob(server: FakeEasemob, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const run = await runCli(['easemob', ...args, '--endpoint', server.url, '--retries', '0'], {
    CI_NOTIFIER_APP_ID: `${ORG}#${APP}`,
    CI_NOTIFIER_TOKEN: CLIENT_ID,
    CI_NOTIFIER_SECRET: CLIENT_SECRET,
    CI_NOTIFIER_DEBUG: '1',
    ...env,
  });
  runs.push(run);
  return run;
}

function expectNoSecrets(run: CliRun, server: FakeEasemob): void {
  const text = `${run.stdout}\n${run.stderr}`;
  for (const secret of [CLIENT_SECRET, CLIENT_ID, ...server.issued]) expect(text).not.toContain(secret);
}

const api = (server: FakeEasemob) =>
  server.apiRequests().map((request) => `${request.method} ${request.path.slice(`/${ORG}/${APP}`.length)}`);

describe('ci-notifier easemob <command> (the built bin against a fake Easemob)', () => {
  it('user commands: nickname, display style, do-not-disturb, each a PUT /users/{user} with the documented body', async () => {
    const server = await start();
    const nickname = await easemob(server, ['set-push-nickname', '--user', 'alice', '--nickname', '构建机器人 Bot']);
    expect(nickname.code, nickname.stderr).toBe(0);
    expect(nickname.stdout).toBe('Push nickname of alice: 构建机器人 Bot\n');
    expect(server.apiRequests()[0]!.json).toEqual({ nickname: '构建机器人 Bot' });

    const style = await easemob(server, ['set-notification-display-style', '--user', 'alice', '--style', '1']);
    expect(style.code, style.stderr).toBe(0);
    expect(style.stdout).toMatch(/^Notification display style of alice: 1 \(the message content\)/);
    expect(server.apiRequests()[1]!.json).toEqual({ notification_display_style: 1 });

    const dnd = await easemob(server, ['set-do-not-disturb', '--user', 'alice', '--start', '22', '--end', '8']);
    expect(dnd.code, dnd.stderr).toBe(0);
    expect(dnd.stdout).toBe('Do-not-disturb of alice: on, every day from 22:00 to 8:00\n');
    // Easemob's 离线推送设置 document sends the hours as strings.
    expect(server.apiRequests()[2]!.json).toEqual({
      notification_no_disturbing: true,
      notification_no_disturbing_start: '22',
      notification_no_disturbing_end: '8',
    });

    const clear = await easemob(server, ['clear-do-not-disturb', '--user', 'alice', '--json']);
    expect(clear.code, clear.stderr).toBe(0);
    const entity = JSON.parse(clear.stdout) as Record<string, unknown>;
    expect(entity).toMatchObject({
      username: 'alice',
      nickname: '构建机器人 Bot',
      notification_display_style: 1,
      notification_no_disturbing: false,
    });
    expect(server.apiRequests()[3]!.json).toEqual({ notification_no_disturbing: false });
    expect(api(server)).toEqual(Array(4).fill('PUT /users/alice'));
    for (const run of [nickname, style, dnd, clear]) expectNoSecrets(run, server);
  });

  it('push settings: app-wide and per chat, set then get', async () => {
    const server = await start();
    const set = await easemob(server, [
      'set-push-settings',
      '--user',
      'alice',
      '--type',
      'NONE',
      '--ignore-interval',
      '21:30-08:00',
      '--ignore-duration',
      '86400000',
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(server.apiRequests()[0]!.json).toEqual({
      type: 'NONE',
      ignoreInterval: '21:30-08:00',
      ignoreDuration: 86400000,
    });
    expect(set.stdout).toMatch(
      /^Push settings of alice \(app-wide\):\n {2}type: NONE\n {2}ignore-interval: 21:30-08:00\n {2}ignore-duration: until \d{4}-/,
    );

    const group = await easemob(server, [
      'set-push-settings',
      '--user',
      'alice',
      '--chat-type',
      'chatgroup',
      '--chat-id',
      '1231231232',
      '--type',
      'AT',
    ]);
    expect(group.code, group.stderr).toBe(0);
    expect(group.stdout).toMatch(/^Push settings of alice in group 1231231232:\n {2}type: AT\n/);

    const get = await easemob(server, ['get-push-settings', '--user', 'alice', '--json']);
    expect(get.code, get.stderr).toBe(0);
    expect(JSON.parse(get.stdout)).toMatchObject({ type: 'NONE', ignoreInterval: '21:30-08:00' });

    const getChat = await easemob(server, [
      'get-push-settings',
      '--user',
      'alice',
      '--chat-type',
      'user',
      '--chat-id',
      'bob',
    ]);
    expect(getChat.code, getChat.stderr).toBe(0);
    expect(getChat.stdout).toBe(
      'Push settings of alice in the chat with user bob:\n  type: DEFAULT\n  ignore-interval: none\n  ignore-duration: off\n',
    );
    expect(api(server)).toEqual([
      'PUT /users/alice/notification/user/alice',
      'PUT /users/alice/notification/chatgroup/1231231232',
      'GET /users/alice/notification/user/alice',
      'GET /users/alice/notification/user/bob',
    ]);
    // One app token per run: each process fetched its own, once.
    expect(server.tokenRequests()).toBe(4);
  });

  it('push language: set, get, and clear with an empty code', async () => {
    const server = await start();
    const set = await easemob(server, ['set-push-language', '--user', 'alice', '--language', 'EU']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('Push language of alice: EU\n');
    expect(server.apiRequests()[0]!.json).toEqual({ translationLanguage: 'EU' });
    const get = await easemob(server, ['get-push-language', '--user', 'alice', '--json']);
    expect(get.code, get.stderr).toBe(0);
    expect(JSON.parse(get.stdout)).toEqual({ language: 'EU' });
    const clear = await easemob(server, ['set-push-language', '--user', 'alice', '--language', '']);
    expect(clear.code, clear.stderr).toBe(0);
    expect(clear.stdout).toBe('Push language of alice: none (pushes keep the original text)\n');
    expect(server.languages.get('alice')).toBe('');
  });

  it('push templates: create, get, ensure (unchanged, replaced), delete, get missing → exit 1', async () => {
    const server = await start();
    const template = ['--name', 'ciAlert', '--title-pattern', '{0} {1}', '--content-pattern', '{$fromNickname}: {0}'];
    const create = await easemob(server, ['create-push-template', ...template]);
    expect(create.code, create.stderr).toBe(0);
    expect(create.stdout).toMatch(/^Created push template ciAlert:\n {2}title-pattern: \{0\} \{1\}\n/);
    expect(server.apiRequests()[0]!.json).toEqual({
      name: 'ciAlert',
      title_pattern: '{0} {1}',
      content_pattern: '{$fromNickname}: {0}',
    });

    const get = await easemob(server, ['get-push-template', '--name', 'ciAlert', '--json']);
    expect(get.code, get.stderr).toBe(0);
    expect(JSON.parse(get.stdout)).toMatchObject({ name: 'ciAlert', content_pattern: '{$fromNickname}: {0}' });

    const same = await easemob(server, ['ensure-push-template', ...template]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toMatch(/^Push template ciAlert \(unchanged\):\n {2}title-pattern: \{0\} \{1\}\n/);

    const changed = await easemob(server, [
      'ensure-push-template',
      ...template.slice(0, 4),
      '--content-pattern',
      '{0} by {$dynamicFrom}',
      '--json',
    ]);
    expect(changed.code, changed.stderr).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({
      outcome: 'replaced',
      template: { name: 'ciAlert', content_pattern: '{0} by {$dynamicFrom}' },
    });
    expect(server.templates.get('ciAlert')?.content_pattern).toBe('{0} by {$dynamicFrom}');

    const remove = await easemob(server, ['delete-push-template', '--name', 'ciAlert']);
    expect(remove.code, remove.stderr).toBe(0);
    expect(remove.stdout).toBe('Deleted push template ciAlert.\n');
    expect(server.templates.has('ciAlert')).toBe(false);

    const missing = await easemob(server, ['get-push-template', '--name', 'ciAlert']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No push template named ciAlert.');
    expect(api(server)).toEqual([
      'POST /notification/template',
      'GET /notification/template/ciAlert',
      'GET /notification/template/ciAlert',
      'GET /notification/template/ciAlert',
      'DELETE /notification/template/ciAlert',
      'POST /notification/template',
      'DELETE /notification/template/ciAlert',
      'GET /notification/template/ciAlert',
    ]);
  });

  const BAD: { name: string; args: string[]; env?: Record<string, string>; error: RegExp }[] = [
    { name: 'push type', args: ['set-push-settings', '--user', 'a', '--type', 'SOME'], error: /'type'.*DEFAULT, ALL/ },
    {
      name: 'interval',
      args: ['set-push-settings', '--user', 'a', '--ignore-interval', '25:00-08:00'],
      error: /'ignore-interval'.*hour above 23/,
    },
    {
      name: 'interval on one chat',
      args: [
        'set-push-settings',
        '--user',
        'a',
        '--chat-type',
        'chatgroup',
        '--chat-id',
        '12',
        '--ignore-interval',
        '21:00-08:00',
      ],
      error: /'ignore-interval': only applies to the app-wide setting/,
    },
    {
      name: 'duration',
      args: ['set-push-settings', '--user', 'a', '--ignore-duration', '604800001'],
      error: /'ignore-duration'.*out of range/,
    },
    { name: 'nothing to set', args: ['set-push-settings', '--user', 'a'], error: /'settings': sets nothing/ },
    { name: 'chat id alone', args: ['get-push-settings', '--user', 'a', '--chat-id', 'b'], error: /'chat-type'/ },
    {
      name: 'chat type',
      args: ['get-push-settings', '--user', 'a', '--chat-type', 'room', '--chat-id', 'b'],
      error: /'room' is not a chat type/,
    },
    {
      name: 'user id',
      args: ['set-push-nickname', '--user', 'al ice', '--nickname', 'x'],
      error: /'user'.*not an Easemob user id/,
    },
    { name: 'missing user', args: ['get-push-language'], error: /'user': is required.*\(set with --user\)/ },
    {
      name: 'long nickname',
      args: ['set-push-nickname', '--user', 'a', '--nickname', 'x'.repeat(101)],
      error: /'nickname'.*101/,
    },
    { name: 'style', args: ['set-notification-display-style', '--user', 'a', '--style', '2'], error: /'style'/ },
    {
      name: 'hour',
      args: ['set-do-not-disturb', '--user', 'a', '--start', '24', '--end', '8'],
      error: /'start'.*hour/,
    },
    { name: 'language', args: ['set-push-language', '--user', 'a', '--language', 'zh CN'], error: /'language'/ },
    { name: 'template name', args: ['delete-push-template', '--name', 'ci-alert'], error: /'name'.*a-z, A-Z and 0-9/ },
    {
      name: 'placeholder',
      args: ['create-push-template', '--name', 'x', '--title-pattern', '{$from}', '--content-pattern', '{0}'],
      error: /'title-pattern': unknown placeholder '\{\$from\}'/,
    },
    {
      name: 'flag of another command',
      args: ['get-push-language', '--user', 'a', '--nickname', 'x'],
      error: /--nickname/,
    },
    { name: 'unknown command', args: ['set-nickname', '--user', 'a'], error: /unknown easemob command 'set-nickname'/ },
    { name: 'missing command', args: [], error: /'command': is missing.*set-push-nickname/ },
    {
      name: 'app key',
      args: ['get-push-language', '--user', 'a'],
      env: { CI_NOTIFIER_APP_ID: 'org/app' },
      error: /'app-id'.*org_name#app_name.*CI_NOTIFIER_APP_ID/,
    },
    {
      name: 'missing secret',
      args: ['get-push-language', '--user', 'a'],
      env: { CI_NOTIFIER_SECRET: '' },
      error: /'secret': is required.*CI_NOTIFIER_SECRET/,
    },
  ];

  it.each(BAD)('bad input ($name) exits 2 naming the flag, before any request', async ({ args, env, error }) => {
    const server = await start();
    const run = await easemob(server, args, env);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toMatch(error);
    expect(run.stdout).toBe('');
    expect(server.requests).toHaveLength(0);
    expectNoSecrets(run, server);
  });

  it('provider failures exit 1 with Easemob error: a duplicate template, a wrong secret', async () => {
    const server = await start();
    server.templates.set('ciAlert', {
      name: 'ciAlert',
      title_pattern: '{0}',
      content_pattern: '{0}',
      createAt: 1,
      updateAt: 1,
    });
    const duplicate = await easemob(server, [
      'create-push-template',
      '--name',
      'ciAlert',
      '--title-pattern',
      '{0}',
      '--content-pattern',
      '{0}',
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/duplicate_unique_property_exists|already exists/);
    expect(duplicate.stdout).toBe('');

    const wrong = await easemob(server, ['get-push-language', '--user', 'a'], {
      CI_NOTIFIER_SECRET: 'YXA6theWrongSecretValue',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/invalid_grant/);
    expect(wrong.stderr).not.toContain('YXA6theWrongSecretValue');
    expectNoSecrets(duplicate, server);
  });

  it('never prints the client secret or the app token, even when Easemob echoes them', async () => {
    const server = await start({
      intercept: (request, reply) => {
        if (!request.path.endsWith('/notification/language')) return false;
        // A hostile or buggy proxy reflecting the credentials into the error text.
        reply(400, {
          error: 'illegal_argument',
          exception: 'IllegalArgumentException',
          error_description: `bad header ${String(request.headers.authorization)} for client ${CLIENT_SECRET}`,
        });
        return true;
      },
    });
    // Credentials on the command line (flags are registered as secrets as well as variables).
    const flagged = await runCli(
      [
        'easemob',
        'get-push-language',
        '--user',
        'alice',
        '--endpoint',
        server.url,
        '--app-id',
        `${ORG}#${APP}`,
        '--token',
        CLIENT_ID,
        '--secret',
        CLIENT_SECRET,
        '--retries',
        '0',
      ],
      { CI_NOTIFIER_DEBUG: '1' },
    );
    expect(flagged.code).toBe(1);
    expect(server.issued.length).toBeGreaterThan(0);
    expect(flagged.stderr).toContain('illegal_argument');
    expect(flagged.stderr).toContain('Bearer ***');
    expectNoSecrets(flagged, server);
  });

  it('--help lists every command and flag; the main help points to it; flags before the command are refused', async () => {
    const help = await runCli(['easemob', '--help']);
    expect(help.code).toBe(0);
    for (const command of [
      'set-push-nickname',
      'set-notification-display-style',
      'set-do-not-disturb',
      'clear-do-not-disturb',
      'set-push-settings',
      'get-push-settings',
      'set-push-language',
      'get-push-language',
      'create-push-template',
      'get-push-template',
      'delete-push-template',
      'ensure-push-template',
    ])
      expect(help.stdout).toContain(`\n  ${command}\n`);
    for (const flag of [
      'user',
      'nickname',
      'style',
      'start',
      'end',
      'type',
      'ignore-interval',
      'ignore-duration',
      'chat-type',
      'chat-id',
      'language',
      'name',
      'title-pattern',
      'content-pattern',
      'endpoint',
      'app-id',
      'token',
      'secret',
      'timeout',
      'retries',
      'json',
    ])
      expect(help.stdout).toContain(`--${flag}`);
    expect(help.stdout).toContain('CI_NOTIFIER_SECRET');
    const main = await runCli(['--help']);
    expect(main.stdout).toContain('ci-notifier easemob <command>');
    const late = await runCli(['--json', 'easemob', 'get-push-language']);
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(/'easemob' must be the first argument/);
  });
});
