import { describe, expect, it } from 'vitest';
import { githubContext } from '../../src/context/github.js';
import type { CiContext } from '../../src/model/context.js';
import { ConfigError } from '../../src/model/errors.js';
import { autoPreset, renderTemplate, resolveTemplate } from '../../src/render/template.js';
import { PRESETS, PRESET_NAMES } from '../../src/render/presets.js';
import { SCENES, loadPayload } from '../fixtures/events/scenes.js';

function contextOf(name: string): CiContext {
  const scene = SCENES[name]!;
  return githubContext({ env: scene.env, payload: loadPayload(scene), status: scene.status });
}

const render = (template: string, context: CiContext = contextOf('push-failure'), title?: string) =>
  renderTemplate({ template, ...(title !== undefined ? { title } : {}) }, context);

describe('template filters', () => {
  it('truncate: Liquid semantics (length includes the ellipsis), never splitting a grapheme', async () => {
    const context = { ...contextOf('push-failure'), workflow: 'abcdefghijklmnop' };
    expect((await render('{{ workflow | truncate: 10 }}', context)).markdown).toBe('abcdefg\\.\\.\\.');
    expect((await render('{{ workflow | truncate: 5, "…" }}', context)).markdown).toBe('abcd…');
    expect((await render('{{ workflow | truncate: 50 }}', context)).markdown).toBe('abcdefghijklmnop');
    const emoji = { ...context, workflow: '👩‍👩‍👧‍👦👍🏽修复登录' };
    expect((await render('{{ workflow | truncate: 3, "" }}', emoji)).markdown).toBe('👩‍👩‍👧‍👦👍🏽修');
  });

  it('date: format with a time zone (Asia/Shanghai) and in UTC', async () => {
    const context = contextOf('push-failure');
    const { markdown } = await render(
      '{{ release.published | default: "2026-11-20T02:15:42Z" | date: "%Y-%m-%d %H:%M", "Asia/Shanghai" }}',
      context,
    );
    expect(markdown).toBe('2026\\-11\\-20 10:15');
    const utc = await render('{{ "2026-11-20T02:15:42Z" | date: "%H:%M %z", 0 }}', context);
    expect(utc.markdown).toBe('02:15 \\+0000');
    const commit = await render('{{ commit.timestamp | date: "%m/%d %H:%M", "Asia/Shanghai" }}', context);
    expect(commit.markdown).toBe('11/20 10:12');
  });

  it('default: fills absent and empty values, never prints "undefined"', async () => {
    const context = contextOf('schedule');
    const { markdown } = await render(
      '[{{ pullRequest.title | default: "no PR" }}] [{{ tag }}] [{{ nope.deeper }}]',
      context,
    );
    expect(markdown).toBe('[no PR] [] []');
  });

  it('escape: output is escaped once for the body, not HTML-escaped again', async () => {
    const context = { ...contextOf('push-failure'), workflow: '<b>CI</b> & *tests*' };
    const { markdown } = await render('{{ workflow | escape }}|{{ workflow }}', context);
    expect(markdown).toBe('\\<b\\>CI\\</b\\> \\& \\*tests\\*|\\<b\\>CI\\</b\\> \\& \\*tests\\*');
  });

  it('link drops non-http URLs to text', async () => {
    const context = { ...contextOf('push-failure'), runUrl: 'javascript:alert(1)' };
    expect((await render('{{ runUrl | link: "run" }}', context)).markdown).toBe('run');
  });

  it('templates cannot read files or run code', async () => {
    await expect(render('{% include "/etc/passwd" %}')).rejects.toBeInstanceOf(ConfigError);
    const { markdown } = await render(
      'x{{ constructor.constructor }}{{ workflow.constructor }}{{ history.__proto__ }}',
    );
    expect(markdown).toBe('x');
  });

  it('an unknown filter fails loudly naming the input', async () => {
    await expect(render('{{ workflow | shout }}')).rejects.toThrow(/template/);
  });
});

