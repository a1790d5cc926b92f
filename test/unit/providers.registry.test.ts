/**
 * Every registered provider, from its descriptor: the central lists mention it, its service URL round-trips and
 * masks, the shared checks (credentials, format, target) hold, and help shows it. No per-provider list here: a
 * provider added to the registry is covered by adding it.
 */
import { describe } from 'vitest';
import { descriptors } from '../../src/providers/registry.js';
import { describeRegisteredProvider } from '../helpers/provider-checks.js';

describe('every registered provider', () => {
  for (const descriptor of descriptors()) describeRegisteredProvider(descriptor);
});
