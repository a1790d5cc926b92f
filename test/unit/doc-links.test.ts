/**
 * The user docs stay navigable and hold no local machine paths: every relative link in README.md, the other
 * top-level Markdown files and docs/**\/*.md points to a file that exists, and every `#anchor` (in the same file or
 * another Markdown file) to a heading or an explicit `<a id>`/`<a name>` there, slugged the way GitHub renders
 * headings. Links inside code blocks and code spans are not links and are skipped, as are absolute URLs.
 * Source comments that send the reader to `docs/….md` name a page that exists, and what users and maintainers read
 * cites the vendors' documentation, not local copies of it ("the seed", "the reference sheet").
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import MarkdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.js';

const md = new MarkdownIt({ html: true });

function markdownFiles(): string[] {
  const top = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md']
    .map((name) => join(ROOT, name))
    .filter((file) => existsSync(file));
  const docs = readdirSync(join(ROOT, 'docs'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));
  return [...top, ...docs.sort()];
}

/** github-slugger's rule: lower-case, drop everything but letters, marks, numbers, `_`, `-` and spaces, spaces → `-`. */
function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The rendered text of an inline token run: what GitHub slugs (code spans keep their content, markup goes). */
function inlineText(children: Token[] | null): string {
  return (children ?? [])
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : ''))
    .join('');
}

const HTML_ANCHOR = /<a\s[^>]*\b(?:id|name)\s*=\s*["']([^"']+)["']/gi;
const HTML_LINK = /<(?:a|img)\s[^>]*\b(?:href|src)\s*=\s*["']([^"']+)["']/gi;

interface Parsed {
  anchors: Set<string>;
  links: { target: string; line: number }[];
}

const cache = new Map<string, Parsed>();

function parseMarkdown(text: string): Parsed {
  const tokens = md.parse(text, {});
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const links: Parsed['links'] = [];
  const addHtml = (html: string, line: number): void => {
    for (const match of html.matchAll(HTML_ANCHOR)) anchors.add(match[1]!);
    for (const match of html.matchAll(HTML_LINK)) links.push({ target: match[1]!, line });
  };
  tokens.forEach((token, index) => {
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.type === 'heading_open') {
      const base = githubSlug(inlineText(tokens[index + 1]?.children ?? null));
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    if (token.type === 'html_block') addHtml(token.content, line);
    if (token.type !== 'inline') return;
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') links.push({ target: String(child.attrGet('href') ?? ''), line });
      if (child.type === 'image') links.push({ target: String(child.attrGet('src') ?? ''), line });
      if (child.type === 'html_inline') addHtml(child.content, line);
    }
  });
  return { anchors, links };
}

function parsed(file: string): Parsed {
  let result = cache.get(file);
  if (!result) {
    result = parseMarkdown(readFileSync(file, 'utf8'));
    cache.set(file, result);
  }
  return result;
}

/** Absolute URLs (`https:`, `mailto:` …) and protocol-relative ones are outside this check. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** What is wrong with the links of `doc`, the content of `file` (a link to `file` itself reads `doc`). */
function brokenLinks(file: string, doc: Parsed = parsed(file)): string[] {
  const problems: string[] = [];
  const where = (line: number): string => `${relative(ROOT, file)}:${line}`;
  for (const { target, line } of doc.links) {
    if (!target) {
      problems.push(`${where(line)}: empty link`);
      continue;
    }
    if (EXTERNAL.test(target)) continue;
    const hash = target.indexOf('#');
    const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash)).split('?')[0]!;
    const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const destination = pathPart === '' ? file : resolve(dirname(file), pathPart);
    if (pathPart.startsWith('/')) {
      problems.push(`${where(line)}: '${target}' is an absolute path; use a path relative to the file`);
      continue;
    }
    if (destination !== file && !existsSync(destination)) {
      problems.push(`${where(line)}: '${target}' points to ${relative(ROOT, destination)}, which does not exist`);
      continue;
    }
    if (anchor === undefined || anchor === '') continue;
    if (!destination.endsWith('.md') || (destination !== file && statSync(destination).isDirectory())) {
      problems.push(`${where(line)}: '${target}' has an anchor but ${relative(ROOT, destination)} is not Markdown`);
      continue;
    }
    if (!(destination === file ? doc : parsed(destination)).anchors.has(anchor))
      problems.push(`${where(line)}: '${target}': no heading or anchor '#${anchor}' in ${relative(ROOT, destination)}`);
  }
  return problems;
}

