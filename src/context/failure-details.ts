/**
 * Why a GitHub Actions run failed: its failed jobs with the failed step, the error annotations and an excerpt of
 * the log. Loaded only when a run failed (the action imports this module dynamically), and independent of the
 * action's inputs so that anything holding a token for a run (the action, an org-wide watcher) can call it.
 *
 * Bounded like every untrusted input: a few pages of jobs, a few jobs, a cap on the bytes read of each log (a
 * Range request for its end, and a cut stream when the server ignores it), on lines and annotations kept, and
 * one deadline for the whole lookup. It never throws: what it cannot read is left out and explained in a notice.
 *
 * API facts (https://docs.github.com/rest/actions/workflow-jobs, https://docs.github.com/rest/checks/runs):
 * - GET /repos/{o}/{r}/actions/runs/{id}/jobs?filter=all lists the jobs of every attempt (`run_attempt`);
 * - GET /repos/{o}/{r}/actions/jobs/{job_id}/logs answers 302 to a plain-text file, "This link expires after
 *   1 minute"; a job still running has no log yet (404);
 * - GET /repos/{o}/{r}/check-runs/{check_run_id}/annotations lists `{path, start_line, annotation_level,
 *   message, title, blob_href}`; the check run id is the last segment of the job's `check_run_url`.
 */
import type {
  DetailsMode,
  FailureAnnotation,
  FailureDetails,
  FailureJobDetails,
  FailureStep,
} from '../model/context.js';
import { normalizeStatus } from '../model/context.js';
import { DEFAULT_EXCERPT_BUDGET, excerptLog, type ExcerptBudget } from './failure-log.js';

export interface FailureBudget extends ExcerptBudget {
  /** Failed jobs read in detail (annotations and log); others are listed by name. */
  maxJobs: number;
  /** Bytes read of one log (its end). */
  maxLogBytes: number;
  /** Annotations kept per job. */
  maxAnnotations: number;
  /** Pages of 100 jobs read. */
  maxJobPages: number;
  /** The whole lookup, in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_FAILURE_BUDGET: FailureBudget = {
  ...DEFAULT_EXCERPT_BUDGET,
  maxJobs: 5,
  maxLogBytes: 256 * 1024,
  maxAnnotations: 10,
  maxJobPages: 3,
  timeoutMs: 8_000,
};

export interface FailureDetailsRequest {
  /** A fetch that honours the proxy settings (the transport's); `globalThis.fetch` by default. */
  fetch?: typeof globalThis.fetch;
  /** REST API root: `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise Server. */
  apiUrl: string;
  /** Web root for links to file lines; derived from `apiUrl` when absent. */
  serverUrl?: string;
  /** A token that can read Actions (`actions: read`) and, for annotations, checks (`checks: read`). */
  token: string;
  owner: string;
  repo: string;
  runId: number;
  /** The run attempt to report (latest when absent). */
  attempt?: number;
  /** `auto`: annotations and log excerpts; `annotations`: no logs. `off` returns at once. */
  mode?: DetailsMode;
  budget?: Partial<FailureBudget>;
  /** Aborts the lookup early (the caller's own deadline). */
  signal?: AbortSignal;
  /** The job running the caller, whose log cannot be read yet: its runner name. */
  currentRunner?: string;
  /** Masks the caller's known secrets in every excerpt and message. */
  redact?: (text: string) => string;
  /** Lines for a debug log. */
  debug?: (message: string) => void;
}

export interface FailureDetailsResult {
  /** Undefined when nothing could be read (no failed job, or no permission). */
  details?: FailureDetails;
  /** What was left out and what would add it (a permission, a retry). Written as notices, never failures. */
  notices: string[];
}

/** The fields we read from a job. */
interface ApiJob {
  id: number;
  name: string;
  status?: string | null;
  conclusion?: string | null;
  run_attempt?: number;
  html_url?: string | null;
  head_sha?: string | null;
  check_run_url?: string | null;
  runner_name?: string | null;
  steps?: { name: string; number?: number; conclusion?: string | null }[];
}

interface ApiAnnotation {
  path?: string | null;
  start_line?: number | null;
  annotation_level?: string | null;
  message?: string | null;
  title?: string | null;
  blob_href?: string | null;
}

const API_VERSION = '2022-11-28';
const EXIT_CODE = /^Process completed with exit code \d+\.?$/;

