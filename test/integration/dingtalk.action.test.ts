import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeDingtalk } from '../fakes/dingtalk.js';
import { runAction } from '../helpers/run-action.js';

const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const SECRET = 'SEC1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988';
const PLAIN = 'b1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const KEYWORD = 'b2b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const RUN_URL = 'https://github.com/octo-org/hello-world/actions/runs/9876543210';

type Result = Record<string, unknown>;
/** stdout without the runner's masking commands (which name secrets so the runner can hide them). */
const visible = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
const results = (outputs: Record<string, string>) => JSON.parse(outputs.results!) as Result[];

describe('DingTalk through node dist/index.js', () => {
  let fake: ReturnType<typeof fakeDingtalk>;
  beforeEach(async () => {
    fake = fakeDingtalk({
      robots: { [TOKEN]: { secret: SECRET }, [PLAIN]: {}, [KEYWORD]: { keywords: ['构建通知'] } },
    });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const run = (inputs: Record<string, string>) =>
    runAction({ inputs: { locale: 'en', provider: 'dingtalk', endpoint: fake.url, status: 'failure', ...inputs } });

  it('sends signed Markdown with @mobile and @user mentions written into the text', async () => {
    const action = await run({ token: TOKEN, secret: SECRET, target: '@mobile:13800138000, @user:manager01' });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(fake.accepted).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.query.get('access_token')).toBe(TOKEN);
    expect(sent.query.get('timestamp')).toMatch(/^\d{13}$/);
    expect(sent.query.get('sign')).toBeTruthy();
    expect(sent.url).not.toContain(SECRET);
    const body = sent.json as { msgtype: string; markdown: { title: string; text: string }; at: Result };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toContain('Failed');
    expect(body.markdown.text).toContain(RUN_URL);
    expect(body.markdown.text).toContain('@13800138000');
    expect(body.markdown.text).toContain('@manager01');
    expect(body.at).toEqual({ atMobiles: ['13800138000'], atUserIds: ['manager01'], isAtAll: false });
    expect(results(action.outputs)).toEqual([
      expect.objectContaining({ provider: 'dingtalk', ok: true, attempts: 1, code: 0 }),
    ]);
    expect(visible(action.stdout) + action.outputsRaw + action.summary).not.toContain(TOKEN);
  });

  it('sends text with @all', async () => {
    const action = await run({ token: PLAIN, format: 'text', target: '@all' });
    expect(action.code, action.stdout).toBe(0);
    const body = fake.accepted[0] as { msgtype: string; text: { content: string }; at: Result };
    expect(body.msgtype).toBe('text');
    expect(body.text.content).toContain('Fix the flaky login test');
    expect(body.text.content).not.toContain('**');
    expect(body.at).toMatchObject({ isAtAll: true });
  });

  it('sends an actionCard with a button to the run', async () => {
    const action = await run({ token: PLAIN, format: 'card' });
    expect(action.code, action.stdout).toBe(0);
    const body = fake.accepted[0] as { msgtype: string; actionCard: Record<string, string> };
    expect(body.msgtype).toBe('actionCard');
    expect(body.actionCard).toMatchObject({ singleTitle: 'View run', singleURL: RUN_URL });
  });

  it('accepts the full webhook URL as token (the endpoint redirects it to the fake)', async () => {
    const action = await run({ token: `https://oapi.dingtalk.com/robot/send?access_token=${PLAIN}` });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.requests[0]!.query.get('access_token')).toBe(PLAIN);
    expect(visible(action.stdout)).not.toContain(PLAIN);
  });

  it('refuses a webhook URL on a foreign host without sending anything', async () => {
    const action = await runAction({
      inputs: {
        locale: 'en',
        provider: 'dingtalk',
        token: `${fake.url}/robot/send?access_token=${PLAIN}`,
        status: 'failure',
      },
    });
    expect(action.code).toBe(1);
    expect(action.stdout).toContain("::error::Invalid input 'token'");
    expect(action.stdout).toContain('not a DingTalk host');
    expect(fake.requests).toHaveLength(0);
  });

  it('310000 sign mismatch fails at once with the secret/clock hint', async () => {
    const action = await run({ token: TOKEN, secret: 'SECwrongwrongwrongwrongwrong' });
    expect(action.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = results(action.outputs);
    expect(result).toMatchObject({ ok: false, code: 310000, attempts: 1 });
    expect(String(result!.message)).toContain('sign mismatch');
    expect(action.stdout).toContain("check `secret` and the runner's clock");
  });

  it('310000 without a signature on a signed robot is reported as a timestamp/sign problem', async () => {
    const action = await run({ token: TOKEN });
    expect(action.code).toBe(1);
    const [result] = results(action.outputs);
    expect(result).toMatchObject({ ok: false, code: 310000, attempts: 1 });
    expect(String(result!.message)).toContain('timestamp');
  });

  it('310000 keyword missing names the keyword, not the signature', async () => {
    const action = await run({ token: KEYWORD });
    expect(action.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = results(action.outputs);
    expect(result).toMatchObject({ ok: false, code: 310000, attempts: 1 });
    expect(String(result!.message)).toContain('keyword missing');
    expect(String(result!.message)).not.toContain('sign mismatch');
    expect(action.stdout).toContain("the robot's security keyword must appear in the title or template");
  });

  it('310000 IP not in the allow-list is told apart from sign and keyword', async () => {
    await fake.stop();
    fake = fakeDingtalk({ robots: { [PLAIN]: { ipAllowed: false } } });
    await fake.start();
    const action = await run({ token: PLAIN });
    expect(action.code).toBe(1);
    const [result] = results(action.outputs);
    expect(result).toMatchObject({ ok: false, code: 310000, attempts: 1 });
    expect(String(result!.message)).toContain('IP not allowed');
  });

  it('the keyword robot accepts a title that carries the keyword', async () => {
    const action = await run({ token: KEYWORD, title: '构建通知 {{ repository }}' });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.accepted).toHaveLength(1);
  });

  it.each([
    [400101, 'access_token不存在', 'access_token does not exist'],
    [400106, 'robot 不存在', 'robot does not exist'],
  ])('%i fails at once naming token', async (errcode, errmsg, meaning) => {
    fake.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errcode, errmsg }));
    });
    const action = await run({ token: PLAIN, retries: '3' });
    expect(action.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = results(action.outputs);
    expect(result).toMatchObject({ ok: false, code: errcode, attempts: 1 });
    expect(String(result!.message)).toContain(meaning);
    expect(String(result!.message)).toContain('`token`');
  });

  // DingTalk throttles a robot for 10 minutes after 20 messages in a minute (130101, then 410100): retrying within the
  // default deadline (about 100 s) can never succeed, so the run fails on the first reply and says why.
  it.each([130101, 410100])(
    '%i (throttled for 10 minutes) fails at once within the default deadline',
    async (errcode) => {
      fake.setHandler((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ errcode, errmsg: 'send too fast, exceed 20 times per minute' }));
      });
      const started = Date.now();
      const action = await run({ token: PLAIN, retries: '3' });
      expect(action.code).toBe(1);
      expect(fake.requests).toHaveLength(1);
      expect(Date.now() - started).toBeLessThan(20_000);
      const [result] = results(action.outputs);
      expect(result).toMatchObject({ ok: false, code: errcode, attempts: 1 });
      expect(String(result!.message)).toContain('throttled for about 10 minutes');
      expect(String(result!.message)).toContain('past the deadline');
      expect(action.stdout).not.toContain('retrying');
    },
  );

  it('a robot past 20 messages a minute is throttled: the next runs fail at once with 130101, then 410100', async () => {
    const throttling = fakeDingtalk({ robots: { [PLAIN]: {} }, perMinute: 1 });
    await throttling.start();
    try {
      const send = () =>
        runAction({ inputs: { provider: 'dingtalk', endpoint: throttling.url, status: 'failure', token: PLAIN } });
      expect((await send()).code).toBe(0);
      const second = await send();
      expect(second.code).toBe(1);
      expect(results(second.outputs)[0]).toMatchObject({ ok: false, code: 130101, attempts: 1 });
      const third = await send();
      expect(results(third.outputs)[0]).toMatchObject({ ok: false, code: 410100, attempts: 1 });
      expect(third.stdout).toContain('`deadline`');
      expect(throttling.requests).toHaveLength(3);
      expect(throttling.accepted).toHaveLength(1);
    } finally {
      await throttling.stop();
    }
  });

  it('re-signs each attempt', async () => {
    let calls = 0;
    const verifier = fakeDingtalk({ robots: { [TOKEN]: { secret: SECRET } } });
    await verifier.start();
    try {
      verifier.setHandler((_request, response) => {
        calls += 1;
        response.writeHead(calls === 1 ? 503 : 200, { 'content-type': 'application/json' });
        response.end(
          // A 503 (not a throttle code, which now waits 10 minutes) triggers the retry.
          JSON.stringify(calls === 1 ? { errcode: -1, errmsg: 'busy' } : { errcode: 0, errmsg: 'ok' }),
        );
      });
      const action = await runAction({
        inputs: {
          locale: 'en',
          provider: 'dingtalk',
          endpoint: verifier.url,
          token: TOKEN,
          secret: SECRET,
          status: 'failure',
          retries: '1',
        },
      });
      expect(action.code, action.stdout).toBe(0);
      const [first, second] = verifier.requests;
      expect(Number(second!.query.get('timestamp'))).toBeGreaterThan(Number(first!.query.get('timestamp')));
      expect(second!.query.get('sign')).not.toBe(first!.query.get('sign'));
    } finally {
      await verifier.stop();
    }
  });

  it('options reach every message type (feedCard)', async () => {
    const action = await run({
      token: PLAIN,
      options: JSON.stringify({
        msgtype: 'feedCard',
        feedCard: {
          links: [{ title: 'Release', messageURL: 'https://example.com/r', picURL: 'https://example.com/p.png' }],
        },
      }),
    });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.accepted[0]).toMatchObject({ msgtype: 'feedCard', feedCard: { links: [{ title: 'Release' }] } });
  });

  it('dry-run prints the request with the access token and signature masked', async () => {
    const action = await run({
      token: `https://oapi.dingtalk.com/robot/send?access_token=${TOKEN}`,
      secret: SECRET,
      'dry-run': 'true',
    });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.requests).toHaveLength(0);
    // A dry run shows the exact request but its credentials: the timestamp is not one (issue 24).
    expect(action.stdout).toMatch(/access_token=\*\*\*&timestamp=\d{13}&sign=\*\*\*/);
    expect(visible(action.stdout)).not.toContain(TOKEN);
    expect(visible(action.stdout)).not.toContain(SECRET);
  });

  it.each([
    [{ target: '@phone:13800138000' }, "'target'"],
    [{ target: '@mobile:abc' }, "'target'"],
    [{ target: '@user:"><b>' }, "'target'"],
    [{ format: 'card', target: '@all' }, "'target'"],
    [{ format: 'feedcard' }, "'format'"],
  ])('bad input %j fails naming %s and sends nothing', async (inputs, name) => {
    const action = await run({ token: PLAIN, ...inputs });
    expect(action.code).toBe(1);
    expect(action.stdout).toContain(`::error::Invalid input ${name}`);
    expect(fake.requests).toHaveLength(0);
  });
});
