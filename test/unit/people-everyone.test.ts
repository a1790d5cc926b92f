/**
 * Issue 24, "`people` can mention everyone": a person maps to one person. `@all`, and the user ids the services
 * read as everyone (`@user:all` → Feishu `<at user_id="all">`, `@user:@all` → WeCom `mentioned_list: ["@all"]`),
 * are refused in `people` in any case and under any spelling of the provider key; a mention of everyone comes
 * only from `target`, as `@all`. Logins compare case-insensitively, `__PROTO__` included.
 */
import { describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/model/context.js';
import { ConfigError } from '../../src/model/errors.js';
import { loadPeople, responsibleFor } from '../../src/notify/people.js';
import { getDescriptor } from '../../src/providers/registry.js';
import { runInProcess } from '../helpers/in-process.js';

const EVERYONE = ['@all', '@ALL', '@user:all', '@user:ALL', '@USER:All', '@user:@all', '@user: @All ', ' @user:all'];
const KEYS = ['feishu', 'FeiShu', 'wecom', 'WECOM', 'dingtalk', 'DingTalk'];

async function refusal(people: string): Promise<ConfigError> {
  const error = await loadPeople(people).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, people).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('people cannot mention everyone', () => {
  it.each(KEYS)('%s: every spelling of everyone is refused, and no hint suggests one', async (key) => {
    for (const mention of EVERYONE) {
      const error = await refusal(JSON.stringify({ octocat: { [key]: mention } }));
      expect(error.message).toMatch(/people/);
      expect(error.message).toContain('octocat');
      // The hint never offers another way to reach everyone.
      expect(error.message).not.toMatch(/did you mean '@user:/i);
    }
    // Inside a list too.
    await refusal(JSON.stringify({ octocat: { [key]: ['@user:someone', '@user:all'] } }));
  });

  it('says why and where a mention of everyone belongs', async () => {
    const error = await refusal("octocat: { feishu: '@user:all' }");
    expect(error.message).toContain('would mention everyone');
    expect(error.message).toContain("'@all' in `target`");
  });

  it('target: `@user:all` is not a way around `@all` either (did you mean @all?)', () => {
    for (const provider of ['feishu', 'wecom', 'dingtalk']) {
      const check = (raw: string) => getDescriptor(provider).target.check!(raw, { options: {} });
      expect(() => check('@user:all')).toThrow(/would mention everyone \(did you mean '@all'\?\)/);
      expect(() => check('@user:@All')).toThrow(ConfigError);
      expect(() => check('@all')).not.toThrow();
    }
  });

  it.each([
    ['feishu', '@user:all', /<at user_id=\\?"all\\?"/],
    ['wecom', '@user:@all', /"mentioned_list":\s*\[\s*"@all"/],
  ])(
    'a run with %s people %s fails before any request instead of mentioning everyone',
    async (provider, mention, everyone) => {
      const token =
        provider === 'feishu' ? '00000000-0000-0000-0000-000000000001' : '00000000-0000-0000-0000-000000000002';
      const run = await runInProcess(
        {
          provider,
          token,
          status: 'failure',
          'dry-run': 'true',
          people: JSON.stringify({ octocat: { [provider]: mention } }),
          mention: 'actor',
        },
        { GITHUB_ACTOR: 'octocat' },
      );
      expect(run.logs.join('\n')).not.toMatch(everyone);
      expect(run.failed).toMatch(/people.*would mention everyone/);
    },
  );
});

describe('people keys', () => {
  it('logins compare case-insensitively: `__PROTO__` is refused, not written to a prototype', async () => {
    for (const login of ['__proto__', '__PROTO__', '__Proto__']) {
      const error = await refusal(`${JSON.stringify(login)}: { feishu: '@user:ou_1' }`);
      expect(error.message).toContain('is not a GitHub login');
    }
    // Login-shaped names of Object.prototype members are ordinary entries (prototype-keys.test.ts).
    const people = (await loadPeople("Constructor: { feishu: '@user:ou_1' }"))!;
    expect(Object.hasOwn(people, 'constructor')).toBe(true);
    expect(({} as Record<string, unknown>).feishu).toBeUndefined();
  });

  it('a login given twice in different case is refused rather than one silently winning', async () => {
    const error = await refusal("Octocat: { feishu: '@user:ou_1' }\noctocat: { feishu: '@user:ou_2' }");
    expect(error.message).toContain('given twice');
  });

  it('provider keys in any case mention through that provider, and one provider twice is refused', async () => {
    const people = await loadPeople("octocat: { FeiShu: '@user:ou_1', WECOM: '@user:zhangsan', Emails: [A@x.cn] }");
    const context: CiContext = { ci: 'github', status: 'failure', actor: 'OctoCat' };
    expect(responsibleFor(context, people, ['actor'], 'feishu').mentions).toEqual(['@user:ou_1']);
    expect(responsibleFor(context, people, ['actor'], 'wecom').mentions).toEqual(['@user:zhangsan']);
    expect(people!.octocat!.emails).toEqual(['a@x.cn']);
    await expect(loadPeople("octocat: { feishu: '@user:ou_1', Feishu: '@user:ou_2' }")).rejects.toThrow(/twice/);
  });
});
