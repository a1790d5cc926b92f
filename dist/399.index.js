export const id = 399;
export const ids = [399];
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


/***/ }),

/***/ 5399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  feishuApp: () => (/* binding */ feishuApp),
  feishuAppVerdict: () => (/* binding */ feishuAppVerdict)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/model/config.ts
var config = __webpack_require__(4663);
// EXTERNAL MODULE: ./src/model/errors.ts
var errors = __webpack_require__(7206);
// EXTERNAL MODULE: ./src/model/idempotency.ts
var idempotency = __webpack_require__(1672);
// EXTERNAL MODULE: ./src/render/message.ts
var render_message = __webpack_require__(8795);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
// EXTERNAL MODULE: ./src/transport/transport.ts + 3 modules
var transport = __webpack_require__(1966);
// EXTERNAL MODULE: ./src/providers/app-channel.ts
var app_channel = __webpack_require__(5759);
// EXTERNAL MODULE: ./src/providers/codes.ts
var codes = __webpack_require__(984);
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/providers/feishu/payload.ts
var payload = __webpack_require__(7911);
// EXTERNAL MODULE: ./src/providers/webhook.ts
var webhook = __webpack_require__(6051);
// EXTERNAL MODULE: ./src/providers/feishu-app/descriptor.ts
var descriptor = __webpack_require__(9138);
// EXTERNAL MODULE: ./src/providers/descriptor.ts
var providers_descriptor = __webpack_require__(4461);
;// CONCATENATED MODULE: ./src/providers/feishu-app/codes.ts
const SCOPE = 'grant the app the scope im:message:send_as_bot (or im:message) and publish a new version';
/** Business codes (HTTP 400 with `code` in the body) and what the user can do. */
const CODES = {
    10003: { meaning: 'invalid parameter', hint: 'check `token` (App ID) and `secret` (App Secret)' },
    10014: { meaning: 'app secret invalid', hint: 'check `secret`: the App Secret of this App ID' },
    99991400: {
        meaning: 'rate limited',
        retry: 'retry',
        hint: 'the app exceeded its call rate; retried after the reset',
    },
    99991401: {
        meaning: 'caller IP not in the app IP allow-list',
        hint: "add the runner's egress IP to the app's IP allow-list (Security Settings), or route through `endpoint`",
    },
    99991661: { meaning: 'access token missing' },
    99991663: { meaning: 'tenant access token invalid or expired' },
    99991664: { meaning: 'app access token invalid' },
    99991668: { meaning: 'access token invalid' },
    99991671: { meaning: 'access token invalid' },
    99991672: { meaning: 'scope missing', hint: SCOPE },
    230001: { meaning: 'invalid parameter', hint: 'check `target`, `format` and `options` (details in the reply)' },
    230002: { meaning: 'the bot is not in the chat', hint: 'add the app bot to the group, or check the chat id' },
    230006: {
        meaning: 'bot ability not enabled',
        hint: 'enable the Bot feature of the app and publish a version',
    },
    230011: { meaning: 'the message was recalled', hint: 'update-message / reply-to names a recalled message' },
    230012: { meaning: 'the bot did not send this message', hint: 'only messages this app sent can be read back' },
    230013: {
        meaning: "the user is outside the app's availability scope, disabled or has left",
        hint: "add the user to the app's availability scope (Version Management & Release), or check the id",
    },
    230020: { meaning: 'rate limited', retry: 'retry', hint: 'at most 5 messages a second to one user or chat' },
    230022: { meaning: 'content rejected as sensitive' },
    230025: { meaning: 'content too long', hint: 'text at most 150 KB, card and post at most 30 KB' },
    230027: { meaning: 'permission missing', hint: SCOPE },
    230028: { meaning: 'content failed the data-loss-prevention audit' },
    230029: { meaning: 'the user has resigned', hint: 'remove the user from `target`' },
    230031: {
        meaning: 'the message is older than 14 days',
        hint: 'update-message works on cards at most 14 days old; post a new message instead',
    },
    230033: { meaning: 'the message is older than 7 days', hint: 'read receipts exist for 7 days' },
    230034: { meaning: 'invalid receive_id', hint: 'check `target`: the id must match its prefix (chat:, user:, …)' },
    230035: { meaning: 'no permission to send (muted, blocked or tenant policy)' },
    230053: { meaning: 'the user stopped the bot from messaging them' },
    230071: { meaning: 'this chat does not support thread replies', hint: 'drop `reply-to` for this chat' },
    230099: { meaning: 'card build failed', hint: 'check `options` merged into the card' },
    230110: { meaning: 'the message was deleted', hint: 'update-message / reply-to names a deleted message' },
    232009: { meaning: 'the chat was dissolved', hint: 'check `target`' },
};

