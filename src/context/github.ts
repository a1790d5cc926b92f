import type { CiContext, JobStatus } from '../model/context.js';
import { compact } from '../model/config.js';
import { preCap } from '../model/caps.js';
import { parseStatus } from '../model/status.js';
import { eventOutcome, resolveStatus } from './event-outcome.js';
import type { Environment } from '../model/context.js';
import { activityOf } from './activity.js';
import { jsonNumber, jsonObject as obj, jsonText, type Json } from '../model/payload.js';

/** Text, or a number written as text (ids and numbers come as either). */
function str(value: unknown): string | undefined {
  const number = jsonNumber(value);
  return number === undefined ? jsonText(value) : String(number);
}
function login(value: unknown): string | undefined {
  return str(obj(value)?.login);
}
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
function firstLine(text: string | undefined): string | undefined {
  // Only the start of a long text is looked at: a 25 MB message is not split into all of its lines.
  const line = (text === undefined ? undefined : preCap(text))?.split(/\r?\n/)[0]?.trim();
  return line || undefined;
}
/** The commits of a push: the first five (short sha, first line, author, link) and how many there were. */
function pushCommits(payload: Json, repositoryUrl: string | undefined): Pick<CiContext, 'commits' | 'commitCount'> {
  if (!Array.isArray(payload.commits) || payload.commits.length === 0) return {};
  const commits = payload.commits.slice(0, 5).flatMap((item: unknown) => {
    const commit = obj(item);
    const sha = str(commit?.id);
    if (!commit || !sha) return [];
    return [
      compact({
        sha,
        shortSha: sha.slice(0, 7),
        message: firstLine(str(commit.message)),
        author: str(obj(commit.author)?.name) ?? str(obj(commit.author)?.username),
        url: str(commit.url) ?? (repositoryUrl ? `${repositoryUrl}/commit/${sha}` : undefined),
      }),
    ];
  });
  return { commits, commitCount: payload.commits.length };
}

export interface GithubContextInput {
  env: Environment;
  /** The parsed GITHUB_EVENT_PATH payload ({} when absent). */
  payload: Json;
  /** The `status` input (usually `${{ job.status }}`). A value that is not a status is a ConfigError. */
  status?: string;
  /** Spellings of other CIs accepted on top of the GitHub ones (the CLI's --status). */
  extraStatus?: (value: string) => JobStatus | undefined;
  /** Told when the event's own outcome replaced the `status` input (for the log). */
  onEventOutcome?: (message: string) => void;
  /** The `matrix` input (`${{ toJSON(matrix) }}`). */
  matrix?: Record<string, unknown>;
}

/** Where the run lives: the server (GitHub Enterprise Server too), the repository and this run's page. */
function whereOf(env: Environment, payload: Json) {
  const serverUrl = (
    str(env.GITHUB_SERVER_URL) ??
    originOf(str(obj(payload.repository)?.html_url)) ??
    'https://github.com'
  ).replace(/\/+$/, '');
  const repository = str(env.GITHUB_REPOSITORY) ?? str(obj(payload.repository)?.full_name);
  const repositoryUrl =
    str(obj(payload.repository)?.html_url) ?? (repository ? `${serverUrl}/${repository}` : undefined);
  const runId = str(env.GITHUB_RUN_ID);
  const runAttempt = str(env.GITHUB_RUN_ATTEMPT);
  const runUrl =
    repository && runId
      ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt && runAttempt !== '1' ? `/attempts/${runAttempt}` : ''}`
      : undefined;
  return { serverUrl, repository, repositoryUrl, runId, runAttempt, runUrl };
}

/** The ref: a branch (a pull request's head branch) or a tag. */
function refOf(env: Environment, payload: Json): Pick<CiContext, 'ref' | 'refType' | 'branch' | 'tag'> {
  const ref = str(env.GITHUB_REF) ?? str(payload.ref);
  const refType: CiContext['refType'] =
    env.GITHUB_REF_TYPE === 'tag' || ref?.startsWith('refs/tags/')
      ? 'tag'
      : ref || env.GITHUB_HEAD_REF
        ? 'branch'
        : undefined;
  const refName = str(env.GITHUB_REF_NAME) ?? ref?.replace(/^refs\/(heads|tags)\//, '');
  const branch =
    refType === 'tag' ? undefined : (str(env.GITHUB_HEAD_REF) ?? (ref?.startsWith('refs/pull/') ? undefined : refName));
  return { ref, refType, branch, tag: refType === 'tag' ? refName : undefined };
}

/**
 * The commit the message is about: a pull request's head, the commit a watched workflow_run built (not this run's
 * checkout), else this run's.
 */
function commitOf(env: Environment, payload: Json, eventName: string | undefined, repositoryUrl: string | undefined) {
  const workflowRun = eventName === 'workflow_run' ? obj(payload.workflow_run) : undefined;
  const headSha = str(obj(obj(payload.pull_request)?.head)?.sha) ?? str(workflowRun?.head_sha);
  const sha = headSha ?? str(env.GITHUB_SHA) ?? str(obj(payload.head_commit)?.id);
  const headCommit = obj(payload.head_commit) ?? obj(workflowRun?.head_commit);
  const fullMessage = str(headCommit?.message);
  const author = obj(headCommit?.author);
  const committer = obj(headCommit?.committer);
  const commit = sha
    ? compact({
        sha,
        shortSha: sha.slice(0, 7),
        message: firstLine(fullMessage) ?? firstLine(str(workflowRun?.display_title)),
        fullMessage,
        author: str(author?.name) ?? str(author?.username),
        authorLogin: str(author?.username),
        authorEmail: str(author?.email),
        committer: str(committer?.name),
        committerLogin: str(committer?.username),
        committerEmail: str(committer?.email),
        url: repositoryUrl ? `${repositoryUrl}/commit/${sha}` : undefined,
        timestamp: str(headCommit?.timestamp),
      })
    : undefined;
  return { sha, commit };
}

/** The status to report: the `status` input, or the outcome the event carries (event-outcome.ts has the rule). */
function statusOf(
  { status, extraStatus, onEventOutcome }: GithubContextInput,
  eventName: string | undefined,
  payload: Json,
): JobStatus {
  const given = parseStatus('status', status, extraStatus);
  const outcome = eventOutcome(eventName, payload);
  const resolved = resolveStatus(given, outcome);
  if (resolved.fromEvent && outcome && given !== undefined && given !== outcome.status)
    onEventOutcome?.(
      `Reporting '${outcome.status}' from ${outcome.source}: on a ${eventName} event the status input '${given}' is the notifier job's own status (set status to failure or cancelled to report the job instead).`,
    );
  return resolved.status;
}

