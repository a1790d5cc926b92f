/**
 * A stand-in for the GitHub REST API as an organisation sweep sees it: the installation's and the organisation's
 * repositories, each repository's workflow runs and the history and jobs calls of the run-history lookup.
 *
 * Behaviour it plays, from GitHub's documentation (docs.github.com/en/rest): "Best practices for using the REST API"
 * (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate:
 * a 304 to a request "correctly authorized with an Authorization header" does not count against the primary limit),
 * "Rate limits for the REST API" (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api) and
 * "List workflow runs for a repository" (https://docs.github.com/en/rest/actions/workflow-runs#list-workflow-runs-for-a-repository,
 * also octokit/plugin-rest-endpoint-methods.js docs/actions/listWorkflowRunsForRepo.md: up to 1,000 results with `created`
 * or `status`):
 * - pagination with `per_page`/`page` and a `Link` header with rel="next" ("Using pagination in the REST API");
 * - `ETag` on every 200 and `304 Not Modified` for a matching `If-None-Match`, which does not count against the
 *   primary limit ("Best practices for using the REST API": conditional requests);
 * - `x-ratelimit-limit`/`-remaining`/`-reset`/`-used` on every reply, 403 with `x-ratelimit-remaining: 0` when the
 *   hour's calls are spent, and 403 with `retry-after` for a secondary limit ("Rate limits for the REST API");
 * - `GET /repos/{owner}/{repo}/actions/runs` filters `status` and `created` (`>=ISO`), newest first, `{total_count,
 *   workflow_runs}`; `GET /installation/repositories` is `{total_count, repositories}`, `GET /orgs/{org}/repos` an
 *   array ("REST API endpoints for workflow runs", "… for GitHub App installations", "… for repositories").
 */
import { createHash } from 'node:crypto';
import { FakeServer, sendJson } from '../helpers/fake-server.js';

const DOCS = 'https://docs.github.com/rest';

export interface OrgRun {
  repo: string;
  id: number;
  run_number: number;
  run_attempt?: number;
  name?: string;
  workflow?: string;
  workflow_id?: number;
  head_branch?: string;
  event?: string;
  status?: 'completed' | 'in_progress' | 'queued';
  conclusion: string | null;
  created_at: string;
  updated_at: string;
  run_started_at?: string;
  actor?: string;
  message?: string;
  author?: string;
}

export interface OrgJob {
  name: string;
  conclusion: string | null;
  run_attempt?: number;
  steps?: { name: string; number: number; conclusion: string | null }[];
  /** Error annotations of the job's check run (GET /repos/{o}/{r}/check-runs/{id}/annotations). */
  annotations?: { path: string; line: number; message: string }[];
}

export interface FakeOrgOptions {
  tokens: string[];
  repos: string[];
  runs: OrgRun[];
  jobs?: Record<number, OrgJob[]>;
  /** Path prefix: "/api/v3" for GitHub Enterprise Server. */
  prefix?: string;
  /** Tokens that are not installation tokens (personal access tokens). */
  personalTokens?: string[];
  /** The hour's limit (an App installation on a large organisation: up to 12,500). */
  limit?: number;
}

export interface FakeOrg extends FakeServer {
  apiUrl: () => string;
  /** Calls that counted against the limit, and those answered 304. */
  counted: number;
  notModified: number;
  remaining: number;
  /** Answer the next N requests with a secondary rate limit (403 + retry-after). */
  secondaryLimitFor: number;
  /** After this many more requests, drop every connection (the sweep dies halfway). */
  dieAfter?: number;
  runs: OrgRun[];
}

function etagOf(text: string): string {
  return `W/"${createHash('sha1').update(text).digest('hex')}"`;
}

