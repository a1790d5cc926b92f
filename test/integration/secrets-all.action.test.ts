/**
 * Secret-leak test over every provider: success and failure paths, with debug logging on. Neither a credential
 * nor anything derived from one (signatures, fetched tokens) may appear in stdout, stderr, outputs or the summary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeDingtalk } from '../fakes/dingtalk.js';
import { fakeEasemob } from '../fakes/easemob.js';
import { fakeFeishu } from '../fakes/feishu.js';
import { fakeFeishuRobotWithApp } from '../fakes/feishu-robot-app.js';
import { fakeMobpush } from '../fakes/mobpush.js';
import { fakeMpaas } from '../fakes/mpaas.js';
import { fakePushplus } from '../fakes/pushplus.js';
import { fakeServerchan } from '../fakes/serverchan.js';
import { fakeWecom } from '../fakes/wecom.js';
import type { FakeServer } from '../helpers/fake-server.js';
import { runAction, type ActionRun, linesBesidesMasks } from '../helpers/run-action.js';
import { fakeGitlabApi } from '../fakes/gitlab-api.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';
import { GITLAB_JOBS, GITLAB_TRACES } from '../fixtures/gitlab-traces/scenes.js';

interface LeakCase {
  provider: string;
  /** Starts a fake that accepts `good` credentials. */
  start(): Promise<FakeServer>;
  inputs: Record<string, string>;
  /** The same inputs with a credential the fake rejects. */
  bad: Record<string, string>;
  /** Values derived from credentials, read from what the fake received. */
  derived(fake: FakeServer): string[];
}

