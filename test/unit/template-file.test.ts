import { execFileSync } from 'node:child_process';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/model/errors.js';
import { MAX_TEMPLATE_BYTES, readWorkspaceTemplate } from '../../src/render/template-file.js';

async function workspace(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ci-notifier-ws-'));
  await writeFile(join(root, 'ok.md'), 'hello');
  return root;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('file: templates are read inside the workspace, by real path', () => {
  it('reads a file, and a link that stays inside', async () => {
    const root = await workspace();
    await symlink('ok.md', join(root, 'link.md'));
    expect(await readWorkspaceTemplate(root, 'ok.md')).toBe('hello');
    expect(await readWorkspaceTemplate(root, 'link.md')).toBe('hello');
  });

  it('refuses ../ and absolute paths, and symbolic links that lead out (/proc/self/environ, a file elsewhere)', async () => {
    const root = await workspace();
    const elsewhere = await workspace();
    await symlink('/proc/self/environ', join(root, 'environ.md'));
    await symlink(join(elsewhere, 'ok.md'), join(root, 'out.md'));
    await symlink(elsewhere, join(root, 'dir'));
    for (const path of ['../x.md', '/etc/passwd', 'environ.md', 'out.md', 'dir/ok.md']) {
      const error = await refusal(readWorkspaceTemplate(root, path));
      expect(error, path).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/outside the workspace/);
    }
  });

  it('refuses what is not a regular file (a FIFO never blocks the read) and a file over the size cap', async () => {
    const root = await workspace();
    execFileSync('mkfifo', [join(root, 'pipe.md')]);
    const started = Date.now();
    const fifo = await refusal(readWorkspaceTemplate(root, 'pipe.md'));
    expect(fifo).toBeInstanceOf(ConfigError);
    expect((fifo as Error).message).toMatch(/not a regular file/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await refusal(readWorkspaceTemplate(root, '.'))).toBeInstanceOf(ConfigError);
    await writeFile(join(root, 'big.md'), 'x'.repeat(MAX_TEMPLATE_BYTES + 1));
    expect((await refusal(readWorkspaceTemplate(root, 'big.md'))) as Error).toMatchObject({
      message: expect.stringMatching(/larger than 512 KiB/),
    });
    await writeFile(join(root, 'edge.md'), 'x'.repeat(MAX_TEMPLATE_BYTES));
    expect((await readWorkspaceTemplate(root, 'edge.md')).length).toBe(MAX_TEMPLATE_BYTES);
  });

  it('a missing file is an ENOENT error for the caller to explain', async () => {
    const root = await workspace();
    expect(await refusal(readWorkspaceTemplate(root, 'missing.md'))).toMatchObject({ code: 'ENOENT' });
  });
});
