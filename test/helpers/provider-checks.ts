/**
 * The checks every registered provider gets from its descriptor (test/unit/providers.registry.test.ts runs them
 * over the registry; a test that registers its own provider runs them for it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { helpText } from '../../src/cli/help.js';
import { FLAGS } from '../../src/cli/flags.js';
import { compact } from '../../src/model/config.js';
import { ConfigError } from '../../src/model/errors.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { loadSettingsCheck, type SettingsCheck } from '../../src/providers/checks.js';
import { CREDENTIAL_INPUTS, type CredentialField, type ProviderDescriptor } from '../../src/providers/descriptor.js';
import { providerHint } from '../../src/providers/registry.js';
import {
  formatServiceUrl,
  maskServiceUrl,
  parseServiceUrl,
  SERVICE_URL_FORMS,
} from '../../src/providers/service-url.js';
import type { ProviderSettings } from '../../src/providers/types.js';
import { ROOT } from './run-action.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const ACTION = read('action.yml');
const README = read('README.md');
const CLI_DOC = read('docs/cli.md');
const NOTIFY_WORKFLOW = read('.github/workflows/notify.yml');
const PACKAGE_DESCRIPTION = (JSON.parse(read('package.json')) as { description: string }).description;

/** The description of an action input. */
function inputDescription(input: string): string {
  const match = new RegExp(`^  ${input}:\\n    description: '((?:[^']|'')*)'`, 'm').exec(ACTION);
  expect(match, `action.yml has a description for '${input}'`).not.toBeNull();
  return match![1]!;
}

/** A provider is mentioned by its registry name or its display name (case-insensitive). */
function mentions(text: string, descriptor: ProviderDescriptor): boolean {
  const lower = text.toLowerCase();
  return lower.includes(descriptor.name) || lower.includes(descriptor.displayName.toLowerCase());
}

function settingsOf(descriptor: ProviderDescriptor): ProviderSettings {
  const { provider: _provider, template: _template, title: _title, ...example } = descriptor.example;
  return { ...example, options: example.options ?? {} };
}

/** Every credential value of the example: none may show in a masked URL. */
function credentialValues(descriptor: ProviderDescriptor): string[] {
  const example = descriptor.example;
  return [example.token, example.secret].filter((value): value is string => Boolean(value));
}

