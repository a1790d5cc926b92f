// Post-build step of `npm run build`: minifies every file ncc wrote to dist/ with terser, compressing as well as
// mangling. ncc's own `--minify` only mangles (it runs terser with `compress: false` and keeps every function
// name) and only minifies the entry, so the adapters' and SDKs' chunks were shipped as webpack wrote them. Code
// the runner has to read and compile at every start is start-up time (docs/performance.md): compressing takes
// about 15 % off the entry.
// Class names are kept: errors take their `name` from their class (`this.name = new.target.name`).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';

const OPTIONS = {
  // Node 24 runs the action, Node 22 is the lowest `engines` allows: modern syntax may be written back.
  ecma: 2020,
  compress: { passes: 2 },
  mangle: { keep_classnames: true },
  // Licence comments stay; ncc has also collected them into licenses.txt.
  format: { comments: 'some' },
};

/** Returns `code` minified; a chunk of CommonJS code that is not valid in strict mode is minified as a script. */
export async function minifyChunk(code) {
  try {
    return (await minify(code, { ...OPTIONS, module: true })).code;
  } catch {
    return (await minify(code, { ...OPTIONS, module: false })).code;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'dist';
  let before = 0;
  let after = 0;
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.js'))) {
    const file = join(dir, name);
    const code = readFileSync(file, 'utf8');
    const minified = await minifyChunk(code);
    writeFileSync(file, minified);
    before += code.length;
    after += minified.length;
  }
  console.log(`minify-dist: ${Math.round(before / 1024)} KiB -> ${Math.round(after / 1024)} KiB in ${dir}/`);
}
