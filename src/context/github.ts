import type { CiContext, JobStatus } from '../model/context.js';
import { compact } from '../model/config.js';
import { parseStatus } from '../model/status.js';
import { eventOutcome, resolveStatus } from './event-outcome.js';
import type { Environment } from '../model/context.js';
import { activityOf } from './activity.js';

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}
function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
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
  const line = text?.split(/\r?\n/)[0]?.trim();
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

/**
 * Builds the neutral CI context from the runner's variables and the event payload, without @actions/github,
 * so the core never depends on GitHub and start-up stays light. Works for GitHub Enterprise Server:
 * every URL comes from GITHUB_SERVER_URL or the payload, never a hard-coded github.com.
 */
export function githubContext({
  env,
  payload,
  status,
  matrix,
  extraStatus,
  onEventOutcome,
}: GithubContextInput): CiContext {
  const serverUrl = (
    str(env.GITHUB_SERVER_URL) ??
    originOf(str(obj(payload.repository)?.html_url)) ??
    'https://github.com'
  ).replace(/\/+$/, '');
  const repository = str(env.GITHUB_REPOSITORY) ?? str(obj(payload.repository)?.full_name);
  const repositoryUrl =
    str(obj(payload.repository)?.html_url) ?? (repository ? `${serverUrl}/${repository}` : undefined);
  const eventName = str(env.GITHUB_EVENT_NAME);
  const runId = str(env.GITHUB_RUN_ID);
  const runAttempt = str(env.GITHUB_RUN_ATTEMPT);
  const runUrl =
    repository && runId
      ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt && runAttempt !== '1' ? `/attempts/${runAttempt}` : ''}`
      : undefined;

  const ref = str(env.GITHUB_REF) ?? str(payload.ref);
  const refType: CiContext['refType'] =
    env.GITHUB_REF_TYPE === 'tag' || ref?.startsWith('refs/tags/')
      ? 'tag'
      : ref || env.GITHUB_HEAD_REF
        ? 'branch'
        : undefined;
  const refName = str(env.GITHUB_REF_NAME) ?? ref?.replace(/^refs\/(heads|tags)\//, '');
  const pr = obj(payload.pull_request);
  const branch =
    refType === 'tag' ? undefined : (str(env.GITHUB_HEAD_REF) ?? (ref?.startsWith('refs/pull/') ? undefined : refName));
  const tag = refType === 'tag' ? refName : undefined;

  const workflowRunPayload = obj(payload.workflow_run);
  // For workflow_run the interesting commit is the one the watched run built, not this run's checkout.
  const isWorkflowRun = eventName === 'workflow_run' && workflowRunPayload !== undefined;
  const headSha = str(obj(pr?.head)?.sha) ?? (isWorkflowRun ? str(workflowRunPayload.head_sha) : undefined);
  const sha = headSha ?? str(env.GITHUB_SHA) ?? str(obj(payload.head_commit)?.id);
  const headCommit = obj(payload.head_commit) ?? (isWorkflowRun ? obj(workflowRunPayload.head_commit) : undefined);
  const fullMessage = str(headCommit?.message);

  const release = obj(payload.release);
  const deploymentStatus = obj(payload.deployment_status);
  const deployment = obj(payload.deployment);

  const given = parseStatus('status', status, extraStatus);
  const outcome = eventOutcome(eventName, payload);
  const resolved = resolveStatus(given, outcome);
  if (resolved.fromEvent && outcome && given !== undefined && given !== outcome.status)
    onEventOutcome?.(
      `Reporting '${outcome.status}' from ${outcome.source}: on a ${eventName} event the status input '${given}' is the notifier job's own status (set status to failure or cancelled to report the job instead).`,
    );
  const jobStatus: JobStatus = resolved.status;
  const check = obj(payload.check_run) ?? obj(payload.check_suite);
  const isCheck = (eventName === 'check_run' || eventName === 'check_suite') && check !== undefined;

  const job = str(env.GITHUB_JOB);
  const matrixValues =
    matrix && Object.keys(matrix).length > 0
      ? Object.values(matrix).map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value)))
      : [];
  const jobDisplayName = job ? (matrixValues.length ? `${job} (${matrixValues.join(', ')})` : job) : undefined;

  return compact<CiContext>({
    ci: 'github',
    serverUrl,
    repository,
    repositoryUrl,
    workflow: str(env.GITHUB_WORKFLOW),
    job,
    jobDisplayName,
    matrix: matrixValues.length ? matrix : undefined,
    runId,
    runNumber: str(env.GITHUB_RUN_NUMBER),
    runAttempt,
    runUrl,
    eventName,
    actor: str(env.GITHUB_ACTOR) ?? login(payload.sender),
    ref,
    refType,
    branch,
    tag,
    sha,
    shortSha: sha?.slice(0, 7),
    commit: sha
      ? compact({
          sha,
          shortSha: sha.slice(0, 7),
          message: firstLine(fullMessage) ?? firstLine(str(workflowRunPayload?.display_title)),
          fullMessage,
          author: str(obj(headCommit?.author)?.name) ?? str(obj(headCommit?.author)?.username),
          authorLogin: str(obj(headCommit?.author)?.username),
          authorEmail: str(obj(headCommit?.author)?.email),
          committer: str(obj(headCommit?.committer)?.name),
          committerLogin: str(obj(headCommit?.committer)?.username),
          committerEmail: str(obj(headCommit?.committer)?.email),
          url: repositoryUrl ? `${repositoryUrl}/commit/${sha}` : undefined,
          timestamp: str(headCommit?.timestamp),
        })
      : undefined,
    compareUrl: str(payload.compare),
    ...pushCommits(payload, repositoryUrl),
    activity: activityOf(eventName, payload),
    pullRequest: pr
      ? compact({
          number: Number(pr.number ?? payload.number),
          title: str(pr.title) ?? '',
          url: str(pr.html_url) ?? (repositoryUrl ? `${repositoryUrl}/pull/${String(pr.number)}` : ''),
          base: str(obj(pr.base)?.ref),
          head: str(obj(pr.head)?.ref),
          author: login(pr.user),
          draft: typeof pr.draft === 'boolean' ? pr.draft : undefined,
          action: str(payload.action),
        })
      : undefined,
    release: release
      ? compact({
          tag: str(release.tag_name) ?? tag ?? '',
          name: str(release.name),
          body: str(release.body),
          url: str(release.html_url),
          prerelease: typeof release.prerelease === 'boolean' ? release.prerelease : undefined,
          author: login(release.author),
        })
      : undefined,
    workflowRun: workflowRunPayload
      ? compact({
          name: str(workflowRunPayload.name),
          conclusion: str(workflowRunPayload.conclusion),
          url: str(workflowRunPayload.html_url),
          headBranch: str(workflowRunPayload.head_branch),
          headSha: str(workflowRunPayload.head_sha),
          runNumber: typeof workflowRunPayload.run_number === 'number' ? workflowRunPayload.run_number : undefined,
          event: str(workflowRunPayload.event),
        })
      : undefined,
    deployment:
      deploymentStatus || deployment
        ? compact({
            environment: str(deploymentStatus?.environment) ?? str(deployment?.environment),
            state: str(deploymentStatus?.state),
            // environment_url is the deployed application; target_url (log_url's older name) is the log.
            url: str(deploymentStatus?.environment_url),
            logUrl: str(deploymentStatus?.log_url) ?? str(deploymentStatus?.target_url),
            targetUrl:
              str(deploymentStatus?.environment_url) ??
              str(deploymentStatus?.log_url) ??
              str(deploymentStatus?.target_url),
            description: str(deploymentStatus?.description) ?? str(deployment?.description),
          })
        : undefined,
    check: isCheck
      ? compact({
          name: str(check.name) ?? str(obj(check.app)?.name),
          status: str(check.status),
          conclusion: str(check.conclusion),
          url: str(check.html_url) ?? str(check.details_url),
          headBranch: str(check.head_branch) ?? str(obj(check.check_suite)?.head_branch),
          headSha: str(check.head_sha),
        })
      : undefined,
    schedule: str(payload.schedule),
    inputs: obj(payload.inputs),
    status: jobStatus,
  });
}
