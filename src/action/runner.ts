import { randomUUID } from 'node:crypto';
import { appendFileSync, writeFileSync, writeSync } from 'node:fs';
import { EOL } from 'node:os';
import type { ActionCore, AnnotationProperties } from './types.js';
import { neutralizeWorkflowCommands } from '../model/workflow-text.js';

/**
 * The runner protocol the action speaks, as @actions/core speaks it: inputs from INPUT_* variables, workflow
 * commands on stdout, outputs and the job summary appended to the files the runner names.
 *
 * Why not @actions/core itself: its entry module eagerly loads an HTTP client with undici (for OIDC tokens) and
 * @actions/exec (for platform details), which this action never uses. Bundled, that is 470 KB and about 40 ms
 * on every workflow run (measured with `npm run bench`: docs/performance.md, First round). The escaping and file formats
 * below follow @actions/core 3.x (command.ts, file-command.ts, summary.ts); test/unit/runner-vs-actions-core.test.ts
 * makes the same calls through both and compares the bytes written to stdout, GITHUB_OUTPUT and the summary file.
 * Deliberate differences, named in that test: a GITHUB_OUTPUT or GITHUB_STEP_SUMMARY path that does not exist yet is
 * created instead of being an error, there is no `group`/`exportVariable` (the action does not use them), and
 * booleans are parsed by model/config.ts (parseBoolean), more leniently than getBooleanInput.
 */

/** Sleeps synchronously (Atomics.wait) while a full pipe drains. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes `text` to `fd` whole, with write(2). The action writes its stdout this way rather than through
 * `process.stdout`: creating that stream loads Node's net and stream machinery, about 2 ms of every run
 * (docs/performance.md), for output that Node writes synchronously to a runner's pipe or file anyway. The bytes
 * are the same (test/unit/runner-vs-actions-core.test.ts). A partial write is continued; EAGAIN (a full pipe that
 * something else made non-blocking) is waited out; EPIPE (the reader is gone) ends the write, as there is nobody
 * left to tell.
 */
export function writeAll(fd: number, text: string, write: typeof writeSync = writeSync): void {
  let rest = Buffer.from(text, 'utf8');
  while (rest.length > 0) {
    try {
      rest = rest.subarray(write(fd, rest));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
}

const writeStdout = (text: string) => writeAll(1, text);

function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string') return input;
  return JSON.stringify(input);
}

function escapeData(value: unknown): string {
  return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::command key=value,…::message`; like @actions/core, empty property values are left out. */
function issueCommand(
  out: (text: string) => void,
  command: string,
  message: unknown,
  properties: Record<string, unknown> = {},
): void {
  const entries = Object.entries(properties);
  const props = entries
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  out(`::${command}${entries.length > 0 ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

/** The annotation properties under the names the runner reads (`line`, `col`), as @actions/core maps them. */
function annotation(properties: AnnotationProperties = {}): Record<string, unknown> {
  if (Object.keys(properties).length === 0) return {};
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn,
  };
}

/** `name<<DELIMITER\nvalue\nDELIMITER`, with a delimiter the value cannot contain. */
function appendKeyValue(file: string, key: string, value: unknown): void {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const text = toCommandValue(value);
  if (key.includes(delimiter) || text.includes(delimiter)) {
    throw new Error(`Unexpected input: the value of '${key}' contains the delimiter ${delimiter}`);
  }
  appendFileSync(file, `${key}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

/** `out` receives everything the action writes to stdout (tests pass their own). */
export function createRunnerCore(
  env: NodeJS.ProcessEnv = process.env,
  out: (text: string) => void = writeStdout,
): ActionCore {
  let summaryBuffer = '';
  const message = (value: string | Error) => (value instanceof Error ? value.toString() : value);
  return {
    getInput(name, options) {
      const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
      if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`);
      return options?.trimWhitespace === false ? value : value.trim();
    },
    setOutput(name, value) {
      const file = env.GITHUB_OUTPUT;
      if (file) return appendKeyValue(file, name, value);
      // Outside a runner that names an output file (old runners, local runs): the legacy command.
      out(EOL);
      issueCommand(out, 'set-output', toCommandValue(value), { name });
    },
    setFailed(error) {
      process.exitCode = 1;
      issueCommand(out, 'error', message(error));
    },
    setSecret(secret) {
      issueCommand(out, 'add-mask', secret);
    },
    debug(text) {
      issueCommand(out, 'debug', text);
    },
    info(text) {
      // Plain lines carry text from outside (provider replies, dry-run bodies): never a command to the runner.
      out(neutralizeWorkflowCommands(text) + EOL);
    },
    warning(text, properties) {
      issueCommand(out, 'warning', message(text), annotation(properties));
    },
    notice(text) {
      issueCommand(out, 'notice', message(text));
    },
    error(text, properties) {
      issueCommand(out, 'error', message(text), annotation(properties));
    },
    isDebug() {
      return env.RUNNER_DEBUG === '1';
    },
    summary: {
      addRaw(text, addEOL = false) {
        summaryBuffer += text + (addEOL ? EOL : '');
        return this;
      },
      async write(options) {
        const file = env.GITHUB_STEP_SUMMARY;
        if (!file)
          throw new Error(
            'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
          );
        (options?.overwrite ? writeFileSync : appendFileSync)(file, summaryBuffer, { encoding: 'utf8' });
        summaryBuffer = '';
      },
    },
  };
}
