/**
 * What every run compiles: dist/index.js. Code that only some runs need is imported when a run needs it, so
 * it lands in a chunk of its own; these tests fail when a static import pulls it back into the entry file.
 * `npm test` builds dist/ before vitest runs.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.js';

const entry = await readFile(join(ROOT, 'dist/index.js'), 'utf8');
const chunkNames = (await readdir(join(ROOT, 'dist'))).filter((name) => name.endsWith('.js') && name !== 'index.js');
const chunks = await Promise.all(chunkNames.map((name) => readFile(join(ROOT, 'dist', name), 'utf8')));

/** A text each lazy module writes, with the kind of run that loads it. */
const LAZY = [
  ['src/notify/people.ts', 'a run with `people`', 'a mapping from GitHub login to'],
  ['src/action/history.ts', 'a run with a github-token', 'GITHUB_REPOSITORY or GITHUB_RUN_ID is missing'],
  ['src/notify/follow-up.ts', 'a run with wait-for-delivery', 'offers no delivery follow-up'],
  ['src/render/template-file.ts', 'a run with a file: template', 'a path inside the repository checkout'],
  ['src/providers/mobpush/targets.ts', 'a MobPush run', 'is not a MobPush target'],
  ['src/providers/easemob/validation.ts', 'an Easemob run', 'is not an Easemob user id'],
  ['src/providers/service-url.ts', 'a run with `urls`', 'is not a service URL'],
  // The presets are compiled at build time (scripts/compile-presets.mjs): liquidjs is for the user's own templates.
  ['src/render/liquid.ts', 'a run with a template or title of its own', 'the template does not render'],
  ['liquidjs', 'a run with a template or title of its own', 'liquidMethodMissing'],
] as const;

describe('the action entry file (dist/index.js)', () => {
  it.each(LAZY)('leaves %s to %s', (_module, _run, text) => {
    expect(chunks.some((chunk) => chunk.includes(text))).toBe(true);
    // Booleans, not toContain: a failure would print the whole bundle.
    expect(entry.includes(text)).toBe(false);
  });

  it("puts a provider's target grammar in the chunk of its adapter, so a run reads one file for the provider", () => {
    // A text of mobpush/targets.ts and one of mobpush/index.ts.
    const withGrammar = chunks.filter((chunk) => chunk.includes('is not a MobPush target'));
    expect(withGrammar).toHaveLength(1);
    expect(withGrammar[0]!.includes('unknown MobPush platform')).toBe(true);
  });

  it("bundles the stand-in for linkify-it instead of linkify-it, which markdown-it's options leave unused", () => {
    expect(entry.includes('linkify-it is not bundled')).toBe(true);
    // A property name of linkify-it's expression table, which minifying keeps.
    expect([entry, ...chunks].some((code) => code.includes('src_ZPCc'))).toBe(false);
  });

  it("stays below the entry file of the second release (285 KiB), the figure issue #19's bench compares with", () => {
    expect(entry.length).toBeLessThan(291_860);
  });
});
