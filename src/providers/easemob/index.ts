import { deepMerge, isPlainObject, omitKeys } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { renderBody, type Message } from '../../render/message.js';
import { measure } from '../../render/limits.js';
import type { RateLimit } from '../../transport/rate-limit.js';
import type { HttpReply, Verdict } from '../../transport/types.js';
import { resolveBaseUrl } from '../endpoint.js';
import type { DeliveryPlan, ProbeCheck, ProviderAdapter, ProviderSettings, RecipientResult } from '../types.js';
import { PROBE_RECIPIENTS, probeStep } from '../probe.js';
import { EasemobClient } from './client.js';
import { easemobBody, isMessageRateLimit } from './errors.js';
import { parseEnsureTemplate, parsePushTemplate, pushExt, type EnsureTemplate, type PushTemplateUse } from './push.js';
import { TOKEN_TTL_FORM } from './token.js';
import { checkUsername, parseAppKey } from './validation.js';
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';
import { parseTargets, type EasemobTarget } from './targets.js';
export type { EasemobTarget } from './targets.js';

export { EasemobClient } from './client.js';

/** Recipients per request (https://doc.easemob.com/document/server-side/limitationapi.html): 600 users, 3 groups. */
export const USERS_PER_REQUEST = 600;
export const GROUPS_PER_REQUEST = 3;
/** body + ext at most 5 KB. A small margin absorbs how a server counts the JSON around them. */
export { MESSAGE_BYTES } from './descriptor.js';

/**
 * Easemob counts messages, not calls (https://doc.easemob.com/document/server-side/limitationapi.html and
 * https://doc.easemob.com/document/server-side/message_group.html): to users 6000 messages a minute, a call to 600
 * users counting 600 (and 100 calls a second, which 6000 a minute keeps far from for full batches); to groups
 * 20 messages a second, each group one message (the 8th call of 3 groups within a second gets 403 "message send
 * reach limit"), and 20 calls a second. Each request weighs as many units as it has recipients.
 */
const USERS_RATE: RateLimit = descriptor.rateLimit;
const GROUPS_RATE: RateLimit = { requests: 20, perMs: 1000 };

/** Option keys the adapter reads itself; everything else merges into the message body. */
const CONSUMED = ['pushTemplate', 'ensureTemplate', 'tokenTtl'] as const;

export interface EasemobSettings {
  endpoint: string;
  appKey: string;
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  targets: EasemobTarget[];
  pushTemplate?: PushTemplateUse;
  ensureTemplate?: EnsureTemplate;
  tokenTtl?: number;
  options: Record<string, unknown>;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function bytesOf(value: unknown): number {
  return value === undefined ? 0 : measure(JSON.stringify(value), 'bytes');
}

/**
 * The message part of the request: the text body fitted so that the serialized `body` and `ext` together stay
 * within 5 KB (JSON escaping grows the text, so the fit is measured on the JSON, not on the text).
 */
function fitMessage(
  message: Message,
  ext: Record<string, unknown>,
  options: Record<string, unknown>,
): (to: string[]) => Record<string, unknown> {
  const budget = descriptor.limits('txt').body.max;
  const compose = (msg: string, to: string[]) =>
    deepMerge({ from: 'admin', to, type: 'txt', body: { msg }, ext }, options);
  let limit = budget - bytesOf(compose('', []).ext) - 32;
  let msg = '';
  for (let round = 0; round < 8; round += 1) {
    if (limit <= 0)
      throw new ConfigError(
        'options',
        'ext leaves no room for the message within 5 KB',
        'a smaller options.ext (body and ext together at most 5 KB)',
      );
    msg = renderBody(message, 'text', { max: limit, unit: 'bytes' });
    const draft = compose(msg, []);
    const size = bytesOf(draft.body) + bytesOf(draft.ext);
    if (size <= budget) break;
    limit -= size - budget + 16;
  }
  return (to) => compose(msg, to);
}

/**
 * 403 "message send reach limit" is the per-second (groups) or per-minute (users) message limit: the window it
 * counts in has passed by then, so the retry waits one window (and fails at once when the deadline comes first).
 */
function interpretSend(reply: HttpReply, rate: RateLimit): Verdict {
  const read = easemobBody(reply);
  if (!read.ok) return isMessageRateLimit(reply) ? { ...read, retry: 'safe', retryAfterMs: rate.perMs } : read;
  const data = read.body.data;
  if (!isPlainObject(data))
    return {
      ok: false,
      code: reply.status,
      message: 'Easemob accepted the request but returned no message ids',
      retry: 'never',
    };
  const first = Object.values(data).find((value) => typeof value === 'string');
  return { ok: true, code: reply.status, id: typeof first === 'string' ? first : undefined };
}

function recipientsOf(target: EasemobTarget): (reply: HttpReply) => RecipientResult[] {
  const prefix = target.kind === 'users' ? 'user' : 'group';
  return (reply) => {
    const data = isPlainObject(reply.json) && isPlainObject(reply.json.data) ? reply.json.data : {};
    const ids = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]));
    return target.ids.map((id) => {
      const msgId = ids.get(id.toLowerCase());
      return typeof msgId === 'string' && msgId
        ? { target: `${prefix}:${id}`, ok: true, id: msgId }
        : { target: `${prefix}:${id}`, ok: false, message: 'no message id for this recipient in the reply' };
    });
  };
}

function labelOf(target: EasemobTarget, batch: string[], index: number, count: number): string {
  const prefix = target.kind === 'users' ? 'user' : 'group';
  const who = batch.length <= 3 ? `${prefix}:${batch.join(',')}` : `${prefix}:${batch.length} recipients`;
  return count > 1 ? `${who} (batch ${index + 1}/${count})` : who;
}

