/**
 * Issue 24, "Unbounded untrusted text": every untrusted field is capped before it is rendered, once, where the
 * context enters notify() (model/caps.ts), with a cut mark in the reader's language; JUnit names and a commit's
 * first line are cut where they are read. The large cases are not wall-clock asserts: they assert the sizes that
 * keep the work bounded (timings: scripts/bench-untrusted.mjs, docs/performance.md).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, capStrings, capText } from '../../src/model/caps.js';
import type { NotifyConfig } from '../../src/model/config.js';
import type { CiContext } from '../../src/model/context.js';
import { loadJunit } from '../../src/model/junit.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { githubContext } from '../../src/context/github.js';
import { notify } from '../../src/notify/notify.js';
import { silentLogger } from '../../src/transport/types.js';

const config = (locale: 'en' | 'zh-CN'): NotifyConfig => ({
  provider: 'pushplus',
  token: '0123456789abcdef0123456789abcdef',
  template: '{{ release.body }}\n\n{{ commit.message }} {{ tests.failures[0].name }}',
  options: {},
  notifyOn: [],
  dryRun: true,
  failOnError: true,
  timeoutMs: 1000,
  retries: 0,
  deadlineMs: 5000,
  waitForDeliveryMs: 0,
  summary: false,
  locale,
});

const HUGE = 3 * 1024 * 1024;

describe('untrusted text is capped before rendering', () => {
  it('capText cuts at the cap with the mark, never inside a surrogate pair, and leaves short text alone', () => {
    expect(capText('abc', 3, '…')).toBe('abc');
    expect(capText('abcd', 3, '…')).toBe('abc…');
    expect(capText('ab😀', 3, '…')).toBe('ab…');
  });

  it.each([
    ['zh-CN', '… （已截断）'],
    ['en', '… (truncated)'],
  ] as const)(
    '%s: a 3 MB release body, commit message and test name reach the template cut, marked',
    async (locale, mark) => {
      const context: CiContext = {
        ci: 'github',
        status: 'failure',
        eventName: 'release',
        release: { tag: 'v1', body: 'b'.repeat(HUGE) },
        commit: { sha: 'a'.repeat(40), shortSha: 'aaaaaaa', message: 'm'.repeat(HUGE) },
        tests: { total: 1, passed: 0, failed: 1, skipped: 0, files: 1, failures: [{ name: 't'.repeat(HUGE) }] },
        event: { deep: { text: 'e'.repeat(HUGE) } },
      };
      const outcome = await notify(config(locale), context, { secrets: new SecretRegistry(), logger: silentLogger });
      const seen = outcome.message!.context;
      for (const value of [
        seen.release!.body!,
        seen.commit!.message!,
        seen.tests!.failures[0]!.name,
        (seen.event as { deep: { text: string } }).deep.text,
      ]) {
        expect(value.length).toBe(MAX_FIELD_CHARS + mark.length);
        expect(value.endsWith(mark)).toBe(true);
      }
      // The caller's context is not changed.
      expect(context.release!.body!.length).toBe(HUGE);
    },
  );

  it('a secret that straddles the cut is redacted before the cut, leaving no fragment', () => {
    const secret = 'Zq9SecretThatStraddlesTheCut0123456789';
    const secrets = new SecretRegistry();
    secrets.add(secret);
    const text = `${'x'.repeat(MAX_FIELD_CHARS - 10)}${secret}${'y'.repeat(3 * MAX_FIELD_CHARS)}`;
    const capped = capStrings({ text }, '…', (value) => secrets.redact(value)).text;
    expect(capped).toBe(`${'x'.repeat(MAX_FIELD_CHARS - 10)}***${'y'.repeat(7)}…`);
  });

  it('a 3 MB first line of a commit message is cut where the context is built', () => {
    const message = `${'m'.repeat(HUGE)}\nrest`;
    const context = githubContext({
      env: { GITHUB_SHA: 'a'.repeat(40), GITHUB_EVENT_NAME: 'push' },
      payload: { head_commit: { message } },
    });
    expect(context.commit!.message!.length).toBe(MAX_FIELD_CHARS + 1);
  });

  it('a JUnit test name and classname of 3 MB are cut where the report is read', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ci-notifier-caps-'));
    await writeFile(
      join(root, 'r.xml'),
      `<testsuite><testcase classname="${'c'.repeat(HUGE)}" name="${'n'.repeat(HUGE)}"><failure message="x"/></testcase></testsuite>`,
    );
    const summary = await loadJunit('r.xml', { root, warning: () => undefined });
    expect(summary!.failures[0]!.name.length).toBe(MAX_FIELD_CHARS + 1);
    expect(summary!.failures[0]!.suite!.length).toBe(MAX_FIELD_CHARS + 1);
  });
});

describe('shrinkReport (JUnit reports before parsing)', () => {
  it('cuts long attribute values and failure text, leaves out other text and CDATA, keeps entities and surrogate pairs whole', async () => {
    const { shrinkReport } = await import('../../src/model/junit.js');
    const { XMLValidator } = await import('fast-xml-parser');
    const max = 10;
    expect(shrinkReport('<a n="0123456&amp;xyz"/>', max)).toBe('<a n="0123456"/>');
    expect(shrinkReport(`<a n='012345678😀z'/>`, max)).toBe(`<a n='012345678'/>`);
    expect(shrinkReport('<a n="0123456789"/>', max)).toBe('<a n="0123456789"/>');
    // Comments, and text and CDATA other than a failure's or an error's: left out, whatever their length.
    const text = `<t><!-- n="${'c'.repeat(50)}" --><![CDATA[ <x n="${'d'.repeat(50)}"> ]]><x n="${'e'.repeat(50)}" m='ok'>q="${'f'.repeat(50)}"</x>\n  <y>&amp; ok</y></t>`;
    const cut = shrinkReport(text, max);
    expect(cut).toBe(`<t><x n="${'e'.repeat(10)}" m='ok'></x><y></y></t>`);
    expect(XMLValidator.validate(cut)).toBe(true);
    // A failure's text is kept, to 4,096 characters, never inside an entity or a surrogate pair.
    const failure = (body: string) => `<testcase><failure type="x">${body}</failure><error/></testcase>`;
    expect(shrinkReport(failure('boom &amp; <![CDATA[trace]]> more'), max)).toBe(
      failure('boom &amp; <![CDATA[trace]]> more'),
    );
    expect(shrinkReport(failure(`${'b'.repeat(4090)}&#x1F600;tail`), max)).toBe(failure('b'.repeat(4090)));
    expect(shrinkReport(failure(`${'b'.repeat(4095)}😀tail`), max)).toBe(failure('b'.repeat(4095)));
    // Linear: a long run of tags and quotes, and many long values (each cut looks back a few characters only).
    shrinkReport(`<a b="x">`.repeat(200_000), max);
    const many = `<a>${`<b c="${'x'.repeat(100)}">${'y'.repeat(100)}</b>`.repeat(100_000)}</a>`;
    expect(shrinkReport(many, max)).toBe(`<a>${`<b c="${'x'.repeat(10)}"></b>`.repeat(100_000)}</a>`);
  });

  it('the text of the first 50 failures and errors only is kept', async () => {
    const { shrinkReport } = await import('../../src/model/junit.js');
    const report = `<s>${'<failure>why</failure>'.repeat(60)}</s>`;
    expect(shrinkReport(report)).toBe(
      `<s>${'<failure>why</failure>'.repeat(50)}${'<failure></failure>'.repeat(10)}</s>`,
    );
  });

  it('a report with 5 MB of log in <system-out> and <failure>: counted as before, its failure message kept', async () => {
    const { parseJunit } = await import('../../src/model/junit.js');
    const log = 'line of log output 构建\n'.repeat(250_000);
    const tally = parseJunit(
      `<testsuite><testcase name="t"><failure message="boom">${log}</failure><system-out>${log}</system-out></testcase>` +
        `<testcase name="u"><error type="E">\n\n  first line\n${log}</error></testcase><testcase name="v"><skipped>${log}</skipped></testcase></testsuite>`,
    );
    expect(tally).toMatchObject({
      total: 3,
      failed: 2,
      skipped: 1,
      failures: [
        { name: 't', message: 'boom' },
        { name: 'u', message: 'first line' },
      ],
    });
  });
});
