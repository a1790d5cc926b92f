import { setFlagsFromString } from 'node:v8';

// V8 normally starts a regular expression in its interpreter and recompiles it to native code once it is hot.
// The Markdown lexer's large expressions run a handful of times per message, so that double compilation costs
// about 20 ms on every run (measured with `npm run bench`). Compiling them natively at once keeps the same
// regular-expression semantics and is cheaper here. This module is imported first by src/index.ts so the flag
// is set before the renderer's expressions exist.
setFlagsFromString('--no-regexp-tier-up');
