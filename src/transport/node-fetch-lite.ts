/**
 * A fetch-compatible function on node:http, for the GitHub API readers (the run history through Octokit, the
 * why-it-failed lookup) when no proxy is configured. Node's global fetch, Response and Headers load its bundled
 * undici on first touch: about +150 ms of CPU on a loaded 2-core runner (~35 ms wall on a quiet one), most of a
 * send, paid by every run with the default `github-token` (docs/performance.md, sixth round). Deliveries already
 * avoid it (node-http.ts). This implements only what those callers use: @octokit/request's fetch-wrapper
 * (response.url, status, iteration of headers, headers.get, text/json/arrayBuffer, the redirect option, signal,
 * AbortError / TypeError-with-cause) and failure-details.ts (ok, body.getReader with cancel, body.cancel, a
 * `redirect: 'manual'` reply whose Location is readable, request headers such as Range).
 */
import type { IncomingMessage } from 'node:http';

type RequestFunction = typeof import('node:http').request;

export interface LiteInit {
  method?: string;
  headers?: Record<string, string> | [string, string][];
  body?: string | Uint8Array | null;
  redirect?: 'follow' | 'manual' | 'error';
  signal?: AbortSignal | null;
}

const MAX_REDIRECTS = 20;
/** text()/json()/arrayBuffer() read at most this much; failure-details reads through getReader with its own cap. */
const MAX_WHOLE_BODY = 32 * 1024 * 1024;

class LiteHeaders {
  readonly #values = new Map<string, string[]>();

  constructor(raw: string[]) {
    for (let index = 0; index + 1 < raw.length; index += 2) {
      const name = raw[index]!.toLowerCase();
      const list = this.#values.get(name) ?? [];
      list.push(raw[index + 1]!);
      this.#values.set(name, list);
    }
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase())?.join(', ') ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  /** Sorted lower-case names, repeated values joined with ", ", as the Headers class iterates. */
  *entries(): IterableIterator<[string, string]> {
    for (const name of [...this.#values.keys()].sort()) yield [name, this.get(name)!];
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this.entries()) callback(value, name);
  }
}

class LiteBody {
  readonly #source: AsyncIterator<Buffer>;

  constructor(private readonly incoming: IncomingMessage | import('node:stream').Readable) {
    this.#source = incoming[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  getReader() {
    return {
      read: async (): Promise<{ done: boolean; value: Uint8Array }> => {
        const next = await this.#source.next();
        return next.done ? { done: true, value: new Uint8Array(0) } : { done: false, value: next.value };
      },
      cancel: async (): Promise<void> => this.cancel(),
      releaseLock: () => undefined,
    };
  }

  async cancel(): Promise<void> {
    this.incoming.destroy();
    await Promise.resolve();
  }
}

class LiteResponse {
  readonly headers: LiteHeaders;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly redirected: boolean;
  readonly body: LiteBody | null;

  constructor(
    incoming: IncomingMessage,
    readonly url: string,
    redirected: boolean,
    hasBody: boolean,
    decoded?: import('node:stream').Readable,
  ) {
    this.status = incoming.statusCode ?? 0;
    this.statusText = incoming.statusMessage ?? '';
    this.ok = this.status >= 200 && this.status < 300;
    this.redirected = redirected;
    this.headers = new LiteHeaders(incoming.rawHeaders);
    this.body = hasBody ? new LiteBody(decoded ?? incoming) : null;
    if (!hasBody) incoming.resume();
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const reader = this.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      size += next.value.byteLength;
      if (size > MAX_WHOLE_BODY) {
        await reader?.cancel();
        throw new TypeError('reply too large');
      }
      chunks.push(next.value);
    }
    const whole = Buffer.concat(chunks);
    return whole.buffer.slice(whole.byteOffset, whole.byteOffset + whole.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return Buffer.from(await this.arrayBuffer()).toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }
}

let httpsRequest: Promise<RequestFunction> | undefined;

async function requestFor(url: URL): Promise<RequestFunction> {
  if (url.protocol === 'http:') return (await import('node:http')).request;
  if (url.protocol !== 'https:')
    throw new TypeError('fetch failed', { cause: new Error(`unsupported protocol ${url.protocol}`) });
  httpsRequest ??= import('node:https').then((module) => module.request);
  return httpsRequest;
}

/** What fetch rejects with on an abort: the signal's reason (a TimeoutError for AbortSignal.timeout). */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function exchange(
  send: RequestFunction,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  signal: AbortSignal | undefined,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const outgoing = send(url, { method, headers }, (incoming) => {
      signal?.removeEventListener('abort', onAbort);
      // An abort while the body is read errors the body, as fetch does.
      if (signal) {
        const onBodyAbort = () => incoming.destroy(abortReason(signal) as Error);
        signal.addEventListener('abort', onBodyAbort, { once: true });
        incoming.once('close', () => signal.removeEventListener('abort', onBodyAbort));
      }
      resolve(incoming);
    });
    const onAbort = () => {
      outgoing.destroy();
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // fetch's shape for a network failure, which Octokit turns into a RequestError with the cause's message.
    outgoing.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new TypeError('fetch failed', { cause: error }));
    });
    outgoing.end(body);
  });
}

const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

export async function nodeFetchLite(input: string | URL, init: LiteInit = {}): Promise<LiteResponse> {
  let url = new URL(String(input));
  let method = (init.method ?? 'GET').toUpperCase();
  let headers: Record<string, string> = {};
  for (const [name, value] of Array.isArray(init.headers) ? init.headers : Object.entries(init.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  let body = init.body === undefined || init.body === null ? undefined : Buffer.from(init.body);
  const signal = init.signal ?? undefined;
  for (let hop = 0; ; hop++) {
    const sent = { ...headers };
    if (method !== 'GET' && method !== 'HEAD') sent['content-length'] = String(body?.length ?? 0);
    const incoming = await exchange(await requestFor(url), url, method, sent, body, signal);
    const status = incoming.statusCode ?? 0;
    const location = incoming.headers.location;
    if ([301, 302, 303, 307, 308].includes(status) && location && (init.redirect ?? 'follow') !== 'manual') {
      incoming.resume();
      if (init.redirect === 'error' || hop >= MAX_REDIRECTS)
        throw new TypeError('fetch failed', { cause: new Error('redirect not allowed or too many redirects') });
      const next = new URL(location, url);
      // As fetch does: credentials are not sent to another origin, and 303 (or 301/302 after a POST) becomes a GET.
      if (next.origin !== url.origin)
        headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name)));
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
        delete headers['content-type'];
      }
      url = next;
      continue;
    }
    const hasBody = method !== 'HEAD' && status !== 204 && status !== 304;
    // Nothing asks for compression (no Accept-Encoding); a gateway that compresses anyway is decoded as fetch
    // would, for one coding (zlib is loaded only then). Anything else is passed through as it came.
    const coding = incoming.headers['content-encoding']?.trim().toLowerCase();
    if (hasBody && coding && ['gzip', 'x-gzip', 'deflate', 'br'].includes(coding)) {
      const zlib = await import('node:zlib');
      const decoder =
        coding === 'br'
          ? zlib.createBrotliDecompress()
          : coding === 'deflate'
            ? zlib.createInflate()
            : zlib.createGunzip();
      incoming.on('error', (error) => decoder.destroy(error));
      decoder.on('close', () => incoming.destroy());
      return new LiteResponse(incoming, url.href, hop > 0, hasBody, incoming.pipe(decoder));
    }
    return new LiteResponse(incoming, url.href, hop > 0, hasBody);
  }
}
