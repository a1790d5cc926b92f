/**
 * The action writes stdout with write(2) on fd 1 (writeAll), not through process.stdout. What reaches the runner
 * must still be every byte, in order, whatever the pipe does.
 */
import { spawnSync } from 'node:child_process';
import type { writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeAll } from '../../src/action/runner.js';
import { DIST, ROOT } from '../helpers/run-action.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A write(2) stand-in that takes at most `chunk` bytes per call and fails as `failures` says, in turn. */
function fakeWrite(chunk: number, failures: (string | undefined)[] = []) {
  const written: Buffer[] = [];
  const write = ((fd: number, data: Buffer) => {
    expect(fd).toBe(1);
    const failure = failures.shift();
    if (failure) throw errno(failure);
    const part = data.subarray(0, chunk);
    written.push(Buffer.from(part));
    return part.length;
  }) as unknown as typeof writeSync;
  return { write, bytes: () => Buffer.concat(written), text: () => Buffer.concat(written).toString('utf8') };
}

describe('writeAll (the action stdout)', () => {
  const text = '::add-mask::秘密 value\n'.repeat(50);

  it('continues partial writes until every byte is written, in order (multi-byte characters included)', () => {
    const fake = fakeWrite(7);
    writeAll(1, text, fake.write);
    expect(fake.text()).toBe(text);
  });

  it('waits out EAGAIN (a full non-blocking pipe) and then writes the rest', () => {
    const fake = fakeWrite(64, [undefined, 'EAGAIN', 'EAGAIN', undefined]);
    writeAll(1, text, fake.write);
    expect(fake.text()).toBe(text);
  });

  it('stops quietly on EPIPE (the reader is gone) and throws any other error', () => {
    const gone = fakeWrite(64, [undefined, 'EPIPE']);
    expect(() => writeAll(1, text, gone.write)).not.toThrow();
    expect(gone.bytes()).toEqual(Buffer.from(text).subarray(0, 64));
    expect(() => writeAll(1, text, fakeWrite(64, ['EBADF']).write)).toThrow('EBADF');
  });

  it('node dist/index.js writes its commands to a pipe without ever creating process.stdout', () => {
    // A probe loaded before the action reports, at exit, whether anything touched process.stdout.
    const probe =
      "import { writeSync } from 'node:fs'; let touched = false;" +
      "const d = Object.getOwnPropertyDescriptor(process, 'stdout');" +
      "Object.defineProperty(process, 'stdout', { configurable: true, get() { touched = true; return d.get.call(process); } });" +
      "process.on('exit', () => writeSync(2, touched ? 'STDOUT-TOUCHED' : 'STDOUT-UNTOUCHED'));";
    const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, DIST], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        GITHUB_EVENT_NAME: 'push',
        INPUT_PROVIDER: 'pushplus',
        INPUT_TOKEN: '0123456789abcdef0123456789abcdef',
        'INPUT_DRY-RUN': 'true',
        INPUT_STATUS: 'failure',
        INPUT_SUMMARY: 'false',
      },
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('::add-mask::0123456789abcdef0123456789abcdef\n');
    expect(run.stdout).toContain('Dry run: 1 request(s) would be sent');
    expect(run.stderr).toContain('STDOUT-UNTOUCHED');
  });
});
