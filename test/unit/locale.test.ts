import { describe, expect, it, vi } from 'vitest';
import { githubContext } from '../../src/context/github.js';
import { readInputs } from '../../src/notify/inputs.js';
import type { CiContext } from '../../src/model/context.js';
import { ConfigError } from '../../src/model/errors.js';
import { LOCALES, WORDS, parseLocale, parseTimezone } from '../../src/render/locale.js';
import { renderTemplate } from '../../src/render/template.js';
import { SCENES, loadPayload } from '../fixtures/events/scenes.js';

function contextOf(name: string): CiContext {
  const scene = SCENES[name]!;
  return githubContext({ env: scene.env, payload: loadPayload(scene), status: scene.status });
}

/** Every key of a value, nested records included ("states.fixed"), functions counted as leaves. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, item]) => keysOf(item, prefix ? `${prefix}.${key}` : key));
}

describe('the words catalogue', () => {
  it('has every key in every locale, and no empty word where English has one', () => {
    const english = keysOf(WORDS.en).sort();
    for (const locale of LOCALES) {
      expect(keysOf(WORDS[locale]).sort(), locale).toEqual(english);
      for (const [key, word] of Object.entries(WORDS[locale].states)) expect(word, `${locale} ${key}`).not.toBe('');
    }
  });

  it('Chinese state names, streaks and durations', async () => {
    const failure = contextOf('push-failure');
    const still = { ...failure, history: { state: 'still-failing' as const, failureStreak: 3, durationSeconds: 3723 } };
    const rendered = await renderTemplate({ template: 'build-failure', locale: 'zh-CN' }, still);
    // Words as Chinese CI products write them (GitLab, BlueKing, the DingTalk plugin): 连续第 N 次, 1小时2分3秒, 查看运行详情.
    expect(rendered.title).toContain('仍然失败（连续第 3 次）');
    expect(rendered.markdown).toContain('1小时2分3秒');
    expect(rendered.markdown).toContain('[查看运行详情]');
    expect(rendered.markdown).not.toContain('打开失败的运行');
    const started = await renderTemplate(
      { template: 'build-status', locale: 'zh-CN' },
      { ...failure, status: 'started', history: undefined },
    );
    expect(started.title).toContain('🟡 运行中');
    const fixed = await renderTemplate(
      { template: 'build-status', locale: 'zh-CN' },
      { ...failure, status: 'success', history: { state: 'fixed' } },
    );
    expect(fixed.title).toContain('已恢复');
    const cancelled = await renderTemplate(
      { template: 'minimal', locale: 'zh-CN' },
      { ...failure, status: 'cancelled' },
    );
    expect(cancelled.title).toContain('已取消');
  });

  it('event names of runs started by hand or on a schedule read as words', async () => {
    const dispatch = await renderTemplate(
      { template: 'build-status', locale: 'zh-CN' },
      contextOf('workflow-dispatch'),
    );
    expect(dispatch.markdown).toContain('（手动触发）');
    const schedule = await renderTemplate({ template: 'build-status', locale: 'zh-CN' }, contextOf('schedule'));
    expect(schedule.markdown).toContain('（定时任务）');
    const english = await renderTemplate({ template: 'build-status', locale: 'en' }, contextOf('workflow-dispatch'));
    expect(english.markdown).toContain('on workflow\\_dispatch');
  });

  it('English keeps the wording it always had', async () => {
    const failure = contextOf('push-failure');
    const still = { ...failure, history: { state: 'still-failing' as const, failureStreak: 3, durationSeconds: 123 } };
    const rendered = await renderTemplate({ template: 'build-failure', locale: 'en' }, still);
    expect(rendered.title).toBe('🔴 Still failing (3rd run): CI on main');
    expect(rendered.markdown).toContain('2m 3s');
  });

  it('never translates what users wrote', async () => {
    const context = { ...contextOf('push-failure'), workflow: 'Failed Success' };
    const rendered = await renderTemplate({ template: 'Status: {{ workflow }} Failed', locale: 'zh-CN' }, context);
    expect(rendered.markdown).toBe('Status: Failed Success Failed');
  });
});

describe('locale and timezone inputs', () => {
  const inputsOf = (values: Record<string, string>) =>
    readInputs({ getInput: (name) => ({ provider: 'pushplus', ...values })[name] ?? '', setSecret: () => {} });

  it('default to zh-CN and Asia/Shanghai', async () => {
    const { config } = await inputsOf({});
    expect(config.locale).toBe('zh-CN');
    expect(config.timezone).toBe('Asia/Shanghai');
    expect((await inputsOf({ locale: 'en', timezone: 'UTC' })).config).toMatchObject({ locale: 'en', timezone: 'UTC' });
    expect(parseLocale('zh')).toBe('zh-CN');
    expect(parseLocale('en-US')).toBe('en');
  });

  it('an unknown locale or time zone is an error naming the input', async () => {
    await expect(inputsOf({ locale: 'fr' })).rejects.toThrow(ConfigError);
    await expect(inputsOf({ locale: 'fr' })).rejects.toThrow(/locale.*'fr'.*zh-CN, en/);
    await expect(inputsOf({ timezone: 'Mars/Olympus' })).rejects.toThrow(/timezone.*Mars\/Olympus.*IANA/);
    expect(() => parseTimezone('Asia/Nowhere')).toThrow(/timezone/);
  });

  it('the timezone is the date filter default', async () => {
    const context = contextOf('push-failure');
    const template = '{{ "2026-11-20T02:15:42Z" | date: "%Y-%m-%d %H:%M" }}';
    expect((await renderTemplate({ template, timezone: 'Asia/Shanghai' }, context)).markdown).toBe(
      '2026\\-11\\-20 10:15',
    );
    expect((await renderTemplate({ template, timezone: 'UTC' }, context)).markdown).toBe('2026\\-11\\-20 02:15');
  });
});

describe('timezone start-up cost', () => {
  it('the default zone (passed by action.yml on every run) and UTC are taken without asking Intl, which loads ICU zone data', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      expect(parseTimezone('Asia/Shanghai')).toBe('Asia/Shanghai');
      expect(parseTimezone(' UTC ')).toBe('UTC');
      expect(parseTimezone('')).toBe('Asia/Shanghai');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    // Any other zone is checked: a typo is an error before any request.
    expect(parseTimezone('Asia/Hong_Kong')).toBe('Asia/Hong_Kong');
    expect(() => parseTimezone('Asia/Shangai')).toThrow(/unknown time zone 'Asia\/Shangai'/);
  });
});
