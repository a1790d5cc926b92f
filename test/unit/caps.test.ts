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

describe('cutLongAttributes (JUnit reports before parsing)', () => {
  it('cuts long attribute values only, keeps entities and surrogate pairs whole, and the XML well-formed', async () => {
    const { cutLongAttributes } = await import('../../src/model/junit.js');
    const { XMLValidator } = await import('fast-xml-parser');
    const max = 10;
    expect(cutLongAttributes('<a n="0123456&amp;xyz"/>', max)).toBe('<a n="0123456"/>');
    expect(cutLongAttributes(`<a n='012345678😀z'/>`, max)).toBe(`<a n='012345678'/>`);
    const text = `<t><!-- n="${'c'.repeat(50)}" --><![CDATA[ <x n="${'d'.repeat(50)}"> ]]><x n="${'e'.repeat(50)}" m='ok'>q="${'f'.repeat(50)}"</x></t>`;
    const cut = cutLongAttributes(text, max);
    expect(cut).toBe(
      `<t><!-- n="${'c'.repeat(50)}" --><![CDATA[ <x n="${'d'.repeat(50)}"> ]]><x n="${'e'.repeat(10)}" m='ok'>q="${'f'.repeat(50)}"</x></t>`,
    );
    expect(XMLValidator.validate(cut)).toBe(true);
    // Linear: a long run of tags and quotes.
    cutLongAttributes(`<a b="x">`.repeat(200_000), max);
  });
});
