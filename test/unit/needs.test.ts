import { describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/model/context.js';
import { applyNeeds, needsStatus, parseNeeds } from '../../src/model/needs.js';
import { shouldNotify } from '../../src/notify/notify.js';
import { templateVariables } from '../../src/render/template.js';

const needs = (results: Record<string, string>) =>
  JSON.stringify(Object.fromEntries(Object.entries(results).map(([name, result]) => [name, { result, outputs: {} }])));

describe('needs', () => {
  it('reads results trimmed and lower-cased, so they are translated like any other', () => {
    const jobs = parseNeeds(needs({ build: 'success ', test: ' Failure', lint: '\tskipped\n' }))!;
    expect(jobs.map((job) => job.result)).toEqual(['success', 'failure', 'skipped']);
    const context: CiContext = { ci: 'github', status: 'success' };
    applyNeeds(context, jobs);
    const variables = templateVariables(context, 'zh-CN') as { jobs: { resultText: string }[] };
    expect(variables.jobs.map((job) => job.resultText)).not.toContain('success ');
    expect(variables.jobs[0]!.resultText).not.toMatch(/success/);
  });

  it.each([
    [{ a: 'failure', b: 'cancelled', c: 'skipped' }, 'failure'],
    [{ a: 'success', b: 'cancelled' }, 'cancelled'],
    [{ a: 'success', b: 'skipped' }, 'success'],
    [{ a: 'success' }, 'success'],
    // GitHub: "skipped applies to the conclusion only if all jobs in the run were skipped" (actions/github-script#147).
    [{ a: 'skipped', b: 'skipped' }, 'skipped'],
    [{ a: 'skipped ' }, 'skipped'],
  ])('%j → %s', (results, status) => {
    expect(needsStatus(parseNeeds(needs(results))!)).toBe(status);
  });

  it('notify-on: skipped matches a workflow whose jobs were all skipped', () => {
    const context: CiContext = { ci: 'github', status: 'success' };
    applyNeeds(context, parseNeeds(needs({ deploy: 'skipped', publish: 'skipped' })));
    expect(shouldNotify(['skipped'], context)).toBe(true);
    expect(shouldNotify(['success'], context)).toBe(false);
  });
});
