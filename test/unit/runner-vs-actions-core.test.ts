/**
 * The runner protocol, proven: src/action/runner.ts speaks the GitHub runner protocol itself (to avoid loading
 * @actions/core's HTTP client on every run). Each case below makes the same calls through @actions/core (a
 * devDependency, the reference) and through createRunnerCore, with stdout captured and fresh GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, and compares the bytes written to all three.
 *
 * Normalisation: heredoc delimiters in GITHUB_OUTPUT are random in both (`ghadelimiter_<uuid>`), so every
 * delimiter is replaced by `ghadelimiter_<uuid>` before comparing, after checking that each entry closes with the
 * delimiter it opened with. Nothing else is normalised.
 *
 * Deliberate differences are named in the `deliberate differences` block at the end.
 */
import * as actionsCore from '@actions/core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRunnerCore } from '../../src/action/runner.js';
import type { ActionCore, AnnotationProperties } from '../../src/action/types.js';
import { parseBoolean } from '../../src/model/config.js';

type Core = Pick<ActionCore, 'getInput' | 'setOutput' | 'setFailed' | 'setSecret' | 'debug' | 'info' | 'isDebug'> & {
  warning(message: string | Error, properties?: AnnotationProperties): void;
  error(message: string | Error, properties?: AnnotationProperties): void;
  notice?(message: string): void;
  summary: {
    addRaw(text: string, addEOL?: boolean): unknown;
    write(options?: { overwrite?: boolean }): Promise<unknown>;
  };
};

interface Captured {
  stdout: string;
  output: string;
  summary: string;
  exitCode: number | string | undefined;
  result: unknown;
  thrown?: string;
}

const DELIMITER = /ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Checks that each `name<<D … D` entry closes with its own delimiter, then replaces every delimiter. */
function normaliseOutputFile(text: string): string {
  const opened = [...text.matchAll(/^[^\n]*<<(ghadelimiter_[0-9a-f-]{36})$/gm)].map((match) => match[1]);
  for (const delimiter of opened) {
    expect(text.split('\n').filter((line) => line === delimiter)).toHaveLength(1);
  }
  return text.replace(DELIMITER, 'ghadelimiter_<uuid>');
}

let dir: string;
const savedEnv = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runner-vs-core-'));
});

afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = undefined;
});

let runs = 0;

/**
 * Runs `calls` against one implementation with its own output and summary files and the given environment, and
 * captures what it wrote. `process.env` is set for both: @actions/core reads it, createRunnerCore is handed it.
 */
