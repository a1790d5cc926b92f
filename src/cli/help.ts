import { CONNECTION_FLAGS, EASEMOB_COMMANDS, OPERATION_FLAGS } from './easemob-flags.js';
import { descriptors } from '../providers/registry.js';
import { FLAGS, envName } from './flags.js';

/**
 * `ci-notifier --help`: every flag with its environment variable, the providers and their URL forms (from the
 * registered descriptors, so a new provider shows up without editing this file), exit codes and commands.
 */
export function helpText(): string {
  const providers = descriptors();
  const providerRows = providers.map((d) => `  ${d.name.padEnd(13)} ${d.help}`);
  const urlRows = providers.map((d) => `  ${d.url.form}`);
  const rows = FLAGS.map((flag) => {
    const left = `${flag.short ? `-${flag.short}, ` : '    '}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
    const env = flag.env === false ? '' : ` [env ${envName(flag.name)}]`;
    return `  ${left.padEnd(34)} ${flag.description}${env}`;
  });
  return `ci-notifier: send a CI result (build failure, release, deployment) to ${providers
    .map((d) => d.displayName)
    .join(', ')}, from any CI.

Usage:
  ci-notifier --provider NAME [--token TOKEN] [--target TARGET] [options]
  ci-notifier --url SERVICE_URL [--url SERVICE_URL …] [options]
  ci-notifier easemob <command> [flags]   Easemob push settings and templates (ci-notifier easemob --help)
  ci-notifier preview [flags]             Write an HTML page of what a send would deliver (ci-notifier preview --help)
  ci-notifier watch [flags]               Sweep an organisation's workflow runs and notify each team (docs/watch.md)
  ci-notifier digest [flags]              Send each team its daily or weekly CI digest (ci-notifier watch --help)
  ci-notifier doctor [flags]              Check destinations without sending (ci-notifier doctor --help)

Options (each also read from the environment variable shown; a flag wins):
${rows.join('\n')}

Providers (--provider NAME; each has its page in docs/providers/):
${providerRows.join('\n')}

Service URLs (percent-encode reserved characters in credentials):
${urlRows.join('\n')}
  Common query keys: endpoint, format, template, title, target, channel, options.

CI context is detected for GitHub Actions, GitLab CI, Jenkins, Gitee Go, Drone, Woodpecker, CircleCI,
Azure Pipelines and the other CIs env-ci knows; the job status comes from --status or the CI's own
variable (CI_JOB_STATUS, DRONE_BUILD_STATUS, CI_PIPELINE_STATUS, AGENT_JOBSTATUS).

Exit codes: 0 sent (or dry run, or skipped by --notify-on), 1 a delivery failed, 2 bad input.
`;
}

/** `ci-notifier easemob --help`: every command with its flags, then the connection flags. */
export function easemobHelpText(): string {
  const flagText = (name: string, optional: boolean): string => {
    const flag = Object.hasOwn(OPERATION_FLAGS, name) ? OPERATION_FLAGS[name] : undefined;
    const text = `--${name}${flag ? ` ${flag.value}` : ''}`;
    return optional ? `[${text}]` : text;
  };
  const commands = EASEMOB_COMMANDS.map((command) => {
    const flags = [
      ...command.required.map((name) => flagText(name, false)),
      ...(command.optional ?? []).map((name) => flagText(name, true)),
    ];
    return `  ${command.name}\n      ${command.summary}\n      ${flags.join(' ')}`;
  });
  const operationRows = Object.values(OPERATION_FLAGS).map(
    (flag) => `  ${`--${flag.name} ${flag.value}`.padEnd(34)} ${flag.description}`,
  );
  const connectionRows = CONNECTION_FLAGS.map(
    (flag) => `  ${`--${flag.name} ${flag.value}`.padEnd(34)} ${flag.description} [env ${envName(flag.name)}]`,
  );
  return `ci-notifier easemob: Easemob offline-push settings and push templates (the Easemob REST API).

Usage:
  ci-notifier easemob <command> [flags]

Commands:
${commands.join('\n')}

Command flags:
${operationRows.join('\n')}

Connection (each also read from the environment variable shown; a flag wins):
${connectionRows.join('\n')}
  ${'--json'.padEnd(34)} Print Easemob's reply (data or user entity) as JSON on stdout [env ${envName('json')}]
  ${'-h, --help'.padEnd(34)} Show this help

Exit codes: 0 done, 1 Easemob refused or could not be reached (or get-push-template found none), 2 bad input
(nothing is sent). The client secret and the app token are never printed.
`;
}
