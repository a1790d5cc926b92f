import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/errors.js';
import { createMessage } from '../../src/render/message.js';
import { easemob as easemobAdapter } from '../../src/providers/easemob/index.js';
import { loadAdapter } from '../../src/providers/registry.js';
import { easemobFailure } from '../../src/providers/easemob/errors.js';
import type { ProviderSettings } from '../../src/providers/types.js';
import { type HttpReply } from '../../src/transport/types.js';
import { PUSH_FAILURE, jsonReply, planEnvironment } from '../helpers/plan-fixtures.js';

// Through the registry, as a run gets it: core's shared checks (credentials, format, target) run before parse.
const easemob = (await loadAdapter('easemob')) as typeof easemobAdapter;

const context = PUSH_FAILURE;

const settings: ProviderSettings = {
  token: 'YXA6clientid',
  secret: 'YXA6clientsecret',
  appId: 'acme#im',
  endpoint: 'http://127.0.0.1:9',
  target: 'user:alice',
  options: {},
};

function inputOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.input;
    throw error;
  }
  return undefined;
}

describe('easemob parse', () => {
  it('names the input for each missing or malformed setting', () => {
    expect(inputOf(() => easemob.parse({ ...settings, endpoint: undefined }))).toBe('endpoint');
    expect(inputOf(() => easemob.parse({ ...settings, appId: 'acme/im' }))).toBe('app-id');
    expect(inputOf(() => easemob.parse({ ...settings, appId: undefined }))).toBe('app-id');
    expect(inputOf(() => easemob.parse({ ...settings, secret: '' }))).toBe('secret');
    expect(inputOf(() => easemob.parse({ ...settings, target: '' }))).toBe('target');
    expect(inputOf(() => easemob.parse({ ...settings, target: 'user:alice,,bob' }))).toBe('target');
    expect(inputOf(() => easemob.parse({ ...settings, target: 'user:al ice' }))).toBe('target');
    expect(inputOf(() => easemob.parse({ ...settings, format: 'markdown' }))).toBe('format');
    expect(inputOf(() => easemob.parse({ ...settings, options: { from: 'a b' } }))).toBe('options.from');
    expect(inputOf(() => easemob.parse({ ...settings, options: { ext: 'x' } }))).toBe('options.ext');
    expect(inputOf(() => easemob.parse({ ...settings, options: { tokenTtl: -5 } }))).toBe('options.tokenTtl');
  });

  it('validates ensureTemplate per the push-template document and checks pushTemplate arguments against it', () => {
    const ensure = { name: 'ciAlert', title_pattern: '{0} {1}', content_pattern: '{$msg}' };
    const parse = (options: Record<string, unknown>) => () => easemob.parse({ ...settings, options });
    expect(inputOf(parse({ ensureTemplate: { ...ensure, name: 'x'.repeat(65) } }))).toBe('options.ensureTemplate.name');
    expect(inputOf(parse({ ensureTemplate: { ...ensure, title_pattern: '{$who}' } }))).toBe(
      'options.ensureTemplate.title_pattern',
    );
    expect(inputOf(parse({ ensureTemplate: ensure, pushTemplate: { title_args: ['a'] } }))).toBe(
      'options.pushTemplate.title_args',
    );
    expect(inputOf(parse({ pushTemplate: { name: 'x', title_args: ['{{ unclosed'] } }))).toBe(
      'options.pushTemplate.title_args[0]',
    );
    expect(inputOf(parse({ pushTemplate: 42 }))).toBe('options.pushTemplate');
    const parsed = easemob.parse({
      ...settings,
      options: { ensureTemplate: ensure, pushTemplate: { title_args: ['a', 'b'] } },
    });
    expect(parsed.pushTemplate?.name).toBe('ciAlert');
    expect(parsed.options).toEqual({});
  });

  it('deduplicates recipients case-insensitively and keeps one target per line', () => {
    const parsed = easemob.parse({ ...settings, target: 'user:Alice,bob,alice\ngroup:1,2' });
    expect(parsed.targets).toEqual([
      { kind: 'users', ids: ['Alice', 'bob'] },
      { kind: 'chatgroups', ids: ['1', '2'] },
    ]);
  });
});

