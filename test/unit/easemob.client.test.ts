import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, ProviderError } from '../../src/model/errors.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { EasemobClient } from '../../src/library.js';
import { Transport } from '../../src/transport/transport.js';
import { silentLogger } from '../../src/transport/types.js';
import { fakeEasemob, type FakeEasemob } from '../fakes/easemob.js';

const ORG = 'acme';
const APP = 'im';
const CLIENT_ID = 'YXA6clientIdForLibraryTests';
const CLIENT_SECRET = 'YXA6clientSecretForLibraryTests';

let server: FakeEasemob;
let secrets: SecretRegistry;
let client: EasemobClient;

function makeClient(overrides: Partial<ConstructorParameters<typeof EasemobClient>[0]> = {}): EasemobClient {
  const transport = new Transport({
    timeoutMs: 5000,
    retries: 1,
    deadline: Date.now() + 20_000,
    secrets,
    logger: silentLogger,
    baseDelayMs: 5,
  });
  return new EasemobClient({
    endpoint: server.url,
    appKey: `${ORG}#${APP}`,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    transport,
    ...overrides,
  });
}

const last = () => server.apiRequests().at(-1)!;
const path = (suffix: string) => `/${ORG}/${APP}${suffix}`;

beforeEach(async () => {
  server = fakeEasemob({ org: ORG, app: APP, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  await server.start();
  secrets = new SecretRegistry();
  client = makeClient();
});
afterEach(() => server.stop());

function expectConfigError(run: () => unknown, input: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  expect((thrown as ConfigError).input).toBe(input);
}

async function expectRejectsConfig(promise: () => Promise<unknown>, input: string): Promise<void> {
  const error = await promise().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).input).toBe(input);
}

describe('EasemobClient construction', () => {
  it('requires endpoint, a well-formed app key and both credentials', () => {
    expectConfigError(() => makeClient({ endpoint: '' }), 'endpoint');
    expectConfigError(() => makeClient({ appKey: 'acme' }), 'appKey');
    expectConfigError(() => makeClient({ appKey: 'acme#im#x' }), 'appKey');
    expectConfigError(() => makeClient({ clientId: ' ' }), 'clientId');
    expectConfigError(() => makeClient({ clientSecret: '' }), 'clientSecret');
  });
});

describe('EasemobClient without a transport', () => {
  it('builds its own and still registers the fetched token in the given registry', async () => {
    const own = new SecretRegistry();
    const standalone = new EasemobClient({
      endpoint: server.url,
      appKey: `${ORG}#${APP}`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      secrets: own,
    });
    expect(await standalone.setPushLanguage('alice', 'zh')).toEqual({ language: 'zh' });
    expect(own.has(server.issued[0]!)).toBe(true);
    expect(own.has(CLIENT_SECRET)).toBe(true);
  });
});

describe('EasemobClient app token', () => {
  it('fetches one token for many calls, registers it as a secret, and refetches once after a 401', async () => {
    await client.setPushNickname('alice', 'Alice');
    await client.getPushLanguage('alice');
    expect(server.tokenRequests()).toBe(1);
    expect(secrets.has(server.issued[0]!)).toBe(true);
    expect(secrets.has(CLIENT_SECRET)).toBe(true);
    server.expireTokens();
    await client.getPushLanguage('alice');
    expect(server.tokenRequests()).toBe(2);
    expect(last().headers.authorization).toBe(`Bearer ${server.issued[1]}`);
  });

  it('concurrent calls share one token fetch', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((user) => client.getPushLanguage(user)));
    expect(server.tokenRequests()).toBe(1);
  });

  it('asks for the configured ttl', async () => {
    client = makeClient({ tokenTtl: 3600 });
    await client.getPushLanguage('alice');
    expect(server.requests[0]!.json).toMatchObject({ grant_type: 'client_credentials', ttl: 3600 });
  });

  it('fails with the Easemob error when the credentials are wrong, without retrying the token request', async () => {
    client = makeClient({ clientSecret: 'YXA6wrongwrongwrong' });
    const error = await client.getPushLanguage('alice').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toContain('invalid_grant');
    expect(server.tokenRequests()).toBe(1);
  });
});

