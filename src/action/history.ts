import { normalizeStatus, type CiContext, type FailedJob, type RunHistory } from '../model/context.js';
import { decideRunState, previousOutcomes, type RunIdentity, type WorkflowRunRecord } from '../context/run-history.js';
import { fetchForGithub } from '../transport/proxy.js';
import type { Logger } from '../transport/types.js';
import type { Environment } from './types.js';
import { DEFAULT_HISTORY_TIMEOUT_MS } from './history-step.js';

/** How many earlier runs we read at most (pages × per page) while looking for the last real outcome or a streak's start. */
export const MAX_PAGES = 5;
export const PER_PAGE = 50;

export interface HistoryRequest {
  token: string;
  env: Environment;
  context: CiContext;
  logger: Logger;
  timeoutMs?: number;
  now?: () => number;
  /** The event payload: on `workflow_run` the history is the watched workflow's, not this one's. */
  payload?: Record<string, unknown>;
}

/** The run whose history we read. */
interface Target {
  runId: number;
  attempt?: number;
  runNumber?: number;
  /** Workflow file name or numeric id, as the runs API accepts both. */
  workflow?: string;
  branch?: string;
  /** The event kind, head repository and pull request: the previous run is one of the same line. */
  event?: string;
  headRepository?: string;
  headRepositoryId?: number;
  pullRequest?: number;
  /** True when the run is another workflow's (workflow_run): no job of it is running this step. */
  watched: boolean;
}

/** The fields we read from a job (GET …/actions/runs/{id}/attempts/{n}/jobs). */
interface Job {
  name: string;
  status?: string | null;
  conclusion?: string | null;
  html_url?: string | null;
  started_at?: string | null;
  runner_name?: string | null;
  steps?: { name: string; number?: number; status?: string | null; conclusion?: string | null }[];
}

interface PageOf<T> {
  data: T[];
}
/** The slice of Octokit we use, so tests and the lazy import share one shape. */
interface Api {
  request(route: string, parameters: Record<string, unknown>): Promise<{ data: unknown }>;
  paginate: {
    iterator(route: string, parameters: Record<string, unknown>): AsyncIterable<PageOf<unknown>>;
  };
}

/** Why the lookup could not run or failed, with what the user can do; the caller turns it into a warning. */
export class HistoryUnavailable extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'HistoryUnavailable';
  }
}

const PERMISSION_HINT =
  'give the job `permissions: actions: read` (and keep `github-token` at its default `${{ github.token }}` or pass a token that can read Actions)';

/** `owner/repo/.github/workflows/ci.yml@refs/heads/main` → `ci.yml` (the runs API takes the file name as workflow id). */
export function workflowFile(workflowRef: string | undefined): string | undefined {
  const match = /\/\.github\/workflows\/([^@/]+)@/.exec(workflowRef ?? '');
  return match?.[1];
}

/** An HTTP failure from Octokit (RequestError) or a network/timeout failure, explained for a warning. */
export function explainFailure(error: unknown): HistoryUnavailable {
  if (error instanceof HistoryUnavailable) return error;
  const status = (error as { status?: unknown }).status;
  const text = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  // Octokit reports a network failure or an aborted request as a RequestError "500" carrying the cause.
  const cause = (error as { cause?: { name?: unknown } }).cause;
  const names = [(error as { name?: unknown }).name, cause?.name];
  if (names.includes('TimeoutError') || names.includes('AbortError'))
    return new HistoryUnavailable('the GitHub API did not answer in time', 'this is usually temporary');
  if (cause !== undefined && status === 500 && !(error as { response?: unknown }).response)
    return new HistoryUnavailable(
      `the GitHub API could not be reached (${text})`,
      'check GITHUB_API_URL and the runner network or proxy',
    );
  if (status === 401)
    return new HistoryUnavailable(
      `the GitHub API rejected the token (HTTP 401: ${text})`,
      'pass a valid `github-token`',
    );
  if ((status === 403 || status === 429) && /rate limit/i.test(text))
    return new HistoryUnavailable(
      `the GitHub API rate limit is exhausted (HTTP ${String(status)}: ${text})`,
      'use the default `${{ github.token }}` (its limit is per repository) or wait for the limit to reset',
    );
  if (status === 403 || status === 404)
    return new HistoryUnavailable(
      `the token cannot read this repository's Actions runs (HTTP ${String(status)}: ${text})`,
      PERMISSION_HINT,
    );
  if (typeof status === 'number')
    return new HistoryUnavailable(
      `the GitHub API answered HTTP ${String(status)} (${text})`,
      'this is usually temporary; check GITHUB_API_URL and https://www.githubstatus.com',
    );
  return new HistoryUnavailable(
    `the GitHub API could not be reached (${text})`,
    'check GITHUB_API_URL and the runner network or proxy',
  );
}

