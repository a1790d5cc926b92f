/** Easemob `target`: users and groups, checked by core (descriptor) and read by the adapter. */
import { ConfigError } from '../../model/errors.js';
import { TARGET_FORM } from './descriptor.js';
import { checkGroupId, checkUsername } from './validation.js';

export interface EasemobTarget {
  kind: 'users' | 'chatgroups';
  ids: string[];
}

export function parseTargets(raw: string | undefined): EasemobTarget[] {
  const lines = (raw ?? '')
    .split(/[\n;]/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) throw new ConfigError('target', 'is required for easemob', TARGET_FORM);
  return lines.map((line) => {
    const match = /^(user|group):(.*)$/.exec(line);
    if (!match || !match[2]!.trim()) throw new ConfigError('target', `'${line}' is not an Easemob target`, TARGET_FORM);
    const kind = match[1] === 'user' ? 'users' : 'chatgroups';
    const ids = match[2]!.split(',').map((id) => id.trim());
    const checked = ids.map((id) => (kind === 'users' ? checkUsername(id, 'target') : checkGroupId(id, 'target')));
    // Easemob user ids are case-insensitive: one message per person even if listed twice.
    const seen = new Set<string>();
    return {
      kind,
      ids: checked.filter((id) => {
        const key = id.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    };
  });
}