// EXTERNAL MODULE: ./src/providers/feishu-app/targets.ts
var feishu_app_targets = __webpack_require__(8893);
;// CONCATENATED MODULE: ./src/providers/feishu-app/index.ts

















/** Option keys the adapter reads itself; everything else merges into the message content. */
const CONSUMED = ['reauthCodes', 'readUsersPageSize'];
const NO_MENTIONS = { all: false, users: [], mobiles: [] };
const MESSAGE_ID = /^om_[\w-]+$/;
function messageIdInput(input, value) {
    const id = value?.trim();
    if (!id)
        return undefined;
    if (!MESSAGE_ID.test(id))
        throw new errors/* ConfigError */.xL(input, `'${id}' is not a Feishu message id`, "the message-id output of an earlier step ('om_…')");
    return id;
}
/** The message content object for a format (serialized into the `content` string). */
function contentOf(format, title, markdown, message, options) {
    switch (format) {
        case 'text':
            return (0,config/* deepMerge */.$N)((0,payload/* textContent */.P_)(title, markdown, NO_MENTIONS), options);
        case 'post':
            return (0,config/* deepMerge */.$N)((0,payload/* postContent */.oB)(title, markdown, NO_MENTIONS), options);
        default: {
            const card = (0,config/* deepMerge */.$N)((0,payload/* cardContent */.Ux)(title, markdown, message, NO_MENTIONS), options);
            // A shared card, so a later step can replace it in place (PATCH needs update_multi before and after).
            card.config = { ...((0,config/* isPlainObject */.Qd)(card.config) ? card.config : {}), update_multi: true };
            return card;
        }
    }
}
const MSG_TYPES = { card: 'interactive', post: 'post', text: 'text' };
/** The Feishu reply: `code` 0 is success, anything else a failure with its code, meaning and hint. */
function feishuAppVerdict(reply, reauthCodes, id) {
    const body = (0,config/* isPlainObject */.Qd)(reply.json) ? reply.json : undefined;
    const code = (0,webhook/* numberField */.sJ)(body?.code);
    if (code === undefined)
        return (0,transport/* httpFailure */.tG)(reply) ?? (0,transport/* notJsonFailure */.cC)(reply);
    const data = (0,config/* isPlainObject */.Qd)(body?.data) ? body.data : {};
    if (code === 0 && reply.status >= 200 && reply.status < 300)
        return { ok: true, code, id: id?.(data) };
    const text = typeof body?.msg === 'string' ? body.msg : '';
    // Throttled replies say when the window resets (seconds).
    const reset = (0,transport/* parseRetryAfter */.mu)(reply.headers.get('x-ogw-ratelimit-reset'), Date.now());
    const failure = (0,codes/* explainCode */.Dv)('Feishu', CODES, code, text, { status: reply.status, reauthCodes, retryAfterMs: reset });
    // 99991672 names the missing scope in error.permission_violations.
    const error = (0,config/* isPlainObject */.Qd)(body?.error) ? body.error : undefined;
    const violations = Array.isArray(error?.permission_violations) ? error.permission_violations : [];
    const scopes = violations
        .map((item) => ((0,config/* isPlainObject */.Qd)(item) && typeof item.subject === 'string' ? item.subject : undefined))
        .filter(Boolean);
    if (scopes.length)
        failure.hint = `grant the app the scope ${scopes.join(' or ')} and publish a new version`;
    return failure;
}
/** The tenant access token of this run. */
function tenantToken(parsed, env) {
    return new app_channel/* AppToken */.r$(async () => {
        const outcome = await env.transport.exchange({
            label: 'Feishu tenant access token',
            build: () => ({
                method: 'POST',
                url: (0,endpoint/* joinUrl */.w)(parsed.baseUrl, descriptor/* PATHS */.R7.token),
                headers: { 'content-type': 'application/json; charset=utf-8' },
                body: JSON.stringify({ app_id: parsed.appId, app_secret: parsed.appSecret }),
            }),
            interpret: (reply) => {
                const verdict = feishuAppVerdict(reply, []);
                if (!verdict.ok)
                    return verdict;
                const token = reply.json.tenant_access_token;
                if (typeof token !== 'string' || !token)
                    return { ok: false, message: 'the token reply has no tenant_access_token', retry: 'never' };
                // Registered the moment it arrives, before anything could log the reply.
                env.secrets.add(token);
                return { ok: true };
            },
            rateKey: `${descriptor/* NAME */.o_}-token:${(0,idempotency/* credentialFingerprint */.I)(parsed.appId)}`,
        });
        const token = outcome.reply.json.tenant_access_token;
        if (typeof token !== 'string')
            throw new errors/* ProviderError */.mZ('Feishu tenant access token: the reply has no token');
        return token;
    });
}
/** `uuid`: the same for every attempt of this delivery (run, attempt, job, target, content), ≤ 50 characters. */
function uuidFor(message, what, content) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex');
    return `cin-${(0,idempotency/* deliveryKey */.u)(message.context, descriptor/* NAME */.o_, `${what}\u0000${digest}`, descriptor/* UUID_LENGTH */.xL)}`;
}
/** Builds one authorized exchange; a rejected token is replaced once. */
function authorized(parsed, env, token, label, request, id, idempotent) {
    let used;
    return {
        label: `Feishu app ${label}`,
        build: async () => {
            used = env.dryRun ? app_channel/* DRY_RUN_TOKEN */.MQ : await token.get();
            return request(used);
        },
        interpret: (reply) => feishuAppVerdict(reply, parsed.reauthCodes, id),
        onReauth: () => token.invalidate(used),
        idempotent,
        rateKey: `${descriptor/* NAME */.o_}:${(0,idempotency/* credentialFingerprint */.I)(parsed.appId)}`,
        rateLimit: descriptor/* RATE_LIMIT */.jS,
    };
}
const headers = (auth) => ({
    authorization: `Bearer ${auth}`,
    'content-type': 'application/json; charset=utf-8',
});
const messageIdOf = (data) => typeof data.message_id === 'string' ? data.message_id : undefined;
const feishuApp = {
    ...(0,providers_descriptor/* descriptorFacts */.H)(descriptor/* descriptor */.yu),
    idempotencyKey: 'uuid',
    updatesMessages: true,
    repliesInThread: true,
    /** One tenant token per parsed configuration (= per run), shared by the sends and the follow-up. */
    tokens: new WeakMap(),
    parse(settings) {
        // Required credentials, the format and a needed target are checked by core from the descriptor (checks.ts).
        const appId = settings.token.trim();
        if (/\s/.test(appId))
            throw new errors/* ConfigError */.xL('token', 'contains whitespace', descriptor/* CREDENTIALS */.tG.token);
        const appSecret = settings.secret.trim();
        const format = (settings.format || descriptor/* DEFAULT_FORMAT */.ui);
        const updateMessage = messageIdInput('update-message', settings.updateMessage);
        const replyTo = messageIdInput('reply-to', settings.replyTo);
        if (updateMessage && replyTo)
            throw new errors/* ConfigError */.xL('reply-to', 'cannot be combined with update-message', 'one of update-message or reply-to');
        if (updateMessage && format !== 'card')
            throw new errors/* ConfigError */.xL('format', `'${format}' messages cannot be updated in place`, "'card' with update-message");
        const targets = (0,feishu_app_targets/* parseTargets */.S)(settings.target);
        if (!updateMessage && !replyTo && targets.length === 0)
            throw new errors/* ConfigError */.xL('target', `is required for ${descriptor/* NAME */.o_}`, descriptor/* TARGET_FORM */.Tu);
        const options = settings.options;
        const readPageSize = options.readUsersPageSize ?? descriptor/* DEFAULT_READ_PAGE_SIZE */.ls;
        if (typeof readPageSize !== 'number' || !Number.isInteger(readPageSize) || readPageSize < 1)
            throw new errors/* ConfigError */.xL('options.readUsersPageSize', `${String(readPageSize)} is not a page size`, 'a whole number from 1');
        return {
            appId,
            appSecret,
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(descriptor/* FEISHU_HOST */.mf, settings.endpoint),
            format,
            targets,
            updateMessage,
            replyTo,
            reauthCodes: (0,app_channel/* reauthCodesOption */.fX)(options.reauthCodes, descriptor/* DEFAULT_REAUTH_CODES */.RU, (problem, expected) => new errors/* ConfigError */.xL('options.reauthCodes', problem, expected)),
            readPageSize,
            options: (0,config/* omitKeys */.QD)(options, CONSUMED),
        };
    },
    plan(parsed, message, env) {
        env.secrets.add(parsed.appSecret);
        const token = tenantToken(parsed, env);
        this.tokens.set(parsed, token);
        const limits = this.limits(parsed.format);
        const title = (0,render_escape/* neutralizeMentions */.tI)((0,render_message/* renderTitle */.zF)(message, limits.title));
        const content = JSON.stringify(
        // The limit applies to the serialized content string.
        (0,webhook/* fitJsonBody */.ks)(message, limits.body, (markdown) => contentOf(parsed.format, title, markdown, message, parsed.options)));
        const msgType = MSG_TYPES[parsed.format];
        const url = (path) => (0,endpoint/* joinUrl */.w)(parsed.baseUrl, path);
        if (parsed.updateMessage) {
            const id = parsed.updateMessage;
            return [
                {
                    target: `update:${id}`,
                    exchange: authorized(parsed, env, token, `update ${id}`, (auth) => ({
                        method: 'PATCH',
                        url: url(descriptor/* PATHS */.R7.message(id)),
                        headers: headers(auth),
                        body: JSON.stringify({ content }),
                    }), 
                    // The PATCH reply has an empty data: the message keeps its id.
                    () => id, 
                    // Replacing a card with the same content twice changes nothing.
                    true),
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
                    exchange: authorized(parsed, env, token, `reply to ${id}`, (auth) => ({ method: 'POST', url: url(descriptor/* PATHS */.R7.reply(id)), headers: headers(auth), body }), messageIdOf, true),
                },
            ];
        }
        return parsed.targets.map((target) => {
            const uuid = uuidFor(message, `send\u0000${target.label}`, content);
            const body = JSON.stringify({ receive_id: target.receiveId, msg_type: msgType, content, uuid });
            const query = `?receive_id_type=${encodeURIComponent(target.receiveIdType)}`;
            return {
                target: target.label,
                idempotencyKey: uuid,
                exchange: authorized(parsed, env, token, target.label, (auth) => ({ method: 'POST', url: `${url(descriptor/* PATHS */.R7.send)}${query}`, headers: headers(auth), body }), messageIdOf, true),
            };
        });
    },
    /**
     * Feishu has no delivery receipt: an accepted message is delivered. Who has read it is reported where the
     * read-users API allows it (messages this bot sent, at most 7 days old, bot still in the chat).
     */
    async track(parsed, handle, env) {
        const id = handle.id;
        if (!id)
            return { state: 'delivered' };
        const token = this.tokens.get(parsed) ?? tenantToken(parsed, env);
        try {
            const query = `?user_id_type=open_id&page_size=${parsed.readPageSize}`;
            const outcome = await env.transport.exchange(authorized(parsed, env, token, `read users of ${id}`, (auth) => ({
                method: 'GET',
                url: `${(0,endpoint/* joinUrl */.w)(parsed.baseUrl, descriptor/* PATHS */.R7.readUsers(id))}${query}`,
                headers: headers(auth),
            }), () => undefined, true));
            const data = (0,config/* isPlainObject */.Qd)(outcome.reply.json) && (0,config/* isPlainObject */.Qd)(outcome.reply.json.data) ? outcome.reply.json.data : {};
            const items = Array.isArray(data.items) ? data.items : [];
            const readers = items
                .map((item) => ((0,config/* isPlainObject */.Qd)(item) && typeof item.user_id === 'string' ? item.user_id : undefined))
                .filter((user) => Boolean(user));
            const more = data.has_more === true ? '+' : '';
            return {
                state: 'delivered',
                message: readers.length ? `read by ${readers.length}${more}: ${readers.join(', ')}` : 'read by nobody yet',
            };
        }
        catch (error) {
            // Read receipts are extra: the message was accepted, so it is delivered either way.
            const reason = error instanceof errors/* ProviderError */.mZ ? `${error.code ?? ''} ${error.message}`.trim() : String(error);
            return { state: 'delivered', message: `read receipts unavailable (${env.secrets.redact(reason)})` };
        }
    },
};


