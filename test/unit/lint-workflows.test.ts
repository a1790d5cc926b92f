import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.js';

const SCRIPT = join(ROOT, 'scripts/lint-workflows.mjs');

async function lint(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lint-workflows-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scripts/lint-workflows.mjs (actionlint over workflows and the examples in the docs)', () => {
  it('reports a broken example at the line of the Markdown file, for step lists, workflows and with: blocks', async () => {
    const markdown = [
      '# Example', // 1
      '', // 2
      '```yaml', // 3
      '- uses: <owner>/ci-notifier@v1', // 4
      '  if: ${{ foo.bar }}', // 5: undefined context
      '```', // 6
      '', // 7
      '```yaml', // 8
      'on: push', // 9
      'jobs:', // 10
      '  notify:', // 11: no runs-on
      '    steps:', // 12
      '      - run: echo hi', // 13
      '```', // 14
      '', // 15
      '```yaml', // 16
      'with:', // 17
      '  token: ${{ secrets.TOKEN }', // 18: unclosed expression
      '```', // 19
      '', // 20
      '```yaml', // 21
      'test:', // 22: GitLab CI, not a workflow
      '  script: [npm test]', // 23
      '```', // 24
    ].join('\n');
    const file = join(dir, 'broken.md');
    await writeFile(file, markdown);
    const result = await lint('--verbose', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.md:5: undefined variable "foo"/);
    expect(result.stderr).toMatch(/broken\.md:11: "runs-on" section is missing/);
    expect(result.stderr).toMatch(/broken\.md:18: .*end marker/);
    expect(result.stdout).toMatch(/skipped .*broken\.md:22/);
  });

  it('passes a correct example', async () => {
    const file = join(dir, 'good.md');
    await writeFile(
      file,
      '```yaml\n- uses: <owner>/ci-notifier@v1\n  if: always()\n  with:\n    token: ${{ secrets.T }}\n```\n',
    );
    const result = await lint(file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('reports an error in a workflow file with its line', async () => {
    const file = join(dir, 'bad.yml');
    await writeFile(
      file,
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v2\n',
    );
    const result = await lint(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.yml:6:\d+: the runner of "actions\/checkout@v2" action is too old/);
  });
});