/** The job, with its matrix values in its name: "test (ubuntu-latest, 24)". */
function jobOf(env: Environment, matrix: Record<string, unknown> | undefined) {
  const job = str(env.GITHUB_JOB);
  const values =
    matrix && Object.keys(matrix).length > 0
      ? Object.values(matrix).map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value)))
      : [];
  const jobDisplayName = job ? (values.length ? `${job} (${values.join(', ')})` : job) : undefined;
  return { job, jobDisplayName, matrix: values.length ? matrix : undefined };
}

function pullRequestOf(payload: Json, repositoryUrl: string | undefined): CiContext['pullRequest'] {
  const pr = obj(payload.pull_request);
  if (!pr) return undefined;
  return compact({
    number: Number(pr.number ?? payload.number),
    title: str(pr.title) ?? '',
    url: str(pr.html_url) ?? (repositoryUrl ? `${repositoryUrl}/pull/${String(pr.number)}` : ''),
    base: str(obj(pr.base)?.ref),
    head: str(obj(pr.head)?.ref),
    author: login(pr.user),
    draft: typeof pr.draft === 'boolean' ? pr.draft : undefined,
    action: str(payload.action),
  });
}

function releaseOf(payload: Json, tag: string | undefined): CiContext['release'] {
  const release = obj(payload.release);
  if (!release) return undefined;
  return compact({
    tag: str(release.tag_name) ?? tag ?? '',
    name: str(release.name),
    body: str(release.body),
    url: str(release.html_url),
    prerelease: typeof release.prerelease === 'boolean' ? release.prerelease : undefined,
    author: login(release.author),
  });
}

function workflowRunOf(payload: Json): CiContext['workflowRun'] {
  const run = obj(payload.workflow_run);
  if (!run) return undefined;
  return compact({
    name: str(run.name),
    conclusion: str(run.conclusion),
    url: str(run.html_url),
    headBranch: str(run.head_branch),
    headSha: str(run.head_sha),
    runNumber: jsonNumber(run.run_number),
    event: str(run.event),
  });
}

function deploymentOf(payload: Json): CiContext['deployment'] {
  const status = obj(payload.deployment_status);
  const deployment = obj(payload.deployment);
  if (!status && !deployment) return undefined;
  // environment_url is the deployed application; target_url (log_url's older name) is the log.
  const url = str(status?.environment_url);
  const logUrl = str(status?.log_url) ?? str(status?.target_url);
  return compact({
    environment: str(status?.environment) ?? str(deployment?.environment),
    state: str(status?.state),
    url,
    logUrl,
    targetUrl: url ?? logUrl,
    description: str(status?.description) ?? str(deployment?.description),
  });
}

function checkOf(payload: Json, eventName: string | undefined): CiContext['check'] {
  const check = obj(payload.check_run) ?? obj(payload.check_suite);
  if (!check || (eventName !== 'check_run' && eventName !== 'check_suite')) return undefined;
  return compact({
    name: str(check.name) ?? str(obj(check.app)?.name),
    status: str(check.status),
    conclusion: str(check.conclusion),
    url: str(check.html_url) ?? str(check.details_url),
    headBranch: str(check.head_branch) ?? str(obj(check.check_suite)?.head_branch),
    headSha: str(check.head_sha),
  });
}

/**
 * Builds the neutral CI context from the runner's variables and the event payload, without @actions/github,
 * so the core never depends on GitHub and start-up stays light. Works for GitHub Enterprise Server:
 * every URL comes from GITHUB_SERVER_URL or the payload, never a hard-coded github.com.
 */
export function githubContext(input: GithubContextInput): CiContext {
  const { env, payload } = input;
  const eventName = str(env.GITHUB_EVENT_NAME);
  const where = whereOf(env, payload);
  const ref = refOf(env, payload);
  const { sha, commit } = commitOf(env, payload, eventName, where.repositoryUrl);
  return compact<CiContext>({
    ci: 'github',
    ...where,
    workflow: str(env.GITHUB_WORKFLOW),
    ...jobOf(env, input.matrix),
    runNumber: str(env.GITHUB_RUN_NUMBER),
    eventName,
    actor: str(env.GITHUB_ACTOR) ?? login(payload.sender),
    ...ref,
    sha,
    shortSha: sha?.slice(0, 7),
    commit,
    compareUrl: str(payload.compare),
    ...pushCommits(payload, where.repositoryUrl),
    activity: activityOf(eventName, payload),
    pullRequest: pullRequestOf(payload, where.repositoryUrl),
    release: releaseOf(payload, ref.tag),
    workflowRun: workflowRunOf(payload),
    deployment: deploymentOf(payload),
    check: checkOf(payload, eventName),
    schedule: str(payload.schedule),
    inputs: obj(payload.inputs),
    status: statusOf(input, eventName, payload),
  });
}
