import { createHmac } from 'node:crypto';

/**
 * Alibaba Cloud RPC signature V1 (HMAC-SHA1), as the official SDKs compute it. Written here so the runtime
 * bundle carries no Alibaba SDK; test/unit/mpaas.signature.test.ts checks it byte for byte against
 * `@alicloud/pop-core`.
 */

/** RFC 3986 percent-encoding: encodeURIComponent plus the five characters it leaves alone. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Byte-order comparison of UTF-8 keys (all keys are ASCII in practice, where this equals code-unit order). */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** `k=v&k=v` with encoded keys and values, sorted by key: both the thing signed and the form body. */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort(byteOrder)
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key]!)}`)
    .join('&');
}

export function stringToSign(method: 'GET' | 'POST', params: Readonly<Record<string, string>>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function signRpc(
  method: 'GET' | 'POST',
  params: Readonly<Record<string, string>>,
  accessKeySecret: string,
): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params), 'utf8').digest('base64');
}

/** `YYYY-MM-DDThh:mm:ssZ` in UTC, without milliseconds (the gateway rejects other forms). */
export function rpcTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface CommonParams {
  action: string;
  version: string;
  accessKeyId: string;
  nonce: string;
  timestamp: string;
}

/** The API's own parameters plus the common ones, ready to sign. Common parameters win over `options`. */
export function withCommonParams(
  params: Readonly<Record<string, string>>,
  common: CommonParams,
): Record<string, string> {
  return {
    ...params,
    Action: common.action,
    Format: 'JSON',
    Version: common.version,
    AccessKeyId: common.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: common.nonce,
    Timestamp: common.timestamp,
  };
}

/** The form body as sent: the canonical query plus `Signature`, signed over exactly these parameters. */
export function signedForm(
  params: Readonly<Record<string, string>>,
  accessKeySecret: string,
): {
  body: string;
  signature: string;
} {
  const signature = signRpc('POST', params, accessKeySecret);
  return { body: `${canonicalQuery(params)}&Signature=${percentEncode(signature)}`, signature };
}
