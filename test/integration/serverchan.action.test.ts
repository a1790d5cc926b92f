import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeServerchan } from '../fakes/serverchan.js';
import { runAction } from '../helpers/run-action.js';

const TURBO = 'SCT123456TAbCdEfGhIjKlMnOpQrStUv';
const SC3 = 'sctp4321tXyZaBcDeFgHiJkLmN';
const RUN_URL = 'https://github.com/octo-org/hello-world/actions/runs/9876543210';

type Result = Record<string, unknown>;
const visible = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
const results = (outputs: Record<string, string>) => JSON.parse(outputs.results!) as Result[];

describe('ServerChan through node dist/index.js', () => {
  let fake: ReturnType<typeof fakeServerchan>;
  beforeEach(async () => {
    fake = fakeServerchan({ keys: [TURBO, SC3] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const run = (inputs: Record<string, string>) =>
    runAction({
      inputs: { locale: 'en', provider: 'serverchan', endpoint: fake.url, status: 'failure', token: TURBO, ...inputs },
    });

  it('sends a Turbo SendKey to /{key}.send with a Markdown desp', async () => {
    const action = await run({});
    expect(action.code, action.stdout).toBe(0);
    expect(fake.requests[0]!.path).toBe(`/${TURBO}.send`);
    const body = fake.accepted[0] as Record<string, string>;
    expect(body.title).toContain('Failed');
    expect([...body.title!].length).toBeLessThanOrEqual(32);
    expect(body.desp).toContain(`(${RUN_URL})`);
    expect(results(action.outputs)[0]).toMatchObject({ provider: 'serverchan', ok: true, attempts: 1 });
    expect(action.outputs['message-id']).toMatch(/^\d+$/);
    expect(visible(action.stdout) + action.outputsRaw + action.summary).not.toContain(TURBO);
  });

  it('routes an SC3 key to /send/{key}.send', async () => {
    const action = await run({ token: SC3 });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.requests[0]!.path).toBe(`/send/${SC3}.send`);
  });

  it('dry-run routes SC3 keys to their own host, key masked', async () => {
    const action = await runAction({
      inputs: { locale: 'en', provider: 'serverchan', token: SC3, status: 'failure', 'dry-run': 'true' },
    });
    expect(action.code, action.stdout).toBe(0);
    expect(action.stdout).toContain('POST https://4321.push.ft07.com/send/***.send');
    expect(visible(action.stdout)).not.toContain(SC3);
  });

  it('accepts the full SendKey URL and passes channel and options through', async () => {
    const action = await run({
      token: `https://sctapi.ftqq.com/${TURBO}.send`,
      channel: '9|66',
      options: JSON.stringify({ noip: 1, openid: 'o1' }),
    });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.accepted[0]).toMatchObject({ channel: '9|66', noip: 1, openid: 'o1' });
  });

  it('refuses a URL on a foreign host without sending anything', async () => {
    const action = await runAction({
      inputs: { locale: 'en', provider: 'serverchan', token: `${fake.url}/${TURBO}.send`, status: 'failure' },
    });
    expect(action.code).toBe(1);
    expect(action.stdout).toContain("::error::Invalid input 'token'");
    expect(fake.requests).toHaveLength(0);
  });

  it('a bad SendKey fails at once with the code', async () => {
    const action = await run({ token: 'SCT999999TNoSuchKeyAtAll', retries: '3' });
    expect(action.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = results(action.outputs);
    expect(result).toMatchObject({ ok: false, code: 40001, attempts: 1 });
    expect(String(result!.message)).toContain('`token`');
  });

  it('duplicate content inside a minute (errno 1024) is a failure, not a success', async () => {
    expect((await run({})).code).toBe(0);
    const again = await run({});
    expect(again.code).toBe(1);
    expect(results(again.outputs)[0]).toMatchObject({ ok: false, code: 1024, attempts: 1 });
  });

  it('HTTP 429 is retried within the budget', async () => {
    fake.setHandler((_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
      response.end(JSON.stringify({ code: 429, message: 'too many requests' }));
    });
    const action = await run({ retries: '1' });
    expect(action.code).toBe(1);
    expect(fake.requests).toHaveLength(2);
    expect(results(action.outputs)[0]).toMatchObject({ ok: false, attempts: 2 });
  });

  it.each([
    [{ target: '@all' }, "'target'"],
    [{ format: 'text' }, "'format'"],
    [{ token: 'not-a-sendkey' }, "'token'"],
    [{ channel: 'wechat' }, "'channel'"],
  ])('bad input %j fails naming %s and sends nothing', async (inputs, name) => {
    const action = await run(inputs);
    expect(action.code).toBe(1);
    expect(action.stdout).toContain(`::error::Invalid input ${name}`);
    expect(fake.requests).toHaveLength(0);
  });
});
