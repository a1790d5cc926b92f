/**
 * The routing file: which runs go where, with which inputs. YAML, checked against ROUTING_SCHEMA before any
 * request; every problem names the file and the line. Destinations name environment variables that hold
 * service URLs (filled from secrets by the workflow), so the file itself never holds a credential.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { ConfigError } from '../model/errors.js';
import type { Environment } from '../model/context.js';
import { matchesAny } from './glob.js';
import { ROUTE_INPUTS, ROUTING_SCHEMA } from './routing-schema.js';
import { validate, type Schema, type SchemaPath } from './schema-check.js';

/** What a run is matched on. */
export interface RunFacts {
  repository: string;
  /** The workflow's name ("CI"). */
  workflow?: string;
  /** The workflow's file (".github/workflows/ci.yml"): a glob on the workflow matches the name or the file. */
  workflowPath?: string;
  branch?: string;
  event?: string;
}

export interface Selector {
  repositories?: string[];
  workflows?: string[];
  branches?: string[];
  events?: string[];
}

export interface Exclusion extends Selector {
  reason?: string;
  line: number;
}

export interface Destination {
  urlEnv: string;
  line: number;
}

export interface Route extends Selector {
  /** `name`, or "route N" (1-based) when it has none. */
  name: string;
  line: number;
  destinations: Destination[];
  /** Action inputs (defaults, then the route's own), as the action would read them. */
  inputs: Record<string, string>;
  digest: boolean;
}

export interface Routing {
  /** The file as given, for messages. */
  path: string;
  match: 'first' | 'all';
  windowMs: number;
  repositories?: string[];
  exclude: Exclusion[];
  routes: Route[];
}

export const DEFAULT_WINDOW = '24h';
const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Re-runs are allowed up to 30 days after a run (github-failures.md §4); a longer window reads nothing more. */
const MAX_WINDOW_MS = 30 * UNITS.d!;
const CREDENTIAL_KEYS = new Set([
  'token',
  'secret',
  'app-secret',
  'url',
  'urls',
  'github-token',
  'webhook',
  'key',
  'access-token',
]);

/** `90m`, `24h`, `2d` → milliseconds. */
export function parseWindow(text: string, input = 'window'): number {
  const match = /^([1-9]\d*)([mhd])$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNITS[match[2]!]! : Number.NaN;
  if (!Number.isFinite(ms) || ms < 10 * UNITS.m! || ms > MAX_WINDOW_MS)
    throw new ConfigError(input, `'${text}' is not a window between 10m and 30d`, 'a number and a unit: 90m, 24h, 2d');
  return ms;
}

function asList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function inputText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function inputsOf(record: Record<string, unknown> | undefined): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const name of ROUTE_INPUTS) if (record && record[name] !== undefined) inputs[name] = inputText(record[name]);
  return inputs;
}

function selectorOf(record: Record<string, unknown>): Selector {
  return {
    repositories: asList(record.repositories),
    workflows: asList(record.workflows),
    branches: asList(record.branches),
    events: asList(record.events),
  };
}

/** A selector matches when each of its lists matches (an absent list matches anything). */
export function selects(selector: Selector, run: RunFacts): boolean {
  const workflowMatches =
    matchesAny(selector.workflows, run.workflow) ||
    matchesAny(selector.workflows, run.workflowPath) ||
    matchesAny(selector.workflows, run.workflowPath?.split('/').pop());
  return (
    matchesAny(selector.repositories, run.repository) &&
    workflowMatches &&
    matchesAny(selector.branches, run.branch) &&
    matchesAny(selector.events, run.event)
  );
}

/** The exclusion that drops this run, if any. */
export function excludedBy(routing: Routing, run: RunFacts): Exclusion | undefined {
  return routing.exclude.find((exclusion) => selects(exclusion, run));
}

/**
 * The routes of a run: none when it is excluded; else the first route that matches (`match: first`, the default,
 * so a catch-all route at the end never doubles a team's message), or every route that matches (`match: all`).
 */
export function routesFor(routing: Routing, run: RunFacts): Route[] {
  if (excludedBy(routing, run)) return [];
  const matching = routing.routes.filter((route) => selects(route, run));
  return routing.match === 'all' ? matching : matching.slice(0, 1);
}

