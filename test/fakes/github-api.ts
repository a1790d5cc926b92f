import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';

/** A workflow run as GET /repos/{owner}/{repo}/actions/workflows/{id}/runs returns it (fields we and users rely on). */
export interface FakeRun {
  id: number;
  run_number: number;
  head_branch: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  run_attempt?: number;
  /** push unless given. */
  event?: string;
  /** `owner/repo` of the head repository; this repository unless given (a fork's for fork pull requests). */
  head_repository?: string;
  /** Pull requests of the base repository the run belongs to; GitHub lists none for runs from forks. */
  pull_requests?: number[];
  /** Conclusions of the earlier attempts (index 0 = attempt 1), for GET …/runs/{id}/attempts/{n}. */
  attempts?: (string | null)[];
}

export interface FakeStep {
  name: string;
  number: number;
  status?: string;
  conclusion: string | null;
}

export interface FakeJob {
  id: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  started_at: string;
  runner_name?: string | null;
  run_attempt?: number;
  steps: FakeStep[];
}

/**
 * A check-run annotation as GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations returns it
 * (https://docs.github.com/rest/checks/runs#list-check-run-annotations: path, start_line, end_line,
 * start_column, end_column, annotation_level notice|warning|failure, title, message, raw_details, blob_href).
 */
export interface FakeAnnotation {
  path: string;
  start_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string | null;
}

export interface FakeGithubOptions {
  owner?: string;
  repo?: string;
  /** The workflow file name the runs belong to (the workflow id in the URL). */
  workflow?: string;
  /** Tokens accepted in `Authorization: token …` / `Bearer …`. */
  tokens: string[];
  /** All runs of the workflow, any order; the fake sorts newest first like GitHub. */
  runs: FakeRun[];
  /** Jobs of the run under test, keyed by run id. */
  jobs?: Record<number, FakeJob[]>;
  /** Annotations by check run id (= job id, as `gh` assumes), or an HTTP status to answer with. */
  annotations?: Record<number, FakeAnnotation[] | number>;
  /** Job logs by job id (plain text as the runner writes it), or an HTTP status (404: not there yet). */
  logs?: Record<number, string | number>;
  /** Whether the log storage honours `Range: bytes=-N` (UNVERIFIED for GitHub's storage; both are tested). */
  logRanges?: boolean;
  /** Path prefix of the API, e.g. "/api/v3" for GitHub Enterprise Server. */
  prefix?: string;
  /** Per-request override: return true when handled. */
  intercept?: (request: RecordedRequest, reply: (status: number, body: unknown) => void) => boolean;
}

const DOCS = 'https://docs.github.com/rest';
export const WORKFLOW_ID = 161335;

/**
 * Plays the GitHub REST API for Actions runs and jobs: authentication, 404 for unknown repositories and
 * workflows, the real list shapes ({total_count, workflow_runs} / {total_count, jobs}), the `branch` and
 * `status` filters, `per_page`/`page` and the Link header GitHub uses for pagination.
 */