function apiRun(run: OrgRun, serverUrl: string) {
  const [owner, name] = run.repo.split('/');
  const sha = createHash('sha1').update(`${run.repo}${run.id}`).digest('hex');
  return {
    id: run.id,
    name: run.name ?? 'CI',
    path: `.github/workflows/${run.workflow ?? 'ci.yml'}`,
    workflow_id: run.workflow_id ?? 1000,
    run_number: run.run_number,
    run_attempt: run.run_attempt ?? 1,
    event: run.event ?? 'push',
    status: run.status ?? 'completed',
    conclusion: run.conclusion,
    head_branch: run.head_branch ?? 'main',
    head_sha: sha,
    html_url: `${serverUrl}/${run.repo}/actions/runs/${run.id}`,
    created_at: run.created_at,
    updated_at: run.updated_at,
    run_started_at: run.run_started_at ?? run.created_at,
    actor: { login: run.actor ?? 'octocat' },
    triggering_actor: { login: run.actor ?? 'octocat' },
    head_commit: {
      id: sha,
      message: run.message ?? `Change ${run.run_number}`,
      timestamp: run.created_at,
      author: { name: run.author ?? 'Mona', email: 'mona@example.com' },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
    },
    repository: { full_name: run.repo, html_url: `${serverUrl}/${run.repo}`, owner: { login: owner }, name },
  };
}

