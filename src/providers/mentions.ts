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
 * User ids that the services read as "everyone", so `@user:ID` with one of them is `@all` in disguise: Feishu's
 * `<at user_id="all">` (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot, "@所有人") and WeCom's
 * `mentioned_list: ["@all"]` (https://developer.work.weixin.qq.com/document/path/91770). Compared in any case.
 */
const EVERYONE_IDS = new Set(['all', '@all']);

/** Does this mention item (`@all`, `@user:all`, `@USER:@ALL`, …) reach everyone? */
export function mentionsEveryone(item: string): boolean {
  const text = item.trim().toLowerCase();
  if (text === '@all') return true;
  const match = /^@user:(.*)$/.exec(text);
  return match !== null && EVERYONE_IDS.has(match[1]!.trim());
}

/**
 * The mention a target without its kind most likely meant: `@13800000000` or `13800000000` → `@mobile:…` (where
 * the service mentions by mobile), `@alice` or `alice` → `@user:alice`, `all` → `@all`.
 */
function mentionHint(item: string, kinds: readonly MentionKind[]): string | undefined {
  const bare = item.replace(/^@/, '').trim();
  // Never `@user:all`: that id mentions everyone too, and is refused.
  if (bare.toLowerCase() === 'all') return kinds.includes('all') ? '@all' : undefined;
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
      // Everyone is mentioned only as `@all`, which says so (and which `people` cannot use).
      if (EVERYONE_IDS.has(value.toLowerCase()))
        throw new ConfigError(
          'target',
          `'${item}' would mention everyone${kinds.includes('all') ? " (did you mean '@all'?)" : ''}`,
          kinds.includes('all') ? "'@all' to mention everyone, '@user:ID' for one person" : "'@user:ID' for one person",
        );
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
