import { normalizeStatus, type ActivityInfo, type CiContext, type JobStatus, type RunState } from '../model/context.js';
import { ConfigError } from '../model/errors.js';
import { escapeBody, escapeTitle, messageFilters } from './filters.js';
import { wordsFor, type Locale, type Words } from './locale.js';
import { PRESETS, isPresetName, presetsFor, type Preset } from './presets.js';
import { COMPILED_PRESETS } from './presets.generated.js';
import type { CompiledText as CompiledPreset } from './preset-runtime.js';

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

export interface RenderedText {
  title: string;
  markdown: string;
}

/** A preset's text compiled at build time (`scripts/compile-presets.mjs`), if this exact source was compiled. */
function compiled(source: string): CompiledPreset | undefined {
  return COMPILED_PRESETS.get(source);
}

/**
 * One text of a message: a built-in preset's runs the function it was compiled to at build time; a user's own
 * template (or a preset the compiler left out) goes through liquidjs, loaded on first use.
 */
async function renderText(
  kind: 'title' | 'markdown',
  text: string,
  fromPreset: boolean,
  variables: Record<string, unknown>,
  source: TemplateSource,
): Promise<string> {
  const compiledText = fromPreset ? compiled(text) : undefined;
  if (compiledText) {
    return compiledText(
      variables,
      messageFilters(wordsFor(source.locale)),
      kind === 'title' ? escapeTitle : escapeBody,
    );
  }
  const liquid = await import(/* webpackChunkName: "liquid" */ './liquid.js');
  await liquid.loadZonedDateFor(text);
  return liquid.renderWith(kind, kind === 'title' ? 'title' : 'template', text, variables, {
    locale: source.locale,
    timezone: source.timezone,
    // Only the user's own templates are checked for undefined variables: presets test what they use.
    warn: fromPreset ? undefined : source.warn,
  });
}

export async function renderTemplate(source: TemplateSource, context: CiContext): Promise<RenderedText> {
  const template = await resolveTemplate(source, context);
  const variables = templateVariables(context, source.locale);
  const presetBody = isPresetName(source.template.trim() || 'auto');
  const presetTitle = !source.title?.trim();
  const title = await renderText('title', template.title, presetTitle, variables, source);
  const markdown = await renderText('markdown', template.body, presetBody, variables, source);
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
export async function renderPlainValue(
  source: string,
  context: CiContext,
  input: string,
  warn?: (message: string) => void,
  locale?: Locale,
  timezone?: string,
): Promise<string> {
  const liquid = await import(/* webpackChunkName: "liquid" */ './liquid.js');
  await liquid.loadZonedDateFor(source);
  return liquid.renderWith('title', input, source, templateVariables(context, locale), { locale, timezone, warn });
}
