/**
 * What the sweeps remember between runs, in one small JSON file that the workflow keeps in the Actions cache
 * (docs/watch.md "State" says why the cache and not a branch). Losing it is safe: runs that completed before the
 * window are never sent, so a lost file re-reads at most one window.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface WatchState {
  version: 1;
  /** When the last sweep finished (ISO), absent before the first one. */
  lastSweepAt?: string;
  /** `owner/repo#runId#attempt` → when that attempt completed (ms): sent, or decided not to send. */
  seen: Record<string, number>;
  /** Request URL → the ETag of the reply we fully processed. */
  etags: Record<string, string>;
  /** The repository list, reused when GitHub answers 304 for it. */
  repositories?: { url: string; etag?: string; names: string[] };
  /** Where the next sweep starts in the repository list, so a sweep stopped by the budget is not always the same prefix. */
  cursor?: number;
}

export function emptyState(): WatchState {
  return { version: 1, seen: {}, etags: {} };
}

export function attemptKey(repository: string, runId: number, attempt: number): string {
  return `${repository.toLowerCase()}#${runId}#${attempt}`;
}

/** Reads the state; a missing or unreadable file is an empty state and says why (`lost`). */
export async function loadState(path: string): Promise<{ state: WatchState; problem?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyState(), problem: 'no state file' };
    return { state: emptyState(), problem: `cannot read ${path} (${(error as Error).message})` };
  }
  try {
    const parsed = JSON.parse(text) as Partial<WatchState>;
    if (parsed.version !== 1 || typeof parsed.seen !== 'object' || parsed.seen === null)
      return { state: emptyState(), problem: `${path} is not a ci-notifier watch state (version 1)` };
    return { state: { ...emptyState(), ...parsed, etags: parsed.etags ?? {} } as WatchState };
  } catch {
    return { state: emptyState(), problem: `${path} is not valid JSON` };
  }
}

/** Writes the file whole or not at all (a sweep killed mid-write keeps the previous state). */
export async function saveState(path: string, state: WatchState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state)}\n`);
  await rename(temporary, path);
}

/** Forgets attempts that completed before the window (they are never read again), so the file stays small. */
export function pruneState(state: WatchState, windowStart: number): void {
  for (const [key, completed] of Object.entries(state.seen)) if (completed < windowStart) delete state.seen[key];
}
