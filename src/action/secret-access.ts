/**
 * Runs that cannot read the repository's Actions secrets: pull requests from forks, and runs Dependabot starts.
 * There an empty credential is expected, not a mistake, and failing the build over a notification would turn
 * every outside contribution and dependency update red. Rules from GitHub's documentation:
 * https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions
 * https://docs.github.com/en/code-security/dependabot/troubleshooting-dependabot/troubleshooting-dependabot-on-github-actions
 */
import { jsonObject as obj, jsonText as text, type Json } from '../model/payload.js';
import type { Environment } from './types.js';

const DEPENDABOT = 'dependabot[bot]';

/** Events whose workflows run with the head repository's rights when the pull request comes from a fork. */
const FORK_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);

/** Events whose workflows get Dependabot secrets instead of Actions secrets when Dependabot triggers them. */
const DEPENDABOT_EVENTS = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'push',
  'create',
  'deployment',
  'deployment_status',
]);

/** Why this run cannot see the repository's secrets, or undefined when it can (or we cannot tell). */
export function secretsUnavailable(env: Environment, payload: Json): string | undefined {
  const event = env.GITHUB_EVENT_NAME ?? '';
  const pr = obj(payload.pull_request);
  const actor = text(env.GITHUB_ACTOR);
  const sender = text(obj(payload.sender)?.login);
  if (DEPENDABOT_EVENTS.has(event) && (actor === DEPENDABOT || sender === DEPENDABOT))
    return `this ${event} run was started by ${DEPENDABOT}, and such runs get no Actions secrets (only Dependabot secrets)`;
  if (event === 'pull_request_target' && text(obj(pr?.user)?.login) === DEPENDABOT && actor === DEPENDABOT)
    return `this pull_request_target run is for a pull request by ${DEPENDABOT}, and such runs get no secrets`;
  if (FORK_EVENTS.has(event) && pr) {
    const head = text(obj(obj(pr.head)?.repo)?.full_name);
    const base = text(obj(obj(pr.base)?.repo)?.full_name) ?? text(obj(payload.repository)?.full_name);
    // A deleted fork leaves `head.repo` null: still not this repository.
    if (base && head !== base)
      return `this ${event} run is for a pull request from the fork ${head ?? '(deleted)'}, and runs for forks get no secrets`;
  }
  return undefined;
}