export function fakeGithubOrg(options: FakeOrgOptions): FakeOrg {
  const prefix = options.prefix ?? '';
  const limit = options.limit ?? 12_500;
  const reset = Math.floor(Date.now() / 1000) + 3600;
  const server = new FakeServer((request, response) => {
    if (fake.dieAfter !== undefined && fake.dieAfter-- <= 0) {
      response.socket?.destroy();
      return;
    }
    const limits = () => ({
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(fake.remaining),
      'x-ratelimit-used': String(limit - fake.remaining),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-resource': 'core',
    });
    const fail = (status: number, message: string, headers: Record<string, string> = {}) =>
      sendJson(
        response,
        status,
        { message, documentation_url: DOCS, status: String(status) },
        { ...limits(), ...headers },
      );
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !options.tokens.includes(token)) return fail(401, 'Bad credentials');
    if (fake.secondaryLimitFor > 0) {
      fake.secondaryLimitFor--;
      return fail(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', {
        'retry-after': '1',
      });
    }
    if (fake.remaining <= 0)
      return fail(403, 'API rate limit exceeded for installation.', { 'x-ratelimit-remaining': '0' });
    if (!request.path.startsWith(prefix)) return fail(404, 'Not Found');
    const path = request.path.slice(prefix.length);
    const perPage = Math.min(Math.max(Number(request.query.get('per_page') ?? 30) || 30, 1), 100);
    const page = Math.max(Number(request.query.get('page') ?? 1) || 1, 1);
    const serverUrl = 'https://github.example';

    const ok = (body: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(body);
      const etag = etagOf(text + (headers.link ?? ''));
      if (request.headers['if-none-match'] === etag) {
        fake.notModified++;
        response.writeHead(304, { etag, ...limits() });
        return response.end();
      }
      fake.counted++;
      fake.remaining--;
      sendJson(response, 200, body, { etag, ...limits(), ...headers });
    };
    const paged = <T>(items: T[], wrap: (slice: T[]) => unknown) => {
      const slice = items.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(items.length / perPage));
      const link = (n: number, rel: string) => {
        const query = new URLSearchParams(request.query);
        query.set('page', String(n));
        return `<${server.url}${request.path}?${query.toString()}>; rel="${rel}"`;
      };
      const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
      ok(wrap(slice), links.length ? { link: links.join(', ') } : {});
    };

    if (path === '/installation/repositories') {
      // Only an installation token has an installation (GitHub answers 403 to a personal token).
      if (options.personalTokens?.includes(token)) return fail(403, 'This endpoint requires an installation token.');
      return paged(options.repos, (slice) => ({
        total_count: options.repos.length,
        repositories: slice.map((full_name) => ({ full_name, archived: false })),
      }));
    }
    const org = /^\/orgs\/([^/]+)\/repos$/.exec(path);
    if (org) {
      const repos = options.repos.filter((name) => name.split('/')[0] === org[1]);
      if (repos.length === 0) return fail(404, 'Not Found');
      return paged(repos, (slice) => slice.map((full_name) => ({ full_name, archived: false })));
    }
    // A job's check run has the job's id (the failure-details lookup reads its annotations). Fields as in "List check
    // run annotations" (https://docs.github.com/rest/checks/runs#list-check-run-annotations).
    const annotationsMatch = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)\/annotations$/.exec(path);
    if (annotationsMatch) {
      const id = Number(annotationsMatch[1]);
      const job = options.jobs?.[Math.floor(id / 100)]?.[id % 100];
      if (!job) return fail(404, 'Not Found');
      return paged(job.annotations ?? [], (slice) =>
        slice.map((item) => ({
          path: item.path,
          start_line: item.line,
          end_line: item.line,
          annotation_level: 'failure',
          title: null,
          message: item.message,
          blob_href: `${serverUrl}/blob/${item.path}`,
        })),
      );
    }
    const repoMatch = /^\/repos\/([^/]+\/[^/]+)\/actions\/(.*)$/.exec(path);
    if (!repoMatch || !options.repos.includes(repoMatch[1]!)) return fail(404, 'Not Found');
    const repo = repoMatch[1]!;
    const rest = repoMatch[2]!;
    const status = request.query.get('status');
    const ofRepo = fake.runs
      .filter((run) => run.repo === repo)
      // `status` takes a status or a conclusion.
      .filter((run) => !status || (run.status ?? 'completed') === status || run.conclusion === status);
    if (rest === 'runs') {
      const created = request.query.get('created');
      const since = created?.startsWith('>=') ? Date.parse(created.slice(2)) : undefined;
      const runs = ofRepo
        .filter((run) => since === undefined || Date.parse(run.created_at) >= since)
        .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
        .map((run) => apiRun(run, serverUrl));
      return paged(runs, (slice) => ({ total_count: runs.length, workflow_runs: slice }));
    }
    const byWorkflow = /^workflows\/([^/]+)\/runs$/.exec(rest);
    if (byWorkflow) {
      const id = decodeURIComponent(byWorkflow[1]!);
      const branch = request.query.get('branch');
      const runs = ofRepo
        .filter((run) => String(run.workflow_id ?? 1000) === id || (run.workflow ?? 'ci.yml') === id)
        .filter((run) => !branch || (run.head_branch ?? 'main') === branch)
        .sort((a, b) => b.run_number - a.run_number)
        .map((run) => apiRun(run, serverUrl));
      return paged(runs, (slice) => ({ total_count: runs.length, workflow_runs: slice }));
    }
    // `runs/{id}/jobs?filter=all` (every attempt, the failure-details lookup) or `runs/{id}/attempts/{n}/jobs`.
    // No job log is kept here: 404 ("Download job logs for a workflow run",
    // https://docs.github.com/rest/actions/workflow-jobs#download-job-logs-for-a-workflow-run), which counts against
    // the limit like any authenticated call (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api).
    if (/^jobs\/\d+\/logs$/.test(rest)) {
      fake.counted++;
      fake.remaining--;
      return fail(404, 'Not Found');
    }
    const jobsMatch = /^runs\/(\d+)(?:\/attempts\/(\d+))?\/jobs$/.exec(rest);
    if (jobsMatch) {
      const jobs = (options.jobs?.[Number(jobsMatch[1])] ?? [])
        .filter((job) => jobsMatch[2] === undefined || (job.run_attempt ?? 1) === Number(jobsMatch[2]))
        .map((job, index) => ({
          id: Number(jobsMatch[1]) * 100 + index,
          name: job.name,
          status: 'completed',
          conclusion: job.conclusion,
          html_url: `${serverUrl}/${repo}/actions/runs/${jobsMatch[1]}/job/${index}`,
          run_attempt: job.run_attempt ?? 1,
          check_run_url: `${serverUrl}/api/repos/${repo}/check-runs/${Number(jobsMatch[1]) * 100 + index}`,
          started_at: '2026-12-07T10:00:00Z',
          steps: (job.steps ?? []).map((step) => ({ ...step, status: 'completed' })),
        }));
      return paged(jobs, (slice) => ({ total_count: jobs.length, jobs: slice }));
    }
    return fail(404, 'Not Found');
  });
  const fake = Object.assign(server, {
    apiUrl: () => `${server.url}${prefix}`,
    counted: 0,
    notModified: 0,
    remaining: limit,
    secondaryLimitFor: 0,
    dieAfter: undefined as number | undefined,
    runs: [...options.runs],
  }) as FakeOrg;
  return fake;
}
