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
};
