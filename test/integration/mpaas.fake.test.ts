/**
 * The fake gateway is only worth its tests if it refuses what the real one refuses: requests signed by the
 * official SDK pass it, a replayed request (same SignatureNonce) and a tampered one do not.
 */
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeMpaas } from '../fakes/mpaas.js';

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

const PARAMS = {
  AppId: 'ONEX570DA89211721',
  WorkspaceId: 'test',
  DeliveryType: '3',
  TargetMsgkey: '{"user1024":"k1"}',
  ExpiredSeconds: '300',
  Title: "构建失败 it's *broken* ~ 🔴",
  Content: 'body',
};

describe('the fake mPaaS gateway', () => {
  let fake: ReturnType<typeof fakeMpaas>;
  beforeEach(async () => {
    fake = fakeMpaas({ keys: { KeyId: 'Secret' }, appId: 'ONEX570DA89211721', workspaceId: 'test' });
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('accepts a request signed by @alicloud/pop-core', async () => {
    const client = new RPCClient({
      endpoint: fake.url,
      apiVersion: '2019-08-21',
      accessKeyId: 'KeyId',
      accessKeySecret: 'Secret',
    });
    const reply = await client.request('PushSimple', PARAMS, { method: 'POST', formatParams: false });
    expect(reply).toMatchObject({ ResultCode: 'OK', PushResult: { Success: true } });
    expect(fake.accepted).toHaveLength(1);
  });

  it('refuses a replayed request (reused nonce) and a tampered one', async () => {
    const client = new RPCClient({
      endpoint: fake.url,
      apiVersion: '2019-08-21',
      accessKeyId: 'KeyId',
      accessKeySecret: 'Secret',
    });
    await client.request('PushSimple', PARAMS, { method: 'POST', formatParams: false });
    const original = fake.requests[0]!.body;
    const send = (body: string) =>
      fetch(`${fake.url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const replay = await send(original);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ Code: 'SignatureNonceUsed' });
    const tampered = await send(original.replace('Content=body', 'Content=other'));
    expect(await tampered.json()).toMatchObject({ Code: 'SignatureDoesNotMatch' });
    expect(fake.accepted).toHaveLength(1);
  });

  it('refuses a request signed with the wrong secret or an unknown key', async () => {
    const wrong = new RPCClient({
      endpoint: fake.url,
      apiVersion: '2019-08-21',
      accessKeyId: 'KeyId',
      accessKeySecret: 'Nope',
    });
    await expect(wrong.request('PushSimple', PARAMS, { method: 'POST', formatParams: false })).rejects.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    const unknown = new RPCClient({
      endpoint: fake.url,
      apiVersion: '2019-08-21',
      accessKeyId: 'Other',
      accessKeySecret: 'Secret',
    });
    await expect(unknown.request('PushSimple', PARAMS, { method: 'POST', formatParams: false })).rejects.toMatchObject({
      code: 'InvalidAccessKeyId.NotFound',
    });
  });

  it('checks required fields per action', async () => {
    const client = new RPCClient({
      endpoint: fake.url,
      apiVersion: '2019-08-21',
      accessKeyId: 'KeyId',
      accessKeySecret: 'Secret',
    });
    await expect(
      client.request('PushTemplate', { ...PARAMS, TaskName: 't' }, { method: 'POST', formatParams: false }),
    ).rejects.toMatchObject({ code: 'MissingParameter' });
    expect(fake.accepted).toHaveLength(0);
  });
});
