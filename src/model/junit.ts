/**
 * What failed: JUnit XML reports (Vitest, Jest, pytest, Maven Surefire, gotestsum …) read from the workspace into
 * counts and the first failed tests. A report is written by the build, so it is read defensively: a size cap per
 * file, a cap on files, no entity expansion (fast-xml-parser with processEntities off; the five XML escapes and
 * character references are decoded here), and every problem is a warning, never a lost message.
 * Parser: fast-xml-parser (https://github.com/NaturalIntelligence/fast-xml-parser), maintained, no native code,
 * with a nesting limit and a validator.
 */
import { promises as fs } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_FIELD_CHARS, preCap } from './caps.js';
import { parseList } from './config.js';

export interface FailedTest {
  name: string;
  /** Suite, class or file the test belongs to. */
  suite?: string;
  /** First line of the failure message. */
  message?: string;
}

export interface TestSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  /** The first failed tests (at most MAX_FAILURES). */
  failures: FailedTest[];
  /** Reports read. */
  files: number;
  /**
   * Some tests were not counted: a report could not be read next to others that were, or suites nested deeper
   * than MAX_SUITE_DEPTH. The message then says the counts are incomplete (never a quiet "0 failed").
   */
  partial?: boolean;
}

export const MAX_FAILURES = 10;
/** A JUnit report of a large suite is a few MB; more is not a report worth reading in a notification step. */
export const MAX_REPORT_BYTES = 8 * 1024 * 1024;
export const MAX_REPORTS = 200;
/**
 * All reports together: the bytes read, and the tags and attributes parsed (each `<` and `=`), which the XML
 * validator's and parser's time and memory grow with far more than with bytes (fast-xml-parser 5, Node 24: 8 MB of
 * `<testcase name="tN"/>` took 2.7 s CPU and +250 MB, about 4 µs and 400 bytes a tag or attribute; log text costs
 * little once shrinkReport leaves it out). At both budgets a dry run takes about 1.2-1.5 s CPU and +125 MB
 * (scripts/bench-untrusted.mjs), within issue 24's bound of 2 s and 200 MB; 150,000 is about 37,000 test cases of
 * Maven Surefire's form. A report that would go over is not read, with a warning, and the counts say they are partial.
 */
export const MAX_TOTAL_REPORT_BYTES = 16 * 1024 * 1024;
export const MAX_TOTAL_MARKUP = 150_000;
/** Suites nested deeper than this are not counted (and say so); the parser stops at 64 nested tags anyway. */
export const MAX_SUITE_DEPTH = 32;

type Node = Record<string, unknown>;

const ARRAYS = new Set(['testsuites', 'testsuite', 'testcase', 'failure', 'error', 'skipped']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 64,
  isArray: (name) => ARRAYS.has(name),
});

