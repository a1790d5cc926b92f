import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/model/context.js';
import { ConfigError, ProviderError } from '../../src/model/errors.js';
import { createMessage, type Message } from '../../src/render/message.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { mobpush as mobpushAdapter, type MobpushSettings } from '../../src/providers/mobpush/index.js';
import { loadAdapter } from '../../src/providers/registry.js';
import { interpretPush } from '../../src/providers/mobpush/reply.js';
import { mobpushSign } from '../../src/providers/mobpush/sign.js';
import { taskStateOf } from '../../src/providers/mobpush/track.js';
import type { DeliveryPlan, PlanEnvironment, ProviderSettings } from '../../src/providers/types.js';
import { Transport } from '../../src/transport/transport.js';
import { silentLogger, type HttpReply } from '../../src/transport/types.js';
import { fakeMobpush } from '../fakes/mobpush.js';

// Through the registry, as a run gets it: core's shared checks (credentials, format, target) run before parse.
const mobpush = (await loadAdapter('mobpush')) as typeof mobpushAdapter;

const KEY = '2f2d7a68f8a40';
const SECRET = '9abee316611dd24f607feb9f2c496338';

const context: CiContext = {
  ci: 'github',
  repository: 'octo-org/hello-world',
  runId: '42',
  runAttempt: '1',
  job: 'build',
  runUrl: 'https://github.com/octo-org/hello-world/actions/runs/42',
  status: 'failure',
  eventName: 'push',
  branch: 'main',
};

function message(ctx: CiContext = context): Message {
  return createMessage(
    'Build failed: CI on main',
    '**CI** failed on `main`\n\n[View run](https://example.com/run)',
    ctx,
  );
}

function environment(secrets = new SecretRegistry(), retries = 0): PlanEnvironment {
  const transport = new Transport({
    timeoutMs: 2000,
    retries,
    deadline: Date.now() + 20_000,
    secrets,
    logger: silentLogger,
    baseDelayMs: 1,
  });
  return { transport, secrets, logger: silentLogger, dryRun: false, now: Date.now };
}

function parse(overrides: Partial<ProviderSettings> = {}): MobpushSettings {
  return mobpush.parse({ token: KEY, secret: SECRET, target: 'all', options: {}, ...overrides });
}

async function requests(settings: Partial<ProviderSettings>, msg = message(), env = environment()) {
  const plans = await mobpush.plan(parse(settings), msg, env);
  const built = await Promise.all(plans.map((plan) => plan.exchange.build(1)));
  return { plans, built, bodies: built.map((request) => JSON.parse(request.body!) as PushBody) };
}

/** The createPush body as the tests read it. */
interface PushBody {
  [key: string]: unknown;
  workno: string;
  source: string;
  appkey: string;
  pushTarget: { [key: string]: unknown; alias?: string[] };
  pushNotify: { [key: string]: unknown; content: string; plats: number[] };
  pushForward?: { [key: string]: unknown; url?: string };
}

function reply(status: number, json: unknown, headers: Record<string, string> = {}): HttpReply {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status, headers: new Headers(headers), text, json: parsed, durationMs: 1 };
}

