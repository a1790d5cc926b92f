/**
 * Issue 24, "Unbounded untrusted text" (time and memory): fitting a capped 32K-character field to a provider's limit
 * renders the Markdown a bounded, small number of times (each render is of up to the limit's size), and the guided
 * search finds exactly what a bisection finds. Deterministic counts, not timings (scripts/bench-untrusted.mjs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS } from '../../src/model/caps.js';
import { fitMarkdown, fits, largestWithin, type TextLimit } from '../../src/render/limits.js';
import { renderMarkdown, type TextDialect } from '../../src/render/markdown.js';

const tail = '… (truncated) [View run](https://github.com/o/r/actions/runs/1)';
const unit =
  'Fix the *build* of `core` for @all <at user_id="all"> [x](http://e.com) 构建失败 _ok_ https://e.com/a_b\n';
const field = unit.repeat(Math.ceil(MAX_FIELD_CHARS / unit.length)).slice(0, MAX_FIELD_CHARS);

describe('fitting a long body renders it a few times', () => {
  it.each([
    ['markdown', { max: 20_000, unit: 'chars' }, `# Release v1\n\n${field}`],
    ['markdown', { max: 32_000, unit: 'bytes' }, `# Release v1\n\n${field}`],
    ['text', { max: 4_000, unit: 'bytes' }, field],
    ['html', { max: 20_000, unit: 'chars' }, `${field}\n\n${field}`],
    [
      'markdown',
      { max: 20_000, unit: 'chars' },
      Array.from({ length: 400 }, (_, i) => `- item ${i} ${unit}`).join('\n\n'),
    ],
  ] as [TextDialect, TextLimit, string][])('%s within %o: at most 12 renders', (dialect, limit, source) => {
    let renders = 0;
    const { text, truncated } = fitMarkdown(source, {
      render: (markdown) => {
        renders++;
        return renderMarkdown(markdown, dialect);
      },
      limit,
      tail,
    });
    expect(truncated).toBe(true);
    expect(fits(text, limit)).toBe(true);
    expect(text.replace(/\\/g, '')).toContain('(truncated)');
    // A bisection took 15 to 18 here (log2 of the units that could fit); the guided search 9 to 11.
    expect(renders).toBeLessThanOrEqual(12);
  });
});

describe('largestWithin', () => {
  /** What a bisection finds for a size that grows with the count: the largest count within `max`, else `low`. */
  const reference = (sizes: number[], low: number, max: number) => {
    let found = low;
    for (let count = low + 1; count < sizes.length; count++) if (sizes[count]! <= max) found = count;
    return found;
  };

  it('finds what a bisection finds, in at most about twice its probes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 0, max: 80_000 }),
        (steps, max) => {
          // Non-decreasing sizes, with steps of any size (0 included), as a render's size grows.
          const sizes = steps.reduce<number[]>((all, step) => [...all, (all.at(-1) ?? 0) + step], []);
          let probes = 0;
          const found = largestWithin(0, sizes.length - 1, max, (count) => {
            probes++;
            return sizes[count]!;
          });
          expect(found).toBe(reference(sizes, 0, max));
          expect(probes).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(sizes.length + 1)) + 2);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a count whose size is already over the limit at `low`: a bisection, never a guess from a negative margin', () => {
    const sizes = [50, 60, 70, 80, 90, 100];
    expect(largestWithin(0, 5, 40, (count) => sizes[count]!)).toBe(0);
    expect(largestWithin(0, 5, 40, (count) => (count === 0 ? 50 : 10 * count))).toBe(4);
  });

  it('an even size (one unit, a few characters) takes a handful of probes over 20,000 units', () => {
    for (const perUnit of [1, 2, 3]) {
      let probes = 0;
      const found = largestWithin(0, 20_000, 20_000, (count) => {
        probes++;
        return 300 + perUnit * count;
      });
      expect(found).toBe(Math.floor((20_000 - 300) / perUnit));
      expect(probes).toBeLessThanOrEqual(4);
    }
  });
});