export const easemob: ProviderAdapter<EasemobSettings> = {
  ...descriptorFacts(descriptor),
  rateLimit: USERS_RATE,

  parse(settings: ProviderSettings): EasemobSettings {
    const endpoint = settings.endpoint?.trim();
    if (!endpoint)
      throw new ConfigError(
        'endpoint',
        'is required for easemob',
        "the app's REST host from the Easemob console, e.g. https://a1.easemob.com",
      );
    const baseUrl = resolveBaseUrl(this.defaultEndpoint, endpoint);
    const appKey = settings.appId?.trim() ?? '';
    parseAppKey(appKey, 'app-id');
    // Required credentials, format ('txt') and a target are checked by core against the descriptor (checks.ts).
    const clientId = settings.token!.trim();
    const clientSecret = settings.secret!.trim();
    const options = settings.options;
    if (options.from !== undefined) checkUsername(options.from, 'options.from');
    if (options.ext !== undefined && !isPlainObject(options.ext))
      throw new ConfigError('options.ext', 'must be an object', 'a mapping merged into the message ext');
    const tokenTtl = options.tokenTtl;
    if (tokenTtl !== undefined && (typeof tokenTtl !== 'number' || !Number.isInteger(tokenTtl) || tokenTtl < 1))
      throw new ConfigError(
        'options.tokenTtl',
        tokenTtl === 0 ? '0 asks Easemob for an app token that never expires' : `${String(tokenTtl)} is not a lifetime`,
        TOKEN_TTL_FORM,
      );
    const ensureTemplate = parseEnsureTemplate(options.ensureTemplate);
    return {
      endpoint,
      appKey,
      clientId,
      clientSecret,
      baseUrl,
      targets: parseTargets(settings.target),
      ensureTemplate,
      pushTemplate: parsePushTemplate(options.pushTemplate, ensureTemplate),
      tokenTtl: tokenTtl as number | undefined,
      options: omitKeys(options, CONSUMED),
    };
  },

  /**
   * doctor: the app token (client credentials), then each user or group (at most 5) with a read-only GET
   * (https://doc.easemob.com/document/server-side/account_system.html, …/group_manage.html).
   */
  async probe(parsed, env): Promise<ProbeCheck[]> {
    const client = new EasemobClient({
      endpoint: parsed.endpoint,
      appKey: parsed.appKey,
      clientId: parsed.clientId,
      clientSecret: parsed.clientSecret,
      transport: env.transport,
      tokenTtl: parsed.tokenTtl,
    });
    const checks = [await probeStep('token', undefined, async () => (await client.session.get(), 'app token'))];
    if (!checks[0]!.ok) return checks;
    const subjects = parsed.targets
      .flatMap((target) => target.ids.map((id) => ({ kind: target.kind, id })))
      .slice(0, PROBE_RECIPIENTS);
    for (const { kind, id } of subjects) {
      checks.push(
        await probeStep(kind === 'users' ? 'user' : 'group', id, async () => {
          await env.transport.exchange(
            client.exchange({
              label: `easemob ${kind === 'users' ? 'user' : 'group'} ${id}`,
              method: 'GET',
              path: `/${kind}/${encodeURIComponent(id)}`,
              interpret: (reply) => {
                const read = easemobBody(reply);
                return read.ok ? { ok: true, code: reply.status } : read;
              },
              rateKey: kind,
            }),
          );
          return undefined;
        }),
      );
    }
    return checks;
  },

  async plan(parsed, message, env): Promise<DeliveryPlan[]> {
    const client = new EasemobClient({
      endpoint: parsed.endpoint,
      appKey: parsed.appKey,
      clientId: parsed.clientId,
      clientSecret: parsed.clientSecret,
      transport: env.transport,
      tokenTtl: parsed.tokenTtl,
      dryRun: env.dryRun,
    });
    const ext = await pushExt(message, parsed.pushTemplate);
    const compose = fitMessage(message, ext, parsed.options);

    // The template is made right once, before the first message goes out; every delivery waits on it.
    let ensured: Promise<unknown> | undefined;
    const template = parsed.ensureTemplate;
    if (template && env.dryRun) env.logger.info(`easemob: would ensure push template '${template.name}'`);
    const ready = (): Promise<unknown> => {
      if (!template || env.dryRun) return Promise.resolve();
      ensured ??= client
        .ensurePushTemplate({
          name: template.name,
          title_pattern: template.title_pattern,
          content_pattern: template.content_pattern,
        })
        .then(({ outcome }) => env.logger.info(`easemob: push template '${template.name}' ${outcome}`));
      return ensured;
    };

    return parsed.targets.flatMap((target) => {
      const batches = chunk(target.ids, target.kind === 'users' ? USERS_PER_REQUEST : GROUPS_PER_REQUEST);
      return batches.map((batch, index): DeliveryPlan => {
        const label = labelOf(target, batch, index, batches.length);
        const body = JSON.stringify(compose(batch));
        const exchange = client.exchange({
          label: `easemob ${label}`,
          method: 'POST',
          path: `/messages/${target.kind}`,
          body,
          interpret: (reply) => interpretSend(reply, target.kind === 'users' ? USERS_RATE : GROUPS_RATE),
          rateKey: target.kind,
          rateLimit: target.kind === 'users' ? USERS_RATE : GROUPS_RATE,
          rateWeight: batch.length,
        });
        const build = exchange.build;
        return {
          target: label,
          exchange: {
            ...exchange,
            build: async (attempt) => {
              await ready();
              return build(attempt);
            },
          },
          recipients: recipientsOf({ kind: target.kind, ids: batch }),
        };
      });
    });
  },
};