/***/ }),

/***/ 7911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P_: () => (/* binding */ textContent),
/* harmony export */   Ux: () => (/* binding */ cardContent),
/* harmony export */   oB: () => (/* binding */ postContent)
/* harmony export */ });
/* unused harmony exports CARD_COLOURS, postParagraphs */
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2495);
/* harmony import */ var _render_escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7789);
/* harmony import */ var _render_md_tokens_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3890);



/** Header colour by run state. */
const CARD_COLOURS = {
    success: 'green',
    fixed: 'green',
    failure: 'red',
    'still-failing': 'carmine',
    cancelled: 'grey',
    skipped: 'grey',
    started: 'yellow',
    unknown: 'blue',
};
/** Untrusted text as a post text element: literal, and never a mention. */
function text(value, style = []) {
    const element = { tag: 'text', text: (0,_render_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralizeMentions */ .tI)(value) };
    if (style.length)
        element.style = style;
    return element;
}
/** Inline tokens → elements; a hard break starts a new line (a new paragraph in post terms). */
function inline(tokens, style, lines) {
    for (const token of tokens) {
        const line = lines[lines.length - 1];
        switch (token.type) {
            case 'text':
            case 'codespan':
                line.push(text(token.text, style));
                break;
            case 'strong':
                inline(token.tokens, [...style, 'bold'], lines);
                break;
            case 'em':
                inline(token.tokens, [...style, 'italic'], lines);
                break;
            case 'del':
                inline(token.tokens, [...style, 'lineThrough'], lines);
                break;
            case 'br':
                lines.push([]);
                break;
            case 'link': {
                const href = (0,_render_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .safeHref */ .v7)(token.href);
                // A bare GitHub URL is labelled as GitHub shows it (#101, v1...v2), as in the text dialects.
                const short = href && token.auto ? (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .shortLabel */ .z1)(href) : undefined;
                const label = (0,_render_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralizeMentions */ .tI)(short ?? ((0,_render_md_tokens_js__WEBPACK_IMPORTED_MODULE_1__/* .inlinePlain */ .M)(token.tokens) || token.href));
                line.push(href ? { tag: 'a', text: label, href } : text(label, style));
                break;
            }
            case 'image': {
                const href = (0,_render_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .safeHref */ .v7)(token.href);
                const label = (0,_render_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralizeMentions */ .tI)(token.alt || 'image');
                line.push(href ? { tag: 'a', text: label, href } : text(label, style));
                break;
            }
        }
    }
}
function blocks(tokens, out, prefix = '') {
    for (const token of tokens) {
        switch (token.type) {
            case 'heading':
                out.push(prefix ? [text(prefix)] : []);
                inline(token.tokens, ['bold'], out);
                break;
            case 'paragraph':
            case 'text':
                out.push(prefix ? [text(prefix)] : []);
                inline(token.tokens, [], out);
                break;
            case 'list':
                token.items.forEach((item, i) => {
                    const box = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
                    blocks(item.tokens, out, `${prefix}${token.ordered ? `${token.start + i}. ` : '• '}${box}`);
                });
                break;
            case 'code':
                for (const line of token.text.split('\n'))
                    out.push([text(`${prefix}${line}`)]);
                break;
            case 'blockquote':
                blocks(token.tokens, out, `${prefix}| `);
                break;
            case 'hr':
                out.push([text('────────')]);
                break;
            case 'table':
                for (const line of (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .toPlainText */ .bo)(token.raw).split('\n'))
                    out.push([text(line)]);
                break;
        }
    }
}
/** Markdown → `post` paragraphs: text, links and bold/italic only; untrusted text never becomes an `at`. */
function postParagraphs(markdown) {
    const out = [];
    blocks((0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .lex */ .Ii)(markdown), out);
    return out.filter((paragraph) => paragraph.length > 0).map(mergeText);
}
/** Joins neighbouring text runs of the same style (escapes split them in the token stream). */
function mergeText(paragraph) {
    const merged = [];
    for (const element of paragraph) {
        const last = merged[merged.length - 1];
        if (last?.tag === 'text' && element.tag === 'text' && (last.style ?? []).join() === (element.style ?? []).join()) {
            merged[merged.length - 1] = { ...last, text: last.text + element.text };
        }
        else
            merged.push(element);
    }
    return merged;
}
/** The paragraph of `at` elements built only from `target`. */
function mentionParagraph(mentions) {
    const ids = [...mentions.users, ...(mentions.all ? ['all'] : [])];
    return ids.map((id) => ({ tag: 'at', user_id: id }));
}
function postContent(title, markdown, mentions) {
    const content = postParagraphs(markdown);
    const at = mentionParagraph(mentions);
    if (at.length)
        content.push(at);
    return { post: { zh_cn: { title, content } } };
}
/** Mentions in a card's markdown element or a text message (ids are validated in `target`). */
function mentionTags(mentions, form) {
    const ids = [...mentions.users, ...(mentions.all ? ['all'] : [])];
    return ids
        .map((id) => (form === 'card' ? `<at id=${id}></at>` : `<at user_id="${id}">${id === 'all' ? '所有人' : ''}</at>`))
        .join(' ');
}
function textContent(title, markdown, mentions) {
    const body = (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .toPlainText */ .bo)(markdown);
    const parts = [body.includes(title) ? '' : title, body, mentionTags(mentions, 'text')].filter(Boolean);
    return { text: parts.join('\n\n') };
}
/** The interactive card: coloured header, the body as card Markdown, and a button to the run or release. */
function cardContent(title, markdown, message, mentions) {
    const body = [(0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .renderMarkdown */ .Gc)(markdown, 'feishu-markdown'), mentionTags(mentions, 'card')]
        .filter(Boolean)
        .join('\n\n');
    const elements = [{ tag: 'markdown', content: body }];
    if (message.link) {
        elements.push({
            tag: 'action',
            actions: [
                {
                    tag: 'button',
                    text: { tag: 'plain_text', content: message.linkText },
                    type: message.state === 'failure' || message.state === 'still-failing' ? 'danger' : 'primary',
                    url: message.link,
                },
            ],
        });
    }
    return {
        config: { wide_screen_mode: true },
        header: { title: { tag: 'plain_text', content: title }, template: CARD_COLOURS[message.state] ?? 'blue' },
        elements,
    };
}


