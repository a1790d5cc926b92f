/**
 * The CLI: argv and CI_NOTIFIER_* variables → the same inputs the action reads → notify (fan-out over URLs).
 * No notification logic lives here: validation is the action's `readInputs`, sending is the core's `notify`.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError, describeError, toError } from '../model/errors.js';
import { reportOutcome } from '../notify/report.js';
import { neutralizeWorkflowCommands, neutralizeWorkflowCommandsInJson } from '../model/workflow-text.js';
import { SecretRegistry } from '../model/secrets.js';
import type { Logger } from '../transport/types.js';
import { readArgs, type Environment } from './args.js';
import { sendFromArgs } from './send.js';
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
  // Run as a step on GitHub, the CLI's output is read for workflow commands too: text from outside never is one.
  const safe = (message: string) => neutralizeWorkflowCommands(secrets.redact(message));
  const logger: Logger & { error: (message: string) => void } = {
    debug: (message) => {
      if (env.CI_NOTIFIER_DEBUG) io.stderr(`debug: ${safe(message)}\n`);
    },
    info: (message) => (json ? io.stderr : io.stdout)(`${safe(message)}\n`),
    warning: (message) => io.stderr(`warning: ${safe(message)}\n`),
    error: (message: string) => io.stderr(`error: ${safe(message)}\n`),
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

    const { outcome, provider, config } = await sendFromArgs(args, env, secrets, logger, cwd);
    const { failed } = reportOutcome(outcome, provider, config.failOnError, {
      info: (message) => logger.info(message),
      warning: (message) => logger.warning(message),
      fail: (message) => logger.error(message),
    });
    const code = failed ? EXIT.failed : EXIT.sent;
    if (json) {
      const { status, messageId, results, response, dryRun, reason } = outcome;
      io.stdout(
        `${neutralizeWorkflowCommandsInJson(secrets.redact(JSON.stringify({ status, messageId, results, response, dryRun, reason }, null, 2)))}\n`,
      );
    }
    return code;
  } catch (thrown) {
    const error = toError(thrown);
    const where = error instanceof ConfigError ? whereToSet(error.input) : '';
    io.stderr(`error: ${safe(describeError(error))}${where}\n`);
    if (error instanceof ConfigError)
      io.stderr('Run ci-notifier --help for every flag and its environment variable.\n');
    return error instanceof ConfigError ? EXIT.badInput : EXIT.failed;
  }
}
