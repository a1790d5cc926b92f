import { NotifierError, toError } from '../model/errors.js';
import type { ProbeCheck } from './types.js';

/**
 * Runs one doctor check: success is what `run` returns (a detail), a thrown error is the failed check with the
 * service's code and hint. Shared by the providers' `probe()`.
 */
export async function probeStep(
  check: ProbeCheck['check'],
  subject: string | undefined,
  run: () => Promise<string | undefined>,
): Promise<ProbeCheck> {
  try {
    const detail = await run();
    return { check, ...(subject ? { subject } : {}), ok: true, ...(detail ? { detail } : {}) };
  } catch (thrown) {
    const error = toError(thrown);
    const notifier = error instanceof NotifierError ? error : undefined;
    return {
      check,
      ...(subject ? { subject } : {}),
      ok: false,
      detail: error.message,
      ...(notifier?.code !== undefined ? { code: notifier.code } : {}),
      ...(notifier?.hint ? { hint: notifier.hint } : {}),
    };
  }
}

/** At most this many recipients are looked up one by one (the rest are named as not checked). */
export const PROBE_RECIPIENTS = 5;