/** Paths of the machine the docs were written on (`/work/…`, `/tmp/…`, `/home/…`, `/root/…`) mean nothing to a reader. */
const LOCAL_PATH = /(?:^|[\s`(["'])\/(?:work|tmp|root|home|Users)\/[^\s`)"']*/gm;

function sourceFiles(): string[] {
  return readdirSync(join(ROOT, 'src'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** `docs/x.md` or `docs/x.md#anchor` as source comments and action.yml write them. */
const DOCS_REFERENCE = /\bdocs\/[\w./-]*\w\.md(?:#[\w-]+)?/g;
/** Words that point at local copies of vendor pages instead of the pages themselves. */
const LOCAL_COPY = /\bseeds?\b|\breference sheet\b|\/work\/shared\b/gi;

describe('documentation links', () => {
  it('slugs headings the way GitHub does', () => {
    expect(githubSlug('`options`: every documented field')).toBe('options-every-documented-field');
    expect(githubSlug('CLI (`ci-notifier easemob`)')).toBe('cli-ci-notifier-easemob');
    expect(githubSlug('Delivered once: `workno`')).toBe('delivered-once-workno');
    expect(githubSlug('离线推送 / Offline push')).toBe('离线推送--offline-push');
    const doc = parseMarkdown('# A\n\n## A\n\n<a id="custom"></a>\n\n```md\n[x](missing.md)\n```\n\n`[y](gone.md)`\n');
    expect([...doc.anchors]).toEqual(['a', 'a-1', 'custom']);
    expect(doc.links).toEqual([]);
  });

  it('reports missing files and anchors, and accepts links that resolve (the check can fail)', () => {
    const file = join(ROOT, 'docs', 'example.md');
    const doc = parseMarkdown(
      '# Example\n\n[a](nowhere.md) [b](#no-such-heading) ![c](img/x.png) <a href="y.md">y</a>\n' +
        '[d](cli.md#no-such-section) [e](/docs/cli.md)\n\n' +
        '[ok](cli.md) [ok](#example) [ok](../README.md) [ok](https://example.com/x.md) [ok](providers/mobpush.md#delivered-once-workno)\n',
    );
    const problems = brokenLinks(file, doc);
    expect(problems).toHaveLength(6);
    for (const target of [
      'nowhere.md',
      '#no-such-heading',
      'img/x.png',
      'y.md',
      'cli.md#no-such-section',
      '/docs/cli.md',
    ])
      expect(problems.some((problem) => problem.includes(`'${target}'`))).toBe(true);
  });

  const files = markdownFiles();
  it('covers README.md and the docs', () => {
    expect(files.map((file) => relative(ROOT, file))).toEqual(
      expect.arrayContaining(['README.md', 'docs/cli.md', 'docs/providers/mobpush.md']),
    );
  });

  it.each(files.map((file) => [relative(ROOT, file), file]))(
    '%s: relative links and anchors resolve',
    (_name, file) => {
      expect(brokenLinks(file)).toEqual([]);
    },
  );

  it.each(files.map((file) => [relative(ROOT, file), file]))('%s: no local machine paths', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text.match(LOCAL_PATH) ?? []).toEqual([]);
  });

  const sources = [...sourceFiles(), join(ROOT, 'action.yml')];
  it('docs/….md named in source comments and action.yml exist, with their anchors', () => {
    const problems: string[] = [];
    for (const file of sources) {
      for (const reference of readFileSync(file, 'utf8').match(DOCS_REFERENCE) ?? []) {
        const [path, anchor] = reference.split('#') as [string, string | undefined];
        const target = join(ROOT, path);
        if (!existsSync(target)) problems.push(`${relative(ROOT, file)}: ${reference} does not exist`);
        else if (anchor && !parsed(target).anchors.has(anchor))
          problems.push(`${relative(ROOT, file)}: ${reference}: no such heading`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('cites the vendor documents themselves, not local copies of them', () => {
    const problems: string[] = [];
    for (const file of [...files, ...sources]) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const word of line.match(LOCAL_COPY) ?? [])
            problems.push(`${relative(ROOT, file)}:${index + 1}: "${word}" in: ${line.trim()}`);
        });
    }
    expect(problems).toEqual([]);
  });
});
