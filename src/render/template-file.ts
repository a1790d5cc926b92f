import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../model/errors.js';

/** A template is a page of text; anything bigger is not one (and is never read whole into memory). */
export const MAX_TEMPLATE_BYTES = 512 * 1024;

function inside(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest === '' || (!rest.startsWith(`..${sep}`) && rest !== '..' && !isAbsolute(rest));
}

const outside = (input: string, path: string, how: string) =>
  new ConfigError(input, `'${path}' is outside the workspace${how}`, 'a path inside the repository checkout');

/** How one workspace input is read: the input named in errors, its size cap and what it should be. */
export interface WorkspaceRead {
  input: string;
  maxBytes: number;
  /** "a template file", "a PNG or JPEG image": the expected form in errors. */
  expected: string;
}

/**
 * Reads a file inside `root` (the workspace). The check is on real paths: a symbolic link in the checkout
 * (`notify.md -> /proc/self/environ`, planted by a pull request that a `pull_request_target` workflow checks out)
 * is followed only to see where it leads, and refused when that is outside the workspace. Only a regular file is
 * read (never a FIFO, a device or a socket, which could block or stream without end), opened without following a
 * link swapped in meanwhile; its size is checked before reading and no more than `maxBytes` of it is ever read.
 */
export async function readWorkspaceBytes(root: string, path: string, how: WorkspaceRead): Promise<Buffer> {
  const workspace = await realpath(resolve(root));
  const full = resolve(workspace, path);
  if (!inside(workspace, full)) throw outside(how.input, path, '');
  // ENOENT and the like propagate: the caller explains a missing file.
  const real = await realpath(full);
  if (!inside(workspace, real)) throw outside(how.input, path, ' (it is a symbolic link that leads out of it)');
  // O_NONBLOCK: opening a FIFO must not wait for a writer before the type check below refuses it.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  const tooLarge = () =>
    new ConfigError(
      how.input,
      `'${path}' is larger than ${sizeText(how.maxBytes)}`,
      `${how.expected} of at most that size`,
    );
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ConfigError(how.input, `'${path}' is not a regular file`, how.expected);
    if (stat.size > how.maxBytes) throw tooLarge();
    const buffer = Buffer.alloc(how.maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      // A file that grew after the size check.
      if (length > how.maxBytes) throw tooLarge();
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KiB`;
}

/** Reads a `file:` template inside `root` (the workspace), with readWorkspaceBytes' checks. */
export async function readWorkspaceTemplate(root: string, path: string): Promise<string> {
  const bytes = await readWorkspaceBytes(root, path, {
    input: 'template',
    maxBytes: MAX_TEMPLATE_BYTES,
    expected: 'a template file in the repository checkout',
  });
  return bytes.toString('utf8');
}
