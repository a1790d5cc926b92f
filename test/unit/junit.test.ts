import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJunit } from '../../src/model/junit.js';
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
