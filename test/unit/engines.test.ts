/**
 * package.json's `engines.node` must promise only Node versions every runtime dependency supports, or `npm ci` on
 * a Node the package claims prints EBADENGINE warnings and the code may not run. The runtime graph is walked from
 * `dependencies` (transitive ones included: they ship in the bundle and in lib's installs), resolving each name
 * the way Node does (nearest node_modules up from the dependent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Manifest {
  name: string;
  version: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const ROOT = join(import.meta.dirname, '..', '..');

function read(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

function resolve(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

function runtimeDependencies(): Manifest[] {
  const seen = new Map<string, Manifest>();
  const visit = (name: string, from: string, optional: boolean) => {
    const file = resolve(name, from);
    if (!file) {
      if (optional) return;
      throw new Error(`runtime dependency ${name} is not installed (run npm ci)`);
    }
    if (seen.has(file)) return;
    const manifest = read(file);
    seen.set(file, manifest);
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dirname(file), false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, dirname(file), true);
  };
  for (const dep of Object.keys(read(join(ROOT, 'package.json')).dependencies ?? {})) visit(dep, ROOT, false);
  return [...seen.values()];
}

type Version = [number, number, number];

function version(text: string): Version {
  // `10.*` / `10.x` (yargs' get-caller-file states `>= 10.*`) is 10.0.0 as a lower bound.
  const match = /^v?(\d+)(?:\.(\d+|\*|x))?(?:\.(\d+|\*|x))?$/.exec(text.trim());
  if (!match) throw new Error(`cannot read version '${text}'`);
  const part = (value: string | undefined) =>
    value === undefined || value === '*' || value === 'x' ? 0 : Number(value);
  return [Number(match[1]), part(match[2]), part(match[3])];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The lower bound of a `>=X` range (the only form the package states). */
function lowerBound(range: string): Version {
  const match = /^>=\s*(\S+)$/.exec(range.trim());
  if (!match) throw new Error(`package.json engines.node '${range}' is not of the form '>=X'`);
  return version(match[1]!);
}

/**
 * Does `range` contain every version from `floor` up? True when one of its `||` alternatives has no upper bound
 * and only lower bounds at or below `floor`. Forms with an upper bound (`^`, `~`, `<`, exact) never contain an
 * open-ended range; an unknown form counts as not containing, so the test fails and names it.
 */
function containsFrom(range: string, floor: Version): boolean {
  return range.split('||').some((alternative) => {
    const parts = alternative
      .trim()
      .replace(/(>=|>)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    if (parts.length === 0 || parts.includes('*')) return true;
    return parts.every((part) => {
      const match = /^(>=|>)(.+)$/.exec(part);
      if (!match) return false;
      const bound = version(match[2]!);
      return match[1] === '>=' ? compare(bound, floor) <= 0 : compare(bound, floor) < 0;
    });
  });
}

describe('engines.node', () => {
  const claimed = read(join(ROOT, 'package.json')).engines?.node;

  it('is stated', () => {
    expect(claimed).toBeTruthy();
  });

  it('the comparator reads the forms dependencies use', () => {
    expect(containsFrom('>=22', version('22'))).toBe(true);
    expect(containsFrom('>=22', version('20'))).toBe(false);
    expect(containsFrom('^18.17 || >=20.6.1', version('22'))).toBe(true);
    expect(containsFrom('^18.17 || >=20.6.1', version('20'))).toBe(false);
    expect(containsFrom('>=0.6.11 <=0.7.0 || >=0.7.3', version('22'))).toBe(true);
    expect(containsFrom('>= 20', version('22'))).toBe(true);
    expect(containsFrom('>=20.19.0', version('20.6'))).toBe(false);
    expect(containsFrom('^22', version('22'))).toBe(false);
  });

  it("is within every installed runtime dependency's engines.node", () => {
    const floor = lowerBound(claimed!);
    const dependencies = runtimeDependencies();
    expect(dependencies.map((manifest) => manifest.name)).toContain('ky');
    const narrower = dependencies
      .filter((manifest) => manifest.engines?.node && !containsFrom(manifest.engines.node, floor))
      .map((manifest) => `${manifest.name}@${manifest.version} needs node ${manifest.engines!.node}`);
    expect(narrower, `package.json claims node ${claimed}`).toEqual([]);
  });
});