describe('MobPush signature', () => {
  it('reproduces the signing example of the createPush document', () => {
    const body =
      '{"source":"webapi","appkey":"2f2d7a68f8a40","pushTarget":{"target":1},"pushNotify":{"plats":[1],"content":"推送的内容","type":1}}';
    expect(mobpushSign(body, SECRET)).toBe('eb276f35cf6480169b2d3e2e509db680');
  });

  it('signs exactly the bytes it sends, sends key and never the secret, and registers the sign as a secret', async () => {
    const secrets = new SecretRegistry();
    const { built } = await requests({}, message(), environment(secrets));
    const request = built[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://api.push.mob.com/v3/push/createPush');
    expect(request.headers.key).toBe(KEY);
    expect(request.headers['content-type']).toBe('application/json');
    const expected = createHash('md5')
      .update(request.body! + SECRET)
      .digest('hex');
    expect(request.headers.sign).toBe(expected);
    expect(request.body).not.toContain(SECRET);
    expect(secrets.has(request.headers.sign!)).toBe(true);
    expect(secrets.redactValue(request).headers.sign).toBe('***');
  });

  it('sends the same body and sign on every attempt', async () => {
    const plans = await mobpush.plan(parse(), message(), environment());
    const first = await plans[0]!.exchange.build(1);
    const third = await plans[0]!.exchange.build(3);
    expect(third).toEqual(first);
  });

  it('keeps the endpoint override to scheme, host and port', async () => {
    const { built } = await requests({ endpoint: 'https://127.0.0.1:8443' });
    expect(built[0]!.url).toBe('https://127.0.0.1:8443/v3/push/createPush');
  });
});

describe('MobPush targets', () => {
  it.each([
    ['all', { target: 1 }],
    ['alias:a,b', { target: 2, alias: ['a', 'b'] }],
    ['tags:x,y', { target: 3, tags: ['x', 'y'], tagsType: 1 }],
    ['tags-all:x,y', { target: 3, tags: ['x', 'y'], tagsType: 2 }],
    ['rid:c262bac10d05ec1c9b04126d', { target: 4, rids: ['c262bac10d05ec1c9b04126d'] }],
    ['city:上海市', { target: 5, city: '上海市' }],
    ['province:浙江省', { target: 5, province: '浙江省' }],
    ['country:中国', { target: 5, country: '中国' }],
    ['fileid:f-123', { target: 14, fileId: 'f-123' }],
  ])('%s → pushTarget %j', async (target, pushTarget) => {
    const { bodies, plans } = await requests({ target });
    expect(bodies[0]!.pushTarget).toEqual(pushTarget);
    expect(plans[0]!.target).toBe(target);
  });

  it('splits 2500 aliases into three pushes of at most 1000, each with its own workno and label', async () => {
    const aliases = Array.from({ length: 2500 }, (_, i) => `user${i}`);
    const { plans, bodies } = await requests({ target: `alias:${aliases.join(',')}` });
    expect(plans.map((plan) => plan.target)).toEqual([
      'alias:2500 aliases (batch 1/3)',
      'alias:2500 aliases (batch 2/3)',
      'alias:2500 aliases (batch 3/3)',
    ]);
    expect(bodies.map((body) => body.pushTarget.alias!.length)).toEqual([1000, 1000, 500]);
    expect(bodies.flatMap((body) => body.pushTarget.alias!)).toEqual(aliases);
    expect(new Set(bodies.map((body) => body.workno)).size).toBe(3);
    expect(plans.map((plan) => plan.idempotencyKey)).toEqual(bodies.map((body) => body.workno));
  });

  it('plans one push per target line', async () => {
    const { plans } = await requests({ target: 'alias:a\nrid:r1' });
    expect(plans.map((plan) => plan.target)).toEqual(['alias:a', 'rid:r1']);
  });

  it.each([
    ['', 'is required'],
    ['group:ops', 'is not a MobPush target'],
    ['alias:', 'names nobody'],
    ['alias:a,,b', 'empty entry'],
    [`alias:${'长'.repeat(14)}`, 'longer than MobPush allows'],
    [`tags-all:${Array.from({ length: 101 }, (_, i) => `t${i}`).join(',')}`, 'intersection'],
    ['all\nALL', 'one broadcast a minute'],
    ['rid:a b', 'malformed'],
  ])('rejects target %j', (target, problem) => {
    expect(() => parse({ target })).toThrow(ConfigError);
    expect(() => parse({ target })).toThrow(problem);
  });

  it('takes the target from options.pushTarget when `target` is empty (e.g. pushAreas)', async () => {
    const pushAreas = { countries: [{ country: '中国', provinces: [{ province: '浙江省', cities: ['杭州市'] }] }] };
    const { bodies } = await requests({ target: '', options: { pushTarget: { target: 9, pushAreas } } });
    expect(bodies[0]!.pushTarget).toEqual({ target: 9, pushAreas });
  });
});

describe('MobPush workno', () => {
  it('is 32 hex characters, stable for the same run, target and message, different otherwise', async () => {
    const workno = async (ctx: CiContext, target = 'alias:a', msg?: Message) =>
      (await requests({ target }, msg ?? message(ctx))).bodies[0]!.workno;
    const base = await workno(context);
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    expect(await workno(context)).toBe(base);
    expect(await workno({ ...context, runAttempt: '2' })).not.toBe(base);
    expect(await workno({ ...context, runId: '43' })).not.toBe(base);
    expect(await workno(context, 'alias:b')).not.toBe(base);
    expect(await workno(context, 'alias:a', createMessage('Deployed', 'other text', context))).not.toBe(base);
  });

  it('uses options.workno, suffixed per push when there are several', async () => {
    expect((await requests({ options: { workno: 'rel-230' } })).bodies[0]!.workno).toBe('rel-230');
    const { bodies } = await requests({ target: 'alias:a\nalias:b', options: { workno: 'rel-230' } });
    expect(bodies.map((body) => body.workno)).toEqual(['rel-230-1', 'rel-230-2']);
  });
});

describe('MobPush channel, format and content', () => {
  it.each([
    ['android', [1]],
    ['ios', [2]],
    ['android,ios', [1, 2]],
    ['', [1, 2]],
  ])('channel %j → plats %j', async (channel, plats) => {
    expect((await requests({ channel })).bodies[0]!.pushNotify.plats).toEqual(plats);
  });

  it('rejects an unknown platform naming `channel`', () => {
    expect(() => parse({ channel: 'harmony' })).toThrow(/Invalid input 'channel'.*Expected/);
  });

  it('sends a notification (type 1) with plain-text title and content and opens the run link', async () => {
    const { bodies } = await requests({});
    const body = bodies[0]!;
    expect(body.source).toBe('webapi');
    expect(body.appkey).toBe(KEY);
    expect(body.pushNotify).toMatchObject({ type: 1, title: 'Build failed: CI on main' });
    expect(body.pushNotify.content).toContain('CI failed on main');
    expect(body.pushNotify.content).not.toContain('**');
    expect(body.pushForward).toEqual({ nextType: 1, url: 'https://github.com/octo-org/hello-world/actions/runs/42' });
  });

  it('opens the release page for a release', async () => {
    const release = {
      ...context,
      eventName: 'release',
      release: { tag: 'v2.3.0', url: 'https://github.com/o/r/releases/v2.3.0' },
    };
    const { bodies } = await requests({}, message(release));
    expect(bodies[0]!.pushForward?.url).toBe('https://github.com/o/r/releases/v2.3.0');
  });

  it('sends a custom (pass-through) message as type 2', async () => {
    const { bodies } = await requests({ format: 'custom' });
    expect(bodies[0]!.pushNotify).toMatchObject({ type: 2, customNotify: { customType: 'text' } });
  });

  it('rejects an unknown format naming `format`', () => {
    expect(() => parse({ format: 'markdown' })).toThrow(/Invalid input 'format'/);
  });

  it('keeps content within the declared byte limit, with a visible truncation marker', async () => {
    const long = createMessage('T', `${'长'.repeat(5000)}`, context);
    const { bodies } = await requests({}, long);
    const limit = mobpush.limits('notification').body;
    expect(Buffer.byteLength(bodies[0]!.pushNotify.content)).toBeLessThanOrEqual(limit.max);
    expect(bodies[0]!.pushNotify.content).toContain('truncated');
  });

  it('requires token and secret, naming them', () => {
    expect(() => parse({ token: '' })).toThrow(/Invalid input 'token'/);
    expect(() => parse({ secret: undefined })).toThrow(/Invalid input 'secret'/);
    expect(() => parse({ token: 'has space' })).toThrow(/Invalid input 'token'/);
  });
});

describe('MobPush options', () => {
  it('deep-merges every object of the createPush document into the body', async () => {
    const options = {
      pushTarget: { appPackages: ['com.example.app'] },
      pushNotify: {
        iosProduction: 0,
        offlineSeconds: 3600,
        policy: 3,
        speed: 100,
        skipOnline: 1,
        skipFactory: 0,
        extrasMapList: [{ key: 'build', value: '42' }],
        androidNotify: { style: 1, warn: '12', androidChannelId: 'ci', customStyle: { styleNo: 2 } },
        iosNotify: { badge: 1, badgeType: 1, sound: 'default', subtitle: 'CI', mutableContent: 0 },
      },
      pushOperator: { dropType: 1, dropId: 'abc' },
      pushForward: { nextType: 2, scheme: 'mlink://com.example.app', schemeDataList: [{ key: 'k', value: 'v' }] },
      pushCallback: { url: 'https://example.com/cb', params: { run: '42' } },
      pushFactoryExtra: {
        huaweiExtra: { importance: 'NORMAL', category: 'WORK' },
        xiaomiExtra: { channelId: 'x' },
        oppoExtra: { channelId: 'o' },
        vivoExtra: { classification: 1, category: 'TODO' },
      },
      userExtra: { pushWorkDesc: 'nightly', activityTask: 1, activityWorkId: 'act-1' },
      groupId: 'ab-1',
    };
    const { bodies } = await requests({ target: 'alias:a', options });
    const body = bodies[0]!;
    expect(body.pushTarget).toEqual({ target: 2, alias: ['a'], appPackages: ['com.example.app'] });
    expect(body.pushNotify).toMatchObject({ ...options.pushNotify, type: 1, plats: [1, 2] });
    expect(body.pushNotify.content).toContain('CI failed');
    expect(body.pushOperator).toEqual(options.pushOperator);
    // Another tap action replaces the default link instead of merging into it.
    expect(body.pushForward).toEqual(options.pushForward);
    expect(body.pushCallback).toEqual(options.pushCallback);
    expect(body.pushFactoryExtra).toEqual(options.pushFactoryExtra);
    expect(body.userExtra).toEqual(options.userExtra);
    expect(body.groupId).toBe('ab-1');
  });

  it('sends androidNotify and iosNotify inside pushNotify, where createPush nests them, even when written at the top', async () => {
    const { bodies } = await requests({
      options: {
        androidNotify: { style: 1, warn: '12' },
        iosNotify: { badge: 1, badgeType: 1 },
        pushNotify: { androidNotify: { warn: '1' }, offlineSeconds: 60 },
      },
    });
    const body = bodies[0]!;
    expect(body.androidNotify).toBeUndefined();
    expect(body.iosNotify).toBeUndefined();
    expect(body.pushNotify).toMatchObject({
      offlineSeconds: 60,
      androidNotify: { style: 1, warn: '1' },
      iosNotify: { badge: 1, badgeType: 1 },
    });
    expect(() => parse({ options: { androidNotify: { style: 9 } } })).toThrow(/pushNotify\.androidNotify\.style/);
  });

  it('schedules with taskCron and taskTime', async () => {
    const taskTime = Date.now() + 3_600_000;
    const { bodies } = await requests({ options: { pushNotify: { taskCron: 1, taskTime } } });
    expect(bodies[0]!.pushNotify).toMatchObject({ taskCron: 1, taskTime });
  });

  it('drops a default with null', async () => {
    const { bodies } = await requests({ options: { pushForward: null } });
    expect(bodies[0]).not.toHaveProperty('pushForward');
  });

  it.each([
    [{ pushNotify: { policy: 7 } }, 'pushNotify.policy'],
    [{ pushNotify: { iosProduction: 2 } }, 'pushNotify.iosProduction'],
    [{ pushNotify: { offlineSeconds: -1 } }, 'pushNotify.offlineSeconds'],
    [{ pushNotify: { taskCron: 1 } }, 'pushNotify.taskTime'],
    [{ pushNotify: { plats: [3] } }, 'pushNotify.plats'],
    [{ pushNotify: { extrasMapList: { key: 'a' } } }, 'pushNotify.extrasMapList'],
    [{ pushNotify: { androidNotify: { style: 9 } } }, 'pushNotify.androidNotify.style'],
    [{ pushNotify: { androidNotify: { warn: '4' } } }, 'pushNotify.androidNotify.warn'],
    [{ pushNotify: { iosNotify: { badgeType: 1, badge: -1 } } }, 'pushNotify.iosNotify.badge'],
    [{ pushForward: { nextType: 2 } }, 'pushForward.scheme'],
    [{ pushForward: { nextType: 1 } }, 'pushForward.url'],
    [{ pushCallback: { url: 'ftp://x' } }, 'pushCallback.url'],
    [{ pushOperator: { dropType: 1 } }, 'pushOperator.dropId'],
    [{ pushFactoryExtra: { huaweiExtra: { importance: 'HIGH' } } }, 'pushFactoryExtra.huaweiExtra.importance'],
    [{ pushFactoryExtra: { vivoExtra: { category: 'im' } } }, 'pushFactoryExtra.vivoExtra.category'],
    [{ userExtra: { activityTask: 1, activityWorkId: 'x'.repeat(21) } }, 'userExtra.activityWorkId'],
    [{ appkey: 'other' }, 'appkey'],
    [{ source: 'sdkapi' }, 'source'],
    [{ workno: 'has space' }, 'workno'],
    [{ pushTarget: { target: 9 } }, 'pushTarget.pushAreas'],
  ])('rejects %j naming options and %s', (options, path) => {
    expect(() => parse({ options })).toThrow(ConfigError);
    expect(() => parse({ options })).toThrow(
      new RegExp(`Invalid input 'options': ${path.replace(/\./g, '\\.')} .*Expected`),
    );
  });

  it('rejects a scheduled time in the past at plan time, before any request', async () => {
    const settings = parse({ options: { pushNotify: { taskCron: 1, taskTime: 1594277916000 } } });
    expect(() => mobpush.plan(settings, message(), environment())).toThrow(/pushNotify\.taskTime/);
  });
});

describe('MobPush replies', () => {
  it('reads status 200 with res.batchId as success', () => {
    const verdict = interpretPush(
      reply(200, { status: 200, res: { batchId: '4bp4tw9ttc06xgch6o', fetched: null }, error: null }),
      1,
      'w',
    );
    expect(verdict).toEqual({ ok: true, id: '4bp4tw9ttc06xgch6o', code: 200 });
  });

  it('counts 5408 on a retry as delivered, and as a failure with a hint on the first attempt', () => {
    const exists = reply(200, { status: 5408, res: null, error: 'workno已经存在' });
    expect(interpretPush(exists, 2, 'abc')).toMatchObject({ ok: true, code: 5408 });
    const first = interpretPush(exists, 1, 'abc');
    expect(first).toMatchObject({ ok: false, code: 5408, retry: 'never' });
    expect(first.ok === false && first.hint).toContain('options.workno');
  });

  it.each([4103, 4314, 4810, 5004, 5501])('retries throttle/busy code %i', (status) => {
    expect(interpretPush(reply(200, { status, res: null, error: '请求过于频繁' }), 1, 'w')).toMatchObject({
      ok: false,
      code: status,
      retry: 'safe',
    });
  });

  it.each([
    [5412, 'AppSecret wrong', '`secret`'],
    [5801, 'data validation failed', '`secret`'],
    [4801, 'IP', "runner's IP"],
    [4839, 'AppKey wrong', '`token`'],
    [4523, 'more than 1000 aliases', '`target`'],
  ])('never retries configuration code %i and explains it', (status, meaning, hint) => {
    const verdict = interpretPush(reply(200, { status, res: null, error: '错误' }), 1, 'w');
    expect(verdict).toMatchObject({ ok: false, code: status, retry: 'never' });
    if (verdict.ok) throw new Error('expected failure');
    expect(verdict.message).toContain(`MobPush error ${status}`);
    expect(verdict.message).toContain(meaning);
    expect(verdict.message).toContain('错误');
    expect(verdict.hint).toContain(hint);
  });

  // Every code of the 返回码 table of MobPush's 创建推送 document
  // (https://www.mob.com/wiki/detailed?wiki=234&id=136), so no reply code from MobPush is reported as "unknown code".
  const DOCUMENTED_CODES = [
    4001, 4002, 4003, 4004, 4005, 4006, 4007, 4008, 4009, 4010, 4011, 4012, 4013, 4014, 4015, 4016, 4017, 4018, 4019,
    4101, 4102, 4103, 4104, 4105, 4201, 4301, 4302, 4303, 4304, 4305, 4306, 4307, 4314, 4308, 4309, 4310, 4311, 4312,
    4313, 4315, 4316, 4317, 4318, 4319, 4320, 4321, 4322, 4501, 4502, 4503, 4504, 4505, 4506, 4507, 4508, 4509, 4510,
    4511, 4512, 4513, 4514, 4515, 4516, 4517, 4518, 4519, 4520, 4521, 4522, 4523, 4524, 4525, 4526, 4527, 4528, 4529,
    4531, 4532, 4533, 4540, 4541, 4543, 4544, 4551, 4552, 4553, 4554, 4555, 4556, 4557, 4558, 4559, 4560, 4561, 4562,
    4563, 5001, 5002, 5003, 5004, 5005, 5006, 5101, 5301, 5302, 5403, 5404, 5405, 5406, 5408, 5409, 5411, 5412, 5488,
    5499, 5501, 4800, 4801, 4802, 4803, 4804, 4805, 4806, 4807, 4809, 4810, 4811, 4812, 4813, 4814, 4815, 4816, 4817,
    4818, 4819, 4820, 4821, 4822, 4823, 4824, 4825, 4826, 4827, 4828, 4839, 4033,
  ];
  it.each(DOCUMENTED_CODES)('explains documented code %i with its meaning', (status) => {
    const verdict = interpretPush(reply(200, { status, res: null, error: '错误' }), 1, 'w');
    if (verdict.ok) throw new Error('expected failure');
    expect(verdict.message).toContain(`MobPush error ${status} (`);
    expect(verdict.message).not.toContain('unknown code');
  });

  it('retries HTTP 429 and 5xx, honouring Retry-After', () => {
    expect(interpretPush(reply(429, 'slow down', { 'retry-after': '2' }), 1, 'w')).toMatchObject({
      ok: false,
      retry: 'safe',
      retryAfterMs: 2000,
    });
    expect(interpretPush(reply(503, '<html>busy</html>'), 1, 'w')).toMatchObject({
      ok: false,
      code: 503,
      retry: 'ambiguous',
    });
    expect(interpretPush(reply(502, { status: 5001, res: null, error: 'x' }), 1, 'w')).toMatchObject({
      ok: false,
      code: 5001,
      retry: 'safe',
    });
  });

  it('treats a JSON status 200 inside an HTTP error as the HTTP failure', () => {
    expect(interpretPush(reply(502, { status: 200, res: { batchId: 'x' } }), 1, 'w')).toMatchObject({
      ok: false,
      code: 502,
      retry: 'ambiguous',
    });
  });

  it('treats a non-JSON 200 as a failure, not success', () => {
    expect(interpretPush(reply(200, '<html>portal</html>'), 1, 'w')).toMatchObject({ ok: false, retry: 'never' });
  });
});

describe('MobPush track() against the fake', () => {
  let fake: ReturnType<typeof fakeMobpush>;
  let taskCodes: number[] = [2];
  beforeEach(async () => {
    taskCodes = [2];
    fake = fakeMobpush({
      apps: { [KEY]: SECRET },
      get taskCodes() {
        return taskCodes;
      },
    });
    await fake.start();
  });
  afterEach(() => fake.stop());

  async function send(env: PlanEnvironment): Promise<{ settings: MobpushSettings; plan: DeliveryPlan; id?: string }> {
    const settings = parse({ endpoint: fake.url, target: 'alias:tester' });
    const [plan] = await mobpush.plan(settings, message(), env);
    const outcome = await env.transport.exchange(plan!.exchange);
    return { settings, plan: plan!, id: outcome.verdict.id };
  }

  it.each([
    [[2], 'delivered', '已下发'],
    [[4], 'delivered', '推送完成'],
    [[3], 'failed', '下发失败'],
    [[6], 'failed', '已撤回'],
    [[1], 'pending', '未开始'],
  ])('task codes %j → %s', async (codes, state, text) => {
    taskCodes = codes;
    const env = environment();
    const { settings, plan, id } = await send(env);
    const tracked = await mobpush.track!(
      settings,
      { target: plan.target, id, idempotencyKey: plan.idempotencyKey },
      env,
    );
    expect(tracked.state).toBe(state);
    expect(tracked.message).toContain(text);
    const lookups = fake.requests.slice(1);
    expect(lookups.map((request) => request.path)).toEqual(['/v3/push/getByWorkno', '/v3/push/getWorkStatus']);
    expect(lookups[0]!.json).toEqual({ appkey: KEY, workno: plan.idempotencyKey });
    expect(lookups[1]!.json).toEqual({ appkey: KEY, workId: id });
  });

  it('moves from pending to delivered across polls', async () => {
    taskCodes = [1, 2];
    const env = environment();
    const { settings, plan, id } = await send(env);
    const handle = { target: plan.target, id, idempotencyKey: plan.idempotencyKey };
    expect((await mobpush.track!(settings, handle, env)).state).toBe('pending');
    expect((await mobpush.track!(settings, handle, env)).state).toBe('delivered');
  });

  it('finds the task by workno alone (a 5408 retry has no batchId)', async () => {
    const env = environment();
    const { settings, plan } = await send(env);
    const tracked = await mobpush.track!(settings, { target: plan.target, idempotencyKey: plan.idempotencyKey }, env);
    expect(tracked.state).toBe('delivered');
  });

  it('stays pending when MobPush has no such task yet', async () => {
    const env = environment();
    const settings = parse({ endpoint: fake.url, target: 'alias:tester' });
    const tracked = await mobpush.track!(settings, { target: 'alias:tester', idempotencyKey: 'nope' }, env);
    expect(tracked).toEqual({ state: 'pending', message: 'MobPush has no task for this workno yet' });
  });

  it('throws the provider error for a bad credential', async () => {
    const env = environment();
    const settings = parse({ endpoint: fake.url, secret: 'wrongsecretwrongsecret' });
    await expect(mobpush.track!(settings, { target: 'all', idempotencyKey: 'w' }, env)).rejects.toThrow(ProviderError);
  });

  it('reads a state carried by the getByWorkno reply itself', () => {
    expect(taskStateOf({ status: 200, res: { workno: 'w', status: 3 } })).toMatchObject({ state: 'failed' });
    expect(taskStateOf({ status: 200, res: '推送完成', code: 4 })).toMatchObject({ state: 'delivered' });
    expect(taskStateOf({ status: 200, res: '已下发', code: -2 })).toMatchObject({ state: 'delivered' });
    expect(taskStateOf({ status: 200, res: { workno: 'w', pushNotify: {} } })).toBeUndefined();
  });
});

describe('the MobPush fake checks the sign over the bytes it received', () => {
  let fake: ReturnType<typeof fakeMobpush>;
  beforeEach(async () => {
    fake = fakeMobpush({ apps: { [KEY]: SECRET } });
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('rejects a body re-serialized after signing with the documented error shape, accepts the signed bytes', async () => {
    const body = JSON.stringify({
      source: 'webapi',
      appkey: KEY,
      pushTarget: { target: 1 },
      pushNotify: { plats: [1], content: 'x', type: 1 },
    });
    const sign = mobpushSign(body, SECRET);
    const post = async (text: string) => {
      const response = await fetch(`${fake.url}/v3/push/createPush`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', key: KEY, sign },
        body: text,
      });
      return (await response.json()) as Record<string, unknown>;
    };
    expect(await post(JSON.stringify(JSON.parse(body), null, 1))).toEqual({
      status: 5801,
      res: null,
      error: '数据校验失败',
    });
    expect(await post(body)).toMatchObject({ status: 200, res: { batchId: expect.any(String) }, error: null });
    expect(fake.pushes).toHaveLength(1);
  });
});
