/**
 * Issue 17 through `node dist/index.js`: the language of the message, quiet forks and Dependabot runs, the person
 * responsible mentioned, and what failed (JUnit reports, `needs`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakePushplus } from '../fakes/pushplus.js';
import { runAction } from '../helpers/run-action.js';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('language and time zone', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeEach(async () => {
    fake = fakePushplus({ tokens: [TOKEN] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const base = { provider: 'pushplus', token: TOKEN, status: 'failure', format: 'markdown' };

  it('the default locale gives Chinese words; `en` the English ones; user text is never translated', async () => {
    const chinese = await runAction({ inputs: { ...base, endpoint: fake.url } });
    expect(chinese.code, chinese.stdout + chinese.stderr).toBe(0);
    const zh = fake.requests[0]!.json as { title: string; content: string };
    expect(zh.title).toContain('失败');
    expect(zh.content).toContain('**提交：**');
    expect(zh.content).toContain('打开失败的运行');
    expect(zh.content).toContain('Fix the flaky login test');
    expect(zh.content).not.toContain('Open the failed run');

    const english = await runAction({ inputs: { ...base, endpoint: fake.url, locale: 'en' } });
    expect(english.code, english.stdout + english.stderr).toBe(0);
    const en = fake.requests[1]!.json as { title: string; content: string };
    expect(en.title).toContain('Failed');
    expect(en.content).toContain('Open the failed run');
    expect(en.content).not.toContain('打开失败的运行');
  });

  it('the timezone is the date filter default; an unknown one fails naming the input before any request', async () => {
    const template = 'Built at {{ "2026-11-20T02:15:42Z" | date: "%H:%M" }}';
    const shanghai = await runAction({ inputs: { ...base, endpoint: fake.url, template } });
    expect(shanghai.code, shanghai.stderr).toBe(0);
    expect((fake.requests[0]!.json as { content: string }).content).toContain('Built at 10:15');
    const utc = await runAction({ inputs: { ...base, endpoint: fake.url, template, timezone: 'UTC' } });
    expect(utc.code, utc.stderr).toBe(0);
    expect((fake.requests[1]!.json as { content: string }).content).toContain('Built at 02:15');

    const bad = await runAction({ inputs: { ...base, endpoint: fake.url, timezone: 'Mars/Olympus' } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/timezone.*Mars\/Olympus/);
    expect(fake.requests).toHaveLength(2);
  });
});

describe('forks and Dependabot stay green', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeEach(async () => {
    fake = fakePushplus({ tokens: [TOKEN] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const prEnv = { GITHUB_REF: 'refs/pull/128/merge', GITHUB_HEAD_REF: 'fix-typo', GITHUB_BASE_REF: 'main' };

  it('a pull request from a fork with an empty token ends skipped, exit 0, with a notice and nothing sent', async () => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: '', endpoint: fake.url, status: 'failure' },
      event: 'pull-request-fork.json',
      eventName: 'pull_request',
      env: { ...prEnv, GITHUB_ACTOR: 'stranger' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.status).toBe('skipped');
    expect(run.stdout).toMatch(/::notice::.*fork stranger\/hello-world/);
    expect(fake.requests).toHaveLength(0);
  });

  it('a Dependabot run with an empty token ends skipped, exit 0, nothing sent', async () => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: '', endpoint: fake.url, status: 'failure' },
      env: { GITHUB_ACTOR: 'dependabot[bot]' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.status).toBe('skipped');
    expect(run.stdout).toMatch(/::notice::.*dependabot\[bot\]/);
    expect(fake.requests).toHaveLength(0);
  });

  it('a push with an empty token still fails naming token; a same-repository pull request too', async () => {
    const push = await runAction({
      inputs: { provider: 'pushplus', token: '', endpoint: fake.url, status: 'failure' },
    });
    expect(push.code).toBe(1);
    expect(push.stdout).toMatch(/::error::.*token/);
    const pr = await runAction({
      inputs: { provider: 'pushplus', token: '', endpoint: fake.url, status: 'failure' },
      event: 'pull-request-opened.json',
      eventName: 'pull_request',
      env: prEnv,
    });
    expect(pr.code).toBe(1);
    expect(pr.stdout).toMatch(/::error::.*token/);
    expect(fake.requests).toHaveLength(0);
  });

  it('notify-on is decided before credentials: a state not notified never fails on an empty token', async () => {
    const run = await runAction({
      inputs: { provider: 'pushplus', token: '', endpoint: fake.url, status: 'success', 'notify-on': 'failure' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.status).toBe('skipped');
    // A wrong value is still an error in every state.
    const bad = await runAction({
      inputs: { provider: 'pushplus', token: TOKEN, target: 'group:x', status: 'success', 'notify-on': 'failure' },
    });
    expect(bad.code).toBe(1);
  });
});
