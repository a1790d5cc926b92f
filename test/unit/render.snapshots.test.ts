/**
 * Every preset against every fixture event in every text dialect, as files a reviewer can read
 * (test/unit/__snapshots__/render/<preset>.<dialect>.txt). A change in wording or escaping shows up as a diff.
 */
import { describe, expect, it } from 'vitest';
import { githubContext } from '../../src/context/github.js';
import type { CiContext } from '../../src/model/context.js';
import { createMessage, renderBody, renderTitle } from '../../src/render/message.js';
import type { TextDialect } from '../../src/render/markdown.js';
import { PRESET_NAMES } from '../../src/render/presets.js';
import { renderTemplate } from '../../src/render/template.js';
import { cardContent, postContent } from '../../src/providers/feishu/payload.js';
import { SCENES, loadPayload } from '../fixtures/events/scenes.js';

const DIALECTS: TextDialect[] = [
  'html',
  'markdown',
  'text',
  'dingtalk-markdown',
  'wecom-markdown',
  'wecom-markdown-v2',
  'feishu-markdown',
];

// `activity` is for issues, comments, reviews and discussions: snapshotted over those events below.
const BUILD_PRESETS = PRESET_NAMES.filter((preset) => preset !== 'activity');

function contexts(): [string, CiContext][] {
  const list: [string, CiContext][] = Object.entries(SCENES).map(([name, scene]) => [
    name,
    githubContext({ env: scene.env, payload: loadPayload(scene), status: scene.status }),
  ]);
  // The failure as the history lookup fills it: still failing, failed jobs with steps, duration.
  const failure = list.find(([name]) => name === 'push-failure')![1];
  list.push([
    'push-failure+history',
    {
      ...failure,
      history: {
        state: 'still-failing',
        previousConclusion: 'failure',
        failureStreak: 2,
        durationSeconds: 407,
        failedJobs: [
          {
            name: 'test (ubuntu-latest, 24)',
            url: 'https://github.com/octo-org/hello-world/actions/runs/9876543210/job/27182818284',
            conclusion: 'failure',
            steps: [{ name: 'Run unit tests', number: 5 }],
          },
          {
            name: 'lint',
            url: 'https://github.com/octo-org/hello-world/actions/runs/9876543210/job/27182818290',
            steps: [],
          },
        ],
      },
    },
  ]);
  return list;
}

describe('preset snapshots', () => {
  for (const preset of BUILD_PRESETS)
    for (const dialect of DIALECTS)
      it(`${preset} in ${dialect}`, async () => {
        const sections: string[] = [];
        for (const [name, context] of contexts()) {
          const rendered = await renderTemplate({ template: preset }, context);
          const message = createMessage(rendered.title, rendered.markdown, context);
          const body = renderBody(message, dialect, { max: 20_000, unit: 'chars' });
          sections.push(`===== ${name} =====\n# title: ${renderTitle(message)}\n${body}\n`);
        }
        await expect(sections.join('\n')).toMatchFileSnapshot(`__snapshots__/render/${preset}.${dialect}.txt`);
      });
});

// The structured dialects: Feishu `post` rich text and the interactive card, as the JSON the bot receives.
describe('preset snapshots, structured dialects', () => {
  const noMentions = { all: false, users: [], mobiles: [] };
  for (const preset of BUILD_PRESETS)
    for (const dialect of ['feishu-post', 'feishu-card'] as const)
      it(`${preset} in ${dialect}`, async () => {
        const sections: string[] = [];
        for (const [name, context] of contexts()) {
          const rendered = await renderTemplate({ template: preset }, context);
          const message = createMessage(rendered.title, rendered.markdown, context);
          const title = renderTitle(message);
          const payload =
            dialect === 'feishu-post'
              ? postContent(title, message.markdown, noMentions)
              : cardContent(title, message.markdown, message, noMentions);
          sections.push(`===== ${name} =====\n${JSON.stringify(payload, null, 2)}\n`);
        }
        await expect(sections.join('\n')).toMatchFileSnapshot(`__snapshots__/render/${preset}.${dialect}.json.txt`);
      });
});

// The same presets in Chinese (the `locale` input's default), one Markdown snapshot per preset: every fixed word,
// state name and duration in Chinese, while the users' text (commit messages, titles, release notes) stays as written.
describe('preset snapshots, zh-CN', () => {
  for (const preset of BUILD_PRESETS)
    it(`${preset} in zh-CN`, async () => {
      const sections: string[] = [];
      for (const [name, context] of contexts()) {
        const rendered = await renderTemplate({ template: preset, locale: 'zh-CN' }, context);
        const message = createMessage(rendered.title, rendered.markdown, context, 'zh-CN');
        const body = renderBody(message, 'markdown', { max: 20_000, unit: 'chars' });
        sections.push(`===== ${name} =====\n# title: ${renderTitle(message)}\n${body}\n`);
      }
      await expect(sections.join('\n')).toMatchFileSnapshot(`__snapshots__/render/zh-CN/${preset}.markdown.txt`);
    });
});

// The `activity` preset (auto for issues, comments, reviews, discussions) over those events, in both languages.
describe('activity preset snapshots', () => {
  const events: [string, string][] = [
    ['issues-opened.json', 'issues'],
    ['issue-comment.json', 'issue_comment'],
    ['pull-request-review.json', 'pull_request_review'],
    ['discussion-created.json', 'discussion'],
  ];
  for (const locale of ['en', 'zh-CN'] as const)
    it(`activity in ${locale}`, async () => {
      const sections: string[] = [];
      for (const [file, eventName] of events) {
        const scene = {
          file,
          status: 'success',
          env: { ...SCENES['push-failure']!.env, GITHUB_EVENT_NAME: eventName },
        };
        const context = githubContext({ env: scene.env, payload: loadPayload(scene), status: scene.status });
        const rendered = await renderTemplate({ template: 'auto', locale }, context);
        const message = createMessage(rendered.title, rendered.markdown, context, locale);
        const body = renderBody(message, 'markdown', { max: 20_000, unit: 'chars' });
        sections.push(`===== ${eventName} =====\n# title: ${renderTitle(message)}\n${body}\n`);
      }
      await expect(sections.join('\n')).toMatchFileSnapshot(`__snapshots__/render/activity.${locale}.markdown.txt`);
    });
});
