import { createHash } from 'node:crypto';
import { deepMerge, isPlainObject, omitKeys } from '../../model/config.js';
import { ConfigError, ProviderError } from '../../model/errors.js';
import { credentialFingerprint, deliveryKey } from '../../model/idempotency.js';
import { renderTitle, type Message } from '../../render/message.js';
import { neutralizeMentions } from '../../render/escape.js';
import { httpFailure, notJsonFailure, parseRetryAfter } from '../../transport/transport.js';
import type { HttpReply, HttpRequest, Verdict } from '../../transport/types.js';
import { AppToken, DRY_RUN_TOKEN, reauthCodesOption } from '../app-channel.js';
import { explainCode } from '../codes.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import { cardContent, postContent, textContent } from '../feishu/payload.js';
import type {
  DeliveryPlan,
  PlanEnvironment,
  ProbeCheck,
  ProviderAdapter,
  ProviderSettings,
  TrackedState,
} from '../types.js';
import { PROBE_RECIPIENTS, probeStep } from '../probe.js';
import { fitJsonBody, numberField, type Mentions } from '../webhook.js';
import {
  CREDENTIALS,
  DEFAULT_FORMAT,
  DEFAULT_READ_PAGE_SIZE,
  DEFAULT_REAUTH_CODES,
  FEISHU_HOST,
  MAX_EDITS,
  NAME,
  PATHS,
  RATE_LIMIT,
  TARGET_FORM,
  UUID_LENGTH,
  type FeishuAppFormat,
} from './descriptor.js';
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';
import { CODES } from './codes.js';
import { parseTargets, type FeishuAppTarget } from './targets.js';
export type { FeishuAppTarget } from './targets.js';

/** Option keys the adapter reads itself; everything else merges into the message content. */
const CONSUMED = ['reauthCodes', 'readUsersPageSize'] as const;
const NO_MENTIONS: Mentions = { all: false, users: [], mobiles: [] };
const MESSAGE_ID = /^om_[\w-]+$/;
/** `uuid` may be up to 50 characters; the envelope reserves all of them. */
const MAX_UUID_CHARS = 50;

export interface FeishuAppSettings {
  appId: string;
  appSecret: string;
  baseUrl: string;
  format: FeishuAppFormat;
  targets: FeishuAppTarget[];
  updateMessage?: string;
  replyTo?: string;
  reauthCodes: number[];
  readPageSize: number;
  options: Record<string, unknown>;
}

function messageIdInput(input: string, value: string | undefined): string | undefined {
  const id = value?.trim();
  if (!id) return undefined;
  if (!MESSAGE_ID.test(id))
    throw new ConfigError(
      input,
      `'${id}' is not a Feishu message id`,
      "the message-id output of an earlier step ('om_…')",
    );
  return id;
}

/** The message content object for a format (serialized into the `content` string). */
function contentOf(
  format: FeishuAppFormat,
  title: string,
  markdown: string,
  message: Message,
  options: Record<string, unknown>,
): Record<string, unknown> {
  switch (format) {
    case 'text':
      return deepMerge(textContent(title, markdown, NO_MENTIONS), options);
    case 'post': {
      // IM v1 takes the language object at the top (`{"zh_cn":{"title","content"}}`, the official SDKs' MessagePost;
      // https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/im-v1/message/create_json). The
      // webhook robot's `{"post":{…}}` wrapper is refused with 230001 "message_content has wrong tag:{post}".
      const wrapped = postContent(title, markdown, NO_MENTIONS);
      return deepMerge(isPlainObject(wrapped.post) ? wrapped.post : {}, options);
    }
    default: {
      // Images the app uploaded for this message (media.ts) are inside the card under the text (cardContent).
      const card = deepMerge(cardContent(title, markdown, message, NO_MENTIONS), options);
      // A shared card, so a later step can replace it in place (PATCH needs update_multi before and after).
      card.config = { ...(isPlainObject(card.config) ? card.config : {}), update_multi: true };
      return card;
    }
  }
}

