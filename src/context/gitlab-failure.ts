/**
 * Why a GitLab CI pipeline failed: its failed jobs and an excerpt of each one's log (trace), into the same
 * `failure` data the presets render for GitHub. Loaded only when a run failed (the CLI imports this module
 * dynamically), and never throws: what it cannot read is left out and explained in a notice.
 *
 * Bounded like the GitHub lookup (failure-details.ts): a few pages of jobs, a few jobs read in detail, a cap on the
 * bytes read of each trace (its end), on lines kept, and one deadline for the whole lookup. Parsing is one pass
 * over the lines.
 *
 * API facts (GitLab REST API v4, https://docs.gitlab.com/api/jobs/):
 * - GET /projects/:id/pipelines/:pipeline_id/jobs?scope[]=failed&scope[]=success&include_retried=true lists the
 *   failed and passed jobs of a pipeline, 20 per page by default (`per_page` up to 100, next page in the
 *   `x-next-page` header: https://docs.gitlab.com/api/rest/#pagination). Retried jobs (earlier attempts) are left
 *   out unless `include_retried=true` (added in GitLab 13.6, gitlab-org/gitlab!48589; before it every attempt was
 *   listed, which reads the same here). A retry is a new job with the same name in the same pipeline (names are
 *   unique per pipeline otherwise), so the attempts of a job are its same-named jobs by id, and the latest is the
 *   highest id. Fields read: `id, name, stage, status, failure_reason, allow_failure, web_url`.
 * - GET /projects/:id/jobs/:job_id/trace serves the log as plain text (the documented example follows redirects,
 *   `curl --location`); 404 is "Job not found or no log file".
 * - A token goes in the `PRIVATE-TOKEN` header (personal, project and group access tokens); a missing or bad
 *   token is a 401 `{"message":"401 Unauthorized"}` (https://docs.gitlab.com/api/rest/authentication/).
 * - CI_JOB_TOKEN cannot call these endpoints (https://docs.gitlab.com/ci/jobs/ci_job_token/#job-token-feature-access;
 *   gitlab-org/gitlab#506668, #467492, which also says traces must never be opened to it): a token with the
 *   `read_api` scope is needed.
 */
import type { DetailsMode, FailureJobDetails } from '../model/context.js';
import {
  ApiRefused,
  DEFAULT_FAILURE_BUDGET,
  httpUrl,
  readCapped,
  type FailureBudget,
  type FailureDetailsResult,
} from './failure-details.js';
import { cleanLine, excerptLog } from './failure-log.js';

export interface GitlabFailureRequest {
  /** A fetch that honours the proxy settings (the transport's); `globalThis.fetch` by default. */
  fetch?: typeof globalThis.fetch;
  /** REST API root: CI_API_V4_URL, e.g. `https://gitlab.com/api/v4` or a self-managed instance's. */
  apiUrl: string;
  /** A personal, project or group access token with the `read_api` scope. */
  token: string;
  /** CI_PROJECT_ID (or the project's full path). */
  projectId: string;
  /** CI_PIPELINE_ID. */
  pipelineId: number;
  /** CI_JOB_ID of the job running the CLI: never reported as a failed job. */
  currentJobId?: number;
  /** `auto`: failed jobs and log excerpts; `annotations`: GitLab has none, so the failed jobs only; `off`: nothing. */
  mode?: DetailsMode;
  budget?: Partial<FailureBudget>;
  /** Aborts the lookup early (the caller's own deadline). */
  signal?: AbortSignal;
  /** Masks the caller's known secrets in every excerpt and message. */
  redact?: (text: string) => string;
  /** Lines for a debug log. */
  debug?: (message: string) => void;
}

/** The same result as GitHub's lookup: details when something could be read, notices for what was left out. */
export type GitlabFailureResult = FailureDetailsResult;

/** The fields we read from a job of GET /projects/:id/pipelines/:pipeline_id/jobs. */
interface GitlabJob {
  id: number;
  name: string;
  stage?: string | null;
  status?: string | null;
  failure_reason?: string | null;
  allow_failure?: boolean | null;
  web_url?: string | null;
}

/** What to do about a token that cannot read the jobs: said once, in every notice that needs it. */
export const GITLAB_TOKEN_HINT =
  'Set --gitlab-token (or GITLAB_TOKEN) to a project, group or personal access token with the read_api scope; CI_JOB_TOKEN cannot read the jobs API.';

/** GitLab's failure reasons for a job that ran out of time (`failure_reason` in the Jobs API). */
const TIMEOUT_REASONS = new Set(['job_execution_timeout', 'stuck_or_timeout_failure']);

/**
 * Sections the runner itself opens around a job's script (preparing the executor, fetching sources, caches,
 * artifacts, clean-up): their lines say nothing about why the script failed. The script runs in `step_script`
 * (and `build_script` on older runners); sections a user opens are kept.
 */
