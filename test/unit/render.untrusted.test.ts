import { describe, expect, it } from 'vitest';
import type { CiContext } from '../../src/model/context.js';
import { createMessage } from '../../src/render/message.js';
import {
  escapeHtml,
  escapeMarkdown,
  escapeMarkdownLight,
  escapeMarkdownText,
  MENTION_BREAK,
  neutralizeMentions,
  stripControl,
} from '../../src/render/escape.js';
import { fitMarkdown, fits } from '../../src/render/limits.js';
import { renderMarkdown, shortLabel, type TextDialect } from '../../src/render/markdown.js';
import { parseMarkdown } from '../../src/render/md-tokens.js';
import { summaryLine } from '../../src/providers/webhook.js';

const DIALECTS: TextDialect[] = [
  'html',
  'markdown',
  'text',
  'dingtalk-markdown',
  'wecom-markdown',
  'wecom-markdown-v2',
  'feishu-markdown',
];

/** Milliseconds one call takes. Generous bounds: linear code takes a few ms on these inputs, quadratic code minutes. */
function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const LONG = Number(process.env.UNTRUSTED_LONG ?? 200_000);

describe('untrusted text never breaks rendering: decoding is total', () => {
  it('a malformed percent-escape in a compare link is shown as written, in every dialect', () => {
    const text = 'fix https://github.com/o/r/compare/v1...%E0%A4%A and %ZZ';
    expect(shortLabel('https://github.com/o/r/compare/v1...%E0%A4%A')).toBe('v1...%E0%A4%A');
    expect(shortLabel('https://github.com/o/r/compare/v1...v%32')).toBe('v1...v2');
    for (const dialect of DIALECTS) expect(renderMarkdown(text, dialect)).toContain('%E0%A4%A');
  });
});

describe('regular expressions on untrusted text run in linear time (200k adversarial characters)', () => {
  it('bare URL trimming (md-tokens trimUrl): dots or closing parentheses after an address', () => {
    for (const tail of ['.'.repeat(LONG) + 'a', ')'.repeat(LONG), '.)'.repeat(LONG / 2) + 'a']) {
      const text = `fix https://x.example/${tail}`;
      expect(timed(() => parseMarkdown(text))).toBeLessThan(2000);
    }
    // Still GFM: trailing punctuation and unbalanced closers are not part of the address.
    const [block] = parseMarkdown('see (https://x.example/a_(b))...');
    expect(block?.type === 'paragraph' && block.tokens.find((token) => token.type === 'link')).toMatchObject({
      href: 'https://x.example/a_(b)',
    });
  });

  it('mention tags (neutralizeMentions): `<` then a long run of blanks, with or without a slash', () => {
    for (const text of [
      '<' + ' '.repeat(LONG),
      '<' + ' '.repeat(LONG / 2) + '/' + ' '.repeat(LONG / 2),
      '< '.repeat(LONG / 2),
    ]) {
      expect(timed(() => neutralizeMentions(text))).toBeLessThan(2000);
    }
    // Still breaks every form of mention tag.
    for (const tag of ['<at user_id="all">', '< / at>', '<@U1>', '<  /  @x>', '<AT id=1>'])
      expect(neutralizeMentions(tag)).toBe(`<${MENTION_BREAK}${tag.slice(1)}`);
    expect(neutralizeMentions('<attic> <a>')).toBe('<attic> <a>');
  });

  it('one-line summaries (webhook summaryLine): long runs of spaces, and many `(https://` without an end', () => {
    const limit = { max: 100, unit: 'chars' } as const;
    for (const text of ['a' + ' '.repeat(LONG) + 'b', '(https://x'.repeat(LONG / 10), ' (https://'.repeat(LONG / 10)]) {
      expect(timed(() => summaryLine(text, limit))).toBeLessThan(2000);
    }
    expect(summaryLine('Deployed [the site](https://x.example/a) now.', limit)).toBe('Deployed the site now.');
  });

  it('every dialect renders long adversarial commit text in bounded time', () => {
    const inputs = [
      'fix https://x.example/' + '.'.repeat(LONG) + 'a',
      '<' + ' '.repeat(LONG),
      'a' + ' '.repeat(LONG) + 'b',
      '(http://'.repeat(LONG / 8),
    ];
    for (const text of inputs)
      for (const dialect of DIALECTS) expect(timed(() => renderMarkdown(text, dialect))).toBeLessThan(4000);
  });
});

