import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { ConfigError, describeError, toError } from '../core/errors.js';
import { configsFromUrls, notifyMany } from '../core/fan-out.js';
import { shouldNotify, type NotifyOutcome } from '../core/notify.js';
import { SecretRegistry } from '../core/secrets.js';
import { fetchForRequests } from '../transport/proxy.js';
import type { Logger } from '../transport/types.js';
import { githubContext } from './github-context.js';
import { historyFor } from './history-step.js';
import { DEFAULT_HISTORY_TIMEOUT_MS } from './history.js';
import { loadJunit } from '../core/junit.js';
import { applyNeeds } from '../core/needs.js';
import { readInputs } from './inputs.js';
import { secretsUnavailable } from './secret-access.js';
import { describeRequest, setOutputs, summaryMarkdown } from './report.js';
import type { ActionCore, Environment } from './types.js';

async function readEventPayload(env: Environment, logger: Logger): Promise<Record<string, unknown>> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch (error) {
    logger.warning(
      `Could not read the event payload at GITHUB_EVENT_PATH (${(error as Error).message}); continuing without it.`,
    );
    return {};
  }
}

/** `file:` templates resolve inside the workspace; a path that climbs out of it is refused. */
function workspaceReader(env: Environment): (path: string) => Promise<string> {
  const root = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  return async (path: string) => {
    const full = resolve(root, path);
    const inside = relative(root, full);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw new ConfigError('template', `'${path}' is outside the workspace`, 'a path inside the repository checkout');
    }
    return readFile(full, 'utf8');
  };
}

function failedOutcome(): NotifyOutcome {
  return { status: 'failure', results: [] };
}

/** The action: inputs → config → notify → outputs and summary. `core` and the environment are handed in. */
export async function run(core: ActionCore, env: Environment = process.env): Promise<void> {
  const secrets = new SecretRegistry((value) => core.setSecret(value));
  const logger: Logger = {
    debug: (message) => core.debug(secrets.redact(message)),
    info: (message) => core.info(secrets.redact(message)),
    warning: (message) => core.warning(secrets.redact(message)),
  };
  let outcome: NotifyOutcome = failedOutcome();
  let provider = '';
  let summaryWanted = true;
  try {
    const inputs = await readInputs(core);
    const { config } = inputs;
    // `urls`: one destination per line, each the URL overlaid on the other inputs.
    const configs = inputs.urls.length > 0 ? await configsFromUrls(config, inputs.urls) : [config];
    provider = [...new Set(configs.map((item) => item.provider))].join(', ');
    summaryWanted = config.summary;
    secrets.add(config.token);
    secrets.add(config.secret);
    secrets.add(inputs.githubToken);

    const payload = await readEventPayload(env, logger);
    const context = githubContext({ env, payload, status: inputs.status, matrix: inputs.matrix });
    applyNeeds(context, inputs.needs);
    // The raw payload for templates (`{{ event.issue.title }}`); escaped on output like every other value.
    context.event = payload;
    logger.debug(
      `context: ${JSON.stringify({ event: context.eventName, status: context.status, repository: context.repository, ref: context.ref })}`,
    );

    // A fork's pull request or a Dependabot run cannot read secrets: empty credentials there are expected, and the
    // step ends skipped and green instead of failing every outside contribution. Elsewhere they stay an error.
    const credentialsEmpty = inputs.urls.length === 0 && !config.token && !config.secret;
    const noSecrets = credentialsEmpty ? secretsUnavailable(env, payload) : undefined;
    if (noSecrets) {
      outcome = { status: 'skipped', results: [], reason: `the credentials are empty because ${noSecrets}` };
      const text = `ci-notifier sent nothing: token is empty because ${noSecrets}. The step stays green (status skipped).`;
      if (core.notice) core.notice(text);
      else core.info(text);
      return;
    }

    context.tests = await loadJunit(inputs.junit, {
      root: env.GITHUB_WORKSPACE ?? process.cwd(),
      warning: (message) => logger.warning(message),
    });

    // Only when notify-on could send: a history-aware list always needs the lookup; a plain list that already
    // rules this run out does not, so a skipped run stays fast and makes no API call.
    const historyMatters = configs.some((item) =>
      item.notifyOn.some((state) => ['fixed', 'still-failing'].includes(state.toLowerCase())),
    );
    if (historyMatters || configs.some((item) => shouldNotify(item.notifyOn, context))) {
      context.history = await historyFor({
        token: inputs.githubToken,
        env,
        context,
        logger,
        payload,
        historyAware: historyMatters,
        timeoutMs: Math.min(config.timeoutMs, DEFAULT_HISTORY_TIMEOUT_MS),
      });
    }

    outcome = await notifyMany(configs, context, {
      secrets,
      logger,
      readFile: workspaceReader(env),
      fetch: await fetchForRequests(env),
    });

    for (const result of outcome.results) {
      if (result.delivery === 'pending')
        logger.warning(`${result.target}: delivery not confirmed: ${result.deliveryMessage}`);
      if (result.delivery === 'unsupported' && result.ok)
        logger.warning(`${result.target}: delivery cannot be followed up: ${result.deliveryMessage}`);
    }
    switch (outcome.status) {
      case 'skipped':
        logger.info(`Skipped: ${outcome.reason}.`);
        break;
      case 'dry-run':
        logger.info(`Dry run: ${outcome.dryRun?.length ?? 0} request(s) would be sent; nothing was sent.`);
        for (const request of outcome.dryRun ?? []) logger.info(`\n${describeRequest(request)}\n`);
        break;
      case 'success':
        logger.info(`Sent ${outcome.results.length} message(s) through ${provider}.`);
        break;
      case 'failure': {
        const failures = outcome.results.filter((result) => !result.ok || result.delivery === 'failed');
        const detail = failures
          .map(
            (result) =>
              `${result.target}: ${result.ok ? `accepted, then not delivered: ${result.deliveryMessage ?? 'no reason given'}` : result.message}`,
          )
          .join('; ');
        const text = `${failures.length} of ${outcome.results.length} deliveries through ${provider} failed: ${detail}`;
        if (config.failOnError) core.setFailed(secrets.redact(text));
        else logger.warning(`${text} (fail-on-error is false, so the step stays green)`);
        break;
      }
    }
  } catch (thrown) {
    const error = toError(thrown);
    outcome = failedOutcome();
    core.setFailed(secrets.redact(describeError(error)));
  } finally {
    setOutputs(core, outcome, secrets);
    if (summaryWanted && env.GITHUB_STEP_SUMMARY) {
      try {
        core.summary.addRaw(summaryMarkdown(outcome, provider, secrets));
        await core.summary.write();
      } catch (error) {
        logger.warning(`Could not write the job summary: ${(error as Error).message}`);
      }
    }
  }
}
