import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakePushplus } from '../fakes/pushplus.js';
import { FIXTURES } from '../helpers/run-action.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';

const TOKEN = '0123456789abcdef0123456789abcdef';
const OTHER = 'fedcba9876543210fedcba9876543210';
const BAD = 'ffffffffffffffffffffffffffffffff';
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';

interface CiCase {
  ci: string;
  env: Record<string, string>;
  args?: string[];
  /** Strings the rendered message must contain (title + content). */
  expects: string[];
  /** Strings the rendered message must not contain. */
  absent?: string[];
  title: RegExp;
}

/** Each CI's variables, named and shaped as that CI documents and sets them. */
const CI_CASES: CiCase[] = [
  {
    ci: 'GitLab CI',
    env: {
      CI: 'true',
      GITLAB_CI: 'true',
      CI_SERVER_URL: 'https://gitlab.example.com',
      CI_PROJECT_PATH: 'platform/payments',
      CI_PROJECT_URL: 'https://gitlab.example.com/platform/payments',
      CI_COMMIT_SHA: SHA,
      CI_COMMIT_REF_NAME: 'release-2.4',
      CI_COMMIT_MESSAGE: 'Bump <script>alert(1)</script> ledger\n\nLonger body',
      CI_COMMIT_AUTHOR: 'Li Lei <lilei@example.com>',
      CI_PIPELINE_ID: '912',
      CI_PIPELINE_URL: 'https://gitlab.example.com/platform/payments/-/pipelines/912',
      CI_PIPELINE_SOURCE: 'push',
      CI_JOB_ID: '4411',
      CI_JOB_NAME: 'unit-tests',
      CI_JOB_STATUS: 'failed',
      GITLAB_USER_LOGIN: 'lilei',
    },
    expects: [
      'platform/payments',
      'release-2.4',
      '3f78685',
      'https://gitlab.example.com/platform/payments/-/commit/' + SHA,
      'https://gitlab.example.com/platform/payments/-/pipelines/912',
      'lilei',
      // CI_COMMIT_AUTHOR is `Name <e-mail>`: the message shows the name only.
      '(Li Lei)',
    ],
    absent: ['lilei@example.com'],
    title: /Failed/,
  },
  {
    ci: 'Jenkins',
    env: {
      JENKINS_URL: 'https://jenkins.example.com/',
      BUILD_URL: 'https://jenkins.example.com/job/shop/128/',
      BUILD_NUMBER: '128',
      JOB_NAME: 'shop',
      GIT_COMMIT: SHA,
      GIT_BRANCH: 'origin/main',
      GIT_URL: 'https://git.example.com/acme/shop.git',
      WORKSPACE: '/var/jenkins/workspace/shop',
    },
    // Jenkins has no result variable; the Jenkinsfile passes currentBuild.currentResult.
    args: ['--status', 'UNSTABLE'],
    expects: ['shop', '3f78685', 'https://jenkins.example.com/job/shop/128/'],
    title: /Failed: shop on main$/,
  },
  {
    ci: 'Gitee Go',
    env: {
      GITEE_PIPELINE_NAME: 'master-pipeline',
      GITEE_PIPELINE_DISPLAY_NAME: 'Master Pipeline',
      GITEE_PIPELINE_BUILD_NUMBER: '57',
      GITEE_PIPELINE_TRIGGER_USER: 'hanmeimei',
      GITEE_COMMIT_MESSAGE: 'Fix order rounding',
      GITEE_BRANCH: 'master',
      GITEE_COMMIT: SHA,
      GITEE_REPO: 'mall-service',
    },
    args: ['--status', 'failure'],
    expects: ['mall-service', 'master', '3f78685', 'Fix order rounding', 'hanmeimei', 'Master Pipeline'],
    title: /Failed: Master Pipeline on master/,
  },
  {
    ci: 'Drone',
    env: {
      CI: 'true',
      DRONE: 'true',
      DRONE_REPO: 'acme/api',
      DRONE_REPO_OWNER: 'acme',
      DRONE_REPO_NAME: 'api',
      DRONE_REPO_LINK: 'https://git.example.com/acme/api',
      DRONE_COMMIT_SHA: SHA,
      DRONE_COMMIT_MESSAGE: 'Tune pool size',
      DRONE_COMMIT_AUTHOR: 'octo',
      DRONE_BRANCH: 'develop',
      DRONE_BUILD_NUMBER: '311',
      DRONE_BUILD_LINK: 'https://drone.example.com/acme/api/311',
      DRONE_BUILD_EVENT: 'push',
      DRONE_BUILD_STATUS: 'failure',
      DRONE_STAGE_NAME: 'default',
    },
    expects: ['acme/api', 'develop', 'Tune pool size', 'https://drone.example.com/acme/api/311'],
    title: /Failed/,
  },
  {
    ci: 'Woodpecker',
    env: {
      CI: 'woodpecker',
      CI_REPO: 'acme/web',
      CI_REPO_OWNER: 'acme',
      CI_REPO_NAME: 'web',
      CI_REPO_URL: 'https://codeberg.org/acme/web',
      CI_COMMIT_SHA: SHA,
      CI_COMMIT_BRANCH: 'main',
      CI_COMMIT_MESSAGE: 'Ship dark mode',
      CI_COMMIT_AUTHOR: 'ann',
      CI_PIPELINE_NUMBER: '88',
      CI_PIPELINE_URL: 'https://ci.codeberg.org/repos/12/pipeline/88',
      CI_PIPELINE_EVENT: 'push',
      CI_PIPELINE_STATUS: 'success',
    },
    expects: ['acme/web', 'main', 'Ship dark mode', 'https://ci.codeberg.org/repos/12/pipeline/88'],
    title: /Succeeded/,
  },
  {
    ci: 'CircleCI',
    env: {
      CI: 'true',
      CIRCLECI: 'true',
      CIRCLE_PROJECT_USERNAME: 'acme',
      CIRCLE_PROJECT_REPONAME: 'mobile',
      CIRCLE_REPOSITORY_URL: 'git@github.com:acme/mobile.git',
      CIRCLE_SHA1: SHA,
      CIRCLE_BRANCH: 'main',
      CIRCLE_BUILD_NUM: '1024',
      CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/mobile/1024',
      CIRCLE_JOB: 'build-android',
      CIRCLE_USERNAME: 'dev1',
      CIRCLE_NODE_INDEX: '0',
    },
    args: ['--status', 'failure'],
    expects: ['acme/mobile', 'main', '3f78685', 'https://circleci.com/gh/acme/mobile/1024', 'dev1'],
    title: /Failed/,
  },
  {
    ci: 'Azure Pipelines',
    env: {
      TF_BUILD: 'True',
      BUILD_BUILDURI: 'vstfs:///Build/Build/5531',
      BUILD_BUILDID: '5531',
      BUILD_BUILDNUMBER: '20261123.4',
      BUILD_DEFINITIONNAME: 'orders-ci',
      BUILD_SOURCEVERSION: SHA,
      BUILD_SOURCEBRANCH: 'refs/heads/main',
      BUILD_SOURCEVERSIONMESSAGE: 'Retry ledger sync',
      BUILD_REQUESTEDFOR: 'Wang Fang',
      BUILD_REPOSITORY_NAME: 'orders',
      BUILD_REPOSITORY_URI: 'https://dev.azure.com/contoso/Shop/_git/orders',
      SYSTEM_COLLECTIONURI: 'https://dev.azure.com/contoso/',
      SYSTEM_TEAMPROJECT: 'Shop',
      AGENT_JOBSTATUS: 'Failed',
    },
    expects: [
      'orders',
      'main',
      'Retry ledger sync',
      'Wang Fang',
      'https://dev.azure.com/contoso/Shop/_build/results?buildId=5531',
    ],
    title: /Failed: orders-ci on main/,
  },
  {
    ci: 'GitHub Actions',
    env: {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: join(FIXTURES, 'push-failure.json'),
      GITHUB_REPOSITORY: 'octo-org/hello-world',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_SHA: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_REF_TYPE: 'branch',
      GITHUB_WORKFLOW: 'CI',
      GITHUB_RUN_ID: '9876543210',
      GITHUB_RUN_NUMBER: '42',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: 'octocat',
    },
    args: ['--status', 'failure'],
    expects: ['octo-org/hello-world', 'https://github.com/octo-org/hello-world/actions/runs/9876543210'],
    title: /Failed: CI on main/,
  },
];