/***/ }),

/***/ 6051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CF: () => (/* binding */ parseWebhookToken),
/* harmony export */   Op: () => (/* reexport safe */ _mentions_js__WEBPACK_IMPORTED_MODULE_6__.O),
/* harmony export */   Tr: () => (/* binding */ refuseSecret),
/* harmony export */   Wm: () => (/* binding */ robotVerdict),
/* harmony export */   Xs: () => (/* reexport safe */ _mentions_js__WEBPACK_IMPORTED_MODULE_6__.X),
/* harmony export */   dC: () => (/* binding */ summaryLine),
/* harmony export */   ks: () => (/* binding */ fitJsonBody),
/* harmony export */   sJ: () => (/* binding */ numberField)
/* harmony export */ });
/* harmony import */ var _model_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4663);
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7206);
/* harmony import */ var _render_message_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8795);
/* harmony import */ var _render_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9142);
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2495);
/* harmony import */ var _transport_transport_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1966);
/* harmony import */ var _codes_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(984);
/* harmony import */ var _mentions_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8743);
/**
 * What the four chat robots (DingTalk, WeCom, Feishu, ServerChan) share: a `token` that may be the bare key or
 * the whole webhook URL, `@` mentions in `target`, and a reply whose business code decides success.
 */







/**
 * Reads `token` as a bare key or a full webhook URL. A URL on a host that is not the service's own is refused
 * (unless `endpoint` redirects every request anyway): a pasted URL must never send the message to an arbitrary host.
 */
