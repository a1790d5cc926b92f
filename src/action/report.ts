import type { DeliveryResult, NotifyOutcome } from '../notify/notify.js';
import type { SecretRegistry } from '../model/secrets.js';
import { BARE_URL, escapeMarkdown } from '../render/escape.js';
import type { ActionCore } from './types.js';

/** Output names, as declared in action.yml. */
export const OUTPUTS = {
  status: 'status',
  messageId: 'message-id',
  results: 'results',
  response: 'response',
} as const;

export function setOutputs(core: ActionCore, outcome: NotifyOutcome, secrets: SecretRegistry): void {
  core.setOutput(OUTPUTS.status, outcome.status);
  core.setOutput(OUTPUTS.messageId, secrets.redact(outcome.messageId ?? ''));
  core.setOutput(OUTPUTS.results, secrets.redact(JSON.stringify(outcome.results)));
  core.setOutput(
    OUTPUTS.response,
    outcome.response === undefined ? '' : secrets.redact(JSON.stringify(outcome.response)),
  );
}

/**
 * Untrusted text (a PR title, a target, a provider's reply) in the job summary, which GitHub renders as GFM:
 * escaped like in every other dialect, so `[Approve](https://evil.example)` or `![](pixel)` stays literal text,
 * and a bare address is shown as code (visible, never a live link). No pipes or newlines: one table cell.
 */
function cell(text: unknown): string {
  return String(text ?? '')
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 300)
    .split(BARE_URL)
    .map((piece, i) => (i % 2 === 1 ? `\`${piece}\`` : escapeMarkdown(piece)))
    .join('');
}

function resultRow(result: DeliveryResult): string {
  const outcome = result.ok ? '✅ sent' : result.warning ? '⚠️ not reached' : '❌ failed';
  const delivery = result.delivery ? ` · ${result.delivery}` : '';
  return `| ${cell(result.provider)} | ${cell(result.target)} | ${outcome}${delivery} | ${cell(result.id ?? result.code ?? '')} | ${result.attempts} | ${result.durationMs} ms | ${cell(result.ok ? (result.deliveryMessage ?? '') : result.message)} |`;
}

export function summaryMarkdown(outcome: NotifyOutcome, provider: string, secrets: SecretRegistry): string {
  const lines = [`### ci-notifier: ${outcome.status}`, ''];
  if (outcome.message) lines.push(`**${cell(secrets.redact(outcome.message.title))}** via ${cell(provider)}`, '');
  if (outcome.status === 'skipped') lines.push(`Nothing sent: ${cell(outcome.reason)}.`);
  if (outcome.status === 'dry-run') {
    lines.push(`Dry run: ${outcome.dryRun?.length ?? 0} request(s) rendered, nothing sent.`);
  }
  if (outcome.results.length > 0) {
    lines.push(
      '| Provider | Target | Outcome | Id / code | Attempts | Time | Detail |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    // Redacted before each cell is cut to length: a cut can split a secret so that redaction misses it.
    lines.push(...outcome.results.map((result) => resultRow(secrets.redactValue(result))));
  }
  return secrets.redact(lines.join('\n')) + '\n';
}
