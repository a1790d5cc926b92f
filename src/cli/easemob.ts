/**
 * `ci-notifier easemob <command> [flags]`: the push-settings operations of Easemob's 离线推送设置 document
 * (https://doc.easemob.com/document/server-side/push.html) and its push-template pages, one command per
 * EasemobClient method. Every argument is checked (naming its flag) before the first request, so a typo costs no
 * app token; the client secret and the fetched app token go through the SecretRegistry before anything prints.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseNumber } from '../model/config.js';
import { ConfigError, describeError, toError } from '../model/errors.js';
import { SecretRegistry } from '../model/secrets.js';
import {
  EasemobClient,
  type Conversation,
  type EasemobUserEntity,
  type PushSettings,
  type PushTemplateRecord,
} from '../providers/easemob/client.js';
import {
  MAX_IGNORE_DURATION,
  checkGroupId,
  checkHour,
  checkIgnoreDuration,
  checkIgnoreInterval,
  checkPattern,
  checkPushType,
  checkTemplateName,
  checkUsername,
  parseAppKey,
} from '../providers/easemob/validation.js';
import { fetchForRequests } from '../transport/proxy.js';
import { Transport } from '../transport/transport.js';
import type { Logger } from '../transport/types.js';
import type { Environment } from './args.js';
import type { CliIo } from './commands.js';
import { CONNECTION_FLAGS, EASEMOB_COMMANDS, OPERATION_FLAGS, type EasemobCommandSpec } from './easemob-flags.js';
import { envName } from './flags.js';
import { easemobHelpText } from './help.js';
import { commandSuggestion, withFlagSuggestion } from './did-you-mean.js';

const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

interface Outcome {
  /** What --json prints. */
  json: unknown;
  text: string;
  /** A lookup that found nothing: exit 1 with `text` on stderr. */
  missing?: boolean;
}

type Values = Map<string, string>;

function required(values: Values, flag: string): string {
  const value = values.get(flag);
  if (value === undefined) {
    const spec = Object.hasOwn(OPERATION_FLAGS, flag) ? OPERATION_FLAGS[flag] : undefined;
    throw new ConfigError(flag, 'is required', spec ? `--${flag} ${spec.value}` : `--${flag}`);
  }
  return value;
}

function wholeNumber(flag: string, raw: string, expected: string): number {
  if (!/^\s*\d+\s*$/.test(raw)) throw new ConfigError(flag, `'${raw}' is not a whole number`, expected);
  return Number(raw.trim());
}

function user(values: Values): string {
  return checkUsername(required(values, 'user'), 'user');
}

/** --chat-type/--chat-id: both or neither; neither means the app-wide setting. */
function conversation(values: Values): Conversation | undefined {
  const chatType = values.get('chat-type');
  const chatId = values.get('chat-id');
  if (chatType === undefined && chatId === undefined) return undefined;
  if (chatType === undefined)
    throw new ConfigError('chat-type', 'is required with --chat-id', "'user' (a one-to-one chat) or 'chatgroup'");
  if (chatId === undefined)
    throw new ConfigError('chat-id', `is required with --chat-type ${chatType}`, 'the peer user id or the group id');
  if (chatType === 'user') return { chatType, key: checkUsername(chatId, 'chat-id') };
  if (chatType === 'chatgroup') return { chatType, key: checkGroupId(chatId, 'chat-id') };
  throw new ConfigError('chat-type', `'${chatType}' is not a chat type`, "'user' or 'chatgroup'");
}

function template(values: Values): { name: string; title_pattern: string; content_pattern: string } {
  const name = checkTemplateName(required(values, 'name'), 'name');
  const title = required(values, 'title-pattern');
  const content = required(values, 'content-pattern');
  checkPattern(title, 'title-pattern');
  checkPattern(content, 'content-pattern');
  return { name, title_pattern: title, content_pattern: content };
}

function where(username: string, chat: Conversation | undefined): string {
  if (!chat || (chat.chatType === 'user' && chat.key === username)) return `${username} (app-wide)`;
  return `${username} in ${chat.chatType === 'user' ? 'the chat with user' : 'group'} ${chat.key}`;
}

/** The documented reply carries, for an active one-off do-not-disturb, the epoch time it ends. */
function duration(value: unknown): string {
  if (typeof value !== 'number' || value === 0) return 'off';
  if (value > MAX_IGNORE_DURATION) return `until ${new Date(value).toISOString()}`;
  return `${value} ms`;
}

