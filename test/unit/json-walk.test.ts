import { describe, expect, it } from 'vitest';
import { TOO_DEEP, boundDepth, depthOf, mapJson } from '../../src/model/json-walk.js';
import { SecretRegistry } from '../../src/model/secrets.js';

/** `[[[…]]]` nested `depth` levels, built without recursion. */
function nested(depth: number): unknown[] {
  const root: unknown[] = [];
  let current = root;
  for (let level = 1; level < depth; level++) {
    const next: unknown[] = [];
    current.push(next);
    current = next;
  }
  return root;
}

describe('iterative JSON walks (untrusted replies)', () => {
  it('measures and cuts a 100,000-deep value without recursion', () => {
    const deep = { errcode: 0, x: nested(100_000) };
    expect(depthOf(deep, 64)).toBe(65);
    const cut = boundDepth(deep, 4) as { errcode: number; x: unknown };
    expect(cut.errcode).toBe(0);
    expect(JSON.stringify(cut)).toBe(`{"errcode":0,"x":[[[${JSON.stringify(TOO_DEEP)}]]]}`);
  });

  it('returns a value within the bound as it is, without copying', () => {
    const reply = { errcode: 0, data: { list: [1, 2, { a: 'b' }] } };
    expect(boundDepth(reply, 64)).toBe(reply);
  });

  it('keeps a __proto__ key a key, and ends cycles at the depth limit', () => {
    const parsed = JSON.parse('{"__proto__":{"polluted":true},"ok":1}') as Record<string, unknown>;
    const copy = mapJson(parsed, (item) => item, 8) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'ok']);
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    expect(JSON.stringify(mapJson(cycle, (item) => item, 3))).toBe(
      `{"name":"loop","self":{"name":"loop","self":{"name":"loop","self":${JSON.stringify(TOO_DEEP)}}}}`,
    );
  });

  it('redactValue masks strings at any kept depth and no longer overflows the stack', () => {
    const secrets = new SecretRegistry();
    secrets.add('s3cr3t-token');
    expect(secrets.redactValue({ a: ['x s3cr3t-token y', { b: 's3cr3t-token' }], n: 1, t: true, z: null })).toEqual({
      a: ['x *** y', { b: '***' }],
      n: 1,
      t: true,
      z: null,
    });
    expect(() => secrets.redactValue(nested(50_000))).not.toThrow();
  });
});