describe('filters are total on untrusted text', () => {
  it('url_decode, url_encode, cgi_escape, uri_escape and base64_decode never throw', async () => {
    const context = { ...contextOf('push-failure'), workflow: 'a+b %E0%A4%A %41 \uD800 -' };
    for (const filter of ['url_decode', 'url_encode', 'cgi_escape', 'uri_escape', 'base64_decode', 'base64_encode']) {
      const { markdown } = await render(`x {{ workflow | ${filter} }}`, context);
      expect(markdown, filter).toMatch(/^x /);
    }
    expect((await render('{{ workflow | url_decode }}', context)).markdown).toContain('a b %E0%A4%A A');
    expect((await render('{{ workflow | url_encode }}', context)).markdown).toContain('%EF%BF%BD');
  });
});

describe('undefined variables and empty messages', () => {
  const warnings = (template: string, title?: string) => {
    const sink: string[] = [];
    const rendered = renderTemplate(
      { template, ...(title !== undefined ? { title } : {}), warn: (text) => sink.push(text) },
      contextOf('push-failure'),
    );
    return rendered.then((result) => ({ result, sink }));
  };

  it('each undefined field of a known variable is named with the template and the place, once', async () => {
    const { sink } = await warnings(
      'Commit: {{ commit.mesage }} by {{ pullRequest.title }}\n{{ commit.mesage }} {{ release.body.deeper }}',
      '{{ deployment.environment }} done',
    );
    expect(sink).toHaveLength(2);
    const body = sink.find((text) => text.includes("'template'"))!;
    expect(body).toMatch(/'commit\.mesage' \(line 1, column \d+\) \(did you mean 'commit\.message'\?\)/);
    // Fields of known objects that this event (a push) does not have stay empty, with the warning.
    expect(body).toContain("'pullRequest'");
    expect(body).toContain("'release'");
    expect(body.match(/commit\.mesage/g)).toHaveLength(1);
    expect(sink.find((text) => text.includes("'title'"))).toContain("'deployment'");
  });

  it('a variable whose first name no event has fails before sending, with did-you-mean', async () => {
    const error = await warnings('{{ comit.message }} by {{ actor }}').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).input).toBe('template');
    expect((error as Error).message).toContain(
      "uses unknown variable 'comit' (line 1, column 4) (did you mean 'commit'?)",
    );
    const several = await warnings('{{ actr }} {{ nope.deeper }}', '{{ workflw }}').catch((caught: unknown) => caught);
    expect((several as ConfigError).input).toBe('title');
    expect((several as Error).message).toContain("'workflw' (line 1, column 4) (did you mean 'workflow'?)");
    const body = await warnings('{{ actr }} {{ nope.deeper }}').catch((caught: unknown) => caught);
    expect((body as Error).message).toMatch(
      /unknown variables 'actr' .*did you mean 'actor'.*, 'nope' \(line 1, column 15\)/,
    );
  });

  it('an unknown filter fails with the filter it most likely meant', async () => {
    const error = await render('{{ commit.message | truncat: 20 }}').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/undefined filter: truncat.*did you mean 'truncate'\?/);
  });

  it('default, if and defined values do not warn; presets are not checked', async () => {
    const { sink } = await warnings(
      "{{ missing | default: 'y' }} {% if other %}x{% endif %} {% unless gone.too %}ok{% endunless %} " +
        '{{ commit.message }} {{ commit.message.size }} {% assign z = 1 %}{{ z }}',
    );
    expect(sink).toEqual([]);
    expect((await warnings('auto')).sink).toEqual([]);
    expect((await warnings('minimal')).sink).toEqual([]);
  });

  it('a body that renders empty is not sent: a ConfigError naming template', async () => {
    const error = await render('{{ commit.mesage }}\n\n  ').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).input).toBe('template');
    expect((error as Error).message).toMatch(/empty message/);
  });
});

