/** Thrown for Liquid the preset compiler does not translate; such a preset is left to liquidjs. */
export class Unsupported extends Error {}
/** The body of a CompiledText function (`src/render/preset-runtime.ts`) for one Liquid template. */
export function compileTemplate(source: string, filterNames: readonly string[]): string;
