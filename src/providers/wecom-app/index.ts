import { deepMerge, isPlainObject, omitKeys } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import { renderBody, renderTitle, type Message } from '../../render/message.js';
import { escapeHtml } from '../../render/escape.js';
import { measure, truncateText } from '../../render/limits.js';
import { lex, toPlainText } from '../../render/markdown.js';
import { httpFailure, notJsonFailure } from '../../transport/transport.js';
import type { HttpReply, Verdict } from '../../transport/types.js';
import { AppToken, DRY_RUN_TOKEN, fetchAccessToken, reauthCodesOption } from '../app-channel.js';
import { explainCode } from '../codes.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import type {
  DeliveryPlan,
  PlanEnvironment,
  ProbeCheck,
  ProviderAdapter,
  ProviderSettings,
  RecipientResult,
} from '../types.js';
import { probeStep } from '../probe.js';
import { wecomPayload } from '../wecom/payload.js';
import { numberField } from '../webhook.js';
import {
  CREDENTIALS,
  DEFAULT_FORMAT,
  DEFAULT_REAUTH_CODES,
  DUPLICATE_WINDOW,
  LIMITS,
  MAX_PARTIES,
  MAX_TAGS,
  MAX_USERS,
  NAME,
  PATHS,
  RATE_LIMIT,
  WECOM_HOST,
  type WecomAppFormat,
} from './descriptor.js';
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';
import { CODES } from './codes.js';
import { parseRecipients, type WecomAppRecipients } from './targets.js';
export type { WecomAppRecipients } from './targets.js';

const CONSUMED = ['reauthCodes'] as const;

export interface WecomAppSettings {
  corpId: string;
  corpSecret: string;
  agentId: number;
  baseUrl: string;
  format: WecomAppFormat;
  recipients: WecomAppRecipients;
  reauthCodes: number[];
  options: Record<string, unknown>;
}

/** Request batches within the per-request recipient limits. */
function batches(recipients: WecomAppRecipients): { label: string; fields: Record<string, string> }[] {
  if (recipients.all) return [{ label: '@all', fields: { touser: '@all' } }];
  const chunk = (values: string[], size: number) =>
    Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));
  const users = chunk(recipients.users, MAX_USERS);
  const parties = chunk(recipients.parties, MAX_PARTIES);
  const tags = chunk(recipients.tags, MAX_TAGS);
  const count = Math.max(users.length, parties.length, tags.length);
  return Array.from({ length: count }, (_, i) => {
    const fields: Record<string, string> = {};
    const label: string[] = [];
    const add = (key: string, prefix: string, ids: string[] | undefined) => {
      if (!ids?.length) return;
      fields[key] = ids.join('|');
      label.push(ids.length <= 3 ? `${prefix}:${ids.join(',')}` : `${prefix}:${ids.length} ids`);
    };
    add('touser', 'user', users[i]);
    add('toparty', 'party', parties[i]);
    add('totag', 'tag', tags[i]);
    return { label: `${label.join(' ')}${count > 1 ? ` (batch ${i + 1}/${count})` : ''}`, fields };
  });
}

/** `textcard` description: the status line highlighted, then the summary, HTML-escaped, within 512 bytes. */
function textcardDescription(message: Message): string {
  const limits = LIMITS.textcard;
  const context = message.context;
  const where = [context.repository, context.branch ?? context.tag].filter(Boolean).join(' · ');
  const css = message.state === 'failure' || message.state === 'still-failing' ? 'highlight' : 'gray';
  const head = `<div class="${css}">${escapeHtml(where || renderTitle(message))}</div>`;
  const room = limits.body.max - measure(head, 'bytes') - measure('<div class="normal"></div>', 'bytes');
  // Escaping grows the text: cut the plain text until its escaped form fits.
  // The body's heading repeats the card title: the description starts below it.
  const tokens = lex(message.markdown);
  const rest = tokens[0]?.type === 'heading' && tokens.length > 1 ? tokens.slice(1) : tokens;
  let plain = toPlainText(rest.map((token) => token.raw).join('\n\n')).replace(/\n{2,}/g, '\n');
  let escaped = escapeHtml(plain);
  for (let max = room; measure(escaped, 'bytes') > room && max > 0; max -= 16) {
    plain = truncateText(plain, { max, unit: 'bytes' });
    escaped = escapeHtml(plain);
  }
  return escaped ? `${head}<div class="normal">${escaped}</div>` : head;
}

