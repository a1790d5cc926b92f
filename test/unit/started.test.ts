/** The `started` status and the two inputs that let a second step update or answer the first step's message. */
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/notify/inputs.js';
import { FLAGS } from '../../src/cli/flags.js';
import type { NotifyConfig } from '../../src/model/config.js';
import { normalizeStatus, type CiContext } from '../../src/model/context.js';
import { ConfigError } from '../../src/model/errors.js';
import { notify, shouldNotify } from '../../src/notify/notify.js';
import { parseNotifyOn } from '../../src/model/options.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { renderTemplate } from '../../src/render/template.js';
import { silentLogger } from '../../src/transport/types.js';

const context: CiContext = {
  ci: 'github',
  status: 'started',
  repository: 'octo-org/hello-world',
  repositoryUrl: 'https://github.com/octo-org/hello-world',
  workflow: 'CI',
  branch: 'main',
  runUrl: 'https://github.com/octo-org/hello-world/actions/runs/42',
  eventName: 'push',
};

describe('status started', () => {
  it('is a status of its own and a notify-on state', () => {
    expect(normalizeStatus('started')).toBe('started');
    expect(normalizeStatus(' Started ')).toBe('started');
    expect(parseNotifyOn(['started', 'failure'])).toEqual(['started', 'failure']);
    expect(shouldNotify(['started'], context)).toBe(true);
    expect(shouldNotify(['failure'], context)).toBe(false);
  });

  it('renders the auto preset as a yellow "Started" message with the run link', async () => {
    const rendered = await renderTemplate({ template: 'auto' }, context);
    expect(rendered.title).toBe('🟡 Started: octo-org/hello-world (main)');
    expect(rendered.markdown).toContain('🟡 CI started');
    expect(rendered.markdown).toContain('(https://github.com/octo-org/hello-world/actions/runs/42)');
  });
});

describe('update-message and reply-to', () => {
  const inputs = (values: Record<string, string>) => ({
    getInput: (name: string) => values[name] ?? '',
    setSecret: () => {},
  });

  it('are read from the action inputs and exist as CLI flags', async () => {
    const { config } = await readInputs(
      inputs({ provider: 'feishu-app', 'update-message': ' om_1 ', 'reply-to': 'om_2' }),
    );
    expect(config.updateMessage).toBe('om_1');
    expect(config.replyTo).toBe('om_2');
    const names = FLAGS.map((flag) => flag.name);
    expect(names).toContain('update-message');
    expect(names).toContain('reply-to');
  });

  it('are refused, before any request, by a provider that cannot update or reply', async () => {
    const base: NotifyConfig = {
      provider: 'pushplus',
      token: '0123456789abcdef0123456789abcdef',
      template: 'auto',
      options: {},
      notifyOn: [],
      dryRun: false,
      failOnError: true,
      timeoutMs: 1000,
      retries: 0,
      deadlineMs: 5000,
      waitForDeliveryMs: 0,
      summary: false,
    };
    const fetch = () => Promise.reject(new Error('no request may be made'));
    const deps = { secrets: new SecretRegistry(), logger: silentLogger, fetch };
    await expect(notify({ ...base, updateMessage: 'x' }, context, deps)).rejects.toThrow(ConfigError);
    await expect(notify({ ...base, replyTo: 'x' }, context, deps)).rejects.toThrow(/reply-to/);
  });
});
