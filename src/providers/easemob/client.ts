import { isPlainObject } from '../../model/config.js';
import { ConfigError, ProviderError } from '../../model/errors.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import { MASK, SecretRegistry } from '../../model/secrets.js';
import type { RateLimit } from '../../transport/rate-limit.js';
import { Transport, type ExchangeSpec } from '../../transport/transport.js';
import { silentLogger, type HttpReply, type HttpRequest, type Verdict } from '../../transport/types.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import { easemobBody } from './errors.js';
import { TOKEN_TTL_FORM, TokenSession } from './token.js';
import {
  checkGroupId,
  checkHour,
  checkIgnoreDuration,
  checkIgnoreInterval,
  checkPushType,
  checkTemplate,
  checkTemplateName,
  checkUsername,
  parseAppKey,
  type PushTemplate,
  type PushType,
} from './validation.js';

export interface EasemobClientOptions {
  /** The app's REST host, e.g. https://a1.easemob.com (required: Easemob assigns it per app). */
  endpoint: string;
  /** App key `org_name#app_name`. */
  appKey: string;
  clientId: string;
  clientSecret: string;
  /** The run's transport (timeouts, retries, rate limits, secrets). Built from the fields below when omitted. */
  transport?: Transport;
  /** Without `transport`: where fetched tokens are registered for redaction. */
  secrets?: SecretRegistry;
  /** Without `transport`: per-request timeout (default 10 s) and retries (default 3). */
  timeoutMs?: number;
  retries?: number;
  /** `ttl` asked for with the app token, in seconds. */
  tokenTtl?: number;
  /** Builds requests with a placeholder token and never fetches one (dry-run). */
  dryRun?: boolean;
}

/** A user as returned by `PUT /users/{username}` (`entities[0]`). */
export interface EasemobUserEntity {
  uuid?: string;
  type?: string;
  created?: number;
  modified?: number;
  username?: string;
  activated?: boolean;
  nickname?: string;
  notification_display_style?: number;
  notification_no_disturbing?: boolean;
  notification_no_disturbing_start?: number;
  notification_no_disturbing_end?: number;
  notifier_name?: string;
  [field: string]: unknown;
}

export interface PushSettings {
  type?: PushType;
  /** `HH:MM-HH:MM`, '' to clear; app-wide only. */
  ignoreInterval?: string;
  /** Milliseconds 0-604800000, one-off. */
  ignoreDuration?: number;
}

/** A single chat (`user` + peer id) or a group chat (`chatgroup` + group id); omitted means app-wide. */
export interface Conversation {
  chatType: 'user' | 'chatgroup';
  key: string;
}

export interface PushTemplateRecord extends PushTemplate {
  createAt?: number;
  updateAt?: number;
  [field: string]: unknown;
}

export type EnsureOutcome = 'created' | 'replaced' | 'unchanged';

/**
 * Template management allows 10 calls/s per app key (创建离线推送模板,
 * https://doc.easemob.com/document/server-side/push_template_create.html).
 */
const TEMPLATE_RATE: RateLimit = { requests: 10, perMs: 1000 };
const USERS_RATE: RateLimit = { requests: 100, perMs: 1000 };

/**
 * Typed Easemob REST client for the offline-push operations of Easemob's 离线推送设置 document
 * (https://doc.easemob.com/document/server-side/push.html) and its push-template pages (创建离线推送模板,
 * https://doc.easemob.com/document/server-side/push_template_create.html), sharing one app token per instance.
 * Every method validates its arguments first and rejects with a ConfigError naming the bad one, before any request.
 */
export class EasemobClient {
  readonly appUrl: string;
  readonly session: TokenSession;
  private readonly transport: Transport;
  private readonly dryRun: boolean;
  private readonly fingerprint: string;

