/**
 * Every `ci-notifier` command the docs show (README.md, docs/**\/*.md, `preview --help`) is run here, the way a new
 * user would paste it, offline: sends run as dry runs with placeholder credentials where the docs leave them to the
 * environment, Easemob commands run against the local stand-in, and the files the commands name (`push.json`,
 * `.github/notify.md`) are prepared in the working directory. A documented command that fails fails this test.
 */
import { mkdir, mkdtemp, readFile, readdir, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeEasemob, type FakeEasemob } from '../fakes/easemob.js';
import { fakeFeishuApp } from '../fakes/feishu-app.js';
import { ROOT } from '../helpers/run-action.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';

interface DocCommand {
  file: string;
  line: number;
  /** The command as written (continuations joined). */
  text: string;
  /** `VAR=value` assignments written before it. */
  env: Record<string, string>;
  /** Arguments after `ci-notifier`. */
  args: string[];
}

/** Splits a shell command line into words: '…' and "…" quoting, `# comment` to the end. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (char === "'" || char === '"') {
      const end = line.indexOf(char, index + 1);
      word = (word ?? '') + line.slice(index + 1, end < 0 ? line.length : end);
      index = end < 0 ? line.length : end;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === '#' && word === undefined) break;
    else word = (word ?? '') + char;
  }
  if (word !== undefined) words.push(word);
  return words;
}

const INVOCATION = /^(?:-\s+)?((?:[A-Z_]+=\S*\s+)*)(?:npx\s+(?:--yes\s+)?)?ci-notifier(?:@[\w.-]+)?(?:\s|$)/;

/** The `ci-notifier …` commands in one Markdown file's code blocks, with `\` and YAML `>` continuations joined. */
export function commandsIn(file: string, markdown: string): DocCommand[] {
  const found: DocCommand[] = [];
  const lines = markdown.split('\n');
  let inBlock = false;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    if (/^\s*```/.test(raw)) {
      inBlock = !inBlock;
      continue;
    }
    if (!inBlock) continue;
    const start = INVOCATION.exec(raw.trim());
    if (!start) continue;
    let text = raw.trim();
    let next = index;
    // `\` (sh) or `\\` (inside a Groovy string) at the end continues the line; in a folded YAML scalar the flags
    // follow on their own lines.
    while (/\\\\?$/.test(text) || (next + 1 < lines.length && /^\s+--/.test(lines[next + 1]!) && !/\\$/.test(text))) {
      next++;
      text = `${text.replace(/\\\\?$/, '').trimEnd()} ${lines[next]!.trim()}`;
      if (next >= lines.length - 1) break;
    }
    index = next;
    const words = shellWords(text.replace(/^-\s+/, ''));
    const env: Record<string, string> = {};
    while (words[0] && /^[A-Z_]+=/.test(words[0])) {
      const [name, ...value] = words.shift()!.split('=');
      env[name!] = value.join('=');
    }
    while (words[0] === 'npx' || words[0] === '--yes') words.shift();
    words.shift(); // ci-notifier[@1]
    // `ci-notifier watch [flags]  what it does`: a usage synopsis, not a command to paste.
    if (words.includes('[flags]')) continue;
    found.push({ file, line: index + 1, text, env, args: words });
  }
  return found;
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));
}

async function documentedCommands(): Promise<DocCommand[]> {
  const files = [join(ROOT, 'README.md'), ...(await markdownFiles(join(ROOT, 'docs')))];
  const commands: DocCommand[] = [];
  for (const path of files) commands.push(...commandsIn(relative(ROOT, path), await readFile(path, 'utf8')));
  // The example in `ci-notifier preview --help`.
  const { PREVIEW_HELP } = await import('../../src/cli/preview.js');
  const example = PREVIEW_HELP.split('Example:\n')[1] ?? '';
  commands.push(...commandsIn('ci-notifier preview --help', `\`\`\`sh\n${example.trim()}\n\`\`\``));
  return commands;
}

/** Values a CI fills in where the docs write a variable. */
function expand(word: string): string {
  return (
    word
      .replace('${currentBuild.currentResult}', 'FAILURE')
      .replace(/^\$(?:PUSHPLUS|DINGTALK)_TOKEN$/, '')
      // The Feishu app of `ci-notifier doctor`'s example: the stand-in's credentials.
      .replace(/^\$APP_ID$/, FEISHU_APP_ID)
      .replace(/^\$APP_SECRET$/, FEISHU_APP_SECRET)
      .replace(/^…$/, '')
  );
}

const FEISHU_APP_ID = 'cli_a5e1b2c3d4e5f6a7';
const FEISHU_APP_SECRET = 'FeishuAppSecretNeverLogged0123';
const FEISHU_CHAT = 'oc_a0553eda9014c201e6969b478895c230';
const ORG = '1112171214115068';
const APP = 'cinotify';
const CLIENT_ID = 'YXA6DocsClientId';
const CLIENT_SECRET = 'YXA6DocsClientSecret';

