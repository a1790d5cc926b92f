/**
 * Who is who, as the config holds it: the parsed `people` mapping and the roles `mention` names. Reading and
 * checking `people` against each provider's mention grammar is src/notify/people.ts.
 */
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
