// Build step (first step of `npm run build`): compiles the built-in presets' Liquid into TypeScript functions,
// src/render/presets.generated.ts, so a run that uses a preset loads no template engine and parses no template
// (docs/performance.md). src/render/presets.ts stays the one source of the presets' wording: this script reads it
// (through Node's type stripping) in every language and compiles what it finds. Each function is keyed by the
// source it came from (a Map from the Liquid text, looked up by V8's own string hash: a hash loop in JavaScript
// ran hot enough to be tiered up by Maglev on a background thread, +6 MiB of peak memory), so a preset edited
// after the last build is rendered by liquidjs instead, and
// a preset using Liquid this compiler does not know (listed in `unsupported` below) is left to liquidjs with a
// warning. test/unit/presets-compiled.test.ts checks the output against liquidjs over every fixture event.
//
// The subset compiled: text; `{{ value | filter: arg, … }}`; `{% if %}` / `{% elsif %}` / `{% else %}`,
// `{% unless %}` with one comparison (==, !=, >, <, >=, <=) or a value; `{% for x in value %}` with `{% else %}`
// and `forloop.first/last/index/index0/length`; `{% assign x = value | filter %}`; the filters `default`,
// `downcase`, `where` (one field named in a string) and this project's own (src/render/filters.ts).
import { registerHooks } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'src/render/presets.generated.ts');

// The sources, loaded as they are: they import each other as `./x.js` (what tsc emits) where the file on disk is
// `./x.ts`, and TypeScript (not Node's type stripping, which refuses parameter properties) turns each into JavaScript.
function loadTypeScriptSources() {
  registerHooks({
    resolve(specifier, context, next) {
      try {
        return next(specifier, context);
      } catch (error) {
        if (!specifier.startsWith('.') || !specifier.endsWith('.js')) throw error;
        return next(`${specifier.slice(0, -3)}.ts`, context);
      }
    },
    load(url, context, next) {
      if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
      const { outputText } = ts.transpileModule(readFileSync(fileURLToPath(url), 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      return { format: 'module', source: outputText, shortCircuit: true };
    },
  });
}

const load = (path) => import(pathToFileURL(join(root, path)).href);

class Unsupported extends Error {}

/** Splits a template into text, `{{ output }}` and `{% tag %}` pieces. */
function tokenize(source) {
  const tokens = [];
  const pattern = /\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}/g;
  let at = 0;
  for (let match; (match = pattern.exec(source)); at = pattern.lastIndex) {
    if (match.index > at) tokens.push({ type: 'text', text: source.slice(at, match.index) });
    const inner = match[1] ?? match[2];
    if (/^-|-$/.test(inner)) throw new Unsupported(`whitespace control in ${match[0]}`);
    if (match[1] !== undefined) tokens.push({ type: 'output', text: inner.trim() });
    else {
      const [, name, args] = /^\s*(\w+)\s*([\s\S]*?)\s*$/.exec(inner) ?? [];
      if (!name) throw new Unsupported(match[0]);
      tokens.push({ type: 'tag', name, args });
    }
  }
  if (at < source.length) tokens.push({ type: 'text', text: source.slice(at) });
  return tokens;
}

/** Splits an expression into strings, numbers, names (a.b.c), operators and punctuation. */
function lex(expression) {
  const parts = [];
  const pattern =
    /\s*(?:"([^"]*)"|'([^']*)'|(-?\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)|(==|!=|>=|<=|>|<|\||:|,|=))/y;
  let at = 0;
  while (at < expression.length) {
    if (/^\s*$/.test(expression.slice(at))) break;
    pattern.lastIndex = at;
    const m = pattern.exec(expression);
    if (!m) throw new Unsupported(`expression '${expression}'`);
    at = pattern.lastIndex;
    if (m[1] !== undefined || m[2] !== undefined) parts.push({ kind: 'string', value: m[1] ?? m[2] });
    else if (m[3] !== undefined) parts.push({ kind: 'number', value: Number(m[3]) });
    else if (m[4] !== undefined) parts.push({ kind: 'name', value: m[4] });
    else parts.push({ kind: 'op', value: m[5] });
  }
  return parts;
}