async function capture(
  make: () => Core,
  calls: (core: Core) => unknown,
  env: Record<string, string | undefined>,
  files: { output?: boolean; summary?: boolean } = { output: true, summary: true },
): Promise<Captured> {
  runs += 1;
  const outputFile = join(dir, `output-${runs}`);
  const summaryFile = join(dir, `summary-${runs}`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  for (const key of Object.keys(process.env)) {
    if (key.startsWith('INPUT_') || key.startsWith('GITHUB_') || key === 'RUNNER_DEBUG') delete process.env[key];
  }
  if (files.output) process.env.GITHUB_OUTPUT = outputFile;
  if (files.summary) process.env.GITHUB_STEP_SUMMARY = summaryFile;
  for (const [key, value] of Object.entries(env)) if (value !== undefined) process.env[key] = value;
  process.exitCode = undefined;

  let stdout = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  let result: unknown;
  let thrown: string | undefined;
  try {
    result = await calls(make());
  } catch (error) {
    thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } finally {
    process.stdout.write = write;
  }
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  return {
    stdout,
    output: normaliseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    exitCode,
    result,
    ...(thrown === undefined ? {} : { thrown }),
  };
}

/**
 * @actions/core's summary is a module singleton that keeps its buffer and caches the file path of its first write;
 * a fresh buffer and path per run keep the runs independent.
 */
function resetSummary(): void {
  actionsCore.summary.emptyBuffer();
  (actionsCore.summary as unknown as { _filePath?: string })._filePath = undefined;
}
const reference = (): Core => {
  resetSummary();
  return actionsCore;
};
// Ours writes to fd 1 itself (writeAll); here it writes through process.stdout.write, where the capture reads
// both implementations' bytes.
const ours = (): Core => createRunnerCore(process.env, (text) => void process.stdout.write(text));

async function compare(
  calls: (core: Core) => unknown,
  env: Record<string, string | undefined> = {},
  files?: { output?: boolean; summary?: boolean },
): Promise<Captured> {
  const expected = await capture(reference, calls, env, files);
  const actual = await capture(ours, calls, env, files);
  expect(actual).toEqual(expected);
  return actual;
}

const awkward = [
  'plain',
  '  leading and trailing spaces  ',
  '\n\tnewlines and tabs around\n\n',
  'line one\nline two\r\nline three',
  '100% done: a, b; c::d',
  '::warning::not a command',
  'ünïcödé 中文 🚀',
  '',
];

describe('runner.ts and @actions/core write the same bytes', () => {
  it('inputs: names with spaces and hyphens, whitespace and newlines trimmed or kept, required inputs', async () => {
    const env: Record<string, string> = {
      INPUT_MY_INPUT: '  spaced value  ',
      'INPUT_FAIL-ON-ERROR': ' true ',
      INPUT_URLS: '\n  pushplus://a\n\n  dingtalk://b  \n',
      INPUT_EMPTY: '',
    };
    awkward.forEach((value, index) => (env[`INPUT_AWKWARD${index}`] = value));
    const result = await compare((core) => {
      const read: unknown[] = [
        core.getInput('my input'),
        core.getInput('My Input'),
        core.getInput('fail-on-error'),
        core.getInput('urls'),
        core.getInput('urls', { trimWhitespace: false }),
        core.getInput('missing'),
        core.getInput('empty'),
      ];
      awkward.forEach((_, index) => {
        read.push(core.getInput(`awkward${index}`), core.getInput(`awkward${index}`, { trimWhitespace: false }));
      });
      for (const name of ['empty', 'missing']) {
        try {
          core.getInput(name, { required: true });
        } catch (error) {
          read.push((error as Error).message);
        }
      }
      return read;
    }, env);
    expect(result.result).toContain('Input required and not supplied: missing');
  });

  it('multiline inputs split the same way as getMultilineInput', async () => {
    const value = '\n  pushplus://a  \n\n dingtalk://b\r\n\t\n';
    process.env.INPUT_URLS = value;
    const runner = createRunnerCore(process.env);
    // The action splits a multiline input itself: one item per non-empty line, each trimmed.
    const split = (text: string) =>
      text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.trim());
    expect(split(runner.getInput('urls'))).toEqual(actionsCore.getMultilineInput('urls'));
  });

  it('outputs: strings, newlines, carriage returns, delimiter look-alikes, numbers, objects, null', async () => {
    await compare((core) => {
      for (const [index, value] of awkward.entries()) core.setOutput(`awkward-${index}`, value);
      core.setOutput('heredoc-look-alike', 'a<<EOF\nEOF\nghadelimiter_not-a-uuid\n');
      core.setOutput('number', 42);
      core.setOutput('object', { status: 'success', results: [{ id: 'x\ny' }] });
      core.setOutput('null', null);
      core.setOutput('undefined', undefined);
      core.setOutput('name with spaces', 'v');
    });
  });

  it('outputs without GITHUB_OUTPUT: the legacy set-output command on stdout', async () => {
    const result = await compare(
      (core) => {
        core.setOutput('status', 'dry-run');
        core.setOutput('multi', 'a\nb%c');
        core.setOutput('name:with,chars', { a: 1 });
      },
      {},
      { summary: true },
    );
    expect(result.stdout).toContain('::set-output name=status::dry-run');
  });

  it('secrets: setSecret writes add-mask with the value escaped', async () => {
    await compare((core) => {
      core.setSecret('tok-123456');
      core.setSecret('multi\nline%secret\r');
      core.setSecret('a:b,c');
    });
  });

  it.each([
    ['on', '1'],
    ['off', undefined],
    ['set to something else', 'true'],
  ])('debug logging %s: debug lines and isDebug()', async (_, flag) => {
    const result = await compare(
      (core) => {
        core.debug('debug line');
        core.debug('multi\nline 100%');
        return core.isDebug();
      },
      { RUNNER_DEBUG: flag },
    );
    expect(result.result).toBe(flag === '1');
  });

  it('notices: strings and Error objects', async () => {
    await compare((core) => {
      for (const value of awkward) core.notice?.(value);
    });
  });

  it('info lines are written as they are (unless they would start a workflow command: see below)', async () => {
    await compare((core) => {
      for (const value of awkward) if (!value.startsWith('::')) core.info(value);
    });
  });

  it('warnings and errors: strings, Error objects, and annotation properties', async () => {
    const properties: AnnotationProperties[] = [
      { title: 'Delivery failed', file: 'src/a.ts', startLine: 3, endLine: 4, startColumn: 5, endColumn: 9 },
      { title: 'title: with, special%chars\nand a newline' },
      { file: '.github/workflows/ci.yml', startLine: 12 },
      { title: '' },
      { startLine: 0 },
      {},
    ];
    const result = await compare((core) => {
      for (const value of awkward) {
        core.warning(value);
        core.error(value);
      }
      core.warning(new Error('an error as a warning'));
      core.error(new TypeError('a type error'));
      for (const props of properties) {
        core.warning('with properties', props);
        core.error('with properties 50%\nsecond line', props);
      }
    });
    expect(result.stdout).toContain('::error title=Delivery failed,file=src/a.ts,line=3,endLine=4,col=5,endColumn=9::');
  });

  it('setFailed: an error line and exit code 1, for strings and Error objects', async () => {
    const fromString = await compare((core) => core.setFailed('provider: 40001 invalid token\nsee the docs'));
    expect(fromString.exitCode).toBe(1);
    const fromError = await compare((core) => core.setFailed(new Error('boom')));
    expect(fromError.stdout).toBe('::error::Error: boom\n');
  });

  it('summary: addRaw with and without EOL, two writes append, overwrite replaces', async () => {
    await compare(async (core) => {
      core.summary.addRaw('## ci-notifier');
      core.summary.addRaw('', true);
      core.summary.addRaw('| a | b |\n|---|---|\n| 1 | 2 |', true);
      await core.summary.write();
      core.summary.addRaw('second write ✓');
      await core.summary.write();
      await core.summary.write();
    });
    await compare(async (core) => {
      core.summary.addRaw('first', true);
      await core.summary.write();
      core.summary.addRaw('replaced', true);
      await core.summary.write({ overwrite: true });
    });
  });

  it('summary without GITHUB_STEP_SUMMARY: the same error', async () => {
    const result = await compare(
      async (core) => {
        core.summary.addRaw('x');
        await core.summary.write();
      },
      {},
      { output: true },
    );
    expect(result.thrown).toMatch(/GITHUB_STEP_SUMMARY/);
  });
});

