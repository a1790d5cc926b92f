/**
 * `ci-notifier preview --failure-details FILE`: why it failed from a file, offline (the README's failure pictures
 * are made with test/fixtures/failure-details/login-test.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFailureDetails } from '../../src/cli/failure-file.js';
import { readArgs } from '../../src/cli/args.js';
import { sendFromArgs } from '../../src/cli/send.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { ROOT } from '../helpers/run-action.js';

const FILE = 'test/fixtures/failure-details/login-test.json';
const source = readFileSync(join(ROOT, FILE), 'utf8');
const logger = { debug: () => undefined, info: () => undefined, warning: () => undefined };

describe('failure details from a file', () => {
  it('fills what can be derived: the error list, each annotation’s one-line text and location, the summary', () => {
    const details = parseFailureDetails(source, FILE);
    expect(details.jobs).toHaveLength(1);
    expect(details.errors).toEqual([
      expect.objectContaining({
        job: 'test (ubuntu-latest, 24)',
        location: 'test/login.test.ts:42',
        text: 'AssertionError: expected 401 to be 403 // Object.is equality',
        level: 'failure',
      }),
    ]);
    expect(details.summary).toBe('test/login.test.ts:42: AssertionError: expected 401 to be 403 // Object.is equality');
    expect(details.jobs[0]!.log).toMatchObject({ lines: 8, truncated: false });
    expect(details.jobs[0]!.flaky).toBe(false);
  });

  it.each([
    ['not JSON', '{jobs:', /is not JSON/],
    ['no jobs', '{"jobs": []}', /jobs is empty/],
    ['a job without a name', '{"jobs": [{"steps": []}]}', /jobs\[0\]\.name is not a text/],
    ['steps that are not a list', '{"jobs": [{"name": "a", "steps": "x"}]}', /jobs\[0\]\.steps is not a list/],
    [
      'an unknown annotation level',
      '{"jobs": [{"name": "a", "annotations": [{"message": "m", "level": "fatal"}]}]}',
      /jobs\[0\]\.annotations\[0\]\.level is 'fatal'/,
    ],
    ['a log without its excerpt', '{"jobs": [{"name": "a", "log": {}}]}', /jobs\[0\]\.log\.excerpt is not a text/],
  ])('%s: an error naming --failure-details and the field', (_name, text, message) => {
    expect(() => parseFailureDetails(text, 'f.json')).toThrow(message);
    expect(() => parseFailureDetails(text, 'f.json')).toThrow(/Invalid input '--failure-details'/);
  });

  it('in a send: the message carries the failed job, the error and the excerpt, with no request to any CI', async () => {
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'octo-org/hello-world',
      GITHUB_RUN_ID: '42',
      GITHUB_TOKEN: 'ghs_x',
    };
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((input: string | URL | Request) => {
      fetched.push(String(input));
      return Promise.reject(new Error('no network in this test'));
    }) as typeof fetch;
    try {
      const args = readArgs(
        ['--provider', 'pushplus', '--token', 'x'.repeat(32), '--status', 'failure', '--dry-run', '--locale', 'en'],
        env,
      );
      const { outcome } = await sendFromArgs(
        args,
        env,
        new SecretRegistry(),
        logger,
        ROOT,
        parseFailureDetails(source, FILE),
      );
      const body = outcome.dryRun?.[0]?.body ?? '';
      expect(body).toContain('Failed jobs');
      expect(body).toContain('test/login.test.ts:42');
      expect(body).toContain('Process completed with exit code 1.');
      expect(fetched).toEqual([]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
