/**
 * liquidjs, set up for message templates: the user's own templates (inline, `file:`, `title`) and the plain-text
 * arguments of push templates. Loaded only by a run that has one: the built-in presets are compiled to functions
 * at build time (`./presets.generated.ts`) and need no template engine.
 */
import { Drop, Liquid, filters as liquidFilters, type Template } from 'liquidjs';
import type { CiContext } from '../model/context.js';
import { ConfigError } from '../model/errors.js';
import { suggest } from '../model/suggest.js';
import { escapeBody, escapeTitle, messageFilters, plain } from './filters.js';
import { wordsFor, type Locale, type Words } from './locale.js';

/**
 * zoned-date.ts, loaded only by a render whose template names a date filter (`date`, `date_to_xmlschema`,
 * `date_to_rfc822`), so the action's entry file and most runs' start-up do not carry it. The filters are
 * synchronous: the module is loaded before rendering.
 */
let zoned: typeof import('./zoned-date.js') | undefined;
export async function loadZonedDateFor(...sources: (string | undefined)[]): Promise<void> {
  if (zoned || !sources.some((source) => source?.includes('date'))) return;
  zoned = await import(/* webpackChunkName: "zoned-date" */ './zoned-date.js');
}

/** The host's time zone, asked for only when a template formats a date without a `timezone`. */
function hostZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function createEngine(escape: (value: unknown) => string, words: Words, timezone?: string, strict = false): Liquid {
  const engine = new Liquid({
    outputEscape: escape,
    // The strict engine only finds undefined variables (undefinedVariables below); `{{ x | default: 'y' }}` and
    // `{% if x %}` test for a value on purpose and stay silent (lenientIf).
    strictVariables: strict,
    lenientIf: strict,
    ownPropertyOnly: true,
    strictFilters: true,
    // No file system: `include`/`render`/`layout` cannot read files from a template.
    fs: {
      exists: async () => false,
      existsSync: () => false,
      readFile: async () => '',
      readFileSync: () => '',
      resolve: (_root: string, file: string) => file,
    },
    relativeReference: false,
    // Without a locale, liquidjs asks Intl for the default one at construction: ~10 ms of start-up on every run.
    locale: words.tag,
    // The `date` filter's default time zone (the `timezone` input); without one, the runner's local time.
    ...(timezone ? { timezoneOffset: timezone } : {}),
    parseLimit: 1_000_000,
    renderLimit: 2_000,
    memoryLimit: 50_000_000,
  });
  for (const [name, filter] of Object.entries(messageFilters(words))) engine.registerFilter(name, filter);
  /**
   * `date`, `date_to_xmlschema` and `date_to_rfc822` from the time zone's own offsets (zoned-date.ts): liquidjs's
   * derive them from the host's local time and are an hour off around the host's daylight-saving changes. Without
   * a `timezone`, the host's own zone. A numeric offset argument is left to liquidjs.
   */
  const zoneOf = (override: unknown): string | undefined => {
    if (override === undefined || override === null) return timezone ?? hostZone();
    if (typeof override !== 'string') return undefined;
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: override }).resolvedOptions().timeZone;
    } catch {
      return undefined;
    }
  };
  const defaultDateFormat = engine.options.dateFormat;
  const original = liquidFilters as unknown as Record<string, (this: unknown, ...args: unknown[]) => unknown>;
  engine.registerFilter('date', function (this: unknown, value: unknown, format?: unknown, override?: unknown) {
    const zone = zoneOf(override);
    if (!zone || !zoned) return original.date!.call(this, value, format, override);
    const time = zoned.instantOf(value, zone);
    if (time === undefined) return value;
    const pattern = format === undefined || format === null ? defaultDateFormat : plain(format);
    return zoned.formatInZone(time, pattern, zone, words.tag);
  });
  engine.registerFilter('date_to_xmlschema', function (this: unknown, value: unknown) {
    if (!zoned) return original.date_to_xmlschema!.call(this, value);
    const zone = zoneOf(undefined)!;
    const time = zoned.instantOf(value, zone);
    return time === undefined ? value : zoned.formatInZone(time, '%Y-%m-%dT%H:%M:%S%:z', zone, words.tag);
  });
  engine.registerFilter('date_to_rfc822', function (this: unknown, value: unknown) {
    if (!zoned) return original.date_to_rfc822!.call(this, value);
    const zone = zoneOf(undefined)!;
    const time = zoned.instantOf(value, zone);
    return time === undefined ? value : zoned.formatInZone(time, '%a, %d %b %Y %H:%M:%S %z', zone, 'en-US');
  });
  return engine;
}

