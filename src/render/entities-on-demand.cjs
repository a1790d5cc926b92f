// What the action's bundle gets for `entities` (tsconfig.json `paths`, which ncc applies when it bundles; tsc,
// vitest and the npm package keep the real one). markdown-it uses one function of it, decodeHTMLStrict, for
// `&amp;`-style references. The module that defines it decodes the whole HTML entity table when it is
// evaluated: about 2 ms of every run, though a CI message rarely holds an entity reference. Here it is required,
// and the table decoded, on the first call. CommonJS, because only `require` loads a module synchronously on
// demand; `entities/decode` is the package's own subpath, which the mapping of the bare name does not catch.
'use strict';

let decoder;

exports.decodeHTMLStrict = function decodeHTMLStrict(text) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the point of this file: loaded on first use
  decoder ??= require('entities/decode');
  return decoder.decodeHTMLStrict(text);
};
