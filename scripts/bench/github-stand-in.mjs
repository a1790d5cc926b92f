// The GitHub REST API as the why-it-failed lookup (src/context/failure-details.ts) reads it, for the bench's
// failure run: one failed job with a failed step, its error annotation and its log behind a signed redirect. It
// counts every request, so the bench can show that a success run makes no lookup request, and a run without a
// token no request at all. Shapes, from GitHub's documentation:
// - GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs → `{ total_count, jobs: [...] }`, each job with `id`,
//   `run_attempt`, `status`, `conclusion`, `name`, `steps[{name, number, status, conclusion}]`, `html_url`,
//   `check_run_url`, `runner_name` (https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run);
// - GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations → an array of `{ path, start_line, end_line,
//   annotation_level, title, message, raw_details, blob_href }`
//   (https://docs.github.com/rest/checks/runs#list-check-run-annotations);
// - GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs → 302 to a plain-text file, "This link expires after
//   1 minute. Look for Location: in the response header"
//   (https://docs.github.com/rest/actions/workflow-jobs#download-job-logs-for-a-workflow-run);
// - and, for the run history that any run with a `github-token` reads (src/action/history.ts), GET
//   /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs → `{ total_count, workflow_runs: [...] }`
//   (https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow).
// Requests are counted apart: the history's, and the why-it-failed lookup's (annotations, logs, `filter=all` jobs).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const OWNER = 'octo-org';
const REPO = 'hello-world';
const JOB_ID = 4242;
/** The workflow file, as GITHUB_WORKFLOW_REF names it (`octo-org/hello-world/.github/workflows/ci.yml@…`). */
const WORKFLOW = 'ci.yml';

/**
 * Starts the stand-in. `runId` is the run the action reports (GITHUB_RUN_ID); `token` the one it must present;
 * `log` the path of a job log (a fixture in test/fixtures/github-logs/).
 */
export async function githubStandIn({ runId, token, log }) {
  const logText = readFileSync(log);
  const counts = { history: 0, details: 0 };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://stand-in');
    const details =
      /\/annotations$|\/logs(?:\/|$)/.test(url.pathname) ||
      (/\/jobs$/.test(url.pathname) && url.searchParams.get('filter') === 'all');
    counts[details ? 'details' : 'history']++;
    const json = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    // The signed storage link: no token (none is sent to the storage host).
    if (url.pathname === `/blob/logs/${JOB_ID}`) {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(logText.length) });
      return res.end(logText);
    }
    if (!/^(?:token|bearer) /i.test(req.headers.authorization ?? '') || !req.headers.authorization.endsWith(token))
      return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    const repoPath = `/repos/${OWNER}/${REPO}`;
    // The history reads one attempt's jobs (…/runs/{run_id}/attempts/{attempt_number}/jobs,
    // https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt), the lookup all of them.
    if (new RegExp(`^${repoPath}/actions/runs/${runId}(?:/attempts/1)?/jobs$`).test(url.pathname)) {
      const started = new Date(Date.now() - 120_000).toISOString();
      return json(200, {
        total_count: 2,
        jobs: [
          job(JOB_ID, 'build', 'completed', 'failure', started, [
            { name: 'Set up job', number: 1, status: 'completed', conclusion: 'success' },
            { name: 'Type check', number: 4, status: 'completed', conclusion: 'failure' },
          ]),
          // The job running the notifier: still in progress, its log not readable yet.
          job(JOB_ID + 1, 'notify', 'in_progress', null, started, [
            { name: 'Notify', number: 2, status: 'in_progress', conclusion: null },
          ]),
        ],
      });
    }
    if (url.pathname === `${repoPath}/actions/workflows/${WORKFLOW}/runs`)
      // The previous completed run on the branch: green, so a failure is `failed` and a success `success`.
      return json(200, {
        total_count: 1,
        workflow_runs: [
          {
            id: runId - 1,
            run_number: 41,
            run_attempt: 1,
            event: url.searchParams.get('event') ?? 'push',
            head_branch: url.searchParams.get('branch') ?? 'main',
            head_sha: 'f'.repeat(40),
            status: 'completed',
            conclusion: 'success',
            head_repository: { id: 1, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } },
            pull_requests: [],
            html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${runId - 1}`,
          },
        ],
      });
    if (url.pathname === `${repoPath}/check-runs/${JOB_ID}/annotations`)
      return json(200, [
        {
          path: 'src/render/template.ts',
          blob_href: `https://github.com/${OWNER}/${REPO}/blob/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c/src/render/template.ts`,
          start_line: 248,
          start_column: null,
          end_line: 248,
          end_column: null,
          annotation_level: 'failure',
          title: null,
          message: "Type 'string | undefined' is not assignable to type 'string'.",
          raw_details: null,
        },
      ]);
    if (url.pathname === `${repoPath}/actions/jobs/${JOB_ID}/logs`) {
      res.writeHead(302, { location: `${baseUrl()}/blob/logs/${JOB_ID}?sv=2021&sig=signed` });
      return res.end();
    }
    return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const baseUrl = () => `http://127.0.0.1:${server.address().port}`;
  return {
    url: baseUrl(),
    /** Requests received since the last call, by kind (and resets the counts). */
    take: () => {
      const taken = { ...counts };
      counts.history = 0;
      counts.details = 0;
      return taken;
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

function job(id, name, status, conclusion, started, steps) {
  return {
    id,
    run_attempt: 1,
    name,
    status,
    conclusion,
    started_at: started,
    html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/1/job/${id}`,
    check_run_url: `https://api.github.com/repos/${OWNER}/${REPO}/check-runs/${id}`,
    runner_name: `GitHub Actions ${id}`,
    steps,
  };
}