const MSG_TYPES: Record<FeishuAppFormat, string> = { card: 'interactive', post: 'post', text: 'text' };

/** What a refused edit (PUT) may have run into. */
const EDIT_RULES = (format: FeishuAppFormat) =>
  `only a ${format} message this app sent can be edited as ${format}, at most ${MAX_EDITS} times and within the ` +
  "edit window the tenant's administrator sets; a card is replaced with format: card";

/**
 * The largest request body this run wraps around `content`: a send (receive_id, msg_type, uuid), a thread reply
 * (msg_type, reply_in_thread, uuid), a PUT edit (msg_type) or a PATCH (content only). Measuring the message inside
 * it keeps every one of them within the limit.
 */
function envelopeOf(parsed: FeishuAppSettings, msgType: string): Record<string, unknown> {
  const longestId = parsed.targets.reduce((longest, target) => Math.max(longest, target.receiveId.length), 0);
  return {
    receive_id: 'x'.repeat(longestId),
    msg_type: msgType,
    reply_in_thread: true,
    uuid: 'x'.repeat(MAX_UUID_CHARS),
  };
}

/** The Feishu reply: `code` 0 is success, anything else a failure with its code, meaning and hint. */
export function feishuAppVerdict(
  reply: HttpReply,
  reauthCodes: readonly number[],
  id?: (data: Record<string, unknown>) => string | undefined,
): Verdict {
  const body = isPlainObject(reply.json) ? reply.json : undefined;
  const code = numberField(body?.code);
  if (code === undefined) return httpFailure(reply) ?? notJsonFailure(reply);
  const data = isPlainObject(body?.data) ? body.data : {};
  if (code === 0 && reply.status >= 200 && reply.status < 300) return { ok: true, code, id: id?.(data) };
  const text = typeof body?.msg === 'string' ? body.msg : '';
  // Throttled replies say when the window resets (seconds).
  const reset = parseRetryAfter(reply.headers.get('x-ogw-ratelimit-reset'), Date.now());
  const failure = explainCode('Feishu', CODES, code, text, { status: reply.status, reauthCodes, retryAfterMs: reset });
  // 99991672 names the missing scope in error.permission_violations.
  const error = isPlainObject(body?.error) ? body.error : undefined;
  const violations = Array.isArray(error?.permission_violations) ? error.permission_violations : [];
  const scopes = violations
    .map((item) => (isPlainObject(item) && typeof item.subject === 'string' ? item.subject : undefined))
    .filter(Boolean);
  if (scopes.length) failure.hint = `grant the app the scope ${scopes.join(' or ')} and publish a new version`;
  return failure;
}

/** The tenant access token of this run. */
export function tenantToken(parsed: FeishuAppSettings, env: PlanEnvironment): AppToken {
  return new AppToken(async () => {
    const outcome = await env.transport.exchange({
      label: 'Feishu tenant access token',
      build: () => ({
        method: 'POST',
        url: joinUrl(parsed.baseUrl, PATHS.token),
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ app_id: parsed.appId, app_secret: parsed.appSecret }),
      }),
      interpret: (reply) => {
        const verdict = feishuAppVerdict(reply, []);
        if (!verdict.ok) return verdict;
        const token = (reply.json as Record<string, unknown>).tenant_access_token;
        if (typeof token !== 'string' || !token)
          return { ok: false, message: 'the token reply has no tenant_access_token', retry: 'never' };
        // Registered the moment it arrives, before anything could log the reply.
        env.secrets.add(token);
        return { ok: true };
      },
      rateKey: `${NAME}-token:${credentialFingerprint(parsed.appId)}`,
    });
    const token = (outcome.reply.json as Record<string, unknown>).tenant_access_token;
    if (typeof token !== 'string') throw new ProviderError('Feishu tenant access token: the reply has no token');
    return token;
  });
}

