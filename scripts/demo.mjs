// Offline demo: renders real messages from bundled sample events and prints exactly what would be sent.
// Usage: npm run demo [-- <provider> [format]]   e.g. npm run demo -- dingtalk card
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const [provider = 'pushplus', format = ''] = process.argv.slice(2);

const credentials = {
  pushplus: { token: 'demo0000000000000000000000000000' },
  dingtalk: { token: 'demo-access-token', secret: 'SECdemo' },
  wecom: { token: '00000000-0000-0000-0000-000000000000' },
  feishu: { token: '00000000-0000-0000-0000-000000000000', secret: 'demo-secret' },
  serverchan: { token: 'SCTdemo0000000000000000000' },
  mobpush: { token: 'demoappkey', secret: 'demoappsecret', target: 'alias:tester' },
  mpaas: {
    token: 'LTAIdemo',
    secret: 'demo-secret',
    'app-id': 'ONEX0000000000000',
    'workspace-id': 'default',
    target: 'user:tester',
  },
  easemob: {
    token: 'YXA6demo',
    secret: 'YXA6demosecret',
    'app-id': 'demo-org#demo-app',
    endpoint: 'https://a1.easemob.com',
    target: 'user:oncall',
  },
};

const scenes = [
  { name: 'Build failure (push to main)', event: 'push-failure.json', eventName: 'push', status: 'failure' },
  {
    name: 'Release announcement',
    event: 'release-published.json',
    eventName: 'release',
    status: 'success',
    ref: 'refs/tags/v2.3.0',
  },
];

const dir = mkdtempSync(join(tmpdir(), 'ci-notifier-demo-'));
for (const scene of scenes) {
  const outputFile = join(dir, `${scene.event}.out`);
  writeFileSync(outputFile, '');
  const inputs = {
    provider,
    status: scene.status,
    'dry-run': 'true',
    template: 'auto',
    summary: 'false',
    ...(credentials[provider] ?? { token: 'demo-token-0000' }),
  };
  if (format) inputs.format = format;
  const env = {
    PATH: process.env.PATH,
    GITHUB_EVENT_NAME: scene.eventName,
    GITHUB_EVENT_PATH: join(root, 'test/fixtures/events', scene.event),
    GITHUB_REPOSITORY: 'octo-org/hello-world',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
    GITHUB_REF: scene.ref ?? 'refs/heads/main',
    GITHUB_REF_NAME: (scene.ref ?? 'refs/heads/main').replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: scene.ref?.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'build',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKSPACE: root,
    GITHUB_OUTPUT: outputFile,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  console.log(`\n━━━ ${scene.name} → ${provider}${format ? ` (${format})` : ''} ━━━`);
  const child = spawnSync(process.execPath, [join(root, 'dist/index.js')], { env, encoding: 'utf8' });
  const shown = child.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::') && !line.startsWith('::debug::'))
    .join('\n');
  process.stdout.write(shown);
  process.stderr.write(child.stderr);
  if (child.status !== 0) process.exitCode = child.status ?? 1;
  const status = /status<<(\S+)\n(.*)\n/.exec(readFileSync(outputFile, 'utf8'))?.[2];
  console.log(`status output: ${status}`);
}