describe('EasemobClient user push settings (PUT /users/{username})', () => {
  it('sets the push nickname', async () => {
    const entity = await client.setPushNickname('alice', '值班机器人');
    expect(last()).toMatchObject({ method: 'PUT', path: path('/users/alice'), json: { nickname: '值班机器人' } });
    expect(last().headers['content-type']).toBe('application/json');
    expect(entity).toMatchObject({ username: 'alice', nickname: '值班机器人' });
    await expectRejectsConfig(() => client.setPushNickname('alice', 'x'.repeat(101)), 'nickname');
    await expectRejectsConfig(() => client.setPushNickname('bad user', 'x'), 'username');
  });

  it('sets the notification display style', async () => {
    const entity = await client.setNotificationDisplayStyle('alice', 1);
    expect(last().json).toEqual({ notification_display_style: 1 });
    expect(entity.notification_display_style).toBe(1);
    await expectRejectsConfig(() => client.setNotificationDisplayStyle('alice', 2 as 0), 'style');
  });

  it('sets and clears the legacy do-not-disturb window in hours 0-23', async () => {
    const entity = await client.setDoNotDisturb('alice', 22, 7);
    expect(last().json).toEqual({
      notification_no_disturbing: true,
      notification_no_disturbing_start: '22',
      notification_no_disturbing_end: '7',
    });
    expect(entity).toMatchObject({
      notification_no_disturbing: true,
      notification_no_disturbing_start: 22,
      notification_no_disturbing_end: 7,
    });
    const cleared = await client.clearDoNotDisturb('alice');
    expect(last().json).toEqual({ notification_no_disturbing: false });
    expect(cleared.notification_no_disturbing).toBe(false);
    await expectRejectsConfig(() => client.setDoNotDisturb('alice', 24, 1), 'start');
    await expectRejectsConfig(() => client.setDoNotDisturb('alice', 1, -1), 'end');
    await expectRejectsConfig(() => client.setDoNotDisturb('alice', 1.5, 2), 'start');
  });
});

describe('EasemobClient push settings (/users/{username}/notification/{chattype}/{key})', () => {
  it('sets and gets the app-wide setting (chattype user, key = the user)', async () => {
    const data = await client.setPushSettings('alice', {
      type: 'NONE',
      ignoreInterval: '21:30-08:00',
      ignoreDuration: 86_400_000,
    });
    expect(last()).toMatchObject({
      method: 'PUT',
      path: path('/users/alice/notification/user/alice'),
      json: { type: 'NONE', ignoreInterval: '21:30-08:00', ignoreDuration: 86_400_000 },
    });
    expect(data).toMatchObject({ type: 'NONE', ignoreInterval: '21:30-08:00' });
    const read = await client.getPushSettings('alice');
    expect(last()).toMatchObject({ method: 'GET', path: path('/users/alice/notification/user/alice') });
    expect(read.type).toBe('NONE');
  });

  it('sets and gets one group chat and one single chat', async () => {
    await client.setPushSettings('alice', { type: 'AT' }, { chatType: 'chatgroup', key: '12312312321' });
    expect(last().path).toBe(path('/users/alice/notification/chatgroup/12312312321'));
    expect(await client.getPushSettings('alice', { chatType: 'chatgroup', key: '12312312321' })).toMatchObject({
      type: 'AT',
    });
    await client.setPushSettings('alice', { type: 'ALL', ignoreDuration: 0 }, { chatType: 'user', key: 'bob' });
    expect(last()).toMatchObject({
      path: path('/users/alice/notification/user/bob'),
      json: { type: 'ALL', ignoreDuration: 0 },
    });
  });

  it('validates type, ignoreInterval and ignoreDuration as the 离线推送设置 document states', async () => {
    await expectRejectsConfig(() => client.setPushSettings('alice', { type: 'SOME' as 'ALL' }), 'type');
    for (const interval of ['24:00-08:00', '08:60-09:00', '8:30-10:00', '08:30~10:00'])
      await expectRejectsConfig(() => client.setPushSettings('alice', { ignoreInterval: interval }), 'ignoreInterval');
    for (const duration of [-1, 604_800_001, 1.5])
      await expectRejectsConfig(() => client.setPushSettings('alice', { ignoreDuration: duration }), 'ignoreDuration');
    await expectRejectsConfig(() => client.setPushSettings('alice', {}), 'settings');
    await expectRejectsConfig(
      () => client.setPushSettings('alice', { ignoreInterval: '08:00-09:00' }, { chatType: 'chatgroup', key: '1' }),
      'ignoreInterval',
    );
    await expectRejectsConfig(
      () => client.getPushSettings('alice', { chatType: 'room' as 'user', key: '1' }),
      'chatType',
    );
    expect(server.apiRequests()).toHaveLength(0);
    // The edges are valid; '' clears the interval.
    await client.setPushSettings('alice', { ignoreInterval: '', ignoreDuration: 604_800_000 });
    await client.setPushSettings('alice', { ignoreInterval: '00:00-23:59' });
    expect(server.apiRequests()).toHaveLength(2);
  });
});

describe('EasemobClient push language', () => {
  it('sets and gets the preferred language, including "" for none', async () => {
    expect(await client.setPushLanguage('alice', 'EU')).toEqual({ language: 'EU' });
    expect(last()).toMatchObject({
      method: 'PUT',
      path: path('/users/alice/notification/language'),
      json: { translationLanguage: 'EU' },
    });
    expect(await client.getPushLanguage('alice')).toEqual({ language: 'EU' });
    expect(last()).toMatchObject({ method: 'GET', path: path('/users/alice/notification/language') });
    await client.setPushLanguage('alice', '');
    expect(last().json).toEqual({ translationLanguage: '' });
    await expectRejectsConfig(() => client.setPushLanguage('alice', 'zh CN'), 'language');
  });
});

