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
    const jobsMatch = new RegExp(`^${base}/runs/(\\d+)(?:/attempts/(\\d+))?/jobs$`).exec(path);
    if (jobsMatch) {
      const runId = Number(jobsMatch[1]);
      const all = options.jobs?.[runId];
      if (!all) return reply(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      const attempt = jobsMatch[2] ? Number(jobsMatch[2]) : undefined;
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
