/**
 * One sweep of `ci-notifier watch`: the repositories, their runs that completed in the window, and for each
 * attempt not yet seen, what the action would have sent, to the routes the routing file gives it.
 *
 * Exactly one alert per (run id, attempt): the window overlaps earlier sweeps, and the state remembers every
 * attempt seen. The state is saved after each run, so a sweep that dies halfway sends the rest next time and
 * never sends a run twice; runs that completed before the window are never sent, whatever the state holds.
 */
import { resolve } from 'node:path';
import type { Environment } from '../model/context.js';
import { describeError } from '../model/errors.js';
import type { SecretRegistry } from '../model/secrets.js';
import { notifyMany } from '../notify/fan-out.js';
import { readWorkspaceTemplate } from '../render/template-file.js';
import type { FetchFunction } from '../transport/proxy.js';
import { RateLimiter } from '../transport/rate-limit.js';
import type { Logger } from '../transport/types.js';
import { anyRouteWants, type PreparedRoute } from './destinations.js';
import { GithubApiError, SweepStopped, type GithubClient } from './github-client.js';
import { historyOfRun } from './history-adapter.js';
import { routesFor, sweepsRepository, type Route, type Routing } from './routing.js';
import { attemptOf, completedAt, contextOfRun, factsOf, failureDetailsFor, type ApiRun } from './run-context.js';
import { attemptKey, pruneState, saveState, type WatchState } from './state.js';

export interface SweepOptions {
  routing: Routing;
  prepared: Map<Route, PreparedRoute>;
  client: GithubClient;
  state: WatchState;
  /** Why there was no usable state (first sweep, lost or unreadable file); undefined when there was one. */
  stateProblem?: string;
  statePath: string;
  /** `send` (default): a sweep without state sends the window's runs; `skip`: records them and sends nothing. */
  onNoState?: 'send' | 'skip';
  /** The organisation or user whose repositories to list; else the App installation's. */
  owner?: string;
  /** An explicit set (`--repos owner/a,owner/b`): no list call. */
  repositories?: string[];
  env: Environment;
  secrets: SecretRegistry;
  logger: Logger;
  cwd: string;
  fetch?: FetchFunction;
  now?: () => number;
  /** A dry run sends nothing, so it must not record anything as sent either. */
  dryRun?: boolean;
}

export interface SweepRow {
  repository: string;
  workflow: string;
  run: string;
  url?: string;
  state: string;
  routes: string;
  result: string;
}

export interface SweepReport {
  repositories: number;
  read: number;
  unchanged: number;
  runs: number;
  alreadySeen: number;
  sent: number;
  failed: number;
  requests: number;
  notModified: number;
  remaining?: number;
  limit?: number;
  stopped?: string;
  /** The sweep failed halfway (network, an API error it cannot skip). */
  error?: string;
  noState?: string;
  windowStart: string;
  rows: SweepRow[];
}

const HOUR = 3_600_000;

/**
 * The window's start, rounded down to the hour: the runs list URL then stays the same for an hour, so its ETag
 * can answer 304 (free) on every sweep of that hour in which nothing changed in a repository.
 */
export function windowStartOf(now: number, windowMs: number): number {
  return Math.floor((now - windowMs) / HOUR) * HOUR;
}