function content(format: WecomAppFormat, message: Message): Record<string, unknown> {
  const limits = LIMITS[format];
  switch (format) {
    case 'text': {
      const title = renderTitle(message, limits.title);
      const text = renderBody(message, 'text', {
        max: limits.body.max - measure(`${title}\n\n`, 'bytes'),
        unit: 'bytes',
      });
      return { msgtype: 'text', text: { content: text.includes(title) ? text : `${title}\n\n${text}` } };
    }
    case 'markdown':
      return { msgtype: 'markdown', markdown: { content: renderBody(message, 'wecom-markdown', limits.body) } };
    case 'card': {
      const card = wecomPayload('card', message, { all: false, users: [], mobiles: [] }, {});
      return { msgtype: 'template_card', template_card: card.template_card };
    }
    default: {
      if (!message.link)
        throw new ConfigError(
          'format',
          "'textcard' needs a link to open (the run URL is unknown)",
          "'markdown' or 'text'",
        );
      return {
        msgtype: 'textcard',
        textcard: {
          title: renderTitle(message, limits.title),
          description: textcardDescription(message),
          url: message.link,
          btntxt: '详情',
        },
      };
    }
  }
}

/** gettoken and send both answer `errcode`/`errmsg` in an HTTP 200 body. */
export function wecomAppVerdict(reply: HttpReply, reauthCodes: readonly number[]): Verdict {
  const body = isPlainObject(reply.json) ? reply.json : undefined;
  const code = numberField(body?.errcode);
  if (code === undefined) return httpFailure(reply) ?? notJsonFailure(reply);
  if (code === 0 && reply.status >= 200 && reply.status < 300) {
    const msgid = body?.msgid;
    return { ok: true, code, id: typeof msgid === 'string' && msgid ? msgid : undefined };
  }
  const text = typeof body?.errmsg === 'string' ? body.errmsg : '';
  return explainCode('WeCom', CODES, code, text, { status: reply.status, reauthCodes });
}

const REFUSED = [
  ['invaliduser', 'user', 'invalid user, or outside the app visibility'],
  ['invalidparty', 'party', 'invalid party, or outside the app visibility'],
  ['invalidtag', 'tag', 'invalid tag, or outside the app visibility'],
  ['unlicenseduser', 'user', 'no interface licence (in the visibility but not licensed)'],
] as const;

/** Partial acceptance: the message went out, and the recipients WeCom listed as refused are warnings. */
function recipientsOf(label: string): (reply: HttpReply) => RecipientResult[] {
  return (reply) => {
    const body = isPlainObject(reply.json) ? reply.json : {};
    const refused: RecipientResult[] = [];
    for (const [field, prefix, why] of REFUSED) {
      const raw = body[field];
      const ids = typeof raw === 'string' ? raw.split('|').filter(Boolean) : [];
      for (const id of ids)
        refused.push({ target: `${prefix}:${id}`, ok: false, warning: true, message: `${field}: ${why}` });
    }
    if (refused.length === 0) return [];
    const msgid = typeof body.msgid === 'string' ? body.msgid : undefined;
    return [
      { target: label, ok: true, id: msgid, message: `accepted; ${refused.length} recipient(s) refused` },
      ...refused,
    ];
  };
}

function accessToken(parsed: WecomAppSettings, env: PlanEnvironment): AppToken {
  return new AppToken(() =>
    fetchAccessToken(env, {
      label: 'WeCom access token',
      url: `${joinUrl(parsed.baseUrl, PATHS.token)}?corpid=${encodeURIComponent(parsed.corpId)}&corpsecret=${encodeURIComponent(parsed.corpSecret)}`,
      verdict: (reply) => wecomAppVerdict(reply, []),
      rateKey: `${NAME}-token:${credentialFingerprint(`${parsed.corpId}/${parsed.agentId}`)}`,
    }),
  );
}

/** A window that covers every retry of this run, so a repeated request is never delivered twice. */
function duplicateInterval(env: PlanEnvironment): number {
  const seconds = env.deadline ? Math.ceil((env.deadline - env.now()) / 1000) : DUPLICATE_WINDOW.min;
  return Math.min(DUPLICATE_WINDOW.max, Math.max(DUPLICATE_WINDOW.min, seconds));
}

/** One access token per parsed configuration (= per run), shared by the sends and the media uploads. */
const TOKENS = new WeakMap<WecomAppSettings, AppToken>();

export function tokenFor(parsed: WecomAppSettings, env: PlanEnvironment): AppToken {
  let token = TOKENS.get(parsed);
  if (!token) TOKENS.set(parsed, (token = accessToken(parsed, env)));
  return token;
}

/**
 * One send per recipient batch. `payload` is the message part (`msgtype` and its field), or a function that gives
 * it when the request is built (an uploaded `media_id`); `options` merge into the main message only.
 */
