import type { JunitDependencies, TestSummary } from '../model/junit.js';

/**
 * Reads the `junit` reports, loading the XML parser only when the input is set: most runs have no reports, and the
 * parser would otherwise be part of every start-up (about 130 KiB of the entry bundle).
 */
export async function readJunit(raw: string | undefined, deps: JunitDependencies): Promise<TestSummary | undefined> {
  if (!raw?.trim()) return undefined;
  const { loadJunit } = await import('../model/junit.js');
  return loadJunit(raw, deps);
}