/** Compiles one template to the body of a CompiledText function. */
function compileTemplate(source, filterNames) {
  const tokens = tokenize(source);
  let next = 0;
  const loops = []; // innermost last: { item, index, list, name }
  const assigned = new Map(); // Liquid name -> JS name
  let unique = 0;

  const value = (part) => {
    if (part.kind === 'string') return JSON.stringify(part.value);
    if (part.kind === 'number') return String(part.value);
    if (part.kind !== 'name') throw new Unsupported(`'${part.value}' where a value belongs`);
    if (part.value === 'true' || part.value === 'false') return part.value;
    const [head, ...rest] = part.value.split('.');
    if (['nil', 'null', 'empty', 'blank'].includes(head)) throw new Unsupported(head);
    let code;
    if (head === 'forloop') {
      const loop = loops.at(-1);
      if (!loop || rest.length !== 1) throw new Unsupported(part.value);
      const field = {
        first: `${loop.index} === 0`,
        last: `${loop.index} === ${loop.list}.length - 1`,
        index: `${loop.index} + 1`,
        index0: loop.index,
        length: `${loop.list}.length`,
      }[rest[0]];
      if (!field) throw new Unsupported(part.value);
      return `(${field})`;
    }
    const loop = [...loops].reverse().find((candidate) => candidate.name === head);
    if (loop) code = loop.item;
    else if (assigned.has(head)) code = assigned.get(head);
    else code = `r.prop(v, ${JSON.stringify(head)})`;
    for (const key of rest) code = `r.prop(${code}, ${JSON.stringify(key)})`;
    return code;
  };

  /** `value | filter: a, b | filter` */
  const filtered = (parts) => {
    if (parts.length === 0) throw new Unsupported('an empty expression');
    let code = value(parts[0]);
    let i = 1;
    while (i < parts.length) {
      if (parts[i].value !== '|' || parts[i + 1]?.kind !== 'name') throw new Unsupported('a filter expression');
      const name = parts[i + 1].value;
      i += 2;
      const args = [];
      const written = [];
      if (parts[i]?.value === ':') {
        i++;
        for (;;) {
          if (!parts[i] || parts[i].kind === 'op') throw new Unsupported(`the arguments of ${name}`);
          if (parts[i + 1]?.value === ':') throw new Unsupported(`a named argument of ${name}`);
          written.push(parts[i]);
          args.push(value(parts[i++]));
          if (parts[i]?.value !== ',') break;
          i++;
        }
      }
      if (name === 'default') {
        if (args.length !== 1) throw new Unsupported('default with other than one argument');
        code = `r.defaultTo(${code}, ${args[0]})`;
      } else if (name === 'downcase') code = `r.downcase(${code})`;
      else if (name === 'where') {
        // A property named in a string (liquidjs reads it as a variable in each item's scope): one plain field;
        // `size`, `first` and `last` read differently there (from the globals when the item lacks them).
        const property = written[0];
        if (
          args.length < 1 ||
          args.length > 2 ||
          property.kind !== 'string' ||
          !/^[A-Za-z_]\w*$/.test(property.value) ||
          ['size', 'first', 'last'].includes(property.value)
        )
          throw new Unsupported(`where: ${written.map((part) => part.value).join(', ')}`);
        code = `r.where(${[code, ...args].join(', ')})`;
      } else if (filterNames.includes(name)) code = `f[${JSON.stringify(name)}]!(${[code, ...args].join(', ')})`;
      else throw new Unsupported(`the filter ${name}`);
    }
    return code;
  };

  const condition = (args) => {
    const parts = lex(args);
    const at = parts.findIndex((part) => part.kind === 'op');
    if (parts.some((part) => part.kind === 'name' && ['and', 'or', 'contains'].includes(part.value)))
      throw new Unsupported(`the condition '${args}'`);
    if (at === -1 && parts.length === 1) return `r.truthy(${value(parts[0])})`;
    if (at !== 1 || parts.length !== 3) throw new Unsupported(`the condition '${args}'`);
    const [left, op, right] = [value(parts[0]), parts[1].value, value(parts[2])];
    if (op === '==') return `r.equals(${left}, ${right})`;
    if (op === '!=') return `!r.equals(${left}, ${right})`;
    if (['>', '<', '>=', '<='].includes(op)) return `r.compare[${JSON.stringify(op)}](${left}, ${right})`;
    throw new Unsupported(`the operator ${op}`);
  };

  /** Compiles tokens until one of `ends` (a tag name); returns [code, the tag that ended it]. */
  const block = (ends) => {
    let code = '';
    while (next < tokens.length) {
      const token = tokens[next++];
      if (token.type === 'text') code += `o += ${JSON.stringify(token.text)};\n`;
      else if (token.type === 'output') code += `o += out(${filtered(lex(token.text))});\n`;
      else if (ends.includes(token.name)) return [code, token];
      else if (token.name === 'if' || token.name === 'unless') {
        const test = condition(token.args);
        code += `if (${token.name === 'unless' ? `!(${test})` : test}) {\n`;
        for (;;) {
          const [inner, end] = block(token.name === 'if' ? ['elsif', 'else', 'endif'] : ['else', 'endunless']);
          code += inner;
          if (end.name === 'elsif') code += `} else if (${condition(end.args)}) {\n`;
          else if (end.name === 'else') code += '} else {\n';
          else break;
        }
        code += '}\n';
      } else if (token.name === 'for') {
        const m = /^([A-Za-z_]\w*)\s+in\s+([A-Za-z_][\w.]*)$/.exec(token.args);
        if (!m) throw new Unsupported(`for ${token.args}`);
        const n = unique++;
        const loop = { name: m[1], item: `item${n}`, index: `i${n}`, list: `list${n}` };
        const list = value({ kind: 'name', value: m[2] });
        loops.push(loop);
        const [inner, end] = block(['else', 'endfor']);
        loops.pop();
        let otherwise = '';
        if (end.name === 'else') {
          const [elseCode, endfor] = block(['endfor']);
          if (endfor.name !== 'endfor') throw new Unsupported('for without endfor');
          otherwise = elseCode;
        }
        code +=
          `{\nconst ${loop.list} = r.enumerable(${list});\n` +
          (otherwise ? `if (${loop.list}.length === 0) {\n${otherwise}}\n` : '') +
          `for (let ${loop.index} = 0; ${loop.index} < ${loop.list}.length; ${loop.index}++) {\n` +
          `const ${loop.item} = ${loop.list}[${loop.index}];\n${inner}}\n}\n`;
      } else if (token.name === 'assign') {
        const m = /^([A-Za-z_]\w*)\s*=\s*([\s\S]+)$/.exec(token.args);
        if (!m) throw new Unsupported(`assign ${token.args}`);
        const expression = filtered(lex(m[2]));
        if (!assigned.has(m[1])) assigned.set(m[1], `local${unique++}`);
        code += `${assigned.get(m[1])} = ${expression};\n`;
      } else throw new Unsupported(`the tag ${token.name}`);
    }
    if (ends.length > 0) throw new Unsupported(`a block without ${ends.at(-1)}`);
    return [code, undefined];
  };

  const [code] = block([]);
  // Before its `assign`, a name reads the variables, as in liquidjs.
  const locals = [...assigned].map(([name, js]) => `let ${js} = r.prop(v, ${JSON.stringify(name)});\n`).join('');
  return `let o = '';\n${locals}${code}return o;`;
}