function parseWebhookToken(raw, rule) {
    const token = raw?.trim();
    if (!token)
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('token', `is required for ${rule.provider}`, rule.expected);
    if (!/^https?:\/\//i.test(token)) {
        if (!rule.bareKey.test(token))
            throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('token', `does not look like a ${rule.provider} key or webhook URL`, rule.expected);
        return { key: token };
    }
    let url;
    try {
        url = new URL(token);
    }
    catch {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('token', 'looks like a URL but cannot be parsed', rule.expected);
    }
    const host = url.hostname.toLowerCase();
    if (!rule.endpointSet && !rule.ownHost(host)) {
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('token', `is a webhook URL on '${host}', which is not a ${rule.provider} host; nothing was sent there`, `${rule.expected} (set \`endpoint\` to send through a proxy)`);
    }
    if (!rule.endpointSet && url.protocol !== 'https:')
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('token', `webhook URL must use https`, rule.expected);
    const key = rule.keyFromUrl(url);
    if (!key || !rule.bareKey.test(key))
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('token', `URL has no ${rule.provider} key where the service puts it`, rule.expected);
    return { key, origin: url.origin, host };
}

/**
 * Reads a robot reply: HTTP status, then the business code in the body (`errcode`, `code`, or Feishu's older
 * `StatusCode`). HTTP 200 with a non-zero code is a failure carrying the code, its meaning and a hint.
 */
