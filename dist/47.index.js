export const id = 47;
export const ids = [47];
export const modules = {

/***/ 1672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ credentialFingerprint),
/* harmony export */   u: () => (/* binding */ deliveryKey)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A key that is the same for every attempt at the same delivery and different for every other one:
 * run id, run attempt, provider and target. A re-run of the job (a new attempt) is a new notification.
 */
function deliveryKey(context, provider, target, length = 32) {
    const material = [
        context.ci,
        context.repository ?? '',
        context.runId ?? '',
        context.runAttempt ?? '1',
        context.job ?? '',
        provider,
        target,
    ].join('\u0000');
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(material).digest('hex').slice(0, length);
}
/** A short stable fingerprint of a credential, for rate-limit buckets (never the credential itself). */
function credentialFingerprint(value) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(value ?? '')
        .digest('hex')
        .slice(0, 12);
}


/***/ }),

/***/ 5759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MQ: () => (/* binding */ DRY_RUN_TOKEN),
/* harmony export */   QO: () => (/* binding */ fetchAccessToken),
/* harmony export */   fX: () => (/* binding */ reauthCodesOption),
/* harmony export */   r$: () => (/* binding */ AppToken)
/* harmony export */ });
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7206);

/**
 * Plumbing shared by the application channels (feishu-app, wecom-app, dingtalk-app).
 */
/**
 * The run-time access token of an application channel (Feishu tenant token, WeCom and DingTalk access tokens):
 * fetched on first use, shared by every request of the run (concurrent callers wait on the same fetch), and
 * replaced at most once per token the service rejected. The services throttle or ban callers that fetch tokens
 * often, so a failed fetch is remembered rather than repeated by each delivery. Easemob's TokenSession is this
 * cache too; the fetch itself is the provider's.
 */
class AppToken {
    fetchToken;
    current;
    fetches = 0;
    constructor(fetchToken) {
        this.fetchToken = fetchToken;
    }
    /** How many token requests this run made (tests and logs). */
    get fetchCount() {
        return this.fetches;
    }
    get() {
        this.current ??= this.fetch();
        return this.current;
    }
    /** Drops `rejected` so the next `get()` fetches again; a no-op when another caller already replaced it. */
    async invalidate(rejected) {
        const promise = this.current;
        if (!promise)
            return;
        const held = await promise.catch(() => undefined);
        if (held !== undefined && held === rejected && this.current === promise)
            this.current = undefined;
    }
    fetch() {
        this.fetches += 1;
        return this.fetchToken();
    }
}
/** Placeholder shown in dry-run requests: a dry run never fetches a token. */
const DRY_RUN_TOKEN = 'dry-run-access-token';
/** Reads `options.reauthCodes` (codes that mean "fetch a new token and retry once"), or the channel's default. */
function reauthCodesOption(value, fallback, configError) {
    if (value === undefined)
        return [...fallback];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'number' && Number.isInteger(item)))
        throw configError('must be a list of numeric error codes', `e.g. [${fallback.join(', ')}]`);
    return value;
}

/**
 * Fetches an app access token from a GET endpoint whose reply carries `access_token` (WeCom's and DingTalk's
 * `gettoken`): the service's own verdict first, then the token, masked as soon as it exists.
 */
async function fetchAccessToken(env, spec) {
    const tokenOf = (reply) => reply.json?.access_token;
    const outcome = await env.transport.exchange({
        label: spec.label,
        build: () => ({ method: 'GET', url: spec.url, headers: {} }),
        interpret: (reply) => {
            const verdict = spec.verdict(reply);
            if (!verdict.ok)
                return verdict;
            const token = tokenOf(reply);
            if (typeof token !== 'string' || !token)
                return { ok: false, message: 'the token reply has no access_token', retry: 'never' };
            env.secrets.add(token);
            return { ok: true };
        },
        rateKey: spec.rateKey,
    });
    const token = tokenOf(outcome.reply);
    if (typeof token !== 'string')
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProviderError */ .mZ(`${spec.label}: the reply has no access_token`);
    return token;
}


/***/ }),

/***/ 984:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dv: () => (/* binding */ explainCode),
/* harmony export */   c2: () => (/* binding */ lookupCode)
/* harmony export */ });
/* unused harmony export isRetryable */
/** The table's entry for a code (a number also matches its string form, and the reverse). */
function lookupCode(table, code) {
    const key = String(code);
    return Object.hasOwn(table, key) ? table[key] : undefined;
}
/** True when the table says the code may be retried (at once or after a wait). */
function isRetryable(entry) {
    return entry?.retry !== undefined && entry.retry !== 'never';
}
function waitOf(retry) {
    return typeof retry === 'object' ? retry.waitMs : undefined;
}
/** The failure verdict for a provider's business code, from its table (an unknown code is never retried). */
function explainCode(provider, table, code, text, options = {}) {
    const entry = options.entry ?? lookupCode(table, code);
    const status = options.status ?? 200;
    const retry = options.reauthCodes?.some((reauth) => String(reauth) === String(code))
        ? 'reauth'
        : isRetryable(entry) || status === 429 || status >= 500
            ? 'safe'
            : 'never';
    const retryAfterMs = waitOf(entry?.retry) ?? options.retryAfterMs;
    return {
        ok: false,
        code,
        message: `${provider} error ${code} (${entry?.meaning ?? 'unknown code'})${text ? `: ${text}` : ''}`,
        hint: options.hint ?? entry?.hint,
        retry,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
}


/***/ }),

