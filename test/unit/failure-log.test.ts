import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLine, excerptLog, redactKnownSecrets } from '../../src/context/failure-log.js';
import { ROOT } from '../helpers/run-action.js';

const LOGS = join(ROOT, 'test/fixtures/github-logs');
const read = (name: string) => readFileSync(join(LOGS, name), 'utf8');

describe('excerptLog over logs modelled on real failed runs', () => {
  for (const file of readdirSync(LOGS).filter((name) => name.endsWith('.log'))) {
    it(`${file}: the lines that explain the failure, no timestamp, colour or step script`, async () => {
      const excerpt = excerptLog(read(file));
      const text = excerpt.lines.join('\n');
      expect(text).not.toContain('\u001b');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z|##\[|shell: \/usr\/bin\/bash/);
      expect(excerpt.foundErrors).toBe(true);
      await expect(`${text}\n`).toMatchFileSnapshot(`__snapshots__/failure-logs/${file.replace(/\.log$/, '.txt')}`);
    });
  }

  it('keeps the compiler error and the lines before it (tsc)', () => {
    const lines = excerptLog(read('tsc.log')).lines;
    expect(lines).toContain(
      "src/render/template.ts:248:7 - error TS2322: Type 'string | undefined' is not assignable to type 'string'.",
    );
    expect(lines).toContain(
      "Error: src/render/template.ts(248,7): error TS2322: Type 'string | undefined' is not assignable to type 'string'.",
    );
    // Output of other steps (npm ci) is not context of this error.
    expect(lines.join('\n')).not.toContain('added 412 packages');
  });

  it('redacts an npm token printed by npm ERR!', () => {
    const text = excerptLog(read('npm-err.log')).lines.join('\n');
    expect(text).toContain('npm ERR! code E404');
    expect(text).not.toContain('npm_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(text).toContain('_authToken=***');
  });

  it('applies the caller’s redaction to every kept line', () => {
    const text = excerptLog(read('go-panic.log'), undefined, (line) => line.replaceAll('octo-org', '[org]')).lines.join(
      '\n',
    );
    expect(text).toContain('panic: runtime error: index out of range [3] with length 3');
    expect(text).not.toContain('octo-org');
  });

  it('keeps at most maxLines lines and says when it dropped some', () => {
    const errors = Array.from({ length: 200 }, (_, i) => `out ${String(i)}\n##[error]failure ${String(i)}`).join('\n');
    const excerpt = excerptLog(errors, { maxLines: 10, contextLines: 1, maxLineChars: 50 });
    expect(excerpt.lines.length).toBeLessThanOrEqual(10);
    expect(excerpt.truncated).toBe(true);
    expect(excerpt.lines[0]).toBe('out 0');
    expect(excerpt.lines[1]).toBe('Error: failure 0');
  });

  it('cuts long lines and gives the end of a log without error markers', () => {
    const text = `${'x'.repeat(1000)}\n${Array.from({ length: 50 }, (_, i) => `line ${String(i)}`).join('\n')}`;
    const excerpt = excerptLog(text, { maxLines: 5, contextLines: 2, maxLineChars: 20 });
    expect(excerpt.foundErrors).toBe(false);
    expect(excerpt.lines).toEqual(['line 45', 'line 46', 'line 47', 'line 48', 'line 49']);
    expect(excerptLog('y'.repeat(100), { maxLines: 5, contextLines: 2, maxLineChars: 20 }).lines[0]).toBe(
      `${'y'.repeat(20)}…`,
    );
  });

  it('runs in linear time on hostile input (unterminated escapes, one huge line, many errors)', () => {
    const hostile = '\u001b]'.repeat(200_000) + '\n' + '##[error]x\n'.repeat(100_000) + '\u001b['.repeat(100_000);
    const started = performance.now();
    excerptLog(hostile);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('cleans one line: timestamp, ANSI, carriage-return progress, control characters', () => {
    expect(cleanLine('2026-03-01T11:58:30.1234567Z \u001b[31mred\u001b[0m\u0007')).toBe('red');
    expect(cleanLine('downloading 10%\rdownloading 100%')).toBe('downloading 100%');
  });

  it('masks well-known token shapes and URL credentials', () => {
    expect(
      redactKnownSecrets('git clone https://x-access-token:ghs_abcdefghijklmnopqrstuvwxyz0123@github.com/o/r'),
    ).toBe('git clone https://***@github.com/o/r');
    expect(redactKnownSecrets('Authorization: Bearer abcdef123456')).toBe('Authorization: Bearer ***');
    expect(redactKnownSecrets('token ghp_0123456789abcdefghijABCDEFGHIJ0123')).toBe('token ***');
  });
});
