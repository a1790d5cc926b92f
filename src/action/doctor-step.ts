/**
 * The action input `doctor`: instead of sending, check every destination the step names (as `ci-notifier doctor`
 * does: src/notify/doctor.ts), log one ✓/✗ line per check, write the table to the job summary and fail the step
 * when a check fails. `doctor: send-test` also sends one short test message per destination.
 */
import { ConfigError } from '../model/errors.js';
import type { SecretRegistry } from '../model/secrets.js';
import type { NotifyConfig } from '../model/config.js';
import type { CiContext } from '../model/context.js';
import { doctorMarkdown, doctorText, runDoctor } from '../notify/doctor.js';
import { fetchForRequests } from '../transport/proxy.js';
import type { Logger } from '../transport/types.js';
import type { ActionCore, Environment } from './types.js';

export type DoctorMode = 'off' | 'checks' | 'send-test';

/** `doctor`: empty or false (send as usual), true (check), send-test (check and send a test message). */
export function doctorMode(value: string): DoctorMode {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'false') return 'off';
  if (text === 'true') return 'checks';
  if (text === 'send-test') return 'send-test';
  throw new ConfigError(
    'doctor',
    `'${value.trim().slice(0, 40)}' is not a doctor mode`,
    "'true', 'send-test' or 'false'",
  );
}

/** Runs the checks; returns true when every one passed. */
export async function doctorStep(
  tools: { core: ActionCore; env: Environment; secrets: SecretRegistry; logger: Logger },
  run: { configs: NotifyConfig[]; context: CiContext; config: NotifyConfig },
  mode: Exclude<DoctorMode, 'off'>,
): Promise<boolean> {
  const { core, env, secrets, logger } = tools;
  const report = await runDoctor(
    run.configs,
    { secrets, logger, fetch: await fetchForRequests(env) },
    {
      // Runners change address: the one this job had is what an allow-list refusal was about.
      egressIp: true,
      egressIpUrl: env.CI_NOTIFIER_EGRESS_IP_URL || undefined,
      sendTest: mode === 'send-test',
      context: run.context,
    },
  );
  for (const line of doctorText(report, run.config.locale).trimEnd().split('\n')) logger.info(line);
  core.setOutput('status', report.ok ? 'success' : 'failure');
  if (run.config.summary !== false && env.GITHUB_STEP_SUMMARY) {
    try {
      core.summary.addRaw(secrets.redact(doctorMarkdown(report, run.config.locale)));
      await core.summary.write();
    } catch (error) {
      logger.warning(`Could not write the job summary: ${(error as Error).message}`);
    }
  }
  if (!report.ok) core.setFailed('ci-notifier doctor: some checks failed (see the lines above and the job summary)');
  return report.ok;
}
