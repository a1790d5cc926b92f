import { STATUS_VALUES, normalizeStatus, type JobStatus } from './context.js';
import { ConfigError } from './errors.js';
import { suggest } from './suggest.js';

/**
 * Reads an explicit status (`status` input, CLI --status): empty is "not given"; a spelling normalizeStatus
 * knows (`Failure`, ` failed `, `canceled`, a workflow_run conclusion such as `timed_out`) is accepted; anything
 * else is an error naming the input and the accepted values, so a typo can never report `unknown` and silently
 * miss `notify-on: failure`. `extra` maps further spellings (other CIs' result names) before giving up.
 */
export function parseStatus(
  input: string,
  raw: string | undefined,
  extra?: (value: string) => JobStatus | undefined,
): JobStatus | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const status = normalizeStatus(value) ?? extra?.(value);
  if (status) return status;
  const hint = suggest(value.toLowerCase(), STATUS_VALUES);
  throw new ConfigError(
    input,
    `unknown status '${value}'${hint ? ` (did you mean '${hint}'?)` : ''}`,
    `one of ${STATUS_VALUES.join(', ')}`,
  );
}