/** The XML escapes and character references; named entities from a DOCTYPE are never expanded. */
function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (whole, entity: string) => {
    switch (entity.toLowerCase()) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attr(node: Node, name: string): string | undefined {
  const value = node[`@${name}`];
  return typeof value === 'string' && value.trim() ? decode(value.trim()) : undefined;
}

function children(node: Node, name: string): Node[] {
  const value = node[name];
  if (!Array.isArray(value)) return [];
  // An element without attributes parses to its text (`<failure>expected 1</failure>` -> 'expected 1', and
  // `<skipped/>` -> ''): still present, and its text kept where an element with attributes keeps it.
  return value.map((item) =>
    typeof item === 'object' && item !== null ? (item as Node) : typeof item === 'string' ? { '#text': item } : {},
  );
}

function firstLine(text: string | undefined): string | undefined {
  const line = text
    ?.split(/\r?\n/)
    .map((item) => item.trim())
    .find(Boolean);
  return line ? line.slice(0, 300) : undefined;
}

function textOf(node: Node): string | undefined {
  const text = node['#text'];
  return typeof text === 'string' ? decode(text) : undefined;
}

interface Tally {
  total: number;
  failed: number;
  skipped: number;
  failures: FailedTest[];
  /** Suites below MAX_SUITE_DEPTH, not counted. */
  uncounted?: number;
}

function visitSuite(suite: Node, tally: Tally, depth: number): void {
  if (depth > MAX_SUITE_DEPTH) {
    tally.uncounted = (tally.uncounted ?? 0) + 1;
    return;
  }
  const suiteName = attr(suite, 'name') ?? attr(suite, 'file');
  for (const testcase of children(suite, 'testcase')) {
    tally.total++;
    const problems = [...children(testcase, 'failure'), ...children(testcase, 'error')];
    if (problems.length > 0) {
      tally.failed++;
      if (tally.failures.length < MAX_FAILURES) {
        const problem = problems[0]!;
        // Names as long as the report allows are cut here to what a field keeps (one more character, so the
        // context's cap in notify marks them as cut, in the reader's language): model/caps.ts.
        const suite = attr(testcase, 'classname') ?? attr(testcase, 'file') ?? suiteName;
        tally.failures.push({
          name: preCap(attr(testcase, 'name') ?? '(unnamed test)'),
          suite: suite === undefined ? undefined : preCap(suite),
          message: firstLine(attr(problem, 'message') ?? textOf(problem) ?? attr(problem, 'type')),
        });
      }
    } else if (testcase.skipped !== undefined) {
      tally.skipped++;
    }
  }
  for (const nested of children(suite, 'testsuite')) visitSuite(nested, tally, depth + 1);
}

/** Where `needle` next occurs from `from`, or the end of `text`. */
function next(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at < 0 ? text.length : at;
}

/** `cut`, moved back so that it is not inside an entity (`&amp;`, `&#x1F600;`) or a surrogate pair, nor before `from`. */
function safeCut(xml: string, from: number, cut: number): number {
  // Only the few characters an entity can span are looked at: a search back to `from` would make many long values
  // quadratic.
  const window = xml.slice(Math.max(from, cut - 11), cut);
  const amp = window.lastIndexOf('&');
  if (amp >= 0 && !window.includes(';', amp)) cut -= window.length - amp;
  const code = xml.charCodeAt(cut - 1);
  if (cut > from && code >= 0xd800 && code <= 0xdbff) cut--;
  return cut;
}

/** Of the text inside `<failure>` and `<error>` (a fallback for the failure's first line), what is kept. */
const FAILURE_TEXT_CHARS = 4096;
/** Failures and errors whose text is kept: more than the MAX_FAILURES tests shown can use. */
const FAILURE_TEXTS = 5 * MAX_FAILURES;

/**
 * The report as the validator and the parser need to see it, in one linear pass: every attribute value longer than
 * `max` cut to `max` characters, the text of the first FAILURE_TEXTS `<failure>` and `<error>` elements cut to
 * FAILURE_TEXT_CHARS, and all other text and CDATA (`<system-out>` logs, whitespace) left out, since nothing else
 * is read from it, and comments. An 8 MB test name made them take seconds and hundreds of MB per report, and so did
 * 5 MB of log (fast-xml-parser builds text a character at a time: 1.7 s CPU and +300 MB; 16 MB of it in
 * 30K-character pieces, 1.5 s and +160 MB). Processing instructions and declarations are skipped whole. A value is cut at a
 * character that cannot start an entity or split a surrogate pair, so the XML stays well-formed.
 */
export function shrinkReport(xml: string, max: number = MAX_FIELD_CHARS + 1): string {
  const kept: string[] = [];
  let copied = 0;
  /** Keeps the report up to `cut` and carries on from `resume`, leaving out what lies between. */
  const drop = (cut: number, resume: number) => {
    if (resume <= cut) return;
    kept.push(xml.slice(copied, cut));
    copied = resume;
  };
  // Text kept for the failure or error just opened (0 outside one), and how many such texts were kept.
  let textLeft = 0;
  let texts = 0;
  /** Text or CDATA content from `from` to `to`: kept within the failure's allowance, otherwise left out. */
  const content = (from: number, to: number) => {
    // Before the first element (a DOCTYPE's internal subset ends in text: `]>`) text stays, within `max`.
    const keep = Math.min(to - from, inProlog ? max : textLeft);
    drop(keep === to - from ? to : safeCut(xml, from, from + keep), to);
    if (!inProlog) textLeft -= keep;
  };
  let inProlog = true;
  // `at` starts a run of text (outside any tag) each time round.
  let at = 0;
  while (at < xml.length) {
    const lt = next(xml, '<', at);
    content(at, lt);
    at = lt;
    if (at >= xml.length) break;
    if (xml.startsWith('<!--', at)) {
      // Comments are never read: left out whole.
      const end = Math.min(xml.length, next(xml, '-->', at + 4) + 3);
      drop(at, end);
      at = end;
    } else if (xml.startsWith('<![CDATA[', at)) {
      const end = next(xml, ']]>', at + 9);
      // Left out whole where its text is not kept; else cut (safeCut's entity rule does not apply in CDATA: at
      // worst it keeps a few characters less).
      if (!inProlog && textLeft === 0) drop(at, Math.min(xml.length, end + 3));
      else content(at + 9, end);
      at = end + 3;
    } else if (xml.startsWith('<?', at)) at = next(xml, '?>', at + 2) + 2;
    else if (xml.startsWith('<!', at)) at = next(xml, '>', at + 2) + 1;
    else {
      // A tag: quoted values until the `>` that ends it.
      let i = at + 1;
      while (i < xml.length && xml[i] !== '>') {
        const quote = xml[i];
        if (quote !== '"' && quote !== "'") {
          i++;
          continue;
        }
        const end = next(xml, quote, i + 1);
        if (end - (i + 1) > max) drop(safeCut(xml, i + 1, i + 1 + max), end);
        i = end + 1;
      }
      inProlog = false;
      const opensProblem = /^<(failure|error)[\s/>]/.test(xml.slice(at, at + 9)) && xml[i - 1] !== '/';
      textLeft = opensProblem && texts++ < FAILURE_TEXTS ? FAILURE_TEXT_CHARS : 0;
      at = i + 1;
    }
  }
  if (copied === 0) return xml;
  kept.push(xml.slice(copied));
  return kept.join('');
}

/**
 * Tags and attributes in a report as the parser will see it (after shrinkReport, so a log full of `key=value` does
 * not count), as its `<` and `=` characters: a failure's text may add a few, never fewer.
 */
export function markupCount(xml: string): number {
  let count = 0;
  for (let i = 0; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (code === 0x3c || code === 0x3d) count++;
  }
  return count;
}

/** The reports the total budget left unread, in one warning (not one per report). */
function overBudgetWarning(shown: string[], budget: { bytes: number; markup: number }): string {
  const listed = shown.slice(0, 5).join(', ') + (shown.length > 5 ? ` and ${shown.length - 5} more` : '');
  const bytes = budget.bytes % (1024 * 1024) === 0 ? `${budget.bytes / (1024 * 1024)} MB` : `${budget.bytes} bytes`;
  return (
    `junit: ${shown.length} report(s) not read (${listed}): the reports together may hold at most ` +
    `${bytes} and ${budget.markup.toLocaleString('en')} tags and attributes; the test counts are partial.`
  );
}

/** Counts one report's text; throws with a short reason when it is not a JUnit report. */
export function parseJunit(text: string, tally: Tally = { total: 0, failed: 0, skipped: 0, failures: [] }): Tally {
  return parseShrunk(shrinkReport(text), tally);
}

/** parseJunit for a report shrinkReport has already made. */
function parseShrunk(xml: string, tally: Tally): Tally {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const root = parser.parse(xml) as Node;
  const suites = [...children(root, 'testsuite'), ...children(root, 'testsuites')];
  if (suites.length === 0) throw new Error('no <testsuites> or <testsuite> element');
  for (const suite of suites) visitSuite(suite, tally, 0);
  return tally;
}

export interface JunitDependencies {
  /** Workspace root: patterns resolve inside it and matches must stay inside it (symlinks included). */
  root: string;
  warning: (message: string) => void;
  /** The total budget; MAX_TOTAL_REPORT_BYTES and MAX_TOTAL_MARKUP unless a test makes it smaller. */
  budget?: { bytes: number; markup: number };
}

/** Lists the files matching the globs, inside the workspace. */
async function findReports(patterns: string[], deps: JunitDependencies): Promise<string[]> {
  const glob = (fs as { glob?: (pattern: string[], options: { cwd: string }) => AsyncIterable<string> }).glob;
  if (!glob) {
    deps.warning('junit: this Node.js has no fs.glob (Node 22 or later); the reports were not read.');
    return [];
  }
  const safe = patterns.filter((pattern) => {
    const outside = isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..');
    if (outside) deps.warning(`junit: '${pattern}' points outside the workspace; ignored.`);
    return !outside;
  });
  if (safe.length === 0) return [];
  const root = await fs.realpath(deps.root);
  const found: string[] = [];
  for await (const match of glob(safe, { cwd: root })) {
    if (found.length >= MAX_REPORTS) {
      deps.warning(`junit: more than ${MAX_REPORTS} reports match; only the first ${MAX_REPORTS} are read.`);
      break;
    }
    found.push(resolve(root, match));
  }
  return found.sort();
}

/**
 * Reads every report the globs match (comma or newline separated) and sums them. Undefined when no pattern is
 * given; counts of zero with a warning when nothing matches or nothing could be read.
 */
export async function loadJunit(raw: string | undefined, deps: JunitDependencies): Promise<TestSummary | undefined> {
  const patterns = parseList(raw);
  if (patterns.length === 0) return undefined;
  const tally: Tally = { total: 0, failed: 0, skipped: 0, failures: [] };
  let files = 0;
  let skipped = 0;
  let reports: string[] = [];
  try {
    reports = await findReports(patterns, deps);
  } catch (error) {
    deps.warning(`junit: cannot list the reports (${(error as Error).message}).`);
  }
  const root = await fs.realpath(deps.root).catch(() => resolve(deps.root));
  const budget = deps.budget ?? { bytes: MAX_TOTAL_REPORT_BYTES, markup: MAX_TOTAL_MARKUP };
  let bytesLeft = budget.bytes;
  let markupLeft = budget.markup;
  const overBudget: string[] = [];
  for (const path of reports) {
    const shown = relative(root, path) || path;
    try {
      const real = await fs.realpath(path);
      const inside = relative(root, real);
      if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
        throw new Error('it resolves outside the workspace');
      const stat = await fs.stat(real);
      if (!stat.isFile()) continue;
      if (stat.size > MAX_REPORT_BYTES)
        throw new Error(`it is ${stat.size} bytes, more than the ${MAX_REPORT_BYTES} read`);
      // Over the total budget: not read (a smaller report after it may still fit).
      if (stat.size > bytesLeft) {
        overBudget.push(shown);
        continue;
      }
      const bytes = await fs.readFile(real);
      bytesLeft -= bytes.length;
      // Decoded whole (fs.readFile with an encoding decodes chunk by chunk, several times slower).
      const xml = shrinkReport(bytes.toString('utf8'));
      const markup = markupCount(xml);
      if (markup > markupLeft || bytesLeft < 0) {
        overBudget.push(shown);
        continue;
      }
      markupLeft -= markup;
      const before = tally.uncounted ?? 0;
      parseShrunk(xml, tally);
      files++;
      const deep = (tally.uncounted ?? 0) - before;
      if (deep > 0)
        deps.warning(
          `junit: ${shown}: ${deep} suite(s) nested more than ${MAX_SUITE_DEPTH} levels deep were not counted; the test counts are partial.`,
        );
    } catch (error) {
      skipped++;
      deps.warning(`junit: skipped ${shown}: ${(error as Error).message}.`);
    }
  }
  if (overBudget.length > 0) deps.warning(overBudgetWarning(overBudget, budget));
  if (reports.length === 0) deps.warning(`junit: no report matches ${patterns.join(', ')}.`);
  // No report read: the message says nothing about tests rather than "0 passed, 0 failed".
  if (files === 0) return undefined;
  return {
    total: tally.total,
    passed: tally.total - tally.failed - tally.skipped,
    failed: tally.failed,
    skipped: tally.skipped,
    failures: tally.failures,
    files,
    ...((tally.uncounted ?? 0) > 0 || skipped > 0 || overBudget.length > 0 ? { partial: true } : {}),
  };
}
