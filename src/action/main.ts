// node:fs, not node:fs/promises: loading Node's promise-based fs also loads its readline interface, REPL history
// and fs watchers (about 2 ms of every run on a 2-core runner, docs/performance.md), for one read at start-up.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, describeError, toError } from '../model/errors.js';
import { parseUntrustedJson } from '../model/json-cut.js';
import { configsFromUrls, notifyMany } from '../notify/fan-out.js';
import { shouldNotify, type NotifyOutcome } from '../notify/notify.js';
import { SecretRegistry } from '../model/secrets.js';
import { fetchForRequests } from '../transport/proxy.js';
import type { Logger } from '../transport/types.js';
import { githubContext } from '../context/github.js';
import { DEFAULT_HISTORY_TIMEOUT_MS, historyFor } from './history-step.js';
import { readInputs } from '../notify/inputs.js';
import { setOutputs, summaryMarkdown } from './report.js';
import { reportOutcome } from '../notify/report.js';
import { unknownInputWarnings } from './unknown-inputs.js';
import { applyNeeds } from '../model/needs.js';
import { readJunit } from '../notify/junit-reports.js';
import { secretsUnavailable } from './secret-access.js';
import { CREDENTIAL_INPUT_NAMES, emptySecretHint } from './empty-secret.js';
import type { ActionCore, Environment } from './types.js';
import type { ActionInputs } from '../notify/inputs.js';
import type { NotifyConfig } from '../model/config.js';
import type { CiContext } from '../model/context.js';

async function readEventPayload(env: Environment, logger: Logger): Promise<Record<string, unknown>> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    // Read as bytes and parsed with every string cut to what a field can keep: a 25 MB commit message or release
    // body never becomes a JavaScript string (model/json-cut.ts).
    const parsed = parseUntrustedJson(readFileSync(path));
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

/** `file:` templates resolve inside the workspace, by real path (symbolic links included). */
function workspaceReader(env: Environment): (path: string) => Promise<string> {
  const root = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  // The reader's checks are loaded only by a run that names a file.
  return async (path: string) => (await import('../render/template-file.js')).readWorkspaceTemplate(root, path);
}

function failedOutcome(): NotifyOutcome {
  return { status: 'failure', results: [] };
}

/** What every step of a run shares: the runner, its environment, the secrets seen so far and the log. */
interface RunTools {
  core: ActionCore;
  env: Environment;
  secrets: SecretRegistry;
  logger: Logger;
}

/** A run read from its inputs and its event: what to send, where, and about what. */
interface PreparedRun {
  inputs: ActionInputs;
  configs: NotifyConfig[];
  /** The providers involved, for messages ("pushplus, dingtalk"). */
  provider: string;
  payload: Record<string, unknown>;
  context: CiContext;
}

/** Step 1: inputs → configs (one per `urls` entry, else one), and the event → the CI context. */
async function prepare({ core, env, secrets, logger }: RunTools): Promise<PreparedRun> {
  // First, so a misspelt input is named even when the run then fails for want of it.
  for (const warning of unknownInputWarnings(env)) logger.warning(warning);
  // Credentials go through the registry (which hands each to the runner's masker): a URL's token and secret
  // are then masked on their own, even in the error about a URL that does not parse.
  const inputs = await readInputs({
    getInput: (name, options) => core.getInput(name, options),
    setSecret: (value) => secrets.add(value),
  });
  const { config } = inputs;
  // `urls`: one destination per line, each the URL overlaid on the other inputs.
  const configs = inputs.urls.length > 0 ? await configsFromUrls(config, inputs.urls) : [config];
  secrets.add(config.token);
  secrets.add(config.secret);
  secrets.add(config.appSecret);
  secrets.add(inputs.githubToken);

  const payload = await readEventPayload(env, logger);
  const context = githubContext({
    env,
    payload,
    status: inputs.status,
    matrix: inputs.matrix,
    onEventOutcome: (message) => logger.info(message),
  });
  applyNeeds(context, inputs.needs);
  // The raw payload for templates (`{{ event.issue.title }}`); escaped on output like every other value.
  context.event = payload;
  logger.debug(
    `context: ${JSON.stringify({ event: context.eventName, status: context.status, repository: context.repository, ref: context.ref })}`,
  );
  const provider = [...new Set(configs.map((item) => item.provider))].join(', ');
  return { inputs, configs, provider, payload, context };
}

/**
 * Step 2: a fork's pull request or a Dependabot run cannot read secrets: empty credentials there are expected, and
 * the step ends skipped and green instead of failing every outside contribution. Elsewhere they stay an error.
 */
function skippedForMissingSecrets({ core, env }: RunTools, run: PreparedRun): NotifyOutcome | undefined {
  const { inputs } = run;
  const credentialsEmpty = inputs.urls.length === 0 && !inputs.config.token && !inputs.config.secret;
  const noSecrets = credentialsEmpty ? secretsUnavailable(env, run.payload) : undefined;
  if (!noSecrets) return undefined;
  const text = `ci-notifier sent nothing: token is empty because ${noSecrets}. The step stays green (status skipped).`;
  if (core.notice) core.notice(text);
  else core.info(text);
  return { status: 'skipped', results: [], reason: `the credentials are empty because ${noSecrets}` };
}