/** The repositories to read: the explicit set, or the organisation's / installation's list (ETag against the state). */
export async function listRepositories(
  options: Pick<SweepOptions, 'client' | 'state' | 'owner' | 'repositories'>,
): Promise<string[]> {
  const { client, state, owner } = options;
  if (options.repositories?.length) return options.repositories;
  const url = owner
    ? client.url(`/orgs/${encodeURIComponent(owner)}/repos`, { type: 'all', per_page: 100 })
    : client.url('/installation/repositories', { per_page: 100 });
  const cached = state.repositories?.url === url ? state.repositories : undefined;
  let reply;
  try {
    reply = await client.list<{ full_name: string; archived?: boolean; disabled?: boolean }>(
      url,
      owner ? undefined : 'repositories',
      { etag: cached?.etag, maxPages: 100 },
    );
  } catch (error) {
    // Only a GitHub App installation token can list "its" repositories; any other token needs the organisation.
    if (!owner && error instanceof GithubApiError && (error.status === 401 || error.status === 403))
      throw new GithubApiError(
        `${error.message}. With a token that is not a GitHub App installation token, pass --owner ORG (or --repos)`,
        error.status,
      );
    throw error;
  }
  if (reply.unchanged && cached) return cached.names;
  if (reply.unchanged) return [];
  // Archived and disabled repositories run no workflows: reading them would only spend calls.
  const names = reply.items.filter((repo) => !repo.archived && !repo.disabled).map((repo) => repo.full_name);
  state.repositories = { url, etag: reply.etag, names };
  return names;
}

