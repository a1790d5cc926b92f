/**
 * The one place the watch front end calls the run-history decision (fixed / still-failing with the streak, the
 * failed jobs and steps), which lives with the action in src/action/history.ts. The sweep gives it its own
 * client (ETags, budget, retry-after) through the small `paginate.iterator` interface the lookup already accepts,
 * and presents each run as a watched `workflow_run`, the action's own way of judging another workflow's run.
 * When the history decision becomes pure functions (choosing the previous run and the state), only this file changes.
 */
import { lookupHistory, HistoryUnavailable, type HistoryRequest } from '../action/history.js';
import type { CiContext, RunHistory } from '../model/context.js';
import type { Logger } from '../transport/types.js';
import type { GithubClient } from './github-client.js';
import type { ApiRun } from './run-context.js';

type Api = NonNullable<Parameters<typeof lookupHistory>[1]>;

/** An Octokit route (`GET /repos/{owner}/…`) with its parameters: the path, and what is left for the query. */
function resolveRoute(
  route: string,
  parameters: Record<string, unknown>,
): { path: string; rest: Record<string, string> } {
  const rest: Record<string, string> = {};
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) rest[name] = String(value);
  const path = route.replace(/^GET\s+/, '').replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rest[name] ?? '';
    delete rest[name];
    return encodeURIComponent(value);
  });
  return { path, rest };
}

/** The Octokit route form (`GET /repos/{owner}/{repo}/…`) over the sweep's client. */
export function apiOver(client: GithubClient): Api {
  return {
    async request(route: string, parameters: Record<string, unknown>) {
      const { path, rest } = resolveRoute(route, parameters);
      // No ETag is sent, so the reply is never a 304.
      const reply = await client.get(client.url(path, rest));
      return { data: reply.status === 304 ? undefined : reply.body };
    },
    paginate: {
      iterator(route: string, parameters: Record<string, unknown>) {
        const { path, rest } = resolveRoute(route, parameters);
        return (async function* () {
          let next: string | undefined = client.url(path, rest);
          for (let page = 0; next && page < 10; page++) {
            const reply = await client.get(next);
            if (reply.status === 304) return;
            const body = reply.body as Record<string, unknown>;
            const data = Object.values(body).find(Array.isArray) ?? [];
            yield { data: data as unknown[] };
            next = reply.next;
          }
        })();
      },
    },
  };
}

/** The run's history, or undefined with a warning when it cannot be read (the alert is still sent). */
export async function historyOfRun(
  client: GithubClient,
  run: ApiRun,
  context: CiContext,
  logger: Logger,
): Promise<RunHistory | undefined> {
  const request: HistoryRequest = {
    token: 'unused: the sweep client authenticates',
    env: {},
    context: { ...context, eventName: 'workflow_run' },
    logger,
    // The client may wait for a retry-after; the lookup's own deadline must not cut that short.
    timeoutMs: 180_000,
    payload: {
      workflow_run: {
        id: run.id,
        run_attempt: run.run_attempt ?? 1,
        run_number: run.run_number,
        workflow_id: run.workflow_id,
        head_branch: run.head_branch,
        // The previous run is the same event, head repository and pull request (context/run-history.ts).
        event: run.event,
        head_repository: run.head_repository,
        pull_requests: run.pull_requests,
      },
    },
  };
  try {
    const history = await lookupHistory(request, apiOver(client));
    // The lookup measures up to now (for a run in progress); a completed run has its own end.
    const started = Date.parse(run.run_started_at ?? run.created_at ?? '');
    const ended = Date.parse(run.updated_at ?? '');
    if (Number.isFinite(started) && Number.isFinite(ended))
      history.durationSeconds = Math.max(0, Math.round((ended - started) / 1000));
    return history;
  } catch (error) {
    // The budget or the rate limit stopped the sweep: that is not a history problem.
    if (client.stopped) throw client.stopped;
    const reason = error instanceof HistoryUnavailable ? `${error.message}; ${error.hint}` : String(error);
    logger.warning(`${context.repository} run ${run.id}: run history unavailable (${reason}); the job status decides.`);
    return undefined;
  }
}
