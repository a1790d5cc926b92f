import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../model/errors.js';
import { parseUrlList } from '../providers/service-url.js';
import { FLAGS, envName } from './flags.js';
import { withFlagSuggestion } from './did-you-mean.js';

import type { Environment } from '../model/context.js';
export type { Environment };

export interface CliArgs {
  /** Flag values by action input name (`app-id`, `dry-run` …); a flag wins over its environment variable. */
  values: Map<string, string>;
  urls: string[];
  help: boolean;
  version: boolean;
  json: boolean;
  /** Positional words: a sub-command and its arguments (`easemob set-push-nickname …`). */
  positionals: string[];
}

type ParsedValue = string | boolean | string[] | undefined;

/** Reads argv (without node and the script) and the environment. Unknown flags are input errors (exit 2). */
export function readArgs(argv: readonly string[], env: Environment, moreFlags: readonly string[] = []): CliArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const flag of FLAGS) {
    options[flag.name] = {
      type: flag.type,
      ...(flag.multiple ? { multiple: true } : {}),
      ...(flag.short ? { short: flag.short } : {}),
    };
  }
  let parsed: { values: Record<string, ParsedValue>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    // node's messages name the flag ("Unknown option '--tokn'"); they never echo a value.
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    const known = [...FLAGS.map((flag) => flag.name), ...moreFlags];
    throw new ConfigError('arguments', withFlagSuggestion(message, known), 'the flags listed by ci-notifier --help');
  }

  const values = new Map<string, string>();
  for (const flag of FLAGS) {
    if (flag.multiple || flag.env === false) continue;
    const given = parsed.values[flag.name];
    const fromEnv = env[envName(flag.name)];
    if (flag.type === 'boolean') {
      if (given === true) values.set(flag.name, 'true');
      else if (fromEnv !== undefined && fromEnv !== '') values.set(flag.name, fromEnv);
    } else if (typeof given === 'string') values.set(flag.name, given);
    else if (fromEnv !== undefined && fromEnv !== '') values.set(flag.name, fromEnv);
  }
  const givenUrls = parsed.values.url;
  const urls =
    Array.isArray(givenUrls) && givenUrls.length > 0
      ? givenUrls.flatMap((url) => parseUrlList(url))
      : parseUrlList(env[envName('url')]);
  const json = values.get('json');
  values.delete('json');
  return {
    values,
    urls,
    help: parsed.values.help === true,
    version: parsed.values.version === true,
    json: json !== undefined && /^(true|1|yes|on)$/i.test(json),
    positionals: parsed.positionals,
  };
}
