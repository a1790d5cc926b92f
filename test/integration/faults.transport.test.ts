/**
 * Fault injection against real local servers: the transport must end every bad day with a clear outcome, the right
 * number of attempts, within the deadline, and (for idempotent sends) exactly one message recorded.
 */
import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeadlineError, NotifierError, ProviderError, TransportError } from '../../src/model/errors.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { Transport, httpFailure, notJsonFailure, type ExchangeSpec } from '../../src/transport/transport.js';
import { silentLogger, type HttpReply, type Verdict } from '../../src/transport/types.js';
import { FakeServer, closedPortUrl, sendJson, type Handler } from '../helpers/fake-server.js';
import { ROOT } from '../helpers/run-action.js';

const TLS_DIR = join(ROOT, 'test/fixtures/tls');

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function serve(handler: Handler): Promise<FakeServer> {
  const server = new FakeServer(handler);
  servers.push(server);
  await server.start();
  return server;
}

/** A provider-shaped reply reader: {code:0} is success, {code:429xx} a throttle, anything else a business error. */
function interpret(reply: HttpReply): Verdict {
  const body = reply.json as { code?: number; id?: string } | undefined;
  if (!body) return httpFailure(reply) ?? notJsonFailure(reply);
  if (body.code === 0) return { ok: true, id: body.id };
  if (body.code === 42901) return { ok: false, code: body.code, message: 'throttled', retry: 'safe' };
  return (
    httpFailure(reply) ?? {
      ok: false,
      code: body.code,
      message: 'business error',
      hint: 'fix the input',
      retry: 'never',
    }
  );
}

/** The suite runs over both HTTP paths: node:http (the default) and ky on a fetch (proxies, library callers). */
let backendFetch: typeof globalThis.fetch | undefined;

function transport(overrides: Partial<ConstructorParameters<typeof Transport>[0]> = {}): Transport {
  return new Transport({
    fetch: backendFetch,
    timeoutMs: 1000,
    retries: 3,
    deadline: Date.now() + 10_000,
    secrets: new SecretRegistry(),
    logger: silentLogger,
    baseDelayMs: 20,
    ...overrides,
  });
}

function spec(url: string, extra: Partial<ExchangeSpec> = {}): ExchangeSpec {
  return {
    label: 'fake',
    build: () => ({
      method: 'POST',
      url: `${url}/send`,
      headers: { 'content-type': 'application/json' },
      body: '{"key":"k1"}',
    }),
    interpret,
    ...extra,
  };
}

async function failure(promise: Promise<unknown>): Promise<NotifierError> {
  try {
    await promise;
  } catch (error) {
    return error as NotifierError;
  }
  throw new Error('expected a failure');
}

