import { Drop, Liquid, filters as liquidFilters, type Template } from 'liquidjs';
import { normalizeStatus, type ActivityInfo, type CiContext, type JobStatus, type RunState } from '../model/context.js';
import { ConfigError } from '../model/errors.js';
import { suggest } from '../model/suggest.js';
import { escapeMarkdown, neutralizeMentions, safeHref, stripControl, wellFormed } from './escape.js';
import { graphemes, measure } from './limits.js';
import { wordsFor, type Locale, type Words } from './locale.js';
import { PRESETS, isPresetName, presetsFor, type Preset } from './presets.js';

/**
 * zoned-date.ts, loaded only by a render whose template names a date filter (`date`, `date_to_xmlschema`,
 * `date_to_rfc822`), so the action's entry file and most runs' start-up do not carry it. The filters are
 * synchronous: the module is loaded before rendering.
 */
let zoned: typeof import('./zoned-date.js') | undefined;
async function loadZonedDateFor(...sources: (string | undefined)[]): Promise<void> {
  if (zoned || !sources.some((source) => source?.includes('date'))) return;
  zoned = await import(/* webpackChunkName: "zoned-date" */ './zoned-date.js');
}

/** Output that a filter has already made safe; the escaper passes it through. */
class SafeMarkdown {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function plain(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof SafeMarkdown) return value.value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
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
  /** `{{ url | link: "text" }}` → a Markdown link when the URL is http(s), else just the text. */
  engine.registerFilter('link', (href: unknown, text?: unknown, style?: unknown) => {
    const safe = safeHref(typeof href === 'string' ? href : undefined);
    const label = plain(text ?? href);
    const labelMarkdown = style === 'code' ? `\`${label.replace(/`/g, "'")}\`` : escapeMarkdown(stripControl(label));
    return new SafeMarkdown(safe ? `[${labelMarkdown}](${safe})` : labelMarkdown);
  });
  /** `{{ url | url }}`: a bare URL, only when http(s). */
  engine.registerFilter(
    'url',
    (href: unknown) => new SafeMarkdown(safeHref(typeof href === 'string' ? href : undefined) ?? ''),
  );
  /**
   * `{{ release.body | markdown }}`: keep the value's own Markdown (release notes). Safe because the dialect
   * renderers never pass raw HTML through and break mentions in all text.
   */
  engine.registerFilter('markdown', (value: unknown) => new SafeMarkdown(stripControl(plain(value))));
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
  /** `{{ seconds | duration }}` → "3m 12s" (in the message's language). */
  engine.registerFilter('duration', (value: unknown) => {
    const total = Math.max(0, Math.round(Number(value) || 0));
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    return words.duration(hours, minutes, seconds);
  });
  /**
   * `escape`/`escape_once`: every output is already escaped for the body's Markdown, so these only state the
   * intent; escaping for HTML as well would show `&lt;` to the reader.
   */
  engine.registerFilter('escape', (value: unknown) => plain(value));
  engine.registerFilter('escape_once', (value: unknown) => plain(value));
  /**
   * `{{ text | truncate: 20 }}` as in Liquid (the length includes the ellipsis, default "..."), but counted in
   * grapheme clusters so an emoji or a CJK character is never cut in half.
   */
  engine.registerFilter('truncate', (value: unknown, length: unknown = 50, ellipsis: unknown = '...') => {
    const text = plain(value);
    const max = Math.max(0, Math.floor(Number(length)) || 0);
    const marker = plain(ellipsis);
    // A text with no more code points than the limit has no more graphemes either: no segmenting needed.
    if (measure(text, 'chars') <= max) return text;
    const parts = graphemes(text);
    if (parts.length <= max) return text;
    const keep = Math.max(0, max - graphemes(marker).length);
    return parts.slice(0, keep).join('') + marker;
  });
  /**
   * liquidjs's URL and base64 filters throw on odd input (`%E0%A4%A`, a lone surrogate, `-`), which would fail
   * the step on a stranger's commit message: the same filters, total. Escapes that do not decode stay as written.
   */
  engine.registerFilter('url_decode', (value: unknown) =>
    plain(value)
      .replace(/\+/g, ' ')
      .replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
        try {
          return decodeURIComponent(run);
        } catch {
          return run;
        }
      }),
  );
  engine.registerFilter('url_encode', (value: unknown) =>
    encodeURIComponent(wellFormed(plain(value))).replace(/%20/g, '+'),
  );
  engine.registerFilter('cgi_escape', (value: unknown) =>
    encodeURIComponent(wellFormed(plain(value))).replace(
      /[!'()*]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    ),
  );
  engine.registerFilter('uri_escape', (value: unknown) =>
    encodeURI(wellFormed(plain(value)))
      .replace(/%5B/g, '[')
      .replace(/%5D/g, ']'),
  );
  engine.registerFilter('base64_decode', (value: unknown) => Buffer.from(plain(value), 'base64').toString('utf8'));
  /**
   * `{{ job.log.excerpt | code_block }}` → a fenced code block (log lines keep their spacing, nothing is read as
   * Markdown), fenced longer than any backtick run inside so the content cannot close it early.
   */
  engine.registerFilter('code_block', (value: unknown) => {
    const text = stripControl(plain(value)).replace(/^\n+|\s+$/g, '');
    let fence = '```';
    for (const run of text.match(/`+/g) ?? []) if (run.length >= fence.length) fence = `${run}\``;
    return text ? new SafeMarkdown(`${fence}\n${text}\n${fence}`) : '';
  });
  /** `{{ job | job_link }}` → the job's name linked to its page. */
  engine.registerFilter('job_link', (job: unknown) => {
    const record = (job ?? {}) as { name?: unknown; url?: unknown };
    const name = escapeMarkdown(stripControl(plain(record.name)));
    const href = safeHref(typeof record.url === 'string' ? record.url : undefined);
    return new SafeMarkdown(href ? `[${name}](${href})` : name);
  });
  return engine;
}

const escapeBody = (value: unknown) =>
  value instanceof SafeMarkdown ? value.value : neutralizeMentions(escapeMarkdown(stripControl(plain(value))));
// Titles are plain text: nothing to escape but control characters and mentions.
const escapeTitle = (value: unknown) => neutralizeMentions(stripControl(plain(value))).replace(/\n+/g, ' ');

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

const STATUS_ICONS: Record<JobStatus, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⚪',
  skipped: '⏭️',
  started: '🟡',
  unknown: 'ℹ️',
};

const ACTIVITY_WORD: Record<ActivityInfo['kind'], keyof Words['events']> = {
  issue: 'issue',
  'issue-comment': 'issueComment',
  review: 'review',
  'review-comment': 'reviewComment',
  discussion: 'discussion',
  'discussion-comment': 'discussionComment',
};

/** "Issue #12 opened", "Review #7 approved", "评论 #12 新建". */
function activityText(activity: ActivityInfo, words: Words): string {
  const verb = activity.state ?? activity.action;
  const verbText = verb ? (Object.hasOwn(words.actions, verb) ? words.actions[verb] : verb) : undefined;
  return [words.events[ACTIVITY_WORD[activity.kind]], activity.number ? `#${activity.number}` : '', verbText]
    .filter(Boolean)
    .join(' ');
}

/**
 * The variables a template sees: the CI context plus a few derived, display-ready values, whose words follow
 * `locale` (English when none is given).
 */
export function templateVariables(context: CiContext, locale?: Locale): Record<string, unknown> {
  const words = wordsFor(locale);
  const STATE_TEXT: Record<RunState, string> = words.states;
  const state: RunState = context.history?.state ?? context.status;
  let stateText = STATE_TEXT[state];
  if (state === 'still-failing' && context.history?.failureStreak && context.history.failureStreak > 1) {
    stateText = words.stillFailingRun(context.history.failureStreak);
  }
  const deploymentState = context.deployment?.state ?? context.status;
  const icon = state === 'fixed' ? '✅' : state === 'still-failing' ? '🔴' : STATUS_ICONS[context.status];
  // A workflow_run notification is about the watched run: show its name, branch and page, not the notifier's.
  const watched = context.eventName === 'workflow_run' ? context.workflowRun : undefined;
  return {
    ...context,
    ...(watched?.name ? { workflow: watched.name } : {}),
    ...(watched?.headBranch ? { branch: watched.headBranch } : {}),
    ...(watched?.url ? { runUrl: watched.url } : {}),
    // The notifier's own job name would only confuse a workflow_run alert, or a `needs` summary of other jobs.
    ...(watched || context.jobs?.length ? { job: undefined, jobDisplayName: undefined } : {}),
    history: context.history ?? {},
    state,
    stateText,
    statusIcon: icon,
    statusText: STATE_TEXT[context.status === 'unknown' ? 'unknown' : context.status],
    deploymentStateText: Object.hasOwn(words.deploymentStates, deploymentState)
      ? words.deploymentStates[deploymentState]
      : deploymentState,
    locale: locale ?? 'en',
    ...(context.activity ? { activityText: activityText(context.activity, words) } : {}),
    ...(context.eventName
      ? {
          eventText: Object.hasOwn(words.eventNames, context.eventName)
            ? words.eventNames[context.eventName]
            : context.eventName,
        }
      : {}),
    ...(context.tests
      ? {
          testsText:
            words.tests(context.tests.passed, context.tests.failed, context.tests.skipped) +
            (context.tests.partial ? words.testsPartial : ''),
        }
      : {}),
    ...(context.jobs
      ? {
          jobs: context.jobs.map((job) => ({
            ...job,
            resultText: Object.hasOwn(words.results, job.result) ? words.results[job.result] : job.result,
            icon: STATUS_ICONS[normalizeStatus(job.result) ?? 'unknown'],
          })),
        }
      : {}),
    ...(context.commitCount && context.commits && context.commitCount > context.commits.length
      ? { moreCommitsText: words.andMore(context.commitCount - context.commits.length) }
      : {}),
    now: new Date().toISOString(),
  };
}

/** Picks a preset for `template: auto` from the event and status. */
export function autoPreset(context: CiContext): keyof typeof PRESETS {
  switch (context.eventName) {
    case 'release':
      return 'release';
    case 'deployment_status':
    case 'deployment':
      return 'deployment';
    case 'pull_request':
    case 'pull_request_target':
      return 'pull-request';
    case 'issues':
    case 'issue_comment':
    case 'pull_request_review':
    case 'pull_request_review_comment':
    case 'discussion':
    case 'discussion_comment':
      return context.activity ? 'activity' : context.status === 'failure' ? 'build-failure' : 'build-status';
    default:
      return context.status === 'failure' ? 'build-failure' : 'build-status';
  }
}

export interface TemplateSource {
  /** `template` input: preset name, inline Liquid, or `file:path`. */
  template: string;
  /** `title` input: Liquid; empty means the preset's title. */
  title?: string;
  /** Reads `file:` templates (relative to the workspace); injected so the core does no I/O of its own. */
  readFile?: (path: string) => Promise<string>;
  /** Where warnings go (undefined variables in the user's templates, a path given without `file:`). */
  warn?: (message: string) => void;
  /** Language of the presets' words, state names and durations. @default 'en' (the config's default is zh-CN) */
  locale?: Locale;
  /** IANA time zone for the `date` filter. @default the runner's local time (the config's default is Asia/Shanghai) */
  timezone?: string;
}

/**
 * An inline template that is one word with no Liquid in it and names a template file (`.md`, `.txt`,
 * `.liquid`) or a file that exists: almost certainly `file:` forgotten.
 */
async function looksLikeFile(raw: string, readFile: TemplateSource['readFile']): Promise<boolean> {
  if (/[\s{}]/.test(raw) || raw.length > 300) return false;
  if (/\.(md|markdown|txt|liquid)$/i.test(raw)) return true;
  if (!raw.includes('/') || !readFile) return false;
  return readFile(raw).then(
    () => true,
    () => false,
  );
}

export async function resolveTemplate(source: TemplateSource, context: CiContext): Promise<Preset> {
  const raw = source.template.trim() || 'auto';
  const presets = presetsFor(source.locale);
  let body: string;
  let presetTitle: string;
  if (isPresetName(raw)) {
    const preset = presets[raw === 'auto' ? autoPreset(context) : raw];
    body = preset.body;
    presetTitle = preset.title;
  } else if (raw.startsWith('file:')) {
    const path = raw.slice(5).trim();
    if (!path)
      throw new ConfigError('template', 'file: needs a path', "'file:path/to/template.md', relative to the workspace");
    if (!source.readFile) throw new ConfigError('template', 'file templates cannot be read here');
    try {
      body = await source.readFile(path);
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConfigError(
        'template',
        code === 'ENOENT'
          ? `'${path}' does not exist in the workspace`
          : `cannot read '${path}' (${(error as Error).message})`,
        code === 'ENOENT'
          ? 'a file in the repository checkout: is the repository checked out (actions/checkout) before this step?'
          : 'a file in the repository checkout',
      );
    }
    presetTitle = presets[autoPreset(context)].title;
  } else if (/^[\w-]+$/.test(raw)) {
    throw new ConfigError(
      'template',
      `unknown preset '${raw}'`,
      `one of ${['auto', ...Object.keys(presets)].join(', ')}, an inline template, or file:path`,
    );
  } else {
    body = source.template;
    presetTitle = presets[autoPreset(context)].title;
    if (source.warn && (await looksLikeFile(raw, source.readFile)))
      source.warn(
        `The 'template' input '${raw}' looks like a file path but is sent as literal text: did you mean file:${raw}?`,
      );
  }
  return { title: source.title?.trim() ? source.title : presetTitle, body };
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

export interface RenderedText {
  title: string;
  markdown: string;
}

export async function renderTemplate(source: TemplateSource, context: CiContext): Promise<RenderedText> {
  const template = await resolveTemplate(source, context);
  await loadZonedDateFor(template.title, template.body);
  const variables = templateVariables(context, source.locale);
  const engines = enginesFor(source.locale, source.timezone);
  // Only the user's own templates are checked for undefined variables: presets test what they use.
  const userBody = !isPresetName(source.template.trim() || 'auto');
  const userTitle = Boolean(source.title?.trim());
  const title = parseAndRender(engines.title, 'title', template.title, variables, userTitle ? source.warn : undefined);
  const markdown = parseAndRender(
    engines.markdown,
    'template',
    template.body,
    variables,
    userBody ? source.warn : undefined,
  );
  const body = markdown.replace(/\n{3,}/g, '\n\n').trim();
  if (!body) {
    throw new ConfigError(
      'template',
      'renders to an empty message for this event, so nothing was sent (an undefined variable renders as empty text)',
      'a template that produces text: check the variable names, or use a preset such as `auto`',
    );
  }
  return { title: title.replace(/\s+/g, ' ').trim(), markdown: body };
}

/**
 * Renders one plain-text Liquid value against the CI context (a provider's template parameter, such as an
 * mPaaS `templateKeyValue` entry): the title engine's rules, no Markdown escaping. Errors name `input`.
 */
/** Plain-text Liquid (push arguments): parse once, so a broken template fails before any request. */
export function parsePlainTemplate(source: string): Template[] {
  return enginesFor(undefined, undefined).title.parse(source);
}

/** Renders a template from parsePlainTemplate with the same safe, plain-text engine as titles. */
export async function renderPlainTemplate(template: Template[], variables: Record<string, unknown>): Promise<string> {
  return String(enginesFor(undefined, undefined).title.renderSync(template, variables));
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

export async function renderPlainValue(
  source: string,
  context: CiContext,
  input: string,
  warn?: (message: string) => void,
  locale?: Locale,
  timezone?: string,
): Promise<string> {
  await loadZonedDateFor(source);
  return parseAndRender(enginesFor(locale, timezone).title, input, source, templateVariables(context, locale), warn);
}
