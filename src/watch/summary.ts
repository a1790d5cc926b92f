/** The job summary of a sweep: what was read and spent, then one row per run that was handled. */
import type { SweepReport } from './sweep.js';

/** Markdown table cells: untrusted names must not break the table or inject markup. */
function cell(text: string): string {
  return text
    .replace(/[\\|]/g, (char) => `\\${char}`)
    .replace(/[<>]/g, (char) => (char === '<' ? '&lt;' : '&gt;'))
    .replace(/\r?\n/g, ' ');
}

export function sweepSummary(report: SweepReport): string {
  const lines = [
    '### ci-notifier watch',
    '',
    `Runs completed since ${report.windowStart}: ${report.repositories} repositories, ${report.read} read (${report.unchanged} unchanged, 304), ${report.runs} new runs, ${report.sent} messages sent, ${report.failed} failed, ${report.alreadySeen} already sent by an earlier sweep.`,
    '',
    `GitHub API: ${report.requests - report.notModified} calls spent, ${report.notModified} answered 304 (free)${report.remaining !== undefined ? `, ${report.remaining} of ${report.limit ?? '?'} left this hour` : ''}.`,
    '',
  ];
  if (report.noState)
    lines.push(`> [!NOTE]\n> No sweep state (${cell(report.noState)}): nothing older than the window was sent.`, '');
  if (report.error) lines.push(`> [!CAUTION]\n> The sweep failed: ${cell(report.error)}`, '');
  if (report.stopped) lines.push(`> [!WARNING]\n> ${cell(report.stopped)}`, '');
  if (report.rows.length > 0) {
    lines.push('| Repository | Workflow | Run | State | Routes | Result |', '| --- | --- | --- | --- | --- | --- |');
    for (const row of report.rows) {
      const run = row.url ? `[${cell(row.run)}](${row.url})` : cell(row.run);
      lines.push(
        `| ${cell(row.repository)} | ${cell(row.workflow)} | ${run} | ${cell(row.state)} | ${cell(row.routes)} | ${cell(row.result)} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