function robotVerdict(reply, provider, read, explain, id) {
    const body = reply.json;
    const fields = (0,_model_config_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(body) ? read(body) : undefined;
    if (!fields || !Number.isFinite(fields.code))
        return (0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .httpFailure */ .tG)(reply) ?? (0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .notJsonFailure */ .cC)(reply);
    const { code, message } = fields;
    if (code === 0 && reply.status >= 200 && reply.status < 300)
        return { ok: true, code, id: id && (0,_model_config_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(body) ? id(body) : undefined };
    if (code === 0)
        return (0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .httpFailure */ .tG)(reply) ?? (0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .notJsonFailure */ .cC)(reply);
    return (0,_codes_js__WEBPACK_IMPORTED_MODULE_7__/* .explainCode */ .Dv)(provider, {}, code, message, { status: reply.status, entry: explain(code, message) });
}
/** A number from a reply field that may be a number or a numeric string. */
function numberField(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value.trim()))
        return Number(value);
    return undefined;
}
/**
 * Fits a message whose size limit applies to the whole JSON body: `build` turns a Markdown source into the
 * body object, and content is dropped from the end of the source (with a visible marker and the link) until
 * the serialized body fits. A body that cannot fit even then (huge `options`) is an input error, never a
 * truncated JSON string.
 */