  constructor(options: EasemobClientOptions) {
    if (!options.endpoint?.trim())
      throw new ConfigError(
        'endpoint',
        'is required for easemob',
        "the app's REST host from the Easemob console, e.g. https://a1.easemob.com",
      );
    const { org, app } = parseAppKey(options.appKey, 'appKey');
    if (!options.clientId?.trim()) throw new ConfigError('clientId', 'is required', 'the app Client ID');
    if (!options.clientSecret?.trim()) throw new ConfigError('clientSecret', 'is required', 'the app Client Secret');
    if (options.tokenTtl !== undefined && (!Number.isInteger(options.tokenTtl) || options.tokenTtl < 1))
      throw new ConfigError(
        'tokenTtl',
        options.tokenTtl === 0
          ? '0 asks Easemob for an app token that never expires'
          : `${options.tokenTtl} is not a lifetime`,
        TOKEN_TTL_FORM,
      );
    const transport =
      options.transport ??
      new Transport({
        timeoutMs: options.timeoutMs ?? 10_000,
        retries: options.retries ?? 3,
        // A long-lived client has no run deadline; each request still has its timeout.
        deadline: Number.POSITIVE_INFINITY,
        secrets: options.secrets ?? new SecretRegistry(),
        logger: silentLogger,
      });
    transport.secrets.add(options.clientSecret);
    const base = resolveBaseUrl('https://a1.easemob.com', options.endpoint);
    this.appUrl = joinUrl(base, `/${org}/${app}`);
    this.transport = transport;
    this.dryRun = options.dryRun ?? false;
    this.fingerprint = credentialFingerprint(`${options.appKey}\n${options.clientId}`);
    this.session = new TokenSession({
      appUrl: this.appUrl,
      clientId: options.clientId.trim(),
      clientSecret: options.clientSecret.trim(),
      transport,
      ttl: options.tokenTtl,
    });
  }

  /**
   * An exchange carrying the app token: fetched lazily in build() (so dry-runs and plans never fetch one),
   * dropped and fetched again once when Easemob answers 401.
   */
  exchange(request: {
    label: string;
    method: HttpRequest['method'];
    path: string;
    body?: string;
    interpret: (reply: HttpReply) => Verdict;
    rateKey: string;
    rateLimit?: RateLimit;
    rateWeight?: number;
  }): ExchangeSpec {
    let used: string | undefined;
    const url = joinUrl(this.appUrl, request.path);
    return {
      label: request.label,
      build: async () => {
        const token = this.dryRun ? MASK : await this.session.get();
        used = token;
        // The 离线推送设置 document lists `Content-Type: application/json` as required even for the bodiless GET/DELETE calls
        // (get push language, get and delete push template): sent on every request.
        const headers: Record<string, string> = {
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        };
        return { method: request.method, url, headers, body: request.body };
      },
      interpret: request.interpret,
      onReauth: () => this.session.invalidate(used),
      rateKey: `easemob:${request.rateKey}:${this.fingerprint}`,
      rateLimit: request.rateLimit,
      ...(request.rateWeight !== undefined ? { rateWeight: request.rateWeight } : {}),
    };
  }

  private async call(
    label: string,
    method: HttpRequest['method'],
    path: string,
    body: Record<string, unknown> | undefined,
    rate: { key: string; limit: RateLimit },
  ): Promise<Record<string, unknown>> {
    const outcome = await this.transport.exchange(
      this.exchange({
        label: `easemob ${label}`,
        method,
        path,
        body: body === undefined ? undefined : JSON.stringify(body),
        interpret: (reply) => {
          const read = easemobBody(reply);
          return read.ok ? { ok: true, code: reply.status } : read;
        },
        rateKey: rate.key,
        rateLimit: rate.limit,
      }),
    );
    return outcome.reply.json as Record<string, unknown>;
  }

  private async putUser(username: string, body: Record<string, unknown>, label: string): Promise<EasemobUserEntity> {
    const id = checkUsername(username);
    const reply = await this.call(label, 'PUT', `/users/${encodeURIComponent(id)}`, body, {
      key: 'users',
      limit: USERS_RATE,
    });
    const entities = reply.entities;
    const entity = Array.isArray(entities) ? entities[0] : undefined;
    return isPlainObject(entity) ? (entity as EasemobUserEntity) : {};
  }

