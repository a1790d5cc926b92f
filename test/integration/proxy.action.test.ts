import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakePushplus } from '../fakes/pushplus.js';
import { ConnectProxy } from '../helpers/connect-proxy.js';
import { ROOT, runAction } from '../helpers/run-action.js';

const TLS_DIR = join(ROOT, 'test/fixtures/tls');
const tls = {
  key: readFileSync(join(TLS_DIR, 'key.pem'), 'utf8'),
  cert: readFileSync(join(TLS_DIR, 'cert.pem'), 'utf8'),
};
// The child trusts the test certificate the way a runner trusts a corporate CA.
const trust = { NODE_EXTRA_CA_CERTS: join(TLS_DIR, 'cert.pem') };

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('proxy environment variables (self-hosted runners)', () => {
  let fake: ReturnType<typeof fakePushplus>;
  let proxy: ConnectProxy;
  let proxyUrl: string;
  beforeEach(async () => {
    fake = fakePushplus({ tokens: [TOKEN], tls });
    await fake.start();
    proxy = new ConnectProxy();
    proxyUrl = await proxy.start();
  });
  afterEach(async () => {
    await fake.stop();
    await proxy.stop();
  });

  it.each(['HTTPS_PROXY', 'https_proxy'])('tunnels HTTPS through the CONNECT proxy named in %s', async (variable) => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: TOKEN, endpoint: fake.url, status: 'failure' },
      env: { ...trust, [variable]: proxyUrl },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(proxy.targets).toEqual([`CONNECT ${new URL(fake.url).host}`]);
  });

  it.each(['HTTP_PROXY', 'http_proxy'])('falls back to %s for HTTPS when no HTTPS proxy is set', async (variable) => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: TOKEN, endpoint: fake.url, status: 'failure' },
      env: { ...trust, [variable]: proxyUrl },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(proxy.targets).toEqual([`CONNECT ${new URL(fake.url).host}`]);
  });

  it.each(['NO_PROXY', 'no_proxy'])('bypasses the proxy for hosts in %s', async (variable) => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: TOKEN, endpoint: fake.url, status: 'failure' },
      env: { ...trust, HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl, [variable]: '127.0.0.1' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(proxy.targets).toEqual([]);
  });

  it('reports a dead proxy as a transport failure, naming the connection problem', async () => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: TOKEN, endpoint: fake.url, status: 'failure', retries: '1' },
      env: { ...trust, HTTPS_PROXY: 'http://127.0.0.1:1' },
    });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(0);
    expect(run.outputs.status).toBe('failure');
    expect(JSON.parse(run.outputs.results!)[0]).toMatchObject({ ok: false, attempts: 2 });
  });

  // The proxied path is ky on fetch, whose own timeout ended with the headers: a stalled body hung the step.
  it('through the proxy, a reply that stalls after its headers times out within `timeout`', async () => {
    fake.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"code":');
    });
    const started = Date.now();
    const run = await runAction({
      inputs: { provider: 'pushplus', token: TOKEN, endpoint: fake.url, status: 'failure', timeout: '1', retries: '0' },
      env: { ...trust, HTTPS_PROXY: proxyUrl },
      timeoutMs: 20_000,
    });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('timed out after 1000 ms');
    expect(proxy.targets.length).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(1);
  });

  it('through the proxy, an endless reply is "reply too large"', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    fake.setHandler((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.on('error', () => {});
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const run = await runAction({
      inputs: { provider: 'pushplus', token: TOKEN, endpoint: fake.url, status: 'failure', timeout: '20' },
      env: { ...trust, HTTPS_PROXY: proxyUrl },
      timeoutMs: 20_000,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('reply too large');
    expect(fake.requests).toHaveLength(1);
  });
});