const CASES: LeakCase[] = [
  {
    provider: 'pushplus',
    start: async () => fakePushplus({ tokens: ['aa11bb22cc33dd44ee55ff6677889900'] }),
    inputs: { token: 'aa11bb22cc33dd44ee55ff6677889900', secret: 'pushplus-open-api-key-1' },
    bad: { token: 'ffffffffffffffffffffffffffff0000', secret: 'pushplus-open-api-key-1' },
    derived: () => [],
  },
  {
    provider: 'mobpush',
    start: async () => fakeMobpush({ apps: { leakappkey01: 'leak-app-secret-0123456789' } }),
    inputs: { token: 'leakappkey01', secret: 'leak-app-secret-0123456789', target: 'alias:tester' },
    bad: { token: 'leakappkey01', secret: 'wrong-app-secret-9876543210', target: 'alias:tester' },
    derived: (fake) => fake.requests.map((request) => String(request.headers.sign ?? '')).filter(Boolean),
  },
  {
    provider: 'mpaas',
    start: async () =>
      fakeMpaas({
        keys: { LTAI5tLeakKeyId0001: 'leakAccessKeySecret0123456789' },
        appId: 'ONEX570DA89211721',
        workspaceId: 'test',
      }),
    inputs: {
      token: 'LTAI5tLeakKeyId0001',
      secret: 'leakAccessKeySecret0123456789',
      'app-id': 'ONEX570DA89211721',
      'workspace-id': 'test',
      target: 'user:alice',
    },
    bad: {
      token: 'LTAI5tLeakKeyId0001',
      secret: 'wrongAccessKeySecret987654321',
      'app-id': 'ONEX570DA89211721',
      'workspace-id': 'test',
      target: 'user:alice',
    },
    derived: (fake) =>
      fake.requests.map((request) => new URLSearchParams(request.body).get('Signature') ?? '').filter(Boolean),
  },
  {
    provider: 'easemob',
    start: async () =>
      fakeEasemob({
        org: 'leakorg',
        app: 'leakapp',
        clientId: 'YXA6leakClientId0001',
        clientSecret: 'YXA6leakClientSecret0001',
      }),
    inputs: {
      token: 'YXA6leakClientId0001',
      secret: 'YXA6leakClientSecret0001',
      'app-id': 'leakorg#leakapp',
      target: 'user:oncall',
    },
    bad: {
      token: 'YXA6leakClientId0001',
      secret: 'YXA6wrongClientSecret999',
      'app-id': 'leakorg#leakapp',
      target: 'user:oncall',
    },
    // The app tokens the fake issued are credentials fetched at run time.
    derived: (fake) => (fake as ReturnType<typeof fakeEasemob>).issued,
  },
  {
    provider: 'dingtalk',
    start: async () => fakeDingtalk({ robots: { leakdingtalktoken0001: { secret: 'SECleakDingtalkSecret0001' } } }),
    inputs: { token: 'leakdingtalktoken0001', secret: 'SECleakDingtalkSecret0001' },
    bad: { token: 'leakdingtalktoken0001', secret: 'SECwrongDingtalkSecret999' },
    derived: (fake) => fake.requests.map((request) => request.query.get('sign') ?? '').filter(Boolean),
  },
  {
    provider: 'wecom',
    start: async () => fakeWecom({ keys: ['leak-wecom-key-0000-1111'] }),
    inputs: { token: 'leak-wecom-key-0000-1111' },
    bad: { token: 'wrong-wecom-key-9999-8888' },
    derived: () => [],
  },
  {
    provider: 'feishu',
    start: async () => fakeFeishu({ bots: { 'leak-feishu-hook-0001': { secret: 'leakFeishuSecret0001' } } }),
    inputs: { token: 'leak-feishu-hook-0001', secret: 'leakFeishuSecret0001' },
    bad: { token: 'leak-feishu-hook-0001', secret: 'wrongFeishuSecret999' },
    derived: (fake) =>
      fake.requests
        .map((request) => String((request.json as { sign?: string } | undefined)?.sign ?? ''))
        .filter(Boolean),
  },
  {
    // The robot with a Feishu app's credentials: the app's secret and tenant token, and the robot's signature.
    provider: 'feishu',
    start: async () =>
      fakeFeishuRobotWithApp(
        { bots: { 'leak-feishu-hook-0002': { secret: 'leakFeishuSecret0002' } } },
        { appId: 'cli_leakfeishuapp0001', appSecret: 'leakFeishuAppSecret0001' },
      ),
    inputs: {
      token: 'leak-feishu-hook-0002',
      secret: 'leakFeishuSecret0002',
      'app-id': 'cli_leakfeishuapp0001',
      'app-secret': 'leakFeishuAppSecret0001',
      qr: 'https://www.pgyer.com/leak',
    },
    bad: {
      token: 'leak-feishu-hook-0002',
      secret: 'wrongFeishuSecret998',
      'app-id': 'cli_leakfeishuapp0001',
      'app-secret': 'wrongFeishuAppSecret9',
      qr: 'https://www.pgyer.com/leak',
    },
    derived: (fake) => [
      ...fake.requests
        .map((request) => String((request.json as { sign?: string } | undefined)?.sign ?? ''))
        .filter(Boolean),
      ...(fake as ReturnType<typeof fakeFeishuRobotWithApp>).app.issued,
    ],
  },
  {
    provider: 'serverchan',
    start: async () => fakeServerchan({ keys: ['SCT1234567TleakServerchanKey'] }),
    inputs: { token: 'SCT1234567TleakServerchanKey' },
    bad: { token: 'SCT7654321TwrongServerchanKey' },
    derived: () => [],
  },
];

function expectClean(run: ActionRun, values: string[]): void {
  // add-mask commands are how the runner learns what to hide.
  const printed = linesBesidesMasks(run).join('\n');
  for (const value of values) {
    if (value.length < 4) continue;
    expect(printed, `leaked: ${value}`).not.toContain(value);
    expect(printed, `leaked URL-encoded: ${value}`).not.toContain(encodeURIComponent(value));
  }
}

const debug = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' };

describe.each(CASES)('no secret leaks: $provider', (leak) => {
  const secretValues = (inputs: Record<string, string>) => [
    inputs.token ?? '',
    inputs.secret ?? '',
    inputs['app-secret'] ?? '',
  ];

  it.each([
    ['success', 'inputs'],
    ['rejected credentials', 'bad'],
    ['dry run', 'inputs'],
  ] as const)('%s', async (name, which) => {
    const fake = await leak.start();
    await fake.start();
    try {
      const inputs = which === 'bad' ? leak.bad : leak.inputs;
      const run = await runAction({
        inputs: {
          provider: leak.provider,
          endpoint: fake.url,
          status: 'failure',
          retries: '0',
          ...inputs,
          ...(name === 'dry run' ? { 'dry-run': 'true' } : {}),
        },
        env: debug,
      });
      if (name === 'success') expect(run.code, run.stdout).toBe(0);
      if (name === 'rejected credentials') expect(run.code).toBe(1);
      expectClean(run, [...secretValues(inputs), ...leak.derived(fake)]);
    } finally {
      await fake.stop();
    }
  });
});

