// Offline demo: renders real messages from bundled sample events and prints exactly what would be sent.
// Usage: npm run demo [-- <provider> [format]]   e.g. npm run demo -- dingtalk markdown
//        npm run demo -- render <dialect>         one text dialect as the reader sees it (needs npm run build:lib)
//        dialects: html, markdown, text, dingtalk-markdown, wecom-markdown, wecom-markdown-v2, feishu-markdown
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const [provider = 'pushplus', format = ''] = process.argv.slice(2);
const DIALECTS = [
  'html',
  'markdown',
  'text',
  'dingtalk-markdown',
  'wecom-markdown',
  'wecom-markdown-v2',
  'feishu-markdown',
];

/**
 * Placeholder credentials per provider: each descriptor's example configuration (src/providers/<name>/descriptor.ts),
 * read through the library build, which is rebuilt first when a source is newer.
 */
async function exampleInputs(name) {
  spawnSync(process.execPath, [join(root, 'scripts/build-lib-if-stale.mjs')], { stdio: 'ignore' });
  const { getDescriptor } = await import(pathToFileURL(join(root, 'lib/library.js')).href);
  let descriptor;
  try {
    descriptor = getDescriptor(name);
  } catch (error) {
    // A misspelt provider (`npm run demo -- dingtak`) is a mistake to name, with the likely fix, not a stack trace.
    console.error(`${error.message} Usage: npm run demo -- <provider> [format], or npm run demo -- render <dialect>.`);
    process.exit(2);
  }
  const { provider: _provider, appId, workspaceId, ...rest } = descriptor.example;
  return { ...rest, ...(appId ? { 'app-id': appId } : {}), ...(workspaceId ? { 'workspace-id': workspaceId } : {}) };
}

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

function runnerEnv(scene) {
  return {
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
  };
}

/** String fields of the printed request bodies that hold a multi-line message, shown unescaped. */
function readableFields(output) {
  const shown = [];
  for (const block of output.split(/\n(?=\{)/).slice(1)) {
    const end = block.indexOf('\n}');
    if (end < 0) continue;
    let body;
    try {
      body = JSON.parse(block.slice(0, end + 2));
    } catch {
      continue;
    }
    const walk = (value, path) => {
      if (typeof value === 'string' && value.includes('\n')) shown.push([path, value]);
      else if (value && typeof value === 'object')
        for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    };
    walk(body, '');
  }
  return shown;
}

if (provider === 'render') {
  // Renders through the library build, so any dialect can be looked at before its provider exists.
  const library = join(root, 'lib/library.js');
  if (!existsSync(library)) {
    console.error('Run `npm run build:lib` first: the render demo uses lib/library.js.');
    process.exit(1);
  }
  const { githubContext, renderTemplate, createMessage, renderBody, renderTitle } = await import(
    pathToFileURL(library).href
  );
  const dialect = format || 'text';
  if (!DIALECTS.includes(dialect)) {
    const { suggest } = await import(pathToFileURL(join(root, 'lib/model/suggest.js')).href);
    const hint = suggest(dialect, DIALECTS);
    console.error(
      `Unknown dialect '${dialect}'${hint ? ` (did you mean '${hint}'?)` : ''}. Expected one of: ${DIALECTS.join(', ')}.`,
    );
    process.exit(2);
  }
  for (const scene of scenes) {
    const env = runnerEnv(scene);
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    const context = githubContext({ env, payload, status: scene.status });
    const rendered = await renderTemplate({ template: 'auto' }, context);
    const message = createMessage(rendered.title, rendered.markdown, context);
    console.log(`\n━━━ ${scene.name} → ${dialect} ━━━`);
    console.log(`title: ${renderTitle(message, { max: 100, unit: 'chars' })}\n`);
    console.log(renderBody(message, dialect, { max: 20_000, unit: 'chars' }));
  }
  process.exit(0);
}

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
    ...(await exampleInputs(provider)),
  };
  if (format) inputs.format = format;
  const env = {
    PATH: process.env.PATH,
    ...runnerEnv(scene),
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
  for (const [path, value] of readableFields(shown)) console.log(`\n── ${path}, as the reader sees it ──\n${value}\n`);
  process.stderr.write(child.stderr);
  if (child.status !== 0) process.exitCode = child.status ?? 1;
  const status = /status<<(\S+)\n(.*)\n/.exec(readFileSync(outputFile, 'utf8'))?.[2];
  console.log(`status output: ${status}`);
}