/** A 403 / 404 / 401 as a value, so callers say which permission is missing without a stack of catches. */
export class ApiRefused extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${String(status)}`);
  }
}

function serverOf(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  return `${url.origin}${url.pathname.replace(/\/api\/v3\/?$/, '').replace(/\/+$/, '')}`;
}

export function httpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isFailed(conclusion: string | null | undefined): boolean {
  return normalizeStatus(conclusion ?? undefined) === 'failure';
}

/** Reads a body up to `max` bytes, cancelling the rest of the stream. */
export async function readCapped(response: Response, max: number): Promise<{ text: string; cut: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { text: '', cut: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let cut = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = max - size;
    if (value.byteLength >= room) {
      chunks.push(value.subarray(0, room));
      size += room;
      cut = value.byteLength > room;
      if (!cut) {
        const next = await reader.read();
        cut = !next.done;
      }
      if (cut) await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), cut };
}

/**
 * Looks up why run `runId` failed. Never throws: on a 401/403/404, a timeout or a network failure the result has
 * fewer details (or none) and a notice naming what would add them.
 */
export async function fetchFailureDetails(request: FailureDetailsRequest): Promise<FailureDetailsResult> {
  const mode = request.mode ?? 'auto';
  const notices: string[] = [];
  if (mode === 'off') return { notices };
  const budget = { ...DEFAULT_FAILURE_BUDGET, ...request.budget };
  const redact = request.redact ?? ((text: string) => text);
  const debug = request.debug ?? (() => undefined);
  const signals = [AbortSignal.timeout(budget.timeoutMs), ...(request.signal ? [request.signal] : [])];
  const signal = AbortSignal.any(signals);
  const doFetch = request.fetch ?? globalThis.fetch;
  const api = request.apiUrl.replace(/\/+$/, '');
  const server = (request.serverUrl ?? serverOf(api)).replace(/\/+$/, '');
  const repoPath = `/repos/${encodeURIComponent(request.owner)}/${encodeURIComponent(request.repo)}`;
  const headers = {
    accept: 'application/vnd.github+json',
    // The scheme Octokit uses for installation and personal tokens (both schemes are accepted by GitHub).
    authorization: `token ${request.token}`,
    'x-github-api-version': API_VERSION,
    'user-agent': 'ci-notifier',
  };
  const getJson = async <T>(path: string): Promise<{ body: T; link: string | null }> => {
    const response = await doFetch(`${api}${path}`, { headers, signal });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new ApiRefused(response.status);
    }
    const { text, cut } = await readCapped(response, 4 * 1024 * 1024);
    if (cut) throw new Error('reply too large');
    return { body: JSON.parse(text) as T, link: response.headers.get('link') };
  };

  // 1. The jobs of every attempt: the failed ones of this attempt, and which of them failed before (flaky).
  let jobs: ApiJob[];
  try {
    jobs = [];
    let path: string | undefined = `${repoPath}/actions/runs/${String(request.runId)}/jobs?filter=all&per_page=100`;
    for (let page = 0; path && page < budget.maxJobPages; page++) {
      const reply: { body: { jobs?: ApiJob[] }; link: string | null } = await getJson(path);
      const { body, link } = reply;
      jobs.push(...(body.jobs ?? []));
      const next: string | undefined = /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];
      path = next?.startsWith(api) ? next.slice(api.length) : undefined;
    }
  } catch (error) {
    notices.push(explain(error, 'the jobs of the run', 'actions: read', redact));
    return { notices };
  }
  const attempt = request.attempt ?? Math.max(1, ...jobs.map((job) => job.run_attempt ?? 1));
  const current = jobs.filter((job) => (job.run_attempt ?? 1) === attempt);
  const earlier = jobs.filter((job) => (job.run_attempt ?? 1) < attempt);
  // Matrix values are part of a job's name, so the name identifies a job across attempts.
  const failedBefore = new Map<string, number>();
  for (const job of earlier)
    if (isFailed(job.conclusion))
      failedBefore.set(job.name, Math.max(failedBefore.get(job.name) ?? 0, job.run_attempt ?? 1));

  const failed = current.filter(
    (job) =>
      job.status === 'completed' &&
      isFailed(job.conclusion) &&
      !(request.currentRunner && job.runner_name === request.currentRunner),
  );
  const flaky = current.filter(
    (job) =>
      job.status === 'completed' &&
      normalizeStatus(job.conclusion ?? undefined) === 'success' &&
      failedBefore.has(job.name),
  );
  debug(
    `failure details: ${String(failed.length)} failed and ${String(flaky.length)} flaky jobs in attempt ${String(attempt)}`,
  );
  if (failed.length === 0 && flaky.length === 0) return { notices };

  let partial = false;
  let annotationsDenied = false;
  let logsDenied = false;
  const detailed: FailureJobDetails[] = [];
  for (const [index, job] of failed.entries()) {
    const entry: FailureJobDetails = {
      name: job.name,
      ...(httpUrl(job.html_url) ? { url: httpUrl(job.html_url) } : {}),
      ...(job.conclusion ? { conclusion: job.conclusion } : {}),
      attempt: job.run_attempt ?? attempt,
      flaky: false,
      steps: stepsOf(job),
      annotations: [],
    };
    detailed.push(entry);
    if (index >= budget.maxJobs || signal.aborted) {
      partial = true;
      continue;
    }
    // 2. Its annotations (needs checks: read).
    if (!annotationsDenied) {
      try {
        entry.annotations = await annotationsOf(job, budget.maxAnnotations);
      } catch (error) {
        partial = true;
        if (error instanceof ApiRefused && (error.status === 403 || error.status === 401)) {
          annotationsDenied = true;
          notices.push(explain(error, 'error annotations', 'checks: read', redact));
        } else if (!(error instanceof ApiRefused && error.status === 404)) {
          notices.push(explain(error, `the annotations of ${job.name}`, 'checks: read', redact));
        }
      }
    }
    // 3. Its log (needs actions: read): only in `auto`.
    if (mode === 'auto' && !logsDenied) {
      try {
        const log = await logOf(job);
        if (log) entry.log = log;
      } catch (error) {
        partial = true;
        if (error instanceof ApiRefused && (error.status === 403 || error.status === 401)) {
          logsDenied = true;
          notices.push(explain(error, 'job logs', 'actions: read', redact));
        } else if (error instanceof ApiRefused && error.status === 404) {
          debug(`failure details: the log of ${job.name} is not there yet (404)`);
        } else {
          notices.push(explain(error, `the log of ${job.name}`, 'actions: read', redact));
        }
      }
    }
  }
  for (const job of flaky)
    detailed.push({
      name: job.name,
      ...(httpUrl(job.html_url) ? { url: httpUrl(job.html_url) } : {}),
      conclusion: job.conclusion ?? 'success',
      attempt: job.run_attempt ?? attempt,
      flaky: true,
      failedAttempt: failedBefore.get(job.name),
      steps: [],
      annotations: [],
    });
  const failedJobs = detailed.filter((job) => !job.flaky);
  const errors = failedJobs.flatMap((job) => job.annotations.map((item) => ({ ...item, job: job.name })));
  const summary = summaryOf(errors[0], failedJobs);
  return {
    details: { jobs: detailed, errors, attempt, ...(summary ? { summary } : {}), ...(partial ? { partial } : {}) },
    notices,
  };

  function stepsOf(job: ApiJob): FailureStep[] {
    return (job.steps ?? [])
      .filter((step) => isFailed(step.conclusion) || step.conclusion === 'cancelled')
      .map((step) => ({
        name: redact(step.name),
        ...(step.number === undefined ? {} : { number: step.number }),
        ...(step.conclusion ? { conclusion: step.conclusion } : {}),
      }));
  }

  async function annotationsOf(job: ApiJob, max: number): Promise<FailureAnnotation[]> {
    const checkRunId = /\/check-runs\/(\d+)$/.exec(job.check_run_url ?? '')?.[1] ?? String(job.id);
    // GitHub keeps at most 50 annotations per job (the problem-matchers page of actions/toolkit): one page reads all.
    const { body } = await getJson<ApiAnnotation[]>(
      `${repoPath}/check-runs/${checkRunId}/annotations?per_page=${String(Math.min(100, Math.max(max * 2, 50)))}`,
    );
    const errors = (Array.isArray(body) ? body : []).filter(
      (item) => item.annotation_level === 'failure' && typeof item.message === 'string',
    );
    const mapped = errors.map((item) => annotation(item, job));
    // The runner's "Process completed with exit code N." only when nothing better explains the failure.
    const better = mapped.filter((item) => item.path || !EXIT_CODE.test(item.message));
    return (better.length > 0 ? better : mapped).slice(0, max);
  }

  function annotation(item: ApiAnnotation, job: ApiJob): FailureAnnotation {
    // Annotations without a file are reported with the path `.github`.
    const path = item.path && item.path !== '.github' ? item.path : undefined;
    const line = typeof item.start_line === 'number' && item.start_line > 0 ? item.start_line : undefined;
    const message = redact(
      excerptLog(item.message ?? '', { maxLines: 6, contextLines: 0, maxLineChars: budget.maxLineChars }).lines.join(
        '\n',
      ),
    );
    let url: string | undefined;
    if (path) {
      const blob =
        httpUrl(item.blob_href) ??
        (job.head_sha
          ? `${server}/${request.owner}/${request.repo}/blob/${job.head_sha}/${path.split('/').map(encodeURIComponent).join('/')}`
          : undefined);
      url = blob && line ? `${blob.split('#')[0]!}#L${String(line)}` : blob;
    }
    const location = path ? `${redact(path)}${line ? `:${String(line)}` : ''}` : undefined;
    return {
      ...(path ? { path: redact(path) } : {}),
      ...(line ? { line } : {}),
      ...(location ? { location } : {}),
      message,
      text: message.replace(/\s*\n\s*/g, ' ').trim(),
      ...(item.title ? { title: redact(item.title) } : {}),
      level: 'failure',
      ...(url ? { url } : {}),
    };
  }

  async function logOf(job: ApiJob): Promise<FailureJobDetails['log']> {
    const first = await doFetch(`${api}${repoPath}/actions/jobs/${String(job.id)}/logs`, {
      headers,
      signal,
      redirect: 'manual',
    });
    let response = first;
    const location = first.headers.get('location');
    if (first.status >= 300 && first.status < 400 && location) {
      await first.body?.cancel().catch(() => undefined);
      // The signed link carries its own authorisation: the token is not sent to the storage host. The end of
      // the log is what explains a failure, so ask for its last bytes (a suffix range, RFC 9110 §14.1.2);
      // whether the log storage honours it is not documented, and a full reply is cut at the same size below.
      response = await doFetch(new URL(location, api).href, {
        headers: { range: `bytes=-${String(budget.maxLogBytes)}` },
        signal,
      });
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      // 416: an empty log cannot satisfy a range.
      if (response.status === 416) return undefined;
      throw new ApiRefused(response.status);
    }
    const { text, cut } = await readCapped(response, budget.maxLogBytes);
    // A suffix range that starts after the first byte starts mid-line: drop the partial first line.
    const rangeStart = Number(/^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')?.[1] ?? 0);
    const body = response.status === 206 && rangeStart > 0 ? text.slice(text.indexOf('\n') + 1) : text;
    const excerpt = excerptLog(body, budget, redact);
    if (excerpt.lines.length === 0) return undefined;
    const url = httpUrl(job.html_url);
    return {
      excerpt: excerpt.lines.join('\n'),
      lines: excerpt.lines.length,
      ...(url ? { url } : {}),
      truncated: excerpt.truncated || cut,
    };
  }
}

