import { ProviderError } from '../model/errors.js';
import type { HttpReply, Verdict } from '../transport/types.js';
import type { PlanEnvironment } from './types.js';

/**
 * Plumbing shared by the application channels (feishu-app, wecom-app, dingtalk-app).
 */

/**
 * The run-time access token of an application channel (Feishu tenant token, WeCom and DingTalk access tokens):
 * fetched on first use, shared by every request of the run (concurrent callers wait on the same fetch), and
 * replaced at most once per token the service rejected. The services throttle or ban callers that fetch tokens
 * often, so a failed fetch is remembered rather than repeated by each delivery. Easemob's TokenSession is this
 * cache too; the fetch itself is the provider's.
 */
export class AppToken {
  private current?: Promise<string>;
  private fetches = 0;

  constructor(private readonly fetchToken: () => Promise<string>) {}

  /** How many token requests this run made (tests and logs). */
  get fetchCount(): number {
    return this.fetches;
  }

  get(): Promise<string> {
    this.current ??= this.fetch();
    return this.current;
  }

  /** Drops `rejected` so the next `get()` fetches again; a no-op when another caller already replaced it. */
  async invalidate(rejected: string | undefined): Promise<void> {
    const promise = this.current;
    if (!promise) return;
    const held = await promise.catch(() => undefined);
    if (held !== undefined && held === rejected && this.current === promise) this.current = undefined;
  }

  private fetch(): Promise<string> {
    this.fetches += 1;
    return this.fetchToken();
  }
}

/** Placeholder shown in dry-run requests: a dry run never fetches a token. */
export const DRY_RUN_TOKEN = 'dry-run-access-token';

/** Reads `options.reauthCodes` (codes that mean "fetch a new token and retry once"), or the channel's default. */
export function reauthCodesOption(
  value: unknown,
  fallback: readonly number[],
  configError: (problem: string, expected: string) => Error,
): number[] {
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'number' && Number.isInteger(item)))
    throw configError('must be a list of numeric error codes', `e.g. [${fallback.join(', ')}]`);
  return value as number[];
}

export { targetLines } from './target-lines.js';

/**
 * Fetches an app access token from a GET endpoint whose reply carries `access_token` (WeCom's and DingTalk's
 * `gettoken`): the service's own verdict first, then the token, masked as soon as it exists.
 */
export async function fetchAccessToken(
  env: PlanEnvironment,
  spec: { label: string; url: string; verdict: (reply: HttpReply) => Verdict; rateKey: string },
): Promise<string> {
  const tokenOf = (reply: HttpReply): unknown => (reply.json as Record<string, unknown> | undefined)?.access_token;
  const outcome = await env.transport.exchange({
    label: spec.label,
    build: () => ({ method: 'GET', url: spec.url, headers: {} }),
    interpret: (reply) => {
      const verdict = spec.verdict(reply);
      if (!verdict.ok) return verdict;
      const token = tokenOf(reply);
      if (typeof token !== 'string' || !token)
        return { ok: false, message: 'the token reply has no access_token', retry: 'never' };
      env.secrets.add(token);
      return { ok: true };
    },
    rateKey: spec.rateKey,
  });
  const token = tokenOf(outcome.reply);
  if (typeof token !== 'string') throw new ProviderError(`${spec.label}: the reply has no access_token`);
  return token;
}
