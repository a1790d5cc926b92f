/**
 * Who is who, as the config holds it: the parsed `people` mapping and the roles `mention` names, with the parsers
 * of `mention` and `mention-on`, which every run reads. Reading and checking `people` against each provider's
 * mention grammar is src/notify/people.ts, loaded only by a run that sets `people`.
 */
import { parseList } from './config.js';
import { ConfigError, problemOf } from './errors.js';
import { parseNotifyOn } from './options.js';

export interface Person {
  /** Commit author addresses that identify this person. */
  emails: string[];
  /** Commit author names that identify this person (other CIs give a name, not a login). */
  names: string[];
  /** Provider name → mentions in that provider's `target` grammar. */
  mentions: Record<string, string[]>;
}

export type People = Record<string, Person>;

export const MENTION_ROLES = ['author', 'committer', 'actor', 'pr-author'] as const;
export type MentionRole = (typeof MENTION_ROLES)[number];

export const DEFAULT_MENTION: MentionRole[] = ['author', 'actor'];
export const DEFAULT_MENTION_ON = ['failure', 'still-failing'];

export function parseMentionRoles(raw: string | undefined): MentionRole[] {
  const items = parseList(raw).map((item) => item.toLowerCase());
  if (items.length === 0) return [...DEFAULT_MENTION];
  for (const item of items)
    if (!(MENTION_ROLES as readonly string[]).includes(item))
      throw new ConfigError(
        'mention',
        `unknown role '${item}'`,
        `a comma-separated list of ${MENTION_ROLES.join(', ')}`,
      );
  return [...new Set(items)] as MentionRole[];
}

export function parseMentionOn(raw: string | undefined): string[] {
  const items = parseList(raw);
  if (items.length === 0) return [...DEFAULT_MENTION_ON];
  try {
    return parseNotifyOn(items);
  } catch (error) {
    if (error instanceof ConfigError)
      throw new ConfigError('mention-on', problemOf(error), `a comma-separated list of the notify-on states`);
    throw error;
  }
}