/** `uuid`: the same for every attempt of this delivery (run, attempt, job, target, content), ≤ 50 characters. */
function uuidFor(message: Message, what: string, content: string): string {
  const digest = createHash('sha256').update(content).digest('hex');
  return `cin-${deliveryKey(message.context, NAME, `${what}\u0000${digest}`, UUID_LENGTH)}`;
}

/** Builds one authorized exchange; a rejected token is replaced once. */
export function authorized(
  parsed: FeishuAppSettings,
  env: PlanEnvironment,
  token: AppToken,
  label: string,
  request: (auth: string) => HttpRequest,
  id: (data: Record<string, unknown>) => string | undefined,
  idempotent: boolean,
): DeliveryPlan['exchange'] {
  let used: string | undefined;
  return {
    label: `Feishu app ${label}`,
    build: async () => {
      used = env.dryRun ? DRY_RUN_TOKEN : await token.get();
      return request(used);
    },
    interpret: (reply) => feishuAppVerdict(reply, parsed.reauthCodes, id),
    onReauth: () => token.invalidate(used),
    idempotent,
    rateKey: `${NAME}:${credentialFingerprint(parsed.appId)}`,
    rateLimit: RATE_LIMIT,
  };
}

export const headers = (auth: string) => ({
  authorization: `Bearer ${auth}`,
  'content-type': 'application/json; charset=utf-8',
});
export const messageIdOf = (data: Record<string, unknown>) =>
  typeof data.message_id === 'string' ? data.message_id : undefined;

