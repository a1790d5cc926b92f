/**
 * Values a provider renders itself (mPaaS TemplateKeyValue, Easemob title_args) use the run's time zone and
 * language, like the body: a run at 00:00 UTC reads 08:00 in Asia/Shanghai everywhere in the message.
 */
import { describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/model/context.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { createMessage } from '../../src/render/message.js';
import { pushExt } from '../../src/providers/easemob/push.js';
import { loadAdapter } from '../../src/providers/registry.js';
import { planEnvironment } from '../helpers/plan-fixtures.js';

const context: CiContext = {
  ci: 'github',
  repository: 'octo-org/hello-world',
  runId: '42',
  runUrl: 'https://github.com/octo-org/hello-world/actions/runs/42',
  status: 'failure',
  eventName: 'push',
  branch: 'main',
  commit: { sha: 'a'.repeat(40), shortSha: 'aaaaaaa', timestamp: '2026-03-01T00:00:00Z' },
  history: { state: 'failure', durationSeconds: 125 },
};
const WHEN = '{{ commit.timestamp | date: "%H:%M %z" }}';

describe('provider-side templates use the run’s time zone and locale', () => {
  it('mPaaS TemplateKeyValue', async () => {
    const mpaas = await loadAdapter('mpaas');
    const parsed = mpaas.parse({
      token: 'LTAI5tUnitKeyId',
      secret: 'UnitTestAccessKeySecret0123456789',
      appId: 'ONEX570DA89211721',
      workspaceId: 'test',
      target: 'user:alice',
      options: {
        templateName: 't',
        templateKeyValue: { when: WHEN, took: '{{ history.durationSeconds | duration }}' },
      },
    });
    const message = createMessage('t', 'b', context, 'zh-CN', 'Asia/Shanghai');
    const [plan] = await mpaas.plan(parsed, message, planEnvironment({ secrets: new SecretRegistry(), dryRun: false }));
    const body = new URLSearchParams((await plan!.exchange.build(1)).body as string);
    const values = JSON.parse(body.get('TemplateKeyValue')!) as Record<string, string>;
    expect(values.when).toBe('08:00 +0800');
    // The duration words follow the locale (Chinese), as in the body.
    expect(values.took).not.toMatch(/[ms]$/);
    expect(values.took).toMatch(/分/);
  });

  it('Easemob title_args and content_args', async () => {
    const message = createMessage('t', 'b', context, 'zh-CN', 'Asia/Shanghai');
    const ext = await pushExt(message, {
      name: 'ci',
      titleArgs: [WHEN],
      contentArgs: ['{{ history.durationSeconds | duration }}'],
    });
    const template = ext.em_push_template as { title_args: string[]; content_args: string[] };
    expect(template.title_args).toEqual(['08:00 +0800']);
    expect(template.content_args[0]).toMatch(/分/);
    const utc = await pushExt(createMessage('t', 'b', context, 'en', 'UTC'), {
      name: 'ci',
      titleArgs: [WHEN],
      contentArgs: [],
    });
    expect((utc.em_push_template as { title_args: string[] }).title_args).toEqual(['00:00 +0000']);
  });
});