describe('ci-notifier CLI (node lib/cli/main.js)', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeAll(() => ensureLibBuilt(), 120_000);
  beforeEach(async () => {
    fake = fakePushplus({ tokens: [TOKEN, OTHER] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  for (const ciCase of CI_CASES) {
    it(`${ciCase.ci}: detects the CI, renders its context and exits 0`, async () => {
      // English wording is what these cases check; the Chinese default is checked below.
      const run = await runCli(['--provider', 'pushplus', '--endpoint', fake.url, ...(ciCase.args ?? [])], {
        ...ciCase.env,
        CI_NOTIFIER_TOKEN: TOKEN,
        CI_NOTIFIER_LOCALE: 'en',
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(fake.accepted).toHaveLength(1);
      const body = fake.accepted[0] as { title: string; content: string; token: string };
      expect(body.token).toBe(TOKEN);
      expect(body.title).toMatch(ciCase.title);
      for (const expected of ciCase.expects) expect(body.title + body.content).toContain(expected);
      for (const unwanted of ciCase.absent ?? []) expect(body.title + body.content).not.toContain(unwanted);
      // The token came from the environment and is never printed.
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
      expect(run.stdout).toMatch(/Sent 1 message/);
    });
  }

  it('speaks Chinese by default and English with --locale en', async () => {
    const chinese = await runCli(['--provider', 'pushplus', '--endpoint', fake.url, '--status', 'failure'], {
      ...CI_CASES[0]!.env,
      CI_NOTIFIER_TOKEN: TOKEN,
    });
    expect(chinese.code, chinese.stderr).toBe(0);
    expect((fake.accepted[0] as { title: string }).title).toContain('失败');
    const english = await runCli(
      ['--provider', 'pushplus', '--endpoint', fake.url, '--status', 'failure', '--locale', 'en'],
      { ...CI_CASES[0]!.env, CI_NOTIFIER_TOKEN: TOKEN },
    );
    expect(english.code, english.stderr).toBe(0);
    expect((fake.accepted[1] as { title: string }).title).toContain('Failed');
    const bad = await runCli(['--provider', 'pushplus', '--timezone', 'Mars/Base'], { CI_NOTIFIER_TOKEN: TOKEN });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/timezone.*Mars\/Base/);
  });

  it('people: matches the commit author of another CI by e-mail and lists them as responsible', async () => {
    const run = await runCli(['--provider', 'pushplus', '--endpoint', fake.url, '--mention', 'author'], {
      ...CI_CASES[0]!.env,
      CI_NOTIFIER_TOKEN: TOKEN,
      CI_NOTIFIER_FORMAT: 'markdown',
      CI_NOTIFIER_PEOPLE: 'li-lei: { emails: [LiLei@example.com], dingtalk: "@mobile:13800000000" }',
    });
    expect(run.code, run.stderr).toBe(0);
    expect((fake.accepted[0] as { content: string }).content).toContain('**负责人：** li-lei');
    const bad = await runCli(['--provider', 'pushplus', '--people', 'li-lei: { wecom: "13800000000" }'], {
      CI_NOTIFIER_TOKEN: TOKEN,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/people.*'li-lei'\.wecom/);
  });

  it('escapes untrusted context (a commit message with HTML) in the rendered message', async () => {
    const run = await runCli(['--provider', 'pushplus', '--endpoint', fake.url], {
      ...CI_CASES[0]!.env,
      CI_NOTIFIER_TOKEN: TOKEN,
    });
    expect(run.code).toBe(0);
    const body = fake.accepted[0] as { content: string };
    expect(body.content).not.toContain('<script>');
    expect(body.content).toContain('Bump');
  });

  it('exits 1 when the provider rejects the delivery, naming the code; 0 with --fail-on-error false', async () => {
    const failed = await runCli([
      '--provider',
      'pushplus',
      '--token',
      BAD,
      '--endpoint',
      fake.url,
      '--status',
      'failure',
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stdout + failed.stderr).toMatch(/903/);
    expect(failed.stdout + failed.stderr).not.toContain(BAD);

    const tolerated = await runCli(['--provider', 'pushplus', '--endpoint', fake.url, '--fail-on-error', 'false'], {
      CI_NOTIFIER_TOKEN: BAD,
    });
    expect(tolerated.code).toBe(0);
    expect(tolerated.stderr).toMatch(/fail-on-error is false/);
  });

  it('exits 2 on bad input before any request, naming the input and where to set it', async () => {
    const noProvider = await runCli(['--token', TOKEN]);
    expect(noProvider.code).toBe(2);
    expect(noProvider.stderr).toMatch(/Invalid input 'provider': is required/);
    expect(noProvider.stderr).toContain('--provider or CI_NOTIFIER_PROVIDER');

    const badTimeout = await runCli(['--provider', 'pushplus', '--timeout', 'soon'], { CI_NOTIFIER_TOKEN: TOKEN });
    expect(badTimeout.code).toBe(2);
    expect(badTimeout.stderr).toMatch(/'timeout'.*'soon'.*from 1 to 300/);

    const unknownFlag = await runCli(['--provider', 'pushplus', '--tokn', TOKEN]);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/Unknown option '--tokn'/);

    const badTarget = await runCli(['--provider', 'pushplus', '--endpoint', fake.url, '--target', 'group:x'], {
      CI_NOTIFIER_TOKEN: TOKEN,
    });
    expect(badTarget.code).toBe(2);
    expect(badTarget.stderr).toMatch(/Invalid input 'target'/);

    const badUrl = await runCli(['--url', `dingtalk://${TOKEN}?secret=${OTHER}&sign=1`]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/unknown query key 'sign'/);
    expect(badUrl.stderr).toContain('dingtalk://ACCESS_TOKEN');
    expect(badUrl.stderr).not.toContain(TOKEN);
    expect(badUrl.stderr).not.toContain(OTHER);
    expect(fake.requests).toHaveLength(0);
  });

  it('fans out over several --url and fails (exit 1) if any destination fails, after sending the others', async () => {
    const run = await runCli([
      '--url',
      `pushplus://${TOKEN}?topic=ops&endpoint=${encodeURIComponent(fake.url)}`,
      '--url',
      `pushplus://${BAD}?endpoint=${encodeURIComponent(fake.url)}`,
      '--status',
      'failure',
      '--title',
      'Fan-out check',
    ]);
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(2);
    expect(fake.accepted).toEqual([expect.objectContaining({ token: TOKEN, topic: 'ops', title: 'Fan-out check' })]);
    expect(run.stdout + run.stderr).not.toContain(BAD);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('reads several URLs from CI_NOTIFIER_URL, one per line, and validates all before sending any', async () => {
    const ok = await runCli(['--status', 'success'], {
      CI_NOTIFIER_URL: `pushplus://${TOKEN}?endpoint=${fake.url}\npushplus://${OTHER}?to=friend1&endpoint=${fake.url}`,
    });
    expect(ok.code, ok.stderr).toBe(0);
    expect(fake.accepted.map((body) => body.token).sort()).toEqual([TOKEN, OTHER].sort());

    const oneBad = await runCli(['--status', 'success'], {
      CI_NOTIFIER_URL: `pushplus://${TOKEN}?endpoint=${fake.url}\npushplus://${OTHER}?channel=pigeon&endpoint=${fake.url}`,
    });
    expect(oneBad.code).toBe(2);
    expect(oneBad.stderr).toMatch(/destination 2 of 2 \(pushplus\).*channel/);
    expect(fake.requests).toHaveLength(2);
  });

  it('--dry-run prints the request with the token masked and sends nothing; --json prints the outcome', async () => {
    const run = await runCli(['--provider', 'pushplus', '--dry-run', '--json', '--status', 'failure'], {
      CI_NOTIFIER_TOKEN: TOKEN,
    });
    expect(run.code).toBe(0);
    expect(fake.requests).toHaveLength(0);
    const outcome = JSON.parse(run.stdout) as { status: string; dryRun: { url: string; body: string }[] };
    expect(outcome.status).toBe('dry-run');
    expect(outcome.dryRun[0]!.url).toBe('https://www.pushplus.plus/send');
    expect(outcome.dryRun[0]!.body).toContain('"token":"***"');
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('skips (exit 0, nothing sent) when the status is outside --notify-on', async () => {
    const run = await runCli(['--provider', 'pushplus', '--endpoint', fake.url, '--notify-on', 'failure'], {
      CI_NOTIFIER_TOKEN: TOKEN,
      ...CI_CASES[4]!.env,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Skipped: status 'success'/);
    expect(fake.requests).toHaveLength(0);
  });

  it('--help lists every flag with its environment variable and the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const flag of ['provider', 'token', 'secret', 'app-id', 'workspace-id', 'endpoint', 'channel', 'format']) {
      expect(run.stdout).toContain(`--${flag}`);
    }
    for (const flag of ['template', 'title', 'target', 'status', 'notify-on', 'options', 'url', 'dry-run']) {
      expect(run.stdout).toContain(`--${flag}`);
    }
    for (const flag of ['fail-on-error', 'timeout', 'retries', 'deadline']) expect(run.stdout).toContain(`--${flag}`);
    expect(run.stdout).toContain('CI_NOTIFIER_TOKEN');
    expect(run.stdout).toContain('CI_NOTIFIER_WORKSPACE_ID');
    expect(run.stdout).toMatch(/Exit codes: 0 .* 1 .* 2 bad input/);
  });

  it('keeps a dispatcher spot for `easemob` commands and rejects unknown commands with exit 2', async () => {
    const unknown = await runCli(['deploy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'deploy'.*easemob/);
  });
});
