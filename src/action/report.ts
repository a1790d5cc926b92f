import type { DeliveryResult, NotifyOutcome } from '../core/notify.js';
import type { SecretRegistry } from '../core/secrets.js';
import type { HttpRequest } from '../transport/types.js';
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

/** Markdown table cells: no pipes or newlines from untrusted text. */
function cell(text: unknown): string {
  return String(text ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .slice(0, 300);
}

function resultRow(result: DeliveryResult): string {
  const outcome = result.ok ? '✅ sent' : result.warning ? '⚠️ not reached' : '❌ failed';
  const delivery = result.delivery ? ` · ${result.delivery}` : '';
  return `| ${cell(result.provider)} | ${cell(result.target)} | ${outcome}${delivery} | ${cell(result.id ?? result.code ?? '')} | ${result.attempts} | ${result.durationMs} ms | ${cell(result.ok ? (result.deliveryMessage ?? '') : result.message)} |`;
}

export function summaryMarkdown(outcome: NotifyOutcome, provider: string, secrets: SecretRegistry): string {
  const lines = [`### ci-notifier: ${outcome.status}`, ''];
  if (outcome.message) lines.push(`**${cell(outcome.message.title)}** via ${cell(provider)}`, '');
  if (outcome.status === 'skipped') lines.push(`Nothing sent: ${cell(outcome.reason)}.`);
  if (outcome.status === 'dry-run') {
    lines.push(`Dry run: ${outcome.dryRun?.length ?? 0} request(s) rendered, nothing sent.`);
  }
  if (outcome.results.length > 0) {
    lines.push(
      '| Provider | Target | Outcome | Id / code | Attempts | Time | Detail |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    lines.push(...outcome.results.map(resultRow));
  }
  return secrets.redact(lines.join('\n')) + '\n';
}

export function describeRequest(request: HttpRequest): string {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  let body = request.body ?? '';
  try {
    body = JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // Not JSON (a form body): shown as sent.
  }
  return `${request.method} ${request.url}\n${headers}\n\n${body}`;
}
