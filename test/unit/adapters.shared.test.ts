/**
 * The shared adapter contract (test/helpers/adapter-contract.ts) over every registered provider.
 */
import { PROVIDER_NAMES } from '../../src/providers/registry.js';
import { describeAdapterContract } from '../helpers/adapter-contract.js';

describeAdapterContract(PROVIDER_NAMES);