interface Engines {
  markdown: Liquid;
  title: Liquid;
}

/** One pair of engines per language and time zone (filters are bound when a template is parsed). */
const engineCache = new Map<string, Engines>();

function enginesFor(locale: Locale | undefined, timezone: string | undefined): Engines {
  const key = `${locale ?? ''}|${timezone ?? ''}`;
  let engines = engineCache.get(key);
  if (!engines) {
    const words = wordsFor(locale);
    engines = {
      markdown: createEngine(escapeBody, words, timezone),
      title: createEngine(escapeTitle, words, timezone),
    };
    engineCache.set(key, engines);
  }
  return engines;
}

let strictEngine: Liquid | undefined;

/** Stands for a variable found undefined, so the next strict render goes on to the next one. */
class Placeholder extends Drop {
  override liquidMethodMissing(): Placeholder {
    return this;
  }
  override valueOf(): string {
    return '';
  }
}

/** `variables` with `path` (dotted) defined as a placeholder; objects on the way are copied, never changed. */
function withPlaceholder(variables: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return variables;
  const current = variables[head];
  const inner =
    rest.length === 0
      ? new Placeholder()
      : withPlaceholder(
          typeof current === 'object' && current !== null && !Array.isArray(current)
            ? { ...(current as Record<string, unknown>) }
            : {},
          rest,
        );
  return { ...variables, [head]: inner };
}

const MAX_UNDEFINED = 20;

/**
 * Every name a template can start a variable with, whatever the event: the context's fields (the compiler checks
 * that the list is complete) and the display values templateVariables adds. A first name outside this list is a
 * typo (`comit`) and fails the run; a known name the event lacks (`pullRequest` on a push) renders empty.
 */
const CONTEXT_NAMES: Record<keyof CiContext, true> = {
  ci: true,
  serverUrl: true,
  repository: true,
  repositoryUrl: true,
  workflow: true,
  job: true,
  jobDisplayName: true,
  matrix: true,
  runId: true,
  runNumber: true,
  runAttempt: true,
  runUrl: true,
  eventName: true,
  actor: true,
  ref: true,
  refType: true,
  branch: true,
  tag: true,
  sha: true,
  shortSha: true,
  commit: true,
  compareUrl: true,
  pullRequest: true,
  release: true,
  workflowRun: true,
  deployment: true,
  check: true,
  schedule: true,
  inputs: true,
  status: true,
  history: true,
  activity: true,
  event: true,
  tests: true,
  jobs: true,
  commits: true,
  commitCount: true,
  responsible: true,
  failure: true,
  install: true,
};
const DISPLAY_NAMES = [
  'state',
  'stateText',
  'statusIcon',
  'statusText',
  'deploymentStateText',
  'locale',
  'activityText',
  'eventText',
  'testsText',
  'moreCommitsText',
  'now',
] as const;
export const TEMPLATE_VARIABLE_NAMES: readonly string[] = [...Object.keys(CONTEXT_NAMES), ...DISPLAY_NAMES];

/** `'comit.message' (line 1, column 4): did you mean 'commit'?` for a variable whose first name is unknown. */
function unknownVariable(entry: UndefinedVariable): string {
  const hint = suggest(entry.head, TEMPLATE_VARIABLE_NAMES);
  return `'${entry.path}'${entry.where}${hint ? ` (did you mean '${hint}'?)` : ''}`;
}

/** `'commit.mesage' (line 1, column 4, did you mean 'commit.message'?)` when the object it reads has a close field. */
function undefinedField(entry: UndefinedVariable, variables: Record<string, unknown>): string {
  const path = entry.path.split('.');
  let parent: unknown = variables;
  for (const key of path.slice(0, -1)) {
    parent =
      typeof parent === 'object' && parent !== null && Object.hasOwn(parent, key)
        ? (parent as Record<string, unknown>)[key]
        : undefined;
  }
  const known = typeof parent === 'object' && parent !== null && !Array.isArray(parent) ? Object.keys(parent) : [];
  const hint = path.length > 1 ? suggest(path.at(-1)!, known) : undefined;
  return `'${entry.path}'${entry.where}${hint ? ` (did you mean '${[...path.slice(0, -1), hint].join('.')}'?)` : ''}`;
}

