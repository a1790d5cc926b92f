import { createHash } from 'node:crypto';
import type { CiContext } from './context.js';

/**
 * A key that is the same for every attempt at the same delivery and different for every other one:
 * run id, run attempt, provider and target. A re-run of the job (a new attempt) is a new notification.
 */
export function deliveryKey(context: CiContext, provider: string, target: string, length = 32): string {
  const material = [
    context.ci,
    context.repository ?? '',
    context.runId ?? '',
    context.runAttempt ?? '1',
    context.job ?? '',
    provider,
    target,
  ].join('\u0000');
  return createHash('sha256').update(material).digest('hex').slice(0, length);
}

/** A short stable fingerprint of a credential, for rate-limit buckets (never the credential itself). */
export function credentialFingerprint(value: string | undefined): string {
  return createHash('sha256')
    .update(value ?? '')
    .digest('hex')
    .slice(0, 12);
}