export async function sweep(options: SweepOptions): Promise<SweepReport> {
  const { routing, client, state, logger } = options;
  const now = (options.now ?? Date.now)();
  const windowFloor = now - routing.windowMs;
  const windowStart = windowStartOf(now, routing.windowMs);
  const report: SweepReport = {
    repositories: 0,
    read: 0,
    unchanged: 0,
    runs: 0,
    alreadySeen: 0,
    sent: 0,
    failed: 0,
    requests: 0,
    notModified: 0,
    windowStart: new Date(windowFloor).toISOString(),
    rows: [],
  };
  const skipAll = options.stateProblem !== undefined && options.onNoState === 'skip';
  if (options.stateProblem !== undefined) {
    report.noState = options.stateProblem;
    logger.warning(
      `No sweep state (${options.stateProblem}): a first sweep, or the state was lost. ` +
        (skipAll
          ? `Runs that completed since ${report.windowStart} are recorded and not sent (--on-no-state skip); the next sweep sends new ones.`
          : `Runs that completed since ${report.windowStart} (the ${routing.windowMs / HOUR} h window) are sent; nothing older is.`),
    );
  }
  pruneState(state, windowFloor - HOUR);
  const limiter = new RateLimiter(options.now ?? Date.now);
  const serverUrl = (options.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const save = async () => {
    if (!options.dryRun) await saveState(options.statePath, state);
  };

  try {
    const all = (await listRepositories(options)).filter((name) => sweepsRepository(routing, name));
    report.repositories = all.length;
    const start = all.length > 0 ? (state.cursor ?? 0) % all.length : 0;
    const order = [...all.slice(start), ...all.slice(0, start)];
    logger.info(`Sweeping ${all.length} repositories for runs completed since ${report.windowStart}.`);
    for (const [index, repository] of order.entries()) {
      state.cursor = (start + index) % Math.max(1, all.length);
      await sweepRepository(repository);
      if ((index + 1) % 25 === 0 || index + 1 === order.length)
        logger.info(
          `Progress: ${index + 1}/${order.length} repositories read, ${report.runs} new runs, ${report.sent} messages sent, ${client.spent} API calls spent (${client.notModified} more answered 304, free).`,
        );
    }
    state.cursor = start;
    state.lastSweepAt = new Date(now).toISOString();
  } catch (error) {
    if (error instanceof SweepStopped) {
      report.stopped = error.message;
      logger.warning(error.message);
    } else {
      // What was sent is saved below; the next sweep sends the rest. The caller reports the failure.
      report.error = `${describeError(error as Error)} The next sweep sends what this one did not.`;
    }
  }
  await save();
  Object.assign(report, {
    requests: client.requests,
    notModified: client.notModified,
    remaining: client.remaining,
    limit: client.limit,
  });
  return report;

  async function sweepRepository(repository: string): Promise<void> {
    const url = client.url(`/repos/${repository}/actions/runs`, {
      status: 'completed',
      created: `>=${new Date(windowStart).toISOString().replace('.000Z', 'Z')}`,
      exclude_pull_requests: true,
      per_page: 100,
    });
    let listed;
    try {
      // With `created` or `status` GitHub returns at most 1,000 runs (10 pages of 100), the list's default cap.
      listed = await client.list<ApiRun>(url, 'workflow_runs', { etag: state.etags[url] });
    } catch (error) {
      if (!(error instanceof GithubApiError)) throw error;
      logger.warning(`${repository}: cannot read its runs (${error.message}); skipped this time.`);
      return;
    }
    report.read++;
    if (listed.unchanged) {
      report.unchanged++;
      logger.debug(`${repository}: no change since the last sweep (304).`);
      return;
    }
    const runs = listed.items
      .filter((run) => run.status === 'completed' && completedAt(run) >= windowFloor)
      .sort((a, b) => completedAt(a) - completedAt(b));
    for (const run of runs) await handleRun(repository, run);
    // Only now is the list fully handled: a sweep that stops before this point reads it again next time.
    if (listed.etag) state.etags[url] = listed.etag;
    for (const key of Object.keys(state.etags))
      if (key !== url && key.startsWith(client.url(`/repos/${repository}/actions/runs`))) delete state.etags[key];
    await save();
  }

  async function handleRun(repository: string, run: ApiRun): Promise<void> {
    const key = attemptKey(repository, run.id, attemptOf(run));
    if (state.seen[key] !== undefined) {
      report.alreadySeen++;
      return;
    }
    const facts = factsOf(repository, run);
    const routes = routesFor(routing, facts);
    const prepared = routes.map((route) => options.prepared.get(route)!);
    const context = contextOfRun(repository, run, serverUrl);
    const wanted = !skipAll && prepared.length > 0 && anyRouteWants(prepared, context.status);
    if (!wanted) {
      state.seen[key] = completedAt(run);
      return;
    }
    report.runs++;
    if (context.status === 'success' || context.status === 'failure') {
      context.history = await historyOfRun(client, run, context, logger);
      if (context.status === 'failure') context.failure = await failureDetailsFor(client, repository, run, logger);
    }
    const row: SweepRow = {
      repository,
      workflow: facts.workflow ?? facts.workflowPath ?? '',
      run: `#${run.run_number ?? run.id}${attemptOf(run) > 1 ? ` attempt ${attemptOf(run)}` : ''}`,
      url: context.runUrl,
      state: context.history?.state ?? context.status,
      routes: routes.map((route) => route.name).join(', '),
      result: '',
    };
    const results: string[] = [];
    for (const { route, configs } of prepared) {
      // With `match: all`, a sweep that died between two routes of this run sent the first one already.
      const routeKey = `${key}@${route.name}`;
      if (state.seen[routeKey] !== undefined) {
        results.push(`${route.name}: sent by an earlier sweep`);
        continue;
      }
      try {
        const outcome = await notifyMany(configs, context, {
          secrets: options.secrets,
          logger,
          readFile: (path) => readWorkspaceTemplate(resolve(options.cwd), path),
          fetch: options.fetch,
          limiter,
        });
        if (outcome.status === 'success' || outcome.status === 'dry-run') report.sent++;
        if (outcome.status === 'failure') report.failed++;
        results.push(`${route.name}: ${outcome.status === 'skipped' ? 'not notified (notify-on)' : outcome.status}`);
        if (outcome.status === 'failure')
          logger.warning(
            `${repository} run ${run.id}: ${route.name}: ${outcome.results
              .filter((result) => !result.ok)
              .map((result) => `${result.provider} ${result.target}: ${result.message ?? 'failed'}`)
              .join('; ')}`,
          );
      } catch (error) {
        report.failed++;
        results.push(`${route.name}: failure`);
        logger.warning(`${repository} run ${run.id}: ${route.name}: ${describeError(error as Error)}`);
      }
      if (prepared.length > 1) {
        state.seen[routeKey] = completedAt(run);
        await save();
      }
    }
    row.result = results.join('; ');
    report.rows.push(row);
    // Remembered after the sending, saved at once: a sweep killed now does not send this attempt again.
    state.seen[key] = completedAt(run);
    await save();
  }
}
