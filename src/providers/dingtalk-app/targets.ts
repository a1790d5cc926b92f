/** dingtalk-app `target`: users, departments or @all, checked by core (descriptor) and read by the adapter. */
import { ConfigError } from '../../model/errors.js';
import { targetLines } from '../target-lines.js';
import { DEPT_ID, MAX_DEPTS, MAX_USERS, NAME, TARGET_FORM, USER_ID } from './descriptor.js';

export interface DingtalkAppRecipients {
  all: boolean;
  users: string[];
  depts: string[];
}

export function parseRecipients(raw: string | undefined, required: boolean): DingtalkAppRecipients {
  const out: DingtalkAppRecipients = { all: false, users: [], depts: [] };
  const lines = targetLines(raw);
  if (lines.length === 0 && required) throw new ConfigError('target', `is required for ${NAME}`, TARGET_FORM);
  for (const line of lines) {
    if (line.toLowerCase() === '@all') {
      out.all = true;
      continue;
    }
    const match = /^(user|dept):(.+)$/i.exec(line);
    if (!match) throw new ConfigError('target', `'${line}' is not a DingTalk work-notification target`, TARGET_FORM);
    const kind = match[1]!.toLowerCase();
    const ids = match[2]!.split(',').map((id) => id.trim());
    for (const id of ids)
      if (!(kind === 'user' ? USER_ID : DEPT_ID).test(id))
        throw new ConfigError(
          'target',
          `'${id}' in '${line}' is not a ${kind} id`,
          kind === 'user' ? 'DingTalk userids' : 'numeric department ids',
        );
    (kind === 'user' ? out.users : out.depts).push(...ids);
  }
  if (out.all && (out.users.length || out.depts.length))
    throw new ConfigError('target', "'@all' cannot be combined with users or departments", "'@all' alone");
  out.users = [...new Set(out.users)];
  out.depts = [...new Set(out.depts)];
  if (out.users.length > MAX_USERS)
    throw new ConfigError('target', `has ${out.users.length} users`, `at most ${MAX_USERS}`);
  if (out.depts.length > MAX_DEPTS)
    throw new ConfigError('target', `has ${out.depts.length} departments`, `at most ${MAX_DEPTS}`);
  return out;
}
