import { isPlainObject } from '../../model/config.js';
import { ProviderError } from '../../model/errors.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import { httpFailure, notJsonFailure } from '../../transport/transport.js';
import type { HttpReply, Verdict } from '../../transport/types.js';
import { joinUrl } from '../endpoint.js';
import type { PlanEnvironment, TrackedState, TrackHandle } from '../types.js';

export interface PushplusTrackSettings {
  token: string;
  secretKey?: string;
  baseUrl: string;
}

const ENABLE_HINT =
  'enable the open API in the pushplus console (开放接口), and pass its secret key as `secret`; the message itself was accepted';

/** Access keys are valid for 7200 s: one per token and run is enough. */
const accessKeys = new Map<string, Promise<string>>();

function unsupported(message: string): ProviderError {
  return new ProviderError(message, { code: 'unsupported', hint: ENABLE_HINT });
}

function readAccessKey(reply: HttpReply): Verdict {
  if (reply.status === 401 || reply.status === 403)
    return {
      ok: false,
      code: reply.status,
      message: `the open API refused the token (HTTP ${reply.status})`,
      retry: 'never',
    };
  const body = reply.json;
  if (!isPlainObject(body)) return httpFailure(reply) ?? notJsonFailure(reply);
  const data = isPlainObject(body.data) ? body.data : undefined;
  if (Number(body.code) === 200 && typeof data?.accessKey === 'string') return { ok: true, id: data.accessKey };
  return {
    ok: false,
    code: Number(body.code),
    message: `getAccessKey answered code ${String(body.code)}: ${String(body.msg ?? '')}`,
    retry: Number(body.code) === 500 ? 'safe' : 'never',
  };
}

async function accessKey(settings: PushplusTrackSettings, env: PlanEnvironment): Promise<string> {
  if (!settings.secretKey) throw unsupported('pushplus delivery follow-up needs the open API secret key in `secret`');
  const cacheKey = credentialFingerprint(`${settings.baseUrl}\u0000${settings.token}\u0000${settings.secretKey}`);
  let pending = accessKeys.get(cacheKey);
  if (!pending) {
    pending = (async () => {
      try {
        const result = await env.transport.exchange({
          label: 'pushplus getAccessKey',
          build: () => ({
            method: 'POST',
            url: joinUrl(settings.baseUrl, '/api/common/openApi/getAccessKey'),
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ token: settings.token, secretKey: settings.secretKey }),
          }),
          interpret: readAccessKey,
          retries: 1,
        });
        const key = result.verdict.id ?? '';
        env.secrets.add(key);
        return key;
      } catch (error) {
        const code = (error as ProviderError).code;
        if (code === 401 || code === 403 || (typeof code === 'number' && code !== 500)) {
          throw unsupported(`the pushplus open API is not available for this account (${(error as Error).message})`);
        }
        throw error;
      }
    })();
    accessKeys.set(cacheKey, pending);
    pending.catch(() => accessKeys.delete(cacheKey));
  }
  return pending;
}

/** Send result by shortCode: 0 not sent and 1 sending are pending, 2 sent, 3 failed with errorMessage. */
export async function trackPushplus(
  settings: PushplusTrackSettings,
  handle: TrackHandle,
  env: PlanEnvironment,
): Promise<TrackedState> {
  if (!handle.id) return { state: 'failed', message: 'pushplus returned no shortCode to follow' };
  const key = await accessKey(settings, env);
  let status: number | undefined;
  let errorMessage: string | undefined;
  await env.transport.exchange({
    label: `pushplus sendMessageResult ${handle.target}`,
    build: () => ({
      method: 'GET',
      url: `${joinUrl(settings.baseUrl, '/api/open/message/sendMessageResult')}?shortCode=${encodeURIComponent(handle.id ?? '')}`,
      headers: { 'access-key': key },
    }),
    interpret: (reply) => {
      if (reply.status === 401 || reply.status === 403)
        return {
          ok: false,
          code: 'unsupported',
          message: `the open API refused the access key (HTTP ${reply.status})`,
          hint: ENABLE_HINT,
          retry: 'never',
        };
      const body = reply.json;
      if (!isPlainObject(body)) return httpFailure(reply) ?? notJsonFailure(reply);
      if (Number(body.code) !== 200)
        return {
          ok: false,
          code: Number(body.code),
          message: `sendMessageResult answered code ${String(body.code)}: ${String(body.msg ?? '')}`,
          retry: 'never',
        };
      const data = isPlainObject(body.data) ? body.data : {};
      status = Number(data.status);
      errorMessage = typeof data.errorMessage === 'string' && data.errorMessage ? data.errorMessage : undefined;
      return { ok: true };
    },
    retries: 1,
  });
  switch (status) {
    case 2:
      return { state: 'delivered', message: 'sent' };
    case 3:
      return { state: 'failed', message: errorMessage ?? 'pushplus reports the send failed' };
    case 0:
      return { state: 'pending', message: 'not sent yet' };
    default:
      return { state: 'pending', message: 'sending' };
  }
}