export function fakeGithubApi(options: FakeGithubOptions): FakeServer & { prefix: string; apiUrl: () => string } {
  const owner = options.owner ?? 'octo-org';
  const repo = options.repo ?? 'hello-world';
  const workflow = options.workflow ?? 'ci.yml';
  const prefix = options.prefix ?? '';
  const server: FakeServer = new FakeServer((request, response) => {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      sendJson(response, status, body, { 'x-github-media-type': 'github.v3; format=json', ...headers });
    if (options.intercept?.(request, reply)) return;
    // The signed log link: no token needed (and none should be sent to the storage host).
    const blob = /^\/blob\/logs\/(\d+)$/.exec(request.path);
    if (blob) return sendLog(response, request, options.logs?.[Number(blob[1])], options.logRanges ?? true);
    const auth = request.headers.authorization ?? '';
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1];
    if (!token || !options.tokens.includes(token))
      return reply(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    if (request.method !== 'GET') return reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    if (!request.path.startsWith(`${prefix}/repos/`))
      return reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    const path = request.path.slice(prefix.length);
    const base = `/repos/${owner}/${repo}/actions`;
    const perPage = Math.min(Math.max(Number(request.query.get('per_page') ?? 30) || 30, 1), 100);
    const page = Math.max(Number(request.query.get('page') ?? 1) || 1, 1);

    const paged = <T>(items: T[], key: string) => {
      const slice = items.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(items.length / perPage));
      const link = (n: number, rel: string) => {
        const query = new URLSearchParams(request.query);
        query.set('page', String(n));
        query.set('per_page', String(perPage));
        return `<${server.url}${request.path}?${query.toString()}>; rel="${rel}"`;
      };
      const links: string[] = [];
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
      if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
      reply(200, { total_count: items.length, [key]: slice }, links.length ? { link: links.join(', ') } : {});
    };

    const runsMatch = new RegExp(`^${base}/workflows/([^/]+)/runs$`).exec(path);
    if (runsMatch) {
      const id = decodeURIComponent(runsMatch[1]!);
      // The workflow id is its file name or its numeric id.
      if (id !== workflow && id !== String(WORKFLOW_ID))
        return reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      const branch = request.query.get('branch');
      const event = request.query.get('event');
      const status = request.query.get('status');
      const runs = [...options.runs]
        .sort((a, b) => b.run_number - a.run_number)
        // Like GitHub's, the branch filter matches head_branch alone, whatever the head repository.
        .filter((run) => !branch || run.head_branch === branch)
        .filter((run) => !event || (run.event ?? 'push') === event)
        // `status` takes a status or a conclusion, as GitHub's does.
        .filter((run) => !status || run.status === status || run.conclusion === status)
        .map((run) => toApiRun(run, server.url, owner, repo, workflow));
      return paged(runs, 'workflow_runs');
    }
    const attemptMatch = new RegExp(`^${base}/runs/(\\d+)/attempts/(\\d+)$`).exec(path);
    if (attemptMatch) {
      const run = options.runs.find((item) => item.id === Number(attemptMatch[1]));
      const n = Number(attemptMatch[2]);
      const latest = run?.run_attempt ?? 1;
      if (!run || n < 1 || n > latest || (n < latest && run.attempts?.[n - 1] === undefined))
        return reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      const conclusion = n === latest ? run.conclusion : run.attempts![n - 1]!;
      const status = n === latest ? run.status : 'completed';
      return reply(200, toApiRun({ ...run, status, conclusion, run_attempt: n }, server.url, owner, repo, workflow));
    }
    const logsMatch = new RegExp(`^${base}/jobs/(\\d+)/logs$`).exec(path);
    if (logsMatch) {
      // "Gets a redirect URL to download a plain text file of logs for a workflow job. This link expires after
      // 1 minute. Look for Location: in the response header" (https://docs.github.com/rest/actions/workflow-jobs).
      const log = options.logs?.[Number(logsMatch[1])];
      if (log === undefined) return reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      if (typeof log === 'number') return reply(log, { message: `HTTP ${String(log)}`, documentation_url: DOCS });
      response.writeHead(302, { location: `${server.url}/blob/logs/${logsMatch[1]!}?sv=2021&sig=signed` });
      return response.end();
    }
    const annotationsMatch = new RegExp(`^/repos/${owner}/${repo}/check-runs/(\\d+)/annotations$`).exec(path);
    if (annotationsMatch) {
      const list = options.annotations?.[Number(annotationsMatch[1])];
      if (list === undefined) return reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      if (typeof list === 'number')
        return reply(list, { message: 'Resource not accessible by integration', documentation_url: DOCS });
      const slice = list.slice((page - 1) * perPage, page * perPage);
      return reply(
        200,
        slice.map((item) => ({
          path: item.path,
          blob_href: `https://github.com/${owner}/${repo}/blob/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c/${item.path}`,
          start_line: item.start_line,
          start_column: null,
          end_line: item.start_line,
          end_column: null,
          annotation_level: item.annotation_level,
          title: item.title ?? null,
          message: item.message,
          raw_details: null,
        })),
      );
    }
    const jobsMatch = new RegExp(`^${base}/runs/(\\d+)(?:/attempts/(\\d+))?/jobs$`).exec(path);
    if (jobsMatch) {
      const runId = Number(jobsMatch[1]);
      const all = options.jobs?.[runId];
      if (!all) return reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      // `filter=all` lists the jobs of every attempt (each with its run_attempt); the default `latest` does too in
      // this fake unless the test gives attempts, then only the latest attempt's.
      const attempts = all.map((job) => job.run_attempt ?? 1);
      const latest =
        request.query.get('filter') !== 'all' && new Set(attempts).size > 1 ? Math.max(...attempts) : undefined;
      const attempt = jobsMatch[2] ? Number(jobsMatch[2]) : latest;
      const jobs = all
        .filter((job) => attempt === undefined || (job.run_attempt ?? 1) === attempt)
        .map((job) => toApiJob(job, runId, owner, repo));
      return paged(jobs, 'jobs');
    }
    return reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
  });
  return Object.assign(server, { prefix, apiUrl: () => `${server.url}${prefix}` });
}

