import type { CiContext, RunHistory } from '../model/context.js';
import type { Logger } from '../transport/types.js';
import type { HistoryRequest, lookupHistory } from './history.js';
import type { Environment } from './types.js';

/** The whole lookup must finish quickly: the notification matters more than its decoration. */
export const DEFAULT_HISTORY_TIMEOUT_MS = 10_000;

export interface HistoryStepInput {
  token?: string;
  env: Environment;
  context: CiContext;
  logger: Logger;
  timeoutMs?: number;
  payload?: Record<string, unknown>;
  /** notify-on names fixed or still-failing: a missing token then changes what is sent, so it is a warning. */
  historyAware?: boolean;
  /** Replaces the Octokit client (tests). */
  api?: Parameters<typeof lookupHistory>[1];
}

/**
 * The history lookup as the action runs it: never throws. Without a token, or when the API fails, it warns
 * (why, and how to fix it) and returns undefined, so notify-on falls back to the plain job status and the
 * notification is still sent.
 */
export async function historyFor(input: HistoryStepInput): Promise<RunHistory | undefined> {
  const { token, env, context, logger } = input;
  const fallback = 'notifying on the job status alone (no fixed / still-failing state, no failed-job list)';
  if (!token) {
    const text = `Run history skipped: no github-token, so ${fallback}. Keep the input at its default \`\${{ github.token }}\` and give the job \`permissions: actions: read\`.`;
    // An empty token is a deliberate choice when notify-on does not use the states: say so once, quietly.
    if (input.historyAware === false) logger.info(text);
    else logger.warning(text);
    return undefined;
  }
  const request: HistoryRequest = { token, env, context, logger, timeoutMs: input.timeoutMs, payload: input.payload };
  // The lookup's code (and Octokit, which it loads in turn) is read only by a run that has a token to use.
  const { lookupHistory, explainFailure } = await import('./history.js');
  try {
    const history = await lookupHistory(request, input.api);
    logger.debug(
      `run history: ${JSON.stringify({ state: history.state, previous: history.previousConclusion, streak: history.failureStreak, failedJobs: history.failedJobs?.length })}`,
    );
    return history;
  } catch (error) {
    const reason = explainFailure(error);
    logger.warning(`Run history lookup failed: ${reason.message}; ${fallback}. To fix: ${reason.hint}.`);
    return undefined;
  }
}
