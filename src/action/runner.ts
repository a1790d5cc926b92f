import { randomUUID } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
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
 * created instead of being an error, there is no `notice`/`group`/`exportVariable` (the action does not use them), and
 * booleans are parsed by core/config.ts (parseBoolean), more leniently than getBooleanInput.
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

/** `::command key=value,…::message`; like @actions/core, empty property values are left out. */
function issueCommand(command: string, message: unknown, properties: Record<string, unknown> = {}): void {
  const entries = Object.entries(properties);
  const props = entries
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${command}${entries.length > 0 ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
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
      // Plain lines carry text from outside (provider replies, dry-run bodies): never a command to the runner.
      process.stdout.write(neutralizeWorkflowCommands(text) + EOL);
    },
    warning(text, properties) {
      issueCommand('warning', message(text), annotation(properties));
    },
    notice(text) {
      issueCommand('notice', message(text));
    },
    error(text, properties) {
      issueCommand('error', message(text), annotation(properties));
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
