import { normalizeStatus, type JobStatus } from '../model/context.js';
import { jsonObject as obj, type Json } from '../model/payload.js';

/** The outcome an event carries about something other than the notifier's own job. */
export interface EventOutcome {
  status: JobStatus;
  /** Where it was read, for the log: `deployment_status.state 'failure'`. */
  source: string;
}

/**
 * Deployment states (REST "deployment statuses"): error, failure, inactive, in_progress, queued, pending, success.
 * `error` is a failed deployment. `inactive` (superseded by a newer deployment) and the states of a deployment
 * still under way have no result yet: `unknown`, so `notify-on: failure` / `success` stay quiet for them and
 * the message shows the state itself.
 */
const DEPLOYMENT_STATES: Record<string, JobStatus> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
  inactive: 'unknown',
  in_progress: 'unknown',
  queued: 'unknown',
  pending: 'unknown',
};

/** The payload object whose `conclusion` is the outcome, per event. */
const CONCLUSION_OF: Record<string, string> = {
  workflow_run: 'workflow_run',
  check_run: 'check_run',
  check_suite: 'check_suite',
};

/**
 * The outcome of what the event is about, for the events that carry one: deployment_status (its state),
 * workflow_run, check_run and check_suite (their conclusion: success, failure, timed_out and startup_failure
 * → failure, cancelled, skipped, neutral and stale → skipped, action_required → failure; none yet → unknown).
 * Undefined for every other event: the `status` input alone decides.
 */
export function eventOutcome(eventName: string | undefined, payload: Json): EventOutcome | undefined {
  if (!eventName) return undefined;
  if (eventName === 'deployment_status') {
    const state = obj(payload.deployment_status)?.state;
    if (typeof state !== 'string') return undefined;
    const key = state.trim().toLowerCase();
    return { status: DEPLOYMENT_STATES[key] ?? 'unknown', source: `deployment_status.state '${state}'` };
  }
  const field = CONCLUSION_OF[eventName];
  const subject = field ? obj(payload[field]) : undefined;
  if (!field || !subject) return undefined;
  const conclusion = subject.conclusion;
  // A run or check still in progress has no conclusion (null): no result to report yet.
  if (typeof conclusion !== 'string' || !conclusion)
    return { status: 'unknown', source: `${field}.conclusion (none yet, ${String(subject.status ?? 'in progress')})` };
  return { status: normalizeStatus(conclusion) ?? 'unknown', source: `${field}.conclusion '${conclusion}'` };
}

/**
 * What the message reports. The `status` input defaults to `${{ job.status }}`, the notifier job's own status,
 * which is `success` whenever the notifier's job is running fine; on an event about something else (a
 * deployment, another workflow's run, a check) that says nothing about it. So for those events the event's own
 * outcome is reported, unless `status` is something other than `success` (the notifier's job failed or was
 * cancelled: that is news too, and wins). Every other event reports `status`, or `unknown` without one.
 */
export function resolveStatus(
  given: JobStatus | undefined,
  outcome: EventOutcome | undefined,
): { status: JobStatus; fromEvent: boolean } {
  if (outcome && (given === undefined || given === 'success')) return { status: outcome.status, fromEvent: true };
  return { status: given ?? 'unknown', fromEvent: false };
}