/***/ 5047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EasemobClient: () => (/* reexport */ EasemobClient),
  GROUPS_PER_REQUEST: () => (/* binding */ GROUPS_PER_REQUEST),
  MESSAGE_BYTES: () => (/* reexport */ descriptor/* MESSAGE_BYTES */._g),
  USERS_PER_REQUEST: () => (/* binding */ USERS_PER_REQUEST),
  easemob: () => (/* binding */ easemob)
});

// EXTERNAL MODULE: ./src/model/config.ts
var config = __webpack_require__(4663);
// EXTERNAL MODULE: ./src/model/errors.ts
var errors = __webpack_require__(7206);
// EXTERNAL MODULE: ./src/render/message.ts
var render_message = __webpack_require__(8795);
// EXTERNAL MODULE: ./src/render/limits.ts
var limits = __webpack_require__(9142);
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var providers_endpoint = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/model/idempotency.ts
var idempotency = __webpack_require__(1672);
// EXTERNAL MODULE: ./src/model/secrets.ts
var secrets = __webpack_require__(5780);
// EXTERNAL MODULE: ./src/transport/transport.ts + 3 modules
var transport_transport = __webpack_require__(1966);
;// CONCATENATED MODULE: ./src/transport/types.ts
const silentLogger = { debug: () => { }, info: () => { }, warning: () => { } };

// EXTERNAL MODULE: ./src/providers/codes.ts
var codes = __webpack_require__(984);
;// CONCATENATED MODULE: ./src/providers/easemob/errors.ts



/**
 * Easemob answers a refusal with an HTTP status and a JSON error body; the status says what kind of refusal it is
 * (https://doc.easemob.com/document/server-side/error.html), with what the user can do.
 */
const EASEMOB_CODES = {
    401: {
        meaning: 'not authorized',
        hint: 'check `token` (client id) and `secret` (client secret) of the app, and `app-id`',
    },
    403: {
        meaning: 'forbidden',
        hint: 'the app is not allowed this call (check the console: offline push advanced features)',
    },
    404: { meaning: 'not found', hint: 'check `endpoint` (the app REST host) and `app-id` (org#app)' },
    413: { meaning: 'request too large', hint: 'the message is larger than Easemob accepts (body and ext at most 5 KB)' },
    429: {
        meaning: 'too many requests',
        retry: 'retry',
        hint: 'the app is throttled by Easemob; it is retried with backoff',
    },
};
/** HTTP 403 "message send reach limit": the per-app message rate, not a permission. */
const MESSAGE_RATE = {
    meaning: 'message rate limit reached',
    hint: 'Easemob limits messages per app: to users 6000 a minute (a call to 600 users counts 600), to groups 20 a second (each group counts one); sends are paced by messages and a refusal is retried after the window, within the deadline',
};
function entryFor(status, error, description) {
    if (status === 403 && /reach limit/i.test(description))
        return MESSAGE_RATE;
    if (status !== 404 && /not_found/i.test(error))
        return { meaning: 'not found', hint: EASEMOB_CODES[404].hint };
    return (0,codes/* lookupCode */.c2)(EASEMOB_CODES, status);
}
/**
 * Reads an Easemob failure: the JSON error body `{error, exception, error_code, error_description}` becomes the
 * message; 429 and 5xx may be retried; 401 asks for a new app token when the request carried one.
 */