/** Step 3: what the event does not say: test reports and, when notify-on could send, the workflow's history. */
async function addFacts(tools: RunTools, run: PreparedRun): Promise<void> {
  const { env, logger } = tools;
  const { inputs, configs, context } = run;
  context.tests = await readJunit(inputs.junit, {
    root: env.GITHUB_WORKSPACE ?? process.cwd(),
    warning: (message) => logger.warning(message),
  });
  // A history-aware list always needs the lookup; a plain list that already rules this run out does not, so a
  // skipped run stays fast and makes no API call.
  const historyMatters = configs.some((item) =>
    item.notifyOn.some((state) => ['fixed', 'still-failing'].includes(state.toLowerCase())),
  );
  if (!historyMatters && !configs.some((item) => shouldNotify(item.notifyOn, context))) return;
  context.history = await historyFor({
    token: inputs.githubToken,
    env,
    context,
    logger,
    payload: run.payload,
    historyAware: historyMatters,
    timeoutMs: Math.min(inputs.config.timeoutMs, DEFAULT_HISTORY_TIMEOUT_MS),
  });
  // Why it failed: only when a failure message will go out (a success never pays for it).
  if (
    context.status === 'failure' &&
    inputs.details !== 'off' &&
    configs.some((item) => shouldNotify(item.notifyOn, context))
  )
    // Imported only now: a run that sends no failure never loads the lookup.
    context.failure = await (
      await import(/* webpackChunkName: "failure-details" */ './failure-step.js')
    ).failureDetailsFor(tools, inputs, context, run.payload);
}

/** Step 4: send, and report the outcome through the reporter the CLI shares. */
async function send(tools: RunTools, run: PreparedRun): Promise<NotifyOutcome> {
  const { core, env, secrets, logger } = tools;
  const outcome = await notifyMany(run.configs, run.context, {
    secrets,
    logger,
    readFile: workspaceReader(env),
    fetch: await fetchForRequests(env),
    workspace: resolve(env.GITHUB_WORKSPACE ?? process.cwd()),
    pgyerApiKey: env.PGYER_API_KEY || undefined,
  });
  reportOutcome(outcome, run.provider, run.inputs.config.failOnError, {
    info: (message) => logger.info(message),
    warning: (message) => logger.warning(message),
    fail: (message) => core.setFailed(secrets.redact(message)),
  });
  return outcome;
}

/** Step 5, whatever happened before: outputs, and the job summary unless `summary: false`. */
async function publish(
  { core, env, secrets, logger }: RunTools,
  outcome: NotifyOutcome,
  run: PreparedRun | undefined,
): Promise<void> {
  setOutputs(core, outcome, secrets);
  if (run?.inputs.config.summary === false || !env.GITHUB_STEP_SUMMARY) return;
  try {
    core.summary.addRaw(summaryMarkdown(outcome, run?.provider ?? '', secrets));
    await core.summary.write();
  } catch (error) {
    logger.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}

/** A doctor run wrote its own outputs and summary. */
function doctorRan(core: ActionCore): boolean {
  const doctor = core.getInput('doctor').trim().toLowerCase();
  return doctor === 'true' || doctor === 'send-test';
}

/** The action: inputs → config → context → notify → outputs and summary. `core` and the environment are handed in. */
export async function run(core: ActionCore, env: Environment = process.env): Promise<void> {
  const secrets = new SecretRegistry((value) => core.setSecret(value));
  const logger: Logger = {
    debug: (message) => core.debug(secrets.redact(message)),
    info: (message) => core.info(secrets.redact(message)),
    warning: (message) => core.warning(secrets.redact(message)),
  };
  const tools: RunTools = { core, env, secrets, logger };
  let outcome = failedOutcome();
  let prepared: PreparedRun | undefined;
  try {
    prepared = await prepare(tools);
    // `doctor`: check the destinations instead of sending (src/action/doctor-step.ts).
    const doctor = core.getInput('doctor');
    if (doctor.trim() && doctor.trim().toLowerCase() !== 'false') {
      const step = await import('./doctor-step.js');
      const mode = step.doctorMode(doctor);
      if (mode !== 'off') {
        await step.doctorStep(tools, { ...prepared, config: prepared.inputs.config }, mode);
        return;
      }
    }
    const skipped = skippedForMissingSecrets(tools, prepared);
    if (skipped) {
      outcome = skipped;
    } else {
      await addFacts(tools, prepared);
      outcome = await send(tools, prepared);
    }
  } catch (thrown) {
    outcome = failedOutcome();
    const error = toError(thrown);
    // An empty credential on a run that could read secrets: most often a secret that is not set or misspelt.
    const hint =
      error instanceof ConfigError && CREDENTIAL_INPUT_NAMES.includes(error.input) && /is required/.test(error.message)
        ? emptySecretHint(env, error.input)
        : '';
    core.setFailed(secrets.redact(`${describeError(error)}${hint}`));
  } finally {
    if (!doctorRan(core)) await publish(tools, outcome, prepared);
  }
}
