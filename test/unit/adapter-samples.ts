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
  serverchan: {
    settings: { token: 'SCT123456TAbCdEfGhIjKlMnOp', options: {} },
    badTarget: '@all',
  },
};