function isFailed(conclusion: string | null | undefined): boolean {
  return normalizeStatus(conclusion ?? undefined) === 'failure';
}

/**
 * Reads this run's earlier attempts, then earlier completed runs of this workflow for the same event on the same
 * branch, newest first, until decideRunState is settled, and after MAX_PAGES pages in any case.
 */
async function readHistory(
  api: Api,
  base: { owner: string; repo: string; workflow: string },
  current: RunIdentity,
  status: 'success' | 'failure',
) {
  // A re-run continues the story of its earlier attempts: attempt 1's red message was seen.
  const attempts: WorkflowRunRecord[] = [];
  for (let n = (current.attempt ?? 1) - 1; n >= 1; n--) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}', {
      owner: base.owner,
      repo: base.repo,
      run_id: current.id,
      attempt_number: n,
      exclude_pull_requests: true,
    });
    attempts.push({ ...(data as WorkflowRunRecord), id: current.id, run_attempt: n });
    if (decideRunState(status, previousOutcomes(current, attempts, [])).settled)
      return { decision: decideRunState(status, previousOutcomes(current, attempts, [])), complete: true };
  }
  const runs: WorkflowRunRecord[] = [];
  let pages = 0;
  const pullRequests = current.event === 'pull_request' || current.event === 'pull_request_target';
  const iterator = api.paginate.iterator('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
    owner: base.owner,
    repo: base.repo,
    workflow_id: base.workflow,
    // GitHub matches `branch` against head_branch only (a fork's branch of the same name matches too):
    // previousOutcomes checks the head repository and pull request as well.
    branch: current.headBranch,
    ...(current.event ? { event: current.event } : {}),
    status: 'completed',
    // Pull-request numbers are needed to tell two pull requests from the same branch apart.
    exclude_pull_requests: !pullRequests,
    per_page: PER_PAGE,
  });
  for await (const page of iterator) {
    pages++;
    runs.push(...(page.data as WorkflowRunRecord[]));
    const decision = decideRunState(status, previousOutcomes(current, attempts, runs));
    if (decision.settled) return { decision, complete: true };
    if (pages >= MAX_PAGES) return { decision, complete: false };
  }
  return { decision: decideRunState(status, previousOutcomes(current, attempts, runs)), complete: true };
}

/** Failed jobs of this run attempt (with their failed steps) and when the attempt started. */
async function currentJobs(
  api: Api,
  base: { owner: string; repo: string; runId: number; attempt?: number },
): Promise<Job[]> {
  const jobs: Job[] = [];
  const route = base.attempt
    ? 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs'
    : 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs';
  let pages = 0;
  for await (const page of api.paginate.iterator(route, {
    owner: base.owner,
    repo: base.repo,
    run_id: base.runId,
    ...(base.attempt ? { attempt_number: base.attempt } : { filter: 'latest' }),
    per_page: 100,
  })) {
    jobs.push(...(page.data as Job[]));
    if (++pages >= MAX_PAGES) break;
  }
  return jobs;
}

