/**
 * Why a required credential is empty on GitHub, when the run could read secrets (a fork's pull request or a
 * Dependabot run is handled before, in secret-access.ts): `${{ secrets.NAME }}` of a secret that is not set, or
 * whose name is misspelt, expands to an empty string without any error from GitHub
 * (https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions).
 * When the workflow file is in the checkout, the expression the step gives the input is named.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Environment } from './types.js';

const MAX_WORKFLOW_BYTES = 1024 * 1024;

/** The inputs that hold credentials (the providers' CREDENTIAL_INPUTS). */
export const CREDENTIAL_INPUT_NAMES: readonly string[] = ['token', 'secret', 'app-id', 'app-secret', 'workspace-id'];

/** `.github/workflows/ci.yml` from `owner/repo/.github/workflows/ci.yml@refs/heads/main`, when it is this repository's. */
function workflowPath(env: Environment): string | undefined {
  const ref = env.GITHUB_WORKFLOW_REF;
  const repository = env.GITHUB_REPOSITORY;
  if (!ref || !repository || !ref.startsWith(`${repository}/`)) return undefined;
  const path = ref.slice(repository.length + 1).replace(/@[^@]*$/, '');
  return /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) ? path : undefined;
}

/** The `${{ … }}` expressions the workflow gives `input` (`token: ${{ secrets.DINGTALK_TOKEN }}`), at most three. */
export function secretExpressions(env: Environment, input: string): string[] {
  const path = workflowPath(env);
  const workspace = env.GITHUB_WORKSPACE;
  if (!path || !workspace) return [];
  const file = resolve(workspace, path);
  if (relative(workspace, file).startsWith('..')) return [];
  let text: string;
  try {
    if (statSync(file).size > MAX_WORKFLOW_BYTES) return [];
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const pattern = new RegExp(
    `^\\s*${input.replace(/[^\w-]/g, '')}:\\s*["']?\\$\\{\\{\\s*([^}\\n]{1,200}?)\\s*\\}\\}`,
    'gm',
  );
  const found = new Set<string>();
  for (const match of text.matchAll(pattern)) if (found.size < 3) found.add(match[1]!);
  return [...found];
}

/** The hint appended to "'token' is required" on GitHub. */
export function emptySecretHint(env: Environment, input: string): string {
  const expressions = secretExpressions(env, input);
  const named =
    expressions.length > 0
      ? ` This workflow sets it to ${expressions.map((expression) => `\${{ ${expression} }}`).join(' or ')}: check that ${expressions.length > 1 ? 'these are' : 'it is'} spelt as the secret is named`
      : ' Check the secret name the step passes';
  return (
    ` On GitHub, a secret that is not set, or whose name is misspelt, expands to an empty string.${named}` +
    ' (Settings → Secrets and variables → Actions; an environment secret also needs `environment:` on the job).'
  );
}
