import type { Environment } from '../model/context.js';
import type { WatchIo } from './cli.js';

export async function runDigest(_args: readonly string[], _env: Environment, _io: WatchIo): Promise<number> {
  return 0;
}
