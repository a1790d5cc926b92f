import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeMpaas } from '../fakes/mpaas.js';
import { runAction } from '../helpers/run-action.js';

const KEY_ID = 'LTAI5tIntegrationKeyId';
const KEY_SECRET = 'IntegrationSecret0123456789abcd';
const APP_ID = 'ONEX570DA89211721';
const WORKSPACE = 'test';
const RUN_URL = 'https://github.com/octo-org/hello-world/actions/runs/9876543210';

function inputs(extra: Record<string, string> = {}, endpoint = ''): Record<string, string> {
  return {
    locale: 'en',
    provider: 'mpaas',
    token: KEY_ID,
    secret: KEY_SECRET,
    'app-id': APP_ID,
    'workspace-id': WORKSPACE,
    target: 'user:user1024',
    status: 'failure',
    endpoint,
    retries: '2',
    ...extra,
  };
}

/** What the run printed, minus the `::add-mask::` commands that hand secrets to the runner's masker. */
function printed(run: { stdout: string; outputsRaw: string; summary: string }): string {
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return `${stdout}\n${run.outputsRaw}\n${run.summary}`;
}

function resultsOf(run: { outputs: Record<string, string> }): Record<string, unknown>[] {
  return JSON.parse(run.outputs.results!) as Record<string, unknown>[];
}

