import { ConfigError } from '../../model/errors.js';

/** `org#app`: the app key shown in the Easemob console. */
export interface AppKey {
  org: string;
  app: string;
}

const APP_KEY_FORM = "the app key 'org_name#app_name' from the Easemob console";

export function parseAppKey(raw: string | undefined, input = 'app-id'): AppKey {
  const value = raw?.trim();
  if (!value) throw new ConfigError(input, 'is required for easemob', APP_KEY_FORM);
  const match = /^([A-Za-z0-9_-]+)#([A-Za-z0-9_-]+)$/.exec(value);
  if (!match) throw new ConfigError(input, `'${value}' is not an Easemob app key`, APP_KEY_FORM);
  return { org: match[1]!, app: match[2]! };
}

/** Easemob user ids: letters, digits, '_', '-', '.', at most 64 characters (case-insensitive on the server). */
export function checkUsername(value: unknown, input = 'username'): string {
  if (typeof value !== 'string' || !value.trim())
    throw new ConfigError(input, 'is required', 'an Easemob user id (letters, digits, _ - .)');
  const id = value.trim();
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id))
    throw new ConfigError(input, `'${id}' is not an Easemob user id`, 'at most 64 letters, digits, _, - or .');
  return id;
}

/** Group ids are numeric strings in Easemob; accept the id characters any proxy could pass through. */
export function checkGroupId(value: unknown, input = 'group'): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(value.trim()))
    throw new ConfigError(input, `'${String(value)}' is not an Easemob group id`, 'the numeric group id');
  return value.trim();
}

// ---- push templates (创建离线推送模板, https://doc.easemob.com/document/server-side/push_template_create.html) ----

export const BUILTIN_PARAMETERS = ['{$dynamicFrom}', '{$fromNickname}', '{$msg}'] as const;

export interface PushTemplate {
  name: string;
  title_pattern: string;
  content_pattern: string;
}

export function checkTemplateName(value: unknown, input = 'name'): string {
  if (typeof value !== 'string' || !value)
    throw new ConfigError(input, 'is required', 'a template name of at most 64 letters and digits');
  if (!/^[A-Za-z0-9]{1,64}$/.test(value))
    throw new ConfigError(
      input,
      `'${value}' is not a valid push template name`,
      'at most 64 characters, only a-z, A-Z and 0-9',
    );
  return value;
}

/**
 * A pattern is fixed text with `{0}`…`{n}` placeholders and the built-in parameters. Anything else in braces is a
 * typo the server would print verbatim on the lock screen, so it is refused here. Returns the highest index used.
 */
export function checkPattern(value: unknown, input: string): number {
  if (typeof value !== 'string' || !value.trim())
    throw new ConfigError(input, 'is required', "fixed text with placeholders such as '标题 {0}'");
  let highest = -1;
  for (const [token] of value.matchAll(/\{[^{}]*\}/g)) {
    const index = /^\{(\d+)\}$/.exec(token);
    if (index) {
      highest = Math.max(highest, Number(index[1]));
      continue;
    }
    if (!(BUILTIN_PARAMETERS as readonly string[]).includes(token))
      throw new ConfigError(
        input,
        `unknown placeholder '${token}'`,
        `{0}, {1}, … or one of ${BUILTIN_PARAMETERS.join(', ')}`,
      );
  }
  return highest;
}

export function checkTemplate(
  value: unknown,
  input = 'template',
): PushTemplate & { titleArgs: number; contentArgs: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigError(input, 'must be an object', '{ name, title_pattern, content_pattern }');
  const record = value as Record<string, unknown>;
  const name = checkTemplateName(record.name, `${input}.name`);
  const titleArgs = checkPattern(record.title_pattern, `${input}.title_pattern`) + 1;
  const contentArgs = checkPattern(record.content_pattern, `${input}.content_pattern`) + 1;
  return {
    name,
    title_pattern: record.title_pattern as string,
    content_pattern: record.content_pattern as string,
    titleArgs,
    contentArgs,
  };
}

// ---- push settings (离线推送设置, https://doc.easemob.com/document/server-side/push.html) ----

export const PUSH_TYPES = ['DEFAULT', 'ALL', 'AT', 'NONE'] as const;
export type PushType = (typeof PUSH_TYPES)[number];
export const MAX_IGNORE_DURATION = 604_800_000;

export function checkPushType(value: unknown, input = 'type'): PushType {
  if (typeof value !== 'string' || !(PUSH_TYPES as readonly string[]).includes(value))
    throw new ConfigError(input, `'${String(value)}' is not a push type`, PUSH_TYPES.join(', '));
  return value as PushType;
}

/** `HH:MM-HH:MM` (hours 00-23, minutes 00-59), or '' to clear. */
export function checkIgnoreInterval(value: unknown, input = 'ignoreInterval'): string {
  const form = "'HH:MM-HH:MM' in 24-hour time, e.g. '21:30-08:00', or '' to clear";
  if (typeof value !== 'string') throw new ConfigError(input, 'must be a string', form);
  if (value === '') return value;
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(value);
  if (!match) throw new ConfigError(input, `'${value}' is not a time range`, form);
  const [, h1, m1, h2, m2] = match.map(Number);
  if (h1! > 23 || h2! > 23 || m1! > 59 || m2! > 59)
    throw new ConfigError(input, `'${value}' has an hour above 23 or a minute above 59`, form);
  return value;
}

export function checkIgnoreDuration(value: unknown, input = 'ignoreDuration'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_IGNORE_DURATION)
    throw new ConfigError(
      input,
      `${String(value)} is out of range`,
      `whole milliseconds from 0 (off) to ${MAX_IGNORE_DURATION} (7 days)`,
    );
  return value;
}

/** Legacy do-not-disturb hours: whole hours 0-23. */
export function checkHour(value: unknown, input: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 23)
    throw new ConfigError(input, `${String(value)} is not an hour`, 'a whole hour from 0 to 23');
  return value;
}
