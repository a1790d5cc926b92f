/** Token and target parsing, payload shapes, escaping and limits for the four chat robots. */
import { describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/model/context.js';
import { ConfigError } from '../../src/model/errors.js';
import { createMessage } from '../../src/render/message.js';
import { explainDingtalk } from '../../src/providers/dingtalk/codes.js';
import { dingtalk } from '../../src/providers/dingtalk/index.js';
import { feishu } from '../../src/providers/feishu/index.js';
import { postParagraphs } from '../../src/providers/feishu/payload.js';
import { serverchan } from '../../src/providers/serverchan/index.js';
import { parseMentions } from '../../src/providers/webhook.js';
import { wecom } from '../../src/providers/wecom/index.js';
import { planEnvironment } from '../helpers/plan-fixtures.js';

const context: CiContext = {
  ci: 'github',
  repository: 'octo-org/hello-world',
  runUrl: 'https://github.com/octo-org/hello-world/actions/runs/42',
  status: 'failure',
  eventName: 'push',
  branch: 'main',
};

const configErrorFor = (fn: () => unknown, input: string) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).input).toBe(input);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
};

describe('webhook tokens', () => {
  it.each([
    [dingtalk, 'https://oapi.dingtalk.com/robot/send?access_token=' + 'a'.repeat(64), 'a'.repeat(64)],
    [
      wecom,
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7e2d-4bc4-97a0-0ec2a1fa5aaa',
      '693a91f6-7e2d-4bc4-97a0-0ec2a1fa5aaa',
    ],
    [feishu, 'https://open.feishu.cn/open-apis/bot/v2/hook/2b3c4d5e-6f70', '2b3c4d5e-6f70'],
    [feishu, 'https://open.larksuite.com/open-apis/bot/v2/hook/2b3c4d5e-6f70', '2b3c4d5e-6f70'],
  ] as const)('%s reads the key out of its own webhook URL', (adapter, token, key) => {
    const parsed = adapter.parse({ token, options: {} }) as unknown as Record<string, unknown>;
    expect(Object.values(parsed)).toContain(key);
  });

  it.each([
    [dingtalk, 'https://evil.example/robot/send?access_token=' + 'a'.repeat(64)],
    [dingtalk, 'https://oapi.dingtalk.com.evil.example/robot/send?access_token=' + 'a'.repeat(64)],
    [wecom, 'https://evil.example/cgi-bin/webhook/send?key=693a91f6-7e2d'],
    [feishu, 'https://open.feishu.cn.evil.example/open-apis/bot/v2/hook/abcdef12'],
    [serverchan, 'https://evil.example/SCT1234TAbc.send'],
    [serverchan, 'https://1234.push.ft07.com.evil.example/send/sctp1234tAbc.send'],
  ] as const)('%s refuses a webhook URL on a foreign host', (adapter, token) => {
    expect(configErrorFor(() => adapter.parse({ token, options: {} }), 'token')).toContain('not a');
  });

  it('a foreign-host URL is accepted when endpoint redirects every request anyway', () => {
    const parsed = dingtalk.parse({
      token: 'https://proxy.internal/robot/send?access_token=' + 'a'.repeat(64),
      endpoint: 'https://proxy.internal',
      options: {},
    });
    expect(parsed.baseUrl).toBe('https://proxy.internal');
  });

  it('a Lark URL keeps Lark’s host; endpoint replaces only scheme, host and port', () => {
    expect(
      feishu.parse({ token: 'https://open.larksuite.com/open-apis/bot/v2/hook/abcdef12', options: {} }).baseUrl,
    ).toBe('https://open.larksuite.com');
    expect(feishu.parse({ token: 'abcdef12', options: {} }).baseUrl).toBe('https://open.feishu.cn');
  });

  it('ServerChan routes Turbo and SC3 keys, and endpoint keeps the path', () => {
    expect(serverchan.parse({ token: 'SCT1234TAbc', options: {} })).toMatchObject({
      baseUrl: 'https://sctapi.ftqq.com',
      path: '/SCT1234TAbc.send',
    });
    expect(serverchan.parse({ token: 'sctp88tXyz', options: {} })).toMatchObject({
      baseUrl: 'https://88.push.ft07.com',
      path: '/send/sctp88tXyz.send',
    });
    expect(serverchan.parse({ token: 'https://88.push.ft07.com/send/sctp88tXyz.send', options: {} }).path).toBe(
      '/send/sctp88tXyz.send',
    );
    expect(serverchan.parse({ token: 'sctp88tXyz', endpoint: 'http://127.0.0.1:8080', options: {} }).baseUrl).toBe(
      'http://127.0.0.1:8080',
    );
    expect(
      configErrorFor(
        () => serverchan.parse({ token: 'https://7.push.ft07.com/send/sctp88tXyz.send', options: {} }),
        'token',
      ),
    ).toContain('88.push.ft07.com');
  });
});

