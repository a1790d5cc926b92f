/**
 * One send from CLI arguments: the action's own `readInputs` validates them, the core's `notify` sends.
 * Shared by a plain `ci-notifier …` run and `ci-notifier preview`.
 */
import { resolve } from 'node:path';
import { readInputs } from '../notify/inputs.js';
import type { NotifyConfig } from '../model/config.js';
import { configsFromUrls, notifyMany } from '../notify/fan-out.js';
import type { NotifyOutcome } from '../notify/notify.js';
import type { SecretRegistry } from '../model/secrets.js';
import { applyNeeds } from '../model/needs.js';
import { readJunit } from '../notify/junit-reports.js';
import { readWorkspaceTemplate } from '../render/template-file.js';
import { fetchForGithub, fetchForRequests } from '../transport/proxy.js';
import type { CiContext, DetailsMode, FailureDetails } from '../model/context.js';
import type { Logger } from '../transport/types.js';
import type { CliArgs, Environment } from './args.js';
import { detectCiContext } from '../context/other-ci.js';
import { gitlabFailureDetails, listFailedJobs } from './gitlab-details.js';

/**
 * Run by hand, outside any CI, the message lacks what a CI says (the run's link, the job's result, often the
 * repository and commit): say so instead of sending a thinner message silently.
 */
export function missingOutsideCi(context: CiContext): string | undefined {
  if (context.ci !== 'local') return undefined;
  const lacks = [
    context.runUrl ? undefined : 'no link to a run',
    context.status === 'unknown' ? 'no result (pass --status success|failure|cancelled)' : undefined,
    context.repository ? undefined : 'no repository',
    context.commit ? undefined : 'no commit',
  ].filter(Boolean);
  return (
    'No CI detected (none of the variables of GitHub Actions, GitLab CI, Jenkins and the other CIs in ' +
    `ci-notifier --help is set)${lacks.length > 0 ? `: the message will have ${lacks.join(', ')}` : ''}.`
  );
}

/** What a send made of the arguments: the outcome and what the report needs. */
export interface CliSend {
  outcome: NotifyOutcome;
  /** The providers involved, comma-separated, for messages. */
  provider: string;
  config: NotifyConfig;
  configs: NotifyConfig[];
}

/**
 * Why it failed, on GitHub Actions (the runner's GITHUB_TOKEN, given to the step as `env: GITHUB_TOKEN: …`, with
 * `permissions: actions: read, checks: read`) and on GitLab CI (a `read_api` token: gitlab-details.ts). Elsewhere
 * the message goes without details, with a notice when --details was asked for. Loaded only on a failure.
 */
async function failureDetails(
  context: CiContext,
  mode: DetailsMode,
  args: CliArgs,
  env: Environment,
  secrets: SecretRegistry,
  logger: Logger,
): Promise<FailureDetails | undefined> {
  if (context.ci === 'gitlab') return gitlabFailureDetails(context, mode, env, gitlabToken(args, env), secrets, logger);
  if (context.ci !== 'github' && mode !== 'off' && context.status === 'failure' && args.values.has('details'))
    logger.info(
      `Failure details: --details reads why a run failed on GitHub Actions and GitLab CI; on ${context.ci} the message goes without them.`,
    );
  const token = env.GITHUB_TOKEN;
  const [owner, repo] = (context.repository ?? '').split('/');
  const runId = Number(context.runId);
  if (mode === 'off' || context.status !== 'failure' || context.ci !== 'github' || !owner || !repo || !runId) return;
  if (!token) {
    logger.info('Failure details skipped: set GITHUB_TOKEN in the step environment to read why the run failed.');
    return;
  }
  secrets.add(token);
  const { fetchFailureDetails } = await import('../context/failure-details.js');
  const { details, notices } = await fetchFailureDetails({
    fetch: await fetchForGithub(env),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    ...(context.serverUrl ? { serverUrl: context.serverUrl } : {}),
    token,
    owner,
    repo,
    runId,
    ...(Number(context.runAttempt) > 0 ? { attempt: Number(context.runAttempt) } : {}),
    ...(env.RUNNER_NAME ? { currentRunner: env.RUNNER_NAME } : {}),
    mode,
    redact: (text) => secrets.redact(text),
    debug: (message) => logger.debug(message),
  });
  for (const notice of notices) logger.info(notice);
  return details;
}

/** The GitLab token: --gitlab-token (or CI_NOTIFIER_GITLAB_TOKEN), else GITLAB_TOKEN. */
function gitlabToken(args: CliArgs, env: Environment): string | undefined {
  return args.values.get('gitlab-token')?.trim() || env.GITLAB_TOKEN?.trim() || undefined;
}

/** Arguments → the action's inputs → config(s) → CI context → notify. Shared by a send and `preview`. */
export async function sendFromArgs(
  args: CliArgs,
  env: Environment,
  secrets: SecretRegistry,
  logger: Logger,
  cwd: string,
  /** Why it failed, given instead of read from the CI's API (`preview --failure-details FILE`). */
  givenFailure?: FailureDetails,
): Promise<CliSend> {
  const getInput = (name: string): string => {
    if (name === 'urls') return args.urls.join('\n');
    return args.values.get(name) ?? '';
  };
  // Masked before anything else is read, like the action's credentials.
  secrets.add(gitlabToken(args, env));
  const inputs = await readInputs({ getInput, setSecret: (value) => secrets.add(value) });
  const { config } = inputs;
  config.summary = false;
  const configs = inputs.urls.length > 0 ? await configsFromUrls(config, inputs.urls) : [config];
  const provider = [...new Set(configs.map((item) => item.provider))].join(', ');

  const context = await detectCiContext({ env, status: args.values.get('status'), cwd });
  const missing = missingOutsideCi(context);
  if (missing) logger.warning(missing);
  applyNeeds(context, inputs.needs);
  context.tests = await readJunit(inputs.junit, { root: cwd, warning: (message) => logger.warning(message) });
  context.failure =
    givenFailure && context.status === 'failure' && inputs.details !== 'off'
      ? givenFailure
      : await failureDetails(context, inputs.details, args, env, secrets, logger);
  if (context.ci === 'gitlab' || givenFailure) listFailedJobs(context);
  logger.debug(
    `context: ${JSON.stringify({ ci: context.ci, status: context.status, repository: context.repository, branch: context.branch })}`,
  );
  const outcome = await notifyMany(configs, context, {
    secrets,
    logger,
    // The checkout is the workspace: no symbolic link out of it, no special file, a bounded read.
    readFile: (path) => readWorkspaceTemplate(resolve(cwd), path),
    fetch: await fetchForRequests(env),
    workspace: resolve(cwd),
    pgyerApiKey: env.PGYER_API_KEY || undefined,
  });
  return { outcome, provider, config, configs };
}
