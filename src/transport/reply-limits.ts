/**
 * Bounds on what a reply may cost. A provider's reply is a few hundred bytes of JSON; a server that streams an
 * endless body, or a small gzip bomb, would otherwise grow the process by gigabytes within the timeout.
 */

/** Most bytes of a reply body read, after any content decoding. */
export const MAX_REPLY_BYTES = 512 * 1024;

/** Deepest nesting of a reply kept as parsed JSON; deeper parts are cut (see core/json-walk.ts). */
export const MAX_REPLY_DEPTH = 64;

/** The reply body (or what it decodes to) is larger than {@link MAX_REPLY_BYTES}. */
export class ReplyTooLargeError extends Error {
  override readonly name = 'ReplyTooLargeError';

  constructor(
    readonly status: number,
    readonly limit = MAX_REPLY_BYTES,
  ) {
    super(`reply too large (more than ${Math.round(limit / 1024)} KiB)`);
  }
}

/** The declared Content-Length, when it is already past the limit (nothing then needs reading). */
export function declaredTooLarge(contentLength: string | null | undefined, limit = MAX_REPLY_BYTES): boolean {
  return contentLength !== null && contentLength !== undefined && /^\d+$/.test(contentLength.trim())
    ? Number(contentLength) > limit
    : false;
}

/**
 * Reads a fetch body to the end, at most `limit` bytes, decoded as UTF-8. Stops (and cancels the stream) when
 * the limit is passed or `signal` aborts; the abort is honoured here too, because a library caller's fetch may
 * ignore the signal once headers are in.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  status: number,
  signal: AbortSignal,
  limit = MAX_REPLY_BYTES,
): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const aborted = new Promise<never>((_resolve, reject) => {
    const fail = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  // Only ever raced: an abort after the body was read must not surface as an unhandled rejection.
  aborted.catch(() => {});
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw new ReplyTooLargeError(status, limit);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  return Buffer.concat(chunks).toString('utf8');
}
