/**
 * Robot signatures against vectors computed independently (Python hmac/hashlib/base64), the URL encoding
 * DingTalk expects, fresh signatures per attempt, and the fakes' timestamp windows.
 */
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/model/context.js';
import { createMessage } from '../../src/render/message.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { dingtalk } from '../../src/providers/dingtalk/index.js';
import { dingtalkSign } from '../../src/providers/dingtalk/sign.js';
import { feishu } from '../../src/providers/feishu/index.js';
import { feishuSign } from '../../src/providers/feishu/sign.js';
import { fakeDingtalk } from '../fakes/dingtalk.js';
import { fakeFeishu } from '../fakes/feishu.js';
import { planEnvironment } from '../helpers/plan-fixtures.js';

const context: CiContext = {
  ci: 'github',
  repository: 'octo-org/hello-world',
  runUrl: 'https://github.com/octo-org/hello-world/actions/runs/42',
  status: 'failure',
  eventName: 'push',
};
const message = createMessage('Build failed', '### Build failed\n\nsee the run', context);

const environment = (now: () => number, secrets = new SecretRegistry()) =>
  planEnvironment({ now, secrets, dryRun: false });

describe('DingTalk signature', () => {
  it('matches an independently computed vector (key = secret, message = ts\\nsecret)', () => {
    expect(dingtalkSign(1700000000000, 'SEC1f2e3d4c5b6a7988')).toBe('3PQlow7gqtiy2IVtZa9PmYxj11QWo9rdeNxOosWjnqo=');
  });

  it('puts timestamp (ms) and the URL-encoded sign in the query, fresh per attempt, and registers the sign', async () => {
    let clock = 1700000000000;
    const secrets = new SecretRegistry();
    const parsed = dingtalk.parse({ token: 'a'.repeat(64), secret: 'SEC1f2e3d4c5b6a7988', options: {} });
    const [plan] = await dingtalk.plan(
      parsed,
      message,
      environment(() => clock, secrets),
    );
    const first = await plan!.exchange.build(1);
    expect(first.url).toContain('timestamp=1700000000000&sign=3PQlow7gqtiy2IVtZa9PmYxj11QWo9rdeNxOosWjnqo%3D');
    expect(secrets.redact(first.url)).not.toContain('3PQlow7g');
    expect(secrets.redact(first.url)).not.toContain('a'.repeat(64));
    clock += 5000;
    const second = await plan!.exchange.build(2);
    expect(new URL(second.url).searchParams.get('timestamp')).toBe('1700000005000');
    expect(second.body).toBe(first.body);
  });
});

describe('Feishu signature', () => {
  it('matches an independently computed vector (key = ts\\nsecret, message empty)', () => {
    expect(feishuSign(1700000000, 'demoFeishuSecret123')).toBe('VvnHMECWfX3HOhkmnsNpSTY0FoPm3TiknYkcbv6UJ2Y=');
  });

  it('is not the DingTalk construction (key and message swapped fails)', () => {
    const swapped = createHmac('sha256', 'demoFeishuSecret123')
      .update('1700000000\ndemoFeishuSecret123')
      .digest('base64');
    expect(feishuSign(1700000000, 'demoFeishuSecret123')).not.toBe(swapped);
  });

  it('puts timestamp (seconds) and sign in the JSON body, fresh per attempt', async () => {
    let clock = 1700000000_000;
    const secrets = new SecretRegistry();
    const parsed = feishu.parse({ token: 'abcdef12-3456', secret: 'demoFeishuSecret123', options: {} });
    const [plan] = await feishu.plan(
      parsed,
      message,
      environment(() => clock, secrets),
    );
    const first = JSON.parse((await plan!.exchange.build(1)).body!) as Record<string, string>;
    expect(first).toMatchObject({ timestamp: '1700000000', sign: 'VvnHMECWfX3HOhkmnsNpSTY0FoPm3TiknYkcbv6UJ2Y=' });
    expect(secrets.has('VvnHMECWfX3HOhkmnsNpSTY0FoPm3TiknYkcbv6UJ2Y=')).toBe(true);
    clock += 2000;
    const second = JSON.parse((await plan!.exchange.build(2)).body!) as Record<string, string>;
    expect(second.timestamp).toBe('1700000002');
    expect(second.sign).not.toBe(first.sign);
  });
});

describe('fakes enforce the services’ one-hour timestamp window', () => {
  const servers: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
  });

  it('DingTalk refuses a correctly signed but two-hour-old timestamp, accepts a fresh one', async () => {
    const secret = 'SECwindowtest0001';
    const fake = fakeDingtalk({ robots: { tok: { secret } } });
    servers.push(fake);
    await fake.start();
    const send = async (ts: number) => {
      const sign = encodeURIComponent(dingtalkSign(ts, secret));
      const reply = await fetch(`${fake.url}/robot/send?access_token=tok&timestamp=${ts}&sign=${sign}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'text', text: { content: 'hi' } }),
      });
      return (await reply.json()) as { errcode: number; errmsg: string };
    };
    expect(await send(Date.now() - 2 * 3_600_000)).toMatchObject({ errcode: 310000 });
    expect(await send(Date.now())).toMatchObject({ errcode: 0 });
  });

  it('Feishu refuses a correctly signed but two-hour-old timestamp, accepts a fresh one', async () => {
    const secret = 'feishuwindow';
    const fake = fakeFeishu({ bots: { hook: { secret } } });
    servers.push(fake);
    await fake.start();
    const send = async (ts: number) => {
      const reply = await fetch(`${fake.url}/open-apis/bot/v2/hook/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          timestamp: String(ts),
          sign: feishuSign(ts, secret),
          msg_type: 'text',
          content: { text: 'hi' },
        }),
      });
      return (await reply.json()) as { code: number };
    };
    expect(await send(Math.floor(Date.now() / 1000) - 7200)).toMatchObject({ code: 19021 });
    expect(await send(Math.floor(Date.now() / 1000))).toMatchObject({ code: 0 });
  });
});
