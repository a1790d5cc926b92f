import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_REPORT_BYTES,
  MAX_TOTAL_MARKUP,
  MAX_TOTAL_REPORT_BYTES,
  loadJunit,
  markupCount,
  parseJunit,
} from '../../src/model/junit.js';
import { ROOT } from '../helpers/run-action.js';

const load = async (globs: string, root = ROOT) => {
  const warnings: string[] = [];
  const summary = await loadJunit(globs, { root, warning: (message) => warnings.push(message) });
  return { summary, warnings };
};

describe('JUnit reports', () => {
  it('no report read (no match, or only a malformed one): no test summary at all, and a warning', async () => {
    const none = await load('test/fixtures/junit/nothing-*.xml');
    expect(none.summary).toBeUndefined();
    expect(none.warnings.join('\n')).toContain('no report matches');
    const malformed = await load('test/fixtures/junit/malformed.xml');
    expect(malformed.summary).toBeUndefined();
    expect(malformed.warnings.join('\n')).toContain('malformed.xml');
  });

  it('Vitest: counts, failed test names with suite and first message line, entities decoded', async () => {
    const { summary, warnings } = await load('test/fixtures/junit/vitest.xml');
    expect(warnings).toEqual([]);
    expect(summary).toMatchObject({ total: 5, passed: 3, failed: 1, skipped: 1, files: 1 });
    expect(summary!.failures).toEqual([
      {
        name: 'login > rejects an expired token',
        suite: 'test/login.test.ts',
        message: 'expected 401 to be 403 // Object.is equality',
      },
    ]);
  });

  it('pytest: failures and errors both count as failed', async () => {
    const { summary } = await load('test/fixtures/junit/pytest.xml');
    expect(summary).toMatchObject({ total: 6, passed: 3, failed: 2, skipped: 1 });
    expect(summary!.failures.map((failure) => [failure.suite, failure.name, failure.message])).toEqual([
      ['tests.test_orders', 'test_cancel_order', "AssertionError: assert 'paid' == 'cancelled'"],
      [
        'tests.test_db',
        'test_migrate',
        'failed on setup with "ConnectionRefusedError: [Errno 111] Connection refused"',
      ],
    ]);
  });

  it('a <failure> or <error> with text and no attributes: its text is the message', () => {
    // fast-xml-parser gives an element without attributes as its bare text; it used to become {} (no message).
    const tally = parseJunit(
      '<testsuite name="s"><testcase name="a"><failure>expected 1 to be 2\n  at a.test.js:3</failure></testcase>' +
        '<testcase name="b"><error><![CDATA[TypeError: x is undefined]]></error></testcase>' +
        '<testcase name="c"><skipped/></testcase></testsuite>',
    );
    expect(tally).toMatchObject({ total: 3, failed: 2, skipped: 1 });
    expect(tally.failures.map((failure) => failure.message)).toEqual([
      'expected 1 to be 2',
      'TypeError: x is undefined',
    ]);
  });

  it('Maven Surefire and gotestsum, summed over a glob list', async () => {
    const { summary } = await load('test/fixtures/junit/TEST-*.xml\ntest/fixtures/junit/gotestsum.xml');
    expect(summary).toMatchObject({ total: 8, passed: 5, failed: 2, skipped: 1, files: 2 });
    expect(summary!.failures).toEqual([
      {
        name: 'appliesDiscount',
        suite: 'com.acme.shop.CartServiceTest',
        message: 'expected: <90.00> but was: <100.00>',
      },
      { name: 'TestPopEmpty', suite: 'example.com/notifier/queue', message: 'Failed' },
    ]);
  });

  it('a malformed report, a missing one or a path outside the workspace only warns', async () => {
    const { summary, warnings } = await load('test/fixtures/junit/malformed.xml, test/fixtures/junit/vitest.xml');
    expect(summary).toMatchObject({ total: 5, failed: 1, files: 1 });
    expect(warnings).toEqual([
      expect.stringMatching(/junit: skipped test\/fixtures\/junit\/malformed\.xml: not well-formed/),
    ]);
    expect((await load('nothing/*.xml')).warnings).toEqual([expect.stringMatching(/no report matches/)]);
    expect((await load('../etc/*.xml')).warnings[0]).toMatch(/outside the workspace/);
  });

  it('a symlink out of the workspace and a DOCTYPE entity are not followed or expanded', async () => {
    const root = await mkdtemp(join(tmpdir(), 'junit-'));
    const outside = await mkdtemp(join(tmpdir(), 'junit-out-'));
    await writeFile(join(outside, 'secret.xml'), '<testsuite><testcase name="x"/></testsuite>');
    await symlink(join(outside, 'secret.xml'), join(root, 'link.xml'));
    await writeFile(
      join(root, 'bomb.xml'),
      '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
        '<testsuite><testcase name="&b;"><failure message="&b;"/></testcase></testsuite>',
    );
    const { summary, warnings } = await load('*.xml', root);
    expect(warnings.some((warning) => /link\.xml.*outside the workspace/.test(warning))).toBe(true);
    expect(summary!.total).toBe(1);
    expect(summary!.failures[0]!.name).toBe('&b;');
  });
});

