/**
 * The CLI: argv and CI_NOTIFIER_* variables → the same inputs the action reads → notify (fan-out over URLs).
 * No notification logic lives here: validation is the action's `readInputs`, sending is the core's `notify`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readInputs } from '../action/inputs.js';
import { describeRequest } from '../action/report.js';
import { configsFromUrls, notifyMany } from '../core/fan-out.js';
import { ConfigError, describeError, toError } from '../core/errors.js';
import type { NotifyOutcome } from '../core/notify.js';
import { loadJunit } from '../core/junit.js';
import { applyNeeds } from '../core/needs.js';
import { SecretRegistry } from '../core/secrets.js';
import { fetchForRequests } from '../transport/proxy.js';
import type { Logger } from '../transport/types.js';
import { readArgs, type Environment } from './args.js';
import { detectCiContext } from './ci-context.js';
import { COMMANDS, findCommand, type CliIo } from './commands.js';
import { FLAGS, envName } from './flags.js';
import { helpText } from './help.js';

export const EXIT = { sent: 0, failed: 1, badInput: 2 } as const;

/** Where each input can be set from the CLI, appended to configuration errors. */
function whereToSet(input: string): string {
  const name = input === 'urls' ? 'url' : input;
  const flag = FLAGS.find((item) => item.name === name);
  return flag ? ` (set with --${flag.name} or ${envName(flag.name)})` : '';
}

async function packageVersion(): Promise<string> {
  try {
    const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
    return String((JSON.parse(text) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

function printOutcome(
  outcome: NotifyOutcome,
  provider: string,
  failOnError: boolean,
  logger: Logger & { error: (message: string) => void },
): number {
  switch (outcome.status) {
    case 'skipped':
      logger.info(`Skipped: ${outcome.reason}.`);
      return EXIT.sent;
    case 'dry-run':
      logger.info(`Dry run: ${outcome.dryRun?.length ?? 0} request(s) would be sent; nothing was sent.`);
      for (const request of outcome.dryRun ?? []) logger.info(`\n${describeRequest(request)}\n`);
      return EXIT.sent;
    case 'success':
      for (const result of outcome.results) {
        logger.info(`sent: ${result.provider} ${result.target}${result.id ? ` (id ${result.id})` : ''}`);
      }
      logger.info(`Sent ${outcome.results.length} message(s) through ${provider}.`);
      return EXIT.sent;
    case 'failure': {
      const failures = outcome.results.filter((result) => !result.ok);
      for (const result of outcome.results) {
        logger.info(
          `${result.ok ? 'sent' : 'FAILED'}: ${result.provider} ${result.target}${result.ok ? '' : `: ${result.message}`}`,
        );
      }
      const text = `${failures.length} of ${outcome.results.length} deliveries through ${provider} failed.`;
      if (failOnError) {
        logger.error(text);
        return EXIT.failed;
      }
      logger.warning(`${text} (fail-on-error is false, so the exit code is 0)`);
      return EXIT.sent;
    }
  }
}

/** Runs the CLI and returns its exit code. `argv` excludes node and the script. */
export async function runCli(
  argv: readonly string[],
  env: Environment,
  io: CliIo,
  cwd: string = process.cwd(),
): Promise<number> {
  const secrets = new SecretRegistry();
  // Credentials from the environment are known before anything can print them.
  for (const flag of FLAGS) if (flag.secret) secrets.add(env[envName(flag.name)]);
  let json = false;
  const logger: Logger & { error: (message: string) => void } = {
    debug: (message) => {
      if (env.CI_NOTIFIER_DEBUG) io.stderr(`debug: ${secrets.redact(message)}\n`);
    },
    info: (message) => (json ? io.stderr : io.stdout)(`${secrets.redact(message)}\n`),
    warning: (message) => io.stderr(`warning: ${secrets.redact(message)}\n`),
    error: (message: string) => io.stderr(`error: ${secrets.redact(message)}\n`),
  };
  try {
    // A command parses its own flags (`ci-notifier easemob set-push-nickname --user a …`).
    const first = argv[0];
    if (first !== undefined && !first.startsWith('-') && Object.hasOwn(COMMANDS, first))
      return await findCommand(first)(argv.slice(1), env, io);
    const args = readArgs(argv, env);
    json = args.json;
    if (args.help) {
      io.stdout(helpText());
      return EXIT.sent;
    }
    if (args.version) {
      io.stdout(`${await packageVersion()}\n`);
      return EXIT.sent;
    }
    const [command] = args.positionals;
    if (command !== undefined) {
      findCommand(command);
      throw new ConfigError(
        'command',
        `'${command}' must be the first argument, with its flags after it`,
        `ci-notifier ${command} <command> [flags]`,
      );
    }

    const getInput = (name: string): string => {
      if (name === 'urls') return args.urls.join('\n');
      return args.values.get(name) ?? '';
    };
    const inputs = await readInputs({ getInput, setSecret: (value) => secrets.add(value) });
    const { config } = inputs;
    config.summary = false;
    const configs = inputs.urls.length > 0 ? await configsFromUrls(config, inputs.urls) : [config];
    const provider = [...new Set(configs.map((item) => item.provider))].join(', ');

    const context = await detectCiContext({ env, status: args.values.get('status'), cwd });
    applyNeeds(context, inputs.needs);
    context.tests = await loadJunit(inputs.junit, { root: cwd, warning: (message) => logger.warning(message) });
    logger.debug(
      `context: ${JSON.stringify({ ci: context.ci, status: context.status, repository: context.repository, branch: context.branch })}`,
    );
    const outcome = await notifyMany(configs, context, {
      secrets,
      logger,
      readFile: (path) => readFile(resolve(cwd, path), 'utf8'),
      fetch: await fetchForRequests(env),
    });
    const code = printOutcome(outcome, provider, config.failOnError, logger);
    if (json) {
      const { status, messageId, results, response, dryRun, reason } = outcome;
      io.stdout(
        `${secrets.redact(JSON.stringify({ status, messageId, results, response, dryRun, reason }, null, 2))}\n`,
      );
    }
    return code;
  } catch (thrown) {
    const error = toError(thrown);
    const where = error instanceof ConfigError ? whereToSet(error.input) : '';
    io.stderr(`error: ${secrets.redact(describeError(error))}${where}\n`);
    if (error instanceof ConfigError)
      io.stderr('Run ci-notifier --help for every flag and its environment variable.\n');
    return error instanceof ConfigError ? EXIT.badInput : EXIT.failed;
  }
}
