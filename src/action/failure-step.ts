import type { CiContext, DetailsMode, FailureDetails } from '../model/context.js';
import type { Logger } from '../transport/types.js';
import type { ActionCore, Environment } from './types.js';
import type { SecretRegistry } from '../model/secrets.js';
import type { ActionInputs } from '../notify/inputs.js';

/** The failure details share the history lookup's bound: the notification matters more than its decoration. */
export const DEFAULT_DETAILS_TIMEOUT_MS = 8_000;

/** What the step needs of the action's run: the runner (for notices), the environment, the secrets, the log. */
export interface FailureStepTools {
  core: Pick<ActionCore, 'notice'>;
  env: Environment;
  secrets: Pick<SecretRegistry, 'redact'>;
  logger: Logger;
}

interface FailureStepInput {
  token?: string;
  env: Environment;
  context: CiContext;
  logger: Logger;
  notice: (message: string) => void;
  mode: DetailsMode;
  payload?: Record<string, unknown>;
  timeoutMs?: number;
  redact?: (text: string) => string;
  fetch?: typeof globalThis.fetch;
}

function positiveInteger(value: unknown): number | undefined {
  const number = Number(value);
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** The run the message is about: the watched one on `workflow_run`, else this run (whose own job is running). */
function targetOf({ context, payload, env }: FailureStepInput) {
  const watched = context.eventName === 'workflow_run' ? payload?.workflow_run : undefined;
  if (watched && typeof watched === 'object') {
    const run = watched as Record<string, unknown>;
    const repository = (run.repository as { full_name?: unknown } | undefined)?.full_name;
    const runId = positiveInteger(run.id);
    if (runId)
      return {
        repository: typeof repository === 'string' ? repository : context.repository,
        runId,
        attempt: positiveInteger(run.run_attempt),
        currentRunner: undefined,
      };
  }
  const runId = positiveInteger(context.runId);
  if (!runId) return undefined;
  return {
    repository: context.repository,
    runId,
    attempt: positiveInteger(context.runAttempt),
    currentRunner: env.RUNNER_NAME || undefined,
  };
}

/**
 * Why the run failed, as the action reads it: only on a failure, only with a token, and never throwing. The
 * lookup's code is imported here, so a successful run never loads it (it is its own chunk in dist/).
 */
export async function failureDetailsFor(
  { core, env, secrets, logger }: FailureStepTools,
  inputs: Pick<ActionInputs, 'githubToken' | 'details' | 'config'>,
  context: CiContext,
  payload?: Record<string, unknown>,
  fetch?: typeof globalThis.fetch,
): Promise<FailureDetails | undefined> {
  return lookup({
    token: inputs.githubToken,
    env,
    context,
    logger,
    notice: (message) => (core.notice ? core.notice(secrets.redact(message)) : logger.info(secrets.redact(message))),
    mode: inputs.details,
    payload,
    timeoutMs: Math.min(inputs.config.timeoutMs, DEFAULT_DETAILS_TIMEOUT_MS),
    redact: (text) => secrets.redact(text),
    fetch,
  });
}

async function lookup(input: FailureStepInput): Promise<FailureDetails | undefined> {
  const { token, env, context, logger, mode } = input;
  if (mode === 'off' || context.status !== 'failure') return undefined;
  if (!token) {
    logger.debug('Failure details skipped: no github-token.');
    return undefined;
  }
  const target = targetOf(input);
  const [owner, repo] = (target?.repository ?? '').split('/');
  if (!target || !owner || !repo) {
    logger.debug('Failure details skipped: no repository or run id to read.');
    return undefined;
  }
  try {
    const [{ fetchFailureDetails }, { fetchForGithub }] = await Promise.all([
      import('../context/failure-details.js'),
      import('../transport/proxy.js'),
    ]);
    const { details, notices } = await fetchFailureDetails({
      fetch: input.fetch ?? (await fetchForGithub(env)),
      apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
      ...(context.serverUrl ? { serverUrl: context.serverUrl } : {}),
      token,
      owner,
      repo,
      runId: target.runId,
      ...(target.attempt ? { attempt: target.attempt } : {}),
      ...(target.currentRunner ? { currentRunner: target.currentRunner } : {}),
      mode,
      budget: { timeoutMs: input.timeoutMs ?? DEFAULT_DETAILS_TIMEOUT_MS },
      ...(input.redact ? { redact: input.redact } : {}),
      debug: (message) => logger.debug(message),
    });
    for (const notice of notices) input.notice(notice);
    if (details)
      logger.debug(
        `failure details: ${JSON.stringify(details.jobs.map((job) => ({ name: job.name, flaky: job.flaky, annotations: job.annotations.length, logLines: job.log?.lines ?? 0 })))}`,
      );
    return details;
  } catch (error) {
    // fetchFailureDetails does not throw; this is a bug or a module that failed to load: the message still goes.
    logger.warning(`Failure details left out: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