describe('targets', () => {
  it('parses several mentions separated by commas or newlines', () => {
    expect(parseMentions('@all, @user:u1\n@mobile:+86-13800138000,@user:u1', 'X', ['all', 'user', 'mobile'])).toEqual({
      all: true,
      users: ['u1'],
      mobiles: ['+86-13800138000'],
    });
  });

  it.each(['@everyone', '@user:', '@user:a b', '@user:<b>', '@mobile:13x', 'user:u1', '@user:"x"'])(
    'rejects %j naming target',
    (target) => {
      configErrorFor(() => parseMentions(target, 'X', ['all', 'user', 'mobile']), 'target');
    },
  );

  it('rejects a mention kind the robot does not have', () => {
    configErrorFor(() => parseMentions('@mobile:13800138000', 'Feishu', ['all', 'user']), 'target');
  });
});

describe('DingTalk 310000 causes', () => {
  it.each([
    ['sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]', 'sign mismatch'],
    ['keywords not in content, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]', 'keyword missing'],
    ['ip 1.2.3.4 not in whitelist, more: [...]', 'IP not allowed'],
    ['invalid timestamp, more: [...]', 'timestamp invalid'],
  ])('%s → %s', (errmsg, cause) => {
    expect(explainDingtalk(310000, errmsg)?.meaning).toContain(cause);
  });
});

