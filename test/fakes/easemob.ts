import { randomBytes, randomUUID } from 'node:crypto';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';

export interface FakeEasemobOptions {
  org: string;
  app: string;
  clientId: string;
  clientSecret: string;
  /** Token lifetime the fake reports and enforces, in seconds. */
  expiresIn?: number;
  /** Users and groups that exist, for the read-only GETs doctor makes. */
  knownUsers?: string[];
  knownGroups?: string[];
  /** Messages the app may still send before 403 "message send reach limit". */
  quota?: number;
  /**
   * Easemob's message rates (https://doc.easemob.com/document/server-side/limitationapi.html): to groups 20 messages
   * a second, each group one message; to users 6000 messages a minute, each recipient one message. Past them the
   * fake answers 403 "message send reach limit", as the service does.
   */
  groupMessagesPerSecond?: number;
  userMessagesPerMinute?: number;
  /** Per-request override: return true when handled. */
  intercept?: (request: RecordedRequest, reply: (status: number, body: unknown) => void) => boolean;
}

export interface AcceptedMessage {
  kind: 'users' | 'chatgroups';
  token: string;
  body: Record<string, unknown>;
  ids: Record<string, string>;
}

interface StoredTemplate {
  name: string;
  title_pattern: string;
  content_pattern: string;
  createAt: number;
  updateAt: number;
}

const TYPES = new Set(['DEFAULT', 'ALL', 'AT', 'NONE']);

/**
 * Plays an Easemob app's REST host as Easemob's REST documents describe (离线推送设置, 创建离线推送模板,
 * 接口频率限制): client-credential app tokens with an expiry, the real 401 body for a missing, wrong or expired token, the recipient limits (600 users,
 * 3 groups), the 5 KB body+ext limit, push templates and per-user push settings, replies in the documented shapes.
 */
