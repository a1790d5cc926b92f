/**
 * What adapter tests plan with: a failed push to report, a PlanEnvironment over a real Transport with short limits
 * and no retries, and a provider's JSON reply.
 */
import type { CiContext } from '../../src/model/context.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import type { PlanEnvironment } from '../../src/providers/types.js';
import { Transport } from '../../src/transport/transport.js';
import { silentLogger, type HttpReply } from '../../src/transport/types.js';

/** A push whose workflow failed, with the run's links. */
export const PUSH_FAILURE: CiContext = {
  ci: 'github',
  repository: 'octo-org/hello-world',
  repositoryUrl: 'https://github.com/octo-org/hello-world',
  runId: '42',
  runAttempt: '1',
  runUrl: 'https://github.com/octo-org/hello-world/actions/runs/42',
  workflow: 'CI',
  status: 'failure',
  eventName: 'push',
  branch: 'main',
};

export interface PlanOptions {
  secrets?: SecretRegistry;
  /** Default true: plans are built, nothing is sent. */
  dryRun?: boolean;
  now?: () => number;
  deadline?: number;
}

export function planEnvironment({ secrets = new SecretRegistry(), ...rest }: PlanOptions = {}): PlanEnvironment {
  const transport = new Transport({
    timeoutMs: 1000,
    retries: 0,
    deadline: Date.now() + 5000,
    secrets,
    logger: silentLogger,
  });
  return { transport, secrets, logger: silentLogger, dryRun: true, now: Date.now, ...rest };
}

/** A reply whose body is `json`. */
export function jsonReply(status: number, json: unknown, headers: Record<string, string> = {}): HttpReply {
  return { status, headers: new Headers(headers), text: JSON.stringify(json), json, durationMs: 1 };
}