interface UndefinedVariable {
  /** The dotted path as written (`comit.message`). */
  path: string;
  head: string;
  /** ` (line 1, column 4)` or empty. */
  where: string;
}

/**
 * The variables a template reads that are not defined (a typo: `{{ commit.mesage }}`), with where: liquidjs in
 * strict mode stops at the first one, so each found is defined as a placeholder and the template rendered again.
 * Tests (`if`, `default`) are not reported.
 */
function undefinedVariables(template: Template[], variables: Record<string, unknown>): UndefinedVariable[] {
  strictEngine ??= createEngine(plain, wordsFor(undefined), undefined, true);
  const found: UndefinedVariable[] = [];
  let scope = variables;
  while (found.length < MAX_UNDEFINED) {
    try {
      strictEngine.renderSync(template, scope);
      break;
    } catch (error) {
      const match = /undefined variable: ([^,\s]+)(?:, line:(\d+), col:(\d+))?/.exec((error as Error).message);
      if (!match || found.some((entry) => entry.path === match[1])) break;
      const path = match[1]!.split('.');
      found.push({
        path: match[1]!,
        head: path[0]!.replace(/\[.*$/, ''),
        where: match[2] ? ` (line ${match[2]}, column ${match[3]})` : '',
      });
      scope = withPlaceholder(scope, path);
    }
  }
  return found;
}

function parseAndRender(
  engine: Liquid,
  input: string,
  source: string,
  variables: Record<string, unknown>,
  warn?: (message: string) => void,
): string {
  let parsed: Template[];
  let output: string;
  try {
    parsed = engine.parse(source);
    // Every filter and the file system stub are synchronous, so the synchronous renderer applies: liquidjs's
    // asynchronous one drives the same steps through a promise each, about 2 ms of every run (docs/performance.md).
    output = String(engine.renderSync(parsed, variables));
  } catch (error) {
    const problem = (error as Error).message.split('\n')[0] ?? '';
    // strictFilters: a misspelt filter stops the template; name the filter it most likely meant.
    const filter = /undefined filter: ([\w-]+)/.exec(problem)?.[1];
    const hint = filter ? suggest(filter, Object.keys(engine.filters)) : undefined;
    throw new ConfigError(
      input,
      `the template does not render: ${problem}${hint ? ` (did you mean '${hint}'?)` : ''}`,
      filter ? 'a filter listed in docs/templates.md' : 'a Liquid template',
    );
  }
  if (warn) {
    const missing = undefinedVariables(parsed, variables);
    // A first name that no event ever has is a typo: the message would go out with a hole in it.
    const unknown = missing.filter(
      (entry) => !TEMPLATE_VARIABLE_NAMES.includes(entry.head) && !Object.hasOwn(variables, entry.head),
    );
    if (unknown.length > 0)
      throw new ConfigError(
        input,
        `uses unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map(unknownVariable).join(', ')}`,
        'a variable listed in docs/templates.md (a listed one that the event lacks, such as pullRequest on a push, prints nothing)',
      );
    if (missing.length > 0)
      warn(
        `The '${input}' template uses undefined variable${missing.length > 1 ? 's' : ''} ${missing.map((entry) => undefinedField(entry, variables)).join(', ')}: ` +
          'rendered as empty text. Check the spelling against the variables in docs/templates.md, or give a ' +
          "fallback with `| default: '…'`.",
      );
  }
  return output;
}

/** Plain-text Liquid (push arguments): parse once, so a broken template fails before any request. */
export function parsePlainTemplate(source: string): Template[] {
  return enginesFor(undefined, undefined).title.parse(source);
}

/**
 * A plain-text value a provider renders itself (Easemob title_args), in the run's language and time zone: parsed
 * with that engine, because liquidjs binds the filters (`date`, `duration`) when it parses.
 */
export async function renderPlainSource(
  source: string,
  variables: Record<string, unknown>,
  locale?: Locale,
  timezone?: string,
): Promise<string> {
  await loadZonedDateFor(source);
  const engine = enginesFor(locale, timezone).title;
  return String(engine.renderSync(engine.parse(source), variables));
}

/** Renders `source` with the title (plain text) or body (Markdown) engine of a language and time zone. */
export function renderWith(
  kind: 'title' | 'markdown',
  input: string,
  source: string,
  variables: Record<string, unknown>,
  options: { locale?: Locale; timezone?: string; warn?: (message: string) => void },
): string {
  return parseAndRender(enginesFor(options.locale, options.timezone)[kind], input, source, variables, options.warn);
}
