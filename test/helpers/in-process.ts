import { join } from 'node:path';
import { run } from '../../src/action/main.js';
import type { ActionCore } from '../../src/action/types.js';
import { ACTION_DEFAULTS, FIXTURES } from './run-action.js';

export interface InProcessRun {
  failed?: string;
  logs: string[];
  outputs: Record<string, string>;
}

/** Runs the action's run() in this process with a recording core (outputs are its setOutput calls): fast, for large input corpora. */
export async function runInProcess(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<InProcessRun> {
  const all = { ...ACTION_DEFAULTS, ...inputs };
  const logs: string[] = [];
  let failed: string | undefined;
  const outputs: Record<string, string> = {};
  const core: ActionCore = {
    getInput: (name, options) => {
      const value = all[name] ?? '';
      return options?.trimWhitespace === false ? value : value.trim();
    },
    setOutput: (name, value) => {
      outputs[name] = typeof value === 'string' ? value : JSON.stringify(value);
    },
    setFailed: (message) => {
      failed = String(message);
    },
    setSecret: () => {},
    debug: (message) => logs.push(`debug: ${message}`),
    info: (message) => logs.push(message),
    warning: (message) => logs.push(`warning: ${String(message)}`),
    error: (message) => logs.push(`error: ${String(message)}`),
    isDebug: () => true,
    summary: { addRaw: () => undefined, write: async () => undefined },
  };
  await run(core, {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(FIXTURES, 'push-failure.json'),
    GITHUB_REPOSITORY: 'octo-org/hello-world',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    ...env,
  });
  return { failed, logs, outputs };
}
