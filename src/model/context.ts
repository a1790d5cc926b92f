/**
 * The neutral CI context: what happened in the pipeline, independent of GitHub or any other CI.
 * Every value that came from an event payload is untrusted text written by strangers; renderers escape it.
 * Absent facts are left out (never the string "undefined").
 */
import { ConfigError } from './errors.js';
import type { TestSummary } from './junit.js';
import type { NeededJob } from './needs.js';

/**
 * The statuses the `status` input (and the CLI's --status) accepts, in their canonical spelling. Adding a status
 * is one line here (`started`: the run is beginning, the first of two steps that post on start and update or
 * reply at the end); other spellings (`failed`, `canceled`, `timed_out` …) map onto these in normalizeStatus.
 */
export const STATUS_VALUES = ['success', 'failure', 'cancelled', 'skipped', 'started'] as const;

/** A status the workflow gave or the event carries; `unknown` when neither says (an event still in progress). */
export type JobStatus = (typeof STATUS_VALUES)[number] | 'unknown';

/** Run state after comparing with the previous run of the same workflow and branch (see the history lookup). */
export type RunState =
  'success' | 'failure' | 'still-failing' | 'fixed' | 'cancelled' | 'skipped' | 'started' | 'unknown';

export interface CommitInfo {
  sha: string;
  shortSha: string;
  /** First line of the commit message. */
  message?: string;
  /** Full commit message. */
  fullMessage?: string;
  /** The author's name (never with the e-mail address glued on). */
  author?: string;
  /** GitHub login of the author, when the payload names one (matched against `people`). */
  authorLogin?: string;
  /** Author e-mail (matched against `people` emails; never shown by the presets). */
  authorEmail?: string;
  committer?: string;
  committerLogin?: string;
  committerEmail?: string;
  url?: string;
  /** ISO 8601 commit time, as the payload gives it. */
  timestamp?: string;
}

export interface PullRequestInfo {
  number: number;
  title: string;
  url: string;
  base?: string;
  head?: string;
  author?: string;
  draft?: boolean;
  action?: string;
}

export interface ReleaseInfo {
  tag: string;
  name?: string;
  body?: string;
  url?: string;
  prerelease?: boolean;
  author?: string;
}

export interface WorkflowRunInfo {
  name?: string;
  conclusion?: string;
  url?: string;
  headBranch?: string;
  headSha?: string;
  runNumber?: number;
  event?: string;
}

/** An issue, comment, review or discussion event: what happened, to what, by whom. */
export interface ActivityInfo {
  kind: 'issue' | 'issue-comment' | 'review' | 'review-comment' | 'discussion' | 'discussion-comment';
  number?: number;
  title: string;
  /** The page to open: the comment or review itself when there is one. */
  url?: string;
  /** The payload's action: opened, closed, created, submitted … */
  action?: string;
  /** Review state: approved, changes_requested, commented. */
  state?: string;
  author?: string;
  body?: string;
  /** An issue comment on a pull request. */
  pullRequest?: boolean;
}

export interface DeploymentInfo {
  environment?: string;
  state?: string;
  /** Where the deployed application is (`environment_url`); absent when the deployment names none. */
  url?: string;
  /** The deployment's log (`log_url`, or `target_url`, its older name). */
  logUrl?: string;
  /** The deployed application when known, else the log: `url ?? logUrl` (kept for templates written for it). */
  targetUrl?: string;
  description?: string;
}

/** A check run or check suite (`check_run` / `check_suite` events). */
export interface CheckInfo {
  name?: string;
  status?: string;
  conclusion?: string;
  url?: string;
  headBranch?: string;
  headSha?: string;
}

export interface FailedStep {
  name: string;
  number?: number;
}

export interface FailedJob {
  name: string;
  url?: string;
  conclusion?: string;
  steps: FailedStep[];
}

/** How much of why-it-failed the lookup reads: `auto` (annotations and log excerpts), `annotations` (no logs), `off`. */
export const DETAILS_MODES = ['auto', 'annotations', 'off'] as const;
export type DetailsMode = (typeof DETAILS_MODES)[number];

/** The `details` input (CLI `--details`): empty is `auto`; anything else is an error naming the input. */
export function parseDetailsMode(raw = ''): DetailsMode {
  const value = raw.trim().toLowerCase() || 'auto';
  if ((DETAILS_MODES as readonly string[]).includes(value)) return value as DetailsMode;
  throw new ConfigError('details', `'${raw}' is not a details mode`, `one of ${DETAILS_MODES.join(', ')}`);
}

/** A step of a job the failure details name (the failed one, or the one that timed out or was cancelled). */
export interface FailureStep {
  name: string;
  number?: number;
  conclusion?: string;
}

/** An error annotation (check-run annotation, problem matcher, `::error file=…,line=…`). Untrusted text. */
export interface FailureAnnotation {
  /** Repository path; absent for the runner's own annotations (GitHub reports them as `.github`). */
  path?: string;
  line?: number;
  /** `path:line` (or the path), for a link text. */
  location?: string;
  /** The message as GitHub gives it (several lines for some problem matchers). */
  message: string;
  /** The message on one line, for a list item. */
  text: string;
  title?: string;
  level: 'failure' | 'warning' | 'notice';
  /** The file line at the commit, when a path is known. */
  url?: string;
}

/** The lines of a job's log that explain the failure: timestamps and colours removed, secrets redacted. */
export interface FailureLog {
  /** Plain text, one log line per line (untrusted; presets show it in a code block). */
  excerpt: string;
  /** How many lines `excerpt` holds. */
  lines: number;
  /** The job's page, where the full log is. */
  url?: string;
  /** True when lines were left out (a budget was reached or only part of the log was read). */
  truncated: boolean;
}

