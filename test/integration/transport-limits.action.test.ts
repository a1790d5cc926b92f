/**
 * What a run's transport bounds, seen from `node dist/index.js`: the rate limit is per destination (provider and
 * credential), not per `urls` entry; a reply nested deeper than any walk can follow does not fail a delivered send;
 * an oversized reply is a clear provider failure.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDingtalk } from '../fakes/dingtalk.js';
import type { FakeServer } from '../helpers/fake-server.js';
import { runAction } from '../helpers/run-action.js';

const ROBOT = 'a1'.repeat(32);
const OTHER = 'b2'.repeat(32);

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function dingtalk() {
  const fake = fakeDingtalk({ robots: { [ROBOT]: {}, [OTHER]: {} } });
  servers.push(fake);
  await fake.start();
  return fake;
}

const url = (token: string, endpoint: string) => `dingtalk://${token}?endpoint=${encodeURIComponent(endpoint)}`;

describe('rate limits are per destination across urls entries (node dist/index.js)', () => {
  it('two entries for the same robot under 1/min: the second is refused at once, not sent', async () => {
    const fake = await dingtalk();
    const started = Date.now();
    const run = await runAction({
      inputs: {
        urls: `${url(ROBOT, fake.url)}\n${url(ROBOT, fake.url)}`,
        'rate-limit': '1/min',
        deadline: '20',
        status: 'failure',
      },
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(fake.requests).toHaveLength(1);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('rate limit of 1 requests per minute leaves no slot before the deadline');
    const results = JSON.parse(run.outputs.results!) as { ok: boolean }[];
    expect(results.map((result) => result.ok).sort()).toEqual([false, true]);
  });

  it('two entries for the same robot under 1/s: the second waits for the window', async () => {
    const fake = await dingtalk();
    const run = await runAction({
      inputs: { urls: `${url(ROBOT, fake.url)}\n${url(ROBOT, fake.url)}`, 'rate-limit': '1/s', status: 'failure' },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(fake.requests).toHaveLength(2);
    const [first, second] = fake.requests.map((request) => request.receivedAt).sort((a, b) => a - b);
    expect(second! - first!).toBeGreaterThanOrEqual(950);
  });

  it('two different robots under 1/min are independent: both go out at once', async () => {
    const fake = await dingtalk();
    const run = await runAction({
      inputs: { urls: `${url(ROBOT, fake.url)}\n${url(OTHER, fake.url)}`, 'rate-limit': '1/min', status: 'failure' },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(fake.accepted).toHaveLength(2);
    const [first, second] = fake.requests.map((request) => request.receivedAt).sort((a, b) => a - b);
    expect(second! - first!).toBeLessThan(500);
  });
});

describe('replies from a hostile or broken server (node dist/index.js)', () => {
  it('a 20,000-deep reply with errcode 0 is a delivered message, and the step succeeds', async () => {
    const fake = await dingtalk();
    const deep = `{"errcode":0,"errmsg":"ok","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    fake.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(deep);
    });
    const run = await runAction({
      inputs: { provider: 'dingtalk', token: ROBOT, endpoint: fake.url, status: 'failure' },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).not.toContain('Maximum call stack');
    expect(run.outputs.status).toBe('success');
    expect(run.outputs.response).toContain('"errcode":0');
    expect(run.outputs.response).toContain('[nested too deep]');
  });

  it('a gzip bomb is "reply too large", a provider failure sent once, and memory stays small', async () => {
    const fake = await dingtalk();
    // 64 MiB of zeros, about 64 KB compressed: under the read cap, far over the decoded cap. Decoded whole it
    // becomes a 64 MB string, more than the 64 MB heap the step is given here.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    fake.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(bomb);
    });
    const started = Date.now();
    const run = await runAction({
      inputs: { provider: 'dingtalk', token: ROBOT, endpoint: fake.url, status: 'failure' },
      env: { NODE_OPTIONS: '--max-old-space-size=64' },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('reply too large');
    expect(fake.requests).toHaveLength(1);
  });

  it('an endless reply body is "reply too large", not a memory blow-up or a timeout', async () => {
    const fake = await dingtalk();
    const chunk = Buffer.alloc(64 * 1024, 'x');
    fake.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      response.on('error', () => {});
      pump();
    });
    const started = Date.now();
    const run = await runAction({
      inputs: { provider: 'dingtalk', token: ROBOT, endpoint: fake.url, status: 'failure', timeout: '20' },
      env: { NODE_OPTIONS: '--max-old-space-size=64' },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('reply too large');
    expect(fake.requests).toHaveLength(1);
  });
});
