import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_INPUTS, unknownInputWarnings } from '../../src/action/unknown-inputs.js';
import { editDistance, suggest } from '../../src/model/suggest.js';
import { ROOT } from '../helpers/run-action.js';

describe('unknown inputs', () => {
  it('ACTION_INPUTS is exactly the inputs action.yml declares (add a new input to both)', async () => {
    const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    expect([...ACTION_INPUTS].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('warns about a key the action does not declare, with the closest input, never its value', () => {
    const warnings = unknownInputWarnings({
      'INPUT_NOTIFY-ON': 'failure',
      INPUT_NOTIFY_ON: 'failure',
      INPUT_TOKN: 'SECRET-VALUE',
      INPUT_COLOUR: 'red',
      INPUT_PROVIDER: 'pushplus',
      PATH: '/usr/bin',
    });
    expect(warnings).toEqual([
      expect.stringMatching(/^Unknown input 'colour' is ignored\. This action's inputs: provider, urls,/),
      expect.stringContaining("Unknown input 'notify_on' is ignored (did you mean 'notify-on'?)"),
      expect.stringContaining("Unknown input 'tokn' is ignored (did you mean 'token'?)"),
    ]);
    expect(warnings.join('\n')).not.toContain('SECRET-VALUE');
  });

  it('says nothing when every input is known', () => {
    expect(unknownInputWarnings({ INPUT_PROVIDER: 'x', 'INPUT_FAIL-ON-ERROR': 'true', HOME: '/root' })).toEqual([]);
  });
});

describe('suggest', () => {
  it('finds typos, swaps and separators, and keeps quiet for unrelated words', () => {
    expect(suggest('faliure', ['success', 'failure', 'cancelled', 'skipped'])).toBe('failure');
    expect(suggest('pushplsu', ['pushplus', 'dingtalk'])).toBe('pushplus');
    expect(suggest('slack', ['pushplus', 'dingtalk', 'wecom', 'feishu'])).toBeUndefined();
    expect(suggest('', ['a'])).toBeUndefined();
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('costs nothing on a hostile value', () => {
    const started = performance.now();
    expect(suggest('x'.repeat(1_000_000), ['provider'])).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
