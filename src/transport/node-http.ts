/**
 * One HTTP exchange on Node's own http/https modules: the default path when no proxy is configured and no
 * fetch function was handed in. Node's fetch (and ky on top of it) loads its bundled undici on first use,
 * ~25 ms of every run on a 2-core runner, more than the rest of a send costs (docs/performance.md); http.request
 * is already in the runtime. Connections are kept alive by Node's global agents (keepAlive is their default since
 * Node 19; idle sockets are unref'd, so they never hold the process open), so a fan-out reuses them.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { HttpRequest, ReplyHeaders } from './types.js';

export interface RawReply {
  status: number;
  headers: ReplyHeaders;
  text: string;
}

/** The whole exchange (connect, send, the complete reply) took longer than the budget. */
export class ExchangeTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** Aborted by the caller's signal (the overall deadline). */
export class ExchangeAbortedError extends Error {
  override readonly name = 'AbortError';
}

function replyHeaders(headers: IncomingHttpHeaders): ReplyHeaders {
  return {
    get(name: string): string | null {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

type RequestFunction = typeof import('node:http').request;

/**
 * We never ask for compression (no Accept-Encoding), but a gateway may compress anyway; fetch would decode it, so
 * this path does too. zlib is loaded only then.
 */
async function decodeBody(body: Buffer, encoding: string | undefined): Promise<string> {
  const coding = encoding?.trim().toLowerCase();
  if (!coding || coding === 'identity') return body.toString('utf8');
  const zlib = await import('node:zlib');
  if (coding === 'gzip' || coding === 'x-gzip') return zlib.gunzipSync(body).toString('utf8');
  if (coding === 'deflate') return zlib.inflateSync(body).toString('utf8');
  if (coding === 'br') return zlib.brotliDecompressSync(body).toString('utf8');
  throw Object.assign(new Error(`unsupported content-encoding ${coding}`), { code: 'EBADENCODING' });
}

let httpsRequest: Promise<RequestFunction> | undefined;

/** https (and with it tls) is loaded only for https URLs: local fakes and private plain-http endpoints skip it. */
async function requestFor(url: URL): Promise<RequestFunction> {
  if (url.protocol === 'http:') return (await import('node:http')).request;
  if (url.protocol !== 'https:') throw new TypeError(`unsupported protocol ${url.protocol}`);
  httpsRequest ??= import('node:https').then((module) => module.request);
  return httpsRequest;
}

export async function nodeHttpSend(request: HttpRequest, timeoutMs: number, signal?: AbortSignal): Promise<RawReply> {
  const url = new URL(request.url);
  const send = await requestFor(url);
  const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
  const headers: Record<string, string> = { ...request.headers };
  // An explicit length, 0 for a bodiless POST too, so no request goes out chunked.
  if (request.method !== 'GET' && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(body?.length ?? 0);
  }
  return new Promise<RawReply>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ExchangeAbortedError('aborted'));
      return;
    }
    let settled = false;
    const finish = (error: Error | undefined, reply?: RawReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        outgoing.destroy();
        reject(error);
      } else resolve(reply!);
    };
    const onAbort = () => finish(new ExchangeAbortedError('aborted'));
    const outgoing = send(url, { method: request.method, headers }, (incoming: IncomingMessage) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', (error) => finish(error));
      incoming.on('aborted', () => finish(Object.assign(new Error('reply aborted'), { code: 'ECONNRESET' })));
      incoming.on('end', () => {
        decodeBody(Buffer.concat(chunks), incoming.headers['content-encoding']).then(
          (text) =>
            finish(undefined, { status: incoming.statusCode ?? 0, headers: replyHeaders(incoming.headers), text }),
          (error: Error) => finish(error),
        );
      });
    });
    const timer = setTimeout(() => finish(new ExchangeTimeoutError(`timed out after ${timeoutMs} ms`)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', (error) => finish(error));
    outgoing.end(body);
  });
}