export interface FailureJobDetails {
  name: string;
  url?: string;
  /** failure, timed_out, cancelled, startup_failure … or success for a flaky job that passed on re-run. */
  conclusion?: string;
  /** The run attempt this job result belongs to. */
  attempt?: number;
  /** Failed in an earlier attempt of this run and passed on re-run. */
  flaky: boolean;
  /** For a flaky job: the last attempt in which it failed. */
  failedAttempt?: number;
  steps: FailureStep[];
  annotations: FailureAnnotation[];
  log?: FailureLog;
}

/** Why the run failed, as the CI's API tells it (GitHub jobs, annotations and logs; GitLab jobs and traces). */
export interface FailureDetails {
  /** Failed jobs first (in the order the CI lists them), then flaky ones (`flaky: true`). */
  jobs: FailureJobDetails[];
  /** The error annotations of all failed jobs in one list, each with its job's name: the most useful lines. */
  errors: (FailureAnnotation & { job: string })[];
  /** The first error (an annotation, else the first `Error:` line of a log), for one-line messages. */
  summary?: string;
  /** The run attempt (1 on a first run). */
  attempt?: number;
  /** True when some details could not be read (a permission, a log not ready yet, a budget). */
  partial?: boolean;
}

export interface RunHistory {
  /** State of this run relative to the previous completed run on the same branch. */
  state: RunState;
  /** Conclusion of the previous completed run, when one was found. */
  previousConclusion?: string;
  previousUrl?: string;
  /** How many consecutive failed runs, including this one (1 = newly broken). */
  failureStreak?: number;
  failedJobs?: FailedJob[];
  /** Seconds from run start to now. */
  durationSeconds?: number;
}

export interface CiContext {
  /** Which CI system produced this context: github, gitlab, jenkins, … */
  ci: string;
  serverUrl?: string;
  repository?: string;
  repositoryUrl?: string;
  workflow?: string;
  job?: string;
  /** Job name with matrix values, e.g. "test (ubuntu-latest, 24)". */
  jobDisplayName?: string;
  matrix?: Record<string, unknown>;
  runId?: string;
  runNumber?: string;
  runAttempt?: string;
  runUrl?: string;
  eventName?: string;
  actor?: string;
  ref?: string;
  refType?: 'branch' | 'tag';
  branch?: string;
  tag?: string;
  sha?: string;
  shortSha?: string;
  commit?: CommitInfo;
  compareUrl?: string;
  pullRequest?: PullRequestInfo;
  release?: ReleaseInfo;
  workflowRun?: WorkflowRunInfo;
  deployment?: DeploymentInfo;
  check?: CheckInfo;
  schedule?: string;
  inputs?: Record<string, unknown>;
  /**
   * What the message reports: the outcome the event carries (deployment_status state, workflow_run / check
   * conclusion) unless the workflow's `status` says the notifier's own job did not succeed; else the `status` given.
   */
  status: JobStatus;
  history?: RunHistory;
  activity?: ActivityInfo;
  /** The raw event payload (GitHub), for templates: `{{ event.issue.title }}`. Escaped like every value. */
  event?: Record<string, unknown>;
  /** Counts and first failures of the JUnit reports named by `junit`. */
  tests?: TestSummary;
  /** Why it failed: failed jobs with their steps, error annotations and log excerpts (filled only on failure). */
  failure?: FailureDetails;
  /** The jobs of `needs` with their results (one message for the whole workflow). */
  jobs?: NeededJob[];
  /** The first commits of a push (at most 5), newest last as GitHub lists them; `commitCount` is how many it had. */
  commits?: CommitInfo[];
  commitCount?: number;
  /** The people responsible for this run (from `mention` and `people`), set by notify() when `mention-on` matches. */
  responsible?: ResponsiblePerson[];
  /** The build to install (`install`, and the link `qr` encodes), read by notify() before rendering. */
  install?: InstallContext;
}

/** What templates see of `install` and `qr`: `{{ install.url }}`, `{{ install.version }}` … (the mobile-build preset). */
export interface InstallContext {
  /** The install (download) page, or the link the QR code encodes when only `qr` is given. */
  url: string;
  /** Where it was read from: `pgyer`, `fir`, `url` (an install URL), `qr` (only a QR link). */
  source: string;
  appName?: string;
  version?: string;
  build?: string;
  /** True when a QR code goes with the message (generated from `qr`, or of the install link). */
  qr: boolean;
}

export interface ResponsiblePerson {
  /** GitHub login, or the commit author's name where no login is known (other CIs). */
  login: string;
  /** Whether `people` maps this person for the provider, so the message mentions them. */
  mentioned: boolean;
}

/** Maps any status spelling (GitHub job.status, workflow_run conclusions, other CIs) to a JobStatus. */
export function normalizeStatus(value: string | undefined | null): JobStatus | undefined {
  if (!value) return undefined;
  const key = value.trim().toLowerCase();
  if ((STATUS_VALUES as readonly string[]).includes(key)) return key as JobStatus;
  switch (key) {
    case 'success':
    case 'succeeded':
    case 'passed':
    case 'ok':
      return 'success';
    case 'failure':
    case 'failed':
    case 'fail':
    case 'error':
    case 'errored':
    case 'timed_out':
    case 'startup_failure':
    case 'action_required':
      return 'failure';
    case 'cancelled':
    case 'canceled':
    case 'aborted':
      return 'cancelled';
    case 'skipped':
    case 'neutral':
    case 'stale':
      return 'skipped';
    case 'started':
      return 'started';
    default:
      return undefined;
  }
}

/** Environment variables as a process or a test hands them in. */
export type Environment = Record<string, string | undefined>;