describe('template sources', () => {
  it('preset names, auto by event and status', () => {
    expect(PRESET_NAMES).toEqual([
      'auto',
      'build-status',
      'build-failure',
      'release',
      'mobile-build',
      'deployment',
      'pull-request',
      'activity',
      'minimal',
    ]);
    expect(autoPreset(contextOf('push-failure'))).toBe('build-failure');
    expect(autoPreset(contextOf('push-branch'))).toBe('build-status');
    expect(autoPreset(contextOf('release-published'))).toBe('release');
    expect(autoPreset(contextOf('deployment-status'))).toBe('deployment');
    expect(autoPreset(contextOf('pull-request-opened'))).toBe('pull-request');
    expect(autoPreset(contextOf('workflow-run-failure'))).toBe('build-failure');
    expect(autoPreset(contextOf('workflow-run-success'))).toBe('build-status');
  });

  it('a preset name gives its own title and body', async () => {
    const template = await resolveTemplate({ template: 'minimal' }, contextOf('push-failure'));
    expect(template).toEqual(PRESETS.minimal);
  });

  it('an inline multi-line template keeps the auto title; a title template overrides it', async () => {
    const context = contextOf('push-failure');
    const inline = await render('Build **{{ status }}**\n\n{{ runUrl | link: "logs" }}', context);
    expect(inline.markdown).toBe(
      'Build **failure**\n\n[logs](https://github.com/octo-org/hello-world/actions/runs/9876543210)',
    );
    expect(inline.title).toBe('❌ Failed: CI on main');
    const titled = await render('minimal', context, '{{ repository }} #{{ runNumber }} {{ status | upcase }}');
    expect(titled.title).toBe('octo-org/hello-world #42 FAILURE');
  });

  it('file: templates are read through the injected reader, relative path kept', async () => {
    const reads: string[] = [];
    const rendered = await renderTemplate(
      {
        template: 'file:.github/notify/alert.md',
        readFile: async (path) => {
          reads.push(path);
          return 'From file: {{ workflow }}';
        },
      },
      contextOf('push-failure'),
    );
    expect(reads).toEqual(['.github/notify/alert.md']);
    expect(rendered.markdown).toBe('From file: CI');
  });

  it('file: errors name the input and the expected form', async () => {
    await expect(resolveTemplate({ template: 'file:' }, contextOf('push-failure'))).rejects.toThrow(/file:path/);
    await expect(
      resolveTemplate(
        { template: 'file:missing.md', readFile: async () => Promise.reject(new Error('ENOENT')) },
        contextOf('push-failure'),
      ),
    ).rejects.toThrow(/missing\.md.*ENOENT/);
  });

  it('an unknown preset name lists the presets', async () => {
    await expect(resolveTemplate({ template: 'build-fail' }, contextOf('push-failure'))).rejects.toThrow(
      /unknown preset 'build-fail'.*build-failure/,
    );
  });

  it('titles are one line with mentions broken and control characters dropped', async () => {
    const context = { ...contextOf('push-failure'), workflow: 'CI\u0000\n@all\u202E' };
    const { title } = await render('minimal', context, '{{ workflow }} done');
    expect(title).toBe('CI @\u2060all done');
  });
});

describe('presets with run history', () => {
  it('build-failure shows failed jobs with steps, duration and the still-failing streak', async () => {
    const context: CiContext = {
      ...contextOf('push-failure'),
      history: {
        state: 'still-failing',
        failureStreak: 3,
        durationSeconds: 754,
        failedJobs: [
          {
            name: 'test (ubuntu, 24)',
            url: 'https://github.com/octo-org/hello-world/actions/runs/9876543210/job/1',
            steps: [{ name: 'Run tests' }, { name: 'Upload coverage' }],
          },
        ],
      },
    };
    const { title, markdown } = await render('build-failure', context);
    expect(title).toBe('🔴 Still failing (3rd run): CI on main');
    expect(markdown).toContain('12m 34s');
    expect(markdown).toContain(
      '- [test \\(ubuntu, 24\\)](https://github.com/octo-org/hello-world/actions/runs/9876543210/job/1): Run tests, Upload coverage',
    );
  });

  it('workflow_run alerts point at the watched run, not the notifier job', async () => {
    const { title, markdown } = await render('auto', contextOf('workflow-run-failure'));
    expect(title).toBe('❌ Failed: CI on main');
    expect(markdown).toContain('(https://github.com/octo-org/hello-world/actions/runs/11223344556)');
    expect(markdown).not.toContain('notify');
  });
});

describe('presets without an actor (other CI systems may not expose one)', () => {
  const bare: CiContext = {
    ci: 'jenkins',
    status: 'failure',
    repository: 'team/app',
    workflow: 'nightly',
    eventName: 'push',
  };

  it.each(['build-failure', 'build-status'])('%s leaves out the empty actor line', async (preset) => {
    const { markdown } = await renderTemplate({ template: preset }, bare);
    expect(markdown).not.toMatch(/\*\*(By|Triggered by):\*\*\s*(\n|$| on)/);
    expect(markdown).toContain('team/app');
  });
});
