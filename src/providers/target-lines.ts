/** Kept apart from app-channel.ts so descriptors can check a target without loading the token plumbing. */

/** Splits `target` into its non-empty lines (`;` also separates, as for the other providers). */
export function targetLines(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(/[\n;]/)
    .map((line) => line.trim())
    .filter(Boolean);
}