const RUNNER_SECTIONS = new Set([
  'prepare_executor',
  'prepare_script',
  'resolve_secrets',
  'get_sources',
  'clear_worktree',
  'restore_cache',
  'download_artifacts',
  // Runs after the script failed: its output is clean-up, not the cause.
  'after_script',
  'archive_cache',
  'archive_cache_on_failure',
  'upload_artifacts_on_success',
  'upload_artifacts_on_failure',
  'cleanup_file_variables',
]);
// `section_start:1700000000:step_script[collapsed=true]\r\e[0K…`, anywhere in a line (often after `\e[0K`):
// https://docs.gitlab.com/ci/jobs/job_logs/#custom-collapsible-sections. Bounded repetitions: linear per line.
const SECTION = /section_(start|end):\d{1,20}:([A-Za-z0-9_.-]{1,200})/;
// The runner's optional per-line timestamps (FF_TIMESTAMPS): `2024-05-22T14:10:13.123456Z 00O ` or `… 01E+`.
const TRACE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z \d{2}[OE]\+? ?/;
// The runner's last line on a failure: `ERROR: Job failed: exit code 1`, `… execution took longer than 1h0m0s`.
const JOB_FAILED = /^ERROR: (Job failed: .*)$/;
// The runner's preamble before its first section.
const PREAMBLE = /^(?:Running with gitlab-runner | {2}on |Resolving secrets|Preparing the )/;
// Lines that never explain a failure: the runner's image line at the start of the script, npm's update notices.
const NOISE = /^(?:Using docker image sha256:|npm notice\b)/;
// The runner echoes each script command in bold green (`\e[32;1m$ npm test\e[0;m`), which a script's own output
// starting with `$ ` does not have.
const COMMAND_ECHO = '\u001b[32;1m$ ';

/**
 * A GitLab trace as the shared excerpt logic reads it: the runner's own sections and preamble left out, the
 * runner's `ERROR: Job failed: …` line marked as the error (GitHub's `##[error]`), each command the runner echoes
 * marked as the start of a step, every other line as it was. One pass over the lines.
 */
export function gitlabTraceForExcerpt(trace: string): string {
  const out: string[] = [];
  let skipping: string | undefined;
  let seenSection = false;
  let start = 0;
  while (start <= trace.length) {
    let end = trace.indexOf('\n', start);
    if (end < 0) end = trace.length;
    const raw = trace.slice(start, end).replace(TRACE_TIMESTAMP, '');
    start = end + 1;
    const marker = SECTION.exec(raw);
    if (marker) {
      seenSection = true;
      const [, kind, name = ''] = marker;
      const runnerOwned = RUNNER_SECTIONS.has(name) || name === 'step_script' || name === 'build_script';
      if (kind === 'start' && RUNNER_SECTIONS.has(name)) skipping = name;
      else if (kind === 'end' && skipping === name) skipping = undefined;
      // Output printed without a newline before the marker belongs to the script.
      const before = cleanLine(raw.slice(0, marker.index));
      if (before && !skipping) out.push(before);
      // A user's section header (after the marker's `\r`) is kept; the runner's own headers are noise.
      if (kind === 'start' && !runnerOwned) {
        const header = cleanLine(raw.slice(marker.index));
        if (header) out.push(header);
      }
      continue;
    }
    if (skipping) continue;
    const line = cleanLine(raw);
    if ((!seenSection && PREAMBLE.test(line)) || NOISE.test(line)) continue;
    if (raw.startsWith(COMMAND_ECHO)) {
      // A command starts what explains its failure: the excerpt's window of lines before the error starts here
      // (the shared logic's step boundary), with the command itself as its first line.
      out.push(`##[group]Run ${line}`, '##[endgroup]', line);
      continue;
    }
    const failed = JOB_FAILED.exec(line);
    out.push(failed ? `##[error]${failed[1]!}` : line);
  }
  return out.join('\n');
}

/**
 * Reads the end of a body: at most `keep` bytes, out of at most `max` downloaded. A server that ignored the range
 * request sends the whole log; its last `keep` bytes are kept, and a log longer than `max` is cut (`cut`).
 */
