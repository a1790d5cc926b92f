/**
 * liquidjs, set up for message templates: the user's own templates (inline, `file:`, `title`) and the plain-text
 * arguments of push templates. Loaded only by a run that has one: the built-in presets are compiled to functions
 * at build time (`./presets.generated.ts`) and need no template engine.
 */
import { Drop, Liquid, type Template } from 'liquidjs';
import { ConfigError } from '../model/errors.js';
import { escapeBody, escapeTitle, messageFilters, plain } from './filters.js';
import { wordsFor, type Locale, type Words } from './locale.js';

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
  for (const [name, filter] of Object.entries(messageFilters(words))) engine.registerFilter(name, filter);
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
 * The variables a template reads that are not defined (a typo: `{{ commit.mesage }}`), with where: liquidjs in
 * strict mode stops at the first one, so each found is defined as a placeholder and the template rendered again.
 * Tests (`if`, `default`) are not reported.
 */
function undefinedVariables(template: Template[], variables: Record<string, unknown>): string[] {
  strictEngine ??= createEngine(plain, wordsFor(undefined), undefined, true);
  const found: string[] = [];
  let scope = variables;
  while (found.length < MAX_UNDEFINED) {
    try {
      strictEngine.renderSync(template, scope);
      break;
    } catch (error) {
      const match = /undefined variable: ([^,\s]+)(?:, line:(\d+), col:(\d+))?/.exec((error as Error).message);
      if (!match || found.some((entry) => entry.startsWith(`'${match[1]}'`))) break;
      found.push(`'${match[1]}'${match[2] ? ` (line ${match[2]}, column ${match[3]})` : ''}`);
      scope = withPlaceholder(scope, match[1]!.split('.'));
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
    throw new ConfigError(
      input,
      `the template does not render: ${(error as Error).message.split('\n')[0]}`,
      'a Liquid template',
    );
  }
  if (warn) {
    const missing = undefinedVariables(parsed, variables);
    if (missing.length > 0)
      warn(
        `The '${input}' template uses undefined variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: ` +
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

/** Renders a template from parsePlainTemplate with the same safe, plain-text engine as titles. */
export async function renderPlainTemplate(template: Template[], variables: Record<string, unknown>): Promise<string> {
  return String(enginesFor(undefined, undefined).title.renderSync(template, variables));
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
