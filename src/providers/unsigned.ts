import type { Verdict } from '../transport/types.js';

/**
 * A robot with signing switched on refuses every unsigned request with a "sign mismatch" or "invalid timestamp"
 * error that does not say the request was unsigned. When `secret` is empty that is the cause, so the failure says
 * so first, instead of pointing at the clock or at a secret that was never given.
 *
 * `signError` tells whether a failure is one of those (DingTalk 310000 about the sign or the timestamp, Feishu 19021).
 */
export function namesMissingSecret(
  verdict: Verdict,
  secret: string | undefined,
  signError: (code: string | number | undefined, message: string) => boolean,
): Verdict {
  if (verdict.ok || secret || !signError(verdict.code, verdict.message)) return verdict;
  return {
    ...verdict,
    message: `no \`secret\` was given, and this robot requires signed requests: ${verdict.message}`,
    hint: "set `secret` to the robot's signing secret (shown where signing is switched on in the robot's security settings)",
  };
}
