import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FLAGS } from '../../src/cli/flags.js';
import { ROOT } from '../helpers/run-action.js';

/** Inputs that only make sense inside GitHub Actions. */
const GITHUB_ONLY = ['github-token', 'matrix', 'summary'];
/** Inputs the CLI offers as a sub-command instead of a flag: `doctor: true` is `ci-notifier doctor`. */
const AS_COMMAND = ['doctor'];

describe('CLI flags', () => {
  it('mirror every action input, so the CLI can do what the action does', async () => {
    const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    const flags = new Set(FLAGS.map((flag) => flag.name));
    for (const input of Object.keys(action.inputs)) {
      if (GITHUB_ONLY.includes(input) || AS_COMMAND.includes(input)) continue;
      expect(flags, `no CLI flag for the input '${input}'`).toContain(input === 'urls' ? 'url' : input);
    }
  });
});
