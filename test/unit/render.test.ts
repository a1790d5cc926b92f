import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { githubContext } from '../../src/context/github.js';
import type { CiContext } from '../../src/model/context.js';
import { createMessage, renderBody, renderTitle } from '../../src/render/message.js';
import { fitMarkdown, graphemes, measure, truncateText, type TextLimit } from '../../src/render/limits.js';
import { renderMarkdown, type TextDialect } from '../../src/render/markdown.js';
import { PRESET_NAMES } from '../../src/render/presets.js';
import { renderTemplate } from '../../src/render/template.js';
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

function contextOf(name: string): CiContext {
  const scene = SCENES[name]!;
  return githubContext({ env: scene.env, payload: loadPayload(scene), status: scene.status });
}

const HTML_TAG =
  /^<\/?(b|i|s|code|a|img|br|h[1-6]|p|ul|ol|li|pre|blockquote|hr|table|thead|tbody|tr|th|td)( (href|src|alt|start)="[^"<>]*")*>$/;

/** What makes a string a mention on any of the services. */
// The broadcast forms of DingTalk, WeCom and Feishu as a word of their own (not `@allen`, not `dev@all.example`).
const MENTION = [/(?<![\w.+\-@])@(all(?![\w]|[.\-@]\w)|所有人)/i, /<[ \t]*@/, /<[ \t]*\/?[ \t]*at\b/i];