/** The first error: an annotation (`path:line: message`), else the first telling `Error:` line of a log. */
function summaryOf(first: FailureAnnotation | undefined, jobs: FailureJobDetails[]): string | undefined {
  if (first) return first.location ? `${first.location}: ${first.text}` : first.text;
  for (const job of jobs)
    for (const line of (job.log?.excerpt ?? '').split('\n'))
      if (line.startsWith('Error: ') && !EXIT_CODE.test(line.slice(7))) return line.slice(7);
  return undefined;
}

/** A refusal or failure, said as a notice: what was left out and which permission (or what else) would add it. */
function explain(error: unknown, what: string, permission: string, redact: (text: string) => string): string {
  if (error instanceof ApiRefused) {
    if (error.status === 401 || error.status === 403 || error.status === 404)
      return `Failure details: ${what} could not be read (HTTP ${String(error.status)}); the message goes without them. Give the job \`permissions: ${permission}\` (with \`github-token\` at its default) to add them.`;
    return `Failure details: ${what} could not be read (HTTP ${String(error.status)}); the message goes without them.`;
  }
  const name = (error as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `Failure details: reading ${what} took too long; the message goes without them.`;
  const text = error instanceof Error ? error.message : String(error);
  return `Failure details: ${what} could not be read (${redact(text)}); the message goes without them.`;
}
