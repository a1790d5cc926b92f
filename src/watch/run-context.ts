/**
 * A workflow run as the runs API lists it → the same CI context the action builds inside a run, so templates,
 * presets, people and mentions see the same fields. Every text field (commit message, branch, names) is
 * untrusted; the renderers escape it as they do for the action.
 */
import { compact } from '../model/config.js';
import { normalizeStatus, type CiContext, type FailureDetails } from '../model/context.js';
import type { Logger } from '../transport/types.js';
import type { GithubClient } from './github-client.js';
import type { RunFacts } from './routing.js';

/** The fields the sweep reads of a run (GET /repos/{owner}/{repo}/actions/runs, `workflow_runs[]`). */
export interface ApiRun {
  id: number;
  name?: string | null;
  path?: string;
  workflow_id?: number;
  run_number?: number;
  run_attempt?: number;
  event?: string;
  status?: string | null;
  conclusion?: string | null;
  head_branch?: string | null;
  head_sha?: string;
  html_url?: string;
  created_at?: string;
  updated_at?: string;
  run_started_at?: string;
  actor?: { login?: string } | null;
  triggering_actor?: { login?: string } | null;
  head_commit?: {
    id?: string;
    message?: string;
    timestamp?: string;
    author?: { name?: string; email?: string } | null;
    committer?: { name?: string; email?: string } | null;
  } | null;
  repository?: { full_name?: string; html_url?: string };
  previous_attempt_url?: string | null;
  head_repository?: { id?: number; full_name?: string } | null;
  pull_requests?: { number?: number }[] | null;
}

export function attemptOf(run: ApiRun): number {
  return run.run_attempt && run.run_attempt > 0 ? run.run_attempt : 1;
}

/** When the attempt completed: `updated_at` (a completed run is not updated afterwards). */
export function completedAt(run: ApiRun): number {
  return Date.parse(run.updated_at ?? run.created_at ?? '') || 0;
}

export function factsOf(repository: string, run: ApiRun): RunFacts {
  return {
    repository,
    workflow: run.name ?? undefined,
    workflowPath: run.path?.split('@')[0],
    branch: run.head_branch ?? undefined,
    event: run.event,
  };
}

export function contextOfRun(repository: string, run: ApiRun, serverUrl: string): CiContext {
  const repositoryUrl = run.repository?.html_url ?? `${serverUrl}/${repository}`;
  const attempt = attemptOf(run);
  const sha = run.head_sha;
  const commit = run.head_commit;
  const message = commit?.message;
  return compact<CiContext>({
    ci: 'github',
    serverUrl,
    repository,
    repositoryUrl,
    workflow: run.name ?? undefined,
    runId: String(run.id),
    runNumber: run.run_number === undefined ? undefined : String(run.run_number),
    runAttempt: String(attempt),
    runUrl: run.html_url ? `${run.html_url}${attempt > 1 ? `/attempts/${attempt}` : ''}` : undefined,
    eventName: run.event,
    actor: run.triggering_actor?.login ?? run.actor?.login,
    ref: run.head_branch ? `refs/heads/${run.head_branch}` : undefined,
    refType: run.head_branch ? 'branch' : undefined,
    branch: run.head_branch ?? undefined,
    sha,
    shortSha: sha?.slice(0, 7),
    commit: sha
      ? compact({
          sha,
          shortSha: sha.slice(0, 7),
          message: message?.split(/\r?\n/)[0]?.trim() || undefined,
          fullMessage: message,
          author: commit?.author?.name,
          authorEmail: commit?.author?.email,
          committer: commit?.committer?.name,
          committerEmail: commit?.committer?.email,
          url: `${repositoryUrl}/commit/${sha}`,
          timestamp: commit?.timestamp,
        })
      : undefined,
    status: normalizeStatus(run.conclusion ?? undefined) ?? 'unknown',
  });
}

/**
 * Why the run failed (the failed jobs' steps, error annotations and log excerpts), for the message: the same lookup
 * the action makes (src/context/failure-details.ts), for a run of another repository. Loaded only when a run
 * failed; it never throws, and what it could not read becomes a notice in the log.
 */
export async function failureDetailsFor(
  client: GithubClient,
  repository: string,
  run: ApiRun,
  logger: Logger,
): Promise<FailureDetails | undefined> {
  const [owner = '', repo = ''] = repository.split('/');
  const { fetchFailureDetails } = await import(
    /* webpackChunkName: "failure-details" */ '../context/failure-details.js'
  );
  const result = await fetchFailureDetails({
    apiUrl: client.apiUrl,
    token: client.token,
    fetch: client.countedFetch,
    owner,
    repo,
    runId: run.id,
    attempt: attemptOf(run),
  });
  for (const notice of result.notices) logger.info(`${repository} run ${run.id}: ${notice}`);
  return result.details;
}
