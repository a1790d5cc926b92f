import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.js';

const SCRIPT = join(ROOT, 'scripts/changelog-section.mjs');
const run = (...args: string[]) => promisify(execFile)(process.execPath, [SCRIPT, ...args], { cwd: ROOT });

describe('release notes from CHANGELOG.md (scripts/changelog-section.mjs)', () => {
  it("prints package.json's version section, which the release workflow uses as notes", async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { stdout } = await run(version);
    expect(stdout).toMatch(/^### Added/m);
    expect(stdout).not.toMatch(/^## /m);
    expect(stdout).not.toMatch(/^\[[^\]]+\]: http/m);
  });

  it('fails, naming the version, when the section is missing', async () => {
    await expect(run('0.0.0-missing')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no section for 0.0.0-missing'),
    });
  });
});
