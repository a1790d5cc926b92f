import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.js';

interface EagerFactories {
  wrapFactories(code: string): { code: string; wrapped: number };
}
const { wrapFactories } = (await import(join(ROOT, 'scripts/eager-factories.mjs'))) as EagerFactories;

describe('eager-factories (post-build step)', () => {
  const table =
    'var t={12:(e,t,n)=>{t.a=n+1},34:function(e,t){t.b=2},56:((e,t)=>{t.c=3})};' +
    'var out={};for(const k of Object.keys(t))t[k](null,out,1);var notTable={a:()=>1};';

  it('parenthesises each unwrapped module factory and leaves wrapped ones and other objects alone', () => {
    const { code, wrapped } = wrapFactories(table);
    expect(wrapped).toBe(2);
    expect(code).toContain('12:((e,t,n)=>{t.a=n+1})');
    expect(code).toContain('34:(function(e,t){t.b=2})');
    expect(code).toContain('56:((e,t)=>{t.c=3})');
    expect(code).toContain('notTable={a:()=>1}');
    // Same behaviour: only parentheses were added.
    const before: { out?: unknown } = {};
    const after: { out?: unknown } = {};
    runInNewContext(`${table};this.out=out`, before);
    runInNewContext(`${code};this.out=out`, after);
    expect(after.out).toEqual({ a: 2, b: 2, c: 3 });
    expect(after.out).toEqual(before.out);
  });

  it('leaves method-shorthand tables alone (their values cannot be wrapped) and reads sloppy-mode scripts', () => {
    const methods = 'var a={1(){return 1},2(){return 2}};';
    expect(wrapFactories(methods)).toEqual({ code: methods, wrapped: 0 });
    const sloppy = 'var t={1:function(e){with(e){return 010}}};';
    const { code, wrapped } = wrapFactories(sloppy);
    expect(wrapped).toBe(1);
    expect(code).toBe('var t={1:(function(e){with(e){return 010}})};');
  });

  it('is idempotent', () => {
    const once = wrapFactories(table).code;
    expect(wrapFactories(once)).toEqual({ code: once, wrapped: 0 });
  });

  it('the committed dist/index.js has every module factory parenthesised (the build ran it)', async () => {
    const code = await readFile(join(ROOT, 'dist/index.js'), 'utf8');
    expect(wrapFactories(code).wrapped).toBe(0);
    expect(code).toMatch(/\d+:\(\([\w$,]*\)=>\{/);
  });
});