describe('every escape and pattern on untrusted text is linear', () => {
  it('escapes, control stripping and line guards on 200k adversarial characters', () => {
    const adversarial = [
      '&'.repeat(LONG),
      '&#'.repeat(LONG / 2),
      '_'.repeat(LONG),
      '\\'.repeat(LONG),
      '-'.repeat(LONG),
      '\n'.repeat(LONG),
      '\n \t'.repeat(LONG / 3),
      '1.'.repeat(LONG / 2),
      '@'.repeat(LONG),
      '<@'.repeat(LONG / 2),
      'http://'.repeat(LONG / 7),
      '\uD800'.repeat(LONG),
      '\r'.repeat(LONG),
      '`'.repeat(LONG),
      '](['.repeat(LONG / 3),
    ];
    const functions = [
      escapeHtml,
      escapeMarkdown,
      escapeMarkdownText,
      escapeMarkdownLight,
      stripControl,
      neutralizeMentions,
    ];
    for (const text of adversarial) {
      for (const escape of functions)
        expect(
          timed(() => escape(text)),
          escape.name,
        ).toBeLessThan(2000);
      for (const dialect of ['markdown', 'dingtalk-markdown'] as const)
        expect(timed(() => renderMarkdown(text, dialect))).toBeLessThan(4000);
    }
  });
});

