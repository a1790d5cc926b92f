/**
 * The node:http fetch the GitHub readers use without a proxy (src/transport/node-fetch-lite.ts): the surface
 * @octokit/request's fetch-wrapper and failure-details.ts read, against a local server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from '@octokit/request';
import { nodeFetchLite } from '../../src/transport/node-fetch-lite.js';

let server: Server | undefined;
const seen: IncomingMessage[] = [];

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  server = createServer((request, response) => {
    seen.push(request);
    handler(request, response);
  });
  await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
  const address = server.address();
  return `http://127.0.0.1:${String(typeof address === 'object' && address ? address.port : 0)}`;
}

afterEach(async () => {
  seen.length = 0;
  if (!server) return;
  const closing = server;
  closing.closeAllConnections();
  await new Promise((closed) => closing.close(closed));
  server = undefined;
});

describe('nodeFetchLite', () => {
  it('gives status, url, headers (repeated values joined, sorted iteration) and a JSON body', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(201, [
        ['Content-Type', 'application/json'],
        ['X-Multi', 'a'],
        ['X-Multi', 'b'],
        ['Link', '<x>; rel="next"'],
      ]);
      response.end('{"ok":true}');
    });
    const reply = await nodeFetchLite(`${base}/path?q=1`, { headers: { 'X-Asked': 'yes' } });
    expect(reply.status).toBe(201);
    expect(reply.ok).toBe(true);
    expect(reply.url).toBe(`${base}/path?q=1`);
    expect(reply.headers.get('x-multi')).toBe('a, b');
    expect(reply.headers.get('LINK')).toBe('<x>; rel="next"');
    expect([...reply.headers].map(([name]) => name)).toEqual(
      ['connection', 'content-type', 'date', 'keep-alive', 'link', 'transfer-encoding', 'x-multi'].filter((name) =>
        reply.headers.has(name),
      ),
    );
    expect(await reply.json()).toEqual({ ok: true });
    expect(seen[0]!.headers['x-asked']).toBe('yes');
  });

  it('follows a redirect by default, dropping the Authorization header on another origin', async () => {
    const other = createServer((request, response) => {
      response.end(`auth=${String(request.headers.authorization)} range=${String(request.headers.range)}`);
    });
    await new Promise<void>((ready) => other.listen(0, '127.0.0.1', ready));
    const address = other.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      // localhost and 127.0.0.1 are different origins.
      const base = await serve((_request, response) => {
        response.writeHead(302, { location: `http://localhost:${String(port)}/log` });
        response.end();
      });
      const reply = await nodeFetchLite(`${base}/logs`, {
        headers: { authorization: 'token s3cret', range: 'bytes=-10' },
      });
      expect(reply.status).toBe(200);
      expect(reply.redirected).toBe(true);
      expect(await reply.text()).toBe('auth=undefined range=bytes=-10');
    } finally {
      other.closeAllConnections();
      await new Promise((closed) => other.close(closed));
    }
  });

  it("returns the 3xx with its Location under redirect: 'manual'", async () => {
    const base = await serve((_request, response) => {
      response.writeHead(302, { location: 'https://storage.example/log?sig=1' });
      response.end();
    });
    const reply = await nodeFetchLite(`${base}/logs`, { redirect: 'manual' });
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe('https://storage.example/log?sig=1');
    await reply.body?.cancel();
  });

  it('streams the body through getReader and stops on cancel', async () => {
    const base = await serve((_request, response) => {
      response.writeHead(200);
      response.write('x'.repeat(1000));
      // Never ends: only cancel() finishes the read.
    });
    const reply = await nodeFetchLite(base);
    const reader = reply.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(first.value.byteLength).toBe(1000);
    await reader.cancel();
  });

  it('rejects with the signal reason on a timeout, and with an AbortError on an abort', async () => {
    const base = await serve(() => undefined);
    await expect(nodeFetchLite(base, { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    const controller = new AbortController();
    const pending = nodeFetchLite(base, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a refused connection is a TypeError whose cause names it (what Octokit turns into its message)', async () => {
    const base = await serve(() => undefined);
    server!.close();
    await new Promise((closed) => setTimeout(closed, 10));
    const error = (await nodeFetchLite(base).catch((caught: unknown) => caught)) as TypeError & { cause: Error };
    expect(error).toBeInstanceOf(TypeError);
    expect(error.cause.message).toMatch(/ECONNREFUSED/);
    server = undefined;
  });

  it('carries Octokit: JSON data and headers, a 404 as a RequestError, a refused connection as status 500', async () => {
    const base = await serve((incoming, response) => {
      if (incoming.url === '/repos/o/r') {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '42' });
        response.end('{"full_name":"o/r"}');
      } else {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end('{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}');
      }
    });
    const fetch = nodeFetchLite as unknown as typeof globalThis.fetch;
    const found = await request('GET /repos/{owner}/{repo}', {
      baseUrl: base,
      owner: 'o',
      repo: 'r',
      request: { fetch },
    });
    expect(found.data).toEqual({ full_name: 'o/r' });
    expect(found.headers['x-ratelimit-remaining']).toBe('42');
    await expect(request('GET /missing', { baseUrl: base, request: { fetch } })).rejects.toMatchObject({
      name: 'HttpError',
      status: 404,
      message: expect.stringContaining('Not Found') as unknown,
    });
    const closing = server!;
    server = undefined;
    closing.closeAllConnections();
    await new Promise((closed) => closing.close(closed));
    await expect(request('GET /missing', { baseUrl: base, request: { fetch } })).rejects.toMatchObject({
      status: 500,
      // The idle keep-alive socket of the first requests was closed under it (socket hang up), or a new one is
      // refused: either way a network error, which Octokit reports with status 500 and the cause's message.
      message: expect.stringMatching(/ECONNREFUSED|socket hang up|ECONNRESET/) as unknown,
    });
  });

  it('decodes a gzip reply the server sent unasked', async () => {
    const { gzipSync } = await import('node:zlib');
    const base = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      response.end(gzipSync('{"total_count":1}'));
    });
    expect(await (await nodeFetchLite(base)).json()).toEqual({ total_count: 1 });
  });
});
