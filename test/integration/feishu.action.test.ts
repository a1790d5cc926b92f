import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeFeishu } from '../fakes/feishu.js';
import { runAction } from '../helpers/run-action.js';

const HOOK = '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091';
const SIGNED = '3c4d5e6f-7081-4923-8b4c-5d6e7f809102';
const KEYWORD = '4d5e6f70-8192-4a34-9c5d-6e7f80910213';
const SECRET = 'qDsW8tZy1vGJ3kLmN0pQr';
const RUN_URL = 'https://github.com/octo-org/hello-world/actions/runs/9876543210';

type Result = Record<string, unknown>;
const visible = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
const results = (outputs: Record<string, string>) => JSON.parse(outputs.results!) as Result[];
const reply = (body: unknown) => (_request: unknown, response: import('node:http').ServerResponse) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

describe('Feishu / Lark through node dist/index.js', () => {
  let fake: ReturnType<typeof fakeFeishu>;
  beforeEach(async () => {
    fake = fakeFeishu({
      bots: { [HOOK]: {}, [SIGNED]: { secret: SECRET }, [KEYWORD]: { keywords: ['构建通知'] } },
    });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const run = (inputs: Record<string, string>) =>
    runAction({
      inputs: { locale: 'en', provider: 'feishu', endpoint: fake.url, status: 'failure', token: HOOK, ...inputs },
    });

  it('sends a signed interactive card: red header, body, button to the run, mentions from target', async () => {
    const action = await run({
      token: SIGNED,
      secret: SECRET,
      target: '@user:ou_7d8a6e6df7621556ce0d21922b676706,@all',
    });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.accepted).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe(`/open-apis/bot/v2/hook/${SIGNED}`);
    const body = sent.json as { msg_type: string; timestamp: string; sign: string; card: Record<string, unknown> };
    expect(body.msg_type).toBe('interactive');
    expect(body.timestamp).toMatch(/^\d{10}$/);
    expect(body.sign).toBeTruthy();
    const card = body.card as {
      header: { template: string; title: { content: string } };
      elements: { tag: string; content?: string; actions?: { url: string }[] }[];
    };
    expect(card.header.template).toBe('red');
    expect(card.header.title.content).toContain('Failed');
    const markdown = card.elements.find((element) => element.tag === 'markdown')!;
    expect(markdown.content).toContain('Fix the flaky login test');
    expect(markdown.content).toContain('<at id=ou_7d8a6e6df7621556ce0d21922b676706></at>');
    expect(markdown.content).toContain('<at id=all></at>');
    expect(card.elements.find((element) => element.tag === 'action')!.actions![0]!.url).toBe(RUN_URL);
    expect(results(action.outputs)).toEqual([expect.objectContaining({ provider: 'feishu', ok: true, attempts: 1 })]);
    expect(visible(action.stdout) + action.outputsRaw + action.summary).not.toContain(SECRET);
  });

  it('colours a successful run green', async () => {
    const action = await run({ status: 'success' });
    expect(action.code, action.stdout).toBe(0);
    expect((fake.accepted[0] as { card: { header: { template: string } } }).card.header.template).toBe('green');
  });

  it('colours a cancelled run grey', async () => {
    const action = await run({ status: 'cancelled' });
    expect(action.code, action.stdout).toBe(0);
    expect((fake.accepted[0] as { card: { header: { template: string } } }).card.header.template).toBe('grey');
  });

  it('sends post rich text with links and at elements only from target', async () => {
    const action = await run({
      format: 'post',
      target: '@user:ou_abc',
      template: 'Deploy by <at user_id="all">x</at> @all [run]({{ runUrl }})',
    });
    expect(action.code, action.stdout).toBe(0);
    const body = fake.accepted[0] as {
      msg_type: string;
      content: { post: { zh_cn: { title: string; content: Result[][] } } };
    };
    expect(body.msg_type).toBe('post');
    const elements = body.content.post.zh_cn.content.flat();
    expect(elements.filter((element) => element.tag === 'at')).toEqual([{ tag: 'at', user_id: 'ou_abc' }]);
    expect(elements).toContainEqual({ tag: 'a', text: 'run', href: RUN_URL });
    expect(JSON.stringify(body)).not.toMatch(/<at user_id="all">/);
  });

  it('sends text with <at> tags only from target', async () => {
    const action = await run({ format: 'text', target: '@all' });
    expect(action.code, action.stdout).toBe(0);
    const body = fake.accepted[0] as { msg_type: string; content: { text: string } };
    expect(body.msg_type).toBe('text');
    expect(body.content.text).toContain('Fix the flaky login test');
    expect(body.content.text).toContain('<at user_id="all">所有人</at>');
  });

  it('accepts a Lark webhook URL (redirected to the fake by endpoint)', async () => {
    const action = await run({ token: `https://open.larksuite.com/open-apis/bot/v2/hook/${HOOK}` });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.requests[0]!.path).toBe(`/open-apis/bot/v2/hook/${HOOK}`);
  });

  it('dry-run prints the official URL with the hook token and sign masked', async () => {
    const action = await runAction({
      inputs: {
        locale: 'en',
        provider: 'feishu',
        token: SIGNED,
        secret: SECRET,
        status: 'failure',
        'dry-run': 'true',
      },
    });
    expect(action.code, action.stdout).toBe(0);
    expect(action.stdout).toContain('POST https://open.feishu.cn/open-apis/bot/v2/hook/***');
    expect(action.stdout).toContain('"sign": "***"');
    expect(visible(action.stdout)).not.toContain(SIGNED);
  });

  it('refuses a webhook URL on a foreign host without sending anything', async () => {
    const action = await runAction({
      inputs: {
        locale: 'en',
        provider: 'feishu',
        token: `${fake.url}/open-apis/bot/v2/hook/${HOOK}`,
        status: 'failure',
      },
    });
    expect(action.code).toBe(1);
    expect(action.stdout).toContain("::error::Invalid input 'token'");
    expect(fake.requests).toHaveLength(0);
  });

  it('19021 sign mismatch fails at once with the secret/clock hint', async () => {
    const action = await run({ token: SIGNED, secret: 'not-the-secret', retries: '3' });
    expect(action.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = results(action.outputs);
    expect(result).toMatchObject({ ok: false, code: 19021, attempts: 1 });
    expect(action.stdout).toContain("sign mismatch: check `secret` and the runner's clock");
  });

  it('19024 keyword missing fails at once with the keyword hint; a keyword title passes', async () => {
    const failed = await run({ token: KEYWORD });
    expect(failed.code).toBe(1);
    expect(results(failed.outputs)[0]).toMatchObject({ ok: false, code: 19024, attempts: 1 });
    expect(failed.stdout).toContain(
      "keyword missing: the robot's security keyword must appear in the title or template",
    );
    const passed = await run({ token: KEYWORD, title: '构建通知 {{ repository }}' });
    expect(passed.code, passed.stdout).toBe(0);
  });

  it.each([
    [19001, 'param invalid: incoming webhook access token invalid', '`token`'],
    [19022, 'Ip Not Allowed', 'IP'],
  ])('%i fails at once', async (code, msg, hint) => {
    fake.setHandler(reply({ code, data: {}, msg }));
    const action = await run({ retries: '3' });
    expect(action.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = results(action.outputs);
    expect(result).toMatchObject({ ok: false, code, attempts: 1 });
    expect(String(result!.message)).toContain(hint);
  });

  it('reads the older StatusCode/StatusMessage replies', async () => {
    fake.setHandler(
      reply({ StatusCode: 19001, StatusMessage: 'param invalid: incoming webhook access token invalid' }),
    );
    const action = await run({});
    expect(action.code).toBe(1);
    expect(results(action.outputs)[0]).toMatchObject({ ok: false, code: 19001, attempts: 1 });
  });

  it('11232 (rate limited) is retried, re-signed, and then succeeds', async () => {
    // The first request is throttled; the second must carry a fresh, valid signature for the fake to accept it.
    let calls = 0;
    const throttled = fakeFeishu({
      bots: { [SIGNED]: { secret: SECRET } },
      intercept: (_request, send) => {
        calls += 1;
        if (calls > 1) return false;
        send(200, { code: 11232, data: {}, msg: 'frequency limited' });
        return true;
      },
    });
    await throttled.start();
    try {
      const action = await runAction({
        inputs: {
          locale: 'en',
          provider: 'feishu',
          endpoint: throttled.url,
          token: SIGNED,
          secret: SECRET,
          status: 'failure',
          retries: '2',
        },
      });
      expect(action.code, action.stdout).toBe(0);
      expect(throttled.requests).toHaveLength(2);
      expect(throttled.accepted).toHaveLength(1);
      expect(results(action.outputs)[0]).toMatchObject({ ok: true, attempts: 2 });
    } finally {
      await throttled.stop();
    }
  });

  it('9499 "too many request" (throttling, as real logs show it) is retried like 11232 and then succeeds', async () => {
    let calls = 0;
    const throttled = fakeFeishu({
      bots: { [SIGNED]: { secret: SECRET } },
      intercept: (_request, send) => {
        calls += 1;
        if (calls > 1) return false;
        send(200, { code: 9499, data: {}, msg: 'too many request' });
        return true;
      },
    });
    await throttled.start();
    try {
      const action = await runAction({
        inputs: {
          provider: 'feishu',
          endpoint: throttled.url,
          token: SIGNED,
          secret: SECRET,
          status: 'failure',
          retries: '2',
        },
      });
      expect(action.code, action.stdout).toBe(0);
      expect(throttled.requests).toHaveLength(2);
      expect(throttled.accepted).toHaveLength(1);
      expect(results(action.outputs)[0]).toMatchObject({ ok: true, attempts: 2 });
    } finally {
      await throttled.stop();
    }
  });

  it('9499 "Bad Request" is still a permanent failure, never retried', async () => {
    fake.setHandler(reply({ code: 9499, data: {}, msg: 'Bad Request' }));
    const action = await run({ retries: '2' });
    expect(action.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    expect(results(action.outputs)[0]).toMatchObject({ ok: false, code: 9499, attempts: 1 });
  });

  it('11232 past the retry budget fails after every attempt', async () => {
    fake.setHandler(reply({ code: 11232, data: {}, msg: 'frequency limited' }));
    const action = await run({ retries: '1' });
    expect(action.code).toBe(1);
    expect(fake.requests).toHaveLength(2);
    expect(results(action.outputs)[0]).toMatchObject({ ok: false, code: 11232, attempts: 2 });
  });

  it('keeps a huge body within 20 KB (whole JSON measured)', async () => {
    const action = await run({ token: SIGNED, secret: SECRET, template: `长文本 ${'长'.repeat(12_000)}` });
    expect(action.code, action.stdout).toBe(0);
    expect(Buffer.byteLength(fake.requests[0]!.body)).toBeLessThanOrEqual(20_000);
    expect(fake.requests[0]!.body).toContain('truncated');
  });

  it('options reach every message type (share_chat)', async () => {
    const action = await run({
      options: JSON.stringify({ msg_type: 'share_chat', content: { share_chat_id: 'oc_1' } }),
    });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.accepted[0]).toMatchObject({ msg_type: 'share_chat', content: { share_chat_id: 'oc_1' } });
  });

  it.each([
    [{ target: '@mobile:13800138000' }, "'target'"],
    [{ target: '@user:ou_1"><at id=all>' }, "'target'"],
    [{ format: 'markdown' }, "'format'"],
  ])('bad input %j fails naming %s and sends nothing', async (inputs, name) => {
    const action = await run(inputs);
    expect(action.code).toBe(1);
    expect(action.stdout).toContain(`::error::Invalid input ${name}`);
    expect(fake.requests).toHaveLength(0);
  });
});