describe('fitting a long message', () => {
  it('re-renders a bounded number of times (binary search), not once per character, and stays in time', () => {
    const paragraphs = Array.from(
      { length: 2000 },
      (_, i) => `Paragraph ${i}: ${'word '.repeat(20)}https://x.example/${i}.`,
    );
    const markdown = paragraphs.join('\n\n');
    let renders = 0;
    const limit = { max: 4000, unit: 'bytes' } as const;
    const elapsed = timed(() => {
      const { text, truncated } = fitMarkdown(markdown, {
        render: (source) => {
          renders++;
          return renderMarkdown(source, 'markdown');
        },
        limit,
        tail: '… [run](https://github.com/o/r/actions/runs/1)',
      });
      expect(truncated).toBe(true);
      expect(fits(text, limit)).toBe(true);
    });
    // Whole text once, whole blocks by bisection (log2 2000 ≈ 11), one partial block by bisection, final text.
    expect(renders).toBeLessThanOrEqual(2 + 2 * Math.ceil(Math.log2(markdown.length)));
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('images, surrogates and payload links', () => {
  const notes = 'Release ![pixel](https://evil.example/p.gif?u=1) and ![](https://evil.example/q.png)';

  it('an image in release notes is a link in every dialect, never a remote image', () => {
    for (const dialect of DIALECTS) {
      const out = renderMarkdown(notes, dialect);
      expect(out).not.toMatch(/!\[|<img/i);
      expect(out).toContain('https://evil.example/p.gif?u=1');
      expect(out).toContain('pixel');
    }
    expect(renderMarkdown(notes, 'markdown')).toContain('[pixel](https://evil.example/p.gif?u=1)');
    expect(renderMarkdown(notes, 'html')).toContain('<a href="https://evil.example/p.gif?u=1">pixel</a>');
    expect(renderMarkdown(notes, 'text')).toContain('pixel (https://evil.example/p.gif?u=1)');
  });

  it('lone UTF-16 surrogates become U+FFFD; pairs are kept', () => {
    const text = `cut \uD83D here, low \uDE00 there, whole \uD83D\uDE00`;
    for (const dialect of DIALECTS) {
      const out = renderMarkdown(text, dialect);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(out).toContain('cut \uFFFD here, low \uFFFD there');
      expect(out).toContain('\uD83D\uDE00');
    }
  });

  it('message.link from the payload passes the link check: javascript: and brackets never reach a body', () => {
    const context: CiContext = {
      ci: 'github',
      status: 'success',
      runId: '1',
      runAttempt: '1',
      repository: 'o/r',
      eventName: 'release',
      runUrl: 'https://github.com/o/r/actions/runs/1',
      release: { tag: 'v1', url: 'javascript:alert(1)' },
    };
    expect(createMessage('t', 'b', context).link).toBe('https://github.com/o/r/actions/runs/1');
    context.release = { tag: 'v1', url: 'https://x.example/a) [b](https://evil.example' };
    expect(createMessage('t', 'b', context).link).toBe('https://x.example/a%29%20%5Bb%5D%28https://evil.example');
  });
});

describe('raw HTML in release notes (GitHub generated notes)', () => {
  const generated = [
    '<!-- Release notes generated using configuration in .github/release.yml at main -->',
    '',
    "## What's Changed",
    '### Exciting New Features 🎉',
    '* Add DingTalk signing by @octocat in https://github.com/octo-org/hello-world/pull/101',
    '<details>',
    '<summary>Dependency updates</summary>',
    '',
    '* Bump ky from 1.0 to 2.1 by @dependabot[bot] in https://github.com/octo-org/hello-world/pull/102',
    '</details>',
    '',
    'Line one<br>line two, <b>bold</b>, `code <b>` and Vec<T> stay; <!-- hidden --> <img src="https://evil.example/p.gif">',
    '',
    '## New Contributors',
    '* @newbie made their first contribution in https://github.com/octo-org/hello-world/pull/103',
    '',
    '**Full Changelog**: https://github.com/octo-org/hello-world/compare/v1.0.0...v1.1.0',
  ].join('\n');

  it('comments are dropped and tags reduced to their text in every dialect; nothing of them is left', () => {
    for (const dialect of DIALECTS) {
      const out = renderMarkdown(generated, dialect);
      expect(out).not.toMatch(/Release notes generated|hidden|details|summary|evil\.example|<!--|&lt;!--|＜!--/i);
      expect(out).not.toMatch(/[<＜]b[>＞]bold|&lt;b&gt;bold/);
      expect(out).toContain('Dependency updates');
      expect(out).toContain('Bump ky from 1.0 to 2.1');
      expect(out).toMatch(/Line one(<br>|\s*\n)\s*line two/);
      expect(out).toContain('#101');
      expect(out).toContain('v1.0.0...v1.1.0');
    }
    // Text that only looks like a tag stays text, escaped for the dialect; code keeps its tags as code.
    expect(renderMarkdown(generated, 'text')).toContain('Vec<T> stay');
    expect(renderMarkdown(generated, 'text')).toContain('code <b>');
    expect(renderMarkdown(generated, 'dingtalk-markdown')).toContain('Vec＜T＞ stay');
    expect(renderMarkdown(generated, 'html')).toContain('Vec&lt;T&gt; stay');
    // The list inside <details> is still a list.
    expect(renderMarkdown(generated, 'markdown')).toMatch(/^- Bump ky/m);
  });

  it('an unclosed comment hides nothing, and mention tags stay broken', () => {
    const out = renderMarkdown('before <!-- after\n\n<at user_id="all"></at> <div>@all</div>', 'dingtalk-markdown');
    expect(out).toContain('after');
    expect(out).not.toContain('<at');
    expect(out).not.toContain('@all');
  });

  it('reducing HTML is linear on unclosed comments and tags', () => {
    for (const text of [
      '<div>\n' + '<!--'.repeat(LONG / 4),
      '<div>\n' + '<a'.repeat(LONG / 2),
      '<div>\n' + '<'.repeat(LONG) + '>',
    ])
      for (const dialect of ['text', 'markdown'] as const)
        expect(timed(() => renderMarkdown(text, dialect))).toBeLessThan(4000);
  });
});
