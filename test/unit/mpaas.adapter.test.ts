import { describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/model/context.js';
import { ConfigError } from '../../src/model/errors.js';
import { createMessage } from '../../src/render/message.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { interpretMpaasReply, mpaas as mpaasAdapter } from '../../src/providers/mpaas/index.js';
import { loadAdapter } from '../../src/providers/registry.js';
import { signRpc } from '../../src/providers/mpaas/signature.js';
import type { ProviderSettings } from '../../src/providers/types.js';
import { type HttpReply } from '../../src/transport/types.js';
import { jsonReply, planEnvironment } from '../helpers/plan-fixtures.js';

// Through the registry, as a run gets it: core's shared checks (credentials, format, target) run before parse.
const mpaas = (await loadAdapter('mpaas')) as typeof mpaasAdapter;

const SECRET = 'UnitTestAccessKeySecret0123456789';
const BASE: ProviderSettings = {
  token: 'LTAI5tUnitKeyId',
  secret: SECRET,
  appId: 'ONEX570DA89211721',
  workspaceId: 'test',
  target: 'user:alice',
  options: {},
};
const context: CiContext = {
  ci: 'github',
  repository: 'octo-org/hello-world',
  runId: '42',
  runAttempt: '1',
  runUrl: 'https://github.com/octo-org/hello-world/actions/runs/42',
  workflow: 'CI',
  status: 'failure',
  eventName: 'push',
  branch: 'main',
};

const env = (secrets = new SecretRegistry(), now = () => Date.now()) =>
  planEnvironment({ secrets, now, dryRun: false });

function configError(settings: Partial<ProviderSettings>): ConfigError {
  try {
    mpaas.parse({ ...BASE, ...settings });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function form(body: string | undefined): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body ?? ''));
}

describe('mpaas parse', () => {
  it.each([
    [{ token: undefined }, 'token'],
    [{ secret: ' ' }, 'secret'],
    [{ appId: undefined }, 'app-id'],
    [{ workspaceId: '' }, 'workspace-id'],
    [{ target: '' }, 'target'],
    [{ target: 'user:' }, 'target'],
    [{ target: 'tag:vip' }, 'target'],
    [{ channel: 'sms' }, 'channel'],
    [{ format: 'markdown' }, 'format'],
  ])('%j is a ConfigError naming %s', (settings, input) => {
    expect(configError(settings).input).toBe(input);
  });

  it('maps targets to delivery types and drops duplicates', () => {
    const parsed = mpaas.parse({ ...BASE, target: 'user:a,b,a\nandroid:d1; ios:i1\nharmony:h1' });
    expect(parsed.targets).toEqual([
      { kind: 'user', id: 'a' },
      { kind: 'user', id: 'b' },
      { kind: 'android', id: 'd1' },
      { kind: 'ios', id: 'i1' },
      { kind: 'harmony', id: 'h1' },
    ]);
  });

  it('maps documented option names to the PascalCase wire names and passes unknown fields through', () => {
    const parsed = mpaas.parse({
      ...BASE,
      options: {
        classification: 1,
        miChannelId: 123321,
        StrategyContent: '{"fixedTime":1}',
        strategyType: '1',
        TenantId: 't1',
      },
    });
    expect(parsed.options.params).toMatchObject({
      Classification: '1',
      MiChannelId: '123321',
      StrategyType: '1',
      StrategyContent: '{"fixedTime":1}',
      TenantId: 't1',
      ExpiredSeconds: '300',
    });
  });

  it.each([
    [{ smsStrategy: 1, smsSignName: 's', smsTemplateCode: 'c' }, 'smsTemplateParam'],
    [{ smsStrategy: 'x' }, 'smsStrategy'],
    [{ strategyType: 2 }, 'StrategyContent'],
    [{ strategyType: 2, StrategyContent: { fixedTime: 1 } }, 'startTime'],
    [{ strategyType: 1, StrategyContent: { startTime: 1 } }, 'fixedTime'],
    [{ strategyType: 2, StrategyContent: { startTime: 2, endTime: 3, circleType: 1, time: '25:00:00' } }, 'HH:mm:ss'],
    [{ strategyType: 3 }, 'strategyType'],
    [{ transparentMessageUrgency: 'HIGH' }, 'transparentMessagePayload'],
    [{ transparentMessagePayload: {}, transparentMessageUrgency: 'LOW' }, 'NORMAL'],
    [{ classification: 2 }, 'classification'],
    [{ expiredSeconds: 0 }, 'expiredSeconds'],
    [{ notifyType: 'sms' }, 'notifyType'],
    [{ activityEvent: 'start' }, 'activityEvent'],
    [{ dismissalDate: -5 }, 'dismissalDate'],
    [{ thirdChannelCategory: 'hms' }, 'thirdChannelCategory'],
    [{ notifyLevel: { oppo: { level: 2 } } }, 'notifyLevel.oppo'],
    [{ templateKeyValue: { a: 'b' } }, 'templateName'],
    [{ templateName: '' }, 'templateName'],
    [{ deliveryType: 4 }, 'deliveryType'],
    [{ expiredSeconds: 60, ExpiredSeconds: 60 }, 'same mPaaS field'],
    [{ AppId: 'other' }, 'set by the action'],
    [{ targetMsgkey: '{}' }, 'set by the action'],
    [{ Signature: 'x' }, 'set by the action'],
  ])('options %j is a ConfigError naming options (%s)', (options, mention) => {
    const error = configError({ options });
    expect(error.input).toBe('options');
    expect(error.message).toContain(mention);
  });
});

