/**
 * Snapshots a reviewer can read (test/unit/__snapshots__/):
 * - presets/<preset>.md: each preset once, as the Markdown it renders, over every fixture event, in both locales.
 *   A word changed in a preset changes that preset's file, nothing else.
 * - dialects/<dialect>.txt (and .json for Feishu's structured forms): each dialect once, on one rich document
 *   (test/fixtures/render/rich-document.md). An escaping change in a dialect changes that dialect's file.
 * Structure that matters (no raw HTML, no live mention, images as links) is asserted below in plain words, so it
 * holds whatever the snapshots say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubContext } from '../../src/context/github.js';
import type { CiContext } from '../../src/model/context.js';
import { LOCALES } from '../../src/model/config.js';
import { createMessage, renderBody, renderTitle } from '../../src/render/message.js';
import type { TextDialect } from '../../src/render/markdown.js';
import { PRESET_NAMES } from '../../src/render/presets.js';
import { renderTemplate } from '../../src/render/template.js';
import { cardContent, postContent } from '../../src/providers/feishu/payload.js';
import { ROOT } from '../helpers/run-action.js';
import { SCENES, loadPayload } from '../fixtures/events/scenes.js';

const TEXT_DIALECTS: TextDialect[] = [
  'html',
  'markdown',
  'text',
  'dingtalk-markdown',
  'wecom-markdown',
  'wecom-markdown-v2',
  'feishu-markdown',
];

const RICH = readFileSync(join(ROOT, 'test/fixtures/render/rich-document.md'), 'utf8');
const LIMIT = { max: 20_000, unit: 'chars' } as const;

function sceneContext(name: string): CiContext {
  const scene = SCENES[name]!;
  return githubContext({ env: scene.env, payload: loadPayload(scene), status: scene.status });
}

/** Every fixture event, plus the failure as the history lookup, a JUnit report and `needs` fill it. */
function buildContexts(): [string, CiContext][] {
  const list: [string, CiContext][] = Object.keys(SCENES).map((name) => [name, sceneContext(name)]);
  const failure = sceneContext('push-failure');
  list.push([
    'push-failure+history+tests+needs',
    {
      ...failure,
      history: {
        state: 'still-failing',
        previousConclusion: 'failure',
        failureStreak: 3,
        durationSeconds: 407,
        failedJobs: [
          {
            name: 'test (ubuntu-latest, 24)',
            url: 'https://github.com/octo-org/hello-world/actions/runs/9876543210/job/27182818284',
            conclusion: 'failure',
            steps: [{ name: 'Run unit tests', number: 5 }],
          },
        ],
      },
      tests: {
        total: 130,
        passed: 128,
        failed: 2,
        skipped: 0,
        files: 1,
        failures: [
          { name: 'logs in with a valid password', suite: 'test/login.test.ts', message: 'expected 200, got 500' },
          { name: 'refreshes the token', suite: 'test/session.test.ts' },
        ],
      },
      jobs: [
        { name: 'build', result: 'success' },
        { name: 'test', result: 'failure' },
        { name: 'deploy', result: 'skipped' },
      ],
      responsible: [
        { login: 'monalisa', mentioned: true },
        { login: 'octocat', mentioned: false },
      ],
    },
  ]);
  return list;
}

/** Issues, comments, reviews and discussions: the events `activity` is for. */
function activityContexts(): [string, CiContext][] {
  const events: [string, string][] = [
    ['issues-opened.json', 'issues'],
    ['issue-comment.json', 'issue_comment'],
    ['pull-request-review.json', 'pull_request_review'],
    ['discussion-created.json', 'discussion'],
  ];
  return events.map(([file, eventName]) => {
    const scene = { file, status: 'success', env: { ...SCENES['push-failure']!.env, GITHUB_EVENT_NAME: eventName } };
    return [eventName, githubContext({ env: scene.env, payload: loadPayload(scene), status: scene.status })];
  });
}

// `auto` picks one of the others per event (template.test.ts checks which): it has no words of its own.
const PRESETS = PRESET_NAMES.filter((preset) => preset !== 'auto');

describe('each preset once, as Markdown, in both locales', () => {
  for (const preset of PRESETS)
    it(preset, async () => {
      const contexts = preset === 'activity' ? activityContexts() : buildContexts();
      const sections: string[] = [`# ${preset}`];
      for (const locale of LOCALES)
        for (const [name, context] of contexts) {
          const rendered = await renderTemplate({ template: preset, locale, timezone: 'Asia/Shanghai' }, context);
          const message = createMessage(rendered.title, rendered.markdown, context, locale);
          sections.push(`\n## ${locale} · ${name}\n\ntitle: ${renderTitle(message)}\n\n${message.markdown}\n`);
        }
      await expect(sections.join('\n')).toMatchFileSnapshot(`__snapshots__/presets/${preset}.md`);
    });
});

describe('each dialect once, on one rich document', () => {
  const context = sceneContext('push-failure');
  const message = createMessage('Rich document: every construct once', RICH, context, 'en');

  for (const dialect of TEXT_DIALECTS)
    it(dialect, async () => {
      const body = renderBody(message, dialect, LIMIT);
      await expect(`${body}\n`).toMatchFileSnapshot(`__snapshots__/dialects/${dialect}.txt`);

      // What must hold in every dialect, whatever the snapshot says (plain text shows markup as the text it is):
      if (dialect !== 'text') {
        expect(body).not.toMatch(/(?<![\\])<script/i); // raw HTML never passes as markup
        // Only http(s) links are live: as an href in HTML, as an unescaped Markdown link elsewhere.
        expect(body).not.toMatch(dialect === 'html' ? /href="javascript:/i : /(?<![\\])\]\(javascript:/i);
      }
      expect(body).not.toContain('this comment must never reach a reader'); // HTML comments are dropped
      expect(body).not.toMatch(/(^|[^\w`])@all\b/); // a stranger's @all mentions nobody
      expect(body).not.toMatch(/!\[build graph\]\(|<img/); // images are links, never fetched
      expect(body).toContain('evil.example/pixel.png'); // … but their address is still shown
      expect(body).toContain('Full changelog'); // <details> is reduced to its text
      expect(body).toContain('同步速度提升 3 倍'); // CJK passes through
    });

  const noMentions = { all: false, users: [], mobiles: [] };
  it('feishu-post', async () => {
    const post = postContent(renderTitle(message), message.markdown, noMentions);
    await expect(`${JSON.stringify(post, null, 2)}\n`).toMatchFileSnapshot('__snapshots__/dialects/feishu-post.json');
    const json = JSON.stringify(post);
    expect(json).not.toMatch(/"tag":"at"/); // no mention from the document's text
    expect(json).toMatch(/"tag":"a","text":"link","href":"https:\/\/github.com\/octo-org\/hello-world\/pull\/101"/);
  });

  it('feishu-card', async () => {
    const card = cardContent(renderTitle(message), message.markdown, message, noMentions);
    await expect(`${JSON.stringify(card, null, 2)}\n`).toMatchFileSnapshot('__snapshots__/dialects/feishu-card.json');
    const json = JSON.stringify(card);
    expect(json).toContain('"template":"red"'); // a failure is red
    expect(json).toContain('"url":"https://github.com/octo-org/hello-world/actions/runs/9876543210"'); // the button
    expect(json).not.toMatch(/<at /);
  });
});
