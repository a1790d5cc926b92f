import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import type { ActionCore } from './types.js';

/**
 * The runner protocol the action speaks, as @actions/core speaks it: inputs from INPUT_* variables, workflow
 * commands on stdout, outputs and the job summary appended to the files the runner names.
 *
 * Why not @actions/core itself: its entry module eagerly loads an HTTP client with undici (for OIDC tokens) and
 * @actions/exec (for platform details), which this action never uses. Bundled, that is 470 KB and about 40 ms
 * on every workflow run (measured with `npm run bench`, see docs/benchmarks.md). The escaping and file formats
 * below follow @actions/core 3.x (command.ts, file-command.ts, summary.ts) exactly.
 */

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

function issueCommand(command: string, message: unknown, properties: Record<string, string> = {}): void {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
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

export function createRunnerCore(env: NodeJS.ProcessEnv = process.env): ActionCore {
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
      process.stdout.write(EOL);
      issueCommand('set-output', toCommandValue(value), { name });
    },
    setFailed(error) {
      process.exitCode = 1;
      issueCommand('error', message(error));
    },
    setSecret(secret) {
      issueCommand('add-mask', secret);
    },
    debug(text) {
      issueCommand('debug', text);
    },
    info(text) {
      process.stdout.write(text + EOL);
    },
    warning(text) {
      issueCommand('warning', message(text));
    },
    notice(text) {
      issueCommand('notice', text);
    },
    error(text) {
      issueCommand('error', message(text));
    },
    isDebug() {
      return env.RUNNER_DEBUG === '1';
    },
    summary: {
      addRaw(text, addEOL = false) {
        summaryBuffer += text + (addEOL ? EOL : '');
        return this;
      },
      async write() {
        const file = env.GITHUB_STEP_SUMMARY;
        if (!file)
          throw new Error(
            'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
          );
        appendFileSync(file, summaryBuffer, { encoding: 'utf8' });
        summaryBuffer = '';
      },
    },
  };
}