describe('mpaas plan', () => {
  it('PushSimple: signs every attempt anew (nonce, timestamp) with the same msgKey; the signature is a secret', async () => {
    const secrets = new SecretRegistry();
    let clock = Date.UTC(2026, 0, 1, 0, 0, 0);
    const parsed = mpaas.parse(BASE);
    const [plan] = await mpaas.plan(
      parsed,
      createMessage('Build failed', 'Body', context),
      env(secrets, () => clock),
    );
    const first = form((await plan!.exchange.build(1)).body);
    clock += 61_000;
    const second = form((await plan!.exchange.build(2)).body);
    expect(first.Action).toBe('PushSimple');
    expect(first.SignatureNonce).not.toBe(second.SignatureNonce);
    expect(first.Timestamp).toBe('2026-01-01T00:00:00Z');
    expect(second.Timestamp).toBe('2026-01-01T00:01:01Z');
    expect(first.TargetMsgkey).toBe(second.TargetMsgkey);
    expect(plan!.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    for (const sent of [first, second]) {
      const { Signature, ...signed } = sent;
      expect(signRpc('POST', signed, SECRET)).toBe(Signature);
      expect(secrets.has(Signature!)).toBe(true);
    }
    expect(first.Uri).toBe(context.runUrl);
    expect(first.PushAction).toBe('0');
  });

  it('the msgKey changes with the run attempt (a re-run is a new notification)', async () => {
    const parsed = mpaas.parse(BASE);
    const keyOf = async (runAttempt: string) => {
      const [plan] = await mpaas.plan(parsed, createMessage('t', 'b', { ...context, runAttempt }), env());
      return form((await plan!.exchange.build(1)).body).TargetMsgkey;
    };
    expect(await keyOf('1')).not.toBe(await keyOf('2'));
  });

  it('gives a different msgKey to another message or matrix leg of the same job (msgKey must be unique)', async () => {
    const parsed = mpaas.parse(BASE);
    const keyOf = async (title: string, ctx: CiContext = context) => {
      const [plan] = await mpaas.plan(parsed, createMessage(title, 'b', ctx), env());
      return form((await plan!.exchange.build(1)).body).TargetMsgkey;
    };
    const started = await keyOf('Build started');
    expect(await keyOf('Build started')).toBe(started);
    expect(await keyOf('Build failed')).not.toBe(started);
    expect(await keyOf('Build started', { ...context, matrix: { node: 24 } })).not.toBe(started);
  });

  it('keeps title and content of a huge Chinese body within the 2 KB message limit', async () => {
    const parsed = mpaas.parse(BASE);
    const message = createMessage('构建失败'.repeat(100), `### 失败\n\n${'长'.repeat(5000)}`, context);
    const [plan] = await mpaas.plan(parsed, message, env());
    const sent = form((await plan!.exchange.build(1)).body);
    expect(Buffer.byteLength(sent.Title! + sent.Content! + sent.Uri!)).toBeLessThanOrEqual(2048);
    expect(sent.Content).toContain('truncated');
  });

  it('PushTemplate renders each templateKeyValue entry as Liquid against the context', async () => {
    const parsed = mpaas.parse({
      ...BASE,
      options: { templateName: 't', templateKeyValue: { repo: '{{ repository }}', branch: '{{ branch | upcase }}' } },
    });
    const [plan] = await mpaas.plan(parsed, createMessage('t', 'b', context), env());
    const sent = form((await plan!.exchange.build(1)).body);
    expect(sent.Action).toBe('PushTemplate');
    expect(JSON.parse(sent.TemplateKeyValue!)).toEqual({ repo: 'octo-org/hello-world', branch: 'MAIN' });
    expect(sent.Title).toBeUndefined();
  });

  it('a templateKeyValue that does not render is a ConfigError naming options', async () => {
    const parsed = mpaas.parse({
      ...BASE,
      options: { templateName: 't', templateKeyValue: { a: '{{ x | nosuch }}' } },
    });
    await expect(mpaas.plan(parsed, createMessage('t', 'b', context), env())).rejects.toMatchObject({
      input: 'options',
    });
  });

  it('options.deliveryType overrides the target type (Live Activity)', async () => {
    const parsed = mpaas.parse({ ...BASE, target: 'ios:token1', options: { deliveryType: 5 } });
    const [plan] = await mpaas.plan(parsed, createMessage('t', 'b', context), env());
    expect(form((await plan!.exchange.build(1)).body).DeliveryType).toBe('5');
  });
});

describe('mpaas replies', () => {
  it('OK with PushResult.Success true: the id is PushResult.Data, or the RequestId', () => {
    expect(
      interpretMpaasReply(
        jsonReply(200, { RequestId: 'R1', ResultCode: 'OK', PushResult: { Success: true, Data: 'task1' } }),
      ),
    ).toMatchObject({ ok: true, id: 'task1' });
    expect(
      interpretMpaasReply(
        jsonReply(200, { RequestId: 'R1', ResultCode: 'OK', PushResult: { Success: true, Data: '' } }),
      ),
    ).toMatchObject({ ok: true, id: 'R1' });
  });

  it('reads the success ResultCode from options.successCodes (only an example value in the 模板推送 document), never sending it', async () => {
    const parsed = mpaas.parse({ ...BASE, options: { successCodes: ['OK', 'SUCCESS'] } });
    const [plan] = await mpaas.plan(parsed, createMessage('t', 'b', context), env());
    expect(form((await plan!.exchange.build(1)).body)).not.toHaveProperty('SuccessCodes');
    const success = jsonReply(200, { RequestId: 'R', ResultCode: 'SUCCESS', PushResult: { Success: true, Data: 'd' } });
    expect(plan!.exchange.interpret(success)).toMatchObject({ ok: true, id: 'd', code: 'SUCCESS' });
    expect(interpretMpaasReply(success)).toMatchObject({ ok: false, retry: 'never' });
    expect(() => mpaas.parse({ ...BASE, options: { successCodes: [] } })).toThrow(ConfigError);
  });

  it('OK without PushResult (the shape the official SDK models declare) is a success, the id is the RequestId', () => {
    expect(interpretMpaasReply(jsonReply(200, { RequestId: 'R1', ResultCode: 'OK', ResultMessage: '' }))).toMatchObject(
      {
        ok: true,
        id: 'R1',
        code: 'OK',
      },
    );
  });

  it('a failing ResultCode without PushResult is a failure carrying ResultMessage', () => {
    const verdict = interpretMpaasReply(
      jsonReply(200, { RequestId: 'R1', ResultCode: 'param_invalid', ResultMessage: 'appId is invalid' }),
    );
    expect(verdict).toMatchObject({ ok: false, code: 'param_invalid', retry: 'never' });
    expect(verdict.ok ? '' : verdict.message).toContain('appId is invalid');
  });

  it('OK with PushResult.Success false is not a success', () => {
    const verdict = interpretMpaasReply(
      jsonReply(200, {
        RequestId: 'R1',
        ResultCode: 'OK',
        PushResult: { Success: false, ResultMsg: 'param is invalid' },
      }),
    );
    expect(verdict).toMatchObject({ ok: false, retry: 'never' });
    expect(verdict.ok ? '' : verdict.message).toContain('param is invalid');
  });

  it.each([
    [400, 'SignatureDoesNotMatch', 'never'],
    [404, 'InvalidAccessKeyId.NotFound', 'never'],
    [400, 'InvalidTimeStamp.Expired', 'never'],
    [400, 'SignatureNonceUsed', 'never'],
    [400, 'Throttling.User', 'safe'],
    [503, 'Throttling', 'safe'],
    [503, 'ServiceUnavailable', 'safe'],
    [500, 'SomethingNew', 'safe'],
    [400, 'SomethingNew', 'never'],
  ])('gateway HTTP %i %s → retry %s', (status, code, retry) => {
    const verdict = interpretMpaasReply(jsonReply(status, { RequestId: 'R', Code: code, Message: 'm' }));
    expect(verdict).toMatchObject({ ok: false, code, retry });
  });

  it('a non-JSON 502 may have been processed (ambiguous); a non-JSON 200 is a failure', () => {
    const html = (status: number): HttpReply => ({
      status,
      headers: new Headers(),
      text: '<html>',
      json: undefined,
      durationMs: 1,
    });
    expect(interpretMpaasReply(html(502))).toMatchObject({ ok: false, retry: 'ambiguous' });
    expect(interpretMpaasReply(html(200))).toMatchObject({ ok: false, retry: 'never' });
  });
});