async function main() {
  loadTypeScriptSources();
  const { presetsFor } = await load('src/render/presets.ts');
  const { LOCALES } = await load('src/model/config.ts');
  const { messageFilters } = await load('src/render/filters.ts');
  const { wordsFor } = await load('src/render/locale.ts');
  const filterNames = Object.keys(messageFilters(wordsFor(undefined)));
  const entries = new Map();
  const unsupported = [];
  for (const locale of LOCALES) {
    for (const [name, preset] of Object.entries(presetsFor(locale))) {
      for (const part of ['title', 'body']) {
        const source = preset[part];
        try {
          entries.set(source, {
            what: `${locale} ${name} ${part}`,
            code: compileTemplate(source, filterNames),
          });
        } catch (error) {
          if (!(error instanceof Unsupported)) throw error;
          unsupported.push(`${locale} ${name} ${part}: ${error.message}`);
        }
      }
    }
  }
  const functions = [...entries]
    .map(([source, { what, code }]) => `  // ${what}\n  [${JSON.stringify(source)}, (v, f, out) => {\n${code}\n  }],`)
    .join('\n');
  const prettier = await import('prettier');
  const code =
    `// Generated by scripts/compile-presets.mjs from src/render/presets.ts (npm run build): do not edit.\n` +
    `import * as r from './preset-runtime.js';\nimport type { CompiledText } from './preset-runtime.js';\n\n` +
    `/** The built-in presets' texts compiled to functions, by their Liquid source. */\n` +
    `export const COMPILED_PRESETS: ReadonlyMap<string, CompiledText> = new Map<string, CompiledText>([\n${functions}\n]);\n`;
  writeFileSync(OUT, await prettier.format(code, { ...(await prettier.resolveConfig(OUT)), filepath: OUT }));
  console.log(`compile-presets: ${entries.size} preset texts compiled to src/render/presets.generated.ts`);
  for (const line of unsupported) console.warn(`compile-presets: left to liquidjs (unsupported Liquid): ${line}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
export { compileTemplate, Unsupported };