async function readTail(
  response: Response,
  keep: number,
  max: number,
): Promise<{ text: string; dropped: boolean; cut: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { text: '', dropped: false, cut: false };
  const chunks: Uint8Array[] = [];
  let held = 0;
  let read = 0;
  let dropped = false;
  let cut = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    chunks.push(value);
    held += value.byteLength;
    // Drop whole chunks from the front while the rest still holds `keep` bytes.
    while (chunks.length > 1 && held - chunks[0]!.byteLength >= keep) {
      held -= chunks.shift()!.byteLength;
      dropped = true;
    }
    if (read >= max) {
      cut = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  let bytes = Buffer.concat(chunks);
  if (bytes.byteLength > keep) {
    bytes = bytes.subarray(bytes.byteLength - keep);
    dropped = true;
  }
  return { text: bytes.toString('utf8'), dropped, cut };
}

/**
 * Looks up why pipeline `pipelineId` failed. Never throws: on a 401/403/404, a timeout or a network failure the
 * result has fewer details (or none) and a notice naming what would add them.
 */
export async function fetchGitlabFailureDetails(request: GitlabFailureRequest): Promise<GitlabFailureResult> {
  const mode = request.mode ?? 'auto';
  const notices: string[] = [];
  if (mode === 'off') return { notices };
  const budget = { ...DEFAULT_FAILURE_BUDGET, ...request.budget };
  const redact = request.redact ?? ((text: string) => text);
  const debug = request.debug ?? (() => undefined);
  const signal = AbortSignal.any([AbortSignal.timeout(budget.timeoutMs), ...(request.signal ? [request.signal] : [])]);
  const doFetch = request.fetch ?? globalThis.fetch;
  const api = request.apiUrl.replace(/\/+$/, '');
  const apiOrigin = new URL(api).origin;
  const project = `/projects/${encodeURIComponent(request.projectId)}`;
  const headers = { 'private-token': request.token, accept: 'application/json', 'user-agent': 'ci-notifier' };

  // 1. The failed jobs of the pipeline (their latest attempts), page by page.
  const jobs: GitlabJob[] = [];
  try {
    let page: string | undefined = '1';
    for (let pages = 0; page && pages < budget.maxJobPages; pages++) {
      const response: Response = await doFetch(
        `${api}${project}/pipelines/${String(request.pipelineId)}/jobs?scope[]=failed&scope[]=success&include_retried=true&per_page=100&page=${page}`,
        { headers, signal },
      );
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new ApiRefused(response.status);
      }
      // A page of 100 jobs is far smaller; a longer reply is an error.
      const { text, cut } = await readCapped(response, 4 * 1024 * 1024);
      if (cut) throw new Error('reply too large');
      const body: unknown = JSON.parse(text);
      if (Array.isArray(body)) jobs.push(...(body as GitlabJob[]));
      const next: string | undefined = response.headers.get('x-next-page')?.trim();
      page = next && /^\d{1,6}$/.test(next) ? next : undefined;
    }
  } catch (error) {
    notices.push(explain(error, 'the failed jobs of the pipeline', redact));
    return { notices };
  }

  // Each job's attempts, oldest first; a job allowed to fail did not fail the pipeline.
  const attempts = new Map<string, GitlabJob[]>();
  for (const job of jobs.filter(
    (job) =>
      typeof job.id === 'number' &&
      typeof job.name === 'string' &&
      job.allow_failure !== true &&
      job.id !== request.currentJobId,
  ))
    attempts.set(job.name, [...(attempts.get(job.name) ?? []), job]);
  const failed: GitlabJob[] = [];
  const flaky: FailureJobDetails[] = [];
  let lastAttempt = 1;
  for (const tries of attempts.values()) {
    tries.sort((a, b) => a.id - b.id);
    const latest = tries.at(-1)!;
    if ((latest.status ?? 'failed') === 'failed') {
      failed.push(latest);
      lastAttempt = Math.max(lastAttempt, tries.length);
      continue;
    }
    // Passed on retry after failing: flaky, with the attempt in which it last failed.
    const lastFailure = tries.findLastIndex((job) => job.status === 'failed');
    if (latest.status === 'success' && lastFailure >= 0) {
      const url = httpUrl(latest.web_url);
      flaky.push({
        name: redact(latest.name),
        ...(url ? { url } : {}),
        conclusion: 'success',
        attempt: tries.length,
        flaky: true,
        failedAttempt: lastFailure + 1,
        steps: [],
        annotations: [],
      });
    }
  }
  // The pipeline's order (creation, so stage order) reads better than the reply's newest first.
  failed.sort((a, b) => a.id - b.id);
  debug(
    `failure details: ${String(failed.length)} failed and ${String(flaky.length)} flaky jobs in GitLab pipeline ${String(request.pipelineId)}`,
  );
  if (failed.length === 0 && flaky.length === 0) return { notices };

  let partial = false;
  let tracesDenied = false;
  const detailed: FailureJobDetails[] = [];
  for (const [index, job] of failed.entries()) {
    const url = httpUrl(job.web_url);
    const entry: FailureJobDetails = {
      name: redact(job.name),
      ...(url ? { url } : {}),
      conclusion: TIMEOUT_REASONS.has(job.failure_reason ?? '') ? 'timed_out' : 'failure',
      ...(attemptsOf(job) > 1 ? { attempt: attemptsOf(job) } : {}),
      flaky: false,
      steps: [],
      annotations: [],
    };
    detailed.push(entry);
    if (mode !== 'auto' || tracesDenied) continue;
    if (index >= budget.maxJobs || signal.aborted) {
      partial = true;
      continue;
    }
    // 2. The end of its trace.
    try {
      const log = await traceOf(job, url);
      if (log) entry.log = log;
    } catch (error) {
      partial = true;
      if (error instanceof ApiRefused && error.status === 404) {
        debug(`failure details: no log for ${job.name} (404)`);
      } else {
        if (error instanceof ApiRefused && (error.status === 401 || error.status === 403)) tracesDenied = true;
        notices.push(explain(error, `the log of ${job.name}`, redact));
      }
    }
  }
  const summary = summaryOf(detailed);
  return {
    details: {
      // Failed jobs first, then flaky ones, as on GitHub; a job retried here says which attempt this is.
      jobs: [...detailed, ...flaky],
      errors: [],
      ...(summary ? { summary } : {}),
      ...(lastAttempt > 1 ? { attempt: lastAttempt } : {}),
      ...(partial ? { partial } : {}),
    },
    notices,
  };

  function attemptsOf(job: GitlabJob): number {
    return attempts.get(job.name)?.length ?? 1;
  }

  async function traceOf(job: GitlabJob, url: string | undefined): Promise<FailureJobDetails['log']> {
    // The end of the log explains the failure: ask for its last bytes (a suffix range, RFC 9110 §14.1.2).
    // Whether GitLab honours a range on this endpoint is not documented; a full reply is read to its end below,
    // up to four times the budget.
    const range = { range: `bytes=-${String(budget.maxLogBytes)}` };
    let response = await doFetch(`${api}${project}/jobs/${String(job.id)}/trace`, {
      headers: { ...headers, accept: 'text/plain', ...range },
      signal,
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => undefined);
      // Object storage links carry their own signature: the token goes only to the GitLab instance itself.
      const target = new URL(location, api);
      response = await doFetch(target.href, {
        headers: target.origin === apiOrigin ? { ...headers, accept: 'text/plain', ...range } : range,
        signal,
        redirect: 'error',
      });
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      // 416: an empty log cannot satisfy a range.
      if (response.status === 416) return undefined;
      throw new ApiRefused(response.status);
    }
    const partialReply = response.status === 206;
    const { text, dropped, cut } = await readTail(
      response,
      budget.maxLogBytes,
      partialReply ? budget.maxLogBytes : budget.maxLogBytes * 4,
    );
    const rangeStart = Number(/^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')?.[1] ?? 0);
    // A tail that starts mid-log starts mid-line (maybe mid-character): drop its first line.
    const body = dropped || (partialReply && rangeStart > 0) ? text.slice(text.indexOf('\n') + 1) : text;
    // One error line at the end (the runner's): the lines before it are the script's last output.
    const excerpt = excerptLog(
      gitlabTraceForExcerpt(body),
      { ...budget, contextLines: Math.max(budget.contextLines, budget.maxLines - 2) },
      redact,
    );
    if (excerpt.lines.length === 0) return undefined;
    return {
      excerpt: excerpt.lines.join('\n'),
      lines: excerpt.lines.length,
      ...(url ? { url } : {}),
      truncated: excerpt.truncated || cut,
    };
  }
}

// A line that names an error: a compiler's `error TS2345`, `npm ERR!`, a failed test, an assertion, a panic.
const TELLING = /^(?:npm ERR!|FAIL\b|panic:|--- FAIL)|\b(?:error|Error|ERROR)\b[\s:[]|AssertionError/;

/** The first telling error line of a log (not the runner's "Job failed: exit code N"), for one-line messages. */
function summaryOf(jobs: FailureJobDetails[]): string | undefined {
  for (const job of jobs)
    for (const line of (job.log?.excerpt ?? '').split('\n'))
      if (TELLING.test(line) && !line.startsWith('Error: Job failed: ')) return line.replace(/^Error: /, '').trim();
  return undefined;
}

/** A refusal or failure, said as a notice: what was left out and what would add it. */
function explain(error: unknown, what: string, redact: (text: string) => string): string {
  if (error instanceof ApiRefused) {
    if (error.status === 401 || error.status === 403 || error.status === 404)
      return `Failure details: ${what} could not be read (HTTP ${String(error.status)}); the message goes without them. ${GITLAB_TOKEN_HINT}`;
    return `Failure details: ${what} could not be read (HTTP ${String(error.status)}); the message goes without them.`;
  }
  const name = (error as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `Failure details: reading ${what} took too long; the message goes without them.`;
  const text = error instanceof Error ? error.message : String(error);
  return `Failure details: ${what} could not be read (${redact(text)}); the message goes without them.`;
}