  /** Nickname shown in offline push notifications (at most 100 characters). */
  async setPushNickname(username: string, nickname: string): Promise<EasemobUserEntity> {
    checkUsername(username);
    if (typeof nickname !== 'string') throw new ConfigError('nickname', 'must be a string', 'at most 100 characters');
    if ([...nickname].length > 100)
      throw new ConfigError('nickname', `is ${[...nickname].length} characters long`, 'at most 100 characters');
    return this.putUser(username, { nickname }, 'set push nickname');
  }

  /** 0: only "you have a new message"; 1: the message's content. */
  async setNotificationDisplayStyle(username: string, style: 0 | 1): Promise<EasemobUserEntity> {
    checkUsername(username);
    if (style !== 0 && style !== 1)
      throw new ConfigError(
        'style',
        `${String(style)} is not a display style`,
        '0 (only "you have a new message") or 1 (show the message content)',
      );
    return this.putUser(username, { notification_display_style: style }, 'set notification display style');
  }

  /** Legacy daily do-not-disturb window in whole hours; start = end means all day, end < start spans midnight. */
  async setDoNotDisturb(username: string, start: number, end: number): Promise<EasemobUserEntity> {
    checkUsername(username);
    checkHour(start, 'start');
    checkHour(end, 'end');
    // The 离线推送设置 document types the hours as strings and sends them quoted.
    return this.putUser(
      username,
      {
        notification_no_disturbing: true,
        notification_no_disturbing_start: String(start),
        notification_no_disturbing_end: String(end),
      },
      'set do-not-disturb',
    );
  }

  async clearDoNotDisturb(username: string): Promise<EasemobUserEntity> {
    checkUsername(username);
    return this.putUser(username, { notification_no_disturbing: false }, 'clear do-not-disturb');
  }

  private notificationPath(username: string, conversation: Conversation | undefined): string {
    const id = checkUsername(username);
    // App-wide settings are chattype `user` with the user's own id (离线推送设置 document).
    if (!conversation) return `/users/${encodeURIComponent(id)}/notification/user/${encodeURIComponent(id)}`;
    if (conversation.chatType !== 'user' && conversation.chatType !== 'chatgroup')
      throw new ConfigError(
        'chatType',
        `'${String(conversation.chatType)}' is not a chat type`,
        "'user' or 'chatgroup'",
      );
    const key =
      conversation.chatType === 'user' ? checkUsername(conversation.key, 'key') : checkGroupId(conversation.key, 'key');
    return `/users/${encodeURIComponent(id)}/notification/${conversation.chatType}/${encodeURIComponent(key)}`;
  }

  private isAppWide(username: string, conversation: Conversation | undefined): boolean {
    return !conversation || (conversation.chatType === 'user' && conversation.key.trim() === username.trim());
  }

  /** App-wide (no conversation) or one chat's push mode and do-not-disturb. Returns `data`. */
  async setPushSettings(username: string, settings: PushSettings, conversation?: Conversation): Promise<PushSettings> {
    const path = this.notificationPath(username, conversation);
    if (!isPlainObject(settings))
      throw new ConfigError('settings', 'must be an object', '{ type, ignoreInterval, ignoreDuration }');
    const body: Record<string, unknown> = {};
    if (settings.type !== undefined) body.type = checkPushType(settings.type);
    if (settings.ignoreInterval !== undefined) {
      body.ignoreInterval = checkIgnoreInterval(settings.ignoreInterval);
      if (body.ignoreInterval !== '' && !this.isAppWide(username, conversation))
        throw new ConfigError(
          'ignoreInterval',
          'only applies to the app-wide setting, not to one chat',
          'no conversation (app-wide), or ignoreDuration for a chat',
        );
    }
    if (settings.ignoreDuration !== undefined) body.ignoreDuration = checkIgnoreDuration(settings.ignoreDuration);
    if (Object.keys(body).length === 0)
      throw new ConfigError('settings', 'sets nothing', 'at least one of type, ignoreInterval, ignoreDuration');
    const reply = await this.call('set push settings', 'PUT', path, body, { key: 'users', limit: USERS_RATE });
    return dataOf(reply) as PushSettings;
  }