describe('mpaas through node dist/index.js', () => {
  let fake: ReturnType<typeof fakeMpaas>;
  beforeEach(async () => {
    fake = fakeMpaas({
      keys: { [KEY_ID]: KEY_SECRET },
      appId: APP_ID,
      workspaceId: WORKSPACE,
      templates: { 'ci-alert': ['repo', 'state', 'link'] },
    });
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('PushSimple: rendered title and plain-text content, a link action to the run, signed and accepted', async () => {
    const run = await runAction({ inputs: inputs({}, fake.url) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.accepted).toHaveLength(1);
    const { action, form } = fake.accepted[0]!;
    expect(action).toBe('PushSimple');
    expect(form).toMatchObject({
      AppId: APP_ID,
      WorkspaceId: WORKSPACE,
      DeliveryType: '3',
      NotifyType: 'notify',
      ExpiredSeconds: '300',
      PushAction: '0',
      Uri: RUN_URL,
      Format: 'JSON',
      Version: '2019-08-21',
    });
    expect(form.Title).toContain('Failed');
    expect(form.Content).toContain('Fix the flaky login test');
    expect(form.Content).not.toMatch(/\*\*|<\w+>/);
    expect(Buffer.byteLength(form.Title! + form.Content! + form.Uri!)).toBeLessThanOrEqual(2048);
    const msgKeys = JSON.parse(form.TargetMsgkey!) as Record<string, string>;
    expect(Object.keys(msgKeys)).toEqual(['user1024']);
    expect(msgKeys.user1024).toMatch(/^[0-9a-f]{32}$/);
    expect(run.outputs.status).toBe('success');
    // No task id for an immediate push: the RequestId identifies it.
    expect(run.outputs['message-id']).toMatch(/^[0-9A-F-]{36}$/);
    expect(resultsOf(run)).toEqual([
      expect.objectContaining({ provider: 'mpaas', target: 'user:user1024', ok: true, code: 'OK', attempts: 1 }),
    ]);
    expect(printed(run)).not.toContain(KEY_SECRET);
    expect(printed(run)).not.toContain(form.Signature!);
  });

  it('PushTemplate: TemplateKeyValue rendered from the CI context plus the documented PushTemplate fields', async () => {
    const options = {
      templateName: 'ci-alert',
      templateKeyValue: { repo: '{{ repository }}', state: '{{ stateText }}', link: '{{ runUrl }}' },
      classification: '0',
      expiredSeconds: 600,
      extendedParams: { source: 'ci-notifier' },
      strategyType: 1,
      StrategyContent: { fixedTime: 4102444800000 },
      thirdChannelCategory: { hms: '9', vivo: '1' },
      notifyLevel: { oppo: '2' },
      miChannelId: '123321',
      smsStrategy: 2,
      smsSignName: 'mPaaS 测试',
      smsTemplateCode: 'SMS_216070269',
      smsTemplateParam: { code: 123456 },
      transparentMessagePayload: { huawei: { data: 'x' } },
      transparentMessageUrgency: 'HIGH',
      activityEvent: 'end',
      activityContentState: { progress: 1 },
      dismissalDate: 4102444800,
    };
    const run = await runAction({ inputs: inputs({ options: JSON.stringify(options) }, fake.url) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.accepted).toHaveLength(1);
    const { action, form } = fake.accepted[0]!;
    expect(action).toBe('PushTemplate');
    expect(JSON.parse(form.TemplateKeyValue!)).toEqual({
      repo: 'octo-org/hello-world',
      state: 'Failed',
      link: RUN_URL,
    });
    expect(form).toMatchObject({
      TemplateName: 'ci-alert',
      Classification: '0',
      ExpiredSeconds: '600',
      StrategyType: '1',
      MiChannelId: '123321',
      SmsStrategy: '2',
      SmsSignName: 'mPaaS 测试',
      SmsTemplateCode: 'SMS_216070269',
      TransparentMessageUrgency: 'HIGH',
      ActivityEvent: 'end',
      DismissalDate: '4102444800',
      NotifyType: 'notify',
    });
    expect(JSON.parse(form.StrategyContent!)).toEqual({ fixedTime: 4102444800000 });
    expect(JSON.parse(form.ThirdChannelCategory!)).toEqual({ hms: '9', vivo: '1' });
    expect(JSON.parse(form.NotifyLevel!)).toEqual({ oppo: '2' });
    expect(JSON.parse(form.SmsTemplateParam!)).toEqual({ code: 123456 });
    expect(JSON.parse(form.ExtendedParams!)).toEqual({ source: 'ci-notifier' });
    expect(JSON.parse(form.TransparentMessagePayload!)).toEqual({ huawei: { data: 'x' } });
    expect(JSON.parse(form.ActivityContentState!)).toEqual({ progress: 1 });
    expect(form.TaskName).toBeTruthy();
    expect(form.Title).toBeUndefined();
    // A scheduled push returns its task id in PushResult.Data.
    expect(run.outputs['message-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('splits 25 targets into 3 calls of at most 10, one msgKey per target', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `u${i + 1}`);
    const run = await runAction({ inputs: inputs({ target: `user:${ids.join(',')}` }, fake.url) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(3);
    expect(fake.accepted).toHaveLength(3);
    const maps = fake.accepted.map(({ form }) => JSON.parse(form.TargetMsgkey!) as Record<string, string>);
    expect(maps.map((map) => Object.keys(map).length).sort()).toEqual([10, 10, 5]);
    const all = maps.flatMap((map) => Object.keys(map));
    expect(new Set(all)).toEqual(new Set(ids));
    expect(new Set(maps.flatMap((map) => Object.values(map))).size).toBe(25);
    expect(resultsOf(run)).toHaveLength(3);
    expect(resultsOf(run).every((result) => result.ok === true)).toBe(true);
  });

  it('sends one call per device type (android 1, ios 2, harmony 7) and the transparent channel', async () => {
    const run = await runAction({
      inputs: inputs({ target: 'android:a1\nios:i1,i2\nharmony:h1', channel: 'transparent' }, fake.url),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const byType = Object.fromEntries(fake.accepted.map(({ form }) => [form.DeliveryType, form]));
    expect(Object.keys(byType).sort()).toEqual(['1', '2', '7']);
    expect(Object.keys(JSON.parse(byType['2']!.TargetMsgkey!) as object)).toEqual(['i1', 'i2']);
    expect(fake.accepted.every(({ form }) => form.NotifyType === 'transparent')).toBe(true);
  });

  it('refuses smsStrategy without the SMS fields before any request, naming options', async () => {
    const run = await runAction({
      inputs: inputs({ options: '{"templateName": "ci-alert", "smsStrategy": 2, "smsSignName": "x"}' }, fake.url),
    });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(0);
    expect(run.stdout).toContain("::error::Invalid input 'options'");
    expect(run.stdout).toContain('smsTemplateCode');
    expect(run.stdout).toContain('smsTemplateParam');
  });

  it.each([
    [{ 'app-id': '' }, "'app-id'"],
    [{ 'workspace-id': '' }, "'workspace-id'"],
    [{ secret: '' }, "'secret'"],
    [{ target: 'email:x@example.com' }, "'target'"],
    [{ channel: 'sms' }, "'channel'"],
    [{ options: '{"strategyType": 2}' }, "'options'"],
  ])('bad input %j fails naming %s and sends nothing', async (extra, name) => {
    const run = await runAction({ inputs: inputs(extra, fake.url) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::Invalid input ${name}`);
    expect(fake.requests).toHaveLength(0);
  });

  it('SignatureDoesNotMatch (wrong secret): fails once, with a hint about the secret, secret masked', async () => {
    const run = await runAction({ inputs: inputs({ secret: 'WrongSecret0123456789abcdef' }, fake.url) });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = resultsOf(run);
    expect(result).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch', attempts: 1 });
    expect(String(result!.message)).toContain('AccessKeySecret');
    expect(run.stdout).toContain('SignatureDoesNotMatch');
    expect(printed(run)).not.toContain('WrongSecret0123456789abcdef');
  });

  it('InvalidAccessKeyId.NotFound: fails once with a hint about the token', async () => {
    const run = await runAction({ inputs: inputs({ token: 'LTAI5tUnknownKeyId' }, fake.url) });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = resultsOf(run);
    expect(result).toMatchObject({ ok: false, code: 'InvalidAccessKeyId.NotFound', attempts: 1 });
    expect(String(result!.message)).toContain('`token`');
  });

  it('InvalidTimeStamp.Expired (runner clock 20 minutes off): fails once with a clock hint', async () => {
    await fake.stop();
    fake = fakeMpaas({
      keys: { [KEY_ID]: KEY_SECRET },
      appId: APP_ID,
      workspaceId: WORKSPACE,
      clockSkewMs: 20 * 60_000,
    });
    await fake.start();
    const run = await runAction({ inputs: inputs({}, fake.url) });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = resultsOf(run);
    expect(result).toMatchObject({ ok: false, code: 'InvalidTimeStamp.Expired', attempts: 1 });
    expect(String(result!.message)).toContain('clock');
  });

  it('throttling is retried with a fresh nonce and the same msgKey, then succeeds', async () => {
    let throttled = 0;
    await fake.stop();
    fake = fakeMpaas({
      keys: { [KEY_ID]: KEY_SECRET },
      appId: APP_ID,
      workspaceId: WORKSPACE,
      intercept: (_request, _form, reply) => {
        if (throttled >= 2) return false;
        throttled += 1;
        reply(400, {
          RequestId: 'R',
          Code: 'Throttling.User',
          Message: 'Request was denied due to user flow control.',
        });
        return true;
      },
    });
    await fake.start();
    const run = await runAction({ inputs: inputs({}, fake.url) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(3);
    const forms = fake.requests.map((request) => new URLSearchParams(request.body));
    expect(new Set(forms.map((form) => form.get('SignatureNonce'))).size).toBe(3);
    expect(new Set(forms.map((form) => form.get('TargetMsgkey'))).size).toBe(1);
    expect(resultsOf(run)[0]).toMatchObject({ ok: true, attempts: 3 });
  });

  it('a gateway 503 is retried within the budget and then reported', async () => {
    await fake.stop();
    fake = fakeMpaas({
      keys: { [KEY_ID]: KEY_SECRET },
      appId: APP_ID,
      workspaceId: WORKSPACE,
      intercept: (_request, _form, reply) => {
        reply(503, {
          RequestId: 'R',
          Code: 'ServiceUnavailable',
          Message: 'The request has failed due to a temporary failure of the server.',
        });
        return true;
      },
    });
    await fake.start();
    const run = await runAction({ inputs: inputs({}, fake.url) });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(3);
    expect(resultsOf(run)[0]).toMatchObject({ ok: false, code: 'ServiceUnavailable', attempts: 3 });
  });

  it('a reply without PushResult (as the official SDK models declare it) is a delivered push, not a failure', async () => {
    const sdkShaped = fakeMpaas({
      keys: { [KEY_ID]: KEY_SECRET },
      appId: APP_ID,
      workspaceId: WORKSPACE,
      withoutPushResult: true,
    });
    await sdkShaped.start();
    try {
      const run = await runAction({ inputs: inputs({}, sdkShaped.url) });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(sdkShaped.accepted).toHaveLength(1);
      expect(sdkShaped.requests).toHaveLength(1);
      expect(resultsOf(run)[0]).toMatchObject({ ok: true, code: 'OK', attempts: 1 });
      expect(run.outputs.status).toBe('success');
      expect(run.outputs['message-id']).toMatch(/^[0-9A-F-]{36}$/);
    } finally {
      await sdkShaped.stop();
    }
  });

  it('a business refusal in an HTTP 200 (PushResult.Success false) is a failure, not retried', async () => {
    const run = await runAction({ inputs: inputs({ options: '{"templateName": "no-such-template"}' }, fake.url) });
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [result] = resultsOf(run);
    expect(result).toMatchObject({ ok: false, code: 'TEMPLATE_NOT_EXIST', attempts: 1 });
    expect(String(result!.message)).toContain('template not found');
  });

  it('dry-run prints the signed request with the secret and the signature masked, and sends nothing', async () => {
    const run = await runAction({ inputs: inputs({ 'dry-run': 'true' }, fake.url) });
    expect(run.code, run.stdout).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(run.stdout).toContain(`POST ${fake.url}/`);
    expect(run.stdout).toContain('Signature=***');
    expect(printed(run)).not.toContain(KEY_SECRET);
  });
});