/** Problems in one dialect's output: a tag or a mention that the renderer did not write itself. */
function violations(output: string, dialect: TextDialect): string[] {
  const found: string[] = [];
  // A link target is an address, not text: `@all` inside a URL mentions no one.
  const visible = output.replace(
    /(?:href|src)="[^"]*"|\]\([^)\s]*\)?|<https?:[^>\s]*>|https?:\/\/[^\s<>()]*/g,
    ' URL ',
  );
  for (const pattern of MENTION) {
    const mention = pattern.exec(visible);
    if (mention) found.push(`mention ${pattern}: ${mention[0]}`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/.test(output))
    found.push('control character');
  if (dialect === 'html') {
    for (const tag of output.match(/<[^>]*>?/g) ?? []) if (!HTML_TAG.test(tag)) found.push(`tag ${tag}`);
    for (const href of output.matchAll(/(?:href|src)="([^"]*)"/g))
      if (!/^https?:\/\//.test(href[1]!)) found.push(`href ${href[1]}`);
  } else if (dialect !== 'text') {
    // Markdown dialects: no raw tag (an unescaped `<` before a name), and every link target is http(s).
    // Code blocks and spans are literal, so a link written inside one is no link.
    const prose = output.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/`[^`\n]*`/g, '``');
    const tag = /(?<!\\)<[A-Za-z/!?]/.exec(output);
    if (tag) found.push(`tag at ${tag.index}: ${output.slice(tag.index, tag.index + 30)}`);
    for (const link of prose.matchAll(/(?<!\\)\]\(([^)\s]*)/g))
      if (!/^https?:\/\//.test(link[1]!) && !prose.slice(0, link.index).endsWith('\\')) {
        // `\](` is escaped text; only an unescaped `](` after an unescaped `[` is a link.
        const before = prose.slice(0, link.index);
        const open = before.lastIndexOf('[');
        if (open >= 0 && before[open - 1] !== '\\') found.push(`link ${link[1]}`);
      }
  }
  return found;
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1)) ![x](data:text/html,evil)',
  '@all @所有人 @everyone @here',
  '<@U012345> <@all> <!channel>',
  '<at user_id="all">所有人</at> <at id=all></at> <AT user_id="ou_123">x</AT>',
  '&#60;at user_id="all"&#62;&#60;/at&#62; &lt;script&gt;',
  '<font color="warning">red</font>',
  '"}, "msgtype": "text", "text": {"content": "pwned"}, "x": "',
  'ctrl\u0000\u0007\u001b[31mred\u001b[0m\u202Eevil\u2066 &#1;&#8238;&#x1b;',
  '**bold** _em_ ~~del~~ `code` # not a heading',
  'line\n# Heading\n- list item\n1. ordered\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |',
  '```\n</code></pre><script>x</script>\n```',
  '\\<b\\> \\@all',
  '![@all <at id=all>](https://x.example/i.png) ![<@U1>](javascript:x)',
];

function hostileContext(value: string): CiContext {
  const base = contextOf('pull-request-opened');
  return {
    ...base,
    workflow: value,
    actor: value,
    branch: value,
    jobDisplayName: value,
    commit: { sha: base.sha!, shortSha: base.shortSha!, message: value, author: value, url: base.commit?.url },
    pullRequest: { ...base.pullRequest!, title: value, head: value, base: value, author: value },
    release: { tag: value, name: value, body: value, author: value, url: 'javascript:alert(1)' },
    deployment: { environment: value, state: value, description: value, targetUrl: value },
    history: {
      state: 'failure',
      failedJobs: [{ name: value, url: 'javascript:alert(1)', steps: [{ name: value }] }],
      durationSeconds: 61,
    },
  };
}

const LIMIT: TextLimit = { max: 20_000, unit: 'chars' };

describe('hostile corpus: every preset, every text dialect', () => {
  for (const preset of PRESET_NAMES)
    it(`${preset}: no tag, mention, unsafe link or control character from context values`, async () => {
      for (const value of HOSTILE) {
        const context = hostileContext(value);
        const rendered = await renderTemplate({ template: preset }, context);
        const message = createMessage(rendered.title, rendered.markdown, context);
        for (const dialect of DIALECTS) {
          const body = renderBody(message, dialect, LIMIT);
          expect(violations(body, dialect), `${dialect} ← ${JSON.stringify(value)}\n${body}`).toEqual([]);
        }
        expect(violations(renderTitle(message), 'text')).toEqual([]);
      }
    });

  it('untrusted Markdown (release notes) rendered directly is just as safe', () => {
    for (const value of HOSTILE)
      for (const dialect of DIALECTS) {
        const out = renderMarkdown(value, dialect);
        expect(violations(out, dialect), `${dialect} ← ${JSON.stringify(value)}\n${out}`).toEqual([]);
      }
  });

  it('a 100 KB commit message stays within the limit, keeps the run link and a marker', async () => {
    const context = hostileContext('x'.repeat(1000));
    context.commit!.message = `${'长消息 <b>@all</b> '.repeat(7000)}`.slice(0, 100_000);
    const rendered = await renderTemplate({ template: 'build-failure' }, context);
    const message = createMessage(rendered.title, rendered.markdown, context);
    const limits: TextLimit[] = [
      { max: 4096, unit: 'bytes' },
      { max: 20_000, unit: 'chars' },
      { max: 2048, unit: 'bytes' },
    ];
    for (const dialect of DIALECTS)
      for (const limit of limits) {
        const body = renderBody(message, dialect, limit);
        expect(measure(body, limit.unit)).toBeLessThanOrEqual(limit.max);
        expect(body.replace(/\\/g, '')).toContain('(truncated)');
        expect(body).toContain(message.link!);
        expect(violations(body, dialect)).toEqual([]);
      }
  });
});

describe('dialects degrade what they lack', () => {
  const source = [
    '## Notes',
    '',
    '| Platform | Status |',
    '| --- | --- |',
    '| Linux | ✅ |',
    '',
    '```bash',
    'npm install x',
    '```',
    '',
    '- one',
    '- two',
    '',
    'See [the run](https://example.com/run) and ~~old~~.',
  ].join('\n');

  it('DingTalk: no tables and no code blocks in the output, content kept', () => {
    const out = renderMarkdown(source, 'dingtalk-markdown');
    expect(out).not.toMatch(/^\|/m);
    expect(out).not.toContain('```');
    expect(out).toContain('Platform: Linux, Status: ✅');
    expect(out).toContain('> npm install x');
    expect(out).toContain('[the run](https://example.com/run)');
  });

  it('WeCom markdown v1: no tables, code blocks or list syntax', () => {
    const out = renderMarkdown(source, 'wecom-markdown');
    expect(out).not.toMatch(/^\|/m);
    expect(out).not.toContain('```');
    expect(out).toContain('• one');
    expect(out).not.toMatch(/<font/);
  });

  it('WeCom markdown v2 and Markdown keep tables and code', () => {
    for (const dialect of ['wecom-markdown-v2', 'markdown'] as const) {
      const out = renderMarkdown(source, dialect);
      expect(out).toContain('| Platform | Status |');
      expect(out).toContain('```bash\nnpm install x\n```');
    }
    expect(renderMarkdown(source, 'wecom-markdown-v2')).not.toContain('~~');
  });

  it('HTML renders structure; text keeps words and links readable', () => {
    const html = renderMarkdown(source, 'html');
    expect(html).toContain('<table><thead><tr><th>Platform</th>');
    expect(html).toContain('<pre><code>npm install x</code></pre>');
    const text = renderMarkdown(source, 'text');
    expect(text).toContain('the run (https://example.com/run)');
    expect(text).not.toMatch(/[*#`|]{2}/);
  });

  it('a line of untrusted text cannot become a heading, list, quote or underline in any Markdown dialect', () => {
    const dialects = [
      'markdown',
      'wecom-markdown-v2',
      'dingtalk-markdown',
      'wecom-markdown',
      'feishu-markdown',
    ] as const;
    for (const dialect of dialects) {
      // What the template engine produces for a value with line breaks: each line escaped.
      const out = renderMarkdown(
        'first\\\n\\# not heading\\\n\\- not list\\\n1\\. not ordered\\\n\\> not quote\\\n\\===',
        dialect,
      );
      expect(out, dialect).not.toMatch(/(^|\n)(#|- |1\. |> |=)/);
      expect(out, dialect).toContain('not heading');
      // The same text as a lexer sees it once rendered: still literal.
      expect(renderMarkdown(out, dialect), dialect).not.toMatch(/(^|\n)(#|- |1\. |> |=)/);
    }
  });
});

describe('links and code', () => {
  it('bare GitHub links read as GitHub shows them; other links keep their text', () => {
    const md =
      'Fixed in https://github.com/o/r/pull/101, see https://ghe.corp/o/r/compare/v1.0...v1.1 and https://example.com/x';
    expect(renderMarkdown(md, 'markdown')).toBe(
      'Fixed in [#101](https://github.com/o/r/pull/101), see [v1.0...v1.1](https://ghe.corp/o/r/compare/v1.0...v1.1) and [https://example.com/x](https://example.com/x)',
    );
    expect(renderMarkdown(md, 'text')).toContain('#101 (https://github.com/o/r/pull/101)');
    expect(renderMarkdown('[my text](https://github.com/o/r/pull/101)', 'html')).toBe(
      '<p><a href="https://github.com/o/r/pull/101">my text</a></p>',
    );
  });

  it('bare URLs keep balanced parentheses and lose trailing punctuation and unbalanced closers, as in GFM', () => {
    const md = 'See https://en.wikipedia.org/wiki/Foo_(bar). Also (https://x.example/a) and http://b.';
    expect(renderMarkdown(md, 'html')).toBe(
      '<p>See <a href="https://en.wikipedia.org/wiki/Foo_%28bar%29">https://en.wikipedia.org/wiki/Foo_(bar)</a>. ' +
        'Also (<a href="https://x.example/a">https://x.example/a</a>) and <a href="http://b">http://b</a>.</p>',
    );
    expect(renderMarkdown('nothing after the scheme: https:// or http://?q', 'html')).not.toContain('<a ');
  });

  it('Markdown nested past the parser limit is kept as plain text, with everything after it', () => {
    const list = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item${i}`).join('\n');
    for (const md of [`${list}\n\nAFTER the list`, `${'>'.repeat(101)} deep quote\n\nAFTER the quote`]) {
      for (const dialect of DIALECTS) {
        const out = renderMarkdown(md, dialect);
        expect(out).toContain('AFTER the');
        expect(out).toMatch(/item59|deep quote/);
      }
    }
    // Ordinary nesting is still parsed as Markdown.
    expect(renderMarkdown('- a\n  - b\n    - c', 'html')).toMatch(/^<ul><li>a\s*<ul><li>b\s*<ul><li>c<\/li><\/ul>/);
  });

  it('a code block containing fences cannot be closed early', () => {
    const md = '````\n```\n[x](javascript:alert(1))\n```\n````';
    const out = renderMarkdown(md, 'markdown');
    expect(out.startsWith('````\n')).toBe(true);
    expect(out.endsWith('\n````')).toBe(true);
    expect(renderMarkdown(out, 'html')).toBe('<pre><code>```\n[x](javascript:alert(1))\n```</code></pre>');
  });

  it('a mention cannot form across formatting once it is dropped', () => {
    expect(renderMarkdown('*<*@U1> @*all*', 'text')).not.toMatch(/<@|@all/);
  });
});

describe('truncation', () => {
  const tail = '… (truncated) [View run](https://github.com/o/r/actions/runs/1)';

  it('never splits a grapheme: family emoji, skin tones, CJK', () => {
    const source = '👩‍👩‍👧‍👦👍🏽中文🇨🇳'.repeat(400);
    const allowed = new Set([...graphemes(source), ...graphemes(tail), '\n', ' ', '\\']);
    for (const dialect of DIALECTS)
      for (const max of [101, 500, 1000, 4096]) {
        const limit: TextLimit = { max, unit: 'bytes' };
        const { text, truncated } = fitMarkdown(source, { render: (md) => renderMarkdown(md, dialect), limit, tail });
        expect(truncated).toBe(true);
        expect(measure(text, 'bytes')).toBeLessThanOrEqual(max);
        const body = text.replace(/<[^>]+>|\]\([^)]*\)|\(https:[^)]*\)/g, '');
        for (const cluster of graphemes(body))
          expect(allowed.has(cluster) || /^[\w.…()[\]/:]$/.test(cluster)).toBe(true);
        expect(text).toContain('https://github.com/o/r/actions/runs/1');
      }
  });

  it('never splits a link or a tag, and ends with the marker and run link', () => {
    const source = Array.from({ length: 200 }, (_, i) => `[build ${i}](https://example.com/builds/${i}) 修复`).join(
      ' ',
    );
    for (const dialect of DIALECTS)
      for (const max of [300, 777, 1500]) {
        const { text } = fitMarkdown(source, {
          render: (md) => renderMarkdown(md, dialect),
          limit: { max, unit: 'chars' },
          tail,
        });
        expect(measure(text, 'chars')).toBeLessThanOrEqual(max);
        expect(text.replace(/\\/g, '')).toMatch(/\(truncated\)/);
        expect(text).toContain('https://github.com/o/r/actions/runs/1');
        if (dialect === 'html') {
          expect(text.match(/<a /g)?.length).toBe(text.match(/<\/a>/g)?.length);
          for (const tag of text.match(/<[^>]*>?/g) ?? []) expect(tag).toMatch(HTML_TAG);
        } else if (dialect !== 'text') {
          // Every link that opens is complete.
          for (const match of text.matchAll(/\]\(/g))
            expect(text.slice(match.index)).toMatch(/^\]\(https:\/\/[^)\s]+\)/);
        }
        // No half URL: every URL in the text is one of the source's or the run link.
        for (const url of text.replace(/\\/g, '').match(/https:\/\/[^)\]\s"<]+/g) ?? [])
          expect(url).toMatch(/^https:\/\/(example\.com\/builds\/\d+|github\.com\/o\/r\/actions\/runs\/1)$/);
      }
  });

  it('truncateText cuts at grapheme boundaries in bytes and characters', () => {
    expect(truncateText('👍🏽👍🏽👍🏽', { max: 10, unit: 'chars' })).toBe('👍🏽👍🏽👍🏽');
    expect(truncateText('👍🏽👍🏽👍🏽', { max: 5, unit: 'chars' })).toBe('👍🏽👍🏽…');
    expect(truncateText('中文中文', { max: 10, unit: 'bytes' })).toBe('中文…');
    expect(truncateText('abc', { max: 0, unit: 'chars' })).toBe('');
  });

  it('a cut never leaves a mention at its end (found by the property below, seed 246235629)', async () => {
    // `@all0` is nobody, but cut after `@all` and followed by the marker it would mention everyone.
    const cases: [string, number][] = [
      ['! ! @all0)#', 9],
      ['hi @ALLEN', 8],
      ['x <atlas>', 6],
      ['x < / atom', 9],
      ['ok !@all@all', 9],
      ['🇨🇳 ! !@all@all', 9],
    ];
    for (const [text, max] of cases) {
      const cut = truncateText(text, { max, unit: 'chars' });
      expect(measure(cut, 'chars'), text).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…'), text).toBe(true);
      expect(violations(cut, 'text'), `${text} -> ${cut}`).toEqual([]);
    }
    expect(truncateText('! ! @all0)#', { max: 9, unit: 'chars' })).toBe('! ! @al…');
    expect(truncateText('ok @alice', { max: 8, unit: 'chars' })).toBe('ok @ali…');
    // A URL right after `@all` is no part of the word: a title cut inside the URL must not leave `@all` + link.
    const context = hostileContext('@allhttps://x.example/a'.repeat(20));
    const rendered = await renderTemplate({ template: 'auto' }, context);
    const title = renderTitle(createMessage(rendered.title, rendered.markdown, context), { max: 64, unit: 'bytes' });
    expect(violations(title, 'text'), title).toEqual([]);
    // A mention the text already held is not the cut's doing: it stays as written (upstream neutralises values).
    expect(truncateText('@all hands', { max: 5, unit: 'chars' })).toBe('@all…');
  });

  it('titles are cut within their limit', () => {
    const message = createMessage('发布 🚀'.repeat(50), '', contextOf('release-published'));
    const title = renderTitle(message, { max: 100, unit: 'chars' });
    expect(measure(title, 'chars')).toBeLessThanOrEqual(100);
    expect(title.endsWith('…')).toBe(true);
  });
});

// Random text mixed with the fragments that matter most.
const FRAGMENTS = [
  '@all',
  '@所有人',
  '<@U1>',
  '<at user_id="all">',
  '</at>',
  '<at id=all>',
  '<script>',
  '</p>',
  '<font color="info">',
  '&#60;',
  '&#1;',
  '&#x202e;',
  '&lt;',
  '[',
  '![',
  '](',
  ']',
  '(',
  ')',
  '](javascript:x)',
  '](https://a.example/x)',
  '*',
  '_',
  '`',
  '```',
  '~~',
  '#',
  '\n',
  '\n\n',
  '- ',
  '1. ',
  '> ',
  '|',
  '\\',
  '"',
  "'",
  '\u0000',
  '\u202E',
  '👩‍👩‍👧‍👦',
  '中',
  '🇨🇳',
  'https://x.example/a',
];
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 5 })), { maxLength: 60 })
    .map((p) => p.join('')),
);

