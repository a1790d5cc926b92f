/**
 * The CI context outside the action: GitHub Actions reuses the action's own builder; other CIs are detected
 * with env-ci (repository, branch, tag, commit, build number and URL), then completed with the few facts
 * env-ci does not read (job status, commit message, author, web URLs) from each CI's documented variables.
 * Gitee Go is unknown to env-ci, so its documented GITEE_* variables are mapped here.
 */
import { readFile } from 'node:fs/promises';
import { compact } from '../model/config.js';
import envCi from 'env-ci';
import { githubContext } from './github.js';
import { normalizeStatus, type CiContext, type JobStatus } from '../model/context.js';
import { parseStatus } from '../model/status.js';
import { parseUntrustedJson } from '../model/json-cut.js';
import type { Environment } from '../model/context.js';

function str(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
function firstLine(text: string | undefined): string | undefined {
  return str(text?.split(/\r?\n/)[0]);
}
/**
 * `Jane Doe <jane@example.com>` (GitLab's CI_COMMIT_AUTHOR, git's own format) → the name, and the address apart.
 * A value without an address is the name as it is.
 */
export function splitAuthor(value: string | undefined): { name?: string; email?: string } {
  const text = str(value);
  if (!text) return {};
  const match = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(text);
  if (!match) return { name: text };
  return { name: str(match[1]) ?? match[2], email: match[2] };
}
function trimSlash(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, '');
}

/**
 * Status spellings of other CIs on top of normalizeStatus: Azure `SucceededWithIssues`, Jenkins `UNSTABLE`
 * (tests failed: an alert is wanted), Jenkins `NOT_BUILT`.
 */
export function cliStatus(value: string | undefined): JobStatus | undefined {
  const normalized = normalizeStatus(value);
  if (normalized) return normalized;
  switch (value?.trim().toLowerCase()) {
    case 'succeededwithissues':
      return 'success';
    case 'unstable':
      return 'failure';
    case 'not_built':
      return 'skipped';
    default:
      return undefined;
  }
}

/** Facts env-ci leaves out, per CI, from the variables each CI documents. */
interface Extras {
  status?: string;
  repositoryUrl?: string;
  serverUrl?: string;
  workflow?: string;
  job?: string;
  actor?: string;
  eventName?: string;
  commitMessage?: string;
  commitAuthor?: string;
  commitAuthorEmail?: string;
  commitUrlBase?: string;
  runUrl?: string;
  repository?: string;
}