export function batchPlans(
  parsed: WecomAppSettings,
  env: PlanEnvironment,
  token: AppToken,
  payload: Record<string, unknown> | (() => Promise<Record<string, unknown>>),
  options: Record<string, unknown> = {},
  suffix = '',
): DeliveryPlan[] {
  const interval = duplicateInterval(env);
  return batches(parsed.recipients).map(({ label, fields }): DeliveryPlan => {
    let used: string | undefined;
    return {
      target: `${label}${suffix}`,
      idempotencyKey: `duplicate_check_interval=${interval}`,
      exchange: {
        label: `WeCom app ${label}${suffix}`,
        build: async () => {
          const part = typeof payload === 'function' ? await payload() : payload;
          const body = JSON.stringify(
            deepMerge(
              {
                ...fields,
                agentid: parsed.agentId,
                ...part,
                // The same request JSON within the window is not delivered again: a retry cannot message twice.
                enable_duplicate_check: 1,
                duplicate_check_interval: interval,
              },
              options,
            ),
          );
          used = env.dryRun ? DRY_RUN_TOKEN : await token.get();
          return {
            method: 'POST',
            // The token must travel in the URL (41001 otherwise).
            url: `${joinUrl(parsed.baseUrl, PATHS.send)}?access_token=${encodeURIComponent(used)}`,
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body,
          };
        },
        interpret: (reply) => wecomAppVerdict(reply, parsed.reauthCodes),
        onReauth: () => token.invalidate(used),
        idempotent: true,
        rateKey: `${NAME}:${credentialFingerprint(`${parsed.corpId}/${parsed.agentId}`)}`,
        rateLimit: RATE_LIMIT,
      },
      recipients: recipientsOf(label),
    };
  });
}

export const wecomApp: ProviderAdapter<WecomAppSettings> = {
  ...descriptorFacts(descriptor),
  idempotencyKey: 'enable_duplicate_check',

  /**
   * doctor: the access token, then the app itself (GET /cgi-bin/agent/get,
   * https://developer.work.weixin.qq.com/document/path/90227): it proves the secret belongs to this AgentId, that
   * the caller's IP is trusted (60020 otherwise) and shows who the app can reach.
   */
  async probe(parsed, env): Promise<ProbeCheck[]> {
    const token = accessToken(parsed, env);
    const checks = [await probeStep('token', undefined, async () => (await token.get(), 'access_token'))];
    if (!checks[0]!.ok) return checks;
    checks.push(
      await probeStep('app', String(parsed.agentId), async () => {
        const auth = await token.get();
        const outcome = await env.transport.exchange({
          label: `WeCom app ${parsed.agentId}`,
          build: () => ({
            method: 'GET',
            url: `${joinUrl(parsed.baseUrl, PATHS.agent)}?access_token=${encodeURIComponent(auth)}&agentid=${parsed.agentId}`,
            headers: {},
          }),
          interpret: (reply) => wecomAppVerdict(reply, []),
          idempotent: true,
        });
        const json = isPlainObject(outcome.reply.json) ? outcome.reply.json : {};
        const users =
          isPlainObject(json.allow_userinfos) && Array.isArray(json.allow_userinfos.user)
            ? json.allow_userinfos.user.length
            : 0;
        const parties =
          isPlainObject(json.allow_partys) && Array.isArray(json.allow_partys.partyid)
            ? json.allow_partys.partyid.length
            : 0;
        return `${typeof json.name === 'string' ? json.name : 'app'}: visible to ${users} user(s), ${parties} department(s)`;
      }),
    );
    return checks;
  },

  parse(settings: ProviderSettings): WecomAppSettings {
    // Required credentials, the format and a needed target are checked by core from the descriptor (checks.ts).
    const corpId = settings.token!.trim();
    if (/\s/.test(corpId)) throw new ConfigError('token', 'contains whitespace', CREDENTIALS.token);
    const corpSecret = settings.secret!.trim();
    const agent = settings.appId?.trim() ?? '';
    if (!/^\d{1,10}$/.test(agent))
      throw new ConfigError(
        'app-id',
        agent ? `'${agent}' is not an AgentId` : `is required for ${NAME}`,
        CREDENTIALS.appId,
      );
    const format = (settings.format || DEFAULT_FORMAT) as WecomAppFormat;
    return {
      corpId,
      corpSecret,
      agentId: Number(agent),
      baseUrl: resolveBaseUrl(WECOM_HOST, settings.endpoint),
      format,
      recipients: parseRecipients(settings.target),
      reauthCodes: reauthCodesOption(
        settings.options.reauthCodes,
        DEFAULT_REAUTH_CODES,
        (problem, expected) => new ConfigError('options.reauthCodes', problem, expected),
      ),
      options: omitKeys(settings.options, CONSUMED),
    };
  },

  plan(parsed, message, env): DeliveryPlan[] {
    env.secrets.add(parsed.corpSecret);
    return batchPlans(parsed, env, tokenFor(parsed, env), content(parsed.format, message), parsed.options);
  },

  // Images and files: media/upload, then image / file messages (their own code, loaded only for media).
  media: async () => (await import(/* webpackChunkName: "wecom-app-media" */ './media.js')).wecomAppMedia,
};
