/**
 * Issue 24, "The release workflow trusts any `v*.*.*` tag": .github/workflows/release.yml publishes only a tag on
 * main (the check's own script is run here against real git repositories), runs no dependency install script where
 * it can publish, publishes through trusted publishing with a token only as the fallback, and attaches the same npm
 * tarball to the GitHub release.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/run-action.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: string;
  outputs?: Record<string, string>;
  steps: Step[];
}

const workflow = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
  jobs: Record<string, Job>;
};
const { verify, pack, release, publish } = workflow.jobs as Record<'verify' | 'pack' | 'release' | 'publish', Job>;
const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');
const needs = (job: Job) => [job.needs ?? []].flat();

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@x',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@x',
    },
  }).trim();
}

/**
 * A remote with a main branch and a side branch, cloned the way the checkout step clones it (all history); the
 * tags `v1.0.0` (on main, annotated) and `v6.6.6` (on the side branch only).
 */
function repository(): string {
  const origin = mkdtempSync(join(tmpdir(), 'ci-notifier-origin-'));
  git(origin, 'init', '-q', '-b', 'main');
  writeFileSync(join(origin, 'f'), '1');
  git(origin, 'add', 'f');
  git(origin, 'commit', '-q', '-m', 'one');
  git(origin, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  git(origin, 'checkout', '-q', '-b', 'side');
  writeFileSync(join(origin, 'f'), '2');
  git(origin, 'commit', '-q', '-am', 'unreviewed');
  git(origin, 'tag', 'v6.6.6');
  git(origin, 'checkout', '-q', 'main');
  const clone = mkdtempSync(join(tmpdir(), 'ci-notifier-clone-'));
  git(clone, 'clone', '-q', '--no-checkout', origin, '.');
  return clone;
}

describe('release.yml', () => {
  const check = verify.steps.find((step) => step.name === 'The tagged commit is on main');

  it('verify checks out the whole history and refuses a tag whose commit is not on main', () => {
    expect(check?.run).toBeDefined();
    expect(verify.steps[0]!.with?.['fetch-depth']).toBe(0);
    // Before anything that runs the repository's code.
    expect(verify.steps.indexOf(check!)).toBeLessThan(verify.steps.findIndex((step) => step.run === 'npm ci'));
    const clone = repository();
    const run = (tag: string) =>
      spawnSync('bash', ['-e', '-c', check!.run!], {
        cwd: clone,
        encoding: 'utf8',
        // For a tag push, GITHUB_SHA is what the tag points at; an annotated tag is peeled by the script.
        env: { PATH: process.env.PATH, GITHUB_SHA: git(clone, 'rev-parse', tag), TAG: tag },
      });
    const onMain = run('v1.0.0');
    expect(onMain.status, onMain.stderr).toBe(0);
    const offMain = run('v6.6.6');
    expect(offMain.status).toBe(1);
    expect(offMain.stderr).toMatch(/::error::Tag v6\.6\.6 points at [0-9a-f]{40}, which is not on main/);
  });

  it('every job that follows needs verify, so an off-main tag publishes nothing and moves no tag', () => {
    expect(needs(pack)).toContain('verify');
    expect(needs(release)).toEqual(expect.arrayContaining(['verify', 'pack']));
    expect(needs(publish)).toEqual(expect.arrayContaining(['verify', 'pack', 'release']));
  });

  it('no dependency install script runs where the package is built or published', () => {
    expect(runs(pack)).toContain('npm ci --ignore-scripts');
    for (const job of [pack, publish]) expect(runs(job)).not.toMatch(/npm (ci|install)(?![^\n]*--ignore-scripts)/);
    // The publishing job installs nothing from the project at all: it publishes the packed file.
    expect(publish.steps.some((step) => step.uses?.startsWith('actions/checkout@'))).toBe(false);
  });

  it('publishes through trusted publishing (OIDC), with NPM_TOKEN only as the fallback', () => {
    expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(runs(publish)).toMatch(/npm --version/);
    const step = publish.steps.find((item) => item.run?.includes('npm publish'))!;
    expect(step.run).toContain('--provenance');
    expect(step.env?.NODE_AUTH_TOKEN).toBe('${{ secrets.NPM_TOKEN }}');
  });

  it('attaches to the GitHub release the same tarball that is published', () => {
    expect(pack.outputs?.tarball).toBeDefined();
    const create = release.steps.find((step) => step.run?.includes('gh release create'))!;
    expect(create.run).toContain('"$RUNNER_TEMP/package/$TARBALL"');
    expect(create.env?.TARBALL).toBe('${{ needs.pack.outputs.tarball }}');
    const publishing = publish.steps.find((step) => step.run?.includes('npm publish'))!;
    expect(publishing.run).toContain('npm publish "$RUNNER_TEMP/package/$TARBALL"');
    expect(publishing.env?.TARBALL).toBe('${{ needs.pack.outputs.tarball }}');
  });
});
