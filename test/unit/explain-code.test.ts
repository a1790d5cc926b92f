import { describe, expect, it } from 'vitest';
import { explainCode, lookupCode, type CodeTable } from '../../src/providers/codes.js';

const TABLE: CodeTable = {
  1: { meaning: 'bad key', hint: 'check `token`' },
  2: { meaning: 'busy', retry: 'retry' },
  3: { meaning: 'throttled for ten minutes', retry: { waitMs: 600_000 } },
  Throttling: { meaning: 'throttled', retry: 'retry' },
};

describe('explainCode: one message format and one retry rule for every provider', () => {
  it('writes "<Provider> error <code> (<meaning>): <text>" with the hint', () => {
    expect(explainCode('Svc', TABLE, 1, 'key not found')).toEqual({
      ok: false,
      code: 1,
      message: 'Svc error 1 (bad key): key not found',
      hint: 'check `token`',
      retry: 'never',
    });
    expect(explainCode('Svc', TABLE, 99, '').message).toBe('Svc error 99 (unknown code)');
  });

  it('retries what the table says (at once or after its wait), 429 and 5xx, and reauth codes; nothing else', () => {
    expect(explainCode('Svc', TABLE, 2, 'x').retry).toBe('safe');
    expect(explainCode('Svc', TABLE, 3, 'x')).toMatchObject({ retry: 'safe', retryAfterMs: 600_000 });
    expect(explainCode('Svc', TABLE, 'Throttling', 'x').retry).toBe('safe');
    expect(explainCode('Svc', TABLE, 1, 'x', { status: 503 }).retry).toBe('safe');
    expect(explainCode('Svc', TABLE, 1, 'x', { status: 429, retryAfterMs: 5 })).toMatchObject({ retryAfterMs: 5 });
    expect(explainCode('Svc', TABLE, 1, 'x', { reauthCodes: [1] }).retry).toBe('reauth');
    expect(explainCode('Svc', TABLE, 99, 'x', { status: 400 }).retry).toBe('never');
  });

  it('lets the adapter name the entry or the hint when the code alone says too little', () => {
    const verdict = explainCode('Svc', TABLE, 310000, 'sign mismatch', {
      entry: { meaning: 'security check failed' },
      hint: 'check `secret`',
    });
    expect(verdict).toMatchObject({
      message: 'Svc error 310000 (security check failed): sign mismatch',
      hint: 'check `secret`',
    });
  });

  it('finds a number code by its string form and never an inherited property', () => {
    expect(lookupCode(TABLE, '2')?.meaning).toBe('busy');
    expect(lookupCode(TABLE, 'constructor')).toBeUndefined();
  });
});
