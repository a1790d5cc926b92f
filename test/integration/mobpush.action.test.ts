import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeMobpush, type FakeMobpushOptions } from '../fakes/mobpush.js';
import { runAction, type ActionRun, linesBesidesMasks, resultsOf } from '../helpers/run-action.js';

const KEY = '2f2d7a68f8a40';
const SECRET = '9abee316611dd24f607feb9f2c496338';
const RUN_URL = 'https://github.com/octo-org/hello-world/actions/runs/9876543210';

interface Result {
  target: string;
  ok: boolean;
  id?: string;
  code?: number;
  message?: string;
  attempts: number;
}

let fake: ReturnType<typeof fakeMobpush> | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function start(options: Partial<FakeMobpushOptions> = {}) {
  fake = fakeMobpush({ apps: { [KEY]: SECRET }, ...options });
  await fake.start();
  return fake;
}

async function run(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: {
      locale: 'en',
      provider: 'mobpush',
      token: KEY,
      secret: SECRET,
      endpoint: fake!.url,
      status: 'failure',
      ...inputs,
    },
  });
}

describe('MobPush through node dist/index.js', () => {
  it('broadcasts a signed push and reports the batchId', async () => {
    const server = await start();
    const result = await run({ target: 'all', retries: '0' });
    expect(result.code, result.stdout).toBe(0);
    expect(server.pushes).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.path).toBe('/v3/push/createPush');
    expect(request!.headers.key).toBe(KEY);
    expect(request!.headers.sign).toBe(
      createHash('md5')
        .update(request!.body + SECRET)
        .digest('hex'),
    );
    const body = server.pushes[0]!.body as Record<string, Record<string, unknown>>;
    expect(body).toMatchObject({ source: 'webapi', appkey: KEY, pushTarget: { target: 1 } });
    expect(body.pushNotify).toMatchObject({ plats: [1, 2], type: 1 });
    expect(String(body.pushNotify!.title)).toContain('Failed');
    expect(String(body.pushNotify!.content)).toContain('Fix the flaky login test');
    expect(body.pushForward).toEqual({ nextType: 1, url: RUN_URL });
    expect(server.pushes[0]!.workno).toMatch(/^[0-9a-f]{32}$/);
    expect(result.outputs.status).toBe('success');
    expect(result.outputs['message-id']).toBe(server.pushes[0]!.batchId);
    expect(resultsOf<Result>(result)).toEqual([
      expect.objectContaining({ target: 'all', ok: true, attempts: 1, code: 200 }),
    ]);
    expect(linesBesidesMasks(result).join('\n')).not.toContain(SECRET);
    expect(linesBesidesMasks(result).join('\n')).not.toContain(request!.headers.sign as string);
  });

  it.each([
    ['alias:tester1,tester2', { target: 2, alias: ['tester1', 'tester2'] }],
    ['tags:beta,qa', { target: 3, tags: ['beta', 'qa'], tagsType: 1 }],
    ['tags-all:beta,qa', { target: 3, tags: ['beta', 'qa'], tagsType: 2 }],
    ['rid:c262bac10d05ec1c9b04126d', { target: 4, rids: ['c262bac10d05ec1c9b04126d'] }],
    ['city:上海市', { target: 5, city: '上海市' }],
    ['fileid:f123', { target: 14, fileId: 'f123' }],
  ])('pushes to %s', async (target, pushTarget) => {
    const server = await start();
    const result = await run({ target, channel: 'android', retries: '0' });
    expect(result.code, result.stdout).toBe(0);
    expect(server.pushes).toHaveLength(1);
    expect(server.pushes[0]!.body.pushTarget).toEqual(pushTarget);
    expect(server.pushes[0]!.body.pushNotify).toMatchObject({ plats: [1] });
    expect(resultsOf<Result>(result)[0]).toMatchObject({ target, ok: true });
  });

  it('fans 2500 aliases out into three pushes of at most 1000', async () => {
    const server = await start();
    const aliases = Array.from({ length: 2500 }, (_, i) => `tester${i}`);
    const result = await run({ target: `alias:${aliases.join(',')}`, retries: '0' });
    expect(result.code, result.stdout).toBe(0);
    expect(server.pushes).toHaveLength(3);
    const sent = server.pushes.map((push) => (push.body.pushTarget as { alias: string[] }).alias);
    expect(sent.map((batch) => batch.length).sort()).toEqual([1000, 1000, 500]);
    expect(new Set(sent.flat())).toEqual(new Set(aliases));
    expect(new Set(server.pushes.map((push) => push.workno)).size).toBe(3);
    expect(resultsOf<Result>(result).map((item) => item.target)).toEqual([
      'alias:2500 aliases (batch 1/3)',
      'alias:2500 aliases (batch 2/3)',
      'alias:2500 aliases (batch 3/3)',
    ]);
    expect(resultsOf<Result>(result).every((item) => item.ok)).toBe(true);
  });

  it('fans 250 tags out into pushes of at most 100 (MobPush refuses more with 4525)', async () => {
    const server = await start();
    const tags = Array.from({ length: 250 }, (_, i) => `tag${i}`);
    const result = await run({ target: `tags:${tags.join(',')}`, retries: '0' });
    expect(result.code, result.stdout).toBe(0);
    const sent = server.pushes.map((push) => (push.body.pushTarget as { tags: string[] }).tags);
    expect(sent.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(new Set(sent.flat())).toEqual(new Set(tags));
    expect(resultsOf<Result>(result).every((item) => item.ok)).toBe(true);
  });

  it('refuses tags-all with more than 100 tags before any request (an intersection cannot be split)', async () => {
    const server = await start();
    const tags = Array.from({ length: 101 }, (_, i) => `tag${i}`);
    const result = await run({ target: `tags-all:${tags.join(',')}` });
    expect(result.code).toBe(1);
    expect(server.requests).toHaveLength(0);
    expect(result.stdout).toContain('at most 100 tags');
  });

  it('refuses two broadcasts in one run: MobPush takes one a minute', async () => {
    const server = await start();
    const result = await run({ target: 'all\nall' });
    expect(result.code).toBe(1);
    expect(server.requests).toHaveLength(0);
    expect(result.stdout).toContain('one broadcast a minute');
  });

  it('a refused broadcast (daily cap reached) names the cap and fails at once when the deadline is short', async () => {
    const server = await start({ broadcastsToday: 100 });
    const result = await run({ target: 'all', retries: '3', deadline: '30' });
    expect(result.code).toBe(1);
    expect(server.requests).toHaveLength(1);
    const [item] = resultsOf<Result>(result);
    expect(item).toMatchObject({ ok: false, code: 4103, attempts: 1 });
    expect(item!.message).toContain('past the deadline');
    expect(result.stdout).toContain('100 a day');
  });

  it.each([5001, 4201, 5301])('retries transient code %i with the same workno and delivers once', async (status) => {
    const server = await start({ throttle: { times: 1, status } });
    const result = await run({ target: 'alias:tester1', retries: '2' });
    expect(result.code, result.stdout).toBe(0);
    expect(server.pushes).toHaveLength(1);
    const creates = server.requests.filter((request) => request.path === '/v3/push/createPush');
    expect(creates).toHaveLength(2);
    expect(creates[0]!.body).toBe(creates[1]!.body);
    expect(resultsOf<Result>(result)).toEqual([expect.objectContaining({ ok: true, attempts: 2, code: 200 })]);
  });

  it('retries after a dropped connection and still records exactly one push', async () => {
    const server = await start({ dropAfterRecord: 1 });
    const result = await run({ target: 'alias:tester1', retries: '2' });
    expect(result.code, result.stdout).toBe(0);
    expect(server.requests.filter((request) => request.path === '/v3/push/createPush')).toHaveLength(2);
    expect(server.pushes).toHaveLength(1);
    expect(server.requests[0]!.body).toBe(server.requests[1]!.body);
    expect(resultsOf<Result>(result)).toEqual([expect.objectContaining({ ok: true, attempts: 2, code: 5408 })]);
    expect(result.outputs.status).toBe('success');
  });

  it.each([
    ['MobPush 4810', { times: 1, status: 4810 }],
    ['MobPush 4103', { times: 1, status: 4103 }],
    ['HTTP 503', { times: 1, httpStatus: 503 }],
    ['HTTP 429', { times: 1, httpStatus: 429 }],
  ])('retries a throttle (%s) and then delivers once', async (_name, throttle) => {
    const server = await start({ throttle });
    const result = await run({ target: 'alias:tester1', retries: '2' });
    expect(result.code, result.stdout).toBe(0);
    expect(server.pushes).toHaveLength(1);
    expect(resultsOf<Result>(result)).toEqual([expect.objectContaining({ ok: true, attempts: 2, code: 200 })]);
  });

  it('gives up on a throttle after the retry budget, with the code and its meaning', async () => {
    const server = await start({ throttle: { times: 10, status: 4314 } });
    const result = await run({ target: 'alias:tester1', retries: '1' });
    expect(result.code).toBe(1);
    expect(server.pushes).toHaveLength(0);
    expect(server.requests).toHaveLength(2);
    const [item] = resultsOf<Result>(result);
    expect(item).toMatchObject({ ok: false, code: 4314, attempts: 2 });
    expect(item!.message).toContain('too many requests');
    expect(result.outputs.status).toBe('failure');
  });

  it('fails a wrong AppSecret once (the fake rejects the sign), without retrying, with a hint', async () => {
    const server = await start();
    const result = await run({ target: 'all', secret: 'ffffffffffffffffffffffffffffffff', retries: '3' });
    expect(result.code).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(server.pushes).toHaveLength(0);
    const [item] = resultsOf<Result>(result);
    expect(item).toMatchObject({ ok: false, code: 5801, attempts: 1 });
    expect(item!.message).toContain('数据校验失败');
    expect(item!.message).toContain('`secret`');
    expect(result.stdout).toContain('::error::');
    expect(JSON.parse(result.outputs.response!)).toMatchObject({ status: 5801, res: null });
  });

  it.each([
    [4801, '请求IP不匹配或者未设置', "runner's IP"],
    [5412, 'AppSecret秘钥错误', '`secret`'],
    [4802, '应用未开启MobPush产品或者被禁用', 'enable MobPush'],
    [5409, '无推送目标设备', '`target`'],
  ])('never retries business code %i', async (status, error, hint) => {
    const server = await start({ failWith: { status, error } });
    const result = await run({ target: 'alias:tester1', retries: '3' });
    expect(result.code).toBe(1);
    expect(server.requests).toHaveLength(1);
    const [item] = resultsOf<Result>(result);
    expect(item).toMatchObject({ ok: false, code: status, attempts: 1 });
    expect(item!.message).toContain(`MobPush error ${status}`);
    expect(item!.message).toContain(error);
    expect(item!.message).toContain(hint);
  });

  it('reports 5408 on a first attempt as a failure: the same run already pushed this message', async () => {
    const server = await start();
    const first = await run({ target: 'alias:tester1', retries: '0' });
    expect(first.code).toBe(0);
    const second = await run({ target: 'alias:tester1', retries: '0' });
    expect(second.code).toBe(1);
    expect(server.pushes).toHaveLength(1);
    expect(resultsOf<Result>(second)[0]).toMatchObject({ ok: false, code: 5408, attempts: 1 });
    expect(resultsOf<Result>(second)[0]!.message).toContain('options.workno');
  });

  it('merges options into the body and validates them before any request', async () => {
    const server = await start();
    const ok = await run({
      target: 'alias:tester1',
      format: 'custom',
      options: JSON.stringify({
        pushNotify: { iosProduction: 0, offlineSeconds: 3600, extrasMapList: [{ key: 'run', value: '42' }] },
        pushCallback: { url: 'https://example.com/cb' },
        groupId: 'ab',
      }),
    });
    expect(ok.code, ok.stdout).toBe(0);
    expect(server.pushes[0]!.body).toMatchObject({
      pushNotify: { type: 2, iosProduction: 0, offlineSeconds: 3600, extrasMapList: [{ key: 'run', value: '42' }] },
      pushCallback: { url: 'https://example.com/cb' },
      groupId: 'ab',
    });
    const bad = await run({ target: 'alias:tester1', options: '{"pushNotify": {"policy": 9}}' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("::error::Invalid input 'options': pushNotify.policy");
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [{ target: 'group:ops' }, "'target'"],
    [{ target: 'all', secret: '' }, "'secret'"],
    [{ target: 'all', channel: 'harmony' }, "'channel'"],
    [{ target: 'all', format: 'markdown' }, "'format'"],
  ])('bad input %j fails naming %s and sends nothing', async (inputs, name) => {
    const server = await start();
    const result = await run(inputs);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`::error::Invalid input ${name}`);
    expect(server.requests).toHaveLength(0);
  });

  it('dry-run prints the request with the sign and secret masked and sends nothing', async () => {
    const server = await start();
    const result = await run({ target: 'all', 'dry-run': 'true' });
    expect(result.code, result.stdout).toBe(0);
    expect(server.requests).toHaveLength(0);
    expect(result.stdout).toContain(`POST ${server.url}/v3/push/createPush`);
    expect(result.stdout).toContain('sign: ***');
    expect(result.stdout).toMatch(/"workno": "[0-9a-f]{32}"/);
    expect(linesBesidesMasks(result).join('\n')).not.toContain(SECRET);
  });
});