/** Which entry of the jobs list is the job running this step (still in progress, so the API has no conclusion yet). */
function isCurrentJob(job: Job, context: CiContext, env: Environment): boolean {
  if (job.status === 'completed') return false;
  if (env.RUNNER_NAME && job.runner_name) return job.runner_name === env.RUNNER_NAME;
  return job.name === context.jobDisplayName || job.name === context.job;
}

function failedSteps(job: Job) {
  return (job.steps ?? [])
    .filter((step) => isFailed(step.conclusion))
    .map((step) => (step.number === undefined ? { name: step.name } : { name: step.name, number: step.number }));
}

/**
 * Completed jobs of this attempt that failed, then the job running this step. The API cannot know yet that the
 * current job failed, so the `status` input decides; but a final "notify" job (`needs: …`, status computed from
 * the needed jobs) has not failed itself, so it is listed only when one of its own steps failed or when no other
 * failed job explains the failure.
 */
function failedJobsOf(jobs: Job[], context: CiContext, env: Environment, watched: boolean): FailedJob[] {
  const failed: FailedJob[] = [];
  let current: Job | undefined;
  for (const job of jobs) {
    if (!watched && isCurrentJob(job, context, env)) {
      current ??= job;
      continue;
    }
    if (!isFailed(job.conclusion)) continue;
    failed.push({
      name: job.name,
      url: job.html_url ?? undefined,
      conclusion: job.conclusion ?? undefined,
      steps: failedSteps(job),
    });
  }
  if (context.status !== 'failure' || watched) return failed;
  const steps = current ? failedSteps(current) : [];
  if (current && (steps.length > 0 || failed.length === 0)) {
    failed.push({ name: current.name, url: current.html_url ?? undefined, conclusion: 'failure', steps });
  } else if (!current && failed.length === 0) {
    const name = context.jobDisplayName ?? context.job;
    if (name) failed.push({ name, url: context.runUrl, conclusion: 'failure', steps: [] });
  }
  return failed;
}

function durationOf(jobs: Job[], now: number): number | undefined {
  const starts = jobs
    .map((job) => (job.started_at ? Date.parse(job.started_at) : Number.NaN))
    .filter((time) => Number.isFinite(time));
  if (starts.length === 0) return undefined;
  return Math.max(0, Math.round((now - Math.min(...starts)) / 1000));
}

