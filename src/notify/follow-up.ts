import type { PlanEnvironment, ProviderAdapter, TrackHandle } from '../providers/types.js';
import type { Sleep } from '../transport/rate-limit.js';
import { NotifierError, describeError } from '../model/errors.js';
import type { DeliveryResult } from './notify.js';

export interface FollowUpOptions {
  /** How long to follow messages up, from now. */
  waitMs: number;
  /** The run's deadline: polling never extends the step past it. */
  deadline: number;
  now: () => number;
  sleep: Sleep;
  /** First poll delay; doubles each poll (1 s, 2 s, 4 s …). */
  firstDelayMs?: number;
}

/** A delivery that was accepted and can be followed up. */
export interface Followable {
  result: DeliveryResult;
  handle: TrackHandle;
}

/**
 * Follows accepted deliveries until each reaches a final state or the time runs out, and writes `delivery`
 * (delivered, failed, pending, unsupported) into each result. Polls back off and go through the adapter,
 * and so through the transport's rate limits.
 */
export async function followUp(
  adapter: ProviderAdapter<unknown>,
  parsed: unknown,
  items: Followable[],
  env: PlanEnvironment,
  options: FollowUpOptions,
): Promise<void> {
  const track = adapter.track?.bind(adapter);
  if (!track) {
    for (const { result } of items) {
      result.delivery = 'unsupported';
      result.deliveryMessage = `${adapter.displayName} offers no delivery follow-up`;
    }
    return;
  }
  const until = Math.min(options.deadline, options.now() + options.waitMs);
  await Promise.all(
    items.map(async ({ result, handle }) => {
      let delay = options.firstDelayMs ?? 1000;
      let lastNote: string | undefined;
      for (;;) {
        try {
          const tracked = await track(parsed, handle, env);
          lastNote = tracked.message;
          if (tracked.state !== 'pending') {
            result.delivery = tracked.state;
            result.deliveryMessage = tracked.message;
            return;
          }
        } catch (error) {
          if (error instanceof NotifierError && error.code === 'unsupported') {
            result.delivery = 'unsupported';
            result.deliveryMessage = env.secrets.redact(describeError(error));
            return;
          }
          // A failed poll is not a failed delivery: keep following until the time runs out.
          lastNote = env.secrets.redact(describeError(error));
          env.logger.debug(`follow-up of ${result.target} failed: ${lastNote}`);
        }
        const remaining = until - options.now();
        if (remaining <= 0) break;
        await options.sleep(Math.min(delay, remaining));
        delay *= 2;
      }
      result.delivery = 'pending';
      result.deliveryMessage = `no final state within ${Math.round(options.waitMs / 1000)} s${lastNote ? ` (last: ${lastNote})` : ''}`;
    }),
  );
}
