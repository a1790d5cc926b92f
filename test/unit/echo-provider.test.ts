/**
 * The proof that a provider is one folder plus one registry line: a minimal "echo" provider (a descriptor and a tiny
 * adapter that posts JSON to a local fake), registered from this file only, gets service-URL parsing and masking,
 * the format, credential and target checks, help text, did-you-mean and the shared adapter suite, and delivers
 * through the same notify path as the built-in providers, without any other file knowing about it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpText } from '../../src/cli/help.js';
import { isPlainObject, type NotifyConfig } from '../../src/model/config.js';
import type { CiContext } from '../../src/model/context.js';
import { ConfigError } from '../../src/model/errors.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { configFromUrl, notifyMany } from '../../src/notify/fan-out.js';
import { explainCode, type CodeTable } from '../../src/providers/codes.js';
import { descriptorFacts, type ProviderDescriptor } from '../../src/providers/descriptor.js';
import { joinUrl, resolveBaseUrl } from '../../src/providers/endpoint.js';
import { getDescriptor, loadAdapter, PROVIDER_NAMES, registerProvider } from '../../src/providers/registry.js';
import { maskServiceUrl, parseServiceUrl } from '../../src/providers/service-url.js';
import type { ProviderAdapter } from '../../src/providers/types.js';
import { renderBody, renderTitle } from '../../src/render/message.js';
import { httpFailure, notJsonFailure } from '../../src/transport/transport.js';
import { silentLogger, type HttpReply, type Verdict } from '../../src/transport/types.js';
import { FakeServer } from '../helpers/fake-server.js';
import { describeAdapterContract } from '../helpers/adapter-contract.js';
import { describeRegisteredProvider } from '../helpers/provider-checks.js';

// ---- the provider's folder: descriptor.ts ----

const ROOM = /^room:[a-z0-9-]{1,32}$/;
const TARGET_FORM = "'room:NAME', one per line";

function rooms(raw: string | undefined): string[] {
  const lines = (raw ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  for (const line of lines)
    if (!ROOM.test(line)) throw new ConfigError('target', `'${line.slice(0, 40)}' is not an echo room`, TARGET_FORM);
  return lines;
}

const CODES: CodeTable = {
  42: { meaning: 'room is closed', hint: 'open the room first' },
  429: { meaning: 'slow down', retry: 'retry' },
};

const echoDescriptor: ProviderDescriptor = {
  name: 'echo',
  displayName: 'Echo',
  aliases: ['echoes'],
  docsPage: 'docs/providers/echo.md',
  vendorDocs: 'https://echo.example.com/docs',
  defaultEndpoint: 'https://echo.example.com',
  credentials: {
    token: { required: true, form: 'the echo key (store it as a secret)' },
  },
  formats: ['text', 'markdown'],
  defaultFormat: 'text',
  target: { required: true, form: TARGET_FORM, check: (raw) => void rooms(raw) },
  limits: () => ({ title: { max: 50, unit: 'chars' }, body: { max: 2000, unit: 'bytes' } }),
  rateLimit: { requests: 10, perMs: 1000 },
  url: {
    form: 'echo://KEY?target=room:NAME',
    roles: { tokenHost: true },
    parse(url) {
      url.noUserinfo();
      url.noPath();
      return { ...url.common, token: url.hostToken('key') };
    },
    format: (config, url) => ({ address: url.enc(url.need(config.token, 'a key')) }),
  },
  help: 'echo key; target room:NAME; format text or markdown',
  example: { provider: 'echo', token: 'echo-key-0123456789', target: 'room:ops' },
  load: async () => echoAdapter,
};

// ---- the provider's folder: index.ts ----

interface EchoSettings {
  key: string;
  baseUrl: string;
  format: 'text' | 'markdown';
  rooms: string[];
}

function interpret(reply: HttpReply): Verdict {
  const body = reply.json;
  if (!isPlainObject(body) || typeof body.code !== 'number') return httpFailure(reply) ?? notJsonFailure(reply);
  if (body.code === 0 && reply.status === 200) return { ok: true, id: String(body.id) };
  return explainCode('Echo', CODES, body.code, String(body.message ?? ''), { status: reply.status });
}

const echoAdapter: ProviderAdapter<EchoSettings> = {
  ...descriptorFacts(echoDescriptor),
  parse: (settings) => ({
    // Credentials, format and target were checked by core from the descriptor.
    key: settings.token!.trim(),
    baseUrl: resolveBaseUrl(echoDescriptor.defaultEndpoint, settings.endpoint),
    format: (settings.format || 'text') as EchoSettings['format'],
    rooms: rooms(settings.target),
  }),
  plan(parsed, message, env) {
    env.secrets.add(parsed.key);
    const limits = echoDescriptor.limits(parsed.format);
    return parsed.rooms.map((room) => ({
      target: room,
      exchange: {
        label: `echo ${room}`,
        build: () => ({
          method: 'POST',
          url: joinUrl(parsed.baseUrl, '/echo'),
          headers: { 'content-type': 'application/json', authorization: `Bearer ${parsed.key}` },
          body: JSON.stringify({
            room: room.slice('room:'.length),
            title: renderTitle(message, limits.title),
            text: renderBody(message, parsed.format, limits.body),
          }),
        }),
        interpret,
        rateKey: `echo:${room}`,
        rateLimit: echoDescriptor.rateLimit,
      },
    }));
  },
};

// ---- the one registry line ----

registerProvider(echoDescriptor);

// ---- what it gets for free ----

const CONFIG: NotifyConfig = {
  provider: '',
  template: 'build-failure',
  options: {},
  notifyOn: ['failure'],
  dryRun: false,
  failOnError: true,
  timeoutMs: 5000,
  retries: 0,
  deadlineMs: 20_000,
  waitForDeliveryMs: 0,
  summary: false,
};
const CONTEXT: CiContext = { ci: 'gitlab', repository: 'g/r', branch: 'main', status: 'failure' };

describe('a provider registered from a test: echo', () => {
  it('is registered, found by name and suggested for a typo or an alias', async () => {
    expect(PROVIDER_NAMES).toContain('echo');
    expect(getDescriptor('ECHO')).toBe(echoDescriptor);
    await expect(loadAdapter('ecco')).rejects.toThrow(/did you mean echo\?/);
    await expect(loadAdapter('echoes')).rejects.toThrow(/did you mean echo\?/);
  });

  it('parses its service URL and masks the key in errors', async () => {
    expect(await parseServiceUrl('echo://echo-key-0123456789?target=room:ops&format=markdown')).toEqual({
      provider: 'echo',
      token: 'echo-key-0123456789',
      target: 'room:ops',
      format: 'markdown',
    });
    expect(maskServiceUrl('echo://echo-key-0123456789?target=room:ops')).not.toContain('echo-key');
    // A key that reads like a word is a credential too: the descriptor says the host is the token.
    const secrets = new SecretRegistry();
    secrets.add('echo://lettersonlykey?target=room:ops');
    expect(secrets.redact('key lettersonlykey, room:ops')).toBe('key ***, room:ops');
    const error = await parseServiceUrl('echo://echo-key-0123456789/extra').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('echo://KEY?target=room:NAME');
    expect((error as Error).message).not.toContain('echo-key-0123456789');
  });

  it('has its format, credential and target checked by core before its parse runs', async () => {
    const adapter = await loadAdapter('echo');
    const settings = { token: 'echo-key-0123456789', target: 'room:ops', options: {} };
    expect(() => adapter.parse({ ...settings, format: 'html' })).toThrow(/Invalid input 'format'.*'text', 'markdown'/s);
    expect(() => adapter.parse({ ...settings, token: '' })).toThrow(/Invalid input 'token'.*the echo key/s);
    expect(() => adapter.parse({ ...settings, target: 'lobby' })).toThrow(/Invalid input 'target'.*not an echo room/s);
    expect(() => adapter.parse({ ...settings, target: '' })).toThrow(/Invalid input 'target'.*is required for Echo/s);
    expect((adapter.parse({ ...settings, format: 'Markdown' }) as EchoSettings).format).toBe('markdown');
  });

  it('refuses bad input from the descriptor before the adapter is loaded', async () => {
    registerProvider({
      ...echoDescriptor,
      name: 'echo-unloadable',
      load: () => Promise.reject(new Error('the adapter was loaded')),
    });
    const deps = { secrets: new SecretRegistry(), logger: silentLogger };
    const config = (extra: Partial<NotifyConfig>): NotifyConfig => ({
      ...CONFIG,
      provider: 'echo-unloadable',
      token: 'echo-key-0123456789',
      target: 'room:ops',
      ...extra,
    });
    await expect(notifyMany([config({ format: 'html' })], CONTEXT, deps)).rejects.toThrow(/Invalid input 'format'/);
    await expect(notifyMany([config({ token: '' })], CONTEXT, deps)).rejects.toThrow(/Invalid input 'token'/);
    await expect(notifyMany([config({ target: 'lobby' })], CONTEXT, deps)).rejects.toThrow(/Invalid input 'target'/);
    await expect(notifyMany([config({})], CONTEXT, deps)).rejects.toThrow('the adapter was loaded');
  });

  it('shows in --help', () => {
    expect(helpText()).toMatch(/echo +echo key; target room:NAME/);
    expect(helpText()).toContain('echo://KEY?target=room:NAME');
  });

  describe('sends through notify to a local fake', () => {
    const server = new FakeServer((request, response) => {
      const body = request.json as { room: string };
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(body.room === 'closed' ? { code: 42, message: 'closed' } : { code: 0, id: 'm-1' }));
    });
    let base = '';
    beforeAll(async () => {
      base = await server.start();
    });
    afterAll(() => server.stop());

    it('delivers to each room, and explains a business code from its table', async () => {
      const config = await configFromUrl(
        CONFIG,
        `echo://echo-key-0123456789?endpoint=${encodeURIComponent(base)}&target=${encodeURIComponent('room:ops\nroom:closed')}`,
      );
      const outcome = await notifyMany([config], CONTEXT, { secrets: new SecretRegistry(), logger: silentLogger });
      expect(server.requests.map((request) => (request.json as { room: string }).room).sort()).toEqual([
        'closed',
        'ops',
      ]);
      expect(server.requests[0]!.headers.authorization).toBe('Bearer echo-key-0123456789');
      const byTarget = Object.fromEntries(outcome.results.map((result) => [result.target, result]));
      expect(byTarget['room:ops']).toMatchObject({ ok: true, id: 'm-1' });
      expect(byTarget['room:closed']).toMatchObject({ ok: false, code: 42 });
      expect(byTarget['room:closed']!.message).toContain('Echo error 42 (room is closed): closed');
    });
  });
});

describeRegisteredProvider(echoDescriptor, false);
describeAdapterContract(['echo']);