describe('JUnit counts that are not whole say so (issue 24)', () => {
  /** A report whose failing test sits in suites nested `depth` levels deep, next to one passing test at the top. */
  const nested = (depth: number) =>
    `<testsuites><testsuite name="top"><testcase name="ok"/>${'<testsuite name="deep">'.repeat(depth)}` +
    `<testcase name="buried"><failure message="boom"/></testcase>${'</testsuite>'.repeat(depth)}</testsuite></testsuites>`;

  async function workspace(files: Record<string, string>): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'ci-notifier-junit-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
    return root;
  }

  it('suites nested deeper than the limit: a warning, and the summary is marked partial', async () => {
    const { summary, warnings } = await load('deep.xml', await workspace({ 'deep.xml': nested(40) }));
    expect(summary).toMatchObject({ total: 1, failed: 0, partial: true });
    expect(warnings.join('\n')).toMatch(
      /deep\.xml: 1 suite\(s\) nested more than 32 levels deep were not counted; the test counts are partial/,
    );
  });

  it('within the limit: every test counted, not partial', async () => {
    const { summary, warnings } = await load('deep.xml', await workspace({ 'deep.xml': nested(20) }));
    expect(warnings).toEqual([]);
    expect(summary).toMatchObject({ total: 2, failed: 1 });
    expect(summary!.partial).toBeUndefined();
  });

  it('a report that could not be read next to one that was: partial', async () => {
    const root = await workspace({ 'a.xml': nested(1), 'b.xml': '<testsuite><testcase' });
    const { summary } = await load('*.xml', root);
    expect(summary).toMatchObject({ total: 2, failed: 1, files: 1, partial: true });
  });

  it('the message says the counts are incomplete, in both locales', async () => {
    const { renderTemplate } = await import('../../src/render/template.js');
    const tests = { total: 1, passed: 1, failed: 0, skipped: 0, failures: [], files: 1, partial: true };
    for (const [locale, words] of [
      ['en', '1 passed, 0 failed (incomplete: some tests were not counted)'],
      ['zh-CN', '通过 1，失败 0（统计不完整：部分测试未计入）'],
    ] as const) {
      const rendered = await renderTemplate(
        { template: '{{ testsText }}', locale, timezone: 'UTC', warn: () => undefined },
        { ci: 'github', status: 'failure', tests },
      );
      expect(rendered.markdown.replace(/\\/g, '')).toContain(words);
    }
  });
});

describe('a total budget across all JUnit reports (issue 24)', () => {
  async function workspace(files: Record<string, string>): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'ci-notifier-junit-budget-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
    return root;
  }
  /** A report of `cases` passing test cases (two tags or attributes each: `<` and `=`), one failing. */
  const report = (cases: number, prefix: string) =>
    `<testsuite><testcase name="${prefix}-failed"><failure message="boom"/></testcase>${`<testcase name="${prefix}"/>`.repeat(cases)}</testsuite>`;

  it('counts tags and attributes as `<` and `=`, in what is left to parse (a log full of `=` does not count)', async () => {
    expect(markupCount('<a b="1" c = "2"><d/></a> x=y')).toBe(6);
    const log = 'key=value <![CDATA[a=b]]>\n'.repeat(MAX_TOTAL_MARKUP);
    const root = await workspace({
      'log.xml': `<testsuite><testcase name="t"><system-out>${log}</system-out></testcase></testsuite>`,
    });
    const { summary, warnings } = await load('*.xml', root);
    expect(warnings).toEqual([]);
    expect(summary).toMatchObject({ total: 1, files: 1 });
  });

  it('tags and attributes: reports that would go over the budget are not read, named in one warning, partial', async () => {
    // Three fill the budget but for a few dozen (two per test case, seven per report for the rest).
    const third = Math.floor(MAX_TOTAL_MARKUP / 2 / 3) - 10;
    const root = await workspace({
      'a.xml': report(third, 'a'),
      'b.xml': report(third, 'b'),
      'c.xml': report(third, 'c'),
      'd.xml': report(third, 'd'),
      // Small enough for what is left: still read.
      'e.xml': report(10, 'e'),
    });
    const { summary, warnings } = await load('*.xml', root);
    expect(summary).toMatchObject({ total: 3 * (third + 1) + 11, failed: 4, files: 4, partial: true });
    expect(summary!.failures.map((failure) => failure.name)).toEqual(['a-failed', 'b-failed', 'c-failed', 'e-failed']);
    expect(warnings).toEqual([
      `junit: 1 report(s) not read (d.xml): the reports together may hold at most ${MAX_TOTAL_REPORT_BYTES / 1024 / 1024} MB and ${MAX_TOTAL_MARKUP.toLocaleString('en')} tags and attributes; the test counts are partial.`,
    ]);
  });

  it('bytes: reports are not read once the total would pass the byte budget, though each is under the per-report cap', async () => {
    const text = (name: string) =>
      `<testsuite><testcase name="${name}"><system-out>${'x'.repeat(1000)}</system-out></testcase></testsuite>`;
    const root = await workspace({ 'a.xml': text('a'), 'b.xml': text('b'), 'c.xml': text('c'), 'd.xml': text('d') });
    const warnings: string[] = [];
    const summary = await loadJunit('*.xml', {
      root,
      warning: (message) => warnings.push(message),
      budget: { bytes: 2 * text('a').length + 10, markup: MAX_TOTAL_MARKUP },
    });
    expect(summary).toMatchObject({ total: 2, files: 2, partial: true });
    expect(warnings.join('\n')).toContain('2 report(s) not read (c.xml, d.xml)');
  });

  it('the byte budget is above the per-report cap, so one report of any size allowed is always read', () => {
    expect(MAX_TOTAL_REPORT_BYTES).toBeGreaterThanOrEqual(MAX_REPORT_BYTES);
  });

  it('within the budget: every report read, not partial', async () => {
    const root = await workspace({ 'a.xml': report(100, 'a'), 'b.xml': report(100, 'b') });
    const { summary, warnings } = await load('*.xml', root);
    expect(warnings).toEqual([]);
    expect(summary).toMatchObject({ total: 202, failed: 2, files: 2 });
    expect(summary!.partial).toBeUndefined();
  });
});