export const feishuApp: ProviderAdapter<FeishuAppSettings> & {
  tokens: WeakMap<object, AppToken>;
  sent: WeakMap<object, Map<string, string>>;
} = {
  ...descriptorFacts(descriptor),
  idempotencyKey: 'uuid',
  updatesMessages: true,
  repliesInThread: true,
  /** One tenant token per parsed configuration (= per run), shared by the sends and the follow-up. */
  tokens: new WeakMap(),
  /** The message_id of each target's message in this run, so files can follow in its thread (media.ts). */
  sent: new WeakMap(),

  // Images and files: their own code, loaded only when a message has media.
  media: async () => (await import(/* webpackChunkName: "feishu-app-media" */ './media.js')).feishuAppMedia,

  parse(settings: ProviderSettings): FeishuAppSettings {
    // Required credentials, the format and a needed target are checked by core from the descriptor (checks.ts).
    const appId = settings.token!.trim();
    if (/\s/.test(appId)) throw new ConfigError('token', 'contains whitespace', CREDENTIALS.token);
    const appSecret = settings.secret!.trim();
    const format = (settings.format || DEFAULT_FORMAT) as FeishuAppFormat;
    const updateMessage = messageIdInput('update-message', settings.updateMessage);
    const replyTo = messageIdInput('reply-to', settings.replyTo);
    if (updateMessage && replyTo)
      throw new ConfigError('reply-to', 'cannot be combined with update-message', 'one of update-message or reply-to');
    const targets = parseTargets(settings.target);
    if (!updateMessage && !replyTo && targets.length === 0)
      throw new ConfigError('target', `is required for ${NAME}`, TARGET_FORM);
    const options = settings.options;
    const readPageSize = options.readUsersPageSize ?? DEFAULT_READ_PAGE_SIZE;
    if (typeof readPageSize !== 'number' || !Number.isInteger(readPageSize) || readPageSize < 1)
      throw new ConfigError(
        'options.readUsersPageSize',
        `${String(readPageSize)} is not a page size`,
        'a whole number from 1',
      );
    return {
      appId,
      appSecret,
      baseUrl: resolveBaseUrl(FEISHU_HOST, settings.endpoint),
      format,
      targets,
      updateMessage,
      replyTo,
      reauthCodes: reauthCodesOption(
        options.reauthCodes,
        DEFAULT_REAUTH_CODES,
        (problem, expected) => new ConfigError('options.reauthCodes', problem, expected),
      ),
      readPageSize,
      options: omitKeys(options, CONSUMED),
    };
  },

  plan(parsed, message, env): DeliveryPlan[] {
    env.secrets.add(parsed.appSecret);
    // The media code may have fetched the token already for its uploads.
    const token = this.tokens.get(parsed) ?? tenantToken(parsed, env);
    this.tokens.set(parsed, token);
    const limits = this.limits(parsed.format);
    const title = neutralizeMentions(renderTitle(message, limits.title));
    const msgType = MSG_TYPES[parsed.format];
    // The limit applies to the request body as sent, where `content` is a JSON string whose every `"` and `\` is
    // escaped again: the message is fitted inside the largest body this run sends around it.
    const envelope = envelopeOf(parsed, msgType);
    const fitted = fitJsonBody(message, limits.body, (markdown) => ({
      ...envelope,
      content: JSON.stringify(contentOf(parsed.format, title, markdown, message, parsed.options)),
    }));
    const content = String(fitted.content);
    const url = (path: string) => joinUrl(parsed.baseUrl, path);

    if (parsed.updateMessage && parsed.format !== 'card') {
      // Text and post messages are edited with PUT (at most 20 edits, by the app that sent them, within the
      // tenant's edit window): https://open.feishu.cn/document/server-docs/im-v1/message/update
      const id = parsed.updateMessage;
      const exchange = authorized(
        parsed,
        env,
        token,
        `edit ${id}`,
        (auth) => ({
          method: 'PUT',
          url: url(PATHS.message(id)),
          headers: headers(auth),
          body: JSON.stringify({ msg_type: msgType, content }),
        }),
        () => id,
        true,
      );
      const interpret = exchange.interpret;
      return [
        {
          target: `update:${id}`,
          exchange: {
            ...exchange,
            interpret: (reply): Verdict => {
              const verdict = interpret(reply);
              if (verdict.ok || verdict.retry !== 'never' || verdict.hint?.includes('scope')) return verdict;
              return { ...verdict, hint: [verdict.hint, EDIT_RULES(parsed.format)].filter(Boolean).join('; ') };
            },
          },
        },
      ];
    }
    if (parsed.updateMessage) {
      const id = parsed.updateMessage;
      return [
        {
          target: `update:${id}`,
          exchange: authorized(
            parsed,
            env,
            token,
            `update ${id}`,
            (auth) => ({
              method: 'PATCH',
              url: url(PATHS.message(id)),
              headers: headers(auth),
              body: JSON.stringify({ content }),
            }),
            // The PATCH reply has an empty data: the message keeps its id.
            () => id,
            // Replacing a card with the same content twice changes nothing.
            true,
          ),
        },
      ];
    }
    if (parsed.replyTo) {
      const id = parsed.replyTo;
      const uuid = uuidFor(message, `reply\u0000${id}`, content);
      const body = JSON.stringify({ content, msg_type: msgType, reply_in_thread: true, uuid });
      return [
        {
          target: `reply:${id}`,
          idempotencyKey: uuid,
          exchange: authorized(
            parsed,
            env,
            token,
            `reply to ${id}`,
            (auth) => ({ method: 'POST', url: url(PATHS.reply(id)), headers: headers(auth), body }),
            messageIdOf,
            true,
          ),
        },
      ];
    }
    const sent = this.sent.get(parsed) ?? new Map<string, string>();
    this.sent.set(parsed, sent);
    return parsed.targets.map((target) => {
      const uuid = uuidFor(message, `send\u0000${target.label}`, content);
      const body = JSON.stringify({ receive_id: target.receiveId, msg_type: msgType, content, uuid });
      const query = `?receive_id_type=${encodeURIComponent(target.receiveIdType)}`;
      const exchange = authorized(
        parsed,
        env,
        token,
        target.label,
        (auth) => ({ method: 'POST', url: `${url(PATHS.send)}${query}`, headers: headers(auth), body }),
        messageIdOf,
        true,
      );
      const interpret = exchange.interpret;
      return {
        target: target.label,
        idempotencyKey: uuid,
        exchange: {
          ...exchange,
          interpret: (reply): Verdict => {
            const verdict = interpret(reply);
            if (verdict.ok && verdict.id) sent.set(target.label, verdict.id);
            return verdict;
          },
        },
      };
    });
  },

  /**
   * doctor: the tenant token, then for each chat whether the bot is in it (GET …/members/is_in_chat, scopes
   * im:chat:readonly or im:chat.members:read; https://open.feishu.cn/document/server-docs/group/chat-member/is_in_chat).
   * Users are not looked up: that needs contact scopes a sender does not (230013 says it at send time).
   */
  async probe(parsed, env): Promise<ProbeCheck[]> {
    const token = tenantToken(parsed, env);
    const checks = [await probeStep('token', undefined, async () => (await token.get(), 'tenant_access_token'))];
    if (!checks[0]!.ok) return checks;
    for (const target of parsed.targets.filter((item) => item.receiveIdType === 'chat_id').slice(0, PROBE_RECIPIENTS)) {
      checks.push(
        await probeStep('bot-in-chat', target.receiveId, async () => {
          const outcome = await env.transport.exchange(
            authorized(
              parsed,
              env,
              token,
              `is the bot in ${target.receiveId}`,
              (auth) => ({
                method: 'GET',
                url: joinUrl(parsed.baseUrl, PATHS.isInChat(target.receiveId)),
                headers: headers(auth),
              }),
              () => undefined,
              true,
            ),
          );
          const data = isPlainObject(outcome.reply.json) ? outcome.reply.json.data : undefined;
          if (isPlainObject(data) && data.is_in_chat === true) return 'is_in_chat: true';
          throw new ProviderError('the app bot is not in this chat', {
            code: 230002,
            hint: CODES[230002]?.hint,
          });
        }),
      );
    }
    return checks;
  },

  /**
   * Feishu has no delivery receipt: an accepted message is delivered. Who has read it is reported where the
   * read-users API allows it (messages this bot sent, at most 7 days old, bot still in the chat).
   */
  async track(parsed, handle, env): Promise<TrackedState> {
    const id = handle.id;
    if (!id) return { state: 'delivered' };
    const token = this.tokens.get(parsed) ?? tenantToken(parsed, env);
    try {
      const query = `?user_id_type=open_id&page_size=${parsed.readPageSize}`;
      const outcome = await env.transport.exchange(
        authorized(
          parsed,
          env,
          token,
          `read users of ${id}`,
          (auth) => ({
            method: 'GET',
            url: `${joinUrl(parsed.baseUrl, PATHS.readUsers(id))}${query}`,
            headers: headers(auth),
          }),
          () => undefined,
          true,
        ),
      );
      const data =
        isPlainObject(outcome.reply.json) && isPlainObject(outcome.reply.json.data) ? outcome.reply.json.data : {};
      const items = Array.isArray(data.items) ? data.items : [];
      const readers = items
        .map((item) => (isPlainObject(item) && typeof item.user_id === 'string' ? item.user_id : undefined))
        .filter((user): user is string => Boolean(user));
      const more = data.has_more === true ? '+' : '';
      return {
        state: 'delivered',
        message: readers.length ? `read by ${readers.length}${more}: ${readers.join(', ')}` : 'read by nobody yet',
      };
    } catch (error) {
      // Read receipts are extra: the message was accepted, so it is delivered either way.
      const reason = error instanceof ProviderError ? `${error.code ?? ''} ${error.message}`.trim() : String(error);
      return { state: 'delivered', message: `read receipts unavailable (${env.secrets.redact(reason)})` };
    }
  },
};