function fitJsonBody(message, limit, build, without) {
    const text = (0,_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .fitMarkdown */ .DJ)(message.markdown, {
        render: (markdown) => JSON.stringify(build(markdown)),
        limit,
        tail: (0,_render_message_js__WEBPACK_IMPORTED_MODULE_2__/* .truncationTail */ .Aj)(message),
    }).text;
    try {
        const body = JSON.parse(text);
        if ((0,_model_config_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(body) && (0,_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .fits */ .lA)(text, limit))
            return body;
    }
    catch {
        // Cut inside the JSON: reported below.
    }
    throw crowdedOut(limit, build, without);
}
function bodySize(build) {
    try {
        return Buffer.byteLength(JSON.stringify(build('')), 'utf8');
    }
    catch {
        // A body that cannot be built without this input (a card that needs its options): it is not the cause.
        return Infinity;
    }
}
/** The input error for a body that leaves no room for the message: the input whose part of the body is largest. */
function crowdedOut(limit, build, without = {}) {
    const full = bodySize(build);
    let blamed = 'options';
    let largest = 0;
    for (const [input, rebuild] of Object.entries(without)) {
        const share = full - bodySize(rebuild);
        if (share > largest) {
            largest = share;
            blamed = input;
        }
    }
    const room = `leave no room for the message within the service's ${limit.max}-${limit.unit} limit`;
    return blamed === 'target'
        ? new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('target', `mentions ${room}`, 'fewer mentions (@all reaches everyone in one)')
        : new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('options', room, 'smaller `options` values');
}
/** Robots without a signing scheme: a `secret` means the user expects signing that will not happen. */
function refuseSecret(secret, provider) {
    if (secret?.trim())
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('secret', `${provider} has no signing secret; it would be ignored`, 'no `secret` input');
}
/**
 * A one-line plain summary of a Markdown body for short fields (WeCom card sub-title, ServerChan `short`):
 * a leading heading is dropped (the title already says it) and link targets are left out.
 */
function summaryLine(markdown, limit) {
    const tokens = (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .lex */ .Ii)(markdown);
    const rest = tokens[0]?.type === 'heading' && tokens.length > 1 ? tokens.slice(1) : tokens;
    const plain = (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .toPlainText */ .bo)(rest.map((token) => token.raw).join('\n\n'))
        // Only where a run of blanks starts (`(?<!\s)`), and the address stops at the next parenthesis (safeHref
        // encodes them): a leading `\s*` tried at every blank, or `[^\s)]+` running over later `(https://`, made
        // this quadratic on long runs of spaces.
        .replace(/(?<!\s)\s*\(https?:\/\/[^\s()]+\)/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    return (0,_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .truncateText */ .EJ)(plain, limit);
}


/***/ })

};
