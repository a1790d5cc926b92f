import {
  DEFAULTS,
  parseBoolean,
  parseList,
  parseNumber,
  parseRateLimit,
  parseUrlList,
  type MediaInputs,
  type NotifyConfig,
} from '../model/config.js';
import { ConfigError } from '../model/errors.js';
import { parseNotifyOn, parseOptions } from '../model/options.js';
import { parseNeeds, type NeededJob } from '../model/needs.js';
import { parseDetailsMode, type DetailsMode } from '../model/context.js';
import { parseMentionOn, parseMentionRoles } from '../model/people.js';
import { parseLocale, parseTimezone } from '../render/locale.js';

/** Inputs that carry credentials: masked before anything else is read. */
export const SECRET_INPUTS = ['token', 'secret', 'app-secret', 'github-token'] as const;

export interface ActionInputs {
  config: NotifyConfig;
  /** `status` exactly as given (the context builder checks and normalizes it, before any request). */
  status?: string;
  githubToken?: string;
  matrix?: Record<string, unknown>;
  /** Service URLs from the `urls` input, one destination each (empty: the single `provider` config). */
  urls: string[];
  /** `junit`: globs of JUnit XML reports in the workspace, as given. */
  junit?: string;
  /** `needs`: the jobs of `${{ toJSON(needs) }}` with their results. */
  needs?: NeededJob[];
  /** `details`: how much of why-it-failed to read from the CI's API on a failure. */
  details: DetailsMode;
}

/**
 * Reads every input into one typed config. Credentials are masked first, then each input is validated
 * with an error that names it; nothing here touches the network.
 */
/** Where inputs come from: the runner's INPUT_* variables for the action, flags and env for the CLI. */
export interface InputSource {
  getInput(name: string, options?: { trimWhitespace?: boolean }): string;
  /** Registers a credential for masking before anything else sees it. */
  setSecret(secret: string): void;
}

/** `image`, `qr`, `file`, `install`: kept as given; notify/media.ts reads them only when one is set. */
function mediaInputs(optional: (name: string) => string | undefined): MediaInputs | undefined {
  const media: Record<string, string | undefined> = {};
  for (const name of ['image', 'qr', 'file', 'install']) media[name] = optional(name);
  return Object.values(media).some(Boolean) ? media : undefined;
}

export async function readInputs(core: InputSource): Promise<ActionInputs> {
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name);
    if (value) core.setSecret(value);
  }
  const input = (name: string) => core.getInput(name).trim();
  const optional = (name: string) => input(name) || undefined;

  const urls = parseUrlList(core.getInput('urls'));
  // URLs carry credentials: mask every line before anything can print it.
  for (const url of urls) core.setSecret(url);
  const provider = input('provider');
  if (!provider && urls.length === 0)
    throw new ConfigError(
      'provider',
      'is required (unless urls is given)',
      'the name of a provider such as pushplus or dingtalk',
    );

  const timeoutSeconds = parseNumber('timeout', input('timeout'), DEFAULTS.timeoutSeconds, {
    min: 1,
    max: 300,
    unit: 'seconds',
  });
  const retries = parseNumber('retries', input('retries'), DEFAULTS.retries, { min: 0, max: 10, integer: true });
  const timeoutMs = timeoutSeconds * 1000;
  const defaultDeadline = Math.min(timeoutSeconds * (retries + 1) + 60, 3600);
  const deadlineSeconds = parseNumber('deadline', input('deadline'), defaultDeadline, {
    min: 1,
    max: 21_600,
    unit: 'seconds',
  });
  const waitSeconds = parseNumber('wait-for-delivery', input('wait-for-delivery'), 0, {
    min: 0,
    max: 3600,
    unit: 'seconds',
  });

  let matrix: Record<string, unknown> | undefined;
  const rawMatrix = input('matrix');
  if (rawMatrix && rawMatrix !== 'null') matrix = await parseOptions(rawMatrix, 'matrix');

  const config: NotifyConfig = {
    provider,
    token: optional('token'),
    secret: optional('secret'),
    appId: optional('app-id'),
    appSecret: optional('app-secret'),
    workspaceId: optional('workspace-id'),
    endpoint: optional('endpoint'),
    channel: optional('channel'),
    format: optional('format'),
    // Multi-line inline templates keep their inner whitespace; only the ends are trimmed.
    template: core.getInput('template', { trimWhitespace: false }).trim()
      ? core.getInput('template', { trimWhitespace: false })
      : DEFAULTS.template,
    title: optional('title'),
    target: optional('target'),
    options: await parseOptions(core.getInput('options')),
    updateMessage: optional('update-message'),
    replyTo: optional('reply-to'),
    notifyOn: parseNotifyOn(parseList(input('notify-on'))),
    dryRun: parseBoolean('dry-run', input('dry-run'), false),
    failOnError: parseBoolean('fail-on-error', input('fail-on-error'), true),
    timeoutMs,
    retries,
    deadlineMs: deadlineSeconds * 1000,
    waitForDeliveryMs: waitSeconds * 1000,
    rateLimit: parseRateLimit('rate-limit', input('rate-limit')),
    summary: parseBoolean('summary', input('summary'), true),
    locale: parseLocale(input('locale')),
    timezone: parseTimezone(input('timezone')),
    // YAML keeps its indentation: only blank ends are dropped.
    people: core.getInput('people', { trimWhitespace: false }).trim()
      ? core.getInput('people', { trimWhitespace: false })
      : undefined,
    mention: parseMentionRoles(input('mention')),
    mentionOn: parseMentionOn(input('mention-on')),
    media: mediaInputs(optional),
  };
  return {
    config,
    status: optional('status'),
    githubToken: optional('github-token'),
    matrix,
    urls,
    junit: optional('junit'),
    needs: parseNeeds(input('needs')),
    details: parseDetailsMode(input('details')),
  };
}
