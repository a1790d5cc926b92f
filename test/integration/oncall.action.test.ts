/**
 * Issue 17 through `node dist/index.js`: the language of the message, quiet forks and Dependabot runs, the person
 * responsible mentioned, and what failed (JUnit reports, `needs`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeDingtalk } from '../fakes/dingtalk.js';
import { fakeFeishu } from '../fakes/feishu.js';
import { fakePushplus } from '../fakes/pushplus.js';
import { fakeWecom } from '../fakes/wecom.js';
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
    expect(zh.content).toContain('查看运行详情');
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

describe('the person responsible is mentioned', () => {
  const DING = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const KEY = '693a91f6-7e2d-4bc4-97a0-0ec2a1fa5aaa';
  const HOOK = '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091';
  const OPEN_ID = 'ou_7d8a6e6df7621556ce0d21922b676706';
  const PEOPLE = `
octocat:
  emails: [octo@acme.cn]
  dingtalk: '@mobile:13800000000'
  wecom: '@user:zhangsan'
  feishu: '@user:${OPEN_ID}'
`;
  let ding: ReturnType<typeof fakeDingtalk>;
  let wecom: ReturnType<typeof fakeWecom>;
  let feishu: ReturnType<typeof fakeFeishu>;
  beforeEach(async () => {
    ding = fakeDingtalk({ robots: { [DING]: {} } });
    wecom = fakeWecom({ keys: [KEY] });
    feishu = fakeFeishu({ bots: { [HOOK]: {} } });
    await Promise.all([ding.start(), wecom.start(), feishu.start()]);
  });
  afterEach(async () => {
    await Promise.all([ding.stop(), wecom.stop(), feishu.stop()]);
  });

  const send = (provider: string, status: string, extra: Record<string, string> = {}) => {
    const where = { dingtalk: { token: DING, endpoint: ding.url }, wecom: { token: KEY, endpoint: wecom.url } };
    const fields = (where as Record<string, Record<string, string>>)[provider] ?? { token: HOOK, endpoint: feishu.url };
    return runAction({ inputs: { provider, status, people: PEOPLE, mention: 'actor', ...fields, ...extra } });
  };

  it('a failure mentions the mapped mobile on DingTalk: at.atMobiles and @mobile in the text', async () => {
    const run = await send('dingtalk', 'failure');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const body = ding.accepted[0] as { markdown: { text: string }; at: Record<string, unknown> };
    expect(body.at).toMatchObject({ atMobiles: ['13800000000'], isAtAll: false });
    expect(body.markdown.text).toContain('@13800000000');
    expect(body.markdown.text).toContain('**负责人：** octocat');
    // The mapped number is a mention, not a label: it never reaches the outputs or the job summary.
    expect(run.outputs.results).not.toContain('13800000000');
    expect(run.summary).not.toContain('13800000000');
  });

  it('a failure mentions the user id on WeCom and the open_id on Feishu', async () => {
    const wc = await send('wecom', 'failure');
    expect(wc.code, wc.stdout + wc.stderr).toBe(0);
    expect((wecom.accepted[0] as { markdown: { content: string } }).markdown.content).toContain('<@zhangsan>');
    const text = await send('wecom', 'failure', { format: 'text' });
    expect(text.code, text.stdout + text.stderr).toBe(0);
    expect((wecom.accepted[1] as { text: { mentioned_list: string[] } }).text.mentioned_list).toEqual(['zhangsan']);
    const fs = await send('feishu', 'failure');
    expect(fs.code, fs.stdout + fs.stderr).toBe(0);
    expect(JSON.stringify(feishu.accepted[0])).toContain(`<at id=${OPEN_ID}></at>`);
  });

  it('the same run green mentions nobody; target mentions stay as written', async () => {
    const green = await send('dingtalk', 'success', { 'notify-on': 'always' });
    expect(green.code, green.stdout + green.stderr).toBe(0);
    const body = ding.accepted[0] as { markdown: { text: string }; at?: unknown };
    expect(body.at).toBeUndefined();
    expect(body.markdown.text).not.toContain('13800000000');
    expect(body.markdown.text).not.toContain('负责人');
    const withTarget = await send('dingtalk', 'success', { 'notify-on': 'always', target: '@user:manager01' });
    expect(withTarget.code).toBe(0);
    expect((ding.accepted[1] as { at: unknown }).at).toEqual({
      atMobiles: [],
      atUserIds: ['manager01'],
      isAtAll: false,
    });
  });

  it('an unmapped author is shown by login and mentioned nowhere; the mapped actor once', async () => {
    const run = await send('dingtalk', 'failure', { mention: 'author,actor,committer', locale: 'en' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const body = ding.accepted[0] as { markdown: { text: string }; at: Record<string, unknown> };
    expect(body.markdown.text).toContain('**Responsible:** monalisa, octocat, web-flow');
    expect(body.at).toMatchObject({ atMobiles: ['13800000000'], atUserIds: [] });
    expect(body.markdown.text).not.toContain('@monalisa');
  });

  it('people from a file in the workspace: author and actor both mentioned, each once; outside the workspace refused', async () => {
    const run = await send('dingtalk', 'failure', {
      people: 'file:test/fixtures/people.yml',
      mention: 'author,actor,actor',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const body = ding.accepted[0] as { markdown: { text: string }; at: Record<string, unknown> };
    expect(body.at).toEqual({ atMobiles: ['13900000000', '13800000000'], atUserIds: ['octo01'], isAtAll: false });
    expect(body.markdown.text).toContain('**负责人：** monalisa、octocat');
    const outside = await send('dingtalk', 'failure', { people: 'file:../people.yml' });
    expect(outside.code).toBe(1);
    expect(outside.stdout).toMatch(/::error::.*people.*outside the workspace/);
  });

  it('a mapping entry outside the provider grammar is an error naming people, the login and the form', async () => {
    const run = await send('dingtalk', 'failure', { people: "octocat: { dingtalk: '13800000000' }" });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/people.*'octocat'\.dingtalk.*@mobile:/);
    expect(ding.requests).toHaveLength(0);
  });
});

describe('what failed: JUnit reports, needs, the commits of a push', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeEach(async () => {
    fake = fakePushplus({ tokens: [TOKEN] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const send = (inputs: Record<string, string>, event?: string) =>
    runAction({
      inputs: {
        provider: 'pushplus',
        token: TOKEN,
        endpoint: fake.url,
        status: 'failure',
        format: 'markdown',
        ...inputs,
      },
      ...(event ? { event } : {}),
    });
  const content = (index = 0) => (fake.requests[index]!.json as { content: string }).content;

  it('reports of three tools give the counts and the failed tests; a malformed one only warns', async () => {
    const run = await send({
      junit:
        'test/fixtures/junit/vitest.xml, test/fixtures/junit/pytest.xml\ntest/fixtures/junit/TEST-*.xml\ntest/fixtures/junit/malformed.xml',
      locale: 'en',
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/::warning::junit: skipped test\/fixtures\/junit\/malformed\.xml: not well-formed/);
    const text = content();
    expect(text).toContain('**Tests:** 9 passed, 4 failed, 2 skipped');
    expect(text).toContain('rejects an expired token (test/login.test.ts)');
    expect(text).toContain('test_cancel_order (tests.test_orders): AssertionError');
    expect(text).toContain('appliesDiscount (com.acme.shop.CartServiceTest)');
    expect(text).toContain('test_migrate');

    const templated = await send({
      junit: 'test/fixtures/junit/gotestsum.xml',
      template:
        '{{ tests.total }}/{{ tests.passed }}/{{ tests.failed }}/{{ tests.skipped }} {{ tests.failures[0].name }}',
    });
    expect(templated.code, templated.stderr).toBe(0);
    expect(content(1)).toBe('4/2/1/1 TestPopEmpty');
  });

  it('in Chinese the counts read "通过 3，失败 1"', async () => {
    const run = await send({ junit: 'test/fixtures/junit/vitest.xml' });
    expect(run.code, run.stderr).toBe(0);
    expect(content()).toContain('**测试：** 通过 3，失败 1，跳过 1');
  });

  it('needs with one failed job reports failure and lists every job', async () => {
    const needs = JSON.stringify({
      build: { result: 'success', outputs: {} },
      test: { result: 'failure', outputs: {} },
      deploy: { result: 'skipped', outputs: {} },
    });
    const run = await send({ needs, status: 'success', 'notify-on': 'failure', locale: 'en' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(1);
    const body = fake.requests[0]!.json as { title: string; content: string };
    expect(body.title).toContain('Failed');
    expect(body.content).toContain('**Jobs**');
    expect(body.content).toContain('✅ build: success');
    expect(body.content).toContain('❌ test: failure');
    expect(body.content).toContain('⏭️ deploy: skipped');

    const cancelled = await send({
      needs: '{"a":{"result":"success"},"b":{"result":"cancelled"}}',
      'notify-on': 'cancelled',
    });
    expect(cancelled.code).toBe(0);
    expect(fake.requests).toHaveLength(2);
    const bad = await send({ needs: '{"a": {"result": "exploded"}}' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/needs.*'a'/);
  });

  it('a push lists its first 5 commits, "and N more", and the compare link', async () => {
    const run = await send({ locale: 'en' }, 'push-many-commits.json');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const text = content();
    expect(text).toContain('**Commits**');
    expect(text).toContain('Add order export (Li Lei)');
    expect(text).toContain('Refactor cart service (Li Lei)');
    expect(text).not.toContain('Update README');
    expect(text).toContain('and 2 more');
    expect(text).toContain('[Compare changes](');
    const zh = await send({}, 'push-many-commits.json');
    expect(zh.code).toBe(0);
    expect(content(1)).toContain('还有 2 个');
  });
});

describe('every event says something sensible', () => {
  let fake: ReturnType<typeof fakePushplus>;
  beforeEach(async () => {
    fake = fakePushplus({ tokens: [TOKEN] });
    await fake.start();
  });
  afterEach(() => fake.stop());

  const send = (event: string, eventName: string, inputs: Record<string, string> = {}) =>
    runAction({
      inputs: {
        provider: 'pushplus',
        token: TOKEN,
        endpoint: fake.url,
        status: 'success',
        format: 'markdown',
        ...inputs,
      },
      event,
      eventName,
    });
  const sent = (index = 0) => fake.requests[index]!.json as { title: string; content: string };

  it('issues, issue comments, reviews and discussions: a summary and a link to the page itself', async () => {
    const cases: [string, string, RegExp, string][] = [
      [
        'issues-opened.json',
        'issues',
        /Issue #347 opened: 登录页 500/,
        'https://github.com/octo-org/hello-world/issues/347',
      ],
      ['issue-comment.json', 'issue_comment', /Comment on #347 created/, 'issuecomment-9'],
      [
        'pull-request-review.json',
        'pull_request_review',
        /Review #128 changes requested: Add guard/,
        'pullrequestreview-80',
      ],
      ['discussion-created.json', 'discussion', /Discussion #12 created: Roadmap for 3\.0/, '/discussions/12'],
    ];
    for (const [index, [event, eventName, title, link]] of cases.entries()) {
      const run = await send(event, eventName, { locale: 'en' });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(sent(index).title).toMatch(title);
      expect(sent(index).content).toContain(link);
      expect(sent(index).content).not.toContain('actions/runs');
    }
    // Strangers' text stays text: no tag. `@here` is Slack's mention, no supported service's, so it stays as
    // written (neutralising it only put an invisible U+2060 into the comment).
    expect(sent(0).content).not.toContain('<b>');
    expect(sent(1).content).toContain('@here please look');
  });

  it('in Chinese, and workflow_dispatch and schedule still summarise the run', async () => {
    const zh = await send('issues-opened.json', 'issues');
    expect(zh.code).toBe(0);
    expect(sent(0).title).toContain('议题 #347 新建');
    const dispatch = await send('workflow-dispatch.json', 'workflow_dispatch', { locale: 'en' });
    expect(dispatch.code).toBe(0);
    expect(sent(1).content).toMatch(/Triggered by:\*\* octocat on workflow\\?_dispatch/);
    const schedule = await send('schedule.json', 'schedule', { locale: 'en' });
    expect(schedule.code).toBe(0);
    expect(sent(2).content).toContain('actions/runs/9876543210');
  });

  it('templates read the raw payload as event, escaped like every value', async () => {
    const run = await send('issues-opened.json', 'issues', {
      template: '{{ event.issue.title }} by {{ event.sender.login }}',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(sent(0).content).toContain('by hanmeimei');
    expect(sent(0).content).not.toContain('<b>');
  });
});
