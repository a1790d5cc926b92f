import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/errors.js';
import {
  formatServiceUrl,
  maskServiceUrl,
  parseServiceUrl,
  parseUrlList,
  type ServiceUrlConfig,
} from '../../src/providers/service-url.js';

const SAMPLES: Record<string, { url: string; expected: ServiceUrlConfig }> = {
  pushplus: {
    url: 'pushplus://0123456789abcdef0123456789abcdef?topic=ops&channel=webhook:feishu1&format=markdown',
    expected: {
      provider: 'pushplus',
      token: '0123456789abcdef0123456789abcdef',
      target: 'topic:ops',
      channel: 'webhook:feishu1',
      format: 'markdown',
    },
  },
  dingtalk: {
    url: 'dingtalk://b7e1a2c3d4?secret=SECf00dbabe&format=card&title=Build%20%7B%7B%20status%20%7D%7D',
    expected: {
      provider: 'dingtalk',
      token: 'b7e1a2c3d4',
      secret: 'SECf00dbabe',
      format: 'card',
      title: 'Build {{ status }}',
    },
  },
  wecom: {
    url: 'wecom://693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa?target=@all',
    expected: { provider: 'wecom', token: '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa', target: '@all' },
  },
  feishu: {
    url: 'feishu://2f1d6e3a-hook?secret=feishusecret&options=%7B%22card%22%3A%7B%22header%22%3A%7B%7D%7D%7D',
    expected: {
      provider: 'feishu',
      token: '2f1d6e3a-hook',
      secret: 'feishusecret',
      options: { card: { header: {} } },
    },
  },
  serverchan: {
    url: 'serverchan://SCT12345TxyzABC?channel=9',
    expected: { provider: 'serverchan', token: 'SCT12345TxyzABC', channel: '9' },
  },
  mobpush: {
    url: 'mobpush://appkey123:appsecret456@/alias/alice,bob',
    expected: { provider: 'mobpush', token: 'appkey123', secret: 'appsecret456', target: 'alias:alice,bob' },
  },
  mpaas: {
    url: 'mpaas://LTAIakid:akSecretValue@ONEX570DA89211720/default?target=user:u1&channel=notify',
    expected: {
      provider: 'mpaas',
      token: 'LTAIakid',
      secret: 'akSecretValue',
      appId: 'ONEX570DA89211720',
      workspaceId: 'default',
      target: 'user:u1',
      channel: 'notify',
    },
  },
  easemob: {
    url: 'easemob://YXA6clientid:YXA6clientsecret@a1.easemob.com/1112170810115040/demo?target=user:a,b',
    expected: {
      provider: 'easemob',
      token: 'YXA6clientid',
      secret: 'YXA6clientsecret',
      endpoint: 'https://a1.easemob.com',
      appId: '1112170810115040#demo',
      target: 'user:a,b',
    },
  },
  'feishu-app': {
    url: 'feishu-app://cli_a5e1b2c3:appSecret01@open.larksuite.com?target=chat:oc_a0553eda%0Auser:ou_7d8a',
    expected: {
      provider: 'feishu-app',
      token: 'cli_a5e1b2c3',
      secret: 'appSecret01',
      endpoint: 'https://open.larksuite.com',
      target: 'chat:oc_a0553eda\nuser:ou_7d8a',
    },
  },
  'wecom-app': {
    url: 'wecom-app://ww1234567890abcdef:wecomSecret01@1000002?target=user:alice,bob&format=markdown',
    expected: {
      provider: 'wecom-app',
      token: 'ww1234567890abcdef',
      secret: 'wecomSecret01',
      appId: '1000002',
      target: 'user:alice,bob',
      format: 'markdown',
    },
  },
  'dingtalk-app': {
    url: 'dingtalk-app://dingabcdefgh:dingSecret01@836390886?target=dept:1',
    expected: {
      provider: 'dingtalk-app',
      token: 'dingabcdefgh',
      secret: 'dingSecret01',
      appId: '836390886',
      target: 'dept:1',
    },
  },
};

