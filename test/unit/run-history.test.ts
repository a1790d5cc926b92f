import { describe, expect, it } from 'vitest';
import {
  decideRunState,
  isSameLine,
  outcomeOf,
  previousOutcomes,
  type RunIdentity,
  type WorkflowRunRecord,
} from '../../src/context/run-history.js';

// The pure decision the history step (and an org-wide sweep) share: no client, just runs as the API lists them.
const push: RunIdentity = {
  id: 900,
  runNumber: 10,
  attempt: 1,
  event: 'push',
  headRepository: 'octo-org/hello-world',
  headBranch: 'main',
};
const run = (id: number, conclusion: string, extra: Partial<WorkflowRunRecord> = {}): WorkflowRunRecord => ({
  id,
  run_number: id,
  status: 'completed',
  conclusion,
  event: 'push',
  head_branch: 'main',
  head_repository: { full_name: 'octo-org/hello-world' },
  ...extra,
});

describe('outcomeOf', () => {
  it.each([
    ['success', 'success'],
    ['failure', 'failure'],
    ['timed_out', 'failure'],
    ['startup_failure', 'failure'],
    ['action_required', undefined],
    ['cancelled', undefined],
    ['skipped', undefined],
    ['neutral', undefined],
    ['stale', undefined],
    [null, undefined],
  ] as const)('%s → %s', (conclusion, outcome) => expect(outcomeOf(conclusion)).toBe(outcome));
});

describe('isSameLine', () => {
  it('needs the same event, head branch and head repository (case-insensitive name, or id when both have one)', () => {
    expect(isSameLine(run(1, 'failure'), push)).toBe(true);
    expect(isSameLine(run(1, 'failure', { event: 'schedule' }), push)).toBe(false);
    expect(isSameLine(run(1, 'failure', { head_branch: 'dev' }), push)).toBe(false);
    expect(isSameLine(run(1, 'failure', { head_repository: { full_name: 'alice/hello-world' } }), push)).toBe(false);
    expect(isSameLine(run(1, 'failure', { head_repository: { full_name: 'Octo-Org/Hello-World' } }), push)).toBe(true);
    expect(isSameLine(run(1, 'failure', { head_repository: null }), push)).toBe(false);
    const byId = { ...push, headRepositoryId: 5 };
    expect(isSameLine(run(1, 'failure', { head_repository: { id: 6, full_name: 'octo-org/hello-world' } }), byId)).toBe(
      false,
    );
  });
  it('for pull requests, a listed pull request must be this one', () => {
    const pr = { ...push, event: 'pull_request', headBranch: 'feature', pullRequest: 4 };
    const base = { event: 'pull_request', head_branch: 'feature' };
    expect(isSameLine(run(1, 'failure', { ...base, pull_requests: [{ number: 4 }] }), pr)).toBe(true);
    expect(isSameLine(run(1, 'failure', { ...base, pull_requests: [{ number: 3 }] }), pr)).toBe(false);
    expect(isSameLine(run(1, 'failure', { ...base, pull_requests: [] }), pr)).toBe(true);
  });
});

describe('previousOutcomes and decideRunState', () => {
  it('earlier attempts come first, newest first; duplicates, later and unfinished runs are left out', () => {
    const current = { ...push, attempt: 3 };
    const attempts = [
      run(900, 'failure', { run_attempt: 1 }),
      run(900, 'cancelled', { run_attempt: 2 }),
      run(900, 'failure', { run_attempt: 1 }),
      run(900, 'success', { run_attempt: 3 }),
    ];
    const runs = [
      run(11, 'failure'),
      run(9, 'failure'),
      run(9, 'failure'),
      run(8, 'success', { status: 'in_progress' }),
    ];
    const outcomes = previousOutcomes(current, attempts, runs);
    expect(outcomes.map((item) => [item.run.id, item.run.run_attempt])).toEqual([
      [900, 1],
      [9, undefined],
    ]);
    expect(decideRunState('failure', outcomes)).toMatchObject({
      state: 'still-failing',
      failureStreak: 3,
      settled: false,
    });
    expect(decideRunState('success', outcomes)).toMatchObject({ state: 'fixed', settled: true });
  });
  it('a first run is success or failure (streak 1); a green one before ends the streak', () => {
    expect(decideRunState('success', [])).toEqual({ state: 'success', previous: undefined, settled: false });
    expect(decideRunState('failure', [])).toMatchObject({ state: 'failure', failureStreak: 1 });
    const outcomes = previousOutcomes(push, [], [run(9, 'failure'), run(8, 'success'), run(7, 'failure')]);
    expect(decideRunState('failure', outcomes)).toMatchObject({
      state: 'still-failing',
      failureStreak: 2,
      settled: true,
    });
  });
});