/** Whether the sweep should read this repository at all (the file's `repositories`, then exclusions of whole repositories). */
export function sweepsRepository(routing: Routing, repository: string): boolean {
  if (!matchesAny(routing.repositories, repository)) return false;
  const whole = routing.exclude.filter(
    (item) => !item.workflows?.length && !item.branches?.length && !item.events?.length,
  );
  return !whole.some((item) => matchesAny(item.repositories, repository));
}

function describePath(path: SchemaPath): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text ? `.${part}` : part;
  return text || 'the file';
}

/** Reads and checks the routing file: a ConfigError naming the file and line for the first problems. */
export function parseRouting(text: string, path: string, env: Environment): Routing {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  const fail = (problems: string[]): never => {
    throw new ConfigError(
      'config',
      `the routing file ${path} is not valid:\n  ${problems.join('\n  ')}\n`,
      'the form in docs/watch.md (schema: docs/watch-routing.schema.json)',
    );
  };
  if (document.errors.length > 0)
    fail(document.errors.map((error) => `line ${lineAt(error.pos[0])}: ${error.message.split('\n')[0]}`));
  const value: unknown = document.toJS();
  const nodeLine = (schemaPath: SchemaPath, key?: string) => lineOf(document, schemaPath, key, lineAt);

  const problems = validate(ROUTING_SCHEMA as unknown as Schema, value).map((problem) => {
    let message = `${describePath(problem.path)} ${problem.message}`;
    if (problem.key && CREDENTIAL_KEYS.has(problem.key.toLowerCase()))
      message +=
        ': credentials never sit in the routing file; add a destination `url-env: NAME` and fill the variable NAME from a secret in the workflow';
    else if (problem.path.at(-1) === 'url-env')
      message += ' (the name of an environment variable, such as PAYMENTS_DINGTALK_URL, not a URL)';
    return `line ${nodeLine(problem.key ? problem.path.slice(0, -1) : problem.path, problem.key)}: ${message}`;
  });
  if (problems.length > 0) fail(problems.slice(0, 10));

  const file = value as Record<string, unknown>;
  const defaults = inputsOf(file.defaults as Record<string, unknown> | undefined);
  const routesIn = file.routes as Record<string, unknown>[];
  const missing: string[] = [];
  const routes = routesIn.map((record, index): Route => {
    const destinations = (record.destinations as Record<string, unknown>[]).map((destination, at) => {
      const urlEnv = String(destination['url-env']);
      const line = nodeLine(['routes', index, 'destinations', at, 'url-env']);
      if (!env[urlEnv]?.trim())
        missing.push(
          `line ${line}: routes[${index}] destination url-env ${urlEnv}: the environment variable is not set or empty (set it from a secret: env: ${urlEnv}: \${{ secrets.${urlEnv} }})`,
        );
      return { urlEnv, line };
    });
    return {
      ...selectorOf(record),
      name: typeof record.name === 'string' ? record.name : `route ${index + 1}`,
      line: nodeLine(['routes', index]),
      destinations,
      inputs: { ...defaults, ...inputsOf(record) },
      digest: record.digest !== false,
    };
  });
  if (missing.length > 0) fail(missing);
  const exclude = ((file.exclude as Record<string, unknown>[] | undefined) ?? []).map((record, index) => ({
    ...selectorOf(record),
    reason: typeof record.reason === 'string' ? record.reason : undefined,
    line: nodeLine(['exclude', index]),
  }));
  let windowMs: number;
  try {
    windowMs = parseWindow(typeof file.window === 'string' ? file.window : DEFAULT_WINDOW);
  } catch (error) {
    return fail([`line ${nodeLine(['window'])}: ${(error as Error).message}`]);
  }
  return {
    path,
    match: file.match === 'all' ? 'all' : 'first',
    windowMs,
    repositories: asList(file.repositories),
    exclude,
    routes,
  };
}

/** The line of the value at `path` (or of `key` in the mapping at `path`). */
function lineOf(
  document: Document,
  path: SchemaPath,
  key: string | undefined,
  lineAt: (offset: number | undefined) => number,
): number {
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isNode(node)) return lineAt(undefined);
  if (key !== undefined && 'items' in node && Array.isArray(node.items)) {
    for (const pair of node.items as { key?: unknown }[]) {
      const keyNode = pair.key;
      if (isNode(keyNode) && String((keyNode as { value?: unknown }).value) === key) return lineAt(keyNode.range?.[0]);
    }
  }
  return lineAt(node.range?.[0]);
}