function toApiRun(run: FakeRun, apiUrl: string, owner: string, repo: string, workflow: string) {
  const created = new Date(Date.UTC(2026, 0, 1) + run.run_number * 3_600_000).toISOString();
  return {
    id: run.id,
    name: 'CI',
    node_id: `WFR_${run.id}`,
    head_branch: run.head_branch,
    head_sha: run.id.toString(16).padStart(40, '0'),
    path: `.github/workflows/${workflow}`,
    display_title: `Commit ${run.run_number}`,
    run_number: run.run_number,
    event: run.event ?? 'push',
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: WORKFLOW_ID,
    check_suite_id: run.id + 1,
    url: `${apiUrl}/repos/${owner}/${repo}/actions/runs/${run.id}`,
    html_url: `https://github.com/${owner}/${repo}/actions/runs/${run.id}`,
    pull_requests: (run.pull_requests ?? []).map((number) => ({
      id: number * 1000,
      number,
      url: `${apiUrl}/repos/${owner}/${repo}/pulls/${number}`,
      head: { ref: run.head_branch, sha: run.id.toString(16).padStart(40, '0'), repo: { id: 1, name: repo } },
      base: { ref: 'main', sha: '0'.repeat(40), repo: { id: 1, name: repo } },
    })),
    head_repository: headRepository(run.head_repository ?? `${owner}/${repo}`),
    created_at: created,
    updated_at: created,
    run_attempt: run.run_attempt ?? 1,
    run_started_at: created,
    jobs_url: `${apiUrl}/repos/${owner}/${repo}/actions/runs/${run.id}/jobs`,
    workflow_url: `${apiUrl}/repos/${owner}/${repo}/actions/workflows/${WORKFLOW_ID}`,
  };
}

function headRepository(fullName: string) {
  const [login, name] = fullName.split('/');
  // A stable id per repository, as GitHub's numeric ids are.
  let id = 7;
  for (const char of fullName.toLowerCase()) id = (id * 31 + char.charCodeAt(0)) % 1_000_000_007;
  return { id, name, full_name: fullName, owner: { login } };
}

function toApiJob(job: FakeJob, runId: number, owner: string, repo: string) {
  const completed = job.status === 'completed';
  return {
    id: job.id,
    run_id: runId,
    run_url: `https://api.github.com/repos/${owner}/${repo}/actions/runs/${runId}`,
    run_attempt: job.run_attempt ?? 1,
    node_id: `CR_${job.id}`,
    head_sha: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
    url: `https://api.github.com/repos/${owner}/${repo}/actions/jobs/${job.id}`,
    html_url: `https://github.com/${owner}/${repo}/actions/runs/${runId}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.started_at,
    started_at: job.started_at,
    completed_at: completed ? new Date(Date.parse(job.started_at) + 60_000).toISOString() : null,
    name: job.name,
    steps: job.steps.map((step) => ({
      name: step.name,
      status: step.status ?? (step.conclusion ? 'completed' : 'in_progress'),
      conclusion: step.conclusion,
      number: step.number,
      started_at: job.started_at,
      completed_at: step.conclusion ? job.started_at : null,
    })),
    check_run_url: `https://api.github.com/repos/${owner}/${repo}/check-runs/${job.id}`,
    labels: ['ubuntu-latest'],
    runner_id: job.runner_name ? 1 : null,
    runner_name: job.runner_name ?? null,
    runner_group_id: job.runner_name ? 2 : null,
    runner_group_name: job.runner_name ? 'GitHub Actions' : null,
    workflow_name: 'CI',
    head_branch: 'main',
  };
}

/** Plays the log storage behind the signed link: plain text, with or without support for a suffix Range. */
function sendLog(
  response: import('node:http').ServerResponse,
  request: RecordedRequest,
  log: string | number | undefined,
  ranges: boolean,
) {
  if (log === undefined || typeof log === 'number') {
    response.writeHead(typeof log === 'number' ? log : 404, { 'content-type': 'application/xml' });
    return response.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code></Error>');
  }
  const body = Buffer.from(log, 'utf8');
  const suffix = /^bytes=-(\d+)$/.exec(request.headers.range ?? '');
  if (ranges && suffix && body.length > 0) {
    const start = Math.max(0, body.length - Number(suffix[1]));
    response.writeHead(206, {
      'content-type': 'text/plain',
      'content-range': `bytes ${String(start)}-${String(body.length - 1)}/${String(body.length)}`,
      'content-length': String(body.length - start),
    });
    return response.end(body.subarray(start));
  }
  response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(body.length) });
  response.end(body);
}
