import { ProviderError } from '../../model/errors.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import type { Transport } from '../../transport/transport.js';
import type { Verdict } from '../../transport/types.js';
import { AppToken } from '../app-channel.js';
import { joinUrl } from '../endpoint.js';
import { easemobBody } from './errors.js';

/**
 * `ttl: 0` asks Easemob for an app token that never expires (https://doc.easemob.com/product/easemob_app_token.html:
 * "若设置为 0,则 token 永久有效"). The token is an admin credential of the whole app, fetched once per run and
 * never needed after it: a token that outlives the run only widens what a leak (a log, a proxy) gives away, so
 * 0 is refused rather than passed on, and the expected form says what to use instead.
 */
export const TOKEN_TTL_FORM =
  'whole seconds, at least 1 (a few minutes cover a run; leave it out for the console default; 0, a token that never expires, is refused)';

export interface TokenSessionOptions {
  /** `{endpoint}/{org}/{app}`. */
  appUrl: string;
  clientId: string;
  clientSecret: string;
  transport: Transport;
  /** Token lifetime to ask for, in seconds (the `ttl` field); the server default otherwise. */
  ttl?: number;
}

/**
 * The app token of one run: the caching of AppToken (fetched on first use, shared by concurrent callers, replaced at
 * most once per rejected token; Easemob can ban apps that request tokens too often), with Easemob's token request.
 */
export class TokenSession extends AppToken {
  constructor(options: TokenSessionOptions) {
    super(() => fetchEasemobToken(options));
  }
}

async function fetchEasemobToken(options: TokenSessionOptions): Promise<string> {
  const { transport, clientId, clientSecret, ttl } = options;
  const body = JSON.stringify({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
    ...(ttl !== undefined ? { ttl } : {}),
  });
  const outcome = await transport.exchange({
    label: 'easemob app token',
    build: () => ({
      method: 'POST',
      url: joinUrl(options.appUrl, '/token'),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
    }),
    interpret: (reply): Verdict => {
      const read = easemobBody(reply, { reauth: false });
      if (!read.ok) return read;
      const token = read.body.access_token;
      if (typeof token !== 'string' || !token)
        return { ok: false, code: reply.status, message: 'the token reply has no access_token', retry: 'never' };
      // Registered the moment it arrives, before anything could log the reply.
      transport.secrets.add(token);
      return { ok: true };
    },
    rateKey: `easemob-token:${credentialFingerprint(clientId)}`,
  });
  const token = (outcome.reply.json as Record<string, unknown>).access_token;
  if (typeof token !== 'string') throw new ProviderError('easemob app token: the reply has no access_token');
  return token;
}