function extrasFor(service: string | undefined, env: Environment): Extras {
  switch (service) {
    case 'gitlab': {
      const repositoryUrl = str(env.CI_PROJECT_URL);
      return {
        // CI_JOB_STATUS exists in after_script (success, failed, canceled).
        status: env.CI_JOB_STATUS,
        repositoryUrl,
        serverUrl: str(env.CI_SERVER_URL),
        workflow: str(env.CI_PIPELINE_NAME) ?? (env.CI_PIPELINE_ID ? `Pipeline #${env.CI_PIPELINE_ID}` : undefined),
        job: str(env.CI_JOB_NAME),
        actor: str(env.GITLAB_USER_LOGIN) ?? str(env.GITLAB_USER_NAME),
        eventName: str(env.CI_PIPELINE_SOURCE),
        commitMessage: str(env.CI_COMMIT_MESSAGE) ?? str(env.CI_COMMIT_TITLE),
        commitAuthor: str(env.CI_COMMIT_AUTHOR),
        commitUrlBase: repositoryUrl ? `${repositoryUrl}/-/commit/` : undefined,
        runUrl: str(env.CI_PIPELINE_URL),
      };
    }
    case 'jenkins':
      // Jenkins exposes no result variable; pass --status "${currentBuild.currentResult}" in a post block.
      return {
        workflow: str(env.JOB_NAME),
        job: str(env.STAGE_NAME),
        actor: str(env.BUILD_USER_ID) ?? str(env.CHANGE_AUTHOR),
        repositoryUrl: trimSlash(str(env.GIT_URL)?.replace(/\.git$/, '')),
        serverUrl: trimSlash(str(env.JENKINS_URL)),
      };
    case 'drone':
      return {
        status: env.DRONE_BUILD_STATUS,
        repositoryUrl: str(env.DRONE_REPO_LINK),
        workflow: str(env.DRONE_STAGE_NAME),
        job: str(env.DRONE_STEP_NAME),
        actor: str(env.DRONE_COMMIT_AUTHOR),
        eventName: str(env.DRONE_BUILD_EVENT),
        commitMessage: str(env.DRONE_COMMIT_MESSAGE),
        commitAuthor: str(env.DRONE_COMMIT_AUTHOR_NAME) ?? str(env.DRONE_COMMIT_AUTHOR),
        commitAuthorEmail: str(env.DRONE_COMMIT_AUTHOR_EMAIL),
        commitUrlBase: str(env.DRONE_REPO_LINK) ? `${trimSlash(env.DRONE_REPO_LINK)}/commit/` : undefined,
        repository: str(env.DRONE_REPO),
      };
    case 'woodpecker':
      return {
        status: env.CI_PIPELINE_STATUS,
        repositoryUrl: str(env.CI_REPO_URL),
        serverUrl: str(env.CI_SYSTEM_URL),
        workflow: str(env.CI_WORKFLOW_NAME),
        job: str(env.CI_STEP_NAME),
        actor: str(env.CI_PIPELINE_AUTHOR) ?? str(env.CI_COMMIT_AUTHOR),
        eventName: str(env.CI_PIPELINE_EVENT),
        commitMessage: str(env.CI_COMMIT_MESSAGE),
        commitAuthor: str(env.CI_COMMIT_AUTHOR),
        commitAuthorEmail: str(env.CI_COMMIT_AUTHOR_EMAIL),
        commitUrlBase: str(env.CI_REPO_URL) ? `${trimSlash(env.CI_REPO_URL)}/commit/` : undefined,
        repository: str(env.CI_REPO),
      };
    case 'circleci':
      // CircleCI has no status variable: run the step with `when: on_fail` and pass --status failure.
      return {
        repositoryUrl: trimSlash(str(env.CIRCLE_REPOSITORY_URL)?.replace(/\.git$/, ''))?.replace(
          /^git@([^:]+):/,
          'https://$1/',
        ),
        job: str(env.CIRCLE_JOB),
        actor: str(env.CIRCLE_USERNAME),
      };
    case 'azurePipelines': {
      const collection = trimSlash(str(env.SYSTEM_COLLECTIONURI));
      const project = str(env.SYSTEM_TEAMPROJECT);
      return {
        // AGENT_JOBSTATUS: Succeeded, SucceededWithIssues, Failed, Canceled, Skipped.
        status: env.AGENT_JOBSTATUS,
        repositoryUrl: str(env.BUILD_REPOSITORY_URI),
        serverUrl: collection,
        workflow: str(env.BUILD_DEFINITIONNAME),
        job: str(env.SYSTEM_JOBDISPLAYNAME) ?? str(env.AGENT_JOBNAME),
        actor: str(env.BUILD_REQUESTEDFOR),
        eventName: str(env.BUILD_REASON),
        commitMessage: str(env.BUILD_SOURCEVERSIONMESSAGE),
        commitAuthor: str(env.BUILD_SOURCEVERSIONAUTHOR),
        runUrl:
          collection && project && env.BUILD_BUILDID
            ? `${collection}/${encodeURIComponent(project)}/_build/results?buildId=${encodeURIComponent(env.BUILD_BUILDID)}`
            : undefined,
        repository: str(env.BUILD_REPOSITORY_NAME),
      };
    }
    default:
      return {};
  }
}

/**
 * Gitee Go's system parameters (help.gitee.com/gitee-go/pipeline/parameter): GITEE_PIPELINE_NAME,
 * GITEE_PIPELINE_DISPLAY_NAME, GITEE_PIPELINE_BUILD_NUMBER, GITEE_PIPELINE_TRIGGER_USER, GITEE_COMMIT_MESSAGE,
 * GITEE_BRANCH, GITEE_COMMIT, GITEE_SOURCE_BRANCH, GITEE_PULL_ID, GITEE_REPO. It documents no build URL and no
 * job status (pass --status). GITEE_REPO is the repository's name; a full path is used when given.
 */
export function isGiteeGo(env: Environment): boolean {
  return Boolean(env.GITEE_PIPELINE_NAME || env.GITEE_PIPELINE_BUILD_NUMBER);
}

function giteeContext(env: Environment, status: JobStatus): CiContext {
  const sha = str(env.GITEE_COMMIT);
  const pr = str(env.GITEE_PULL_ID);
  const message = str(env.GITEE_COMMIT_MESSAGE);
  const repository = str(env.GITEE_REPO);
  return compact({
    ci: 'gitee-go',
    serverUrl: 'https://gitee.com',
    repository,
    repositoryUrl: repository?.includes('/') ? `https://gitee.com/${repository}` : undefined,
    workflow: str(env.GITEE_PIPELINE_DISPLAY_NAME) ?? str(env.GITEE_PIPELINE_NAME),
    job: str(env.GITEE_STAGE_DISPLAY_NAME) ?? str(env.GITEE_STAGE_NAME),
    runNumber: str(env.GITEE_PIPELINE_BUILD_NUMBER),
    actor: str(env.GITEE_PIPELINE_TRIGGER_USER),
    eventName: pr ? 'pull_request' : 'push',
    refType: 'branch' as const,
    branch: pr ? (str(env.GITEE_SOURCE_BRANCH) ?? str(env.GITEE_BRANCH)) : str(env.GITEE_BRANCH),
    sha,
    shortSha: sha?.slice(0, 7),
    // For a PR, GITEE_COMMIT_MESSAGE is the PR title; for a push or tag it is the commit message.
    commit: sha
      ? compact({
          sha,
          shortSha: sha.slice(0, 7),
          message: pr ? undefined : firstLine(message),
          fullMessage: pr ? undefined : message,
        })
      : undefined,
    status,
  });
}

