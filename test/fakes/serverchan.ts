import { randomBytes } from 'node:crypto';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';

export interface FakeServerchanOptions {
  keys: string[];
  intercept?: (request: RecordedRequest, reply: (status: number, body: unknown) => void) => boolean;
}

/**
 * Plays ServerChan: Turbo `/{SendKey}.send` and ServerChan³ `/send/{SendKey}.send`; `title` required; the same
 * title and content twice within a minute is refused; replies `{code, message, data}`.
 */
export function fakeServerchan(options: FakeServerchanOptions): FakeServer & { accepted: Record<string, unknown>[] } {
  const accepted: Record<string, unknown>[] = [];
  const recent = new Map<string, number>();
  const server = new FakeServer((request, response) => {
    const reply = (status: number, body: unknown) => sendJson(response, status, body);
    if (options.intercept?.(request, reply)) return;
    const match = /^(?:\/send)?\/([A-Za-z0-9]+)\.send$/.exec(request.path);
    if (!match || request.method !== 'POST') return reply(404, { code: 404, message: 'not found' });
    const key = match[1]!;
    const sc3 = request.path.startsWith('/send/');
    if (sc3 !== /^sctp\d+t/i.test(key) || !options.keys.includes(key))
      return reply(200, { code: 40001, message: 'bad pushtoken', data: null, info: 'bad pushtoken' });
    const body = request.json as Record<string, unknown> | undefined;
    if (!body || typeof body.title !== 'string' || !body.title)
      return reply(200, { code: 40001, message: 'title is required', data: null });
    const fingerprint = `${key}\u0000${body.title}\u0000${String(body.desp ?? '')}`;
    const last = recent.get(fingerprint);
    if (last !== undefined && Date.now() - last < 60_000)
      return reply(200, { code: 0, message: '', data: { errno: 1024, error: '不要重复发送同样的内容' } });
    recent.set(fingerprint, Date.now());
    accepted.push(body);
    reply(200, {
      code: 0,
      message: '',
      data: { pushid: String(Date.now()), readkey: randomBytes(8).toString('hex'), error: 'SUCCESS', errno: 0 },
    });
  });
  return Object.assign(server, { accepted });
}
