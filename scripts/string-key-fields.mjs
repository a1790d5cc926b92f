// Post-build step of `npm run build`, before minifying: markdown-it 15 is built by rolldown with Babel's
// `_defineProperty` helper for every field its classes set (`_defineProperty(this, "level", 0)`), and each call
// converts the key with `toPropertyKey` (a `typeof` helper and a `Symbol.toPrimitive` check) before assigning.
// Every token of every message sets about ten fields, all in interpreted code on a run's one and only parse:
// about 3 % of a dry run's CPU time (docs/performance.md). For a string key `toPropertyKey` returns the key
// itself, so where every call in a file passes a string literal, the conversion is dropped and the helper
// does exactly what it did; terser then removes the helpers nothing calls any more. A file with any other call
// is left as it was.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'acorn';

const CONVERSION = 'return (r = toPropertyKey(r)) in e ? Object.defineProperty(e, r, {';
const PLAIN = 'return r in e ? Object.defineProperty(e, r, {';

/** The second argument of every call of `_defineProperty` in `code`. */
function keysPassed(code) {
  let ast;
  try {
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  }
  const keys = [];
  const visit = (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === '_defineProperty')
      keys.push(node.arguments[1]);
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.forEach((item) => item && typeof item.type === 'string' && visit(item));
      else if (child && typeof child.type === 'string') visit(child);
    }
  };
  visit(ast);
  return keys;
}

/** Returns `code` with the key conversion dropped from `_defineProperty`, when every caller passes a string. */
export function stringKeyFields(code) {
  if (!code.includes(CONVERSION)) return { code, changed: false };
  const keys = keysPassed(code);
  if (keys.length === 0 || !keys.every((key) => key?.type === 'Literal' && typeof key.value === 'string'))
    return { code, changed: false };
  return { code: code.replace(CONVERSION, PLAIN), changed: true };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'dist';
  const changed = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.js'))) {
    const file = join(dir, name);
    const result = stringKeyFields(readFileSync(file, 'utf8'));
    if (result.changed) {
      writeFileSync(file, result.code);
      changed.push(name);
    }
  }
  console.log(`string-key-fields: ${changed.length ? changed.join(', ') : 'no file'} changed in ${dir}/`);
}