describe('parseServiceUrl', () => {
  for (const [provider, { url, expected }] of Object.entries(SAMPLES)) {
    it(`${provider}: parses to the generic config fields`, async () => {
      expect(await parseServiceUrl(url)).toEqual(expected);
    });
    it(`${provider}: round-trips parse → format → parse`, async () => {
      const parsed = await parseServiceUrl(url);
      const formatted = formatServiceUrl(parsed);
      expect(formatted.startsWith(`${provider}://`)).toBe(true);
      expect(await parseServiceUrl(formatted)).toEqual(parsed);
    });
  }

  it('mobpush: every target kind in the path form, and ?target= for the rest', async () => {
    expect((await parseServiceUrl('mobpush://k1:s1@/all')).target).toBe('all');
    expect((await parseServiceUrl('mobpush://k1:s1@/tags/vip,beta')).target).toBe('tags:vip,beta');
    expect((await parseServiceUrl('mobpush://k1:s1@/rid/65l05lvwtep0fls')).target).toBe('rid:65l05lvwtep0fls');
    expect((await parseServiceUrl('mobpush://k1:s1@?target=alias:a')).target).toBe('alias:a');
    expect((await parseServiceUrl('mobpush://k1:s1@')).target).toBeUndefined();
  });

  it('pushplus: to= becomes a to: target; no query means the token owner', async () => {
    expect((await parseServiceUrl('pushplus://tok0000?to=friend1,friend2')).target).toBe('to:friend1,friend2');
    expect(await parseServiceUrl('pushplus://tok0000')).toEqual({ provider: 'pushplus', token: 'tok0000' });
  });

  it('easemob: ?endpoint= overrides the host (another scheme or port)', async () => {
    const parsed = await parseServiceUrl('easemob://id1:sec1@ignored.example/org/app?endpoint=http://127.0.0.1:8080');
    expect(parsed.endpoint).toBe('http://127.0.0.1:8080');
    expect(await parseServiceUrl(formatServiceUrl(parsed))).toEqual(parsed);
  });

  it('credentials with reserved characters survive percent-encoding', async () => {
    const config: ServiceUrlConfig = {
      provider: 'mpaas',
      token: 'id:with@odd/chars',
      secret: 'p%ss#w?rd&=+ ',
      appId: 'APP',
      workspaceId: 'ws',
    };
    expect(await parseServiceUrl(formatServiceUrl(config))).toEqual(config);
  });

  it('round-trips arbitrary credentials and common fields for every provider (property)', async () => {
    const text = fc.string({ minLength: 1, maxLength: 30 }).filter((value) => value.trim() === value && value !== '');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('pushplus', 'dingtalk', 'wecom', 'feishu', 'serverchan', 'mobpush', 'mpaas', 'easemob'),
        text,
        text,
        fc.option(text, { nil: undefined }),
        fc.option(text, { nil: undefined }),
        async (provider, token, secret, title, channel) => {
          const config: ServiceUrlConfig = { provider, token };
          if (['dingtalk', 'feishu', 'mobpush', 'mpaas', 'easemob'].includes(provider)) config.secret = secret;
          if (provider === 'mpaas') Object.assign(config, { appId: 'APP1', workspaceId: 'default' });
          if (provider === 'easemob') Object.assign(config, { appId: 'org#app', endpoint: 'https://a1.easemob.com' });
          if (title) config.title = title;
          if (channel) config.channel = channel;
          expect(await parseServiceUrl(formatServiceUrl(config))).toEqual(config);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('malformed service URLs', () => {
  const SECRET = 'Sup3rSecretValue';
  const cases: [string, RegExp][] = [
    [`dingtalk://${SECRET}?secret=${SECRET}&bogus=1`, /unknown query key 'bogus'/],
    [`pushplus://${SECRET}?topic=a&to=b`, /more than one of 'topic', 'to' and 'target'/],
    [`pushplus://${SECRET}/path`, /path where none belongs/],
    [`wecom://user:${SECRET}@host`, /credentials before @/],
    [`mobpush://${SECRET}@/alias/a`, /no AppSecret/],
    [`mobpush://key:${SECRET}@/everyone/a`, /unknown target kind 'everyone'/],
    [`mobpush://key:${SECRET}@host.example/all`, /has a host/],
    [`mpaas://id:${SECRET}@APP`, /workspace id/],
    [`mpaas://id:${SECRET}@/ws`, /no AppId/],
    [`easemob://id:${SECRET}@a1.easemob.com/orgonly`, /\/ORG\/APP/],
    [`slack://${SECRET}`, /unknown scheme 'slack'/],
    [`wecom-app://corp:${SECRET}@?target=user:a`, /no AgentId/],
    [`dingtalk-app://${SECRET}@1?target=user:a`, /no AppSecret/],
    [`feishu-app://cli_x:${SECRET}@open.larksuite.com/extra`, /path where none belongs/],
    [`${SECRET}`, /not a service URL/],
    [`dingtalk://${SECRET}?secret=%E0%A4%A`, /malformed percent-encoding/],
    [`feishu://${SECRET}?options=[1,2]`, /options/],
    [`serverchan://?title=x`, /no SendKey/],
    [`dingtalk://${SECRET}?secret=`, /empty value for 'secret'/],
  ];
  for (const [url, problem] of cases) {
    it(`${maskServiceUrl(url)}: ${problem.source}`, async () => {
      let caught: unknown;
      try {
        await parseServiceUrl(url);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      const message = (caught as ConfigError).message;
      expect(message).toMatch(problem);
      expect(message).toMatch(/Expected .*:\/\//);
      expect(message).not.toContain(SECRET);
      if (url.includes(SECRET)) expect(message).toContain('***');
      expect((caught as ConfigError).input).toBe('url');
    });
  }

  it('maskServiceUrl hides every credential position and every query value', () => {
    expect(maskServiceUrl('mpaas://AKID:AKSECRET@APP/ws?target=user:a')).toBe('mpaas://***:***@***/ws?target=***');
    expect(maskServiceUrl('dingtalk://TOKEN?secret=SEC&format=card')).toBe('dingtalk://***?secret=***&format=***');
    expect(maskServiceUrl('easemob://ID:SEC@a1.easemob.com/o/a')).toBe('easemob://***:***@a1.easemob.com/o/a');
    expect(maskServiceUrl('unknown://TOKEN/x')).toBe('unknown://***/x');
    // Whatever the key looks like, and key-like path segments of a raw webhook URL.
    expect(maskServiceUrl('dingtalk://T0K?sec%72et=S3C&secret+=S3C&S3C')).toBe(
      'dingtalk://***?***=***&secret+=***&***',
    );
    expect(maskServiceUrl('https://open.feishu.cn/open-apis/bot/v2/hook/2f1d6e3a-99')).toBe(
      'https://open.feishu.cn/open-apis/bot/v2/hook/***',
    );
    expect(maskServiceUrl('https://oapi.dingtalk.com/robot/send?access_token=ab12#frag')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=***#***',
    );
    expect(maskServiceUrl('https://sctapi.ftqq.com/SCT12345TxyzABC.send')).toBe('https://sctapi.ftqq.com/***.send');
  });
});

describe('parseUrlList', () => {
  it('takes one URL per line, skipping blanks and # comments', () => {
    expect(parseUrlList('pushplus://a\n\n  # ops\r\n wecom://b  \n')).toEqual(['pushplus://a', 'wecom://b']);
    expect(parseUrlList(undefined)).toEqual([]);
  });
});
