/**
 * The built-in presets run as functions compiled from their Liquid at build time (scripts/compile-presets.mjs →
 * src/render/presets.generated.ts), so a run with a preset loads no template engine. These tests hold the compiled
 * functions to liquidjs: the same source renders the same bytes, over every fixture event, both languages, and
 * generated values of the kinds strangers write; and an edited preset that was not compiled yet goes to liquidjs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { githubContext } from '../../src/context/github.js';
import { LOCALES } from '../../src/model/config.js';
import { escapeBody, escapeTitle, messageFilters } from '../../src/render/filters.js';
import { renderWith } from '../../src/render/liquid.js';
import { wordsFor } from '../../src/render/locale.js';
import { presetsFor } from '../../src/render/presets.js';
import { COMPILED_PRESETS } from '../../src/render/presets.generated.js';
import { renderTemplate, templateVariables } from '../../src/render/template.js';
import { compileTemplate, Unsupported } from '../../scripts/compile-presets.mjs';
import { SCENES, loadPayload } from '../fixtures/events/scenes.js';

const TEXTS = LOCALES.flatMap((locale) =>
  Object.entries(presetsFor(locale)).flatMap(([name, preset]) =>
    (['title', 'body'] as const).map((part) => ({ locale, name, part, source: preset[part] })),
  ),
);

function both(text: (typeof TEXTS)[number], variables: Record<string, unknown>) {
  const compiled = COMPILED_PRESETS.get(text.source)!;
  const kind = text.part === 'title' ? 'title' : 'markdown';
  return {
    compiled: compiled(variables, messageFilters(wordsFor(text.locale)), kind === 'title' ? escapeTitle : escapeBody),
    liquid: renderWith(kind, 'template', text.source, variables, { locale: text.locale }),
  };
}

describe('presets compiled at build time', () => {
  it.each(TEXTS.map((text) => [`${text.locale} ${text.name} ${text.part}`, text] as const))(
    '%s is compiled from the current source (npm run build regenerates presets.generated.ts)',
    (_label, text) => {
      expect(COMPILED_PRESETS.get(text.source)).toBeTypeOf('function');
    },
  );

  it('render what liquidjs renders over every fixture event and a failure with every optional part', () => {
    const contexts = Object.values(SCENES).map((scene) =>
      githubContext({ env: scene.env, payload: loadPayload(scene), status: scene.status }),
    );
    const failure = contexts[0]!;
    contexts.push({
      ...failure,
      history: {
        state: 'still-failing',
        failureStreak: 3,
        durationSeconds: 407,
        failedJobs: [
          { name: 'test *1*', url: 'https://ci.example/j/1', conclusion: 'failure', steps: [{ name: 'a', number: 1 }] },
          { name: 'lint', url: 'javascript:alert(1)', conclusion: 'failure', steps: [] },
        ],
      },
      tests: { total: 3, passed: 1, failed: 2, skipped: 0, files: 1, failures: [{ name: 't <b>', suite: 's' }] },
      jobs: [{ name: 'build', result: 'success' }],
      responsible: [
        { login: 'mona', mentioned: false },
        { login: '@octocat', mentioned: true },
      ],
      failure: {
        attempt: 2,
        summary: 'src/a.ts(3,1): error TS2322 *bad*',
        errors: [
          {
            job: 'test *1*',
            location: 'src/a.ts:3',
            url: 'https://github.com/o/r/blob/abc/src/a.ts#L3',
            message: 'error TS2322',
            text: 'error TS2322 `x` @all',
            level: 'failure',
          },
          { job: 'lint', message: 'Process completed', text: 'Process completed with exit code 1', level: 'failure' },
        ],
        jobs: [
          {
            name: 'test *1*',
            url: 'https://ci.example/j/1',
            conclusion: 'failure',
            flaky: false,
            steps: [],
            annotations: [],
            log: {
              excerpt: '\nError: ```fence``` <b>\n  at x\n',
              lines: 2,
              url: 'https://ci.example/j/1',
              truncated: false,
            },
          },
          {
            name: 'lint',
            conclusion: 'failure',
            flaky: false,
            steps: [],
            annotations: [],
            log: { excerpt: '', lines: 0, truncated: true },
          },
          {
            name: 'e2e',
            url: 'https://ci.example/j/3',
            conclusion: 'success',
            flaky: true,
            failedAttempt: 1,
            steps: [],
            annotations: [],
          },
        ],
      },
    } as typeof failure);
    for (const locale of LOCALES) {
      for (const context of contexts) {
        const variables = templateVariables(context, locale);
        for (const text of TEXTS.filter((item) => item.locale === locale)) {
          const { compiled, liquid } = both(text, variables);
          expect(compiled, `${locale} ${text.name} ${text.part}`).toBe(liquid);
        }
      }
    }
  });

  it("render what liquidjs renders for strangers' values: empty, missing, Markdown, mentions, odd types", () => {
    const value = fc.oneof(
      fc.constantFrom('', ' ', '@all', '<at id=all></at>', '**x**', '[a](javascript:x)', 'a\nb', '0', 'false'),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(undefined, null, false, true, 0, 3, [], ['x'], {}),
    );
    const record = fc.dictionary(
      fc.constantFrom('name', 'title', 'url', 'number', 'message', 'author', 'tag', 'environment', 'size', 'body'),
      value,
    );
    const errorRecord = fc.dictionary(fc.constantFrom('job', 'location', 'url', 'text', 'size'), value);
    const failureJob = fc.oneof(
      fc.dictionary(fc.constantFrom('name', 'url', 'flaky', 'failedAttempt', 'size'), fc.oneof(value, fc.boolean())),
      fc.record(
        {
          name: value,
          url: value,
          flaky: fc.oneof(fc.boolean(), value),
          log: fc.oneof(fc.dictionary(fc.constantFrom('excerpt', 'url'), fc.oneof(value, fc.string())), value),
        },
        { requiredKeys: [] },
      ),
      value,
    );
    const variables = fc.record(
      {
        statusIcon: value,
        stateText: value,
        repository: value,
        repositoryUrl: value,
        branch: value,
        tag: value,
        workflow: value,
        actor: value,
        eventText: value,
        runUrl: value,
        status: fc.constantFrom('failure', 'success', undefined),
        shortSha: value,
        commit: fc.oneof(record, value),
        commits: fc.oneof(fc.array(record, { maxLength: 3 }), value),
        pullRequest: fc.oneof(record, value),
        release: fc.oneof(record, value),
        deployment: fc.oneof(record, value),
        activity: fc.oneof(record, value),
        history: fc.oneof(
          fc.record({ failedJobs: fc.array(record, { maxLength: 2 }), durationSeconds: value }, { requiredKeys: [] }),
          value,
        ),
        responsible: fc.oneof(fc.array(record, { maxLength: 2 }), value),
        jobs: fc.oneof(fc.array(record, { maxLength: 2 }), value),
        tests: fc.oneof(fc.record({ failures: fc.array(record, { maxLength: 2 }) }), value),
        failure: fc.oneof(
          fc.record(
            {
              attempt: fc.oneof(fc.integer({ min: 0, max: 3 }), value),
              summary: value,
              errors: fc.oneof(fc.array(errorRecord, { maxLength: 2 }), value),
              jobs: fc.oneof(fc.array(failureJob, { maxLength: 3 }), failureJob, value),
            },
            { requiredKeys: [] },
          ),
          value,
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(variables, fc.constantFrom(...TEXTS), (vars, text) => {
        const { compiled, liquid } = both(text, vars);
        expect(compiled).toBe(liquid);
      }),
      { numRuns: 400 },
    );
  });

  it('leave a preset whose source changed after the build to liquidjs, which renders the new wording', async () => {
    const context = githubContext({
      env: SCENES['push-failure']!.env,
      payload: loadPayload(SCENES['push-failure']!),
      status: 'failure',
    });
    // The same call as a preset, with a title the build never saw: no function was compiled from it.
    const edited = '{{ statusIcon }} edited wording {{ repository }}';
    expect(COMPILED_PRESETS.get(edited)).toBeUndefined();
    const rendered = await renderTemplate({ template: 'build-failure', title: edited, locale: 'en' }, context);
    expect(rendered.title).toBe('❌ edited wording octo-org/hello-world');
  });

  it('compile only the Liquid they translate exactly, and leave the rest to liquidjs', () => {
    for (const source of [
      '{% case status %}{% when "failure" %}x{% endcase %}',
      '{% if a and b %}x{% endif %}',
      '{{ now | date: "%Y" }}',
      '{%- if a -%}x{% endif %}',
      '{% for x in list limit: 2 %}{{ x }}{% endfor %}',
      '{% if a %}never closed',
      '{% assign x = list | where: "size" %}',
      '{% assign x = list | where: name %}',
      '{% assign x = list | where: "a.b" %}',
    ]) {
      expect(() => compileTemplate(source, ['link']), source).toThrow(Unsupported);
    }
    expect(compileTemplate('{{ a | link: "t" }}', ['link'])).toContain('f["link"]!(r.prop(v, "a"), "t")');
    expect(compileTemplate('{% assign x = list | where: "flaky" %}', [])).toContain(
      'r.where(r.prop(v, "list"), "flaky")',
    );
  });
});
