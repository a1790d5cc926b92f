import type { ProviderSettings } from '../../src/providers/types.js';

export interface AdapterSample {
  /** A valid configuration. */
  settings: ProviderSettings;
  /** A target the adapter must reject. */
  badTarget: string;
  /** Credentials that must never travel in the URL. */
  secretsNeverInUrl?: string[];
}

export const ADAPTER_SAMPLES: Record<string, AdapterSample> = {
  pushplus: {
    settings: { token: '0123456789abcdef0123456789abcdef', target: 'topic:ops', options: {} },
    badTarget: 'group:ops',
    secretsNeverInUrl: ['0123456789abcdef0123456789abcdef'],
  },
  mpaas: {
    settings: {
      token: 'LTAI5tTestAccessKeyId01',
      secret: 'mpaasTestAccessKeySecret0123456789',
      appId: 'ONEX570DA89211721',
      workspaceId: 'test',
      target: 'user:alice',
      options: {},
    },
    badTarget: 'group:ops',
    secretsNeverInUrl: ['LTAI5tTestAccessKeyId01', 'mpaasTestAccessKeySecret0123456789'],
  },
  mobpush: {
    settings: {
      token: '2f2d7a68f8a40',
      secret: '9abee316611dd24f607feb9f2c496338',
      target: 'alias:tester1',
      options: {},
    },
    badTarget: 'group:ops',
    secretsNeverInUrl: ['2f2d7a68f8a40', '9abee316611dd24f607feb9f2c496338'],
  },
  easemob: {
    settings: {
      token: 'YXA6clientid0123456789',
      secret: 'YXA6clientsecret0123456789',
      appId: '1112171214115068#testapp',
      endpoint: 'https://a1.easemob.com',
      target: 'user:alice,bob\ngroup:123456789',
      options: {},
    },
    badTarget: 'topic:ops',
    secretsNeverInUrl: ['YXA6clientid0123456789', 'YXA6clientsecret0123456789'],
  },
  dingtalk: {
    settings: {
      token:
        'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      secret: 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      options: {},
    },
    badTarget: '@phone:123',
    secretsNeverInUrl: ['SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'],
  },
  wecom: {
    settings: { token: '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa', target: '@user:zhangsan', options: {} },
    badTarget: '@user:<b>',
  },
  feishu: {
    settings: {
      token: 'https://open.feishu.cn/open-apis/bot/v2/hook/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091',
      secret: 'demoFeishuSecret123',
      target: '@all',
      options: {},
    },
    badTarget: '@mobile:13800138000',
    secretsNeverInUrl: ['demoFeishuSecret123'],
  },
  'feishu-app': {
    settings: {
      token: 'cli_a5e1b2c3d4e5f6a7',
      secret: 'FeishuAppSecretNeverLogged0123',
      target: 'chat:oc_a0553eda9014c201e6969b478895c230\nuser:ou_7d8a6e6df7621556ce0d21922b676706',
      options: {},
    },
    badTarget: '@all',
    secretsNeverInUrl: ['cli_a5e1b2c3d4e5f6a7', 'FeishuAppSecretNeverLogged0123'],
  },
  'wecom-app': {
    settings: {
      token: 'ww1234567890abcdef',
      secret: 'WecomAppSecretNeverLogged-0123456789abcd',
      appId: '1000002',
      target: 'user:alice,bob\nparty:2',
      options: {},
    },
    badTarget: 'group:ops',
    secretsNeverInUrl: ['WecomAppSecretNeverLogged-0123456789abcd'],
  },
  'dingtalk-app': {
    settings: {
      token: 'dingabcdefghijklmnop',
      secret: 'DingtalkAppSecretNeverLogged-0123456789',
      appId: '836390886',
      target: 'user:alice,bob\ndept:1',
      options: {},
    },
    badTarget: 'party:1',
    secretsNeverInUrl: ['DingtalkAppSecretNeverLogged-0123456789'],
  },
  serverchan: {
    settings: { token: 'SCT123456TAbCdEfGhIjKlMnOp', options: {} },
    badTarget: '@all',
  },
};
