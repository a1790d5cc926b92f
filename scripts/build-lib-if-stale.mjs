#!/usr/bin/env node
/**
 * Builds lib/ (the npm package's code: `tsc -p tsconfig.build.json`) unless it is newer than every source that goes
 * into it. This is the `prepare` script: installing from a git URL builds lib/, which is not committed, while `npm ci`
 * in a checkout that already built it costs nothing. `--force` always builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function files(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name));
}

export function libIsFresh(root = ROOT) {
  const outputs = files(join(root, 'lib'), '.js');
  if (!existsSync(join(root, 'lib', 'library.d.ts')) || outputs.length === 0) return false;
  const inputs = [
    ...files(join(root, 'src'), '.ts'),
    join(root, 'tsconfig.json'),
    join(root, 'tsconfig.build.json'),
    join(root, 'package-lock.json'),
  ].filter((file) => existsSync(file));
  const newestInput = Math.max(...inputs.map((file) => statSync(file).mtimeMs));
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return oldestOutput >= newestInput;
}

export function buildLib(root = ROOT) {
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  } catch (error) {
    // tsc writes its output even when it reports errors: remove it, so the next run does not take it as fresh.
    rmSync(join(root, 'lib'), { recursive: true, force: true });
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--force') && libIsFresh()) {
    console.log('lib/ is up to date.');
  } else {
    buildLib();
    console.log('lib/ built.');
  }
}
