/**
 * Why it failed, on GitLab CI: the failed jobs of this pipeline and the end of their logs, read with a token that
 * has the `read_api` scope (CI_JOB_TOKEN cannot read the jobs API). Without one, or when GitLab refuses it, the
 * message goes without the details and a notice says which token would add them; the send never fails for it.
 */
import type { CiContext, DetailsMode, FailureDetails } from '../model/context.js';
import type { SecretRegistry } from '../model/secrets.js';
import type { Logger } from '../transport/types.js';
import { fetchForEnvironment } from '../transport/proxy.js';
import type { Environment } from './args.js';

/** The whole lookup, like the action's: the notification matters more than its decoration. */
const DETAILS_TIMEOUT_MS = 8_000;

function positiveInteger(value: string | undefined): number | undefined {
  const number = Number(value);
  return value && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** The API root: CI_API_V4_URL (self-managed instances included), else CI_SERVER_URL + /api/v4. */
export function gitlabApiUrl(env: Environment): string | undefined {
  const given = env.CI_API_V4_URL?.trim();
  if (given) return given;
  const server = env.CI_SERVER_URL?.trim();
  return server ? `${server.replace(/\/+$/, '')}/api/v4` : undefined;
}

export async function gitlabFailureDetails(
  context: CiContext,
  mode: DetailsMode,
  env: Environment,
  token: string | undefined,
  secrets: SecretRegistry,
  logger: Logger,
): Promise<FailureDetails | undefined> {
  if (mode === 'off' || context.status !== 'failure') return undefined;
  const apiUrl = gitlabApiUrl(env);
  const projectId = env.CI_PROJECT_ID?.trim() || env.CI_PROJECT_PATH?.trim();
  const pipelineId = positiveInteger(env.CI_PIPELINE_ID);
  if (!apiUrl || !projectId || !pipelineId) {
    logger.debug('Failure details skipped: CI_API_V4_URL, CI_PROJECT_ID or CI_PIPELINE_ID is not set.');
    return undefined;
  }
  const { fetchGitlabFailureDetails, GITLAB_TOKEN_HINT } = await import('../context/gitlab-failure.js');
  if (!token) {
    logger.info(`Failure details skipped: no GitLab token. ${GITLAB_TOKEN_HINT}`);
    return undefined;
  }
  const { details, notices } = await fetchGitlabFailureDetails({
    fetch: await fetchForEnvironment(env),
    apiUrl,
    token,
    projectId,
    pipelineId,
    ...(positiveInteger(env.CI_JOB_ID) ? { currentJobId: positiveInteger(env.CI_JOB_ID) } : {}),
    mode,
    budget: { timeoutMs: DETAILS_TIMEOUT_MS },
    redact: (text) => secrets.redact(text),
    debug: (message) => logger.debug(message),
  });
  for (const notice of notices) logger.info(notice);
  if (details)
    logger.debug(
      `failure details: ${JSON.stringify(details.jobs.map((job) => ({ name: job.name, logLines: job.log?.lines ?? 0 })))}`,
    );
  return details;
}

/**
 * GitLab has no run-history lookup (the action's fills `history.failedJobs` on GitHub): the failed jobs the
 * failure lookup read become the list of failed jobs the presets show, with their links.
 */
export function listFailedJobs(context: CiContext): void {
  if (!context.failure || context.history) return;
  context.history = {
    state: context.status,
    failedJobs: context.failure.jobs
      .filter((job) => !job.flaky)
      .map((job) => ({ name: job.name, url: job.url, conclusion: job.conclusion, steps: job.steps })),
  };
}
