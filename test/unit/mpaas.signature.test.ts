/**
 * The official implementation is the oracle: `@alicloud/pop-core` (dev-only) sends real signed RPC requests to a
 * local server; the same parameters signed by src/providers/mpaas/signature.ts must give the same signature and
 * the same form body, byte for byte.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  percentEncode,
  rpcTimestamp,
  signRpc,
  signedForm,
  stringToSign,
} from '../../src/providers/mpaas/signature.js';
import { FakeServer, sendJson } from '../helpers/fake-server.js';

interface PopCoreClient {
  request(action: string, params: Record<string, string>, options?: Record<string, unknown>): Promise<unknown>;
}
type PopCoreConstructor = new (config: {
  endpoint: string;
  apiVersion: string;
  accessKeyId: string;
  accessKeySecret: string;
}) => PopCoreClient;

const RPCClient = createRequire(import.meta.url)('@alicloud/pop-core').RPCClient as PopCoreConstructor;

const ACCESS_KEY_ID = 'LTAI5tOracleKeyId';
const ACCESS_KEY_SECRET = 'oracle+Secret/With=Symbols';

/** Decodes a form body without touching `+` (the signer never emits it; a literal plus arrives as %2B). */
function decodeForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of body.split('&')) {
    const [key = '', value = ''] = pair.split('=');
    out[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return out;
}

describe('Alibaba Cloud RPC signature V1 against @alicloud/pop-core', () => {
  const server = new FakeServer((_request, response) =>
    sendJson(response, 200, { RequestId: 'R', ResultCode: 'OK', PushResult: { Success: true, Data: 'x' } }),
  );
  let client: PopCoreClient;
  beforeAll(async () => {
    await server.start();
    client = new RPCClient({
      endpoint: server.url,
      apiVersion: '2019-08-21',
      accessKeyId: ACCESS_KEY_ID,
      accessKeySecret: ACCESS_KEY_SECRET,
    });
  });
  afterAll(() => server.stop());

  /** Lets pop-core sign and send `params`, then re-signs what arrived with ours and compares. */
  async function compare(params: Record<string, string>): Promise<void> {
    const before = server.requests.length;
    await client.request('PushSimple', params, { method: 'POST', formatParams: false });
    const sent = server.requests[before]!;
    const received = decodeForm(sent.body);
    const { Signature: theirs, ...signed } = received;
    expect(theirs, 'pop-core sent a signature').toBeTruthy();
    // Same inputs (including pop-core's nonce and timestamp), same signature and same body bytes.
    expect(signRpc('POST', signed, ACCESS_KEY_SECRET)).toBe(theirs);
    expect(signedForm(signed, ACCESS_KEY_SECRET).body).toBe(sent.body);
  }

  it.each([
    ['Chinese text', '构建失败：主分支 #42'],
    ['spaces', 'build failed on main'],
    ['asterisk', 'a*b'],
    ['tilde', '~user~'],
    ['apostrophe', "it's broken"],
    ['emoji', '❌ failed 🔴 still failing 👍🏽'],
    ['reserved characters', "!()*'~-_.&=+/?%#;:@$,"],
    ['newlines and tabs', 'line 1\nline 2\tend'],
    ['JSON map', '{"user1024":"1578807462788","张三":"200"}'],
  ])('matches for %s', async (_name, value) => {
    await compare({
      AppId: 'ONEX570DA89211721',
      WorkspaceId: 'test',
      Title: value,
      Content: `${value} / ${value}`,
      TargetMsgkey: JSON.stringify({ [value]: 'k' }),
      DeliveryType: '3',
    });
  });

  it('matches for keys whose order depends on case', async () => {
    await compare({ a: '1', B: '2', Zeta: '3', alpha: '4', AppId: 'x', appid: 'y' });
  });

  it('matches for arbitrary Unicode values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }), async (a, b) => {
        await compare({ Title: a, Content: b, AppId: 'ONEX' });
      }),
      { numRuns: 40 },
    );
  });
});

describe('signature building blocks', () => {
  it('encodes the five characters encodeURIComponent leaves alone, and keeps ~', () => {
    expect(percentEncode("!'()*~ +")).toBe('%21%27%28%29%2A~%20%2B');
    expect(percentEncode('中')).toBe('%E4%B8%AD');
  });

  it('sorts keys and builds "POST&%2F&" + the encoded canonical query', () => {
    expect(canonicalQuery({ b: '2', a: 'x y' })).toBe('a=x%20y&b=2');
    expect(stringToSign('POST', { b: '2', a: 'x y' })).toBe('POST&%2F&a%3Dx%2520y%26b%3D2');
  });

  it('formats the timestamp in UTC without milliseconds', () => {
    expect(rpcTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('2026-01-02T03:04:05Z');
  });

  it('a different secret gives a different signature', () => {
    const params = { Action: 'PushSimple', Title: 't' };
    expect(signRpc('POST', params, 'secret-a')).not.toBe(signRpc('POST', params, 'secret-b'));
  });
});
