/** Reads a multipart/form-data body (RFC 7578) the way the upload endpoints do: parts by field name. */
export interface FormPartRead {
  name: string;
  filename?: string;
  /** Every Content-Disposition parameter (WeCom reads `filelength`). */
  params: Record<string, string>;
  contentType?: string;
  data: Buffer;
}

export function parseMultipart(raw: Buffer, contentType: string | undefined): FormPartRead[] | undefined {
  const boundary = /boundary=([^;]+)/.exec(contentType ?? '')?.[1]?.trim();
  if (!contentType?.startsWith('multipart/form-data') || !boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPartRead[] = [];
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const from = start + delimiter.length;
    if (raw.subarray(from, from + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, from);
    if (next < 0) return undefined;
    const part = raw.subarray(from + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const params: Record<string, string> = {};
    let type: string | undefined;
    for (const line of head.split('\r\n')) {
      const [key, ...rest] = line.split(':');
      const value = rest.join(':').trim();
      if (key!.toLowerCase() === 'content-type') type = value;
      if (key!.toLowerCase() === 'content-disposition')
        for (const match of value.matchAll(/;\s*([\w-]+)=("([^"]*)"|[^;]*)/g))
          params[match[1]!] = match[3] ?? match[2]!;
    }
    parts.push({
      name: params.name ?? '',
      filename: params.filename,
      params,
      contentType: type,
      data: part.subarray(split + 4),
    });
    start = next;
  }
  return parts;
}
