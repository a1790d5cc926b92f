import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rule in eslint.config.js, exercised on imports that go the wrong way and the right way.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layers go one way', () => {
  it.each([
    ['src/model/errors.ts', "import { renderTemplate } from '../render/template.js';"],
    ['src/render/template.ts', "import { Transport } from '../transport/transport.js';"],
    ['src/transport/client.ts', "import { loadAdapter } from '../providers/registry.js';"],
    ['src/providers/dingtalk/index.ts', "import { notify } from '../../notify/notify.js';"],
    ['src/notify/notify.ts', "import { githubContext } from '../context/github.js';"],
    ['src/context/github.ts', "import { notify } from '../notify/notify.js';"],
    ['src/cli/run.ts', "import { setOutputs } from '../action/report.js';"],
    ['src/action/main.ts', "import { run } from '../cli/run.js';"],
    ['src/notify/notify.ts', "import * as core from '@actions/core';"],
    // The organisation front end: never reached from the action, and it reaches the action only for the history.
    ['src/action/main.ts', "import { runWatch } from '../watch/cli.js';"],
    ['src/index.ts', "import { runWatch } from './watch/cli.js';"],
    ['src/watch/sweep.ts', "import { lookupHistory } from '../action/history.js';"],
    ['src/watch/history-adapter.ts', "import { setOutputs } from '../action/report.js';"],
    ['src/watch/sweep.ts', "import * as github from '@actions/github';"],
  ])('%s: %s is refused', async (filePath, code) => {
    expect(await ruleIds(filePath, `${code}\nexport {};\n`)).toContain('no-restricted-imports');
  });

  it.each([
    ['src/render/template.ts', "import { ConfigError } from '../model/errors.js';"],
    ['src/providers/dingtalk/index.ts', "import { escapeMarkdown } from '../../render/escape.js';"],
    ['src/notify/notify.ts', "import { loadAdapter } from '../providers/registry.js';"],
    ['src/cli/run.ts', "import { notify } from '../notify/notify.js';"],
    ['src/action/main.ts', "import { githubContext } from '../context/github.js';"],
    ['src/watch/sweep.ts', "import { notifyMany } from '../notify/fan-out.js';"],
    ['src/watch/history-adapter.ts', "import { lookupHistory } from '../action/history.js';"],
  ])('%s: %s is allowed', async (filePath, code) => {
    expect(await ruleIds(filePath, `${code}\nexport {};\n`)).not.toContain('no-restricted-imports');
  });
});
