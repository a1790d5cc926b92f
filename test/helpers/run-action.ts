import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist/index.js');
export const FIXTURES = join(ROOT, 'test/fixtures/events');

/** Defaults the runner fills in from action.yml before the step starts. */
export const ACTION_DEFAULTS: Record<string, string> = {
  template: 'auto',
  'dry-run': 'false',
  'fail-on-error': 'true',
  timeout: '10',
  retries: '3',
  summary: 'true',
  locale: 'zh-CN',
  timezone: 'Asia/Shanghai',
  mention: 'author,actor',
  'mention-on': 'failure,still-failing',
};

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  outputsRaw: string;
}

export interface RunOptions {
  inputs: Record<string, string>;
  event?: string;
  eventName?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Everything a run left where people can read it: stdout, stderr, the outputs file and the job summary. */
export function everythingPrinted(run: ActionRun): string {
  return [run.stdout, run.stderr, run.outputsRaw, run.summary].join('\n');
}

/** The lines of everythingPrinted but the runner's add-mask commands, the one place a secret must appear. */
export function linesBesidesMasks(run: ActionRun): string[] {
  return everythingPrinted(run)
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'));
}

/** The lines of linesBesidesMasks that hold `secret`: a test expects none. */
export function linesHolding(run: ActionRun, secret: string): string[] {
  return linesBesidesMasks(run).filter((line) => line.includes(secret));
}

/** The `results` output, parsed; a run without it fails the test here. */
export function resultsOf<T = Record<string, unknown>>(run: ActionRun): T[] {
  if (run.outputs.results === undefined) throw new Error(`no results output:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.outputs.results) as T[];
}

/** Parses the GITHUB_OUTPUT file format `name<<DELIMITER\nvalue\nDELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
    outputs[name!] = value.join('\n');
  }
  return outputs;
}

/** Runs `node dist/index.js` exactly as the GitHub runner does: INPUT_* variables, files for outputs and summary. */
export async function runAction({
  inputs,
  event = 'push-failure.json',
  eventName = 'push',
  env = {},
  timeoutMs = 60_000,
}: RunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'ci-notifier-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const inputEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...ACTION_DEFAULTS, ...inputs })) {
    // The runner keeps hyphens: fail-on-error → INPUT_FAIL-ON-ERROR.
    inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: join(FIXTURES, event),
    GITHUB_REPOSITORY: 'octo-org/hello-world',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_SHA: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_WORKFLOW_REF: 'octo-org/hello-world/.github/workflows/ci.yml@refs/heads/main',
    GITHUB_JOB: 'build',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKSPACE: ROOT,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    ...inputEnv,
    ...env,
  };
  const child = spawn(process.execPath, [DIST], { env: childEnv, cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number>((resolveCode, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`action did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (signal) stderr += `\n[run-action] the process was killed by ${signal}`;
      resolveCode(exitCode ?? -1);
    });
  });
  const outputsRaw = await readFile(outputFile, 'utf8');
  const summary = await readFile(summaryFile, 'utf8');
  return { code, stdout, stderr, outputs: parseOutputFile(outputsRaw), summary, outputsRaw };
}
