/**
 * What the built-in presets need at run time once `scripts/compile-presets.mjs` has compiled their Liquid into
 * functions (`./presets.generated.ts`): Liquid's rules for reading a variable, truth, comparison, `for` and the
 * three built-in filters the presets use, each written as liquidjs 10 does it (comments name its function), so a
 * compiled preset renders byte for byte what liquidjs renders from the same source
 * (`test/unit/presets-compiled.test.ts` checks every preset, language and fixture event).
 */
import type { Filter } from './filters.js';

/** A compiled preset text: the template's variables, the message filters of its language, the output escaper. */
export type CompiledText = (
  variables: Record<string, unknown>,
  filters: Record<string, Filter>,
  out: (value: unknown) => string,
) => string;

const isNil = (value: unknown): value is null | undefined => value === null || value === undefined;

/** liquidjs `readSize`. */
function readSize(value: object | string): unknown {
  const size = (value as { size?: unknown }).size;
  if (Object.hasOwn(Object(value), 'size') || size !== undefined) return size;
  if (Array.isArray(value) || typeof value === 'string') return value.length;
  return Object.keys(value).length;
}

/** liquidjs `Context.readProperty` with `ownPropertyOnly` (how `a.b` reads `b`), for plain data. */
export function prop(value: unknown, key: string): unknown {
  if (isNil(value)) return value;
  const object = value as Record<string, unknown>;
  const found = Object.hasOwn(object, key) ? object[key] : undefined;
  if (typeof found === 'function') return (found as () => unknown).call(object);
  if (key === 'size') return readSize(value as object | string);
  if (key === 'first') return Array.isArray(object) ? object[0] : found;
  if (key === 'last') return Array.isArray(object) ? object[object.length - 1] : found;
  return found;
}

/** liquidjs `isTruthy`: only `false`, `nil` and undefined are false (an empty string is true). */
export const truthy = (value: unknown): boolean => value !== false && !isNil(value);

/** liquidjs `equals` (`==`) for plain data. */
export function equals(left: unknown, right: unknown): boolean {
  if (Array.isArray(left))
    return Array.isArray(right) && left.length === right.length && left.every((item, i) => equals(item, right[i]));
  return left === right;
}

/** liquidjs's `>`, `<`, `>=`, `<=` for plain data: JavaScript's comparison. */
export const compare = {
  '>': (left: unknown, right: unknown) => (left as number) > (right as number),
  '<': (left: unknown, right: unknown) => (left as number) < (right as number),
  '>=': (left: unknown, right: unknown) => (left as number) >= (right as number),
  '<=': (left: unknown, right: unknown) => (left as number) <= (right as number),
};

/** liquidjs `toEnumerable`: what `{% for %}` walks. */
export function enumerable(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.length > 0 ? [value] : [];
  if (!isNil(value) && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function')
    return Array.from(value as Iterable<unknown>);
  if (!isNil(value) && typeof value === 'object')
    return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  return [];
}

/** liquidjs `stringify`. */
function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isNil(value)) return '';
  if (Array.isArray(value)) return value.map(stringify).join('');
  return String(value);
}

/** Liquid's `default` filter (liquidjs `defaultFilter`, without `allow_false`, which no preset uses). */
export function defaultTo(value: unknown, fallback: unknown): unknown {
  if (Array.isArray(value) || typeof value === 'string') return value.length ? value : fallback;
  return truthy(value) ? value : fallback;
}

/**
 * Liquid's `where` filter (liquidjs `where` without `jekyllWhere`): the items whose `property` is truthy, or equals
 * `expected` when one is given. liquidjs reads the property in each item's own scope (`ownPropertyOnly`); the
 * compiler leaves `size`, `first` and `last`, which read differently there, to liquidjs.
 */
export function where(list: unknown, property: string, expected?: unknown): unknown[] {
  // liquidjs `toArray`: nil is no items, a value that is not a list is one item.
  const items = isNil(list) ? [] : Array.isArray(list) ? list : [list];
  return items.filter((item) => {
    const value = isNil(item) ? undefined : prop(item, property);
    return expected === undefined ? truthy(value) : equals(value, expected);
  });
}

/** Liquid's `downcase` filter. */
export const downcase = (value: unknown): string => stringify(value).toLowerCase();