describe('deliberate differences from @actions/core', () => {
  it('booleans: parseBoolean agrees with getBooleanInput on YAML 1.2 core booleans and also accepts yes/no, on/off, 1/0 in any case', () => {
    const agree = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', ' true ', '\nfalse\n'];
    const onlyOurs: Array<[string, boolean]> = [
      ['yes', true],
      ['on', true],
      ['1', true],
      ['tRuE', true],
      ['YES', true],
      ['no', false],
      ['off', false],
      ['0', false],
      ['fAlSe', false],
    ];
    for (const value of agree) {
      process.env.INPUT_FLAG = value;
      expect(parseBoolean('flag', value, false)).toBe(actionsCore.getBooleanInput('flag'));
    }
    for (const [value, expected] of onlyOurs) {
      process.env.INPUT_FLAG = value;
      expect(() => actionsCore.getBooleanInput('flag')).toThrow(TypeError);
      expect(parseBoolean('flag', value, !expected)).toBe(expected);
    }
    // Both reject anything else; an empty input is the input's default for us, an error for getBooleanInput.
    process.env.INPUT_FLAG = 'maybe';
    expect(() => actionsCore.getBooleanInput('flag')).toThrow(TypeError);
    expect(() => parseBoolean('flag', 'maybe', false)).toThrow(/'maybe' is not a boolean/);
    process.env.INPUT_FLAG = '';
    expect(() => actionsCore.getBooleanInput('flag')).toThrow(TypeError);
    expect(parseBoolean('flag', '', true)).toBe(true);
  });

  it('an info line that would start a workflow command is neutralised (text from outside is never a command)', async () => {
    const text = 'reply:\n::add-mask::x\n  ::warning::pwned\r::error::y ##[warning]z';
    const reference = await capture(
      () => actionsCore,
      (core) => core.info(text),
      {},
    );
    const neutralised = await capture(ours, (core) => core.info(text), {});
    // @actions/core writes the text as it is, so the runner would obey every line that starts with `::`.
    expect(reference.stdout).toBe(`${text}\n`);
    expect(neutralised.stdout).toBe(
      'reply:\n%3A%3Aadd-mask::x\n  %3A%3Awarning::pwned\r%3A%3Aerror::y ##%5Bwarning]z\n',
    );
    expect(neutralised.stdout.split(/[\r\n]/).some((line) => line.trimStart().startsWith('::'))).toBe(false);
  });

  it('a GITHUB_OUTPUT or GITHUB_STEP_SUMMARY path that does not exist is created rather than an error', async () => {
    const outputFile = join(dir, 'absent-output');
    const summaryFile = join(dir, 'absent-summary');
    process.env.GITHUB_OUTPUT = outputFile;
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
    expect(() => actionsCore.setOutput('a', 'b')).toThrow(/Missing file at path/);
    resetSummary();
    await expect(actionsCore.summary.addRaw('x').write()).rejects.toThrow(/Unable to access summary file/);

    const runner = createRunnerCore(process.env);
    runner.setOutput('a', 'b');
    runner.summary.addRaw('x');
    await runner.summary.write();
    expect(existsSync(outputFile) && existsSync(summaryFile)).toBe(true);
    expect(normaliseOutputFile(readFileSync(outputFile, 'utf8'))).toBe(
      'a<<ghadelimiter_<uuid>\nb\nghadelimiter_<uuid>\n',
    );
  });

  it('groups, exportVariable, addPath and state are not implemented: the action does not use them', () => {
    const runner = createRunnerCore(process.env) as unknown as Record<string, unknown>;
    for (const name of ['startGroup', 'exportVariable', 'addPath', 'saveState', 'getBooleanInput']) {
      expect(typeof (actionsCore as unknown as Record<string, unknown>)[name]).toBe('function');
      expect(runner[name]).toBeUndefined();
    }
  });
});
