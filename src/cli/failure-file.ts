/**
 * `ci-notifier preview --failure-details FILE`: why-it-failed read from a JSON file instead of the CI's API, so a
 * failure message can be designed (and the README's pictures made) offline. The file holds the `failure` data the
 * templates get (docs/templates.md): `jobs[]` with `name`, `url`, `steps[]`, `annotations[]` and `log`; what can be
 * derived (`errors`, an annotation's `text` and `location`, `summary`) is filled in. Anything of the wrong type is an
 * error naming the field, never a silent gap.
 */
import type {
  FailureAnnotation,
  FailureDetails,
  FailureJobDetails,
  FailureLog,
  FailureStep,
} from '../model/context.js';
import { ConfigError } from '../model/errors.js';

const INPUT = '--failure-details';
const EXPECTED = 'a JSON object {"jobs": [{"name": …, "steps": [], "annotations": [], "log": {"excerpt": …}}]}';

type Json = Record<string, unknown>;

function fail(where: string, problem: string): never {
  throw new ConfigError(INPUT, `${where} ${problem}`, EXPECTED);
}
function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'is not an object');
  return value as Json;
}
function list(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(where, 'is not a list');
  return value;
}
function text(value: unknown, where: string, required: true): string;
function text(value: unknown, where: string, required?: false): string | undefined;
function text(value: unknown, where: string, required = false): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || (required && value.trim() === '')) fail(where, 'is not a text');
  return value;
}
function count(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(where, 'is not a whole number');
  return value;
}

function step(value: unknown, where: string): FailureStep {
  const item = object(value, where);
  const number = count(item.number, `${where}.number`);
  const conclusion = text(item.conclusion, `${where}.conclusion`);
  return {
    name: text(item.name, `${where}.name`, true),
    ...(number === undefined ? {} : { number }),
    ...(conclusion ? { conclusion } : {}),
  };
}

function annotation(value: unknown, where: string): FailureAnnotation {
  const item = object(value, where);
  const message = text(item.message, `${where}.message`, true);
  const path = text(item.path, `${where}.path`);
  const line = count(item.line, `${where}.line`);
  const url = text(item.url, `${where}.url`);
  const title = text(item.title, `${where}.title`);
  const level = text(item.level, `${where}.level`) ?? 'failure';
  if (level !== 'failure' && level !== 'warning' && level !== 'notice')
    fail(`${where}.level`, `is '${level}', not failure, warning or notice`);
  const location = path ? `${path}${line ? `:${String(line)}` : ''}` : undefined;
  return {
    ...(path ? { path } : {}),
    ...(line ? { line } : {}),
    ...(location ? { location } : {}),
    message,
    text: message.replace(/\s*\n\s*/g, ' ').trim(),
    ...(title ? { title } : {}),
    level,
    ...(url ? { url } : {}),
  };
}

function log(value: unknown, where: string): FailureLog | undefined {
  if (value === undefined) return undefined;
  const item = object(value, where);
  const excerpt = text(item.excerpt, `${where}.excerpt`, true).replace(/\r\n?/g, '\n');
  const url = text(item.url, `${where}.url`);
  return {
    excerpt,
    lines: excerpt.split('\n').length,
    ...(url ? { url } : {}),
    truncated: item.truncated === true,
  };
}

function job(value: unknown, where: string): FailureJobDetails {
  const item = object(value, where);
  const url = text(item.url, `${where}.url`);
  const conclusion = text(item.conclusion, `${where}.conclusion`);
  const attempt = count(item.attempt, `${where}.attempt`);
  const failedAttempt = count(item.failedAttempt, `${where}.failedAttempt`);
  const jobLog = log(item.log, `${where}.log`);
  return {
    name: text(item.name, `${where}.name`, true),
    ...(url ? { url } : {}),
    ...(conclusion ? { conclusion } : {}),
    ...(attempt ? { attempt } : {}),
    flaky: item.flaky === true,
    ...(failedAttempt ? { failedAttempt } : {}),
    steps: list(item.steps, `${where}.steps`).map((entry, index) => step(entry, `${where}.steps[${String(index)}]`)),
    annotations: list(item.annotations, `${where}.annotations`).map((entry, index) =>
      annotation(entry, `${where}.annotations[${String(index)}]`),
    ),
    ...(jobLog ? { log: jobLog } : {}),
  };
}

/** The file's text as failure details; `name` is the file as given, for errors. */
export function parseFailureDetails(source: string, name: string): FailureDetails {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    throw new ConfigError(INPUT, `'${name}' is not JSON (${(error as Error).message})`, EXPECTED);
  }
  const root = object(parsed, `'${name}'`);
  const jobs = list(root.jobs, 'jobs').map((entry, index) => job(entry, `jobs[${String(index)}]`));
  if (jobs.length === 0) fail('jobs', 'is empty');
  const attempt = count(root.attempt, 'attempt');
  const failed = jobs.filter((item) => !item.flaky);
  const errors = failed.flatMap((item) =>
    item.annotations.filter((entry) => entry.level === 'failure').map((entry) => ({ ...entry, job: item.name })),
  );
  const first = errors[0];
  const summary =
    text(root.summary, 'summary') ??
    (first ? (first.location ? `${first.location}: ${first.text}` : first.text) : undefined);
  return {
    jobs,
    errors,
    ...(summary ? { summary } : {}),
    ...(attempt ? { attempt } : {}),
    ...(root.partial === true ? { partial: true } : {}),
  };
}