  async getPushSettings(username: string, conversation?: Conversation): Promise<PushSettings> {
    const path = this.notificationPath(username, conversation);
    const reply = await this.call('get push settings', 'GET', path, undefined, { key: 'users', limit: USERS_RATE });
    return dataOf(reply) as PushSettings;
  }

  /** Preferred push language code; '' means push the original text untranslated. */
  async setPushLanguage(username: string, language: string): Promise<{ language?: string }> {
    const id = checkUsername(username);
    if (typeof language !== 'string' || !/^[A-Za-z0-9_-]{0,35}$/.test(language))
      throw new ConfigError(
        'language',
        `'${String(language)}' is not a language code`,
        "a code such as 'EU' or 'zh', or '' for none",
      );
    const reply = await this.call(
      'set push language',
      'PUT',
      `/users/${encodeURIComponent(id)}/notification/language`,
      { translationLanguage: language },
      { key: 'users', limit: USERS_RATE },
    );
    return dataOf(reply) as { language?: string };
  }

  async getPushLanguage(username: string): Promise<{ language?: string }> {
    const id = checkUsername(username);
    const reply = await this.call(
      'get push language',
      'GET',
      `/users/${encodeURIComponent(id)}/notification/language`,
      undefined,
      { key: 'users', limit: USERS_RATE },
    );
    return dataOf(reply) as { language?: string };
  }

  async createPushTemplate(template: PushTemplate): Promise<PushTemplateRecord> {
    const checked = checkTemplate(template);
    const reply = await this.call(
      'create push template',
      'POST',
      '/notification/template',
      { name: checked.name, title_pattern: checked.title_pattern, content_pattern: checked.content_pattern },
      { key: 'template', limit: TEMPLATE_RATE },
    );
    return dataOf(reply) as PushTemplateRecord;
  }

  /** The template, or undefined when Easemob has none of that name. */
  async getPushTemplate(name: string): Promise<PushTemplateRecord | undefined> {
    const checked = checkTemplateName(name);
    try {
      const reply = await this.call(
        'get push template',
        'GET',
        `/notification/template/${encodeURIComponent(checked)}`,
        undefined,
        { key: 'template', limit: TEMPLATE_RATE },
      );
      const data = reply.data;
      return isPlainObject(data) && typeof data.name === 'string' ? (data as PushTemplateRecord) : undefined;
    } catch (error) {
      // 404 is the documented "not found"; some deployments answer 400 "template not exist" instead.
      if (
        error instanceof ProviderError &&
        (error.httpStatus === 404 || (error.httpStatus === 400 && /not (exist|found)/i.test(error.message)))
      )
        return undefined;
      throw error;
    }
  }

  async deletePushTemplate(name: string): Promise<PushTemplateRecord> {
    const checked = checkTemplateName(name);
    const reply = await this.call(
      'delete push template',
      'DELETE',
      `/notification/template/${encodeURIComponent(checked)}`,
      undefined,
      { key: 'template', limit: TEMPLATE_RATE },
    );
    return dataOf(reply) as PushTemplateRecord;
  }

  /**
   * Makes the named template exist with exactly these patterns: created when missing; when it differs, deleted and
   * created again (Easemob's REST documentation has no update call for templates).
   */
  async ensurePushTemplate(template: PushTemplate): Promise<{ outcome: EnsureOutcome; template: PushTemplateRecord }> {
    const checked = checkTemplate(template);
    const wanted = {
      name: checked.name,
      title_pattern: checked.title_pattern,
      content_pattern: checked.content_pattern,
    };
    const existing = await this.getPushTemplate(checked.name);
    if (
      existing &&
      existing.title_pattern === wanted.title_pattern &&
      existing.content_pattern === wanted.content_pattern
    )
      return { outcome: 'unchanged', template: existing };
    if (existing) await this.deletePushTemplate(checked.name);
    const created = await this.createPushTemplate(wanted);
    return { outcome: existing ? 'replaced' : 'created', template: created };
  }
}

function dataOf(reply: Record<string, unknown>): Record<string, unknown> {
  return isPlainObject(reply.data) ? reply.data : {};
}
