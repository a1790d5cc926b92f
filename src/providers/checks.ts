/**
 * The checks every provider shares, run by core from the descriptor before the adapter is loaded or anything is
 * sent: the required credentials, the format and the target. One case handling and one message for each, instead
 * of a hand-written copy in every adapter.
 */
import { ConfigError } from '../model/errors.js';
import { CREDENTIAL_INPUTS, type CredentialField, type ProviderDescriptor, type TargetCheck } from './descriptor.js';
import type { ProviderSettings } from './types.js';

/** Format names compare without case, and `-` equals `_` (`markdown-v2` is `markdown_v2`). */
function formatKey(format: string): string {
  return format.trim().toLowerCase().replace(/-/g, '_');
}

/** The descriptor's spelling of `raw`, or the default format when it is empty; a ConfigError when unknown. */
export function checkFormat(descriptor: ProviderDescriptor, raw: string | undefined): string {
  if (!raw?.trim()) return descriptor.defaultFormat;
  const known = descriptor.formats.find((format) => formatKey(format) === formatKey(raw));
  if (known) return known;
  throw new ConfigError(
    'format',
    `'${raw.trim().slice(0, 40)}' is not a ${descriptor.displayName} format`,
    `${descriptor.formats.map((format) => `'${format}'`).join(', ')} (default '${descriptor.defaultFormat}')`,
  );
}

/** Every required credential is set, else a ConfigError naming its input and what this provider expects in it. */
export function checkCredentials(descriptor: ProviderDescriptor, settings: ProviderSettings): void {
  for (const [field, role] of Object.entries(descriptor.credentials) as [
    CredentialField,
    { required: boolean; form: string },
  ][]) {
    if (role.required && !settings[field]?.trim())
      throw new ConfigError(CREDENTIAL_INPUTS[field], `is required for ${descriptor.displayName}`, role.form);
  }
}

/** A target when the provider needs one, and one its grammar (the descriptor's `check`, or the one it loads) accepts. */
function checkTarget(descriptor: ProviderDescriptor, settings: ProviderSettings, check: TargetCheck | undefined): void {
  const { target } = descriptor;
  const raw = settings.target?.trim();
  if (!raw) {
    const required = typeof target.required === 'function' ? target.required(settings) : target.required;
    if (required) throw new ConfigError('target', `is required for ${descriptor.displayName}`, target.form);
    return;
  }
  check?.(settings.target!, settings);
}

/** Runs every shared check and returns the settings with the format in the descriptor's spelling. */
export type SettingsCheck = (settings: ProviderSettings) => ProviderSettings;

/**
 * The shared checks of one provider, once its target grammar is loaded: a function that throws the first
 * ConfigError (credentials, then format, then target) and otherwise returns the settings with the format in the
 * descriptor's spelling.
 */
export async function loadSettingsCheck(descriptor: ProviderDescriptor): Promise<SettingsCheck> {
  const targetCheck = descriptor.target.check ?? (await descriptor.target.loadCheck?.());
  return (settings) => {
    checkCredentials(descriptor, settings);
    const format = checkFormat(descriptor, settings.format);
    checkTarget(descriptor, settings, targetCheck);
    return { ...settings, format, formatGiven: Boolean(settings.format?.trim()) };
  };
}