export function describeRegisteredProvider(descriptor: ProviderDescriptor, docs = true): void {
  const { name } = descriptor;

  describe(`provider ${name}`, () => {
    let checkSettings: SettingsCheck;
    beforeAll(async () => {
      checkSettings = await loadSettingsCheck(descriptor);
    });

    if (docs) {
      it('is mentioned by action.yml, the README, docs/cli.md, notify.yml, package.json and its own docs page', () => {
        const listed = inputDescription('provider');
        expect(listed, 'action.yml provider description').toMatch(new RegExp(`(^|[\\s,:])${name}([\\s,.]|$)`));
        expect(mentions(inputDescription('token'), descriptor), 'action.yml token description').toBe(true);
        if (descriptor.credentials.secret)
          expect(mentions(inputDescription('secret'), descriptor), 'action.yml secret description').toBe(true);
        if (descriptor.formats.length > 1)
          expect(mentions(inputDescription('format'), descriptor), 'action.yml format description').toBe(true);
        if (descriptor.target.form !== 'no target')
          expect(mentions(inputDescription('target'), descriptor), 'action.yml target description').toBe(true);
        expect(README, 'README links the docs page').toContain(`(${descriptor.docsPage})`);
        const workflowProvider = /\n {6}provider:\n {8}description: '([^']*)'/.exec(NOTIFY_WORKFLOW)?.[1] ?? '';
        expect(workflowProvider, 'notify.yml provider description').toMatch(new RegExp(`(^|[\\s,])${name}([\\s,.]|$)`));
        expect(mentions(PACKAGE_DESCRIPTION, descriptor), 'package.json description').toBe(true);
        expect(CLI_DOC, 'docs/cli.md lists the provider').toContain(name);
        expect(CLI_DOC, 'docs/cli.md shows its service URL').toContain(`${name}://`);
        expect(existsSync(join(ROOT, descriptor.docsPage)), `${descriptor.docsPage} exists`).toBe(true);
        expect(read(descriptor.docsPage), 'the docs page cites the vendor documentation').toContain(
          descriptor.vendorDocs,
        );
      });
    }

    it('round-trips its example through a service URL', async () => {
      const url = formatServiceUrl(descriptor.example);
      expect(url.startsWith(`${name}://`)).toBe(true);
      expect(await parseServiceUrl(url)).toEqual(compact({ ...descriptor.example }));
      expect(SERVICE_URL_FORMS[name]).toBe(descriptor.url.form);
    });

    it('masks every credential of its service URL, in the masked form and in URL errors', async () => {
      const url = formatServiceUrl(descriptor.example);
      const masked = maskServiceUrl(url);
      const bad = `${url}${url.includes('?') ? '&' : '?'}bogus-key=1`;
      const error = await parseServiceUrl(bad).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      for (const value of credentialValues(descriptor)) {
        expect(masked).not.toContain(value);
        expect(String((error as Error).message)).not.toContain(value);
      }
    });

    it('has its URL credentials registered as secrets by its declared roles, and its target left readable', () => {
      const secrets = new SecretRegistry();
      secrets.add(formatServiceUrl(descriptor.example));
      for (const value of credentialValues(descriptor)) expect(secrets.redact(`[${value}]`)).toBe('[***]');
      const target = descriptor.example.target;
      if (target) expect(secrets.redact(`sent to ${target}`)).toBe(`sent to ${target}`);
    });

    it('passes the shared checks with its example, in the spelling of the descriptor', () => {
      const settings = settingsOf(descriptor);
      expect(checkSettings(settings).format).toBe(descriptor.defaultFormat);
      for (const format of descriptor.formats) {
        const shouted = format.toUpperCase();
        expect(checkSettings({ ...settings, format: ` ${shouted} ` }).format).toBe(format);
      }
    });

    it('refuses an unknown format, naming `format` and the known ones', () => {
      const error = (() => {
        try {
          checkSettings({ ...settingsOf(descriptor), format: 'no-such-format' });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).input).toBe('format');
      for (const format of descriptor.formats) expect((error as Error).message).toContain(`'${format}'`);
    });

    it('refuses each missing required credential, naming its input and the expected form', () => {
      for (const [field, role] of Object.entries(descriptor.credentials) as [
        CredentialField,
        { required: boolean; form: string },
      ][]) {
        if (!role.required) continue;
        const settings = { ...settingsOf(descriptor), [field]: ' ' };
        expect(() => checkSettings(settings)).toThrow(ConfigError);
        try {
          checkSettings(settings);
        } catch (error) {
          expect((error as ConfigError).input).toBe(CREDENTIAL_INPUTS[field]);
          expect((error as Error).message).toContain(role.form);
        }
      }
    });

    it('checks the target: required when the descriptor says so, and an unknown kind is refused', () => {
      const settings = settingsOf(descriptor);
      const required =
        typeof descriptor.target.required === 'function'
          ? descriptor.target.required({ ...settings, target: undefined })
          : descriptor.target.required;
      if (required) expect(() => checkSettings({ ...settings, target: '' })).toThrow(/'target'/);
      if (descriptor.target.check || descriptor.target.loadCheck)
        expect(() => checkSettings({ ...settings, target: 'bogus-kind:x' })).toThrow(/'target'/);
    });

    it('is listed in --help with its help line and URL form, and in the --provider flag', () => {
      const help = helpText();
      expect(help).toContain(descriptor.help);
      expect(help).toContain(descriptor.url.form);
      expect(FLAGS.find((flag) => flag.name === 'provider')!.description).toContain(name);
    });

    it('is suggested for its aliases', () => {
      for (const alias of descriptor.aliases ?? []) expect(providerHint(alias)).toBe(`did you mean ${name}?`);
    });
  });
}