export interface DetectOptions {
  env: Environment;
  /** The --status flag, which wins over anything the CI exposes. */
  status?: string;
  /** Where env-ci may run git (only for CIs that do not expose the commit). */
  cwd?: string;
}

async function readPayload(path: string | undefined): Promise<Record<string, unknown>> {
  if (!path) return {};
  try {
    // Strings cut to what a field can keep while reading, as the action does (model/json-cut.ts).
    const parsed = parseUntrustedJson(await readFile(path));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The commit author's name and e-mail, apart, whichever way the CI gives them. */
function authorFields(extras: Extras): { author?: string; authorEmail?: string } {
  const { name, email } = splitAuthor(extras.commitAuthor);
  return compact({ author: name, authorEmail: str(extras.commitAuthorEmail) ?? email });
}

/** Detects the CI system and fills the neutral context. */
export async function detectCiContext({ env, status, cwd }: DetectOptions): Promise<CiContext> {
  if (env.GITHUB_ACTIONS === 'true') {
    return githubContext({ env, payload: await readPayload(env.GITHUB_EVENT_PATH), status, extraStatus: cliStatus });
  }
  // An explicit --status that is not a status is an error (a typo must not report `unknown` and miss an alert).
  const given = parseStatus('status', status, cliStatus);
  if (isGiteeGo(env)) return giteeContext(env, given ?? 'unknown');

  const detected = envCi({ env, cwd });
  const extras = extrasFor(detected.service, env);
  const jobStatus = given ?? cliStatus(extras.status) ?? 'unknown';
  const sha = str(detected.commit);
  const tag = str(detected.tag);
  // env-ci builds the slug from parts that may be missing ("undefined/undefined").
  const slug = detected.slug && !detected.slug.includes('undefined') ? detected.slug : undefined;
  const repository = slug ?? extras.repository;
  const rawBranch = detected.isPr ? (str(detected.prBranch) ?? str(detected.branch)) : str(detected.branch);
  // Jenkins' Git plugin names the remote-tracking branch (GIT_BRANCH=origin/main); people call it main.
  const branch = detected.service === 'jenkins' ? rawBranch?.replace(/^origin\//, '') : rawBranch;
  const commitMessage = extras.commitMessage;
  // GitLab: env-ci's `pr` is the instance-wide MR id; people know the project's MR number (IID, `!17`).
  const prNumber = Number(detected.service === 'gitlab' ? env.CI_MERGE_REQUEST_IID : detected.pr);
  const prTitle = detected.service === 'gitlab' ? str(env.CI_MERGE_REQUEST_TITLE) : undefined;
  const prUrl =
    detected.service === 'gitlab' && extras.repositoryUrl && env.CI_MERGE_REQUEST_IID
      ? `${extras.repositoryUrl}/-/merge_requests/${env.CI_MERGE_REQUEST_IID}`
      : undefined;
  return compact({
    ci: detected.service ?? (detected.isCi ? 'ci' : 'local'),
    serverUrl: extras.serverUrl,
    repository,
    repositoryUrl: extras.repositoryUrl,
    workflow: extras.workflow,
    job: extras.job,
    jobDisplayName: extras.job,
    runId: str(detected.build),
    runNumber: str(detected.build),
    runUrl: extras.runUrl ?? str(detected.buildUrl) ?? str(detected.jobUrl),
    eventName: extras.eventName,
    actor: extras.actor,
    refType: tag ? ('tag' as const) : branch ? ('branch' as const) : undefined,
    ref: tag ? `refs/tags/${tag}` : branch ? `refs/heads/${branch}` : undefined,
    branch: tag ? undefined : branch,
    tag,
    sha,
    shortSha: sha?.slice(0, 7),
    commit: sha
      ? compact({
          sha,
          shortSha: sha.slice(0, 7),
          message: firstLine(commitMessage),
          fullMessage: commitMessage,
          ...authorFields(extras),
          url: extras.commitUrlBase ? `${extras.commitUrlBase}${sha}` : undefined,
        })
      : undefined,
    pullRequest:
      Number.isInteger(prNumber) && prTitle && prUrl
        ? compact({
            number: prNumber,
            title: prTitle,
            url: prUrl,
            base: str(env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME),
            head: branch,
          })
        : undefined,
    status: jobStatus,
  });
}