/**
 * The GitLab token the CLI reads failure details with (--gitlab-token, CI_NOTIFIER_GITLAB_TOKEN or GITLAB_TOKEN),
 * with debug logging on, over the lookup's paths: read, refused (401, 403), a log that is missing, GitLab down.
 */
describe('no secret leaks: the GitLab token of the failure lookup (CLI)', () => {
  // Not in the `glpat-` form, so only the registry of known secrets can mask it (old-style and OAuth tokens).
  const GITLAB_TOKEN = 'leakGitlabToken0123456789';
  // A script that printed the token: it sits in the lines the excerpt keeps.
  const traces = {
    ...GITLAB_TRACES,
    8523002: GITLAB_TRACES[8523002]!.replace('Failed Tests 1', `Failed Tests 1\nusing token ${GITLAB_TOKEN}\n`),
  };
  const PUSHPLUS_TOKEN = 'aa11bb22cc33dd44ee55ff6677889900';
  const cases = [
    ['read', { tokens: [GITLAB_TOKEN] }],
    ['refused (401)', { tokens: [] }],
    ['no read_api (403)', { tokens: [], forbidden: [GITLAB_TOKEN] }],
    ['log missing (404)', { tokens: [GITLAB_TOKEN], traces: {} }],
    ['GitLab down', { tokens: [GITLAB_TOKEN], down: true }],
  ] as const;
  beforeAll(() => ensureLibBuilt(), 120_000);
  it.each(cases)(
    '%s',
    async (_name, variant) => {
      const gitlab = fakeGitlabApi({
        projectId: '61234567',
        pipelines: { 1588402211: GITLAB_JOBS },
        traces,
        ...variant,
      });
      const pushplus = fakePushplus({ tokens: [PUSHPLUS_TOKEN] });
      await gitlab.start();
      await pushplus.start();
      const apiUrl = gitlab.apiUrl();
      if ('down' in variant) await gitlab.stop();
      try {
        for (const where of ['flag', 'CI_NOTIFIER_GITLAB_TOKEN', 'GITLAB_TOKEN'] as const) {
          const run = await runCli(
            [
              '--provider',
              'pushplus',
              '--token',
              PUSHPLUS_TOKEN,
              '--endpoint',
              pushplus.url,
              '--status',
              'failure',
              ...(where === 'flag' ? ['--gitlab-token', GITLAB_TOKEN] : []),
            ],
            {
              GITLAB_CI: 'true',
              CI_API_V4_URL: apiUrl,
              CI_PROJECT_ID: '61234567',
              CI_PROJECT_PATH: 'acme/web-shop',
              CI_PIPELINE_ID: '1588402211',
              CI_COMMIT_SHA: '8f3c2a1d9b7e6f5a4c3b2a1908f7e6d5c4b3a291',
              CI_NOTIFIER_DEBUG: '1',
              ...(where === 'flag' ? {} : { [where]: GITLAB_TOKEN }),
            },
          );
          expect(run.code, run.stderr).toBe(0);
          const printed = `${run.stdout}\n${run.stderr}`;
          for (const value of [
            GITLAB_TOKEN,
            encodeURIComponent(GITLAB_TOKEN),
            Buffer.from(GITLAB_TOKEN).toString('base64'),
          ])
            expect(printed, `${where}: leaked ${value}`).not.toContain(value);
        }
        // Nor in what was sent.
        for (const request of pushplus.requests) expect(request.body).not.toContain(GITLAB_TOKEN);
      } finally {
        if (!('down' in variant)) await gitlab.stop();
        await pushplus.stop();
      }
    },
    60_000,
  );
});