function settingsText(title: string, data: PushSettings): string {
  return [
    `${title}:`,
    `  type: ${data.type ?? '(not returned)'}`,
    `  ignore-interval: ${data.ignoreInterval ? data.ignoreInterval : 'none'}`,
    `  ignore-duration: ${duration(data.ignoreDuration)}`,
  ].join('\n');
}

function templateText(title: string, record: PushTemplateRecord): string {
  const lines = [
    `${title}:`,
    `  title-pattern: ${record.title_pattern}`,
    `  content-pattern: ${record.content_pattern}`,
  ];
  if (typeof record.createAt === 'number') lines.push(`  created: ${new Date(record.createAt).toISOString()}`);
  if (typeof record.updateAt === 'number') lines.push(`  updated: ${new Date(record.updateAt).toISOString()}`);
  return lines.join('\n');
}

function entityValue<T>(entity: EasemobUserEntity, field: string, fallback: T): unknown {
  return entity[field] ?? fallback;
}

/**
 * One entry per command: `check` validates the flags (no request) and returns the call to make, so every bad
 * argument is reported before the client is even built.
 */
type Operation = (values: Values) => (client: EasemobClient) => Promise<Outcome>;

const OPERATIONS: Record<string, Operation> = {
  'set-push-nickname': (values) => {
    const id = user(values);
    const nickname = required(values, 'nickname');
    if ([...nickname].length > 100)
      throw new ConfigError('nickname', `is ${[...nickname].length} characters long`, 'at most 100 characters');
    return async (client) => {
      const entity = await client.setPushNickname(id, nickname);
      return { json: entity, text: `Push nickname of ${id}: ${String(entityValue(entity, 'nickname', nickname))}` };
    };
  },
  'set-notification-display-style': (values) => {
    const id = user(values);
    const raw = required(values, 'style').trim();
    if (raw !== '0' && raw !== '1')
      throw new ConfigError('style', `'${raw}' is not a display style`, '0 ("you have a new message") or 1 (content)');
    const style = raw === '1' ? 1 : 0;
    return async (client) => {
      const entity = await client.setNotificationDisplayStyle(id, style);
      const shown = Number(entityValue(entity, 'notification_display_style', style));
      const meaning = shown === 1 ? 'the message content' : '"you have a new message" only';
      return { json: entity, text: `Notification display style of ${id}: ${shown} (${meaning})` };
    };
  },
  'set-do-not-disturb': (values) => {
    const id = user(values);
    const start = checkHour(wholeNumber('start', required(values, 'start'), 'a whole hour from 0 to 23'), 'start');
    const end = checkHour(wholeNumber('end', required(values, 'end'), 'a whole hour from 0 to 23'), 'end');
    return async (client) => {
      const entity = await client.setDoNotDisturb(id, start, end);
      const from = String(entityValue(entity, 'notification_no_disturbing_start', start));
      const to = String(entityValue(entity, 'notification_no_disturbing_end', end));
      const span = from === to ? 'all day' : `every day from ${from}:00 to ${to}:00`;
      return { json: entity, text: `Do-not-disturb of ${id}: on, ${span}` };
    };
  },
  'clear-do-not-disturb': (values) => {
    const id = user(values);
    return async (client) => ({ json: await client.clearDoNotDisturb(id), text: `Do-not-disturb of ${id}: off` });
  },
  'set-push-settings': (values) => {
    const id = user(values);
    const chat = conversation(values);
    const settings: PushSettings = {};
    const type = values.get('type');
    if (type !== undefined) settings.type = checkPushType(type, 'type');
    const interval = values.get('ignore-interval');
    if (interval !== undefined) {
      settings.ignoreInterval = checkIgnoreInterval(interval, 'ignore-interval');
      if (interval !== '' && chat && !(chat.chatType === 'user' && chat.key === id))
        throw new ConfigError(
          'ignore-interval',
          'only applies to the app-wide setting, not to one chat',
          'no --chat-type/--chat-id, or --ignore-duration for a chat',
        );
    }
    const ms = values.get('ignore-duration');
    if (ms !== undefined) {
      const range = `whole milliseconds from 0 (off) to ${MAX_IGNORE_DURATION} (7 days)`;
      settings.ignoreDuration = checkIgnoreDuration(wholeNumber('ignore-duration', ms, range), 'ignore-duration');
    }
    if (Object.keys(settings).length === 0)
      throw new ConfigError('settings', 'sets nothing', 'at least one of --type, --ignore-interval, --ignore-duration');
    return async (client) => {
      const data = await client.setPushSettings(id, settings, chat);
      return { json: data, text: settingsText(`Push settings of ${where(id, chat)}`, data) };
    };
  },
  'get-push-settings': (values) => {
    const id = user(values);
    const chat = conversation(values);
    return async (client) => {
      const data = await client.getPushSettings(id, chat);
      return { json: data, text: settingsText(`Push settings of ${where(id, chat)}`, data) };
    };
  },
  'set-push-language': (values) => {
    const id = user(values);
    const language = required(values, 'language');
    if (!/^[A-Za-z0-9_-]{0,35}$/.test(language))
      throw new ConfigError('language', `'${language}' is not a language code`, "a code such as 'EU' or 'zh', or ''");
    return async (client) => {
      const data = await client.setPushLanguage(id, language);
      return { json: data, text: languageText(id, data.language ?? language) };
    };
  },
  'get-push-language': (values) => {
    const id = user(values);
    return async (client) => {
      const data = await client.getPushLanguage(id);
      return { json: data, text: languageText(id, data.language) };
    };
  },
  'create-push-template': (values) => {
    const wanted = template(values);
    return async (client) => {
      const record = await client.createPushTemplate(wanted);
      return { json: record, text: templateText(`Created push template ${wanted.name}`, { ...wanted, ...record }) };
    };
  },
  'get-push-template': (values) => {
    const name = checkTemplateName(required(values, 'name'), 'name');
    return async (client) => {
      const record = await client.getPushTemplate(name);
      if (!record) return { json: null, text: `No push template named ${name}.`, missing: true };
      return { json: record, text: templateText(`Push template ${name}`, record) };
    };
  },
  'delete-push-template': (values) => {
    const name = checkTemplateName(required(values, 'name'), 'name');
    return async (client) => {
      const record = await client.deletePushTemplate(name);
      return { json: record, text: `Deleted push template ${name}.` };
    };
  },
  'ensure-push-template': (values) => {
    const wanted = template(values);
    return async (client) => {
      const result = await client.ensurePushTemplate(wanted);
      return { json: result, text: templateText(`Push template ${wanted.name} (${result.outcome})`, result.template) };
    };
  },
};