describe('EasemobClient push templates (/notification/template)', () => {
  it('creates, gets and deletes a template', async () => {
    const created = await client.createPushTemplate({
      name: 'test7',
      title_pattern: '你好,{0}',
      content_pattern: '推送测试,{0}',
    });
    expect(last()).toMatchObject({
      method: 'POST',
      path: path('/notification/template'),
      json: { name: 'test7', title_pattern: '你好,{0}', content_pattern: '推送测试,{0}' },
    });
    expect(created).toMatchObject({ name: 'test7', title_pattern: '你好,{0}' });
    expect(typeof created.createAt).toBe('number');
    expect(await client.getPushTemplate('test7')).toMatchObject({ content_pattern: '推送测试,{0}' });
    expect(last()).toMatchObject({ method: 'GET', path: path('/notification/template/test7') });
    expect(await client.deletePushTemplate('test7')).toMatchObject({ name: 'test7' });
    expect(last()).toMatchObject({ method: 'DELETE', path: path('/notification/template/test7') });
    expect(await client.getPushTemplate('test7')).toBeUndefined();
    await expect(client.deletePushTemplate('test7')).rejects.toThrow(/resource_not_found/);
  });

  it('keeps built-in parameters verbatim and rejects what the push-template document does not allow', async () => {
    const patterns = { title_pattern: '{$dynamicFrom} {0}', content_pattern: '{$fromNickname}: {$msg} {1}' };
    await client.createPushTemplate({ name: 'Builtins1', ...patterns });
    expect(last().json).toEqual({ name: 'Builtins1', ...patterns });
    const valid = { name: 'ok', title_pattern: 't', content_pattern: 'c' };
    await expectRejectsConfig(() => client.createPushTemplate({ ...valid, name: 'a'.repeat(65) }), 'template.name');
    await expectRejectsConfig(() => client.createPushTemplate({ ...valid, name: 'ci_alert' }), 'template.name');
    await expectRejectsConfig(() => client.createPushTemplate({ ...valid, name: '' }), 'template.name');
    await expectRejectsConfig(
      () => client.createPushTemplate({ ...valid, title_pattern: '{$nickname}' }),
      'template.title_pattern',
    );
    await expectRejectsConfig(
      () => client.createPushTemplate({ ...valid, content_pattern: '{a}' }),
      'template.content_pattern',
    );
    await expectRejectsConfig(
      () => client.createPushTemplate({ ...valid, content_pattern: '' }),
      'template.content_pattern',
    );
    await expectRejectsConfig(() => client.getPushTemplate('bad-name'), 'name');
    await expectRejectsConfig(() => client.deletePushTemplate('bad name'), 'name');
    // Exactly 64 letters and digits is fine.
    await client.createPushTemplate({ ...valid, name: 'A1'.repeat(32) });
  });

  it('ensurePushTemplate creates, leaves alone, and replaces a template that differs', async () => {
    const template = { name: 'ciAlert', title_pattern: '{0}', content_pattern: '{$msg}' };
    expect((await client.ensurePushTemplate(template)).outcome).toBe('created');
    expect((await client.ensurePushTemplate(template)).outcome).toBe('unchanged');
    const changed = await client.ensurePushTemplate({ ...template, title_pattern: 'CI {0}' });
    expect(changed.outcome).toBe('replaced');
    expect(server.templates.get('ciAlert')?.title_pattern).toBe('CI {0}');
    expect(server.apiRequests().map((request) => request.method)).toEqual([
      'GET',
      'POST',
      'GET',
      'GET',
      'DELETE',
      'POST',
    ]);
  });
});

describe('EasemobClient request headers (离线推送设置: 请求 header of each operation)', () => {
  it('sends Content-Type: application/json and the Bearer token on every call, bodiless GET/DELETE included', async () => {
    await client.setPushNickname('alice', 'Alice');
    await client.setNotificationDisplayStyle('alice', 1);
    await client.setDoNotDisturb('alice', 8, 18);
    await client.setPushSettings('alice', { type: 'AT' });
    await client.getPushSettings('alice');
    await client.setPushLanguage('alice', 'EU');
    await client.getPushLanguage('alice');
    await client.createPushTemplate({ name: 'hdr1', title_pattern: '{0}', content_pattern: '{$msg}' });
    await client.getPushTemplate('hdr1');
    await client.deletePushTemplate('hdr1');
    const requests = server.apiRequests();
    expect(requests.map((request) => request.method)).toEqual([
      'PUT',
      'PUT',
      'PUT',
      'PUT',
      'GET',
      'PUT',
      'GET',
      'POST',
      'GET',
      'DELETE',
    ]);
    for (const request of requests) {
      expect(request.headers['content-type'], `${request.method} ${request.path}`).toBe('application/json');
      expect(request.headers.authorization).toMatch(/^Bearer \S+$/);
    }
    // Set push nickname also requires Accept.
    expect(requests[0]!.headers.accept).toBe('application/json');
  });
});
