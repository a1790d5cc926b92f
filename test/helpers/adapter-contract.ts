/**
 * The contract every registered adapter must keep, whatever its wire format. It reads each provider's descriptor
 * (its example configuration and credential roles), so a new provider is covered without editing this file; a test
 * that registers its own provider runs it with `describeAdapterContract([name])`.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/errors.js';
import { createMessage } from '../../src/render/message.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { getDescriptor, loadAdapter } from '../../src/providers/registry.js';
import type { ProviderSettings } from '../../src/providers/types.js';
import { measure } from '../../src/render/limits.js';
import { PUSH_FAILURE, planEnvironment } from './plan-fixtures.js';

const context = PUSH_FAILURE;

/** A target no provider accepts: an unknown kind. */
const BAD_TARGET = 'bogus-kind:x';

/** The descriptor's example as adapter settings, and the credentials that must never travel in a request URL. */
function sampleOf(name: string): { settings: ProviderSettings; badTarget: string; secretsNeverInUrl: string[] } {
  const descriptor = getDescriptor(name);
  const { provider: _provider, template: _template, title: _title, ...example } = descriptor.example;
  const settings: ProviderSettings = { ...example, options: example.options ?? {} };
  const secretsNeverInUrl = (['token', 'secret', 'appId', 'workspaceId'] as const)
    .filter((field) => descriptor.credentials[field] && !descriptor.credentials[field]!.sentInUrl)
    .map((field) => settings[field])
    .filter((value): value is string => Boolean(value) && value!.length >= 6);
  return { settings, badTarget: BAD_TARGET, secretsNeverInUrl };
}

export function describeAdapterContract(names: readonly string[]): void {
  describe.each(names)('adapter contract: %s', (name) => {
    const sample = sampleOf(name);

    it('has an example configuration that passes its own checks', async () => {
      const adapter = await loadAdapter(name);
      expect(() => adapter.parse(sample.settings)).not.toThrow();
    });

    it('declares its limits, rate limit and formats', async () => {
      const adapter = await loadAdapter(name);
      expect(adapter.name).toBe(name);
      expect(adapter.formats).toContain(adapter.defaultFormat);
      expect(adapter.rateLimit.requests).toBeGreaterThan(0);
      expect(adapter.rateLimit.perMs).toBeGreaterThan(0);
      for (const format of adapter.formats) {
        const limits = adapter.limits(format);
        expect(limits.body.max).toBeGreaterThan(0);
        expect(['chars', 'bytes']).toContain(limits.body.unit);
      }
      expect(() => new URL(adapter.defaultEndpoint)).not.toThrow();
    });

    it('rejects a missing token with a ConfigError naming an input', async () => {
      const adapter = await loadAdapter(name);
      const settings: ProviderSettings = { ...sample.settings, token: undefined };
      expect(() => adapter.parse(settings)).toThrow(ConfigError);
    });

    it('rejects a malformed target with a ConfigError', async () => {
      const adapter = await loadAdapter(name);
      expect(() => adapter.parse({ ...sample.settings, target: sample.badTarget })).toThrow(ConfigError);
    });

    it('plans requests for every format, within the body limit, honouring endpoint, without leaking secrets in the URL', async () => {
      const adapter = await loadAdapter(name);
      const hostile = `${'x'.repeat(10)} <at user_id="all">@all</at> <@everyone> ${'长'.repeat(30_000)}`;
      const message = createMessage(`Build failed ${hostile.slice(0, 50)}`, `### Failed\n\n${hostile}`, context);
      for (const format of adapter.formats) {
        const secrets = new SecretRegistry();
        const parsed = adapter.parse({ ...sample.settings, format, endpoint: 'http://127.0.0.1:9' });
        secrets.add(sample.settings.token);
        secrets.add(sample.settings.secret);
        const plans = await adapter.plan(parsed, message, planEnvironment({ secrets }));
        expect(plans.length).toBeGreaterThan(0);
        for (const plan of plans) {
          const request = await plan.exchange.build(1);
          expect(request.url.startsWith('http://127.0.0.1:9')).toBe(true);
          for (const secret of sample.secretsNeverInUrl ?? []) expect(request.url).not.toContain(secret);
          if (request.body) expect(measure(request.body, 'bytes')).toBeLessThan(200_000);
          expect(request.body ?? '').not.toMatch(/<at user_id="all">/);
        }
      }
    });
  });
}
