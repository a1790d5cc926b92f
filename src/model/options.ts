import { isPlainObject } from './config.js';
import { ConfigError } from './errors.js';

const EXPECTED = 'a JSON object or a YAML mapping, e.g. {"callbackUrl": "https://…"}';

/**
 * `options`: a JSON or YAML mapping. Anything else (a list, a scalar, broken syntax) is an input error.
 * JSON (what `toJSON(...)` and most workflows pass) is read directly; the YAML parser, a tenth of the action's
 * bundle, is loaded only for text that is not JSON, so most runs never compile it. On the JSON path duplicate
 * keys follow JSON (the last wins); YAML rejects them.
 */
export async function parseOptions(
  raw: string | undefined,
  input = 'options',
  /** The form the error shows; an example of this input, not of `options` (`people` has its own). */
  expected = EXPECTED,
): Promise<Record<string, unknown>> {
  if (!raw?.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    const { parse } = await import('yaml');
    try {
      value = parse(raw, { maxAliasCount: 100, uniqueKeys: true });
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0];
      throw new ConfigError(input, `is not valid JSON or YAML (${reason})`, expected);
    }
  }
  if (!isPlainObject(value)) {
    const kind = Array.isArray(value) ? 'a list' : value === null ? 'empty' : `a ${typeof value}`;
    throw new ConfigError(input, `is ${kind}, not an object`, expected);
  }
  return value;
}

export const NOTIFY_ON_VALUES = [
  'always',
  'success',
  'failure',
  'cancelled',
  'skipped',
  'started',
  'fixed',
  'still-failing',
] as const;

export function parseNotifyOn(items: string[]): string[] {
  const normalized = items.map((item) => item.toLowerCase());
  for (const item of normalized) {
    if (!(NOTIFY_ON_VALUES as readonly string[]).includes(item)) {
      throw new ConfigError(
        'notify-on',
        `unknown state '${item}'`,
        `a comma-separated list of ${NOTIFY_ON_VALUES.join(', ')}`,
      );
    }
  }
  return normalized;
}