describe('properties (fast-check)', () => {
  it('rendering never throws and never yields a tag, mention or unsafe link', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...DIALECTS), (text, dialect) => {
        const out = renderMarkdown(text, dialect);
        expect(violations(out, dialect)).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('templated messages stay within the declared limit in every dialect', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileText,
        fc.constantFrom(...DIALECTS),
        fc.constantFrom(...PRESET_NAMES),
        fc.record({
          max: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 200, max: 6000 })),
          unit: fc.constantFrom('chars' as const, 'bytes' as const),
        }),
        async (text, dialect, preset, limit) => {
          const context = hostileContext(text.repeat(20));
          const rendered = await renderTemplate({ template: preset }, context);
          const message = createMessage(rendered.title, rendered.markdown, context);
          const body = renderBody(message, dialect, limit);
          expect(measure(body, limit.unit)).toBeLessThanOrEqual(limit.max);
          expect(violations(body, dialect)).toEqual([]);
          const title = renderTitle(message, { max: 64, unit: 'bytes' });
          expect(measure(title, 'bytes')).toBeLessThanOrEqual(64);
          expect(violations(title, 'text')).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('mention neutralisation touches only the services’ own mention forms', () => {
  it.each(['text', 'markdown', 'dingtalk-markdown', 'wecom-markdown', 'feishu-markdown'] as const)(
    '%s: @allen, dev@here.com, team@all.example, @here and @everyone are left as written',
    (dialect) => {
      const out = renderMarkdown('ping @allen or dev@here.com, team@all.example, @here @everyone @channel', dialect);
      expect(out).not.toContain('\u2060');
      expect(out).toContain('@allen');
    },
  );
  it.each(['@all', 'hi @all!', '(@ALL)', '@所有人', '请@所有人注意'])(
    '%s is still broken in every dialect that reads mentions',
    (text) => {
      for (const dialect of ['text', 'markdown', 'dingtalk-markdown', 'wecom-markdown', 'feishu-markdown'] as const)
        expect(renderMarkdown(text, dialect), dialect).toContain('\u2060');
    },
  );
  it('template values: an e-mail address and a login that starts with "all" stay intact', async () => {
    const context = {
      ...contextOf('push-failure'),
      actor: 'allen',
      commit: { sha: 'a'.repeat(40), shortSha: 'aaaaaaa', message: 'thanks @allen, mail dev@here.com' },
    };
    const { markdown } = await renderTemplate({ template: '{{ commit.message }} by @{{ actor }}' }, context);
    expect(markdown).not.toContain('\u2060');
  });
});
