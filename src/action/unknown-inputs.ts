import { suggest } from '../model/suggest.js';
import type { Environment } from './types.js';

/**
 * Every input action.yml declares (test/unit/unknown-inputs.test.ts checks this list against action.yml, so
 * adding an input there without adding it here fails the tests).
 */
export const ACTION_INPUTS = [
  'provider',
  'urls',
  'token',
  'secret',
  'app-id',
  'app-secret',
  'workspace-id',
  'endpoint',
  'channel',
  'format',
  'template',
  'title',
  'target',
  'status',
  'notify-on',
  'github-token',
  'matrix',
  'options',
  'locale',
  'timezone',
  'people',
  'mention',
  'mention-on',
  'junit',
  'needs',
  'details',
  'update-message',
  'reply-to',
  'dry-run',
  'fail-on-error',
  'timeout',
  'retries',
  'deadline',
  'rate-limit',
  'wait-for-delivery',
  'doctor',
  'summary',
  'image',
  'qr',
  'file',
  'install',
] as const;

/** The variable the runner sets for an input: spaces become underscores, hyphens stay (`INPUT_NOTIFY-ON`). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Warnings for `with:` keys the action does not declare (they arrive as INPUT_* variables and would otherwise be
 * ignored): `notify_on` → "did you mean notify-on?". The value is never printed (it may be a credential).
 */
export function unknownInputWarnings(env: Environment, known: readonly string[] = ACTION_INPUTS): string[] {
  const variables = new Set(known.map(inputVariable));
  const warnings: string[] = [];
  for (const key of Object.keys(env).sort()) {
    if (!key.startsWith('INPUT_') || variables.has(key) || env[key] === undefined) continue;
    // The name as the workflow wrote it, as far as the variable tells (the runner upper-cased it).
    const name = key.slice('INPUT_'.length).toLowerCase();
    const hint = suggest(name.replace(/_/g, '-'), known);
    warnings.push(
      `Unknown input '${name}' is ignored${hint ? ` (did you mean '${hint}'?)` : ''}. This action's inputs: ${known.join(', ')}.`,
    );
  }
  return warnings;
}
