import { deepMerge, isPlainObject, omitKeys } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';

/**
 * Checks what MobPush's 创建推送 document (https://www.mob.com/wiki/detailed?wiki=234&id=136) constrains in `options`
 * before anything is sent: enumerations, required companions
 * (taskCron → taskTime, nextType 2 → scheme, activityTask → activityWorkId) and value ranges.
 * Unknown fields pass through untouched: the API grows, and `options` exists to reach every field.
 */
type Path = string;

function fail(path: Path, problem: string, expected: string): never {
  throw new ConfigError('options', `${path.replace(/^\./, '')} ${problem}`, expected);
}

function objectAt(parent: Record<string, unknown>, key: string, path: Path): Record<string, unknown> | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value))
    fail(`${path}.${key}`, 'is not an object', "a mapping of the fields MobPush's createPush lists");
  return value;
}

function oneOf(object: Record<string, unknown>, key: string, path: Path, allowed: readonly (number | string)[]): void {
  const value = object[key];
  if (value === undefined || value === null) return;
  if (!allowed.includes(value as number | string)) {
    fail(`${path}.${key}`, `is ${JSON.stringify(value)}`, `one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
  }
}

function integer(
  object: Record<string, unknown>,
  key: string,
  path: Path,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): void {
  const value = object[key];
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(
      `${path}.${key}`,
      `is ${JSON.stringify(value)}`,
      `a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`,
    );
  }
}

function stringList(object: Record<string, unknown>, key: string, path: Path): void {
  const value = object[key];
  if (value === undefined || value === null) return;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    fail(`${path}.${key}`, 'is not a list of strings', 'e.g. ["a", "b"]');
  }
}

function keyValueList(object: Record<string, unknown>, key: string, path: Path): void {
  const value = object[key];
  if (value === undefined || value === null) return;
  if (
    !Array.isArray(value) ||
    value.some((item) => !isPlainObject(item) || typeof item.key !== 'string' || !item.key)
  ) {
    fail(`${path}.${key}`, 'is not a list of {key, value} entries', '[{"key": "name", "value": "jason"}]');
  }
}

function httpUrl(object: Record<string, unknown>, key: string, path: Path): void {
  const value = object[key];
  if (value === undefined || value === null) return;
  let ok = false;
  try {
    ok = typeof value === 'string' && ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    ok = false;
  }
  if (!ok) fail(`${path}.${key}`, `is ${JSON.stringify(value)}`, 'an http:// or https:// URL');
}

function checkNotify(notify: Record<string, unknown>): void {
  const path = 'pushNotify';
  if (notify.plats !== undefined) {
    const plats = notify.plats;
    if (!Array.isArray(plats) || plats.length === 0 || plats.some((p) => p !== 1 && p !== 2)) {
      fail(`${path}.plats`, `is ${JSON.stringify(plats)}`, '[1] (Android), [2] (iOS) or [1, 2]; or use `channel`');
    }
  }
  oneOf(notify, 'type', path, [1, 2]);
  oneOf(notify, 'iosProduction', path, [0, 1]);
  integer(notify, 'offlineSeconds', path, 1);
  oneOf(notify, 'taskCron', path, [0, 1]);
  integer(notify, 'taskTime', path, 0);
  if (notify.taskCron === 1) {
    if (typeof notify.taskTime !== 'number') {
      fail(`${path}.taskTime`, 'is required when taskCron is 1', 'a millisecond timestamp, e.g. 1594277916000');
    }
  }
  integer(notify, 'speed', path, 0);
  oneOf(notify, 'skipOnline', path, [0, 1]);
  oneOf(notify, 'skipFactory', path, [0, 1]);
  oneOf(notify, 'policy', path, [1, 2, 3, 4]);
  keyValueList(notify, 'extrasMapList', path);

  const android = objectAt(notify, 'androidNotify', path);
  if (android) {
    const at = `${path}.androidNotify`;
    stringList(android, 'content', at);
    oneOf(android, 'style', at, [0, 1, 2, 3, 4]);
    if (android.warn !== undefined && !(typeof android.warn === 'string' && /^[123]{1,3}$/.test(android.warn))) {
      fail(
        `${at}.warn`,
        `is ${JSON.stringify(android.warn)}`,
        "a string of 1 (sound), 2 (vibrate), 3 (light), e.g. '12'",
      );
    }
    oneOf(android, 'androidBadgeType', at, [1, 2]);
    integer(android, 'androidBadge', at, 0);
    const custom = objectAt(android, 'customStyle', at);
    if (custom) oneOf(custom, 'styleNo', `${at}.customStyle`, [1, 2, 3]);
  }
  const ios = objectAt(notify, 'iosNotify', path);
  if (ios) {
    const at = `${path}.iosNotify`;
    integer(ios, 'badge', at, Number.MIN_SAFE_INTEGER);
    oneOf(ios, 'badgeType', at, [1, 2]);
    if (ios.badgeType === 1 && typeof ios.badge === 'number' && ios.badge < 0) {
      fail(`${at}.badge`, 'is negative with badgeType 1 (absolute)', 'a number of 0 or more, or badgeType 2');
    }
    oneOf(ios, 'slientPush', at, [0, 1]);
    oneOf(ios, 'contentAvailable', at, [0, 1]);
    oneOf(ios, 'mutableContent', at, [0, 1]);
    oneOf(ios, 'attachmentType', at, [0, 1, 2, 3]);
  }
}

/**
 * The createPush document nests `androidNotify` and `iosNotify` inside `pushNotify` (its pushNotify table and every
 * example); at the top level of the body the service ignores them. Written at the top of `options` (as the issue lists
 * them), they are moved to where the document puts them; a value already under `pushNotify` wins field by field.
 */
export function nestNotifyObjects(options: Record<string, unknown>): Record<string, unknown> {
  const moved = (['androidNotify', 'iosNotify'] as const).filter((key) => options[key] !== undefined);
  if (moved.length === 0) return options;
  const notify = options.pushNotify ?? {};
  if (!isPlainObject(notify))
    fail('pushNotify', 'is not an object', "a mapping of the fields MobPush's createPush lists");
  const nested: Record<string, unknown> = { ...notify };
  for (const key of moved) {
    const top = options[key];
    if (!isPlainObject(top)) fail(key, 'is not an object', `a mapping of MobPush's ${key} fields`);
    const inner = notify[key];
    nested[key] = isPlainObject(inner) ? deepMerge(top, inner) : (inner ?? top);
  }
  const out = omitKeys(options, moved);
  out.pushNotify = nested;
  return out;
}

export function checkOptions(options: Record<string, unknown>): void {
  for (const key of ['appkey', 'source'] as const) {
    if (key === 'source' && (options.source === undefined || options.source === 'webapi')) continue;
    if (key in options) {
      fail(key, 'is set by the adapter', key === 'source' ? "nothing, or 'webapi'" : 'the AppKey in `token`');
    }
  }
  if (options.workno !== undefined && (typeof options.workno !== 'string' || !/^[\w-]{1,64}$/.test(options.workno))) {
    fail('workno', `is ${JSON.stringify(options.workno)}`, 'letters, digits, - or _ (at most 64), unique per push');
  }
  if (options.groupId !== undefined && typeof options.groupId !== 'string') {
    fail('groupId', 'is not a string', 'the A/B test group id');
  }
  const target = objectAt(options, 'pushTarget', '');
  if (target) {
    oneOf(target, 'target', '.pushTarget', [1, 2, 3, 4, 5, 6, 9, 14]);
    oneOf(target, 'tagsType', '.pushTarget', [1, 2, 3]);
    stringList(target, 'appPackages', '.pushTarget');
    if (target.target === 9 && !isPlainObject(target.pushAreas)) {
      fail('pushTarget.pushAreas', 'is required when target is 9', '{"countries": [{"country": "中国"}]}');
    }
  }
  const notify = objectAt(options, 'pushNotify', '');
  if (notify) checkNotify(notify);

  const operator = objectAt(options, 'pushOperator', '');
  if (operator) {
    oneOf(operator, 'dropType', 'pushOperator', [1, 2, 3]);
    if (operator.dropType !== undefined && typeof operator.dropId !== 'string') {
      fail('pushOperator.dropId', 'is required with dropType', 'the id of the push task to cancel, replace or recall');
    }
  }
  const forward = objectAt(options, 'pushForward', '');
  if (forward) {
    oneOf(forward, 'nextType', 'pushForward', [0, 1, 2, 3]);
    if (forward.nextType === 2 && typeof forward.scheme !== 'string') {
      fail(
        'pushForward.scheme',
        'is required when nextType is 2',
        "the MobLink scheme, e.g. 'mlink://com.example.app'",
      );
    }
    if (forward.nextType === 1 && forward.url === undefined) {
      fail('pushForward.url', 'is required when nextType is 1', 'the link to open');
    }
    keyValueList(forward, 'schemeDataList', 'pushForward');
  }
  const callback = objectAt(options, 'pushCallback', '');
  if (callback) {
    httpUrl(callback, 'url', 'pushCallback');
    if (callback.params !== undefined && !isPlainObject(callback.params)) {
      fail('pushCallback.params', 'is not an object', '{"key": "value"}');
    }
  }
  const factory = objectAt(options, 'pushFactoryExtra', '');
  if (factory) {
    const huawei = objectAt(factory, 'huaweiExtra', 'pushFactoryExtra');
    if (huawei) oneOf(huawei, 'importance', 'pushFactoryExtra.huaweiExtra', ['LOW', 'NORMAL']);
    const vivo = objectAt(factory, 'vivoExtra', 'pushFactoryExtra');
    if (vivo) {
      oneOf(vivo, 'classification', 'pushFactoryExtra.vivoExtra', [0, 1]);
      if (
        vivo.category !== undefined &&
        (typeof vivo.category !== 'string' || vivo.category !== vivo.category.toUpperCase())
      ) {
        fail(
          'pushFactoryExtra.vivoExtra.category',
          `is ${JSON.stringify(vivo.category)}`,
          'an upper-case vivo category, e.g. IM',
        );
      }
    }
    objectAt(factory, 'xiaomiExtra', 'pushFactoryExtra');
    objectAt(factory, 'oppoExtra', 'pushFactoryExtra');
  }
  const extra = objectAt(options, 'userExtra', '');
  if (extra) {
    oneOf(extra, 'activityTask', 'userExtra', [0, 1]);
    if (extra.activityTask === 1) {
      const id = extra.activityWorkId;
      if (typeof id !== 'string' || id.length === 0 || [...id].length > 20) {
        fail(
          'userExtra.activityWorkId',
          'is required when activityTask is 1 and at most 20 characters',
          'a unique activity id of 1 to 20 characters',
        );
      }
    }
  }
}

/** 4510 and 4515: a scheduled push must be at least one minute ahead and within a month. Needs the clock, so it runs at plan time. */
export function checkSchedule(options: Record<string, unknown>, now: number): void {
  const notify = options.pushNotify;
  if (!isPlainObject(notify) || notify.taskCron !== 1 || typeof notify.taskTime !== 'number') return;
  if (notify.taskTime < now + 60_000 || notify.taskTime > now + 31 * 86_400_000) {
    fail(
      'pushNotify.taskTime',
      `(${notify.taskTime}) is not between one minute and one month from now`,
      'a millisecond timestamp in that window',
    );
  }
}
