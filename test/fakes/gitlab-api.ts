import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';

/**
 * A job as GET /projects/:id/pipelines/:pipeline_id/jobs returns it (https://docs.gitlab.com/api/jobs/#list-pipeline-jobs:
 * id, name, stage, status, failure_reason, allow_failure, web_url, among others).
 */
export interface FakeGitlabJob {
  id: number;
  name: string;
  stage: string;
  status: 'created' | 'pending' | 'running' | 'failed' | 'success' | 'canceled' | 'skipped' | 'manual';
  failure_reason?: string;
  allow_failure?: boolean;
  web_url: string;
}

export interface FakeGitlabOptions {
  /** The project id (CI_PROJECT_ID) the fake serves. */
  projectId: string;
  /** Tokens accepted in `PRIVATE-TOKEN` or `Authorization: Bearer` (https://docs.gitlab.com/api/rest/authentication/). */
  tokens: readonly string[];
  /** Tokens that authenticate but lack access (a token without read_api, or CI_JOB_TOKEN): 403. */
  forbidden?: readonly string[];
  /** Jobs by pipeline id. */
  pipelines: Record<number, FakeGitlabJob[]>;
  /** Traces by job id; a job without one answers 404 "no log file". */
  traces: Record<number, string>;
  /** Answer a `Range: bytes=-N` request with 206 and the last N bytes (default true); false sends the whole log. */
  honourRange?: boolean;
  /** Send traces through a redirect to another origin (object storage), as `curl --location` in the docs allows. */
  redirectTo?: string;
  /** Jobs per page cap (GitLab's `per_page` maximum is 100); smaller here to exercise paging. */
  maxPerPage?: number;
}

/**
 * The part of the GitLab REST API v4 the failure lookup reads, with GitLab's error shapes:
 * `{"message":"401 Unauthorized"}`, `{"message":"403 Forbidden"}`, `{"message":"404 Project Not Found"}`,
 * `{"message":"404 Not found"}`. Pagination as documented (https://docs.gitlab.com/api/rest/#pagination):
 * `page`, `per_page`, and the `x-next-page` / `x-total-pages` headers.
 */
export function fakeGitlabApi(options: FakeGitlabOptions) {
  const server = new FakeServer((request, response) => {
    const token = tokenOf(request);
    if (!token || (!options.tokens.includes(token) && !options.forbidden?.includes(token)))
      return sendJson(response, 401, { message: '401 Unauthorized' });
    if (options.forbidden?.includes(token)) return sendJson(response, 403, { message: '403 Forbidden' });
    const prefix = `/api/v4/projects/${encodeURIComponent(options.projectId)}/`;
    if (!request.path.startsWith(prefix)) return sendJson(response, 404, { message: '404 Project Not Found' });
    const rest = request.path.slice(prefix.length);

    const jobsMatch = /^pipelines\/(\d+)\/jobs$/.exec(rest);
    if (jobsMatch) {
      const jobs = options.pipelines[Number(jobsMatch[1])];
      if (!jobs) return sendJson(response, 404, { message: '404 Not found' });
      // `scope[]=failed` (repeatable); GitLab lists newest first. A retry is a new job of the same name; the
      // earlier attempts ("retried" jobs) are listed only with `include_retried=true` (gitlab-org/gitlab!48589,
      // https://docs.gitlab.com/api/jobs/#list-pipeline-jobs).
      const scopes = request.query.getAll('scope[]');
      const withRetried = request.query.get('include_retried') === 'true';
      const retried = (job: FakeGitlabJob) => jobs.some((other) => other.name === job.name && other.id > job.id);
      const selected = jobs
        .filter((job) => scopes.length === 0 || scopes.includes(job.status))
        .filter((job) => withRetried || !retried(job))
        .sort((a, b) => b.id - a.id);
      const perPage = Math.min(Number(request.query.get('per_page') ?? 20), options.maxPerPage ?? 100);
      const page = Math.max(1, Number(request.query.get('page') ?? 1));
      const pages = Math.max(1, Math.ceil(selected.length / perPage));
      const headers: Record<string, string> = {
        'x-page': String(page),
        'x-per-page': String(perPage),
        'x-total': String(selected.length),
        'x-total-pages': String(pages),
        'x-next-page': page < pages ? String(page + 1) : '',
      };
      return sendJson(response, 200, selected.slice((page - 1) * perPage, page * perPage), headers);
    }

    const traceMatch = /^jobs\/(\d+)\/trace$/.exec(rest);
    if (traceMatch) {
      const trace = options.traces[Number(traceMatch[1])];
      if (trace === undefined) return sendJson(response, 404, { message: '404 Not found' });
      if (options.redirectTo) {
        response.writeHead(302, { location: `${options.redirectTo}/traces/${traceMatch[1]!}` });
        return response.end();
      }
      return sendTrace(request, response, trace, options.honourRange ?? true);
    }
    return sendJson(response, 404, { message: '404 Not found' });
  });
  return Object.assign(server, {
    apiUrl: () => `${server.url}/api/v4`,
    /** The requests that reached the API. */
    get apiRequests() {
      return server.requests;
    },
  });
}

/** Object storage behind a trace redirect: no GitLab token is needed, and none may arrive. */
export function fakeTraceStorage(traces: Record<number, string>) {
  return new FakeServer((request, response) => {
    const id = /^\/traces\/(\d+)$/.exec(request.path)?.[1];
    const trace = id === undefined ? undefined : traces[Number(id)];
    if (trace === undefined) {
      response.writeHead(404);
      return response.end();
    }
    return sendTrace(request, response, trace, true);
  });
}

function tokenOf(request: RecordedRequest): string | undefined {
  const header = request.headers['private-token'];
  if (typeof header === 'string' && header) return header;
  const auth = request.headers.authorization;
  return typeof auth === 'string' && /^Bearer /i.test(auth) ? auth.slice(7) : undefined;
}

function sendTrace(
  request: RecordedRequest,
  response: import('node:http').ServerResponse,
  trace: string,
  honourRange: boolean,
): void {
  const bytes = Buffer.from(trace, 'utf8');
  const suffix = /^bytes=-(\d+)$/.exec(String(request.headers.range ?? ''))?.[1];
  if (honourRange && suffix !== undefined && bytes.byteLength > 0) {
    const start = Math.max(0, bytes.byteLength - Number(suffix));
    response.writeHead(206, {
      'content-type': 'text/plain; charset=utf-8',
      'content-range': `bytes ${String(start)}-${String(bytes.byteLength - 1)}/${String(bytes.byteLength)}`,
    });
    return void response.end(bytes.subarray(start));
  }
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(bytes);
}