describe('payloads', () => {
  const hostile = createMessage(
    'Build <at user_id="all">x</at> @all',
    '### Failed\n\nby <at user_id="all">all</at> @all <@everyone> [x](javascript:alert(1)) **bold**',
    context,
  );

  it('Feishu post never turns untrusted text into at or unsafe links', () => {
    const elements = postParagraphs(hostile.markdown).flat();
    expect(elements.some((element) => element.tag === 'at')).toBe(false);
    expect(elements.some((element) => element.tag === 'a')).toBe(false);
    expect(elements).toContainEqual(expect.objectContaining({ tag: 'text', style: ['bold'] }));
  });

  it.each(['card', 'post', 'text'])('Feishu %s: no mention from untrusted text', async (format) => {
    const parsed = feishu.parse({ token: 'abcdef12', format, options: {} });
    const [plan] = await feishu.plan(parsed, hostile, planEnvironment());
    const body = (await plan!.exchange.build(1)).body!;
    expect(body).not.toMatch(/<at (user_)?id=\\?"?all/);
    expect(body).not.toContain('"tag":"at"');
  });

  it('WeCom markdown defuses <@id> mentions from untrusted text but keeps those from target', async () => {
    const parsed = wecom.parse({ token: '693a91f6-7e2d', target: '@user:lisi', options: {} });
    const [plan] = await wecom.plan(parsed, hostile, planEnvironment());
    const content = (JSON.parse((await plan!.exchange.build(1)).body!) as { markdown: { content: string } }).markdown
      .content;
    expect(content).toContain('<@lisi>');
    expect(content).not.toContain('<@everyone>');
  });

  it('WeCom text counts UTF-8 bytes: 2048 bytes of Chinese text is about 680 characters', async () => {
    const long = createMessage('构建失败', `构建失败\n\n${'长'.repeat(2000)}`, context);
    const parsed = wecom.parse({ token: '693a91f6-7e2d', format: 'text', options: {} });
    const [plan] = await wecom.plan(parsed, long, planEnvironment());
    const content = (JSON.parse((await plan!.exchange.build(1)).body!) as { text: { content: string } }).text.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
    expect(Buffer.byteLength(content)).toBeGreaterThan(1500);
  });

  it('DingTalk measures the whole JSON body against ~20,000 bytes', async () => {
    const long = createMessage('构建失败', `构建失败\n\n${'长'.repeat(10_000)}\n\n${'更'.repeat(10_000)}`, context);
    for (const format of dingtalk.formats) {
      const parsed = dingtalk.parse({ token: 'a'.repeat(64), format, options: {} });
      const [plan] = await dingtalk.plan(parsed, long, planEnvironment());
      const body = (await plan!.exchange.build(1)).body!;
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(20_000);
      expect(Buffer.byteLength(body)).toBeGreaterThan(15_000);
      expect(body).toContain('truncated');
    }
  });

  it('options deep-merge into the body', async () => {
    const parsed = dingtalk.parse({
      token: 'a'.repeat(64),
      options: { markdown: { title: 'custom' }, at: { isAtAll: true } },
      target: '@user:u1',
    });
    const [plan] = await dingtalk.plan(parsed, hostile, planEnvironment());
    const body = JSON.parse((await plan!.exchange.build(1)).body!) as {
      markdown: Record<string, string>;
      at: Record<string, unknown>;
    };
    expect(body.markdown.title).toBe('custom');
    expect(body.markdown.text).toContain('@u1');
    expect(body.at).toEqual({ atMobiles: [], atUserIds: ['u1'], isAtAll: true });
  });
});

describe('secrets that would be ignored', () => {
  it.each([
    [wecom, '693a91f6-7e2d'],
    [serverchan, 'SCT1234TAbc'],
  ] as const)('%s refuses a `secret` it cannot use', (adapter, token) => {
    expect(configErrorFor(() => adapter.parse({ token, secret: 'SECabc123456', options: {} }), 'secret')).toContain(
      'no signing secret',
    );
  });
});

describe('ServerChan reply reading', () => {
  const reply = (json: unknown) => ({
    status: 200,
    headers: new Headers(),
    text: JSON.stringify(json),
    json,
    durationMs: 1,
  });
  const interpret = async () => {
    const [plan] = await serverchan.plan(
      serverchan.parse({ token: 'SCT1234TAbc', options: {} }),
      createMessage('t', 'b', context),
      planEnvironment(),
    );
    return plan!.exchange.interpret;
  };

  it.each([
    // ServerChan refuses a repeated message with errno 1024; the older reply shape has it at the top.
    [{ errno: 1024, errmsg: '不要重复发送同样的内容' }],
    [{ code: 0, errno: 1024, errmsg: '不要重复发送同样的内容' }],
    [{ code: 0, message: '', data: { errno: 1024, error: '不要重复发送同样的内容' } }],
    [{ code: 1024, message: '不要重复发送同样的内容' }],
  ])('a refusal with errno 1024 is a failure naming the code: %j', async (json) => {
    const verdict = await (await interpret())(reply(json));
    expect(verdict).toMatchObject({ ok: false, code: 1024, retry: 'never' });
    expect(verdict.ok ? '' : verdict.message).toContain('duplicate content');
  });

  it('Turbo and SC3 successes are successes', async () => {
    const read = await interpret();
    expect(read(reply({ code: 0, message: '', data: { pushid: '42', errno: 0, error: 'SUCCESS' } }))).toMatchObject({
      ok: true,
      id: '42',
    });
    expect(read(reply({ code: 0, message: 'SUCCESS', errno: 0, data: { pushid: '7' } }))).toMatchObject({
      ok: true,
      id: '7',
    });
  });
});

describe('DingTalk actionCard button', () => {
  const noLink = createMessage('Build failed', 'body', { ...context, runUrl: undefined });
  const token = 'a'.repeat(64);

  it('refuses a card with no link for its button, before any request', async () => {
    const parsed = dingtalk.parse({ token, format: 'card', options: {} });
    await expect(async () => dingtalk.plan(parsed, noLink, planEnvironment())).rejects.toBeInstanceOf(ConfigError);
  });

  it('accepts a card whose buttons come from options.actionCard.btns', async () => {
    const btns = [{ title: 'Docs', actionURL: 'https://example.com/docs' }];
    const parsed = dingtalk.parse({ token, format: 'card', options: { actionCard: { btns } } });
    const [plan] = await dingtalk.plan(parsed, noLink, planEnvironment());
    const body = JSON.parse((await plan!.exchange.build(1)).body!) as { actionCard: Record<string, unknown> };
    expect(body.actionCard.btns).toEqual(btns);
  });

  it('a card with a link carries singleTitle and singleURL', async () => {
    const parsed = dingtalk.parse({ token, format: 'card', options: {} });
    const [plan] = await dingtalk.plan(parsed, createMessage('t', 'b', context), planEnvironment());
    const body = JSON.parse((await plan!.exchange.build(1)).body!) as { actionCard: Record<string, unknown> };
    expect(body.actionCard).toMatchObject({ singleTitle: 'View run', singleURL: context.runUrl });
  });
});
