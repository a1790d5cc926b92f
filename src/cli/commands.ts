/**
 * Sub-commands: `ci-notifier <command> …`. Without a sub-command the CLI sends a notification.
 *
 * A command receives every argument after its own name (flags included) and parses them itself:
 * `easemob` runs the Easemob push-settings operations (src/cli/easemob.ts); `preview` writes an HTML page of what a
 * send would deliver (src/cli/preview.ts); `watch` and `digest` sweep an organisation's runs (src/watch/).
 */
import { ConfigError } from '../model/errors.js';
import type { Environment } from './args.js';
import { runDoctorCommand } from './doctor.js';
import { runEasemob } from './easemob.js';
import { runPreview } from './preview.js';
import { commandSuggestion } from './did-you-mean.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Returns the exit code. */
export type CommandHandler = (args: readonly string[], env: Environment, io: CliIo) => Promise<number>;

export const COMMANDS: Readonly<Record<string, CommandHandler | undefined>> = {
  doctor: runDoctorCommand,
  easemob: runEasemob,
  preview: runPreview,
  // The organisation front end (src/watch), loaded only when asked for.
  watch: async (args, env, io) => (await import('../watch/cli.js')).runWatch(args, env, io),
  digest: async (args, env, io) => (await import('../watch/digest-cli.js')).runDigest(args, env, io),
};

export function findCommand(name: string): CommandHandler {
  if (!Object.hasOwn(COMMANDS, name)) {
    throw new ConfigError(
      'command',
      `unknown command '${name}'${commandSuggestion(name, Object.keys(COMMANDS))}`,
      `no command (send a notification) or one of: ${Object.keys(COMMANDS).join(', ')}`,
    );
  }
  const handler = COMMANDS[name];
  if (!handler) {
    throw new ConfigError(
      'command',
      `'${name}' commands are not available in this version of ci-notifier`,
      'a notification without a command',
    );
  }
  return handler;
}
