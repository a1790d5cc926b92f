// Post-build step of `npm run build`: puts back the parentheses around webpack's module factories that ncc's
// minifier removes. V8 compiles a parenthesised function expression eagerly, in the same pass that parses the
// file; an unparenthesised one is pre-parsed at load and parsed again in full when the module is first required.
// Every factory in the action's entry file runs once at start-up, so the second parse is pure cost: about 15 ms
// of each run on a 2-core runner (docs/performance.md). webpack's unminified chunks already keep the parentheses.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'acorn';

/** A webpack module table: an object literal whose keys are all module ids and whose values are all functions. */
function isModuleTable(node) {
  return (
    node.type === 'ObjectExpression' &&
    node.properties.length > 0 &&
    node.properties.every(
      (property) =>
        property.type === 'Property' &&
        // `{1(){…}}` or a getter: the value starts at its parameter list, so it cannot be wrapped.
        property.kind === 'init' &&
        !property.method &&
        !property.shorthand &&
        property.key.type === 'Literal' &&
        typeof property.key.value === 'number' &&
        (property.value.type === 'ArrowFunctionExpression' ||
          property.value.type === 'FunctionExpression' ||
          (property.value.type === 'ParenthesizedExpression' && /Function/.test(property.value.expression.type))),
    )
  );
}

/** Returns `code` with every unparenthesised module factory of its module tables wrapped in parentheses. */
export function wrapFactories(code) {
  let ast;
  try {
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module', preserveParens: true });
  } catch {
    // A CommonJS chunk may use sloppy-mode syntax that a module cannot.
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script', preserveParens: true });
  }
  const ranges = [];
  const visit = (node) => {
    if (isModuleTable(node)) {
      for (const { value } of node.properties) {
        if (value.type !== 'ParenthesizedExpression') ranges.push([value.start, value.end]);
      }
      return;
    }
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.forEach((item) => item && typeof item.type === 'string' && visit(item));
      else if (child && typeof child.type === 'string') visit(child);
    }
  };
  visit(ast);
  let out = code;
  for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) {
    out = `${out.slice(0, start)}(${out.slice(start, end)})${out.slice(end)}`;
  }
  return { code: out, wrapped: ranges.length };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'dist';
  let total = 0;
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.js'))) {
    const file = join(dir, name);
    const { code, wrapped } = wrapFactories(readFileSync(file, 'utf8'));
    if (wrapped > 0) writeFileSync(file, code);
    total += wrapped;
  }
  console.log(`eager-factories: wrapped ${total} module factories in ${dir}/`);
}
