/** Reply reading and payload rules of the application channels that the integration tests do not reach. */
import { describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/model/context.js';
import { createMessage } from '../../src/render/message.js';
import { sendResultState } from '../../src/providers/dingtalk-app/index.js';
import { feishuApp, feishuAppVerdict } from '../../src/providers/feishu-app/index.js';
import { wecomApp } from '../../src/providers/wecom-app/index.js';
import { jsonReply, planEnvironment } from '../helpers/plan-fixtures.js';

const context: CiContext = {
  ci: 'github',
  repository: 'octo-org/hello-world',
  runId: '42',
  runAttempt: '1',
  job: 'build',
  runUrl: 'https://github.com/octo-org/hello-world/actions/runs/42',
  status: 'failure',
  branch: 'main',
};

const env = () => planEnvironment({ deadline: Date.now() + 100_000 });

describe('feishu-app replies', () => {
  it('names the missing scope from permission_violations', () => {
    const verdict = feishuAppVerdict(
      jsonReply(400, {
        code: 99991672,
        msg: 'Access denied',
        error: { permission_violations: [{ type: 'action_scope_required', subject: 'im:message:send_as_bot' }] },
      }),
      [],
    );
    expect(verdict).toMatchObject({ ok: false, code: 99991672, retry: 'never' });
    expect(!verdict.ok && verdict.hint).toContain('im:message:send_as_bot');
  });

  it('retries a throttled call after x-ogw-ratelimit-reset and asks for a new token on the expired codes', () => {
    const throttled = feishuAppVerdict(
      jsonReply(429, { code: 99991400, msg: 'too many' }, { 'x-ogw-ratelimit-reset': '3' }),
      [],
    );
    expect(throttled).toMatchObject({ ok: false, retry: 'safe', retryAfterMs: 3000 });
    expect(feishuAppVerdict(jsonReply(400, { code: 99991663, msg: 'expired' }), [99991663])).toMatchObject({
      retry: 'reauth',
    });
    // Outside the configured list the same code is a plain failure.
    expect(feishuAppVerdict(jsonReply(400, { code: 99991663, msg: 'expired' }), [])).toMatchObject({ retry: 'never' });
  });

  it('gives the same uuid to every build of one delivery and another to another status', async () => {
    const settings = { token: 'cli_a5e1b2c3', secret: 'sec', target: 'chat:oc_abc', options: {} };
    const uuid = async (status: CiContext['status']) => {
      const parsed = feishuApp.parse(settings);
      const [plan] = await feishuApp.plan(parsed, createMessage('t', 'body', { ...context, status }), env());
      const first = JSON.parse((await plan!.exchange.build(1)).body!) as { uuid: string };
      const second = JSON.parse((await plan!.exchange.build(2)).body!) as { uuid: string };
      expect(first.uuid).toBe(second.uuid);
      expect(first.uuid.length).toBeLessThanOrEqual(50);
      return first.uuid;
    };
    expect(await uuid('started')).not.toBe(await uuid('failure'));
  });

  it('refuses options.reauthCodes that are not codes', () => {
    expect(() =>
      feishuApp.parse({ token: 'cli_a', secret: 's', target: 'chat:oc_a', options: { reauthCodes: 'all' } }),
    ).toThrow(/options.reauthCodes/);
  });
});

describe('wecom-app textcard', () => {
  it('escapes untrusted text in the description and keeps it within 512 bytes', async () => {
    const parsed = wecomApp.parse({ token: 'ww1', secret: 's', appId: '1000002', target: 'user:a', options: {} });
    const hostile = `<div class="highlight">fake</div><script>x</script> ${'长'.repeat(400)}`;
    const [plan] = await wecomApp.plan(parsed, createMessage('title', `### Failed\n\n${hostile}`, context), env());
    const body = JSON.parse((await plan!.exchange.build(1)).body!) as { textcard: { description: string } };
    expect(body.textcard.description).not.toContain('<script>');
    // Raw HTML in untrusted text is reduced to its text before it reaches the card (render/html-text.ts): the
    // stranger's <div class="highlight"> never becomes markup, only the adapter's own two divs do.
    expect(body.textcard.description).not.toMatch(/<div class="highlight">fake/);
    expect(body.textcard.description).toContain('fake');
    expect(body.textcard.description.match(/<div class=/g)).toHaveLength(2);
    expect(Buffer.byteLength(body.textcard.description)).toBeLessThanOrEqual(512);
  });
});

describe('dingtalk-app send result', () => {
  it('is delivered only when every user is read or unread, failed with each reason otherwise', () => {
    const empty = { read_user_id_list: [], unread_user_id_list: [] };
    expect(sendResultState({ ...empty, read_user_id_list: ['a'], unread_user_id_list: ['b'] }, ['a', 'b'])).toEqual({
      state: 'delivered',
      message: '1 read (a), 1 unread',
    });
    expect(sendResultState({ ...empty, unread_user_id_list: ['a'] }, ['a', 'b']).state).toBe('pending');
    const failed = sendResultState(
      {
        ...empty,
        invalid_user_id_list: ['ghost'],
        forbidden_list: [{ code: '143105', count: 500, userid: 'b' }],
      },
      ['a', 'b'],
    );
    expect(failed.state).toBe('failed');
    expect(failed.message).toBe(
      'invalid user ghost; forbidden b (143105 the user reached the daily cap of work notifications from this app)',
    );
  });
});
