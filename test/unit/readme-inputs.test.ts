import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/run-action.js';

const SCRIPT = join(ROOT, 'scripts/readme-inputs.mjs');

async function check(readme: string, action: string): Promise<{ code: number; stderr: string }> {
  try {
    await promisify(execFile)(process.execPath, [SCRIPT, '--check', '--readme', readme, '--action', action]);
    return { code: 0, stderr: '' };
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    return { code: failure.code ?? -1, stderr: failure.stderr ?? '' };
  }
}

describe('README inputs/outputs block', () => {
  it('is exactly what action.yml generates (run `npm run docs` after editing action.yml)', async () => {
    const result = await check(join(ROOT, 'README.md'), join(ROOT, 'action.yml'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('lists every input and output of action.yml with its description', async () => {
    const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { description: string }>;
      outputs: Record<string, { description: string }>;
    };
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf('<!-- inputs:start -->'), readme.indexOf('<!-- inputs:end -->'));
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      expect(block).toContain(`| \`${name}\``);
      expect(block).toContain(spec.description.replace(/\|/g, '\\|'));
    }
  });

  it('the check fails when action.yml gains an input the README does not show', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'readme-inputs-'));
    const readme = join(dir, 'README.md');
    const action = join(dir, 'action.yml');
    await copyFile(join(ROOT, 'README.md'), readme);
    const yaml = await readFile(join(ROOT, 'action.yml'), 'utf8');
    await writeFile(action, yaml.replace('inputs:\n', "inputs:\n  brand-new:\n    description: 'A new input.'\n"));
    const result = await check(readme, action);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/differs from what .* generates/);
  });
});
