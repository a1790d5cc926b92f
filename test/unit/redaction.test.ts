/** Redact first, then cut; and plain output lines that can never be read as workflow commands. */
import { describe, expect, it } from 'vitest';
import { neutralizeWorkflowCommands, neutralizeWorkflowCommandsInJson } from '../../src/model/workflow-text.js';
import { summaryMarkdown } from '../../src/action/report.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { httpFailure, notJsonFailure } from '../../src/transport/transport.js';
import type { HttpReply } from '../../src/transport/types.js';

const TOKEN = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2';

function reply(status: number, text: string, secrets?: SecretRegistry): HttpReply {
  const value: HttpReply = { status, headers: new Headers(), text, json: undefined, durationMs: 1 };
  if (secrets) Object.defineProperty(value, 'secrets', { value: secrets, enumerable: false });
  return value;
}

describe('SecretRegistry.cut', () => {
  const secrets = new SecretRegistry();
  secrets.add(TOKEN);

  it('leaves short text alone and cuts long text', () => {
    expect(secrets.cut('short', 10)).toBe('short');
    expect(secrets.cut('x'.repeat(20), 10)).toBe('x'.repeat(10));
  });

  it('masks the start of a secret left at the cut, from 4 characters', () => {
    expect(secrets.cut(`${'x'.repeat(8)}${TOKEN.slice(0, 10)}`, 12)).toBe(`${'x'.repeat(8)}***`);
    expect(secrets.cut(`${'x'.repeat(9)}${TOKEN.slice(0, 10)}`, 12)).toBe(`${'x'.repeat(9)}${TOKEN.slice(0, 3)}`);
  });
});

describe('reply snippets are redacted before they are cut', () => {
  const secrets = new SecretRegistry();
  secrets.add(TOKEN);
  // A 502 page echoing the request, the token across the 200th character.
  const page = `<html>${'x'.repeat(170)} access_token=${TOKEN}&more</html>`;

  it('httpFailure: no fragment of the token, whole or cut', () => {
    const failure = httpFailure(reply(502, page, secrets))!;
    expect(failure.message).toContain('access_token=***');
    for (let length = 4; length <= TOKEN.length; length++)
      expect(failure.message).not.toContain(TOKEN.slice(0, length));
  });

  it('notJsonFailure (120 characters): the same', () => {
    const failure = notJsonFailure(reply(200, `${'y'.repeat(100)} ${TOKEN}`, secrets));
    for (let length = 4; length <= TOKEN.length; length++)
      expect(failure.message).not.toContain(TOKEN.slice(0, length));
  });
});

describe('the job summary', () => {
  it('redacts a result before its cell is cut to 300 characters', () => {
    const secrets = new SecretRegistry();
    secrets.add(TOKEN);
    const message = `${'m'.repeat(290)} ${TOKEN} after`;
    const summary = summaryMarkdown(
      {
        status: 'failure',
        results: [{ provider: 'dingtalk', target: 'group', ok: false, message, attempts: 1, durationMs: 1 }],
      },
      'dingtalk',
      secrets,
    );
    // The mask is escaped like every other cell text (\*\*\* shows as *** in the rendered summary).
    expect(summary).toContain(`${'m'.repeat(290)} \\*\\*\\*`);
    for (let length = 4; length <= TOKEN.length; length++) expect(summary).not.toContain(TOKEN.slice(0, length));
  });
});

describe('neutralizeWorkflowCommands', () => {
  it('escapes a command at the start of any line, after \\n, \\r or leading whitespace', () => {
    const text = 'reply: busy\n::add-mask::x\r::warning::pwned\n  \t::error::pwned\r\n::debug::y';
    const out = neutralizeWorkflowCommands(text);
    for (const line of out.split(/\r\n|\r|\n/)) expect(line.trimStart().startsWith('::')).toBe(false);
    expect(out).toBe('reply: busy\n%3A%3Aadd-mask::x\r%3A%3Awarning::pwned\n  \t%3A%3Aerror::pwned\r\n%3A%3Adebug::y');
    expect(neutralizeWorkflowCommands('::warning::at the start')).toBe('%3A%3Awarning::at the start');
  });

  it('escapes the legacy ##[command] form anywhere, and leaves other text as it is', () => {
    expect(neutralizeWorkflowCommands('see ##[add-mask]x here')).toBe('see ##%5Badd-mask]x here');
    expect(neutralizeWorkflowCommands('a::b and http://x and # heading')).toBe('a::b and http://x and # heading');
    expect(JSON.parse(neutralizeWorkflowCommandsInJson(JSON.stringify({ m: '##[warning]x' })))).toEqual({
      m: '##[warning]x',
    });
  });

  it('escapes a command after any .NET char.IsWhiteSpace character the runner trims (U+0085 and U+2028 too)', () => {
    // https://learn.microsoft.com/dotnet/api/system.char.iswhitespace, without the line ends \n and \r.
    const blanks =
      '\t\v\f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
    for (const ch of blanks) {
      expect(neutralizeWorkflowCommands(`abc\n${ch}::warning title=INJECTED::pwned`)).toBe(
        `abc\n${ch}%3A%3Awarning title=INJECTED::pwned`,
      );
      expect(neutralizeWorkflowCommands(`${ch}${ch}::stop-commands::x`)).toBe(`${ch}${ch}%3A%3Astop-commands::x`);
    }
  });

  it('runs in linear time on adversarial input', () => {
    const started = performance.now();
    neutralizeWorkflowCommands(`\n${' '.repeat(200_000)}x`.repeat(5));
    neutralizeWorkflowCommands('\n'.repeat(200_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
