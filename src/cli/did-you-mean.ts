/**
 * Did-you-mean for what is typed on the command line: flags (`--dryrun` → `--dry-run`) and commands
 * (`previw` → `preview`), with the same edit-distance rule as the action's inputs (model/suggest.ts).
 */
import { suggest } from '../model/suggest.js';

/**
 * node's parseArgs message for an unknown flag ("Unknown option '--dryrun'"), with the closest known flag added.
 * The message names the flag only, never a value.
 */
export function withFlagSuggestion(message: string, known: readonly string[]): string {
  const flag = /Unknown option '(--?)([^'=]+)'/.exec(message);
  if (!flag) return message;
  const hint = suggest(flag[2]!, known);
  return hint ? `${message} (did you mean '--${hint}'?)` : message;
}

/** ` (did you mean 'preview'?)` when `name` is a likely typo of one of `known`, else empty. */
export function commandSuggestion(name: string, known: readonly string[]): string {
  const hint = suggest(name, known);
  return hint ? ` (did you mean '${hint}'?)` : '';
}
