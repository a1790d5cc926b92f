/**
 * Issue 24, "Unbounded untrusted text" (memory): an event payload is read as bytes and every string longer than a
 * field can keep is cut before JSON.parse builds it (model/json-cut.ts), so a 25 MB commit message or release body
 * never becomes a JavaScript string. Deterministic: the reader keeps no string longer than MAX_READ_CHARS, and what
 * the context's cap then makes of it is the same as before. Timings and memory: scripts/bench-untrusted.mjs.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MAX_FIELD_CHARS, capStrings } from '../../src/model/caps.js';
import { MAX_READ_CHARS, cutLongJsonStrings, parseUntrustedJson } from '../../src/model/json-cut.js';
import { detectCiContext } from '../../src/context/other-ci.js';
import { runInProcess } from '../helpers/in-process.js';

const HUGE = 3 * 1024 * 1024;

/** Every string of a parsed value, keys included. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      strings(item, out);
    }
  return out;
}

/** The reference: the longest prefix of `text` of at most `max` UTF-16 units that does not split a code point. */
function cutReference(text: string, max: number): string {
  let kept = '';
  for (const point of text) {
    if (kept.length + point.length > max) break;
    kept += point;
  }
  return kept;
}

function expected(value: unknown, max: number): unknown {
  if (typeof value === 'string') return cutReference(value, max);
  if (Array.isArray(value)) return value.map((item) => expected(item, max));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      Object.defineProperty(copy, cutReference(key, max), {
        value: expected(item, max),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return copy;
  }
  return value;
}

describe('event payloads are read with their strings cut (model/json-cut.ts)', () => {
  it('a 3 MB commit message, release body and key, in ASCII, CJK, emoji and escapes, are kept to MAX_READ_CHARS', () => {
    const payload = {
      head_commit: { message: `${'Fix the *build* 构建失败 😀 "quoted" \\ back\n'.repeat(HUGE / 40)}` },
      release: { body: '构'.repeat(HUGE), tag_name: 'v1.2.3' },
      ['k'.repeat(HUGE)]: 'é\u0085\u2028'.repeat(HUGE / 3),
      escaped: '\u0001'.repeat(HUGE / 6),
      ok: ['short', 'with "quotes" and \\ backslashes\\', 42, null, true],
    };
    const bytes = Buffer.from(JSON.stringify(payload), 'utf8');
    const parsed = parseUntrustedJson(bytes) as typeof payload;
    for (const text of strings(parsed)) expect(text.length).toBeLessThanOrEqual(MAX_READ_CHARS);
    // Each is a prefix of the original, as long as the cut allows (an emoji is never split).
    expect(parsed.head_commit.message.length).toBeGreaterThanOrEqual(MAX_READ_CHARS - 1);
    expect(payload.head_commit.message.startsWith(parsed.head_commit.message)).toBe(true);
    expect(parsed.release.body).toBe('构'.repeat(MAX_READ_CHARS));
    expect(parsed.escaped).toBe('\u0001'.repeat(MAX_READ_CHARS));
    expect(parsed.release.tag_name).toBe('v1.2.3');
    expect(parsed.ok).toEqual(payload.ok);
    expect(parsed['k'.repeat(MAX_READ_CHARS)]).toBe('é\u0085\u2028'.repeat(HUGE / 3).slice(0, MAX_READ_CHARS));
    // What the context's cap makes of it is what it made of the whole text, cut mark included.
    expect(capStrings(parsed, ' [cut]')).toEqual(capStrings(expected(payload, MAX_READ_CHARS), ' [cut]'));
    expect(capStrings(parsed, ' [cut]').release.body).toBe(`${'构'.repeat(MAX_FIELD_CHARS)} [cut]`);
    expect(capStrings(parsed, ' [cut]').head_commit.message).toBe(capStrings(payload, ' [cut]').head_commit.message);
  });

  it('returns the same bytes when no string is over the limit, and leaves malformed JSON to JSON.parse', () => {
    const bytes = Buffer.from(JSON.stringify({ a: 'x"\\'.repeat(100), b: ['\\"'] }));
    expect(cutLongJsonStrings(bytes)).toBe(bytes);
    expect(() => parseUntrustedJson(Buffer.from(`{"a": "${'x'.repeat(HUGE)}`))).toThrow(SyntaxError);
    expect(() => parseUntrustedJson(Buffer.from(`{"a": "${'x'.repeat(HUGE)}" oops}`))).toThrow(SyntaxError);
  });

  it('any JSON value: still valid, every string and key the longest whole-character prefix within the limit', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 }),
        fc.integer({ min: 1, max: 12 }),
        (value, max) => {
          const bytes = Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');
          expect(JSON.parse(cutLongJsonStrings(bytes, max).toString('utf8'))).toEqual(
            expected(JSON.parse(bytes.toString('utf8')), max),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the CLI and preview read GITHUB_EVENT_PATH the same way: no string longer than MAX_READ_CHARS', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ci-notifier-json-cut-'));
    const path = join(dir, 'event.json');
    await writeFile(path, JSON.stringify({ release: { tag_name: 'v1', body: 'b'.repeat(HUGE) } }));
    const context = await detectCiContext({
      env: { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'release', GITHUB_EVENT_PATH: path },
      status: 'success',
      cwd: dir,
    });
    expect(context.release!.body).toBe('b'.repeat(MAX_READ_CHARS));
  });

  it('the action never hands JSON.parse the 3 MB text of an event, and still renders it cut and marked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ci-notifier-json-cut-'));
    const path = join(dir, 'event.json');
    await writeFile(
      path,
      JSON.stringify({
        release: { tag_name: 'v1', body: '构建'.repeat(HUGE / 2), html_url: 'https://github.com/o/r' },
      }),
    );
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const run = await runInProcess(
        { provider: 'pushplus', token: '0123456789abcdef0123456789abcdef', 'dry-run': 'true', template: 'release' },
        { GITHUB_EVENT_NAME: 'release', GITHUB_EVENT_PATH: path, GITHUB_WORKSPACE: dir },
      );
      expect(run.failed).toBeUndefined();
      const longest = Math.max(...parse.mock.calls.map(([text]) => String(text).length));
      expect(longest).toBeLessThan(HUGE / 10);
      expect(run.logs.join('\n')).toContain('（已截断）');
    } finally {
      parse.mockRestore();
    }
  });
});
