import { ConfigError } from '../../model/errors.js';
import { TARGET_FORM } from './descriptor.js';

/** One `target` line, parsed. `pushTarget` is createPush's pushTarget object without the batching applied. */
export interface MobpushTarget {
  /** The line as the user wrote it, normalized: the base for labels and the workno. */
  canonical: string;
  /** Short label for results. */
  label: string;
  kind: 'all' | 'alias' | 'tags' | 'tags-all' | 'rid' | 'city' | 'province' | 'country' | 'fileid' | 'options';
  /** Aliases, tags or rids (batched at maxPerPush(kind)). */
  items?: string[];
  /** Geo name or file id. */
  value?: string;
}

/**
 * MobPush's 创建推送 document (https://www.mob.com/wiki/detailed?wiki=234&id=136): alias, tags and rids are limited to
 * 1000 elements per push (4523, 4524, 4826).
 */
export const MAX_PER_PUSH = 1000;
/**
 * Tags are stricter: the createPush code table answers 4525 "批量标签最大数量超过100" (more than 100 tags in one
 * push; the 创建推送 document's return codes), although the field
 * description says 1000. The code is what the service enforces.
 */
export const MAX_TAGS_PER_PUSH = 100;

/** How many items of a list target one push takes. */
export function maxPerPush(kind: MobpushTarget['kind']): number {
  return kind === 'tags' || kind === 'tags-all' ? MAX_TAGS_PER_PUSH : MAX_PER_PUSH;
}
/** The 创建推送 return codes: aliases and tags are at most 40 UTF-8 bytes (4303, 4305). */
const MAX_NAME_BYTES = 40;

const LIST_KINDS = new Set(['alias', 'tags', 'tags-all', 'rid']);
const VALUE_KINDS = new Set(['city', 'province', 'country', 'fileid']);
const NOUN: Record<string, string> = { alias: 'aliases', tags: 'tags', 'tags-all': 'tags', rid: 'registration ids' };

function parseItems(kind: string, line: string, raw: string): string[] {
  const items = [...new Set(raw.split(',').map((item) => item.trim()))];
  if (items.some((item) => !item)) {
    throw new ConfigError('target', `'${line.slice(0, 80)}' has an empty entry`, `'${kind}:a,b' with no empty items`);
  }
  for (const item of items) {
    if (kind === 'rid' && !/^[\w.-]+$/.test(item)) {
      throw new ConfigError('target', `registration id '${item}' is malformed`, 'letters, digits, -, _ or .');
    }
    if (kind !== 'rid' && Buffer.byteLength(item, 'utf8') > MAX_NAME_BYTES) {
      throw new ConfigError(
        'target',
        `${kind === 'alias' ? 'alias' : 'tag'} '${item}' is longer than MobPush allows`,
        `at most ${MAX_NAME_BYTES} UTF-8 bytes each`,
      );
    }
    if ([...item].some((char) => char.charCodeAt(0) < 0x20)) {
      throw new ConfigError('target', `'${item}' contains control characters`, 'printable names');
    }
  }
  if (kind === 'tags-all' && items.length > MAX_TAGS_PER_PUSH) {
    // An intersection cannot be split into batches without changing who receives the push.
    throw new ConfigError(
      'target',
      `'tags-all:' lists ${items.length} tags, and an intersection cannot be split into several pushes`,
      `at most ${MAX_TAGS_PER_PUSH} tags for 'tags-all:' (MobPush refuses more with 4525)`,
    );
  }
  return items;
}

function labelFor(kind: string, items: string[]): string {
  const shown = items.join(',');
  return items.length <= 5 && shown.length <= 80 ? `${kind}:${shown}` : `${kind}:${items.length} ${NOUN[kind]}`;
}

/** Parses `target`: one target per line (or `;`). Empty means "whatever `options.pushTarget` says". */
export function parseTargets(raw: string | undefined, hasOptionsTarget: boolean): MobpushTarget[] {
  const lines = (raw ?? '')
    .split(/[\n;]/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) {
    if (hasOptionsTarget) return [{ canonical: 'options', label: 'options.pushTarget', kind: 'options' }];
    // Broadcast reaches every install of the app: it has to be asked for explicitly.
    throw new ConfigError('target', 'is required for MobPush', TARGET_FORM);
  }
  const broadcasts = lines.filter((line) => line.toLowerCase() === 'all').length;
  if (broadcasts > 1) {
    // MobPush takes one broadcast a minute (and 100 a day) per app: the second would be refused.
    throw new ConfigError(
      'target',
      `lists 'all' ${broadcasts} times, and MobPush takes one broadcast a minute per app`,
      "'all' at most once",
    );
  }
  return lines.map((line) => {
    if (line.toLowerCase() === 'all') return { canonical: 'all', label: 'all', kind: 'all' };
    const match = /^([a-z-]+):(.*)$/i.exec(line);
    const kind = match?.[1]?.toLowerCase() ?? '';
    const value = match?.[2]?.trim() ?? '';
    if (!match || (!LIST_KINDS.has(kind) && !VALUE_KINDS.has(kind))) {
      throw new ConfigError('target', `'${line.slice(0, 80)}' is not a MobPush target`, TARGET_FORM);
    }
    if (!value) throw new ConfigError('target', `'${line}' names nobody`, TARGET_FORM);
    if (LIST_KINDS.has(kind)) {
      const items = parseItems(kind, line, value);
      return {
        canonical: `${kind}:${items.join(',')}`,
        label: labelFor(kind, items),
        kind: kind as MobpushTarget['kind'],
        items,
      };
    }
    if (kind === 'fileid' && !/^[\w.-]+$/.test(value)) {
      throw new ConfigError('target', `file id '${value}' is malformed`, 'the fileId MobPush returned for the upload');
    }
    return { canonical: `${kind}:${value}`, label: `${kind}:${value}`, kind: kind as MobpushTarget['kind'], value };
  });
}

/** createPush's pushTarget for one target (and one batch of its items). */
export function pushTargetFor(target: MobpushTarget, items?: string[]): Record<string, unknown> {
  switch (target.kind) {
    case 'all':
      return { target: 1 };
    case 'alias':
      return { target: 2, alias: items };
    case 'tags':
      return { target: 3, tags: items, tagsType: 1 };
    case 'tags-all':
      return { target: 3, tags: items, tagsType: 2 };
    case 'rid':
      return { target: 4, rids: items };
    case 'city':
    case 'province':
    case 'country':
      return { target: 5, [target.kind]: target.value };
    case 'fileid':
      return { target: 14, fileId: target.value };
    case 'options':
      return {};
  }
}

/** Splits a list target into batches the service accepts. */
export function batches(target: MobpushTarget): (string[] | undefined)[] {
  if (!target.items) return [undefined];
  const size = maxPerPush(target.kind);
  const out: string[][] = [];
  for (let i = 0; i < target.items.length; i += size) out.push(target.items.slice(i, i + size));
  return out;
}
