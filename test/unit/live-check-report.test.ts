import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { OPERATIONS, reportMarkdown, rowFor } from '../../scripts/live-check-report.mjs';

interface Op {
  id: string;
  provider: string;
  operation: string;
  secrets: string[];
}
interface Row {
  provider: string;
  operation: string;
  result: string;
  ok: boolean;
  latency: string;
  code: string;
}
const ops = OPERATIONS as Op[];
const row = rowFor as (op: Op, steps: Record<string, unknown>, env: Record<string, string>) => Row;
const op = (id: string) => ops.find((item) => item.id === id)!;
const envFor = (item: Op) => Object.fromEntries(item.secrets.map((name) => [name, 'set']));
const results = (entries: Record<string, unknown>[]) => JSON.stringify(entries);

describe('live-check report', () => {
  it('makes a service without its secrets a skipped row that never fails the run', () => {
    const rows = ops.map((item) => row(item, {}, {}));
    expect(rows.every((item) => item.ok && item.result.startsWith('skipped'))).toBe(true);
    expect(reportMarkdown(rows)).toContain('| provider | operation | result | latency | code |');
  });

  it('passes a send that came back with a message id, with its latency and code', () => {
    const item = op('dingtalk');
    const steps = {
      dingtalk: {
        outcome: 'success',
        outputs: { status: 'success', 'message-id': 'x', results: results([{ ok: true, durationMs: 183, code: 0 }]) },
      },
    };
    expect(row(item, steps, envFor(item))).toMatchObject({ ok: true, result: 'passed', latency: '183 ms', code: '0' });
  });

  it('fails a configured step that failed, did not run, or updated another message', () => {
    const start = op('feishu_app_start');
    const update = op('feishu_app_update');
    const env = envFor(start);
    const failed = {
      feishu_app_start: {
        outcome: 'failure',
        outputs: { status: 'failure', results: results([{ ok: false, code: 230002, message: 'bot not in chat' }]) },
      },
    };
    expect(row(start, failed, env)).toMatchObject({ ok: false, code: '230002' });
    expect(row(update, { feishu_app_update: { outcome: 'skipped', outputs: {} } }, env).ok).toBe(false);
    const moved = {
      feishu_app_start: {
        outcome: 'success',
        outputs: { status: 'success', 'message-id': 'om_1', results: results([{ ok: true, delivery: 'delivered' }]) },
      },
      feishu_app_update: {
        outcome: 'success',
        outputs: { status: 'success', 'message-id': 'om_2', results: results([{ ok: true }]) },
      },
    };
    expect(row(start, moved, env).ok).toBe(true);
    expect(row(update, moved, env).result).toMatch(/another message id/);
  });
});