export function fakeEasemob(options: FakeEasemobOptions) {
  const tokens = new Map<string, number>();
  const issued: string[] = [];
  const accepted: AcceptedMessage[] = [];
  const templates = new Map<string, StoredTemplate>();
  const users = new Map<string, Record<string, unknown>>();
  const notifications = new Map<string, Record<string, unknown>>();
  const languages = new Map<string, string>();
  let quota = options.quota ?? Infinity;
  /** When each message (recipient) was accepted, per kind. */
  const sentAt: Record<'users' | 'chatgroups', number[]> = { users: [], chatgroups: [] };
  const rates = {
    users: { max: options.userMessagesPerMinute ?? 6000, perMs: 60_000 },
    chatgroups: { max: options.groupMessagesPerSecond ?? 20, perMs: 1000 },
  };
  let rateRefusals = 0;
  let tokenRequests = 0;
  const application = randomUUID();
  const prefix = `/${options.org}/${options.app}`;

  const envelope = (request: RecordedRequest, extra: Record<string, unknown>) => ({
    path: request.path.slice(prefix.length).split('/').slice(0, 2).join('/'),
    uri: `https://fake.easemob${request.path}`,
    timestamp: Date.now(),
    organization: options.org,
    application,
    action: request.method.toLowerCase(),
    duration: 1,
    applicationName: options.app,
    ...extra,
  });

  const server = new FakeServer((request, response) => {
    const reply = (status: number, body: unknown) => sendJson(response, status, body);
    const error = (status: number, error: string, description: string, exception = 'EasemobException') =>
      reply(status, { error, exception, timestamp: Date.now(), duration: 0, error_description: description });
    if (options.intercept?.(request, reply)) return;
    if (!request.path.startsWith(`${prefix}/`))
      return error(404, 'organization_application_not_found', `Could not find application for ${request.path}`);
    const rest = request.path.slice(prefix.length);
    const json = (request.json ?? {}) as Record<string, unknown>;

    if (rest === '/token' && request.method === 'POST') {
      tokenRequests += 1;
      if (json.grant_type !== 'client_credentials')
        return error(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
      if (json.client_id !== options.clientId || json.client_secret !== options.clientSecret)
        return error(400, 'invalid_grant', 'client_id or client_secret does not match', 'EasemobAuthException');
      const token = `YWMt${randomBytes(24).toString('base64url')}`;
      const expiresIn = typeof json.ttl === 'number' && json.ttl > 0 ? json.ttl : (options.expiresIn ?? 5_184_000);
      tokens.set(token, Date.now() + expiresIn * 1000);
      issued.push(token);
      return reply(200, { access_token: token, expires_in: expiresIn, application });
    }

    const auth = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''));
    const expiry = auth ? tokens.get(auth[1]!) : undefined;
    if (!auth || expiry === undefined || expiry <= Date.now())
      return error(401, 'unauthorized', 'Unable to authenticate (OAuth)', 'EasemobUnauthorizedException');
    const token = auth[1]!;

    // Read-only lookups (doctor): GET /users/{username}
    // (https://doc.easemob.com/document/server-side/account_system.html) and GET /chatgroups/{group_id}
    // (https://doc.easemob.com/document/server-side/group_manage.html); 404 service_resource_not_found otherwise.
    const lookup = /^\/(users|chatgroups)\/([^/]+)$/.exec(rest);
    if (lookup && request.method === 'GET') {
      const id = decodeURIComponent(lookup[2]!);
      const known = lookup[1] === 'users' ? (options.knownUsers ?? []) : (options.knownGroups ?? []);
      if (!known.includes(id) && !(lookup[1] === 'users' && users.has(id)))
        return error(
          404,
          'service_resource_not_found',
          `${lookup[1] === 'users' ? 'username' : 'group'} ${id} doesn't exist`,
        );
      return reply(200, envelope(request, { entities: [{ [lookup[1] === 'users' ? 'username' : 'groupid']: id }] }));
    }

    const send = /^\/messages\/(users|chatgroups)$/.exec(rest);
    if (send && request.method === 'POST') {
      const kind = send[1] as 'users' | 'chatgroups';
      const to = json.to;
      const max = kind === 'users' ? 600 : 3;
      if (!Array.isArray(to) || to.length === 0 || to.some((id) => typeof id !== 'string'))
        return error(400, 'invalid_parameter', 'to must be a non-empty list of ids', 'IllegalArgumentException');
      if (to.length > max)
        return error(400, 'invalid_parameter', `to can contain at most ${max} ids`, 'IllegalArgumentException');
      if (json.type !== 'txt' || typeof (json.body as Record<string, unknown> | undefined)?.msg !== 'string')
        return error(400, 'invalid_parameter', 'txt messages need body.msg', 'IllegalArgumentException');
      const size =
        Buffer.byteLength(JSON.stringify(json.body)) +
        (json.ext === undefined ? 0 : Buffer.byteLength(JSON.stringify(json.ext)));
      if (size > 5 * 1024)
        return error(
          413,
          'message_too_large',
          `message body and ext are ${size} bytes, more than 5 KB`,
          'MessageTooLargeException',
        );
      if (quota <= 0) return error(403, 'forbidden_op', 'message send reach limit', 'EasemobForbiddenOpException');
      const rate = rates[kind];
      const now = Date.now();
      const recent = sentAt[kind].filter((at) => at > now - rate.perMs);
      if (recent.length + to.length > rate.max) {
        rateRefusals += 1;
        return error(403, 'forbidden_op', 'message send reach limit', 'EasemobForbiddenOpException');
      }
      sentAt[kind] = [...recent, ...Array<number>(to.length).fill(now)];
      quota -= 1;
      const ids: Record<string, string> = {};
      for (const id of to as string[])
        ids[id] = String(BigInt(Date.now()) * 1000n + BigInt(accepted.length * 1000 + Object.keys(ids).length));
      accepted.push({ kind, token, body: json, ids });
      return reply(200, envelope(request, { data: ids }));
    }

    const template = /^\/notification\/template(?:\/([^/]+))?$/.exec(rest);
    if (template) {
      const name = template[1] ? decodeURIComponent(template[1]) : undefined;
      if (request.method === 'POST' && !name) {
        const { name: newName, title_pattern, content_pattern } = json;
        if (typeof newName !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(newName))
          return error(400, 'illegal_argument', 'template name is invalid', 'IllegalArgumentException');
        if (typeof title_pattern !== 'string' || typeof content_pattern !== 'string')
          return error(
            400,
            'illegal_argument',
            'title_pattern and content_pattern are required',
            'IllegalArgumentException',
          );
        if (templates.has(newName))
          return error(
            400,
            'duplicate_unique_property_exists',
            `template ${newName} already exists`,
            'DuplicateUniquePropertyExistsException',
          );
        const now = Date.now();
        const stored = { name: newName, createAt: now, updateAt: now, title_pattern, content_pattern };
        templates.set(newName, stored);
        return reply(200, envelope(request, { data: stored }));
      }
      if (name && (request.method === 'GET' || request.method === 'DELETE')) {
        const stored = templates.get(name);
        if (!stored) return error(404, 'resource_not_found', `template ${name} not found`, 'ResourceNotFoundException');
        if (request.method === 'DELETE') templates.delete(name);
        return reply(200, envelope(request, { data: stored }));
      }
      return error(405, 'method_not_allowed', `${request.method} not allowed`);
    }

    const language = /^\/users\/([^/]+)\/notification\/language$/.exec(rest);
    if (language) {
      const user = decodeURIComponent(language[1]!);
      if (request.method === 'PUT') {
        if (typeof json.translationLanguage !== 'string')
          return error(400, 'illegal_argument', 'translationLanguage is required', 'IllegalArgumentException');
        languages.set(user, json.translationLanguage);
      }
      return reply(200, envelope(request, { data: { language: languages.get(user) ?? '' } }));
    }

    const setting = /^\/users\/([^/]+)\/notification\/(user|chatgroup)\/([^/]+)$/.exec(rest);
    if (setting) {
      const key = `${decodeURIComponent(setting[1]!)}/${setting[2]}/${decodeURIComponent(setting[3]!)}`;
      const current = notifications.get(key) ?? { type: 'DEFAULT', ignoreInterval: '', ignoreDuration: 0 };
      if (request.method === 'PUT') {
        if (json.type !== undefined && !TYPES.has(String(json.type)))
          return error(400, 'illegal_argument', 'type is invalid', 'IllegalArgumentException');
        if (
          json.ignoreInterval !== undefined &&
          json.ignoreInterval !== '' &&
          !/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/.test(String(json.ignoreInterval))
        )
          return error(400, 'illegal_argument', 'ignoreInterval is invalid', 'IllegalArgumentException');
        const duration = json.ignoreDuration;
        if (duration !== undefined && (typeof duration !== 'number' || duration < 0 || duration > 604_800_000))
          return error(400, 'illegal_argument', 'ignoreDuration is invalid', 'IllegalArgumentException');
        if (json.type !== undefined) current.type = json.type;
        if (json.ignoreInterval !== undefined) current.ignoreInterval = json.ignoreInterval;
        // The reply carries the time the one-off do-not-disturb ends (the document's example), 0 when off.
        if (typeof duration === 'number') current.ignoreDuration = duration === 0 ? 0 : Date.now() + duration;
        notifications.set(key, current);
      }
      return reply(200, envelope(request, { data: current }));
    }

    const user = /^\/users\/([^/]+)$/.exec(rest);
    if (user && request.method === 'PUT') {
      const username = decodeURIComponent(user[1]!);
      const entity = users.get(username) ?? {
        uuid: randomUUID(),
        type: 'user',
        created: Date.now(),
        username,
        activated: true,
        notification_no_disturbing: false,
        notification_display_style: 0,
      };
      if (json.nickname !== undefined) {
        if (typeof json.nickname !== 'string' || [...json.nickname].length > 100)
          return error(400, 'illegal_argument', 'nickname is too long', 'IllegalArgumentException');
        entity.nickname = json.nickname;
      }
      if (json.notification_display_style !== undefined) {
        const style = Number(json.notification_display_style);
        if (style !== 0 && style !== 1)
          return error(400, 'illegal_argument', 'notification_display_style is invalid', 'IllegalArgumentException');
        entity.notification_display_style = style;
      }
      if (json.notification_no_disturbing !== undefined)
        entity.notification_no_disturbing = json.notification_no_disturbing === true;
      for (const field of ['notification_no_disturbing_start', 'notification_no_disturbing_end']) {
        if (json[field] === undefined) continue;
        const hour = Number(json[field]);
        if (!Number.isInteger(hour) || hour < 0 || hour > 23)
          return error(400, 'illegal_argument', `${field} is invalid`, 'IllegalArgumentException');
        entity[field] = hour;
      }
      entity.modified = Date.now();
      users.set(username, entity);
      return reply(200, envelope(request, { entities: [entity] }));
    }
    return error(404, 'resource_not_found', `no route for ${request.method} ${rest}`);
  });

  return Object.assign(server, {
    accepted,
    /** Every access token handed out. */
    issued,
    templates,
    users,
    notifications,
    languages,
    /** Every token issued so far stops working (as if its expires_in had passed). */
    expireTokens(): void {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    tokenRequests(): number {
      return tokenRequests;
    },
    /** Sends refused with 403 for exceeding the message rate. */
    rateRefusals(): number {
      return rateRefusals;
    },
    setQuota(value: number): void {
      quota = value;
    },
    /** Requests other than token fetches, in order. */
    apiRequests(): RecordedRequest[] {
      return server.requests.filter((request) => !request.path.endsWith('/token'));
    },
  });
}

export type FakeEasemob = ReturnType<typeof fakeEasemob>;
