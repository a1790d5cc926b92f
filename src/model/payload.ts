/**
 * Readers for an event payload: JSON that GitHub writes, holding values from strangers. Each returns undefined for
 * anything but the type it reads, so a missing or odd field never throws while a context is built.
 */
import { isPlainObject } from './config.js';

export type Json = Record<string, unknown>;

/** A JSON object (not an array, not null). */
export function jsonObject(value: unknown): Json | undefined {
  return isPlainObject(value) ? value : undefined;
}

/** A non-empty string. */
export function jsonText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A finite number. */
export function jsonNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
