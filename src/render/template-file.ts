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

const outside = (path: string, how: string) =>
  new ConfigError('template', `'${path}' is outside the workspace${how}`, 'a path inside the repository checkout');

/**
 * Reads a `file:` template inside `root` (the workspace). The check is on real paths: a symbolic link in the
 * checkout (`notify.md -> /proc/self/environ`, planted by a pull request that a `pull_request_target` workflow
 * checks out) is followed only to see where it leads, and refused when that is outside the workspace. Only a
 * regular file is read (never a FIFO, a device or a socket, which could block or stream without end), opened
 * without following a link swapped in meanwhile, and no more than MAX_TEMPLATE_BYTES of it.
 */
export async function readWorkspaceTemplate(root: string, path: string): Promise<string> {
  const workspace = await realpath(resolve(root));
  const full = resolve(workspace, path);
  if (!inside(workspace, full)) throw outside(path, '');
  // ENOENT and the like propagate: the caller explains a missing file.
  const real = await realpath(full);
  if (!inside(workspace, real)) throw outside(path, ' (it is a symbolic link that leads out of it)');
  // O_NONBLOCK: opening a FIFO must not wait for a writer before the type check below refuses it.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw new ConfigError(
        'template',
        `'${path}' is not a regular file`,
        'a template file in the repository checkout',
      );
    const buffer = Buffer.alloc(MAX_TEMPLATE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_TEMPLATE_BYTES)
        throw new ConfigError(
          'template',
          `'${path}' is larger than ${MAX_TEMPLATE_BYTES / 1024} KiB`,
          'a template file of a reasonable size',
        );
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}
