import { afterEach, describe, expect, it } from 'vitest';
import { readArgs } from '../../src/cli/args.js';
import { sendFromArgs } from '../../src/cli/send.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { fakeGithubApi } from '../fakes/github-api.js';
import { fakePushplus } from '../fakes/pushplus.js';

const GH_TOKEN = 'ghs_cli0000000000000000000000000000000000';
const PUSHPLUS_TOKEN = '0123456789abcdef0123456789abcdef';
const logger = { debug: () => undefined, info: () => undefined, warning: () => undefined };

let servers: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
});

describe('the CLI reads why it failed on GitHub Actions', () => {
  async function send(extraArgs: string[], tokenEnv: Record<string, string>) {
    const github = fakeGithubApi({
      tokens: [GH_TOKEN],
      runs: [],
      jobs: {
        42: [
          {
            id: 7,
            name: 'build',
            status: 'completed',
            conclusion: 'failure',
            started_at: '2026-03-01T11:58:30Z',
            steps: [{ name: 'Type check', number: 3, conclusion: 'failure' }],
          },
        ],
      },
      annotations: { 7: [{ path: 'src/a.ts', start_line: 3, annotation_level: 'failure', message: 'TS2322 here' }] },
      logs: { 7: '2026-03-01T11:58:30.1234567Z compiling\n2026-03-01T11:58:30.2234567Z ##[error]tsc failed\n' },
    });
    const pushplus = fakePushplus({ tokens: [PUSHPLUS_TOKEN] });
    await github.start();
    await pushplus.start();
    servers.push(github, pushplus);
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'octo-org/hello-world',
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: github.apiUrl(),
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
      ...tokenEnv,
    };
    const args = readArgs(
      [
        '--provider',
        'pushplus',
        '--token',
        PUSHPLUS_TOKEN,
        '--endpoint',
        pushplus.url,
        '--status',
        'failure',
        '--locale',
        'en',
        ...extraArgs,
      ],
      env,
    );
    await sendFromArgs(args, env, new SecretRegistry(), logger, process.cwd());
    return { github, content: (pushplus.accepted[0] as { content: string }).content };
  }

  it('with GITHUB_TOKEN: the annotation and the log excerpt', async () => {
    const { content } = await send([], { GITHUB_TOKEN: GH_TOKEN });
    expect(content).toContain('TS2322 here');
    expect(content).toContain('Error: tsc failed');
  });

  it('--details off, or no token: no lookup, the message as before', async () => {
    for (const [args, env] of [
      [['--details', 'off'], { GITHUB_TOKEN: GH_TOKEN }],
      [[], {}],
    ] as const) {
      const { github, content } = await send([...args], { ...env });
      expect(content).not.toContain('TS2322 here');
      expect(github.requests).toHaveLength(0);
    }
  });
});