function easemobFailure(reply, opts) {
    const base = (0,transport_transport/* httpFailure */.tG)(reply) ?? (0,transport_transport/* notJsonFailure */.cC)(reply);
    const body = reply.json;
    if (!(0,config/* isPlainObject */.Qd)(body))
        return base;
    const error = typeof body.error === 'string' ? body.error : '';
    const description = typeof body.error_description === 'string' ? body.error_description : '';
    const exception = typeof body.exception === 'string' ? body.exception : '';
    const errorCode = typeof body.error_code === 'string' || typeof body.error_code === 'number' ? body.error_code : undefined;
    if (!error && !description && !exception)
        return base;
    const details = [description || error, exception && `(${exception})`].filter(Boolean).join(' ');
    const text = `${error && description ? `${error}: ` : ''}${details} [HTTP ${reply.status}]`;
    const verdict = (0,codes/* explainCode */.Dv)('Easemob', EASEMOB_CODES, errorCode ?? (error || reply.status), text, {
        status: reply.status,
        entry: entryFor(reply.status, error, description),
        retryAfterMs: base.retryAfterMs,
    });
    if (reply.status === 401 && opts.reauth)
        verdict.retry = 'reauth';
    return verdict;
}
/** The JSON object of a successful reply, or a failure verdict. */
function easemobBody(reply, opts = { reauth: true }) {
    if (reply.status < 200 || reply.status >= 300)
        return easemobFailure(reply, opts);
    if (!(0,config/* isPlainObject */.Qd)(reply.json))
        return (0,transport_transport/* notJsonFailure */.cC)(reply);
    return { ok: true, body: reply.json };
}
/** Easemob's message-rate refusal: HTTP 403 "message send reach limit". */
function isMessageRateLimit(reply) {
    const body = reply.json;
    return (reply.status === 403 &&
        (0,config/* isPlainObject */.Qd)(body) &&
        typeof body.error_description === 'string' &&
        /reach limit/i.test(body.error_description));
}

// EXTERNAL MODULE: ./src/providers/app-channel.ts
var app_channel = __webpack_require__(5759);
;// CONCATENATED MODULE: ./src/providers/easemob/token.ts





/**
 * `ttl: 0` asks Easemob for an app token that never expires (https://doc.easemob.com/product/easemob_app_token.html:
 * "若设置为 0,则 token 永久有效"). The token is an admin credential of the whole app, fetched once per run and
 * never needed after it: a token that outlives the run only widens what a leak (a log, a proxy) gives away, so
 * 0 is refused rather than passed on, and the expected form says what to use instead.
 */
const TOKEN_TTL_FORM = 'whole seconds, at least 1 (a few minutes cover a run; leave it out for the console default; 0, a token that never expires, is refused)';
/**
 * The app token of one run: the caching of AppToken (fetched on first use, shared by concurrent callers, replaced at
 * most once per rejected token; Easemob can ban apps that request tokens too often), with Easemob's token request.
 */
class TokenSession extends app_channel/* AppToken */.r$ {
    constructor(options) {
        super(() => fetchEasemobToken(options));
    }
}
async function fetchEasemobToken(options) {
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
            url: (0,providers_endpoint/* joinUrl */.w)(options.appUrl, '/token'),
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body,
        }),
        interpret: (reply) => {
            const read = easemobBody(reply, { reauth: false });
            if (!read.ok)
                return read;
            const token = read.body.access_token;
            if (typeof token !== 'string' || !token)
                return { ok: false, code: reply.status, message: 'the token reply has no access_token', retry: 'never' };
            // Registered the moment it arrives, before anything could log the reply.
            transport.secrets.add(token);
            return { ok: true };
        },
        rateKey: `easemob-token:${(0,idempotency/* credentialFingerprint */.I)(clientId)}`,
    });
    const token = outcome.reply.json.access_token;
    if (typeof token !== 'string')
        throw new errors/* ProviderError */.mZ('easemob app token: the reply has no access_token');
    return token;
}

// EXTERNAL MODULE: ./src/providers/easemob/validation.ts
var validation = __webpack_require__(7386);
;// CONCATENATED MODULE: ./src/providers/easemob/client.ts










/**
 * Template management allows 10 calls/s per app key (创建离线推送模板,
 * https://doc.easemob.com/document/server-side/push_template_create.html).
 */
const TEMPLATE_RATE = { requests: 10, perMs: 1000 };
const USERS_RATE = { requests: 100, perMs: 1000 };
/**
 * Typed Easemob REST client for the offline-push operations of Easemob's 离线推送设置 document
 * (https://doc.easemob.com/document/server-side/push.html) and its push-template pages (创建离线推送模板,
 * https://doc.easemob.com/document/server-side/push_template_create.html), sharing one app token per instance.
 * Every method validates its arguments first and rejects with a ConfigError naming the bad one, before any request.
 */
