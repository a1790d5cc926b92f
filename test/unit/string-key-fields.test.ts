import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.js';

interface StringKeyFields {
  stringKeyFields(code: string): { code: string; changed: boolean };
}
const { stringKeyFields } = (await import(join(ROOT, 'scripts/string-key-fields.mjs'))) as StringKeyFields;

// The helpers as rolldown writes them into markdown-it 15 (dist/markdown-it.mjs), and a class that uses them.
const HELPERS = `function toPropertyKey(t) { calls.push(t); return typeof t === "symbol" ? t : t + ""; }
function _defineProperty(e, r, t) {
	return (r = toPropertyKey(r)) in e ? Object.defineProperty(e, r, {
		value: t, enumerable: !0, configurable: !0, writable: !0
	}) : e[r] = t, e;
}`;
const USE = `class Token { constructor() { _defineProperty(this, "map", null), _defineProperty(this, "level", 2); } }
var calls = []; var token = new Token();`;

describe('string-key-fields (post-build step)', () => {
  it('drops the key conversion when every call passes a string literal, with the same objects built', () => {
    const { code, changed } = stringKeyFields(`${HELPERS}\n${USE}`);
    expect(changed).toBe(true);
    const before: { token?: object; calls?: unknown[] } = {};
    const after: { token?: object; calls?: unknown[] } = {};
    runInNewContext(`${HELPERS}\n${USE};this.token=token;this.calls=calls`, before);
    runInNewContext(`${code};this.token=token;this.calls=calls`, after);
    expect(after.token).toEqual(before.token);
    expect(Object.getOwnPropertyDescriptors(after.token)).toEqual(Object.getOwnPropertyDescriptors(before.token));
    expect(before.calls).toEqual(['map', 'level']);
    expect(after.calls).toEqual([]);
  });

  it('leaves a file alone when a call passes a computed key', () => {
    const source = `${HELPERS}\n${USE}\n_defineProperty(token, key, 1);`;
    expect(stringKeyFields(source)).toEqual({ code: source, changed: false });
  });

  it('leaves a file without the helper alone', () => {
    expect(stringKeyFields('var a = 1;').changed).toBe(false);
  });
});
