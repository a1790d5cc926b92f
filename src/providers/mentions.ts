/**
 * `@` mentions in a robot's `target` (DingTalk, WeCom, Feishu): kept apart from webhook.ts so the descriptors can
 * check a target before the adapter (and the renderer it needs) is loaded.
 */
import { ConfigError } from '../model/errors.js';

export interface Mentions {
  all: boolean;
  users: string[];
  mobiles: string[];
}

export type MentionKind = 'all' | 'user' | 'mobile';

const USER_ID = /^[\w.@-]{1,128}$/;
const MOBILE = /^\+?[\d-]{5,20}$/;

/**
 * The mention a target without its kind most likely meant: `@13800000000` or `13800000000` → `@mobile:…` (where
 * the service mentions by mobile), `@alice` or `alice` → `@user:alice`, `all` → `@all`.
 */
function mentionHint(item: string, kinds: readonly MentionKind[]): string | undefined {
  const bare = item.replace(/^@/, '').trim();
  if (bare.toLowerCase() === 'all' && kinds.includes('all')) return '@all';
  if (bare.includes(':')) return undefined;
  if (MOBILE.test(bare) && /^\+?\d/.test(bare) && kinds.includes('mobile')) return `@mobile:${bare}`;
  if (USER_ID.test(bare) && kinds.includes('user')) return `@user:${bare}`;
  return undefined;
}

/**
 * Parses `target` into mentions: `@all`, `@user:ID`, `@mobile:NUMBER`, separated by commas or newlines.
 * One message carries all of them; ids are checked so a target can never inject markup into a mention tag.
 */
export function parseMentions(raw: string | undefined, provider: string, kinds: readonly MentionKind[]): Mentions {
  const mentions: Mentions = { all: false, users: [], mobiles: [] };
  const forms = [
    kinds.includes('all') ? "'@all'" : '',
    kinds.includes('user') ? "'@user:ID'" : '',
    kinds.includes('mobile') ? "'@mobile:NUMBER'" : '',
  ].filter(Boolean);
  const expected = `${forms.join(', ')}, separated by commas or newlines`;
  const items = (raw ?? '')
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of items) {
    if (item.toLowerCase() === '@all' && kinds.includes('all')) {
      mentions.all = true;
      continue;
    }
    const match = /^@(user|mobile):(.*)$/i.exec(item);
    const kind = match?.[1]?.toLowerCase() as MentionKind | undefined;
    const value = match?.[2]?.trim() ?? '';
    if (!kind || !kinds.includes(kind)) {
      const hint = mentionHint(item, kinds);
      throw new ConfigError(
        'target',
        `'${item.slice(0, 80)}' is not a ${provider} mention${hint ? ` (did you mean '${hint}'?)` : ''}`,
        expected,
      );
    }
    if (kind === 'user') {
      if (!USER_ID.test(value))
        throw new ConfigError(
          'target',
          `'${item}' has an empty or malformed user id`,
          `'@user:ID' (letters, digits, . _ - @)`,
        );
      if (!mentions.users.includes(value)) mentions.users.push(value);
    } else {
      if (!MOBILE.test(value))
        throw new ConfigError('target', `'${item}' has a malformed mobile number`, "'@mobile:13800138000'");
      if (!mentions.mobiles.includes(value)) mentions.mobiles.push(value);
    }
  }
  return mentions;
}

/** A short label for `results`: the target as given, or the robot's group. */
export function targetLabel(raw: string | undefined): string {
  const items = (raw ?? '')
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length ? items.join(',') : 'group';
}
