/**
 * Issue 24, "Workflow commands from a provider reply, through U+0085": the runner finds a command in a line after
 * .NET's `TrimStart()`, which strips every `char.IsWhiteSpace` character, U+0085 among them (JavaScript's `\s`
 * lacks it). Text from a provider reaches stdout on the sent, failed, retry and debug lines of the action and the
 * CLI, and an event's text on the dry-run lines; none of it may start a command, whatever whitespace precedes it.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';
import { FIXTURES, runAction } from '../helpers/run-action.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';

/**
 * .NET char.IsWhiteSpace, written out here from its documentation rather than imported, so the test checks the
 * code against the document: https://learn.microsoft.com/dotnet/api/system.char.iswhitespace (Remarks).
 */
const DOTNET_WHITESPACE = [
  ...'\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000',
  '\u2028',
  '\u2029',
  ...'\u0009\u000a\u000b\u000c\u000d\u0085',
];
/** Those inside a line (the runner's StreamReader.ReadLine ends a line at \n and \r). */
const IN_LINE = DOTNET_WHITESPACE.filter((ch) => ch !== '\n' && ch !== '\r');

const dotnetTrimStart = (line: string) => {
  let i = 0;
  while (i < line.length && DOTNET_WHITESPACE.includes(line[i]!)) i++;
  return line.slice(i);
};

/** The lines the runner would run as commands that the hostile text put there. */
function injected(stdout: string): string[] {
  return stdout
    .split(/\r\n|\r|\n/)
    .filter((line) => /INJECTED|pwned/.test(line))
    .filter((line) => dotnetTrimStart(line).startsWith('::') || line.includes('##['))
    .filter((line) => !/^::(error|warning|debug)::/.test(line)); // the action's own commands, data escaped
}

/** One hostile text: for every whitespace character, a line that starts with it and then a command. */
const hostile = (tag: string) =>
  `${tag}\n` +
  IN_LINE.map((ch) => `${ch}::warning title=INJECTED::pwned U+${ch.codePointAt(0)!.toString(16)}`).join('\n') +
  `\n\u0085\u2028 ::stop-commands::pwned\n`;

const HEX_TOKEN = '7e57c0ffee0123456789abcdef7e57aa';

let servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
});
async function serve(handler: (request: RecordedRequest, response: ServerResponse) => unknown): Promise<FakeServer> {
  const server = new FakeServer(handler);
  servers.push(server);
  await server.start();
  return server;
}

/** pushplus: a retryable error, then a final error (retry and failed lines). */
const failing = () => {
  let calls = 0;
  return serve((_request, response) => {
    calls += 1;
    return sendJson(response, 200, { code: calls === 1 ? 500 : 903, msg: hostile(`reply ${calls}`) });
  });
};
/** pushplus: accepted, with a hostile message id (the sent line). */
const accepting = () =>
  serve((_request, response) => sendJson(response, 200, { code: 200, msg: 'ok', data: hostile('id') }));

async function hostileEvent(): Promise<string> {
  const event = JSON.parse(await readFile(join(FIXTURES, 'push-failure.json'), 'utf8')) as {
    head_commit: { message: string };
  };
  event.head_commit.message = hostile('commit');
  const file = join(await mkdtemp(join(tmpdir(), 'ci-notifier-ws-')), 'event.json');
  await writeFile(file, JSON.stringify(event));
  return file;
}

describe('no whitespace the runner trims lets outside text start a command', () => {
  // Building lib/ takes long on a busy machine.
  beforeAll(() => ensureLibBuilt(), 180_000);

  it('the test list is .NET char.IsWhiteSpace: 25 characters, U+0085 among them and not in JavaScript \\s', () => {
    expect(new Set(DOTNET_WHITESPACE).size).toBe(25);
    expect(/\s/.test('\u0085')).toBe(false);
    expect(hostile('x').split('\n').length).toBeGreaterThan(IN_LINE.length);
  });

  it('action: retry, failed and debug lines of a reply', async () => {
    const fake = await failing();
    const run = await runAction({
      inputs: { provider: 'pushplus', token: HEX_TOKEN, endpoint: fake.url, status: 'failure', retries: '1' },
      env: { RUNNER_DEBUG: '1' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('retrying in');
    expect(run.stdout).toContain('FAILED');
    expect(injected(run.stdout + '\n' + run.stderr)).toEqual([]);
    expect(run.stdout).toContain('\u0085%3A%3Awarning title=INJECTED::pwned U+85');
  });

  it('action: the sent line with a message id from the reply', async () => {
    const fake = await accepting();
    const run = await runAction({
      inputs: { provider: 'pushplus', token: HEX_TOKEN, endpoint: fake.url, status: 'failure' },
      env: { RUNNER_DEBUG: '1' },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('sent: pushplus');
    expect(injected(run.stdout + '\n' + run.stderr)).toEqual([]);
  });

  it('action: a dry run printing a commit message', async () => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: HEX_TOKEN, status: 'failure', 'dry-run': 'true', format: 'txt' },
      env: { RUNNER_DEBUG: '1', GITHUB_EVENT_PATH: await hostileEvent() },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(injected(run.stdout + '\n' + run.stderr)).toEqual([]);
  });

  it('CLI: retry, failed and debug lines, plain and --json', async () => {
    for (const json of [[], ['--json']]) {
      const fake = await failing();
      const run = await runCli(
        ['--provider', 'pushplus', '--endpoint', fake.url, '--status', 'failure', '--retries', '1', ...json],
        { CI_NOTIFIER_TOKEN: HEX_TOKEN, CI_NOTIFIER_DEBUG: '1' },
      );
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout + run.stderr).toContain('retrying in');
      expect(injected(run.stdout + '\n' + run.stderr)).toEqual([]);
    }
  });

  it('CLI: the sent line with a message id from the reply', async () => {
    const fake = await accepting();
    const run = await runCli(['--provider', 'pushplus', '--endpoint', fake.url, '--status', 'failure'], {
      CI_NOTIFIER_TOKEN: HEX_TOKEN,
      CI_NOTIFIER_DEBUG: '1',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(injected(run.stdout + '\n' + run.stderr)).toEqual([]);
  });
});
