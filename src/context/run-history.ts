/**
 * Which earlier run is "the previous run", and what this run's state is (failure, still-failing, fixed, success).
 * Pure functions over workflow runs as the GitHub REST API lists them (GET …/actions/workflows/{id}/runs and
 * GET …/actions/runs/{id}/attempts/{n}): no client here, so the action's history step and an org-wide sweep
 * decide the same way from whatever runs they fetched.
 *
 * The previous run is one of the same workflow (the caller lists one workflow's runs), the same event kind, the
 * same head repository and head branch, and for pull requests the same pull request. The runs API's `branch`
 * filter matches `head_branch` only, so a fork's `main` would otherwise count as this repository's `main`.
 * https://docs.github.com/en/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow
 */

/** The fields of a workflow run (or of one attempt of it) that the decision reads. */
export interface WorkflowRunRecord {
  id: number;
  run_number?: number;
  /** The attempt this record describes (the runs list shows each run's latest attempt). */
  run_attempt?: number;
  event?: string;
  status?: string | null;
  conclusion?: string | null;
  html_url?: string;
  head_branch?: string | null;
  head_repository?: { id?: number; full_name?: string } | null;
  /** Empty for runs from forks (GitHub lists only pull requests of the base repository here). */
  pull_requests?: readonly { number: number }[] | null;
}

/** The run being classified. */
export interface RunIdentity {
  id: number;
  runNumber?: number;
  /** This run's attempt (1 for a first run; a re-run has 2 or more). */
  attempt?: number;
  /** The event kind: push, pull_request, schedule … */
  event?: string;
  /** `owner/repo` of the head repository (a fork for fork pull requests). */
  headRepository?: string;
  headRepositoryId?: number;
  headBranch?: string;
  /** The pull request number, for pull-request events. */
  pullRequest?: number;
}

/** A real outcome: a run that ran the code and passed or failed. */
export interface RunOutcome {
  run: WorkflowRunRecord;
  failed: boolean;
}

export interface RunDecision {
  state: 'success' | 'fixed' | 'failure' | 'still-failing';
  /** The outcome compared with: an earlier attempt of this run, or the previous run. */
  previous?: WorkflowRunRecord;
  /** Consecutive failures including this run (failures only). */
  failureStreak?: number;
  /** False when more (older) runs could still change the decision: read further if you can. */
  settled: boolean;
}

const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);

/**
 * success or failure when the run says something about the code; undefined for runs passed over: cancelled,
 * skipped, neutral, stale, and action_required (a first-time contributor's run waiting for approval ran nothing).
 */
export function outcomeOf(conclusion: string | null | undefined): 'success' | 'failure' | undefined {
  const key = (conclusion ?? '').trim().toLowerCase();
  if (key === 'success') return 'success';
  if (FAILED.has(key)) return 'failure';
  return undefined;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** Whether `run` is an earlier run of the same story as `current` (same event, head repository, branch, PR). */
export function isSameLine(run: WorkflowRunRecord, current: RunIdentity): boolean {
  if (current.event !== undefined && run.event !== undefined && run.event !== current.event) return false;
  if (current.headBranch !== undefined && (run.head_branch ?? undefined) !== current.headBranch) return false;
  if (current.headRepository !== undefined || current.headRepositoryId !== undefined) {
    const repo = run.head_repository;
    if (!repo) return false;
    if (current.headRepositoryId !== undefined && repo.id !== undefined) {
      if (repo.id !== current.headRepositoryId) return false;
    } else if (current.headRepository !== undefined) {
      if ((repo.full_name ?? '').toLowerCase() !== current.headRepository.toLowerCase()) return false;
    }
  }
  if (current.pullRequest !== undefined && PULL_REQUEST_EVENTS.has(current.event ?? '')) {
    // Runs of the base repository's own branches list their pull requests; a fork's runs list none, and the
    // head repository and branch above already tie them to the pull request.
    const numbers = (run.pull_requests ?? []).map((pull) => pull.number);
    if (numbers.length > 0 && !numbers.includes(current.pullRequest)) return false;
  }
  return true;
}

/**
 * The real outcomes before this run, newest first: this run's earlier attempts (a re-run continues the story its
 * first attempt told), then earlier runs of the same line. Runs listed twice (paging while runs finish) count
 * once; runs started after this one (a higher run number) and runs still in progress are not previous.
 */
export function previousOutcomes(
  current: RunIdentity,
  earlierAttempts: readonly WorkflowRunRecord[],
  runs: readonly WorkflowRunRecord[],
): RunOutcome[] {
  const outcomes: RunOutcome[] = [];
  const attempts = [...earlierAttempts]
    .filter(
      (run) => run.id === current.id && (current.attempt === undefined || (run.run_attempt ?? 1) < current.attempt),
    )
    .sort((a, b) => (b.run_attempt ?? 1) - (a.run_attempt ?? 1));
  const seenAttempts = new Set<number>();
  for (const attempt of attempts) {
    const n = attempt.run_attempt ?? 1;
    if (seenAttempts.has(n)) continue;
    seenAttempts.add(n);
    const outcome = outcomeOf(attempt.conclusion);
    if (outcome) outcomes.push({ run: attempt, failed: outcome === 'failure' });
  }
  const seen = new Set<number>();
  for (const run of runs) {
    if (run.id === current.id || seen.has(run.id)) continue;
    seen.add(run.id);
    if (current.runNumber !== undefined && run.run_number !== undefined && run.run_number >= current.runNumber)
      continue;
    if (run.status && run.status !== 'completed') continue;
    if (!isSameLine(run, current)) continue;
    const outcome = outcomeOf(run.conclusion);
    if (outcome) outcomes.push({ run, failed: outcome === 'failure' });
  }
  return outcomes;
}

/**
 * This run's state from its own result and the outcomes before it (newest first, as previousOutcomes gives them):
 * green after red is fixed, red after red is still failing with the streak, else success or failure.
 */
export function decideRunState(status: 'success' | 'failure', outcomes: readonly RunOutcome[]): RunDecision {
  const previous = outcomes[0]?.run;
  if (status === 'success')
    return { state: previous && outcomes[0]!.failed ? 'fixed' : 'success', previous, settled: previous !== undefined };
  let streak = 1;
  let settled = false;
  for (const outcome of outcomes) {
    if (!outcome.failed) {
      settled = true;
      break;
    }
    streak++;
  }
  return { state: streak > 1 ? 'still-failing' : 'failure', previous, failureStreak: streak, settled };
}