describe('every ci-notifier command in the docs runs', async () => {
  const commands = await documentedCommands();
  let easemob: FakeEasemob;
  let dir: string;
  // doctor's example asks a Feishu app (token, is_in_chat) and the egress-IP service: both on 127.0.0.1 here.
  const feishu = fakeFeishuApp({ appId: FEISHU_APP_ID, appSecret: FEISHU_APP_SECRET, chats: [FEISHU_CHAT] });
  let egress: Server;
  let egressUrl = '';

  beforeAll(async () => {
    ensureLibBuilt();
    easemob = fakeEasemob({ org: ORG, app: APP, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    await easemob.start();
    await feishu.start();
    egress = createServer((_, response) => response.end('203.0.113.9'));
    await new Promise<void>((resolve) => egress.listen(0, '127.0.0.1', resolve));
    egressUrl = `http://127.0.0.1:${(egress.address() as AddressInfo).port}/`;
    dir = await mkdtemp(join(tmpdir(), 'ci-notifier-docs-'));
    // The files the documented commands name: a saved event payload and a template in the checkout.
    await copyFile(join(ROOT, 'test/fixtures/events/push-failure.json'), join(dir, 'push.json'));
    // pgyer's upload reply, as docs/media.md saves it (fields as in pgyer's API 2.0 upload reply).
    await writeFile(
      join(dir, 'pgyer.json'),
      JSON.stringify({
        code: 0,
        message: '',
        data: {
          buildKey: 'b5a1b9e0c3d4',
          buildShortcutUrl: 'AbCd',
          buildQRCodeURL: 'https://www.pgyer.com/app/qrcodeHistory/b5a1b9e0c3d4',
          buildVersion: '1.2.0',
          buildBuildVersion: '7',
        },
      }),
    );
    await mkdir(join(dir, '.github'));
    await writeFile(
      join(dir, '.github/notify.md'),
      '**{{ repository }}** {{ statusIcon }} {{ stateText }}\n\n{{ commit.message | truncate: 80 }} · {{ actor }}\n',
    );
  }, 120_000);
  afterAll(async () => {
    await easemob?.stop();
    await feishu.stop();
    egress?.close();
  });

  it('finds the commands the docs show (README, docs/cli.md, the recipes, the Easemob page, preview --help)', () => {
    const files = new Set(commands.map((command) => command.file));
    for (const file of [
      'README.md',
      'docs/cli.md',
      'docs/recipes/gitlab-ci.md',
      'docs/recipes/jenkins.md',
      'docs/providers/easemob.md',
      'ci-notifier preview --help',
    ])
      expect(files, file).toContain(file);
    expect(commands.filter((command) => command.args[0] === 'preview').length).toBeGreaterThanOrEqual(3);
  });

  it('every npx in the docs pins the major version (npx --yes ci-notifier@1), and the README says what <owner> is', async () => {
    const files = [join(ROOT, 'README.md'), ...(await markdownFiles(join(ROOT, 'docs')))];
    for (const path of files) {
      const text = await readFile(path, 'utf8');
      for (const match of text.matchAll(/npx(?:\s+--?[\w-]+)*\s+ci-notifier\S*/g))
        expect(match[0], relative(ROOT, path)).toMatch(/^npx --yes ci-notifier@1$/);
    }
    const opening = (await readFile(join(ROOT, 'README.md'), 'utf8')).split('\n').slice(0, 10).join('\n');
    expect(opening).toContain('`<owner>` stands for');
  });

  it.each(commands.map((command) => [`${command.file}:${command.line} ${command.text}`, command] as const))(
    '%s',
    async (_, command) => {
      const args = command.args.map(expand);
      // `--token "$DINGTALK_TOKEN"` where the docs leave the credential to a secret: the placeholder below stands in.
      const emptyToken = args.findIndex((word, index) => word === '--token' && args[index + 1] === '');
      if (emptyToken >= 0) args.splice(emptyToken, 2);
      const env: Record<string, string> = { ...command.env };
      for (const [name, value] of Object.entries(env)) env[name] = expand(value);
      if (args[0] === 'easemob') {
        Object.assign(env, {
          CI_NOTIFIER_ENDPOINT: easemob.url,
          CI_NOTIFIER_APP_ID: `${ORG}#${APP}`,
          CI_NOTIFIER_TOKEN: CLIENT_ID,
          CI_NOTIFIER_SECRET: CLIENT_SECRET,
        });
      } else if (args[0] === 'doctor') {
        Object.assign(env, { CI_NOTIFIER_ENDPOINT: feishu.url, CI_NOTIFIER_EGRESS_IP_URL: egressUrl });
      } else if (args[0] !== 'preview') {
        // A send: the credential the docs leave to the environment is a placeholder, and nothing leaves the machine.
        const provider = args[args.indexOf('--provider') + 1] ?? 'pushplus';
        const { getDescriptor } = await import('../../src/providers/registry.js');
        env.CI_NOTIFIER_TOKEN ||= getDescriptor(provider).example.token ?? '';
        env.CI_NOTIFIER_DRY_RUN = 'true';
      }
      const run = await runCli(args, env, 60_000, dir);
      expect(run.stderr, run.stderr).not.toMatch(/^error:/m);
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      if (args[0] === 'preview') expect(run.stdout).toContain('nothing sent');
    },
    60_000,
  );
});
