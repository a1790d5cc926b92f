/** mPaaS `target`: user ids and device ids by kind, checked by core (descriptor) and read by the adapter. */
import { ConfigError } from '../../model/errors.js';
import { TARGET_FORM } from './descriptor.js';

export const TARGET_KINDS = { android: 1, ios: 2, user: 3, harmony: 7 } as const;

export type TargetKind = keyof typeof TARGET_KINDS;

export interface MpaasTarget {
  kind: TargetKind;
  id: string;
}

export function parseTargets(raw: string | undefined): MpaasTarget[] {
  const lines = (raw ?? '')
    .split(/[\n;]/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) throw new ConfigError('target', 'is required for mpaas', TARGET_FORM);
  const seen = new Set<string>();
  const targets: MpaasTarget[] = [];
  for (const line of lines) {
    const match = /^([a-z]+):(.*)$/.exec(line);
    const kind = match?.[1];
    if (!match || !kind || !Object.hasOwn(TARGET_KINDS, kind))
      throw new ConfigError('target', `'${line}' is not an mPaaS target`, TARGET_FORM);
    const ids = match[2]!.split(',').map((id) => id.trim());
    if (ids.some((id) => !id || /[\s"]/.test(id)))
      throw new ConfigError('target', `'${line}' has an empty or malformed id`, TARGET_FORM);
    for (const id of ids) {
      const key = `${kind}:${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      targets.push({ kind: kind as TargetKind, id });
    }
  }
  return targets;
}