function positiveInteger(value: string | undefined): number | undefined {
  const number = Number(value);
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/**
 * Classifies this run against the previous completed run of the same workflow on the same branch
 * (failure = newly broken, still-failing with the streak, fixed = green after red, success), and lists the
 * failed jobs and steps of this run attempt with the duration so far. Throws HistoryUnavailable when it cannot.
 */
export async function lookupHistory(request: HistoryRequest, api?: Api): Promise<RunHistory> {
  const { env, context, token } = request;
  const [owner, repo] = (context.repository ?? '').split('/');
  const target = targetOf(request);
  if (!owner || !repo || !target)
    throw new HistoryUnavailable(
      'GITHUB_REPOSITORY or GITHUB_RUN_ID is missing',
      'the run history is only available inside a GitHub Actions run',
    );
  const timeoutMs = request.timeoutMs ?? DEFAULT_HISTORY_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const client = api ?? (await createApi(token, env, request.logger, signal));
  const now = (request.now ?? Date.now)();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), timeoutMs + 50);
  });
  try {
    return await Promise.race([classify(client, request, { owner, repo }, target, now), deadline]);
  } catch (error) {
    throw explainFailure(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * On `workflow_run`, the run that happened is the triggering one (payload.workflow_run): its jobs, its workflow
 * and its branch. Otherwise it is this run, from the runner's variables.
 */
function targetOf({ env, context, payload }: HistoryRequest): Target | undefined {
  const watched = context.eventName === 'workflow_run' ? payload?.workflow_run : undefined;
  if (watched && typeof watched === 'object') {
    const run = watched as Record<string, unknown>;
    const runId = positiveInteger(String(run.id));
    if (runId) {
      const head = objectOf(run.head_repository);
      const pulls = Array.isArray(run.pull_requests) ? run.pull_requests : [];
      return {
        runId,
        attempt: positiveInteger(String(run.run_attempt)),
        runNumber: positiveInteger(String(run.run_number)),
        workflow: run.workflow_id === undefined ? undefined : String(run.workflow_id),
        branch: typeof run.head_branch === 'string' ? run.head_branch : undefined,
        event: typeof run.event === 'string' ? run.event : undefined,
        headRepository: typeof head?.full_name === 'string' ? head.full_name : undefined,
        headRepositoryId: positiveInteger(String(head?.id)),
        pullRequest: positiveInteger(String(objectOf(pulls[0])?.number)),
        watched: true,
      };
    }
  }
  const runId = positiveInteger(context.runId);
  if (!runId) return undefined;
  // A pull request's head may be a fork: its runs are the pull request's line, not the base repository's branch.
  const pullRequest = objectOf(payload?.pull_request);
  const headRepo = objectOf(objectOf(pullRequest?.head)?.repo);
  return {
    runId,
    attempt: positiveInteger(context.runAttempt),
    runNumber: positiveInteger(context.runNumber),
    workflow: workflowFile(env.GITHUB_WORKFLOW_REF),
    branch: context.branch,
    event: context.eventName,
    headRepository: typeof headRepo?.full_name === 'string' ? headRepo.full_name : context.repository,
    headRepositoryId: positiveInteger(String(headRepo?.id)),
    pullRequest: positiveInteger(String(pullRequest?.number ?? context.pullRequest?.number)),
    watched: false,
  };
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

async function classify(
  api: Api,
  { env, context, logger }: HistoryRequest,
  base: { owner: string; repo: string },
  target: Target,
  now: number,
): Promise<RunHistory> {
  const jobs = await currentJobs(api, { ...base, runId: target.runId, attempt: target.attempt });
  const history: RunHistory = { state: context.status, durationSeconds: durationOf(jobs, now) };
  if (context.status === 'failure') history.failedJobs = failedJobsOf(jobs, context, env, target.watched);
  if (context.status !== 'success' && context.status !== 'failure') return history;

  const workflow = target.workflow;
  if (!workflow)
    throw new HistoryUnavailable('GITHUB_WORKFLOW_REF is missing or not a workflow file', 'run inside GitHub Actions');
  if (!target.branch) {
    // Tags and pull-request merge refs have no branch history to compare with.
    logger.debug('No branch for this run: the run state is the job status.');
    if (context.status === 'failure') history.failureStreak = 1;
    return history;
  }
  const current: RunIdentity = {
    id: target.runId,
    runNumber: target.runNumber,
    attempt: target.attempt,
    event: target.event,
    headRepository: target.headRepository,
    headRepositoryId: target.headRepositoryId,
    headBranch: target.branch,
    pullRequest: target.pullRequest,
  };
  const { decision, complete } = await readHistory(api, { ...base, workflow }, current, context.status);
  if (decision.previous) {
    history.previousConclusion = decision.previous.conclusion ?? undefined;
    history.previousUrl = decision.previous.html_url;
  }
  history.state = decision.state;
  if (decision.failureStreak !== undefined) {
    history.failureStreak = decision.failureStreak;
    if (!complete)
      logger.debug(`The failure streak is at least ${decision.failureStreak}: stopped reading older runs.`);
  }
  return history;
}

/** Octokit from @actions/github, imported only now so runs without a token never load it. */
async function createApi(token: string, env: Environment, logger: Logger, signal: AbortSignal): Promise<Api> {
  const [{ getOctokit }, fetch] = await Promise.all([import('@actions/github'), fetchForGithub(env)]);
  const baseUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const quiet = (message: string) => logger.debug(`GitHub API: ${message}`);
  return getOctokit(token, {
    baseUrl,
    // The same proxy-aware fetch as the deliveries (HTTPS_PROXY / NO_PROXY). Options merge shallowly, so this
    // replaces the toolkit's request defaults. The signal is set here because the paginator does not pass
    // per-call request options on.
    request: { fetch, signal },
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  }) as unknown as Api;
}
