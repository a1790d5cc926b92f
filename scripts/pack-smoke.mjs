#!/usr/bin/env node
/**
 * What an npm user gets: packs the package, checks the tarball holds exactly what a user needs, installs it into a
 * fresh temporary project (dependencies from the npm cache when they are there, `--prefer-offline`), and runs the
 * CLI (`npx ci-notifier --help`, a dry run, and a real send to a fake pushplus on 127.0.0.1, which loads the HTTP
 * stack), an ESM import of the library, and a TypeScript file type-checked by
 * tsc against the shipped `.d.ts`. Everything runs on the Node that runs this script, so CI runs it on the lowest
 * Node that `engines` allows.
 *
 *   node scripts/pack-smoke.mjs [--keep]    exit 1 with the reason on the first failure; --keep leaves the temp dir
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLib, libIsFresh } from './build-lib-if-stale.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const started = Date.now();

/** Files a user needs, and nothing else: the library and CLI with types, the action's metadata, docs, licence. */
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'action.yml',
  'lib/library.js',
  'lib/library.d.ts',
  'lib/cli/main.js',
];
const ALLOWED = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|action\.yml|lib\/.+\.(js|d\.ts))$/;

// The Node running this script first on PATH, and no node_modules/.bin of the repository (its `node` package is 24).
const PATH = [
  dirname(process.execPath),
  ...(process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.includes('node_modules')),
].join(delimiter);
const env = {
  ...process.env,
  PATH,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};
for (const key of Object.keys(env)) {
  // Settings npm passes to scripts it runs (npm test → this) would leak into the npm commands below.
  if (
    key.startsWith('npm_') &&
    ![
      'npm_config_audit',
      'npm_config_fund',
      'npm_config_update_notifier',
      'npm_config_cache',
      'npm_config_registry',
    ].includes(key)
  )
    delete env[key];
}

function run(command, args, cwd, extraEnv = {}) {
  try {
    return execFileSync(command, args, {
      cwd,
      env: { ...env, ...extraEnv },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${error.status}):\n${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
  }
}

function step(text) {
  console.log(`pack-smoke: ${text} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const work = mkdtempSync(join(tmpdir(), 'ci-notifier-pack-'));
try {
  if (!libIsFresh()) {
    step('building lib/');
    buildLib();
  }
  // Scripts are skipped: lib/ is fresh (checked above), and prepack would rebuild it for nothing.
  const [packed] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT));
  const names = packed.files.map((file) => file.path).sort();
  const missing = REQUIRED.filter((name) => !names.includes(name));
  const extra = names.filter((name) => !ALLOWED.test(name));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `the package content is wrong.\n  missing: ${missing.join(', ') || '-'}\n  not for users: ${extra.join(', ') || '-'}`,
    );
  }
  step(`packed ${packed.filename}: ${names.length} files, ${Math.round(packed.size / 1024)} KB`);

  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'smoke', private: true, type: 'module' }, null, 2),
  );
  run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--no-save',
      '--loglevel=error',
      join(work, packed.filename),
    ],
    project,
  );
  step('installed the tarball into a fresh project');

  const help = run('npx', ['--no-install', 'ci-notifier', '--help'], project);
  if (!/ci-notifier/.test(help) || !/--provider/.test(help)) throw new Error(`ci-notifier --help printed:\n${help}`);

  const token = 'pack-smoke-token-0123456789';
  const args = ['--no-install', 'ci-notifier', '--provider', 'pushplus', '--status', 'failure', '--dry-run', '--json'];
  const outcome = JSON.parse(run('npx', args, project, { CI_NOTIFIER_TOKEN: token }));
  if (outcome.status !== 'dry-run') throw new Error(`the dry run's outcome is ${JSON.stringify(outcome)}`);
  if (JSON.stringify(outcome).includes(token)) throw new Error('the dry run printed the token');
  // A real send, to a local stand-in for pushplus's /send (reply shape from https://www.pushplus.plus/doc/guide/api.html).
  const received = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ path: request.url, body: JSON.parse(body || '{}') });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ code: 200, msg: '请求成功', data: 'smoke-short-code' }));
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  try {
    const endpoint = `http://127.0.0.1:${server.address().port}`;
    const sendArgs = [
      '--no-install',
      'ci-notifier',
      '--provider',
      'pushplus',
      '--status',
      'success',
      '--endpoint',
      endpoint,
    ];
    const sent = await new Promise((done, fail) =>
      execFile(
        'npx',
        [...sendArgs, '--json'],
        { cwd: project, env: { ...env, CI_NOTIFIER_TOKEN: token } },
        (error, stdout, stderr) =>
          error
            ? fail(new Error(`the send failed (exit ${error.code}):\n${stdout}${stderr}`))
            : done(JSON.parse(stdout)),
      ),
    );
    if (sent.status !== 'success' || received.length !== 1 || received[0].body.token !== token) {
      throw new Error(`the send to the local pushplus went wrong: ${JSON.stringify({ sent, received })}`);
    }
  } finally {
    server.close();
  }
  step('npx ci-notifier --help, a dry run and a send to a local fake work');

  writeFileSync(
    join(project, 'esm.mjs'),
    [
      "import { PROVIDER_NAMES, renderMarkdown, notify } from 'ci-notifier';",
      "if (!PROVIDER_NAMES.includes('dingtalk')) throw new Error('PROVIDER_NAMES: ' + PROVIDER_NAMES);",
      "if (typeof notify !== 'function') throw new Error('notify is not a function');",
      "if (typeof renderMarkdown !== 'function') throw new Error('renderMarkdown is not a function');",
      "console.log('esm ok');",
    ].join('\n'),
  );
  if (run('node', ['esm.mjs'], project).trim() !== 'esm ok') throw new Error('the ESM import failed');

  writeFileSync(
    join(project, 'check.ts'),
    [
      "import { PROVIDER_NAMES, notify, ConfigError } from 'ci-notifier';",
      "import type { NotifyConfig, NotifyOutcome, CiContext } from 'ci-notifier';",
      'const names: readonly string[] = PROVIDER_NAMES;',
      'export const send = (...args: Parameters<typeof notify>): Promise<NotifyOutcome> => notify(...args);',
      'export const config: Partial<NotifyConfig> = {};',
      "export const context: Partial<CiContext> = { repository: 'octo-org/app' };",
      "export const error: Error = new ConfigError('provider', 'missing', 'a provider name');",
      '// @ts-expect-error PROVIDER_NAMES is a list of names, not a number: proves the shipped types are read.',
      'export const wrong: number = PROVIDER_NAMES;',
      'console.log(names.length);',
    ].join('\n'),
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2023',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules', '@types')],
      },
      files: ['check.ts'],
    }),
  );
  const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
  run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
  step('the library imports from ESM, and a TypeScript file type-checks against the shipped .d.ts');
  console.log(`pack-smoke: ok on Node ${process.version}`);
} catch (error) {
  console.error(`pack-smoke: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`pack-smoke: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
