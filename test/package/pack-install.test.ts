/**
 * The npm package as a user gets it: scripts/pack-smoke.mjs packs it, checks the tarball holds exactly lib/ (code and
 * types), action.yml, README, LICENSE and CHANGELOG, installs it into a fresh project and runs `npx ci-notifier
 * --help`, a dry run, an ESM import and a TypeScript file type-checked against the shipped .d.ts.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.js';

it(
  'packs, installs into a fresh project, and works from the CLI, ESM and TypeScript',
  { timeout: 180_000 },
  async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/pack-smoke.mjs')], {
      cwd: ROOT,
      timeout: 170_000,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`pack-smoke failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    });
    expect(stdout).toContain('pack-smoke: ok on Node');
  },
);
