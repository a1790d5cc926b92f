/**
 * One HTTP exchange on Node's own http/https modules: the default path when no proxy is configured and no
 * fetch function was handed in. Node's fetch (and ky on top of it) loads its bundled undici on first use,
 * ~25 ms of every run on a 2-core runner, more than the rest of a send costs (docs/performance.md); http.request
 * is already in the runtime. Connections are kept alive by Node's global agents (keepAlive is their default since
 * Node 19; idle sockets are unref'd, so they never hold the process open), so a fan-out reuses them.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { MAX_REPLY_BYTES, ReplyTooLargeError, declaredTooLarge } from './reply-limits.js';
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

/**
 * A failure before the connection was established (TLS included): nothing of the request left this process, so
 * it cannot have been processed and may be retried even where the provider cannot deduplicate.
 */
export class NotSentError extends Error {
  override readonly name = 'NotSentError';
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
 * this path does too (zlib is loaded only then). Codings apply in order, so they are undone from the last. An
 * unknown coding (`UTF-8` from a misconfigured gateway) or a body that does not decode is passed through as it
 * came, as undici does: the reply is then judged as the text it is, never as a lost connection. What a coding
 * decodes to is capped like the body itself (a 2 MB gzip bomb inflates to gigabytes): past the cap, the reply is
 * too large.
 */
async function decodeBody(body: Buffer, encoding: string | undefined, status: number): Promise<string> {
  const codings = (encoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== 'identity');
  if (body.length === 0 || codings.length === 0) return body.toString('utf8');
  const zlib = await import('node:zlib');
  let decoded = body;
  // zlib throws ERR_BUFFER_TOO_LARGE as soon as the output would pass this, without producing the rest.
  const limit = { maxOutputLength: MAX_REPLY_BYTES };
  try {
    for (const coding of codings.reverse()) {
      if (coding === 'gzip' || coding === 'x-gzip') decoded = zlib.gunzipSync(decoded, limit);
      else if (coding === 'deflate') decoded = zlib.inflateSync(decoded, limit);
      else if (coding === 'br') decoded = zlib.brotliDecompressSync(decoded, limit);
      else return body.toString('utf8');
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new ReplyTooLargeError(status);
    return body.toString('utf8');
  }
  return decoded.toString('utf8');
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
  const body = request.bodyBytes
    ? Buffer.from(request.bodyBytes)
    : request.body === undefined
      ? undefined
      : Buffer.from(request.body, 'utf8');
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
    // Set once the socket is connected (after the TLS handshake for https): from then on bytes may have left.
    let connected = false;
    const finish = (error: Error | undefined, reply?: RawReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        outgoing.destroy();
        reject(
          connected || error instanceof ExchangeAbortedError
            ? error
            : new NotSentError(error.message, { cause: error }),
        );
      } else resolve(reply!);
    };
    const onAbort = () => finish(new ExchangeAbortedError('aborted'));
    const outgoing = send(url, { method: request.method, headers }, (incoming: IncomingMessage) => {
      const status = incoming.statusCode ?? 0;
      if (declaredTooLarge(incoming.headers['content-length'])) {
        finish(new ReplyTooLargeError(status));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Stop reading at once: finish() destroys the connection, so the rest is never buffered.
        if (size > MAX_REPLY_BYTES) finish(new ReplyTooLargeError(status));
        else chunks.push(chunk);
      });
      incoming.on('error', (error) => finish(error));
      incoming.on('aborted', () => finish(Object.assign(new Error('reply aborted'), { code: 'ECONNRESET' })));
      incoming.on('end', () => {
        decodeBody(Buffer.concat(chunks), incoming.headers['content-encoding'], status).then(
          (text) => finish(undefined, { status, headers: replyHeaders(incoming.headers), text }),
          (error: Error) => finish(error),
        );
      });
    });
    const timer = setTimeout(() => finish(new ExchangeTimeoutError(`timed out after ${timeoutMs} ms`)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', (error) => finish(error));
    outgoing.on('socket', (socket) => {
      // A reused keep-alive socket is connected already; a new one is, once its (TLS) handshake is done.
      if (!socket.connecting) connected = true;
      else socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => (connected = true));
    });
    outgoing.end(body);
  });
}
