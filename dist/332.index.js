export const id = 332;
export const ids = [332];
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
/* harmony export */   NR: () => (/* binding */ targetLines),
/* harmony export */   OZ: () => (/* binding */ codeFailure),
/* harmony export */   fX: () => (/* binding */ reauthCodesOption),
/* harmony export */   r$: () => (/* binding */ AppToken)
/* harmony export */ });
/**
 * Plumbing shared by the application channels (feishu-app, wecom-app, dingtalk-app).
 */
/**
 * The run-time access token of an application channel (Feishu tenant token, WeCom and DingTalk access tokens):
 * fetched on first use, shared by every request of the run (concurrent callers wait on the same fetch), and
 * replaced at most once per token the service rejected. The services throttle or ban callers that fetch tokens
 * often, so a failed fetch is remembered rather than repeated by each delivery. Same pattern as Easemob's
 * TokenSession; the fetch itself is the provider's.
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
/** The failure verdict for a business code, from the channel's table (an unknown code is never retried). */
function codeFailure(provider, table, code, text, options) {
    const known = table[code];
    const reauth = options.reauthCodes.includes(code);
    const retry = reauth
        ? 'reauth'
        : known?.retry === 'safe' || options.status === 429 || options.status >= 500
            ? 'safe'
            : 'never';
    return {
        ok: false,
        code,
        message: `${provider} error ${code} (${known?.meaning ?? 'unknown code'})${text ? `: ${text}` : ''}`,
        hint: known?.hint,
        retry,
        retryAfterMs: options.retryAfterMs,
    };
}
/** Reads `options.reauthCodes` (codes that mean "fetch a new token and retry once"), or the channel's default. */
function reauthCodesOption(value, fallback, configError) {
    if (value === undefined)
        return [...fallback];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'number' && Number.isInteger(item)))
        throw configError('must be a list of numeric error codes', `e.g. [${fallback.join(', ')}]`);
    return value;
}
/** Splits `target` into its non-empty lines (`;` also separates, as for the other providers). */
function targetLines(raw) {
    return (raw ?? '')
        .split(/[\n;]/)
        .map((line) => line.trim())
        .filter(Boolean);
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

/***/ 1332:
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
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/providers/feishu/payload.ts
var payload = __webpack_require__(7911);
// EXTERNAL MODULE: ./src/providers/webhook.ts
var webhook = __webpack_require__(6051);
;// CONCATENATED MODULE: ./src/providers/feishu-app/descriptor.ts
const NAME = 'feishu-app';
const DISPLAY_NAME = 'Feishu / Lark app';
/** China host; Lark (international) is `endpoint: https://open.larksuite.com`. */
const FEISHU_HOST = 'https://open.feishu.cn';
const CREDENTIALS = {
    token: 'the App ID (cli_…) from the app\'s "Credentials & Basic Info" page (store it as a secret)',
    secret: 'the App Secret from the same page (store it as a secret)',
};
const PATHS = {
    token: '/open-apis/auth/v3/tenant_access_token/internal',
    send: '/open-apis/im/v1/messages',
    message: (id) => `/open-apis/im/v1/messages/${encodeURIComponent(id)}`,
    reply: (id) => `/open-apis/im/v1/messages/${encodeURIComponent(id)}/reply`,
    readUsers: (id) => `/open-apis/im/v1/messages/${encodeURIComponent(id)}/read_users`,
};
/** `target` prefixes → `receive_id_type`, with the id shape each expects. */
const TARGET_KINDS = {
    chat: { type: 'chat_id', pattern: /^oc_[\w-]+$/, example: 'chat:oc_a0553eda9014c201e6969b478895c230' },
    user: { type: 'open_id', pattern: /^ou_[\w-]+$/, example: 'user:ou_7d8a6e6df7621556ce0d21922b676706' },
    'user-id': { type: 'user_id', pattern: /^[\w.-]{1,64}$/, example: 'user-id:7cc1d3a8' },
    union: { type: 'union_id', pattern: /^on_[\w-]+$/, example: 'union:on_94a1ee5551019f18cd73d9f111898cf2' },
    email: { type: 'email', pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, example: 'email:ops@example.com' },
};
const TARGET_FORM = "'chat:oc_…', 'user:ou_…' (open_id), 'user-id:ID', 'union:on_…' or 'email:ADDRESS', one per line";
const FORMATS = ['card', 'post', 'text'];
const DEFAULT_FORMAT = 'card';
/** `content` limits: text at most 150 KB, card and post at most 30 KB (style tags count). */
const CONTENT_BYTES = { text: 150_000, post: 30_000, card: 30_000 };
/** `uuid` may be at most 50 characters; a repeated uuid sends at most one message within an hour. */
const UUID_LENGTH = 40;
/**
 * Per app: 1000 calls a minute and 50 a second per API; 5 a second to one user or one chat
 * (https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control). A run sends one request per
 * target, so the per-app second limit is the one a fan-out meets.
 */
const RATE_LIMIT = { requests: 50, perMs: 1000 };
/**
 * Codes that mean "the tenant token is no longer valid": drop it, fetch a new one and retry once. The official
 * Go SDK retries on 99991663, 99991664 and 99991671; 99991661 (missing token) and 99991668 (invalid token) are
 * seen in the wild. Configurable through `options.reauthCodes` because the list is not documented as a whole.
 */
const DEFAULT_REAUTH_CODES = [99991661, 99991663, 99991664, 99991668, 99991671];
/** `page_size` of the read-users query; its maximum is not documented (UNVERIFIED), so `options.readUsersPageSize`. */
const DEFAULT_READ_PAGE_SIZE = 50;
const SCOPE = 'grant the app the scope im:message:send_as_bot (or im:message) and publish a new version';
/** Business codes (HTTP 400 with `code` in the body) and what the user can do. */
const CODES = {
    10003: { meaning: 'invalid parameter', hint: 'check `token` (App ID) and `secret` (App Secret)' },
    10014: { meaning: 'app secret invalid', hint: 'check `secret`: the App Secret of this App ID' },
    99991400: { meaning: 'rate limited', retry: 'safe', hint: 'the app exceeded its call rate; retried after the reset' },
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
    230020: { meaning: 'rate limited', retry: 'safe', hint: 'at most 5 messages a second to one user or chat' },
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

;// CONCATENATED MODULE: ./src/providers/feishu-app/index.ts












/** Option keys the adapter reads itself; everything else merges into the message content. */
const CONSUMED = ['reauthCodes', 'readUsersPageSize'];
const NO_MENTIONS = { all: false, users: [], mobiles: [] };
const MESSAGE_ID = /^om_[\w-]+$/;
function parseTargets(raw) {
    return (0,app_channel/* targetLines */.NR)(raw).map((line) => {
        const colon = line.indexOf(':');
        const kind = (colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '');
        const id = colon > 0 ? line.slice(colon + 1).trim() : '';
        const spec = Object.hasOwn(TARGET_KINDS, kind) ? TARGET_KINDS[kind] : undefined;
        if (!spec)
            throw new errors/* ConfigError */.xL('target', `'${line}' is not a Feishu app target`, TARGET_FORM);
        if (!spec.pattern.test(id))
            throw new errors/* ConfigError */.xL('target', `'${line}' is not a valid ${kind} id`, `e.g. '${spec.example}'`);
        return { label: `${kind}:${id}`, receiveIdType: spec.type, receiveId: id };
    });
}
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
    const failure = (0,app_channel/* codeFailure */.OZ)('Feishu', CODES, code, text, { status: reply.status, reauthCodes, retryAfterMs: reset });
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
                url: (0,endpoint/* joinUrl */.w)(parsed.baseUrl, PATHS.token),
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
            rateKey: `${NAME}-token:${(0,idempotency/* credentialFingerprint */.I)(parsed.appId)}`,
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
    return `cin-${(0,idempotency/* deliveryKey */.u)(message.context, NAME, `${what}\u0000${digest}`, UUID_LENGTH)}`;
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
        rateKey: `${NAME}:${(0,idempotency/* credentialFingerprint */.I)(parsed.appId)}`,
        rateLimit: RATE_LIMIT,
    };
}
const headers = (auth) => ({
    authorization: `Bearer ${auth}`,
    'content-type': 'application/json; charset=utf-8',
});
const messageIdOf = (data) => typeof data.message_id === 'string' ? data.message_id : undefined;
const feishuApp = {
    name: NAME,
    displayName: DISPLAY_NAME,
    defaultEndpoint: FEISHU_HOST,
    formats: FORMATS,
    defaultFormat: DEFAULT_FORMAT,
    retryableCodes: [99991400, 230020],
    idempotencyKey: 'uuid',
    updatesMessages: true,
    repliesInThread: true,
    rateLimit: RATE_LIMIT,
    /** One tenant token per parsed configuration (= per run), shared by the sends and the follow-up. */
    tokens: new WeakMap(),
    limits: (format) => ({
        title: { max: 200, unit: 'chars' },
        body: {
            max: CONTENT_BYTES[FORMATS.includes(format) ? format : 'card'],
            unit: 'bytes',
        },
    }),
    parse(settings) {
        const appId = settings.token?.trim();
        if (!appId)
            throw new errors/* ConfigError */.xL('token', `is required for ${NAME}`, CREDENTIALS.token);
        if (/\s/.test(appId))
            throw new errors/* ConfigError */.xL('token', 'contains whitespace', CREDENTIALS.token);
        const appSecret = settings.secret?.trim();
        if (!appSecret)
            throw new errors/* ConfigError */.xL('secret', `is required for ${NAME}`, CREDENTIALS.secret);
        const format = (settings.format?.trim().toLowerCase() || DEFAULT_FORMAT);
        if (!FORMATS.includes(format))
            throw new errors/* ConfigError */.xL('format', `unknown ${NAME} format '${settings.format}'`, FORMATS.join(', '));
        const updateMessage = messageIdInput('update-message', settings.updateMessage);
        const replyTo = messageIdInput('reply-to', settings.replyTo);
        if (updateMessage && replyTo)
            throw new errors/* ConfigError */.xL('reply-to', 'cannot be combined with update-message', 'one of update-message or reply-to');
        if (updateMessage && format !== 'card')
            throw new errors/* ConfigError */.xL('format', `'${format}' messages cannot be updated in place`, "'card' with update-message");
        const targets = parseTargets(settings.target);
        if (!updateMessage && !replyTo && targets.length === 0)
            throw new errors/* ConfigError */.xL('target', `is required for ${NAME}`, TARGET_FORM);
        const options = settings.options;
        const readPageSize = options.readUsersPageSize ?? DEFAULT_READ_PAGE_SIZE;
        if (typeof readPageSize !== 'number' || !Number.isInteger(readPageSize) || readPageSize < 1)
            throw new errors/* ConfigError */.xL('options.readUsersPageSize', `${String(readPageSize)} is not a page size`, 'a whole number from 1');
        return {
            appId,
            appSecret,
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(FEISHU_HOST, settings.endpoint),
            format,
            targets,
            updateMessage,
            replyTo,
            reauthCodes: (0,app_channel/* reauthCodesOption */.fX)(options.reauthCodes, DEFAULT_REAUTH_CODES, (problem, expected) => new errors/* ConfigError */.xL('options.reauthCodes', problem, expected)),
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
                        url: url(PATHS.message(id)),
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
                    exchange: authorized(parsed, env, token, `reply to ${id}`, (auth) => ({ method: 'POST', url: url(PATHS.reply(id)), headers: headers(auth), body }), messageIdOf, true),
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
                exchange: authorized(parsed, env, token, target.label, (auth) => ({ method: 'POST', url: `${url(PATHS.send)}${query}`, headers: headers(auth), body }), messageIdOf, true),
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
                url: `${(0,endpoint/* joinUrl */.w)(parsed.baseUrl, PATHS.readUsers(id))}${query}`,
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


/***/ })

};
