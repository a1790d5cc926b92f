/** wecom-app `target`: users, parties, tags or @all, checked by core (descriptor) and read by the adapter. */
import { ConfigError } from '../../model/errors.js';
import { targetLines } from '../target-lines.js';
import { NAME, NUMERIC_ID, TARGET_FORM, USER_ID } from './descriptor.js';

export interface WecomAppRecipients {
  all: boolean;
  users: string[];
  parties: string[];
  tags: string[];
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function parseRecipients(raw: string | undefined): WecomAppRecipients {
  const lines = targetLines(raw);
  if (lines.length === 0) throw new ConfigError('target', `is required for ${NAME}`, TARGET_FORM);
  const out: WecomAppRecipients = { all: false, users: [], parties: [], tags: [] };
  for (const line of lines) {
    if (line.toLowerCase() === '@all') {
      out.all = true;
      continue;
    }
    const match = /^(user|party|tag):(.+)$/i.exec(line);
    if (!match) throw new ConfigError('target', `'${line}' is not a WeCom app target`, TARGET_FORM);
    const kind = match[1]!.toLowerCase();
    const ids = match[2]!.split(',').map((id) => id.trim());
    for (const id of ids) {
      const ok = kind === 'user' ? USER_ID.test(id) : NUMERIC_ID.test(id);
      if (!ok)
        throw new ConfigError(
          'target',
          `'${id}' in '${line}' is not a ${kind} id`,
          kind === 'user' ? 'WeCom user ids (letters, digits, . _ @ -)' : 'numeric ids',
        );
    }
    if (kind === 'user') out.users.push(...ids);
    else if (kind === 'party') out.parties.push(...ids);
    else out.tags.push(...ids);
  }
  if (out.all && (out.users.length || out.parties.length || out.tags.length))
    // WeCom ignores every other recipient next to @all: say so instead of dropping them silently.
    throw new ConfigError('target', "'@all' cannot be combined with users, parties or tags", "'@all' alone");
  return { all: out.all, users: unique(out.users), parties: unique(out.parties), tags: unique(out.tags) };
}
