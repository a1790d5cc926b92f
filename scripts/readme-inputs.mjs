#!/usr/bin/env node
/**
 * Generates the README's inputs/outputs block from action.yml, so the documentation cannot drift from the action.
 * The block sits between `<!-- inputs:start -->` and `<!-- inputs:end -->`; everything else in the README is kept.
 *
 *   node scripts/readme-inputs.mjs            rewrite README.md
 *   node scripts/readme-inputs.mjs --check    exit 1 (and say so) if README.md differs from what action.yml gives
 *   --readme PATH / --action PATH             other files (tests)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- inputs:start -->';
const END = '<!-- inputs:end -->';

/** Table cell: one line, pipes escaped. */
function cell(text) {
  return String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function code(text) {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** The generated block (before prettier): an Inputs table and an Outputs table. */
export function inputsBlock(action) {
  const inputs = Object.entries(action.inputs ?? {});
  const outputs = Object.entries(action.outputs ?? {});
  const lines = [
    START,
    '',
    '<!-- Generated from action.yml by `npm run docs`; edit action.yml, not this block. -->',
    '',
    '## Inputs',
    '',
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...inputs.map(([name, spec]) => {
      const def = spec?.default === undefined || spec.default === '' ? '' : code(String(spec.default));
      return `| ${code(name)} | ${spec?.required ? 'yes' : 'no'} | ${cell(def)} | ${cell(spec?.description)} |`;
    }),
    '',
    '## Outputs',
    '',
    '| Output | Description |',
    '| --- | --- |',
    ...outputs.map(([name, spec]) => `| ${code(name)} | ${cell(spec?.description)} |`),
    '',
    END,
  ];
  return lines.join('\n');
}

/** The README with its block replaced, formatted as the repository's prettier config formats it. */
export async function generateReadme(readme, actionYaml, readmePath) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README has no ${START} … ${END} block`);
  const next = readme.slice(0, start) + inputsBlock(parse(actionYaml)) + readme.slice(end + END.length);
  const config = (await prettier.resolveConfig(readmePath)) ?? {};
  return prettier.format(next, { ...config, filepath: readmePath });
}

async function main() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean' },
      readme: { type: 'string', default: join(ROOT, 'README.md') },
      action: { type: 'string', default: join(ROOT, 'action.yml') },
    },
  });
  const readme = await readFile(values.readme, 'utf8');
  const generated = await generateReadme(readme, await readFile(values.action, 'utf8'), values.readme);
  if (values.check) {
    if (generated !== readme) {
      process.stderr.write(
        `${values.readme}: the inputs/outputs block differs from what ${values.action} generates. Run npm run docs.\n`,
      );
      process.exitCode = 1;
    }
    return;
  }
  if (generated !== readme) await writeFile(values.readme, generated);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
