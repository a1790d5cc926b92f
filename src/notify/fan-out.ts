/**
 * Several destinations in one run (`urls`, repeated `--url`): every config is validated before the first
 * request, then each is notified and the outcomes merge into one.
 */
import { deepMerge, type NotifyConfig } from '../model/config.js';
import type { CiContext } from '../model/context.js';
import { ConfigError, isNotifierError } from '../model/errors.js';
import type { People } from '../model/people.js';
import { adapterFor, notify, validateConfig, type NotifyDependencies, type NotifyOutcome } from './notify.js';
import { RateLimiter, monotonicNow } from '../transport/rate-limit.js';

/** A config built from a service URL overlaid on the other inputs: URL fields win, options merge deeply. */
export async function configFromUrl(base: NotifyConfig, url: string): Promise<NotifyConfig> {
  // Loaded only by a run that has service URLs.
  const { parseServiceUrl } = await import('../providers/service-url.js');
  const fromUrl = await parseServiceUrl(url);
  const { options, ...fields } = fromUrl;
  const merged: NotifyConfig = { ...base, ...fields, options: deepMerge(base.options, options ?? {}) };
  // Credentials never carry over from the other inputs into a URL's destination: a token for one service
  // must not be sent to another.
  merged.token = fromUrl.token;
  merged.secret = fromUrl.secret;
  return merged;
}

/** Builds one config per URL; each URL's error is labelled with its (masked) position and text. */
export async function configsFromUrls(base: NotifyConfig, urls: readonly string[]): Promise<NotifyConfig[]> {
  const configs: NotifyConfig[] = [];
  // In order, so the first bad URL is the one reported.
  for (const [index, url] of urls.entries()) {
    try {
      configs.push(await configFromUrl(base, url));
    } catch (error) {
      throw labelled(error, urls.length > 1 ? `URL ${index + 1} of ${urls.length}` : undefined);
    }
  }
  return configs;
}

function labelled(error: unknown, label: string | undefined): unknown {
  if (label && error instanceof Error) error.message = `${label}: ${error.message}`;
  return error;
}

/** Describes a config in errors and logs without its credentials. */
export function describeConfig(config: NotifyConfig, index: number, total: number): string {
  return total > 1 ? `destination ${index + 1} of ${total} (${config.provider})` : config.provider;
}

/** Merges outcomes: failure if any delivery failed; dry-run if any dry run; skipped only if all skipped. */
export function mergeOutcomes(outcomes: readonly NotifyOutcome[]): NotifyOutcome {
  if (outcomes.length === 1) return outcomes[0]!;
  const statuses = outcomes.map((outcome) => outcome.status);
  const status: NotifyOutcome['status'] = statuses.includes('failure')
    ? 'failure'
    : statuses.includes('dry-run')
      ? 'dry-run'
      : statuses.length > 0 && statuses.every((item) => item === 'skipped')
        ? 'skipped'
        : 'success';
  const results = outcomes.flatMap((outcome) => outcome.results);
  const dryRun = outcomes.flatMap((outcome) => outcome.dryRun ?? []);
  const reasons = outcomes.map((outcome) => outcome.reason).filter(Boolean);
  return {
    status,
    results,
    messageId: results.find((result) => result.ok && result.id)?.id,
    response: outcomes.findLast((outcome) => outcome.response !== undefined)?.response,
    message: outcomes.find((outcome) => outcome.message)?.message,
    ...(dryRun.length > 0 ? { dryRun } : {}),
    ...(reasons.length > 0 ? { reason: [...new Set(reasons)].join('; ') } : {}),
  };
}

/**
 * Notifies every config. All are validated first (adapter `parse`), so a bad second destination fails the
 * run before the first one sends anything; then they run concurrently and their outcomes merge.
 */
export async function notifyMany(
  configs: readonly NotifyConfig[],
  context: CiContext,
  deps: NotifyDependencies,
): Promise<NotifyOutcome> {
  if (configs.length === 0) throw new ConfigError('urls', 'names no destination', 'at least one service URL');
  for (const config of configs) {
    deps.secrets.add(config.token);
    deps.secrets.add(config.secret);
    deps.secrets.add(config.appSecret);
  }
  // `people` is read once (a file in the workspace) and checked before anything is sent.
  const peopleMaps = new Map<string, People | undefined>();
  for (const config of configs)
    if (config.people && !config.peopleMap && !peopleMaps.has(config.people)) {
      const { loadPeople } = await import('./people.js');
      peopleMaps.set(config.people, await loadPeople(config.people, deps.readFile));
    }
  configs = configs.map((config) =>
    config.people && !config.peopleMap ? { ...config, peopleMap: peopleMaps.get(config.people) } : config,
  );
  for (const [index, config] of configs.entries()) {
    try {
      const adapter = await adapterFor(config, context);
      validateConfig(adapter, config, context);
    } catch (error) {
      throw labelled(error, configs.length > 1 ? describeConfig(config, index, configs.length) : undefined);
    }
  }
  // One limiter for the run: limits are per provider and credential, not per destination, so two entries for the
  // same robot share its quota instead of each sending at the full rate.
  const shared: NotifyDependencies = {
    ...deps,
    limiter: deps.limiter ?? new RateLimiter(deps.now ?? monotonicNow),
    // Media are read once and each image or file is uploaded once per service credential, for every destination.
    media: deps.media ?? new Map(),
  };
  const outcomes = await Promise.all(
    configs.map(async (config, index) => {
      try {
        return await notify(config, context, shared);
      } catch (error) {
        // Validation passed above; what is left (a template that fails to render, a file that cannot be read)
        // is still the user's input, so it stops the run with its label.
        if (isNotifierError(error) && configs.length > 1)
          throw labelled(error, describeConfig(config, index, configs.length));
        throw error;
      }
    }),
  );
  return mergeOutcomes(outcomes);
}