describe('easemob plan', () => {
  it('builds a dry-run request with a placeholder token and no token fetch', async () => {
    const parsed = easemob.parse(settings);
    const [plan] = await easemob.plan(parsed, createMessage('Build failed', 'Body', context), planEnvironment());
    const request = await plan!.exchange.build(1);
    expect(request.url).toBe('http://127.0.0.1:9/acme/im/messages/users');
    expect(request.headers.authorization).toBe('Bearer ***');
  });

  it('fits body and ext within 5 KB even when JSON escaping doubles the text', async () => {
    const hostile = `${'"\\\n'.repeat(3000)}${'长'.repeat(3000)}`;
    const parsed = easemob.parse({
      ...settings,
      options: { ext: { em_push_ext: { custom: { k: 'v'.repeat(500) } } } },
    });
    const [plan] = await easemob.plan(parsed, createMessage('T', `# Failed\n\n${hostile}`, context), planEnvironment());
    const body = JSON.parse((await plan!.exchange.build(1)).body!) as Record<string, unknown>;
    const size = Buffer.byteLength(JSON.stringify(body.body)) + Buffer.byteLength(JSON.stringify(body.ext));
    expect(size).toBeLessThanOrEqual(5 * 1024);
    expect(size).toBeGreaterThan(3 * 1024);
    expect((body.ext as { em_push_ext: Record<string, unknown> }).em_push_ext).toMatchObject({
      custom: { k: 'v'.repeat(500) },
      title: 'T',
    });
  });

  it('refuses an ext so large that no message fits', async () => {
    const parsed = easemob.parse({ ...settings, options: { ext: { big: 'x'.repeat(6000) } } });
    await expect(easemob.plan(parsed, createMessage('T', 'B', context), planEnvironment())).rejects.toBeInstanceOf(
      ConfigError,
    );
  });

  it('splits users by 600 and groups by 3, and maps reply ids to recipients', async () => {
    const ids = Array.from({ length: 1201 }, (_, i) => `u${i}`);
    const parsed = easemob.parse({ ...settings, target: `user:${ids.join(',')}\ngroup:1,2,3,4` });
    const plans = await easemob.plan(parsed, createMessage('T', 'B', context), planEnvironment());
    expect(plans.map((plan) => plan.target)).toEqual([
      'user:600 recipients (batch 1/3)',
      'user:600 recipients (batch 2/3)',
      'user:u1200 (batch 3/3)',
      'group:1,2,3 (batch 1/2)',
      'group:4 (batch 2/2)',
    ]);
    expect(plans[3]!.exchange.rateLimit).toEqual({ requests: 20, perMs: 1000 });
    const results = plans[3]!.recipients!(jsonReply(200, { data: { '1': 'm1', '3': 'm3' } }));
    expect(results).toEqual([
      { target: 'group:1', ok: true, id: 'm1' },
      { target: 'group:2', ok: false, message: 'no message id for this recipient in the reply' },
      { target: 'group:3', ok: true, id: 'm3' },
    ]);
    expect(plans[0]!.exchange.interpret(jsonReply(200, { data: { u0: 'm0' } }))).toMatchObject({ ok: true, id: 'm0' });
    expect(plans[0]!.exchange.interpret(jsonReply(200, { action: 'post' }))).toMatchObject({
      ok: false,
      retry: 'never',
    });
  });
});

describe('easemob errors', () => {
  const body = (error: string, description: string) => ({ error, exception: 'X', error_description: description });

  it('asks for a new token on 401 only when the request carried one', () => {
    const expired = jsonReply(401, body('unauthorized', 'Unable to authenticate (OAuth)'));
    expect(easemobFailure(expired, { reauth: true })).toMatchObject({ retry: 'reauth', code: 'unauthorized' });
    expect(easemobFailure(expired, { reauth: false }).retry).toBe('never');
    expect(easemobFailure(expired, { reauth: true }).message).toContain('Unable to authenticate (OAuth)');
  });

  it('retries 429 and 5xx, never 403 message send reach limit', () => {
    expect(easemobFailure(jsonReply(429, body('too_many_requests', 'slow down')), { reauth: true }).retry).toBe('safe');
    expect(easemobFailure(jsonReply(503, body('service_unavailable', 'busy')), { reauth: true }).retry).toBe('safe');
    const quota = easemobFailure(jsonReply(403, body('forbidden_op', 'message send reach limit')), { reauth: true });
    expect(quota).toMatchObject({ retry: 'never', code: 'forbidden_op' });
    expect(quota.message).toContain('message send reach limit');
    expect(quota.hint).toContain('20 a second');
  });

  it('uses error_code when Easemob sends one, and falls back for bodies that are not Easemob errors', () => {
    const coded = easemobFailure(
      jsonReply(400, { error: 'illegal_argument', error_code: 40001, error_description: 'bad' }),
      {
        reauth: true,
      },
    );
    expect(coded).toMatchObject({ code: 40001, retry: 'never' });
    expect(coded.message).toContain('40001');
    const html: HttpReply = {
      status: 502,
      headers: new Headers(),
      text: '<html>Bad gateway</html>',
      json: undefined,
      durationMs: 1,
    };
    expect(easemobFailure(html, { reauth: true })).toMatchObject({ code: 502, retry: 'ambiguous' });
  });
});
