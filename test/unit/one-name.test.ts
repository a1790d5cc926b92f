/**
 * One name everywhere: the action is `<owner>/ci-notifier@v1` in the README, the docs, the recipes, the reusable
 * workflow and the contributor docs. `<owner>` is the placeholder until the repository is published; then
 * package.json's `repository` names the owner (npm provenance needs it too) and every place must use that owner.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.js';

function owner(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    repository?: string | { url?: string };
  };
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return /github\.com[/:]([^/]+)\/ci-notifier/.exec(url ?? '')?.[1] ?? '<owner>';
}

function files(dir: string, suffix: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && suffix.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const PLACES = () => [
  ...['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'SECURITY.md', 'action.yml'].map((name) => join(ROOT, name)),
  ...files(join(ROOT, 'docs'), /\.md$/),
  ...files(join(ROOT, '.github'), /\.(ya?ml|md)$/),
];

/** Every `OWNER/ci-notifier` that names the repository: `uses:`, reusable workflow paths, GitHub URLs, defaults. */
// A folder that starts with a dot (`.github/ci-notifier.yml`, the routing file) is a path, not an owner.
const REFERENCE = /(?<![\w.-])(?!\.)([\w.<>-]+)\/ci-notifier(?=@|\/\.github\/|\b(?!-))/g;

function foreignNames(text: string, expected: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const name = match[1]!;
    if (name === expected || name === 'github.com' || name === 'scripts') continue;
    found.push(`${name}/ci-notifier`);
  }
  return found;
}

describe('one name for the action everywhere', () => {
  it('finds other forms (so the test can fail)', () => {
    expect(foreignNames('uses: your-org/ci-notifier@v1', '<owner>')).toEqual(['your-org/ci-notifier']);
    expect(foreignNames("default: 'ci-notifier/ci-notifier'", '<owner>')).toEqual(['ci-notifier/ci-notifier']);
    expect(foreignNames('uses: octo-org/ci-notifier/.github/workflows/notify.yml@v1', '<owner>')).toEqual([
      'octo-org/ci-notifier',
    ]);
    expect(foreignNames('https://github.com/OWNER/ci-notifier/security', '<owner>')).toEqual(['OWNER/ci-notifier']);
    expect(foreignNames('uses: <owner>/ci-notifier@v1 and <owner>/ci-notifier-test', '<owner>')).toEqual([]);
    expect(foreignNames('--config .github/ci-notifier.yml', '<owner>')).toEqual([]);
  });

  it(`README, docs, recipes, workflows and contributor docs all say ${owner()}/ci-notifier`, () => {
    const expected = owner();
    const problems: string[] = [];
    let references = 0;
    for (const file of PLACES()) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      references += [...text.matchAll(REFERENCE)].length;
      for (const name of foreignNames(text, expected)) problems.push(`${relative(ROOT, file)}: ${name}`);
    }
    expect(problems).toEqual([]);
    expect(references).toBeGreaterThan(10);
  });
});
