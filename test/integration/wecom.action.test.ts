import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeWecom } from '../fakes/wecom.js';
import { runAction } from '../helpers/run-action.js';

const KEY = '693a91f6-7e2d-4bc4-97a0-0ec2a1fa5aaa';
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

describe('WeCom through node dist/index.js', () => {
  let fake: ReturnType<typeof fakeWecom>;
  beforeEach(async () => {
    fake = fakeWecom({ keys: [KEY] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const run = (inputs: Record<string, string>) =>
    runAction({
      inputs: { locale: 'en', provider: 'wecom', endpoint: fake.url, status: 'failure', token: KEY, ...inputs },
    });

  it('sends Markdown by default, mentioning users with <@userid>', async () => {
    const action = await run({ target: '@user:zhangsan' });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.query.get('key')).toBe(KEY);
    const body = fake.accepted[0] as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain(RUN_URL);
    expect(body.markdown.content).toContain('<@zhangsan>');
    expect(results(action.outputs)).toEqual([expect.objectContaining({ provider: 'wecom', ok: true, attempts: 1 })]);
    expect(visible(action.stdout) + action.outputsRaw + action.summary).not.toContain(KEY);
  });

  it('markdown cannot ping @all or mobiles: a short text message carries them', async () => {
    const action = await run({ target: '@all\n@mobile:13800138000' });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.accepted).toHaveLength(2);
    const types = fake.accepted.map((body) => body.msgtype).sort();
    expect(types).toEqual(['markdown', 'text']);
    const text = fake.accepted.find((body) => body.msgtype === 'text') as { text: Result };
    expect(text.text).toMatchObject({ mentioned_list: ['@all'], mentioned_mobile_list: ['13800138000'] });
    expect(results(action.outputs)).toHaveLength(2);
  });

  it('sends text with mentioned_list and mentioned_mobile_list in one message', async () => {
    const action = await run({ format: 'text', target: '@user:zhangsan,@mobile:13800138000,@all' });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.accepted).toHaveLength(1);
    const body = fake.accepted[0] as { msgtype: string; text: Result };
    expect(body.msgtype).toBe('text');
    expect(body.text).toMatchObject({ mentioned_list: ['zhangsan', '@all'], mentioned_mobile_list: ['13800138000'] });
    expect(String(body.text.content)).toContain('Fix the flaky login test');
  });

  it('sends markdown_v2', async () => {
    const action = await run({ format: 'markdown_v2' });
    expect(action.code, action.stdout).toBe(0);
    const body = fake.accepted[0] as { msgtype: string; markdown_v2: { content: string } };
    expect(body.msgtype).toBe('markdown_v2');
    expect(body.markdown_v2.content).toContain(RUN_URL);
  });

  it('sends a text_notice template card that opens the run', async () => {
    const action = await run({ format: 'card' });
    expect(action.code, action.stdout).toBe(0);
    const body = fake.accepted[0] as { msgtype: string; template_card: Record<string, Result> };
    expect(body.msgtype).toBe('template_card');
    expect(body.template_card.card_type).toBe('text_notice');
    expect(body.template_card.card_action).toEqual({ type: 1, url: RUN_URL });
    expect([...String(body.template_card.main_title!.title)].length).toBeLessThanOrEqual(26);
  });

  it('keeps long Chinese content within 4096 UTF-8 bytes', async () => {
    const action = await run({ template: `{{ "构建失败。" }}${'长'.repeat(3000)}` });
    expect(action.code, action.stdout).toBe(0);
    const content = (fake.accepted[0] as { markdown: { content: string } }).markdown.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(content)).toBeGreaterThan(3000);
    expect(content).toContain('truncated');
  });

  it('accepts the full webhook URL as token', async () => {
    const action = await run({ token: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}` });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.requests[0]!.query.get('key')).toBe(KEY);
    expect(visible(action.stdout)).not.toContain(KEY);
  });

  it('refuses a webhook URL on a foreign host without sending anything', async () => {
    const action = await runAction({
      inputs: {
        locale: 'en',
        provider: 'wecom',
        token: `${fake.url}/cgi-bin/webhook/send?key=${KEY}`,
        status: 'failure',
      },
    });
    expect(action.code).toBe(1);
    expect(action.stdout).toContain("::error::Invalid input 'token'");
    expect(action.stdout).toContain('not a WeCom host');
    expect(fake.requests).toHaveLength(0);
  });

  it('93000 (invalid key) fails at once naming token', async () => {
    const action = await run({ token: '00000000-0000-0000-0000-000000000000', retries: '3' });
    expect(action.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = results(action.outputs);
    expect(result).toMatchObject({ ok: false, code: 93000, attempts: 1 });
    expect(String(result!.message)).toContain('invalid webhook key');
    expect(String(result!.message)).toContain('`token`');
  });

  it('45009 (rate limited) is retried and then succeeds', async () => {
    let calls = 0;
    fake.setHandler((request, response) => {
      calls += 1;
      reply(calls === 1 ? { errcode: 45009, errmsg: 'api freq out of limit' } : { errcode: 0, errmsg: 'ok' })(
        request,
        response,
      );
    });
    const action = await run({ retries: '2' });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.requests).toHaveLength(2);
    expect(results(action.outputs)[0]).toMatchObject({ ok: true, attempts: 2 });
  });

  it('45009 past the retry budget fails after every attempt', async () => {
    fake.setHandler(reply({ errcode: 45009, errmsg: 'api freq out of limit' }));
    const action = await run({ retries: '1' });
    expect(action.code).toBe(1);
    expect(fake.requests).toHaveLength(2);
    const [result] = results(action.outputs);
    expect(result).toMatchObject({ ok: false, code: 45009, attempts: 2 });
    expect(String(result!.message)).toContain('rate limited');
  });

  it('options reach every message type (news)', async () => {
    const action = await run({
      options: JSON.stringify({
        msgtype: 'news',
        news: { articles: [{ title: 'Release', url: 'https://example.com/r' }] },
      }),
    });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.accepted[0]).toMatchObject({ msgtype: 'news', news: { articles: [{ title: 'Release' }] } });
  });

  it('dry-run masks the key in the URL', async () => {
    const action = await run({
      token: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`,
      'dry-run': 'true',
    });
    expect(action.code, action.stdout).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(action.stdout).toContain('/cgi-bin/webhook/send?key=***');
    expect(visible(action.stdout)).not.toContain(KEY);
  });

  it.each([
    [{ target: '@group:ops' }, "'target'"],
    [{ target: '@user:' }, "'target'"],
    [{ format: 'news' }, "'format'"],
    [{ token: 'not a key' }, "'token'"],
  ])('bad input %j fails naming %s and sends nothing', async (inputs, name) => {
    const action = await run(inputs);
    expect(action.code).toBe(1);
    expect(action.stdout).toContain(`::error::Invalid input ${name}`);
    expect(fake.requests).toHaveLength(0);
  });
});
