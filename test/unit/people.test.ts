import { describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/model/context.js';
import { shouldNotify } from '../../src/notify/notify.js';
import { DEFAULT_MENTION_ON, parseMentionOn, parseMentionRoles } from '../../src/model/people.js';
import { loadPeople, responsibleFor } from '../../src/notify/people.js';

const context: CiContext = {
  ci: 'gitlab',
  status: 'failure',
  actor: 'Octocat',
  commit: { sha: 'abc', shortSha: 'abc', author: 'Zhang San <zhangsan@acme.cn>' },
  pullRequest: { number: 1, title: '@all look', url: 'https://x', author: 'stranger' },
};

describe('people', () => {
  it('reads YAML inline or from a file, and checks each mention against the provider grammar', async () => {
    const people = await loadPeople(
      'zhangsan:\n  emails: [ZhangSan@acme.cn]\n  wecom: ["@user:zhangsan", "@mobile:13800000000"]',
    );
    expect(people!.zhangsan!.mentions.wecom).toEqual(['@user:zhangsan', '@mobile:13800000000']);
    const fromFile = await loadPeople(
      'file:people.yml',
      async (path) => `${path.replace('.yml', '')}: {feishu: '@user:ou_1'}`,
    );
    expect(fromFile).toHaveProperty('people');
    await expect(loadPeople("a: { feishu: '@mobile:138' }")).rejects.toThrow(/people.*'a'\.feishu.*@user:ou_/);
    await expect(loadPeople("a: { slack: '@user:x' }")).rejects.toThrow(/people.*unknown key 'slack'/);
    await expect(loadPeople("a: { dingtalk: '@all' }")).rejects.toThrow(/people.*'a'\.dingtalk/);
    await expect(loadPeople('[1, 2]')).rejects.toThrow(/people/);
  });

  it('matches the commit author by e-mail (other CIs), the actor by login, each person once', async () => {
    const people = await loadPeople(
      "zhangsan: { emails: [zhangsan@acme.cn], dingtalk: '@mobile:13800000000' }\noctocat: { dingtalk: '@user:octo' }",
    );
    const found = responsibleFor(context, people, ['author', 'actor', 'author'], 'dingtalk');
    expect(found.mentions).toEqual(['@mobile:13800000000', '@user:octo']);
    expect(found.people.map((person) => person.login)).toEqual(['zhangsan', 'Octocat']);
    // Another provider: listed, not mentioned.
    expect(responsibleFor(context, people, ['actor'], 'pushplus')).toEqual({
      people: [{ login: 'Octocat', mentioned: false }],
      mentions: [],
    });
    // Unmapped: by login, never a mention from event text.
    expect(responsibleFor(context, people, ['pr-author'], 'dingtalk')).toEqual({
      people: [{ login: 'stranger', mentioned: false }],
      mentions: [],
    });
  });

  it('mention and mention-on: defaults, and a fixed or green build pings nobody', () => {
    expect(parseMentionRoles('')).toEqual(['author', 'actor']);
    expect(() => parseMentionRoles('boss')).toThrow(/mention.*'boss'/);
    expect(parseMentionOn('')).toEqual(DEFAULT_MENTION_ON);
    expect(() => parseMentionOn('red')).toThrow(/mention-on.*'red'/);
    const fixed: CiContext = { ...context, status: 'success', history: { state: 'fixed' } };
    expect(shouldNotify(DEFAULT_MENTION_ON, fixed)).toBe(false);
    expect(shouldNotify(DEFAULT_MENTION_ON, { ...context, status: 'success' })).toBe(false);
    expect(shouldNotify(DEFAULT_MENTION_ON, { ...context, history: { state: 'still-failing' } })).toBe(true);
  });
});
