import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError } from '../../src/model/errors.js';
import { parseRateLimit } from '../../src/model/config.js';
import { readInputs } from '../../src/notify/inputs.js';
import { loadPeople } from '../../src/notify/people.js';
import { findCommand } from '../../src/cli/commands.js';
import { mobpush } from '../../src/providers/mobpush/index.js';

/**
 * Every lookup keyed by user input reads own properties only: a name that exists on Object.prototype is an
 * unknown value like any other (a clear error or the ordinary behaviour), never a function taken for a table
 * entry (`rate-limit: 5/constructor` was accepted, and its NaN window made every send wait forever).
 */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const INPUTS = Object.keys(
  (parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, unknown> })
    .inputs,
);
const BASE: Record<string, string> = { provider: 'pushplus', token: 'a'.repeat(32) };

/** Values to try for an input: the bare names, and where the input has a grammar, the names inside it. */
function valuesFor(name: string): string[] {
  const values = [...PROTOTYPE_NAMES];
  for (const key of PROTOTYPE_NAMES) {
    if (name === 'rate-limit') values.push(`5/${key}`);
    if (name === 'options' || name === 'people' || name === 'needs')
      values.push(JSON.stringify({ [key]: { result: key } }), `{"${key}": "x"}`);
  }
  return values;
}

describe('inputs named like Object.prototype members', () => {
  it('action.yml has inputs to test', () => expect(INPUTS.length).toBeGreaterThan(20));
  for (const name of INPUTS) {
    it(`${name}: accepted as an ordinary value or refused with an error naming the input`, async () => {
      for (const value of valuesFor(name)) {
        const values = { ...BASE, [name]: value };
        const read = readInputs({
          getInput: (key) => (Object.hasOwn(values, key) ? values[key]! : ''),
          setSecret: () => {},
        });
        const outcome = await read.then(
          (inputs) => ({ inputs }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) {
          expect(outcome.error, `${name}=${value}`).toBeInstanceOf(ConfigError);
          continue;
        }
        const { config } = outcome.inputs;
        // Nothing read through the prototype: numbers stay finite, no function lands in the config.
        if (config.rateLimit) {
          expect(Number.isFinite(config.rateLimit.perMs), `${name}=${value}`).toBe(true);
          expect(config.rateLimit.perMs, `${name}=${value}`).toBeGreaterThan(0);
        }
        expect(
          JSON.stringify(config, (_key, item: unknown) => (typeof item === 'function' ? 'FUNCTION' : item)),
        ).not.toContain('FUNCTION');
      }
    });
  }
});

describe('later lookups keyed by user input use own properties', () => {
  it.each(PROTOTYPE_NAMES)('rate-limit 5/%s is refused, naming the input', (key) => {
    expect(() => parseRateLimit('rate-limit', `5/${key}`)).toThrow(/Invalid input 'rate-limit'.*is not a rate/);
  });
  it.each(PROTOTYPE_NAMES)('CLI command %s is an unknown command', (name) => {
    expect(() => findCommand(name)).toThrow(/unknown command/);
  });
  it.each(PROTOTYPE_NAMES)('MobPush channel %s is an unknown platform', (name) => {
    expect(() =>
      mobpush.parse({ token: '2f2d7a68f8a40', secret: 'a'.repeat(32), target: 'all', options: {}, channel: name }),
    ).toThrow(/unknown MobPush platform/);
  });
  it('people: a login named like a prototype member is an ordinary entry, and nothing else gains it', async () => {
    // `__proto__` is no GitHub login (no underscores in logins): refused by name, never written to a prototype.
    await expect(loadPeople('{"__proto__": {"emails": ["a@example.com"]}}')).rejects.toThrow(
      /'__proto__' is not a GitHub login/,
    );
    const logins = PROTOTYPE_NAMES.filter((login) => login !== '__proto__');
    const raw = JSON.stringify(
      Object.fromEntries(logins.map((login) => [login, { emails: [`${login}@example.com`] }])),
    );
    const people = (await loadPeople(raw))!;
    for (const login of logins) expect(Object.hasOwn(people, login.toLowerCase()), login).toBe(true);
    expect(Object.getPrototypeOf(people)).toBeNull();
    expect(({} as Record<string, unknown>).emails).toBeUndefined();
  });
});
