/**
 * One message for the whole workflow: a final job that `needs` the others (with `if: always()`) passes
 * `${{ toJSON(needs) }}`; the jobs' results decide the reported status and are listed in the message.
 * Job names are the workflow's own ids; results are GitHub's words (success, failure, cancelled, skipped).
 */
import { isPlainObject } from './config.js';
import { normalizeStatus, type CiContext, type JobStatus } from './context.js';
import { ConfigError } from './errors.js';

export interface NeededJob {
  name: string;
  /** GitHub's result: success, failure, cancelled or skipped. */
  result: string;
}

const EXPECTED = '${{ toJSON(needs) }}: a JSON object of job id → { result, outputs }';

export function parseNeeds(raw: string | undefined): NeededJob[] | undefined {
  if (!raw?.trim() || raw.trim() === 'null') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new ConfigError('needs', `is not JSON (${(error as Error).message})`, EXPECTED);
  }
  if (!isPlainObject(value)) throw new ConfigError('needs', 'is not an object', EXPECTED);
  return Object.entries(value).map(([name, job]) => {
    const result = isPlainObject(job) ? job.result : undefined;
    if (typeof result !== 'string' || !normalizeStatus(result))
      throw new ConfigError('needs', `job '${name}' has no known result`, EXPECTED);
    // `"success "` (a reusable workflow's output, a hand-written JSON) is GitHub's `success`.
    return { name, result: result.trim().toLowerCase() };
  });
}

/**
 * Any failure: failure; else any cancelled: cancelled; else, when every job was skipped, skipped; else success
 * (skipped jobs beside others do not fail a workflow). As GitHub concludes a run: "`skipped` applies to the
 * conclusion only if *all* jobs in the run were skipped" (GitHub Actions, actions/github-script#147), so
 * `notify-on: skipped` matches a workflow whose jobs all were.
 */
export function needsStatus(jobs: readonly NeededJob[]): JobStatus {
  const statuses = jobs.map((job) => normalizeStatus(job.result));
  if (statuses.includes('failure')) return 'failure';
  if (statuses.includes('cancelled')) return 'cancelled';
  if (statuses.length > 0 && statuses.every((status) => status === 'skipped')) return 'skipped';
  return 'success';
}

/** `needs` decides the reported status (over the `status` input) and lists every job. */
export function applyNeeds(context: CiContext, jobs: readonly NeededJob[] | undefined): void {
  if (!jobs || jobs.length === 0) return;
  context.status = needsStatus(jobs);
  context.jobs = [...jobs];
}
