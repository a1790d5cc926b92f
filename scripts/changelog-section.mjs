#!/usr/bin/env node
/**
 * Prints the body of one version's section of CHANGELOG.md (Keep a Changelog: `## [1.2.3] - 2026-01-31`), for the
 * release notes. Exits 1 with a message when the section is missing or empty, so a release cannot go out without notes.
 *
 *   node scripts/changelog-section.mjs 1.2.3 [--file CHANGELOG.md]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export function changelogSection(text, version) {
  const lines = text.split(/\r?\n/);
  const heading = /^## \[?v?([^\]\s]+)\]?(?:\s|$)/;
  const start = lines.findIndex((line) => heading.exec(line)?.[1] === version);
  if (start === -1) return undefined;
  let end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  if (end === -1) end = lines.length;
  // Link reference definitions at the end of the file ([1.0.0]: https://…) are not part of the section.
  const body = lines.slice(start + 1, end).filter((line) => !/^\[[^\]]+\]:\s/.test(line));
  return body.join('\n').trim();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { file: { type: 'string' } } });
  const version = positionals[0]?.replace(/^v/, '');
  if (!version) {
    console.error('usage: changelog-section.mjs VERSION [--file CHANGELOG.md]');
    process.exit(2);
  }
  const file = values.file ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'CHANGELOG.md');
  const section = changelogSection(readFileSync(file, 'utf8'), version);
  if (!section) {
    console.error(
      `CHANGELOG.md has no section for ${version} (a "## [${version}] - YYYY-MM-DD" heading with notes under it).`,
    );
    process.exit(1);
  }
  console.log(section);
}