function languageText(id: string, language: string | undefined): string {
  return `Push language of ${id}: ${language ? language : 'none (pushes keep the original text)'}`;
}

function findSpec(name: string | undefined): EasemobCommandSpec {
  const spec = EASEMOB_COMMANDS.find((item) => item.name === name);
  if (!spec)
    throw new ConfigError(
      'command',
      name === undefined
        ? 'is missing'
        : `unknown easemob command '${name}'${commandSuggestion(
            name,
            EASEMOB_COMMANDS.map((item) => item.name),
          )}`,
      `one of: ${EASEMOB_COMMANDS.map((item) => item.name).join(', ')}`,
    );
  return spec;
}

interface Parsed {
  command?: string;
  help: boolean;
  json: boolean;
  values: Values;
}

/** The first word that is not a flag nor a flag's value (every flag but --help and --json takes a value). */
function commandWord(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--') return argv[index + 1];
    if (!arg.startsWith('-')) return arg;
    if (!arg.includes('=') && !['--help', '-h', '--json'].includes(arg)) index += 1;
  }
  return undefined;
}

/** Each command accepts the connection flags and its own operation flags, nothing else. */
function parse(argv: readonly string[], env: Environment): Parsed {
  const word = commandWord(argv);
  const spec = EASEMOB_COMMANDS.find((item) => item.name === word);
  // An unknown command is the first thing to report, not the flags it does not take.
  if (!spec && !argv.some((arg) => arg === '--help' || arg === '-h')) findSpec(word);
  const operationFlags = spec ? [...spec.required, ...(spec.optional ?? [])] : [];
  const options: NonNullable<ParseArgsConfig['options']> = {
    help: { type: 'boolean', short: 'h' },
    json: { type: 'boolean' },
  };
  for (const flag of CONNECTION_FLAGS) options[flag.name] = { type: 'string' };
  for (const flag of operationFlags) options[flag] = { type: 'string' };
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    // Node names the flag ("Unknown option '--nick'"), never a value.
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    const known = [...Object.keys(options), ...(spec ? [] : Object.keys(OPERATION_FLAGS))];
    throw new ConfigError(
      'arguments',
      withFlagSuggestion(message, known),
      spec
        ? `the flags listed by ci-notifier easemob --help for ${spec.name}`
        : 'ci-notifier easemob <command> [flags]',
    );
  }
  const help = parsed.values.help === true;
  if (!help && parsed.positionals.length > 1)
    throw new ConfigError('arguments', `unexpected '${parsed.positionals[1]}'`, 'one command, then --flags');
  const values: Values = new Map();
  for (const flag of CONNECTION_FLAGS) {
    const given = parsed.values[flag.name];
    const fromEnv = env[envName(flag.name)];
    if (typeof given === 'string') values.set(flag.name, given);
    else if (fromEnv !== undefined && fromEnv !== '') values.set(flag.name, fromEnv);
  }
  for (const flag of operationFlags) {
    const given = parsed.values[flag];
    if (typeof given === 'string') values.set(flag, given);
  }
  const jsonEnv = env[envName('json')];
  return {
    command: parsed.positionals[0],
    help,
    json: parsed.values.json === true || (jsonEnv !== undefined && /^(true|1|yes|on)$/i.test(jsonEnv)),
    values,
  };
}

