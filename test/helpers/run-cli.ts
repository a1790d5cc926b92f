import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-action.js';

export const CLI = join(ROOT, 'lib/cli/main.js');

/**
 * Builds lib/ (the published package) once per test file, unless `npm test` has just done it.
 * The CLI tests run the built bin, as `npx ci-notifier` would.
 */
export function ensureLibBuilt(): void {
  if (process.env.npm_lifecycle_event === 'test' && existsSync(CLI)) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node lib/cli/main.js ARGS` with exactly the given environment (plus PATH and HOME), in an empty
 * directory that is not a git checkout, so nothing depends on the machine running the tests.
 */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
  /** A prepared working directory (files the command names); a fresh empty one by default. */
  workDir?: string,
): Promise<CliRun> {
  const cwd = workDir ?? (await mkdtemp(join(tmpdir(), 'ci-notifier-cli-')));
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number>((resolveCode, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolveCode(exitCode ?? -1);
    });
  });
  return { code, stdout, stderr };
}
