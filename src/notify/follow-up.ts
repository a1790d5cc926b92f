import type { PlanEnvironment, ProviderAdapter, TrackHandle } from '../providers/types.js';
import type { Sleep } from '../transport/rate-limit.js';
import { NotifierError, describeError } from '../model/errors.js';
import type { DeliveryResult } from './notify.js';

export interface FollowUpOptions {
  /** How long to follow messages up, from now. */
  waitMs: number;
  /** The run's deadline on `now`'s clock: polling never extends the step past it. */
  deadline: number;
  /** A monotonic clock (a stepped wall clock must not stretch or cut the wait). */
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
  const started = options.now();
  const until = Math.min(options.deadline, started + options.waitMs);
  if (until < started + options.waitMs) {
    // Said at the start, not discovered at the end: the user asked for a longer wait than the run allows.
    const left = Math.max(0, Math.floor((until - started) / 1000));
    env.logger.warning(
      `wait-for-delivery asks for ${Math.round(options.waitMs / 1000)} s, but the deadline leaves ${left} s: delivery reports are followed for at most ${left} s. Raise \`deadline\` to wait longer.`,
    );
  }
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
      // The wait that really happened (the deadline may have cut the one asked for).
      const waited = Math.round((options.now() - started) / 1000);
      result.deliveryMessage = `no final state within ${waited} s${lastNote ? ` (last: ${lastNote})` : ''}`;
    }),
  );
}