async function connect(
  values: Values,
  env: Environment,
  secrets: SecretRegistry,
  logger: Logger,
): Promise<EasemobClient> {
  const endpoint = values.get('endpoint');
  if (!endpoint?.trim())
    throw new ConfigError('endpoint', 'is required for easemob', "the app's REST host, e.g. https://a1.easemob.com");
  const appKey = values.get('app-id');
  parseAppKey(appKey, 'app-id');
  const clientId = values.get('token');
  if (!clientId?.trim()) throw new ConfigError('token', 'is required for easemob', "the app's Client ID");
  const clientSecret = values.get('secret');
  if (!clientSecret?.trim()) throw new ConfigError('secret', 'is required for easemob', "the app's Client Secret");
  const timeoutSeconds = parseNumber('timeout', values.get('timeout'), 10, { min: 1, max: 300, unit: 'seconds' });
  const retries = parseNumber('retries', values.get('retries'), 3, { min: 0, max: 10, integer: true });
  const transport = new Transport({
    timeoutMs: timeoutSeconds * 1000,
    retries,
    deadline: Date.now() + Math.min(timeoutSeconds * (retries + 1) + 60, 3600) * 1000,
    secrets,
    fetch: await fetchForRequests(env),
    logger,
  });
  return new EasemobClient({ endpoint, appKey: appKey!, clientId, clientSecret, transport });
}

/** Where each flag can be set, appended to configuration errors. */
function whereToSet(input: string): string {
  const connection = CONNECTION_FLAGS.find((flag) => flag.name === input);
  if (connection) return ` (set with --${input} or ${envName(input)})`;
  return input in OPERATION_FLAGS ? ` (set with --${input})` : '';
}

/** Runs `ci-notifier easemob …` (argv after the word `easemob`) and returns the exit code. */
export async function runEasemob(argv: readonly string[], env: Environment, io: CliIo): Promise<number> {
  const secrets = new SecretRegistry();
  for (const flag of CONNECTION_FLAGS) if (flag.secret) secrets.add(env[envName(flag.name)]);
  const debug = (message: string) => {
    if (env.CI_NOTIFIER_DEBUG) io.stderr(`debug: ${secrets.redact(message)}\n`);
  };
  // Retries and throttling notes go to stderr so that stdout stays the result alone.
  const logger: Logger = {
    debug,
    info: debug,
    warning: (message) => io.stderr(`warning: ${secrets.redact(message)}\n`),
  };
  try {
    const parsed = parse(argv, env);
    for (const flag of CONNECTION_FLAGS) if (flag.secret) secrets.add(parsed.values.get(flag.name));
    if (parsed.help) {
      io.stdout(easemobHelpText());
      return EXIT.ok;
    }
    const spec = findSpec(parsed.command);
    const call = OPERATIONS[spec.name]!(parsed.values);
    const client = await connect(parsed.values, env, secrets, logger);
    debug(`easemob ${spec.name} at ${client.appUrl}`);
    const outcome = await call(client);
    if (parsed.json) io.stdout(`${secrets.redact(JSON.stringify(outcome.json, null, 2))}\n`);
    if (outcome.missing) {
      io.stderr(`error: ${secrets.redact(outcome.text)}\n`);
      return EXIT.failed;
    }
    (parsed.json ? io.stderr : io.stdout)(`${secrets.redact(outcome.text)}\n`);
    return EXIT.ok;
  } catch (thrown) {
    const error = toError(thrown);
    const bad = error instanceof ConfigError;
    io.stderr(`error: ${secrets.redact(describeError(error))}${bad ? whereToSet(error.input) : ''}\n`);
    if (bad) io.stderr('Run ci-notifier easemob --help for every command and its flags.\n');
    return bad ? EXIT.badInput : EXIT.failed;
  }
}
