/**
 * `ci-notifier doctor [--egress-ip] [--send-test] [flags of a send]`
 *
 * Checks one or more destinations (the same flags, `--url` and CI_NOTIFIER_URL as a send) without sending: the
 * logic is the core's (src/notify/doctor.ts); this file reads the arguments and prints the lines.
 */
import { ConfigError, describeError, toError } from '../model/errors.js';
import { SecretRegistry } from '../model/secrets.js';
import { neutralizeWorkflowCommands } from '../model/workflow-text.js';
import { applyNeeds } from '../model/needs.js';
import { detectCiContext } from '../context/other-ci.js';
import { configsFromUrls } from '../notify/fan-out.js';
import { DEFAULT_EGRESS_IP_URL, doctorText, runDoctor } from '../notify/doctor.js';
import { readInputs } from '../notify/inputs.js';
import { fetchForRequests } from '../transport/proxy.js';
import type { Logger } from '../transport/types.js';
import { readArgs, type Environment } from './args.js';
import type { CliIo } from './commands.js';
import { FLAGS, envName } from './flags.js';

export const DOCTOR_HELP = `Usage: ci-notifier doctor [--egress-ip] [--send-test] [flags of a send]

Checks each destination without sending: the credentials' form; for feishu-app, dingtalk-app, wecom-app and
easemob a token request and read-only calls that prove the permission and the recipients (the bot is in the
chat, the user exists). One line per check (✓ / ✗) in the --locale language; exit 0 only when every check passes.

  --egress-ip    also print this machine's public IP, for the services' IP allow-lists
                 (asked of ${DEFAULT_EGRESS_IP_URL}; CI_NOTIFIER_EGRESS_IP_URL replaces it)
  --send-test    also send one short test message per destination and explain a refusal
  every send flag  --provider, --token, --secret, --target, --url … (see ci-notifier --help)

Example:
  ci-notifier doctor --provider feishu-app --token cli_xxx --secret xxx --target chat:oc_xxx --egress-ip
`;

const OWN_FLAGS = ['egress-ip', 'send-test'] as const;

export async function runDoctorCommand(argv: readonly string[], env: Environment, io: CliIo): Promise<number> {
  const secrets = new SecretRegistry();
  for (const flag of FLAGS) if (flag.secret) secrets.add(env[envName(flag.name)]);
  const safe = (text: string) => neutralizeWorkflowCommands(secrets.redact(text));
  const logger: Logger = {
    debug: (message) => {
      if (env.CI_NOTIFIER_DEBUG) io.stderr(`debug: ${safe(message)}\n`);
    },
    info: (message) => io.stderr(`${safe(message)}\n`),
    warning: (message) => io.stderr(`warning: ${safe(message)}\n`),
  };
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout(DOCTOR_HELP);
      return 0;
    }
    const own = new Set(argv.filter((arg) => (OWN_FLAGS as readonly string[]).includes(arg.replace(/^--/, ''))));
    const args = readArgs(
      argv.filter((arg) => !own.has(arg)),
      env,
    );
    if (args.positionals.length)
      throw new ConfigError('arguments', `unexpected '${args.positionals[0]}'`, 'doctor and its flags only');
    const getInput = (name: string): string => (name === 'urls' ? args.urls.join('\n') : (args.values.get(name) ?? ''));
    const inputs = await readInputs({ getInput, setSecret: (value) => secrets.add(value) });
    const configs = inputs.urls.length > 0 ? await configsFromUrls(inputs.config, inputs.urls) : [inputs.config];
    const sendTest = own.has('--send-test');
    const context = sendTest
      ? await detectCiContext({ env, status: args.values.get('status') || 'success', cwd: process.cwd() })
      : undefined;
    if (context) applyNeeds(context, inputs.needs);
    const report = await runDoctor(
      configs,
      { secrets, logger, fetch: await fetchForRequests(env) },
      {
        egressIp: own.has('--egress-ip'),
        egressIpUrl: env.CI_NOTIFIER_EGRESS_IP_URL || undefined,
        sendTest,
        context,
      },
    );
    io.stdout(safe(doctorText(report, inputs.config.locale)));
    return report.ok ? 0 : 1;
  } catch (thrown) {
    const error = toError(thrown);
    io.stderr(`error: ${safe(describeError(error))}\n`);
    return error instanceof ConfigError ? 2 : 1;
  }
}
