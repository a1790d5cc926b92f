/**
 * A table entry by a key that came from outside (an input, a payload, a reply): own properties only. A plain
 * `table[key]` finds `constructor`, `toString` or `__proto__` on Object.prototype, and a function taken for an
 * entry is silently wrong (`rate-limit: 5/constructor` gave a NaN window and an endless wait).
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string | number | undefined): T | undefined {
  if (key === undefined) return undefined;
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
