import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body's bytes (multipart uploads carry binary files). */
  raw: Buffer;
  json: unknown;
  /** performance.now() when the request arrived (its headers were read). */
  receivedAt: number;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => unknown;

/** A real HTTP server on 127.0.0.1 that records every request; handlers play the provider. */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  /** TCP connections accepted so far: fewer than requests means connections were reused. */
  connections = 0;
  private server?: Server;
  private readonly sockets = new Set<import('node:net').Socket>();

  /** `tls` makes it an HTTPS server (certificate and key in PEM). */
  constructor(
    private handler: Handler,
    private readonly tls?: { key: string; cert: string },
  ) {}

  setHandler(handler: Handler): void {
    this.handler = handler;
  }

  async start(): Promise<string> {
    const listener: RequestListener = (req, res) => {
      const receivedAt = performance.now();
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = raw.toString('utf8');
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        let json: unknown;
        try {
          json = body ? JSON.parse(body) : undefined;
        } catch {
          json = undefined;
        }
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body,
          raw,
          json,
          receivedAt,
        };
        this.requests.push(recorded);
        Promise.resolve(this.handler(recorded, res)).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
      });
    };
    this.server = this.tls ? createTlsServer(this.tls, listener) : createServer(listener);
    this.server.on('connection', (socket) => {
      this.connections += 1;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `${this.tls ? 'https' : 'http'}://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  response.end(JSON.stringify(body));
}

/** A URL on 127.0.0.1 where nothing listens (the port was free a moment ago), for connection-refused cases. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