class EasemobClient {
    appUrl;
    session;
    transport;
    dryRun;
    fingerprint;
    constructor(options) {
        if (!options.endpoint?.trim())
            throw new errors/* ConfigError */.xL('endpoint', 'is required for easemob', "the app's REST host from the Easemob console, e.g. https://a1.easemob.com");
        const { org, app } = (0,validation/* parseAppKey */.Ug)(options.appKey, 'appKey');
        if (!options.clientId?.trim())
            throw new errors/* ConfigError */.xL('clientId', 'is required', 'the app Client ID');
        if (!options.clientSecret?.trim())
            throw new errors/* ConfigError */.xL('clientSecret', 'is required', 'the app Client Secret');
        if (options.tokenTtl !== undefined && (!Number.isInteger(options.tokenTtl) || options.tokenTtl < 1))
            throw new errors/* ConfigError */.xL('tokenTtl', options.tokenTtl === 0
                ? '0 asks Easemob for an app token that never expires'
                : `${options.tokenTtl} is not a lifetime`, TOKEN_TTL_FORM);
        const transport = options.transport ??
            new transport_transport/* Transport */.oK({
                timeoutMs: options.timeoutMs ?? 10_000,
                retries: options.retries ?? 3,
                // A long-lived client has no run deadline; each request still has its timeout.
                deadline: Number.POSITIVE_INFINITY,
                secrets: options.secrets ?? new secrets/* SecretRegistry */.k(),
                logger: silentLogger,
            });
        transport.secrets.add(options.clientSecret);
        const base = (0,providers_endpoint/* resolveBaseUrl */.x)('https://a1.easemob.com', options.endpoint);
        this.appUrl = (0,providers_endpoint/* joinUrl */.w)(base, `/${org}/${app}`);
        this.transport = transport;
        this.dryRun = options.dryRun ?? false;
        this.fingerprint = (0,idempotency/* credentialFingerprint */.I)(`${options.appKey}\n${options.clientId}`);
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
    exchange(request) {
        let used;
        const url = (0,providers_endpoint/* joinUrl */.w)(this.appUrl, request.path);
        return {
            label: request.label,
            build: async () => {
                const token = this.dryRun ? secrets/* MASK */.v : await this.session.get();
                used = token;
                // The 离线推送设置 document lists `Content-Type: application/json` as required even for the bodiless GET/DELETE calls
                // (get push language, get and delete push template): sent on every request.
                const headers = {
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
    async call(label, method, path, body, rate) {
        const outcome = await this.transport.exchange(this.exchange({
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
        }));
        return outcome.reply.json;
    }
    async putUser(username, body, label) {
        const id = (0,validation/* checkUsername */.J$)(username);
        const reply = await this.call(label, 'PUT', `/users/${encodeURIComponent(id)}`, body, {
            key: 'users',
            limit: USERS_RATE,
        });
        const entities = reply.entities;
        const entity = Array.isArray(entities) ? entities[0] : undefined;
        return (0,config/* isPlainObject */.Qd)(entity) ? entity : {};
    }
    /** Nickname shown in offline push notifications (at most 100 characters). */
    async setPushNickname(username, nickname) {
        (0,validation/* checkUsername */.J$)(username);
        if (typeof nickname !== 'string')
            throw new errors/* ConfigError */.xL('nickname', 'must be a string', 'at most 100 characters');
        if ([...nickname].length > 100)
            throw new errors/* ConfigError */.xL('nickname', `is ${[...nickname].length} characters long`, 'at most 100 characters');
        return this.putUser(username, { nickname }, 'set push nickname');
    }
    /** 0: only "you have a new message"; 1: the message's content. */
    async setNotificationDisplayStyle(username, style) {
        (0,validation/* checkUsername */.J$)(username);
        if (style !== 0 && style !== 1)
            throw new errors/* ConfigError */.xL('style', `${String(style)} is not a display style`, '0 (only "you have a new message") or 1 (show the message content)');
        return this.putUser(username, { notification_display_style: style }, 'set notification display style');
    }
    /** Legacy daily do-not-disturb window in whole hours; start = end means all day, end < start spans midnight. */
    async setDoNotDisturb(username, start, end) {
        (0,validation/* checkUsername */.J$)(username);
        (0,validation/* checkHour */.Ns)(start, 'start');
        (0,validation/* checkHour */.Ns)(end, 'end');
        // The 离线推送设置 document types the hours as strings and sends them quoted.
        return this.putUser(username, {
            notification_no_disturbing: true,
            notification_no_disturbing_start: String(start),
            notification_no_disturbing_end: String(end),
        }, 'set do-not-disturb');
    }
    async clearDoNotDisturb(username) {
        (0,validation/* checkUsername */.J$)(username);
        return this.putUser(username, { notification_no_disturbing: false }, 'clear do-not-disturb');
    }
    notificationPath(username, conversation) {
        const id = (0,validation/* checkUsername */.J$)(username);
        // App-wide settings are chattype `user` with the user's own id (离线推送设置 document).
        if (!conversation)
            return `/users/${encodeURIComponent(id)}/notification/user/${encodeURIComponent(id)}`;
        if (conversation.chatType !== 'user' && conversation.chatType !== 'chatgroup')
            throw new errors/* ConfigError */.xL('chatType', `'${String(conversation.chatType)}' is not a chat type`, "'user' or 'chatgroup'");
        const key = conversation.chatType === 'user' ? (0,validation/* checkUsername */.J$)(conversation.key, 'key') : (0,validation/* checkGroupId */.t5)(conversation.key, 'key');
        return `/users/${encodeURIComponent(id)}/notification/${conversation.chatType}/${encodeURIComponent(key)}`;
    }
    isAppWide(username, conversation) {
        return !conversation || (conversation.chatType === 'user' && conversation.key.trim() === username.trim());
    }
    /** App-wide (no conversation) or one chat's push mode and do-not-disturb. Returns `data`. */
    async setPushSettings(username, settings, conversation) {
        const path = this.notificationPath(username, conversation);
        if (!(0,config/* isPlainObject */.Qd)(settings))
            throw new errors/* ConfigError */.xL('settings', 'must be an object', '{ type, ignoreInterval, ignoreDuration }');
        const body = {};
        if (settings.type !== undefined)
            body.type = (0,validation/* checkPushType */.j0)(settings.type);
        if (settings.ignoreInterval !== undefined) {
            body.ignoreInterval = (0,validation/* checkIgnoreInterval */.CE)(settings.ignoreInterval);
            if (body.ignoreInterval !== '' && !this.isAppWide(username, conversation))
                throw new errors/* ConfigError */.xL('ignoreInterval', 'only applies to the app-wide setting, not to one chat', 'no conversation (app-wide), or ignoreDuration for a chat');
        }
        if (settings.ignoreDuration !== undefined)
            body.ignoreDuration = (0,validation/* checkIgnoreDuration */.hK)(settings.ignoreDuration);
        if (Object.keys(body).length === 0)
            throw new errors/* ConfigError */.xL('settings', 'sets nothing', 'at least one of type, ignoreInterval, ignoreDuration');
        const reply = await this.call('set push settings', 'PUT', path, body, { key: 'users', limit: USERS_RATE });
        return dataOf(reply);
    }
    async getPushSettings(username, conversation) {
        const path = this.notificationPath(username, conversation);
        const reply = await this.call('get push settings', 'GET', path, undefined, { key: 'users', limit: USERS_RATE });
        return dataOf(reply);
    }
    /** Preferred push language code; '' means push the original text untranslated. */
    async setPushLanguage(username, language) {
        const id = (0,validation/* checkUsername */.J$)(username);
        if (typeof language !== 'string' || !/^[A-Za-z0-9_-]{0,35}$/.test(language))
            throw new errors/* ConfigError */.xL('language', `'${String(language)}' is not a language code`, "a code such as 'EU' or 'zh', or '' for none");
        const reply = await this.call('set push language', 'PUT', `/users/${encodeURIComponent(id)}/notification/language`, { translationLanguage: language }, { key: 'users', limit: USERS_RATE });
        return dataOf(reply);
    }
    async getPushLanguage(username) {
        const id = (0,validation/* checkUsername */.J$)(username);
        const reply = await this.call('get push language', 'GET', `/users/${encodeURIComponent(id)}/notification/language`, undefined, { key: 'users', limit: USERS_RATE });
        return dataOf(reply);
    }
    async createPushTemplate(template) {
        const checked = (0,validation/* checkTemplate */.BU)(template);
        const reply = await this.call('create push template', 'POST', '/notification/template', { name: checked.name, title_pattern: checked.title_pattern, content_pattern: checked.content_pattern }, { key: 'template', limit: TEMPLATE_RATE });
        return dataOf(reply);
    }
    /** The template, or undefined when Easemob has none of that name. */
    async getPushTemplate(name) {
        const checked = (0,validation/* checkTemplateName */.y$)(name);
        try {
            const reply = await this.call('get push template', 'GET', `/notification/template/${encodeURIComponent(checked)}`, undefined, { key: 'template', limit: TEMPLATE_RATE });
            const data = reply.data;
            return (0,config/* isPlainObject */.Qd)(data) && typeof data.name === 'string' ? data : undefined;
        }
        catch (error) {
            // 404 is the documented "not found"; some deployments answer 400 "template not exist" instead.
            if (error instanceof errors/* ProviderError */.mZ &&
                (error.httpStatus === 404 || (error.httpStatus === 400 && /not (exist|found)/i.test(error.message))))
                return undefined;
            throw error;
        }
    }
    async deletePushTemplate(name) {
        const checked = (0,validation/* checkTemplateName */.y$)(name);
        const reply = await this.call('delete push template', 'DELETE', `/notification/template/${encodeURIComponent(checked)}`, undefined, { key: 'template', limit: TEMPLATE_RATE });
        return dataOf(reply);
    }
    /**
     * Makes the named template exist with exactly these patterns: created when missing; when it differs, deleted and
     * created again (Easemob's REST documentation has no update call for templates).
     */
    async ensurePushTemplate(template) {
        const checked = (0,validation/* checkTemplate */.BU)(template);
        const wanted = {
            name: checked.name,
            title_pattern: checked.title_pattern,
            content_pattern: checked.content_pattern,
        };
        const existing = await this.getPushTemplate(checked.name);
        if (existing &&
            existing.title_pattern === wanted.title_pattern &&
            existing.content_pattern === wanted.content_pattern)
            return { outcome: 'unchanged', template: existing };
        if (existing)
            await this.deletePushTemplate(checked.name);
        const created = await this.createPushTemplate(wanted);
        return { outcome: existing ? 'replaced' : 'created', template: created };
    }
}
function dataOf(reply) {
    return (0,config/* isPlainObject */.Qd)(reply.data) ? reply.data : {};
}

// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/render/template.ts + 1 modules
var render_template = __webpack_require__(7219);
;// CONCATENATED MODULE: ./src/providers/easemob/push.ts







function parseArgs(value, input) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' && typeof item !== 'number'))
        throw new errors/* ConfigError */.xL(input, 'must be a list of strings', "a list such as ['{{ repository }}', '{{ stateText }}']");
    return value.map((item, index) => {
        try {
            return (0,render_template/* parsePlainTemplate */.UC)(String(item));
        }
        catch (error) {
            throw new errors/* ConfigError */.xL(`${input}[${index}]`, `does not parse: ${error.message.split('\n')[0]}`, 'a Liquid template such as {{ repository }}');
        }
    });
}
function parseEnsureTemplate(value) {
    if (value === undefined)
        return undefined;
    return (0,validation/* checkTemplate */.BU)(value, 'options.ensureTemplate');
}
/**
 * `pushTemplate: name` or `{ name, title_args, content_args }` (camelCase `titleArgs`/`contentArgs` too). The name
 * defaults to `ensureTemplate.name`, and the argument counts are checked against the ensured patterns.
 */
function parsePushTemplate(value, ensured) {
    if (value === undefined || value === null || value === false) {
        return ensured ? { name: ensured.name, titleArgs: [], contentArgs: [] } : undefined;
    }
    const record = typeof value === 'string' ? { name: value } : (0,config/* isPlainObject */.Qd)(value) ? value : {};
    if (typeof value !== 'string' && !(0,config/* isPlainObject */.Qd)(value))
        throw new errors/* ConfigError */.xL('options.pushTemplate', 'must be a template name or an object', '{ name, title_args, content_args }');
    const name = (0,validation/* checkTemplateName */.y$)(record.name ?? ensured?.name, 'options.pushTemplate.name');
    const titleArgs = parseArgs(record.title_args ?? record.titleArgs, 'options.pushTemplate.title_args');
    const contentArgs = parseArgs(record.content_args ?? record.contentArgs, 'options.pushTemplate.content_args');
    if (ensured && ensured.name === name) {
        if (titleArgs.length < ensured.titleArgs)
            throw new errors/* ConfigError */.xL('options.pushTemplate.title_args', `has ${titleArgs.length} value(s) but title_pattern uses {0}…{${ensured.titleArgs - 1}}`, `${ensured.titleArgs} value(s)`);
        if (contentArgs.length < ensured.contentArgs)
            throw new errors/* ConfigError */.xL('options.pushTemplate.content_args', `has ${contentArgs.length} value(s) but content_pattern uses {0}…{${ensured.contentArgs - 1}}`, `${ensured.contentArgs} value(s)`);
    }
    return { name, titleArgs, contentArgs };
}
const ARG_LIMIT = { max: 200, unit: 'chars' };
async function renderArgs(args, variables, input) {
    return Promise.all(args.map(async (template, index) => {
        try {
            const text = await (0,render_template/* renderPlainTemplate */.TN)(template, variables);
            return (0,limits/* truncateText */.EJ)(text.replace(/\s+/g, ' ').trim(), ARG_LIMIT);
        }
        catch (error) {
            throw new errors/* ConfigError */.xL(`${input}[${index}]`, `does not render: ${error.message.split('\n')[0]}`, 'a Liquid template over the CI context, such as {{ repository }}');
        }
    }));
}
const PUSH_TITLE_LIMIT = { max: 100, unit: 'chars' };
const SUMMARY_LIMIT = { max: 200, unit: 'chars' };
/** A one-paragraph plain-text summary for the lock screen. */
function pushSummary(message) {
    const text = (0,markdown/* toPlainText */.bo)(message.markdown).replace(/\s+/g, ' ').trim();
    return (0,limits/* truncateText */.EJ)(text || message.title, SUMMARY_LIMIT);
}
/** The offline-push part of `ext`: a server template with rendered arguments, or explicit title and content. */
async function pushExt(message, use) {
    if (use) {
        const variables = (0,render_template/* templateVariables */.Qp)(message.context, message.locale);
        const [title_args, content_args] = await Promise.all([
            renderArgs(use.titleArgs, variables, 'options.pushTemplate.title_args'),
            renderArgs(use.contentArgs, variables, 'options.pushTemplate.content_args'),
        ]);
        return { em_push_template: { name: use.name, title_args, content_args } };
    }
    const title = (0,render_message/* renderTitle */.zF)(message, PUSH_TITLE_LIMIT);
    const content = pushSummary(message);
    return {
        em_apns_ext: { em_push_title: title, em_push_content: content },
        em_push_ext: { title, content },
    };
}

// EXTERNAL MODULE: ./src/providers/easemob/descriptor.ts
var descriptor = __webpack_require__(1272);
// EXTERNAL MODULE: ./src/providers/descriptor.ts
var providers_descriptor = __webpack_require__(4461);
// EXTERNAL MODULE: ./src/providers/easemob/targets.ts
var targets = __webpack_require__(519);
;// CONCATENATED MODULE: ./src/providers/easemob/index.ts














/** Recipients per request (https://doc.easemob.com/document/server-side/limitationapi.html): 600 users, 3 groups. */
const USERS_PER_REQUEST = 600;
const GROUPS_PER_REQUEST = 3;
/** body + ext at most 5 KB. A small margin absorbs how a server counts the JSON around them. */

/**
 * Easemob counts messages, not calls (https://doc.easemob.com/document/server-side/limitationapi.html and
 * https://doc.easemob.com/document/server-side/message_group.html): to users 6000 messages a minute, a call to 600
 * users counting 600 (and 100 calls a second, which 6000 a minute keeps far from for full batches); to groups
 * 20 messages a second, each group one message (the 8th call of 3 groups within a second gets 403 "message send
 * reach limit"), and 20 calls a second. Each request weighs as many units as it has recipients.
 */
const easemob_USERS_RATE = descriptor/* descriptor */.yu.rateLimit;
const GROUPS_RATE = { requests: 20, perMs: 1000 };
/** Option keys the adapter reads itself; everything else merges into the message body. */
const CONSUMED = ['pushTemplate', 'ensureTemplate', 'tokenTtl'];
function chunk(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
function bytesOf(value) {
    return value === undefined ? 0 : (0,limits/* measure */.xP)(JSON.stringify(value), 'bytes');
}
/**
 * The message part of the request: the text body fitted so that the serialized `body` and `ext` together stay
 * within 5 KB (JSON escaping grows the text, so the fit is measured on the JSON, not on the text).
 */
function fitMessage(message, ext, options) {
    const budget = descriptor/* descriptor */.yu.limits('txt').body.max;
    const compose = (msg, to) => (0,config/* deepMerge */.$N)({ from: 'admin', to, type: 'txt', body: { msg }, ext }, options);
    let limit = budget - bytesOf(compose('', []).ext) - 32;
    let msg = '';
    for (let round = 0; round < 8; round += 1) {
        if (limit <= 0)
            throw new errors/* ConfigError */.xL('options', 'ext leaves no room for the message within 5 KB', 'a smaller options.ext (body and ext together at most 5 KB)');
        msg = (0,render_message/* renderBody */.lc)(message, 'text', { max: limit, unit: 'bytes' });
        const draft = compose(msg, []);
        const size = bytesOf(draft.body) + bytesOf(draft.ext);
        if (size <= budget)
            break;
        limit -= size - budget + 16;
    }
    return (to) => compose(msg, to);
}
/**
 * 403 "message send reach limit" is the per-second (groups) or per-minute (users) message limit: the window it
 * counts in has passed by then, so the retry waits one window (and fails at once when the deadline comes first).
 */
function interpretSend(reply, rate) {
    const read = easemobBody(reply);
    if (!read.ok)
        return isMessageRateLimit(reply) ? { ...read, retry: 'safe', retryAfterMs: rate.perMs } : read;
    const data = read.body.data;
    if (!(0,config/* isPlainObject */.Qd)(data))
        return {
            ok: false,
            code: reply.status,
            message: 'Easemob accepted the request but returned no message ids',
            retry: 'never',
        };
    const first = Object.values(data).find((value) => typeof value === 'string');
    return { ok: true, code: reply.status, id: typeof first === 'string' ? first : undefined };
}
function recipientsOf(target) {
    const prefix = target.kind === 'users' ? 'user' : 'group';
    return (reply) => {
        const data = (0,config/* isPlainObject */.Qd)(reply.json) && (0,config/* isPlainObject */.Qd)(reply.json.data) ? reply.json.data : {};
        const ids = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]));
        return target.ids.map((id) => {
            const msgId = ids.get(id.toLowerCase());
            return typeof msgId === 'string' && msgId
                ? { target: `${prefix}:${id}`, ok: true, id: msgId }
                : { target: `${prefix}:${id}`, ok: false, message: 'no message id for this recipient in the reply' };
        });
    };
}
function labelOf(target, batch, index, count) {
    const prefix = target.kind === 'users' ? 'user' : 'group';
    const who = batch.length <= 3 ? `${prefix}:${batch.join(',')}` : `${prefix}:${batch.length} recipients`;
    return count > 1 ? `${who} (batch ${index + 1}/${count})` : who;
}
const easemob = {
    ...(0,providers_descriptor/* descriptorFacts */.H)(descriptor/* descriptor */.yu),
    rateLimit: easemob_USERS_RATE,
    parse(settings) {
        const endpoint = settings.endpoint?.trim();
        if (!endpoint)
            throw new errors/* ConfigError */.xL('endpoint', 'is required for easemob', "the app's REST host from the Easemob console, e.g. https://a1.easemob.com");
        const baseUrl = (0,providers_endpoint/* resolveBaseUrl */.x)(this.defaultEndpoint, endpoint);
        const appKey = settings.appId?.trim() ?? '';
        (0,validation/* parseAppKey */.Ug)(appKey, 'app-id');
        // Required credentials, format ('txt') and a target are checked by core against the descriptor (checks.ts).
        const clientId = settings.token.trim();
        const clientSecret = settings.secret.trim();
        const options = settings.options;
        if (options.from !== undefined)
            (0,validation/* checkUsername */.J$)(options.from, 'options.from');
        if (options.ext !== undefined && !(0,config/* isPlainObject */.Qd)(options.ext))
            throw new errors/* ConfigError */.xL('options.ext', 'must be an object', 'a mapping merged into the message ext');
        const tokenTtl = options.tokenTtl;
        if (tokenTtl !== undefined && (typeof tokenTtl !== 'number' || !Number.isInteger(tokenTtl) || tokenTtl < 1))
            throw new errors/* ConfigError */.xL('options.tokenTtl', tokenTtl === 0 ? '0 asks Easemob for an app token that never expires' : `${String(tokenTtl)} is not a lifetime`, TOKEN_TTL_FORM);
        const ensureTemplate = parseEnsureTemplate(options.ensureTemplate);
        return {
            endpoint,
            appKey,
            clientId,
            clientSecret,
            baseUrl,
            targets: (0,targets/* parseTargets */.S)(settings.target),
            ensureTemplate,
            pushTemplate: parsePushTemplate(options.pushTemplate, ensureTemplate),
            tokenTtl: tokenTtl,
            options: (0,config/* omitKeys */.QD)(options, CONSUMED),
        };
    },
    async plan(parsed, message, env) {
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
        let ensured;
        const template = parsed.ensureTemplate;
        if (template && env.dryRun)
            env.logger.info(`easemob: would ensure push template '${template.name}'`);
        const ready = () => {
            if (!template || env.dryRun)
                return Promise.resolve();
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
            return batches.map((batch, index) => {
                const label = labelOf(target, batch, index, batches.length);
                const body = JSON.stringify(compose(batch));
                const exchange = client.exchange({
                    label: `easemob ${label}`,
                    method: 'POST',
                    path: `/messages/${target.kind}`,
                    body,
                    interpret: (reply) => interpretSend(reply, target.kind === 'users' ? easemob_USERS_RATE : GROUPS_RATE),
                    rateKey: target.kind,
                    rateLimit: target.kind === 'users' ? easemob_USERS_RATE : GROUPS_RATE,
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


/***/ }),

/***/ 9833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ joinUrl),
/* harmony export */   x: () => (/* binding */ resolveBaseUrl)
/* harmony export */ });
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7206);
/* harmony import */ var _model_url_safety_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9595);


/**
 * Applies the `endpoint` input to a provider's official base URL: the endpoint's scheme, host and port
 * replace the official ones; the path stays the provider's own (plus any path prefix the endpoint adds,
 * for a reverse proxy mounted under a path).
 */
function resolveBaseUrl(officialBase, endpoint) {
    const official = new URL(officialBase);
    if (!endpoint?.trim())
        return officialBase.replace(/\/+$/, '');
    let override;
    try {
        override = new URL(endpoint.trim().includes('://') ? endpoint.trim() : `https://${endpoint.trim()}`);
    }
    catch {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('endpoint', `is not a URL (${(0,_model_url_safety_js__WEBPACK_IMPORTED_MODULE_1__/* .maskUrl */ .yP)(endpoint)})`, 'a base URL such as https://proxy.example.com:8443');
    }
    if (override.protocol !== 'https:' && override.protocol !== 'http:') {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('endpoint', `'${override.protocol}' is not supported`, 'an http:// or https:// URL');
    }
    if (override.search || override.hash || override.username || override.password) {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('endpoint', 'must not carry a query, fragment or credentials', 'scheme, host, port and an optional path prefix');
    }
    const prefix = override.pathname.replace(/\/+$/, '');
    const officialPath = official.pathname.replace(/\/+$/, '');
    return `${override.protocol}//${override.host}${prefix}${officialPath}`;
}
/** Joins a base URL and a path with exactly one slash. */
function joinUrl(base, path) {
    return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}


/***/ })

};