describe.each([
  ['node:http', undefined],
  ['ky on fetch', globalThis.fetch],
])('transport fault suite (%s)', (_name, fetch) => {
  beforeAll(() => {
    backendFetch = fetch;
  });

  it('an idempotent sender survives a burst of 5xx and succeeds on the fourth attempt', async () => {
    let calls = 0;
    const server = await serve((_req, res) =>
      ++calls <= 3
        ? sendJson(res, [500, 502, 503][calls - 1]!, { error: 'down' })
        : sendJson(res, 200, { code: 0, id: 'm1' }),
    );
    const result = await transport().exchange(spec(server.url, { idempotent: true }));
    expect(result).toMatchObject({ attempts: 4, verdict: { ok: true, id: 'm1' } });
    expect(server.requests).toHaveLength(4);
  });

  it('gives up after the retry budget with the HTTP status and attempts', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, { error: 'down' }, { 'retry-after': '0' }));
    const error = await failure(transport({ retries: 2 }).exchange(spec(server.url)));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ httpStatus: 503, attempts: 3, code: 503 });
    expect(server.requests).toHaveLength(3);
  });

  it('honours Retry-After on 429', async () => {
    let calls = 0;
    const server = await serve((_req, res) =>
      ++calls === 1
        ? sendJson(res, 429, { error: 'slow down' }, { 'retry-after': '1' })
        : sendJson(res, 200, { code: 0 }),
    );
    const started = Date.now();
    const result = await transport().exchange(spec(server.url));
    expect(result.attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('backs off on 429 without Retry-After', async () => {
    let calls = 0;
    const server = await serve((_req, res) =>
      ++calls <= 2 ? sendJson(res, 429, { error: 'slow down' }) : sendJson(res, 200, { code: 0 }),
    );
    const result = await transport().exchange(spec(server.url));
    expect(result.attempts).toBe(3);
  });

  it('fails at once when Retry-After points past the deadline, saying so', async () => {
    const server = await serve((_req, res) => sendJson(res, 429, { error: 'slow down' }, { 'retry-after': '3600' }));
    const error = await failure(transport({ deadline: Date.now() + 3000 }).exchange(spec(server.url)));
    expect(error.message).toContain('past the deadline');
    expect(error.attempts).toBe(1);
  });

  it('times out a hanging server; a non-idempotent send is not repeated and says the message may have arrived', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const started = Date.now();
    const error = await failure(transport({ timeoutMs: 300 }).exchange(spec(server.url)));
    expect(error).toBeInstanceOf(DeadlineError);
    expect(error.attempts).toBe(1);
    expect(error.hint).toContain('may have been delivered');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a hanging server when the send is idempotent, and stays within the deadline', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const started = Date.now();
    const error = await failure(
      transport({ timeoutMs: 200, deadline: Date.now() + 1500, retries: 10 }).exchange(
        spec(server.url, { idempotent: true }),
      ),
    );
    const elapsed = Date.now() - started;
    expect(error.kind).toBe('timeout');
    expect(error.attempts).toBeGreaterThan(1);
    expect(elapsed).toBeLessThan(1500 + 300);
  });

  it('a reset mid-response is retried for an idempotent send and the fake records exactly one message', async () => {
    const recorded = new Set<string>();
    let calls = 0;
    const server = await serve((req, res) => {
      const key = (req.json as { key: string }).key;
      calls++;
      if (recorded.has(key)) return sendJson(res, 200, { code: 0, id: 'dup-suppressed' });
      recorded.add(key);
      // Accept the message, then drop the connection before the reply completes.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"code":0');
      res.socket?.destroy();
    });
    const result = await transport().exchange(spec(server.url, { idempotent: true }));
    expect(result.attempts).toBe(2);
    expect(calls).toBe(2);
    expect(recorded.size).toBe(1);
  });

  it('a reset mid-response is not retried for a non-idempotent send', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"code":0');
      res.socket?.destroy();
    });
    const error = await failure(transport().exchange(spec(server.url)));
    expect(error).toBeInstanceOf(TransportError);
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('a refused connection is retried (nothing was sent) and then reported', async () => {
    const error = await failure(transport({ retries: 2 }).exchange(spec(await closedPortUrl())));
    expect(error).toBeInstanceOf(TransportError);
    expect(error.attempts).toBe(3);
    expect(error.message).toContain('connection refused');
  });

  it('a compressed reply the client never asked for is decoded (a gateway that gzips anyway)', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ code: 0, id: 'zipped' })));
    });
    const result = await transport().exchange(spec(server.url));
    expect(result.verdict).toMatchObject({ ok: true, id: 'zipped' });
    expect(server.requests[0]!.headers['content-length']).toBe('12');
  });

  it('a reply with an unknown or empty content coding is judged by its text, never as a lost connection', async () => {
    const odd = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'UTF-8' });
      res.end(JSON.stringify({ code: 0, id: 'plain' }));
    });
    expect((await transport().exchange(spec(odd.url))).verdict).toMatchObject({ ok: true, id: 'plain' });
    const moved = await serve((_req, res) => {
      res.writeHead(302, { location: '/v2/send', 'content-encoding': 'gzip' });
      res.end();
    });
    const error = await failure(transport().exchange(spec(moved.url)));
    expect(error.message).toContain(`redirect to ${moved.url}/v2/send`);
  });

  it('an untrusted TLS certificate fails at once, unretried, saying so; nothing reached the server', async () => {
    const tls = new FakeServer((_req, res) => sendJson(res, 200, { code: 0 }), {
      key: readFileSync(join(TLS_DIR, 'key.pem'), 'utf8'),
      cert: readFileSync(join(TLS_DIR, 'cert.pem'), 'utf8'),
    });
    servers.push(tls);
    await tls.start();
    const error = await failure(transport({ retries: 3 }).exchange(spec(tls.url, { idempotent: true })));
    expect(error.attempts).toBe(1);
    expect(error.message).toMatch(/TLS certificate is not trusted \([A-Z_]+\)/);
    expect(error.hint).toContain('NODE_EXTRA_CA_CERTS');
    expect(tls.requests).toHaveLength(0);
  });

  it('a redirect is reported with where it points, and neither followed nor retried', async () => {
    const elsewhere = await serve((_req, res) => sendJson(res, 200, { code: 0 }));
    const server = await serve((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/moved?token=leaked-if-printed` });
      res.end();
    });
    const error = await failure(transport().exchange(spec(server.url)));
    expect(error.attempts).toBe(1);
    expect(error.message).toContain(`redirect to ${elsewhere.url}/moved?token=***`);
    expect(error.message).not.toContain('leaked-if-printed');
    expect(error.hint).toContain('`endpoint`');
    expect(server.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('an HTML error page with HTTP 200 is a failure, not retried, with a hint about the endpoint', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><title>Portal login</title></html>');
    });
    const error = await failure(transport().exchange(spec(server.url)));
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('expected a JSON reply');
    expect(error.hint).toContain('endpoint');
  });

  it('an HTML 502 page from a gateway is retried when the sender is idempotent, else reported once', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      if (++calls % 2 === 1) {
        res.writeHead(502, { 'content-type': 'text/html' });
        return res.end('<html>Bad Gateway</html>');
      }
      sendJson(res, 200, { code: 0 });
    });
    expect((await transport().exchange(spec(server.url, { idempotent: true }))).attempts).toBe(2);
    const error = await failure(transport().exchange(spec(server.url)));
    expect(error).toMatchObject({ httpStatus: 502, attempts: 1 });
    expect(error.hint).toMatch(/may have been delivered/);
  });

  // docs/alerts.md, "Which failures are retried": per status, and per sender (idempotency key or not).
  describe('5xx: retried when the service cannot have taken the message, or can drop a repeat', () => {
    const cases: [number, Record<string, string>, { idempotent: number; plain: number }][] = [
      // [status, headers, attempts for an idempotent sender / for one without an idempotency key]
      [429, {}, { idempotent: 2, plain: 2 }],
      [503, { 'retry-after': '0' }, { idempotent: 2, plain: 2 }],
      [503, {}, { idempotent: 2, plain: 1 }],
      [500, {}, { idempotent: 2, plain: 1 }],
      [502, {}, { idempotent: 2, plain: 1 }],
      [504, {}, { idempotent: 2, plain: 1 }],
      [501, {}, { idempotent: 1, plain: 1 }],
      [505, {}, { idempotent: 1, plain: 1 }],
    ];
    it.each(cases)('HTTP %i %j: attempts %j', async (status, headers, expected) => {
      for (const idempotent of [true, false]) {
        let calls = 0;
        const server = await serve((_req, res) =>
          ++calls === 1 ? sendJson(res, status, { error: 'x' }, headers) : sendJson(res, 200, { code: 0 }),
        );
        const attempts = await transport()
          .exchange(spec(server.url, { idempotent }))
          .then((result) => result.attempts)
          .catch((error: NotifierError) => error.attempts);
        expect(attempts, `idempotent: ${idempotent}`).toBe(idempotent ? expected.idempotent : expected.plain);
        expect(server.requests).toHaveLength(attempts!);
      }
    });
  });

  it('an HTTP 200 carrying a business error fails once with its code and hint', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { code: 903 }));
    const error = await failure(transport().exchange(spec(server.url)));
    expect(error).toMatchObject({ code: 903, attempts: 1, hint: 'fix the input' });
  });

  it('an HTTP 200 carrying a throttle code is retried', async () => {
    let calls = 0;
    const server = await serve((_req, res) => sendJson(res, 200, ++calls === 1 ? { code: 42901 } : { code: 0 }));
    expect((await transport().exchange(spec(server.url))).attempts).toBe(2);
  });

  it('a DNS failure fails fast, unretried, with a hint about the host', async () => {
    const started = Date.now();
    const error = await failure(transport().exchange(spec('http://ci-notifier-test.invalid')));
    expect(error).toBeInstanceOf(TransportError);
    expect(error.attempts).toBe(1);
    expect(error.hint).toContain('endpoint');
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('a reauth failure fetches a new credential once, then succeeds', async () => {
    let token = 'old';
    const server = await serve((req, res) =>
      req.headers.authorization === 'Bearer new'
        ? sendJson(res, 200, { code: 0 })
        : sendJson(res, 401, { error: 'expired' }),
    );
    let reauths = 0;
    const result = await transport().exchange({
      label: 'fake',
      build: () => ({
        method: 'POST',
        url: `${server.url}/send`,
        headers: { authorization: `Bearer ${token}` },
        body: '{}',
      }),
      interpret: (reply) =>
        reply.status === 401 ? { ok: false, message: 'expired', retry: 'reauth' } : interpret(reply),
      onReauth: () => {
        reauths++;
        token = 'new';
      },
    });
    expect(result.verdict.ok).toBe(true);
    expect(reauths).toBe(1);
  });

  it('a 50-delivery fan-out against a throttling provider delivers every message once, within the deadline', async () => {
    const delivered = new Set<string>();
    let throttled = 0;
    const server = await serve((req, res) => {
      const key = (req.json as { key: string }).key;
      // The first 10 requests are throttled, as a provider shedding a burst does.
      if (throttled < 10) {
        throttled++;
        return sendJson(res, 429, { error: 'busy' }, { 'retry-after': '0.2' });
      }
      delivered.add(key);
      sendJson(res, 200, { code: 0, id: key });
    });
    const t = transport({ deadline: Date.now() + 20_000 });
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.exchange({
          label: `fake #${i}`,
          build: () => ({
            method: 'POST',
            url: `${server.url}/send`,
            headers: {},
            body: JSON.stringify({ key: `k${i}` }),
          }),
          interpret,
          rateKey: 'fake:cred',
          rateLimit: { requests: 100, perMs: 1000 },
        }),
      ),
    );
    expect(outcomes.every((outcome) => outcome.verdict.ok)).toBe(true);
    expect(delivered.size).toBe(50);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.attempts, 0)).toBe(60);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a stalled body (headers, then nothing) fails within the per-request timeout', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"code":');
    });
    const started = Date.now();
    const error = await failure(transport({ timeoutMs: 400 }).exchange(spec(server.url)));
    expect(error).toBeInstanceOf(DeadlineError);
    expect(error.message).toContain('timed out after 400 ms');
    expect(error.attempts).toBe(1);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('a stalled body fails at the overall deadline when that comes before the per-request timeout', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"code":');
    });
    const started = Date.now();
    const error = await failure(
      transport({ timeoutMs: 60_000, deadline: Date.now() + 500 }).exchange(spec(server.url, { idempotent: true })),
    );
    expect(error).toBeInstanceOf(DeadlineError);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("a caller's signal (a library caller's deadline) reaches the body read", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"code":');
    });
    const started = Date.now();
    const error = await failure(
      transport().client.send(
        { method: 'POST', url: `${server.url}/send`, headers: {}, body: '{}' },
        AbortSignal.timeout(300),
        60_000,
      ),
    );
    expect(error).toBeInstanceOf(DeadlineError);
    expect(error.message).toContain('the overall deadline was reached');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('an endless chunked body, a chunk at a time, fails within the per-request timeout', async () => {
    const timers: NodeJS.Timeout[] = [];
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"code":0,"pad":"');
      const timer = setInterval(() => res.destroyed || res.write('x'.repeat(16)), 20);
      timers.push(timer);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    try {
      const error = await failure(transport({ timeoutMs: 400, retries: 0 }).exchange(spec(server.url)));
      expect(error).toBeInstanceOf(DeadlineError);
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      timers.forEach(clearInterval);
    }
  });

  it('an endless fast body is "reply too large": a provider failure, unretried, read no further than the cap', async () => {
    let written = 0;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.on('error', () => {});
      const pump = () => {
        while (!res.destroyed && written < 512 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const started = Date.now();
    const error = await failure(
      transport({ timeoutMs: 20_000, retries: 3 }).exchange(spec(server.url, { idempotent: true })),
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'reply-too-large', httpStatus: 200, attempts: 1 });
    expect(error.message).toContain('reply too large (more than 512 KiB)');
    expect(Date.now() - started).toBeLessThan(3000);
    // Socket buffers let a few MB through before the connection closes, never the whole stream.
    expect(written).toBeLessThan(64 * 1024 * 1024);
    expect(server.requests).toHaveLength(1);
  });

  it('an oversized body with a Content-Length is refused, and one just under the cap is read', async () => {
    const big = await serve((_req, res) => sendJson(res, 200, { code: 0, pad: 'x'.repeat(600 * 1024) }));
    const error = await failure(transport().exchange(spec(big.url)));
    expect(error).toMatchObject({ code: 'reply-too-large', attempts: 1 });
    const fits = await serve((_req, res) => sendJson(res, 200, { code: 0, id: 'ok', pad: 'x'.repeat(500 * 1024) }));
    expect((await transport().exchange(spec(fits.url))).verdict).toMatchObject({ ok: true, id: 'ok' });
  });

  it('a gzip bomb is "reply too large" without inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const before = process.memoryUsage().rss;
    const error = await failure(transport().exchange(spec(server.url)));
    expect(error).toMatchObject({ code: 'reply-too-large', attempts: 1 });
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('a 20,000-deep JSON reply is parsed, judged, and cut to a depth later walks can follow', async () => {
    const deep = `{"code":0,"id":"deep","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(deep);
    });
    const result = await transport().exchange(spec(server.url));
    expect(result.verdict).toMatchObject({ ok: true, id: 'deep' });
    expect(JSON.stringify(new SecretRegistry().redactValue(result.reply.json))).toContain('[nested too deep]');
  });

  it('a send that cannot get a rate-limit slot before the deadline fails with a clear reason', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { code: 0 }));
    const t = transport({ deadline: Date.now() + 1500 });
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, () =>
        t.exchange(spec(server.url, { rateKey: 'slow', rateLimit: { requests: 1, perMs: 60_000 } })),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected).toHaveLength(2);
    expect(String(rejected[0]!.reason.message)).toContain('leaves no slot before the deadline');
    expect(server.requests).toHaveLength(1);
  });
});

describe('node:http only: knowing whether anything was sent', () => {
  beforeAll(() => {
    backendFetch = undefined;
  });

  it('a TLS handshake that never completes is retried even for a non-idempotent send: nothing was sent', async () => {
    // Accepts TCP and never answers the handshake.
    const silent = createNetServer((socket) => socket.on('error', () => {}));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const error = await failure(
        transport({ timeoutMs: 200, retries: 1 }).exchange(spec(`https://127.0.0.1:${port}`, { idempotent: false })),
      );
      expect(error.attempts).toBe(2);
      expect(error.message).toContain('no connection within');
      expect(error.hint ?? '').not.toContain('may have been delivered');
    } finally {
      silent.close();
    }
  });
});
