/**
 * `ci-notifier digest`: reads the period's runs (and the previous period's, to compare) of the repositories the
 * routing file covers, and sends each route its digest, one message per destination within that service's limit.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../model/errors.js';
import type { CiContext, Environment } from '../model/context.js';
import { notifyMany } from '../notify/fan-out.js';
import { getDescriptor } from '../providers/registry.js';
import { DEFAULT_LOCALE, DEFAULT_TIMEZONE } from '../render/locale.js';
import { readWorkspaceTemplate } from '../render/template-file.js';
import { fetchForRequests } from '../transport/proxy.js';
import { RateLimiter } from '../transport/rate-limit.js';
import {
  clientFor,
  exactRepositories,
  loadRouting,
  repositoriesFlag,
  withSession,
  writeSummary,
  type WatchIo,
  type WatchSeams,
} from './cli.js';
import { computeDigest, fitDigest, PERIOD_MS, type DigestRun, type Period } from './digest.js';
import { GithubApiError, SweepStopped } from './github-client.js';
import { routesFor, sweepsRepository, type Route } from './routing.js';
import { attemptOf, completedAt, factsOf, type ApiRun } from './run-context.js';
import { emptyState } from './state.js';
import { listRepositories } from './sweep.js';

/** The digest goes through the notifier as a literal template: Liquid never reads its text. */
function literal(text: string): string {
  return `{% raw %}${text.replace(/\{(?=[{%])/g, '{ ')}{% endraw %}`;
}

export async function runDigest(
  args: readonly string[],
  env: Environment,
  io: WatchIo,
  cwd: string = process.cwd(),
  seams: WatchSeams = {},
): Promise<number> {
  return withSession(args, env, io, cwd, async (session) => {
    const { flags, logger } = session;
    const period = (flags.period ?? 'daily') as Period;
    if (period !== 'daily' && period !== 'weekly')
      throw new ConfigError('period', `'${String(period)}' is not a period`, 'daily or weekly');
    const repositories = repositoriesFlag(flags);
    const { routing, prepared } = await loadRouting(session);
    const routes = routing.routes.filter((route) => route.digest);
    if (routes.length === 0)
      throw new ConfigError('config', `no route of ${routing.path} has a digest (digest: false on every route)`);
    const client = await clientFor(session, seams);
    const now = (seams.now ?? Date.now)();
    const since = new Date(now - 2 * PERIOD_MS[period]).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const runsOf = new Map<Route, DigestRun[]>(routes.map((route) => [route, []]));
    let partial: string | undefined;
    try {
      const names = (
        await listRepositories({
          client,
          state: emptyState(),
          owner: flags.owner,
          repositories: repositories ?? exactRepositories(routing.repositories),
        })
      ).filter((name) => sweepsRepository(routing, name));
      logger.info(`Digest (${period}): reading the runs of ${names.length} repositories since ${since}.`);
      for (const repository of names) {
        let listed;
        try {
          listed = await client.list<ApiRun>(
            client.url(`/repos/${repository}/actions/runs`, {
              status: 'completed',
              created: `>=${since}`,
              per_page: 100,
            }),
            'workflow_runs',
          );
        } catch (error) {
          if (!(error instanceof GithubApiError)) throw error;
          logger.warning(`${repository}: cannot read its runs (${error.message}); left out of the digest.`);
          continue;
        }
        if (listed.unchanged) continue;
        for (const run of listed.items) {
          const facts = factsOf(repository, run);
          for (const route of routesFor(routing, facts)) {
            runsOf.get(route)?.push({
              repository,
              workflow: facts.workflow ?? facts.workflowPath ?? String(run.workflow_id ?? ''),
              branch: facts.branch,
              event: run.event,
              conclusion: run.conclusion ?? '',
              attempt: attemptOf(run),
              createdAt: Date.parse(run.created_at ?? '') || completedAt(run),
              startedAt: Date.parse(run.run_started_at ?? run.created_at ?? '') || completedAt(run),
              completedAt: completedAt(run),
              url: run.html_url,
              actor: run.triggering_actor?.login ?? run.actor?.login,
            });
          }
        }
      }
    } catch (error) {
      if (!(error instanceof SweepStopped)) throw error;
      partial = error.message;
      logger.warning(`${error.message} The digest is sent with the runs read so far.`);
    }

    const limiter = new RateLimiter(seams.now ?? Date.now);
    const readFile = (path: string) => readWorkspaceTemplate(resolve(cwd), path);
    const rows: string[] = [];
    let failed = 0;
    for (const route of routes) {
      const { configs } = prepared.get(route)!;
      for (const [index, config] of configs.entries()) {
        let people = new Set<string>();
        if (config.people) {
          const { loadPeople } = await import('../notify/people.js');
          people = new Set(Object.keys((await loadPeople(config.people, readFile)) ?? {}));
        }
        const data = computeDigest(runsOf.get(route)!, period, now, serverUrl, people);
        const descriptor = getDescriptor(config.provider);
        const { title, markdown } = fitDigest(
          data,
          {
            locale: config.locale ?? DEFAULT_LOCALE,
            timezone: config.timezone ?? DEFAULT_TIMEZONE,
            period,
            route: route.name,
          },
          descriptor.limits(config.format ?? descriptor.defaultFormat).body,
        );
        const context: CiContext = { ci: 'github', serverUrl, status: 'success', workflow: title };
        const outcome = await notifyMany(
          [{ ...config, template: literal(markdown), title: literal(title), notifyOn: [], mentionOn: [] }],
          context,
          { secrets: session.secrets, logger, readFile, fetch: await fetchForRequests(env), limiter },
        );
        if (outcome.status === 'failure') failed++;
        const where = `${route.name} (${route.destinations[index]?.urlEnv ?? config.provider})`;
        logger.info(
          `Digest for ${where}: ${outcome.status}; ${data.red.length} failing, ${data.recovered.length} recovered, ${data.runs} runs.`,
        );
        rows.push(
          `| ${where.replace(/\|/g, '\\|')} | ${data.runs} | ${data.red.length} | ${data.recovered.length} | ${outcome.status} |`,
        );
      }
    }
    await writeSummary(
      env,
      [
        `### ci-notifier digest (${period})`,
        '',
        ...(partial ? [`> [!WARNING]\n> ${partial}`, ''] : []),
        '| Route | Runs | Failing | Recovered | Sent |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        '',
        `GitHub API: ${client.spent} calls spent.`,
        '',
      ].join('\n'),
      session.secrets,
    );
    return failed > 0 ? 1 : 0;
  });
}
