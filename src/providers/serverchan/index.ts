import { deepMerge, isPlainObject } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import { renderBody, renderTitle } from '../../render/message.js';
import type { HttpReply, Verdict } from '../../transport/types.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import type { DeliveryPlan, ProviderAdapter, ProviderSettings } from '../types.js';
import { numberField, parseWebhookToken, refuseSecret, robotVerdict, summaryLine } from '../webhook.js';
import { SERVERCHAN_CODES } from './codes.js';
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';

const TURBO = descriptor.defaultEndpoint;
const SC3_KEY = /^sctp(\d+)t[A-Za-z0-9]+$/i;
const SENDKEY = /^(SCT[A-Za-z0-9]+|sctp\d+t[A-Za-z0-9]+)$/i;
const TOKEN_FORM = descriptor.credentials.token!.form;

export interface ServerchanSettings {
  sendKey: string;
  /** Turbo `https://sctapi.ftqq.com`, or SC3 `https://<n>.push.ft07.com`, after `endpoint`. */
  baseUrl: string;
  path: string;
  channel?: string;
  options: Record<string, unknown>;
}

/** Pulls the SendKey out of a pasted `…/{key}.send` or `…/send/{key}.send` URL. */
function keyFromUrl(url: URL): string | undefined {
  return /\/([A-Za-z0-9]+)\.send$/.exec(url.pathname)?.[1];
}

function interpret(reply: HttpReply): Verdict {
  return robotVerdict(
    reply,
    'ServerChan',
    (json) => {
      const code = numberField(json.code);
      // The refusal of a repeated message is `errno` 1024 (seen in ServerChan's replies: it documents few codes).
      // ServerChan's older reply shape puts `errno`/`errmsg` at the top level, with or without `code`: a non-zero
      // one is a refusal.
      const topErrno = numberField(json.errno);
      const topMessage = String(json.errmsg ?? json.message ?? '');
      if (code === undefined) return topErrno === undefined ? undefined : { code: topErrno, message: topMessage };
      if (code === 0 && topErrno) return { code: topErrno, message: topMessage };
      // Turbo nests the delivery's own errno in `data`; a non-zero one is a refusal too.
      const data = isPlainObject(json.data) ? json.data : {};
      const errno = numberField(data.errno);
      const message = String(json.message ?? json.info ?? data.error ?? '');
      return code === 0 && errno ? { code: errno, message: String(data.error ?? message) } : { code, message };
    },
    (code) => SERVERCHAN_CODES[code],
    (json) => {
      const data = isPlainObject(json.data) ? json.data : {};
      const id = data.pushid ?? data.pushId;
      return id === undefined ? undefined : String(id);
    },
  );
}

export const serverchan: ProviderAdapter<ServerchanSettings> = {
  ...descriptorFacts(descriptor),

  parse(settings: ProviderSettings): ServerchanSettings {
    const token = parseWebhookToken(settings.token, {
      provider: 'ServerChan',
      ownHost: (host) => host === 'sctapi.ftqq.com' || /^\d+\.push\.ft07\.com$/.test(host),
      keyFromUrl,
      bareKey: SENDKEY,
      expected: TOKEN_FORM,
      endpointSet: Boolean(settings.endpoint?.trim()),
    });
    refuseSecret(settings.secret, 'ServerChan');
    // Format (Markdown only) and target (none) are checked by core against the descriptor (checks.ts).
    const channel = settings.channel?.trim() || undefined;
    if (channel && !/^\d+(\|\d+)*$/.test(channel))
      throw new ConfigError(
        'channel',
        `'${channel}' is not a ServerChan channel list`,
        "channel numbers joined by '|', e.g. 9|66",
      );
    const sc3 = SC3_KEY.exec(token.key);
    if (token.host && sc3 && token.host !== `${sc3[1]}.push.ft07.com` && !settings.endpoint?.trim())
      throw new ConfigError('token', `the SendKey belongs to ${sc3[1]}.push.ft07.com, not ${token.host}`, TOKEN_FORM);
    const official = sc3 ? `https://${sc3[1]}.push.ft07.com` : TURBO;
    return {
      sendKey: token.key,
      baseUrl: resolveBaseUrl(official, settings.endpoint),
      path: sc3 ? `/send/${token.key}.send` : `/${token.key}.send`,
      channel,
      options: settings.options,
    };
  },

  plan(parsed, message, env): DeliveryPlan[] {
    env.secrets.add(parsed.sendKey);
    const limits = this.limits('markdown');
    const fields: Record<string, unknown> = {
      title: renderTitle(message, limits.title),
      desp: renderBody(message, 'markdown', limits.body),
      short: summaryLine(message.markdown, { max: 64, unit: 'chars' }),
    };
    if (parsed.channel) fields.channel = parsed.channel;
    const body = JSON.stringify(deepMerge(fields, parsed.options));
    const url = joinUrl(parsed.baseUrl, parsed.path);
    return [
      {
        target: 'sendkey',
        exchange: {
          label: 'ServerChan',
          build: () => ({ method: 'POST', url, headers: { 'content-type': 'application/json;charset=utf-8' }, body }),
          interpret,
          rateKey: `serverchan:${credentialFingerprint(parsed.sendKey)}`,
          rateLimit: this.rateLimit,
        },
      },
    ];
  },

  // Images by URL in the body, the rest named with a notice: loaded only when a message has media.
  media: async () =>
    (await import(/* webpackChunkName: "url-images" */ '../url-images.js')).urlImages<ServerchanSettings>(
      'ServerChan',
      () => 'markdown',
    ),
};
