/**
 * The GitHub budget of `ci-notifier watch`, measured against the stand-in API: 300 repositories swept every
 * 10 minutes for an hour that crosses an hour boundary (when the window's URL changes and every list is read
 * again), with 40 repositories finishing a run in each 10 minutes and 5 of those runs failing (30 failures an
 * hour, the estimate in docs/watch.md). It must stay under 20 % of an App installation's hourly limit (12,500 on
 * a large organisation: 2,500 calls). `npm run bench:watch` runs this file and prints the table.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fakeGithubOrg, type OrgRun } from '../fakes/github-org.js';
import { fakeWecom } from '../fakes/wecom.js';
import { runWatch } from '../../src/watch/cli.js';

const APP_LIMIT = 12_500;
const REPOS = Array.from({ length: 300 }, (_, index) => `acme/repo-${index}`);
const START = Date.parse('2026-12-07T09:25:00Z');

it('300 repositories every 10 minutes for an hour stay under 20 % of an App installation hourly limit', async () => {
  const github = fakeGithubOrg({ tokens: ['ghs_bench'], repos: REPOS, runs: [] });
  const wecom = fakeWecom({ keys: ['bench-key'] });
  await Promise.all([github.start(), wecom.start()]);
  const dir = mkdtempSync(join(tmpdir(), 'watch-bench-'));
  mkdirSync(join(dir, '.github'));
  writeFileSync(
    join(dir, '.github/ci-notifier.yml'),
    'version: 1\nroutes:\n  - notify-on: [failure, still-failing, fixed]\n    destinations:\n      - url-env: TEAM_URL\n',
  );
  const env = {
    CI_NOTIFIER_GITHUB_TOKEN: 'ghs_bench',
    GITHUB_API_URL: github.apiUrl(),
    TEAM_URL: `wecom://bench-key?endpoint=${encodeURIComponent(wecom.url)}`,
  };
  const rows: string[] = [];
  let id = 1;
  try {
    // One sweep before the hour (no state: a first sweep), then the six of the hour.
    for (let sweep = 0; sweep <= 6; sweep++) {
      const now = START + sweep * 10 * 60_000;
      for (let index = 0; index < 40; index++) {
        const repo = REPOS[(sweep * 41 + index * 7) % REPOS.length]!;
        const run: OrgRun = {
          repo,
          id: id++,
          run_number: id,
          conclusion: index < 5 ? 'failure' : 'success',
          created_at: new Date(now - 9 * 60_000).toISOString(),
          updated_at: new Date(now - 2 * 60_000).toISOString(),
        };
        github.runs.push(run);
      }
      const before = { counted: github.counted, free: github.notModified };
      const code = await runWatch(['--state', 'state.json'], env, { stdout: () => {}, stderr: () => {} }, dir, {
        now: () => now,
        sleep: async () => {},
      });
      expect(code).toBe(0);
      rows.push(
        `| ${new Date(now).toISOString().slice(11, 16)} | ${github.counted - before.counted} | ${github.notModified - before.free} |`,
      );
    }
  } finally {
    await Promise.all([github.stop(), wecom.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
  const spentInHour = rows.slice(1).reduce((sum, row) => sum + Number(row.split('|')[2]), 0);
  const table = [
    '| Sweep (UTC) | Calls counted | Answered 304 (free) |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `The six sweeps of the hour: ${spentInHour} calls, ${((spentInHour / APP_LIMIT) * 100).toFixed(1)} % of ${APP_LIMIT}.`,
  ].join('\n');
  console.log(table);
  expect(spentInHour).toBeLessThan(APP_LIMIT * 0.2);
}, 120_000);
