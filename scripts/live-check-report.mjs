#!/usr/bin/env node
/**
 * The last step of .github/workflows/live-check.yml: reads what each live step returned (the `steps` context as
 * JSON in STEPS) and writes one table row per provider and operation to the job summary: result, latency, the
 * service's own code. A service whose LIVE_* secrets are not set is a "skipped" row, never a failure; a configured
 * operation that failed, or returned something other than what it must (no message id, not delivered, an update
 * that produced a new id), fails the run.
 *
 *   STEPS='${{ toJSON(steps) }}' node scripts/live-check-report.mjs
 *
 * Only whether a LIVE_* variable is empty is read, never its value.
 */
import { appendFileSync } from 'node:fs';

/**
 * Every live operation: the step id in live-check.yml, the provider, what it does, the secrets it needs (one
 * documented name per credential, see CONTRIBUTING.md "Live check"), and what must have come back.
 */
export const OPERATIONS = [
  { id: 'pushplus', provider: 'pushplus', operation: 'send', secrets: ['LIVE_PUSHPLUS_TOKEN'] },
  { id: 'serverchan', provider: 'serverchan', operation: 'send', secrets: ['LIVE_SERVERCHAN_SENDKEY'] },
  { id: 'dingtalk', provider: 'dingtalk', operation: 'send', secrets: ['LIVE_DINGTALK_TOKEN', 'LIVE_DINGTALK_SECRET'] },
  { id: 'wecom', provider: 'wecom', operation: 'send', secrets: ['LIVE_WECOM_KEY'] },
  { id: 'feishu', provider: 'feishu', operation: 'send', secrets: ['LIVE_FEISHU_HOOK', 'LIVE_FEISHU_SECRET'] },
  {
    id: 'easemob',
    provider: 'easemob',
    operation: 'send',
    secrets: [
      'LIVE_EASEMOB_ENDPOINT',
      'LIVE_EASEMOB_APP_KEY',
      'LIVE_EASEMOB_CLIENT_ID',
      'LIVE_EASEMOB_CLIENT_SECRET',
      'LIVE_EASEMOB_USER',
    ],
  },
  ...appFlow('feishu_app', 'feishu-app', ['LIVE_FEISHU_APP_ID', 'LIVE_FEISHU_APP_SECRET', 'LIVE_FEISHU_CHAT_ID'], {
    reply: true,
  }),
  ...appFlow('dingtalk_app', 'dingtalk-app', [
    'LIVE_DINGTALK_APP_KEY',
    'LIVE_DINGTALK_APP_SECRET',
    'LIVE_DINGTALK_AGENT_ID',
    'LIVE_DINGTALK_USER',
  ]),
  {
    id: 'wecom_app',
    provider: 'wecom-app',
    operation: 'send',
    secrets: ['LIVE_WECOM_CORP_ID', 'LIVE_WECOM_APP_SECRET', 'LIVE_WECOM_AGENT_ID', 'LIVE_WECOM_USER'],
  },
];

/**
 * An application channel's whole flow: a `started` message whose delivery is followed to its end
 * (wait-for-delivery), the same message updated in place (the same message id comes back), and for Feishu a reply
 * in its thread.
 */
function appFlow(id, provider, secrets, { reply = false } = {}) {
  return [
    { id: `${id}_start`, provider, operation: 'started, delivery followed', secrets, delivery: true },
    { id: `${id}_update`, provider, operation: 'updated in place', secrets, sameIdAs: `${id}_start` },
    ...(reply ? [{ id: `${id}_reply`, provider, operation: 'reply in thread', secrets }] : []),
  ];
}

function parseJson(text, fallback) {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** One row: { provider, operation, result, latency, code, ok }. */
export function rowFor(op, steps, env) {
  const base = { provider: op.provider, operation: op.operation, latency: '', code: '' };
  const missing = op.secrets.filter((name) => !env[name]);
  if (missing.length) return { ...base, result: `skipped (no ${missing.join(', ')})`, ok: true };
  const step = steps[op.id];
  if (!step || step.outcome === 'skipped') return { ...base, result: 'not run (an earlier step failed)', ok: false };
  const outputs = step.outputs ?? {};
  const results = parseJson(outputs.results ?? '[]', []);
  const latency = results.length ? `${Math.max(...results.map((item) => Number(item.durationMs) || 0))} ms` : '';
  const code = [...new Set(results.map((item) => item.code).filter((item) => item !== undefined && item !== ''))].join(
    ', ',
  );
  const problems = [];
  if (step.outcome !== 'success' || outputs.status !== 'success')
    problems.push(`status ${outputs.status || step.outcome}`);
  if (!outputs['message-id']) problems.push('no message-id');
  if (op.sameIdAs && outputs['message-id'] !== steps[op.sameIdAs]?.outputs?.['message-id'])
    problems.push('the update returned another message id');
  if (op.delivery) {
    const states = results.map((item) => item.delivery ?? 'none');
    if (!states.every((state) => state === 'delivered')) problems.push(`delivery ${states.join(', ')}`);
  }
  const failures = results
    .filter((item) => !item.ok)
    .map((item) => item.message)
    .filter(Boolean);
  const result = problems.length ? `failed: ${[...problems, ...failures].join('; ')}` : 'passed';
  return { ...base, latency, code: String(code), result, ok: problems.length === 0 };
}

const cell = (text) =>
  String(text)
    .replace(/[|\\]/g, (char) => `\\${char}`)
    .replace(/\r?\n/g, ' ');

export function reportMarkdown(rows) {
  return [
    '### Live check against the real services',
    '',
    '| provider | operation | result | latency | code |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${cell(row.provider)} | ${cell(row.operation)} | ${cell(row.result)} | ${row.latency} | ${cell(row.code)} |`,
    ),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const steps = parseJson(process.env.STEPS ?? '{}', {});
  const rows = OPERATIONS.map((op) => rowFor(op, steps, process.env));
  const markdown = reportMarkdown(rows);
  process.stdout.write(markdown);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown);
  const failed = rows.filter((row) => !row.ok);
  if (failed.length) {
    process.stderr.write(
      `::error::${failed.length} live operation(s) failed: ${failed.map((row) => `${row.provider} ${row.operation}`).join(', ')}\n`,
    );
    process.exitCode = 1;
  }
}
