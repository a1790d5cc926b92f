export const id = 291;
export const ids = [291];
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

/***/ 9291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wecomApp: () => (/* binding */ wecomApp),
  wecomAppVerdict: () => (/* binding */ wecomAppVerdict)
});

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
// EXTERNAL MODULE: ./src/render/limits.ts
var render_limits = __webpack_require__(9142);
// EXTERNAL MODULE: ./src/render/markdown.ts
var markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/transport/transport.ts + 3 modules
var transport = __webpack_require__(1966);
// EXTERNAL MODULE: ./src/providers/app-channel.ts
var app_channel = __webpack_require__(5759);
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/providers/wecom/payload.ts
var payload = __webpack_require__(5946);
// EXTERNAL MODULE: ./src/providers/webhook.ts
var webhook = __webpack_require__(6051);
;// CONCATENATED MODULE: ./src/providers/wecom-app/descriptor.ts
const NAME = 'wecom-app';
const DISPLAY_NAME = 'WeCom app';
const WECOM_HOST = 'https://qyapi.weixin.qq.com';
const CREDENTIALS = {
    token: 'the corp id (企业ID, My Company → Company Information; store it as a secret)',
    secret: "the app's Secret (App Management → the app; store it as a secret)",
    appId: "the app's AgentId, a number (App Management → the app)",
};
const PATHS = { token: '/cgi-bin/gettoken', send: '/cgi-bin/message/send' };
const TARGET_FORM = "'user:ID[,ID…]', 'party:1[,2…]', 'tag:1[,2…]' or '@all', one per line";
const USER_ID = /^[\w.@-]{1,64}$/;
const NUMERIC_ID = /^\d{1,12}$/;
/** Recipients per request: touser at most 1000, toparty and totag at most 100 each. */
const MAX_USERS = 1000;
const MAX_PARTIES = 100;
const MAX_TAGS = 100;
const FORMATS = ['textcard', 'markdown', 'text', 'card'];
const DEFAULT_FORMAT = 'textcard';
/**
 * Application-message limits (not the group robot's 4096-byte markdown): text and markdown at most 2048 bytes,
 * textcard title 128 bytes and description 512 bytes; template_card text_notice as WeCom advises (characters).
 */
const LIMITS = {
    text: { title: { max: 128, unit: 'bytes' }, body: { max: 2048, unit: 'bytes' } },
    markdown: { title: { max: 128, unit: 'bytes' }, body: { max: 2048, unit: 'bytes' } },
    textcard: { title: { max: 128, unit: 'bytes' }, body: { max: 512, unit: 'bytes' } },
    card: { title: { max: 26, unit: 'chars' }, body: { max: 112, unit: 'chars' } },
};
/**
 * Each member receives at most 30 messages a minute and 1000 an hour from one app; above that WeCom drops the
 * message without an error (https://developer.work.weixin.qq.com/document/path/90454). Every request may reach
 * the same members, so the app's bucket is held to the per-member minute.
 */
const RATE_LIMIT = { requests: 30, perMs: 60_000 };
/** `duplicate_check_interval` bounds: WeCom's maximum is 4 hours. */
const DUPLICATE_WINDOW = { min: 60, max: 4 * 3600 };
/** Token codes that mean "fetch a new one and retry once" (wechatpy and the WeCom docs); `options.reauthCodes`. */
const DEFAULT_REAUTH_CODES = [40014, 42001];
const TRUSTED_IP_HINT = "WeCom answers apps created on or after 2022-06-20 only from the app's trusted IPs (企业可信IP), which must be " +
    "the company's own fixed server addresses, and CI runners have none: run a reverse proxy to " +
    'https://qyapi.weixin.qq.com on a server with a fixed IP, add that IP under the app\'s "企业可信IP" (it needs a ' +
    'verified trusted domain first), and set `endpoint` to the proxy, e.g. https://wecom-proxy.example.com';
const CREDENTIAL_HINT = 'check `token` (corp id) and `secret` (the Secret of this app)';
/** `errcode`s of gettoken and message/send (https://developer.work.weixin.qq.com/document/path/90313). */
const CODES = {
    [-1]: { meaning: 'system busy', retry: 'safe' },
    40001: { meaning: 'invalid secret', hint: CREDENTIAL_HINT },
    40003: { meaning: 'invalid userid', hint: 'check the user ids in `target`' },
    40013: { meaning: 'invalid corpid', hint: CREDENTIAL_HINT },
    40014: { meaning: 'invalid access_token' },
    40031: { meaning: 'invalid recipient list', hint: 'check `target`' },
    40032: { meaning: 'recipient list too long', hint: 'at most 1000 users, 100 parties and 100 tags per request' },
    40056: { meaning: 'invalid agentid', hint: "check `app-id`: the app's AgentId" },
    40091: { meaning: 'the secret belongs to another corp', hint: CREDENTIAL_HINT },
    41001: { meaning: 'access_token missing' },
    42001: { meaning: 'access_token expired' },
    44004: { meaning: 'empty content' },
    45002: { meaning: 'content too long', hint: 'text and markdown at most 2048 bytes' },
    45009: {
        meaning: 'frequency limit',
        retry: 'safe',
        hint: 'the app or the member is over its frequency limit; a member takes 30 messages a minute from one app',
    },
    45033: { meaning: 'concurrency limit', retry: 'safe' },
    48002: { meaning: 'API forbidden for this app', hint: 'use a self-built app (自建应用) with messaging enabled' },
    60011: {
        meaning: 'no permission for that member or party',
        hint: "add the recipients to the app's visibility (可见范围)",
    },
    60020: { meaning: 'caller IP is not a trusted IP of the app', hint: TRUSTED_IP_HINT },
    81013: {
        meaning: 'every user, party and tag is invalid or outside the visibility',
        hint: "check `target` and the app's visibility (可见范围)",
    },
    82001: { meaning: 'no recipient', hint: 'set `target`' },
    301002: { meaning: 'the token does not belong to this agentid', hint: 'check `app-id` and `secret` belong together' },
};

;// CONCATENATED MODULE: ./src/providers/wecom-app/index.ts













const CONSUMED = ['reauthCodes'];
function unique(values) {
    return [...new Set(values)];
}
function parseRecipients(raw) {
    const lines = (0,app_channel/* targetLines */.NR)(raw);
    if (lines.length === 0)
        throw new errors/* ConfigError */.xL('target', `is required for ${NAME}`, TARGET_FORM);
    const out = { all: false, users: [], parties: [], tags: [] };
    for (const line of lines) {
        if (line.toLowerCase() === '@all') {
            out.all = true;
            continue;
        }
        const match = /^(user|party|tag):(.+)$/i.exec(line);
        if (!match)
            throw new errors/* ConfigError */.xL('target', `'${line}' is not a WeCom app target`, TARGET_FORM);
        const kind = match[1].toLowerCase();
        const ids = match[2].split(',').map((id) => id.trim());
        for (const id of ids) {
            const ok = kind === 'user' ? USER_ID.test(id) : NUMERIC_ID.test(id);
            if (!ok)
                throw new errors/* ConfigError */.xL('target', `'${id}' in '${line}' is not a ${kind} id`, kind === 'user' ? 'WeCom user ids (letters, digits, . _ @ -)' : 'numeric ids');
        }
        if (kind === 'user')
            out.users.push(...ids);
        else if (kind === 'party')
            out.parties.push(...ids);
        else
            out.tags.push(...ids);
    }
    if (out.all && (out.users.length || out.parties.length || out.tags.length))
        // WeCom ignores every other recipient next to @all: say so instead of dropping them silently.
        throw new errors/* ConfigError */.xL('target', "'@all' cannot be combined with users, parties or tags", "'@all' alone");
    return { all: out.all, users: unique(out.users), parties: unique(out.parties), tags: unique(out.tags) };
}
/** Request batches within the per-request recipient limits. */
function batches(recipients) {
    if (recipients.all)
        return [{ label: '@all', fields: { touser: '@all' } }];
    const chunk = (values, size) => Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));
    const users = chunk(recipients.users, MAX_USERS);
    const parties = chunk(recipients.parties, MAX_PARTIES);
    const tags = chunk(recipients.tags, MAX_TAGS);
    const count = Math.max(users.length, parties.length, tags.length);
    return Array.from({ length: count }, (_, i) => {
        const fields = {};
        const label = [];
        const add = (key, prefix, ids) => {
            if (!ids?.length)
                return;
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
function textcardDescription(message) {
    const limits = LIMITS.textcard;
    const context = message.context;
    const where = [context.repository, context.branch ?? context.tag].filter(Boolean).join(' · ');
    const css = message.state === 'failure' || message.state === 'still-failing' ? 'highlight' : 'gray';
    const head = `<div class="${css}">${(0,render_escape/* escapeHtml */.ZD)(where || (0,render_message/* renderTitle */.zF)(message))}</div>`;
    const room = limits.body.max - (0,render_limits/* measure */.xP)(head, 'bytes') - (0,render_limits/* measure */.xP)('<div class="normal"></div>', 'bytes');
    // Escaping grows the text: cut the plain text until its escaped form fits.
    // The body's heading repeats the card title: the description starts below it.
    const tokens = (0,markdown/* lex */.Ii)(message.markdown);
    const rest = tokens[0]?.type === 'heading' && tokens.length > 1 ? tokens.slice(1) : tokens;
    let plain = (0,markdown/* toPlainText */.bo)(rest.map((token) => token.raw).join('\n\n')).replace(/\n{2,}/g, '\n');
    let escaped = (0,render_escape/* escapeHtml */.ZD)(plain);
    for (let max = room; (0,render_limits/* measure */.xP)(escaped, 'bytes') > room && max > 0; max -= 16) {
        plain = (0,render_limits/* truncateText */.EJ)(plain, { max, unit: 'bytes' });
        escaped = (0,render_escape/* escapeHtml */.ZD)(plain);
    }
    return escaped ? `${head}<div class="normal">${escaped}</div>` : head;
}
function content(format, message) {
    const limits = LIMITS[format];
    switch (format) {
        case 'text': {
            const title = (0,render_message/* renderTitle */.zF)(message, limits.title);
            const text = (0,render_message/* renderBody */.lc)(message, 'text', {
                max: limits.body.max - (0,render_limits/* measure */.xP)(`${title}\n\n`, 'bytes'),
                unit: 'bytes',
            });
            return { msgtype: 'text', text: { content: text.includes(title) ? text : `${title}\n\n${text}` } };
        }
        case 'markdown':
            return { msgtype: 'markdown', markdown: { content: (0,render_message/* renderBody */.lc)(message, 'wecom-markdown', limits.body) } };
        case 'card': {
            const card = (0,payload/* wecomPayload */.qi)('card', message, { all: false, users: [], mobiles: [] }, {});
            return { msgtype: 'template_card', template_card: card.template_card };
        }
        default: {
            if (!message.link)
                throw new errors/* ConfigError */.xL('format', "'textcard' needs a link to open (the run URL is unknown)", "'markdown' or 'text'");
            return {
                msgtype: 'textcard',
                textcard: {
                    title: (0,render_message/* renderTitle */.zF)(message, limits.title),
                    description: textcardDescription(message),
                    url: message.link,
                    btntxt: '详情',
                },
            };
        }
    }
}
/** gettoken and send both answer `errcode`/`errmsg` in an HTTP 200 body. */
function wecomAppVerdict(reply, reauthCodes) {
    const body = (0,config/* isPlainObject */.Qd)(reply.json) ? reply.json : undefined;
    const code = (0,webhook/* numberField */.sJ)(body?.errcode);
    if (code === undefined)
        return (0,transport/* httpFailure */.tG)(reply) ?? (0,transport/* notJsonFailure */.cC)(reply);
    if (code === 0 && reply.status >= 200 && reply.status < 300) {
        const msgid = body?.msgid;
        return { ok: true, code, id: typeof msgid === 'string' && msgid ? msgid : undefined };
    }
    const text = typeof body?.errmsg === 'string' ? body.errmsg : '';
    return (0,app_channel/* codeFailure */.OZ)('WeCom', CODES, code, text, { status: reply.status, reauthCodes });
}
const REFUSED = [
    ['invaliduser', 'user', 'invalid user, or outside the app visibility'],
    ['invalidparty', 'party', 'invalid party, or outside the app visibility'],
    ['invalidtag', 'tag', 'invalid tag, or outside the app visibility'],
    ['unlicenseduser', 'user', 'no interface licence (in the visibility but not licensed)'],
];
/** Partial acceptance: the message went out, and the recipients WeCom listed as refused are warnings. */
function recipientsOf(label) {
    return (reply) => {
        const body = (0,config/* isPlainObject */.Qd)(reply.json) ? reply.json : {};
        const refused = [];
        for (const [field, prefix, why] of REFUSED) {
            const raw = body[field];
            const ids = typeof raw === 'string' ? raw.split('|').filter(Boolean) : [];
            for (const id of ids)
                refused.push({ target: `${prefix}:${id}`, ok: false, warning: true, message: `${field}: ${why}` });
        }
        if (refused.length === 0)
            return [];
        const msgid = typeof body.msgid === 'string' ? body.msgid : undefined;
        return [
            { target: label, ok: true, id: msgid, message: `accepted; ${refused.length} recipient(s) refused` },
            ...refused,
        ];
    };
}
function accessToken(parsed, env) {
    return new app_channel/* AppToken */.r$(async () => {
        const query = `?corpid=${encodeURIComponent(parsed.corpId)}&corpsecret=${encodeURIComponent(parsed.corpSecret)}`;
        const outcome = await env.transport.exchange({
            label: 'WeCom access token',
            build: () => ({ method: 'GET', url: `${(0,endpoint/* joinUrl */.w)(parsed.baseUrl, PATHS.token)}${query}`, headers: {} }),
            interpret: (reply) => {
                const verdict = wecomAppVerdict(reply, []);
                if (!verdict.ok)
                    return verdict;
                const token = reply.json.access_token;
                if (typeof token !== 'string' || !token)
                    return { ok: false, message: 'the token reply has no access_token', retry: 'never' };
                env.secrets.add(token);
                return { ok: true };
            },
            rateKey: `${NAME}-token:${(0,idempotency/* credentialFingerprint */.I)(`${parsed.corpId}/${parsed.agentId}`)}`,
        });
        const token = outcome.reply.json.access_token;
        if (typeof token !== 'string')
            throw new errors/* ProviderError */.mZ('WeCom access token: the reply has no access_token');
        return token;
    });
}
/** A window that covers every retry of this run, so a repeated request is never delivered twice. */
function duplicateInterval(env) {
    const seconds = env.deadline ? Math.ceil((env.deadline - env.now()) / 1000) : DUPLICATE_WINDOW.min;
    return Math.min(DUPLICATE_WINDOW.max, Math.max(DUPLICATE_WINDOW.min, seconds));
}
const wecomApp = {
    name: NAME,
    displayName: DISPLAY_NAME,
    defaultEndpoint: WECOM_HOST,
    formats: FORMATS,
    defaultFormat: DEFAULT_FORMAT,
    retryableCodes: [-1, 45009, 45033],
    idempotencyKey: 'enable_duplicate_check',
    rateLimit: RATE_LIMIT,
    limits: (format) => LIMITS[FORMATS.includes(format) ? format : DEFAULT_FORMAT],
    parse(settings) {
        const corpId = settings.token?.trim();
        if (!corpId)
            throw new errors/* ConfigError */.xL('token', `is required for ${NAME}`, CREDENTIALS.token);
        if (/\s/.test(corpId))
            throw new errors/* ConfigError */.xL('token', 'contains whitespace', CREDENTIALS.token);
        const corpSecret = settings.secret?.trim();
        if (!corpSecret)
            throw new errors/* ConfigError */.xL('secret', `is required for ${NAME}`, CREDENTIALS.secret);
        const agent = settings.appId?.trim() ?? '';
        if (!/^\d{1,10}$/.test(agent))
            throw new errors/* ConfigError */.xL('app-id', agent ? `'${agent}' is not an AgentId` : `is required for ${NAME}`, CREDENTIALS.appId);
        const format = (settings.format?.trim().toLowerCase() || DEFAULT_FORMAT);
        if (!FORMATS.includes(format))
            throw new errors/* ConfigError */.xL('format', `unknown ${NAME} format '${settings.format}'`, FORMATS.join(', '));
        return {
            corpId,
            corpSecret,
            agentId: Number(agent),
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(WECOM_HOST, settings.endpoint),
            format,
            recipients: parseRecipients(settings.target),
            reauthCodes: (0,app_channel/* reauthCodesOption */.fX)(settings.options.reauthCodes, DEFAULT_REAUTH_CODES, (problem, expected) => new errors/* ConfigError */.xL('options.reauthCodes', problem, expected)),
            options: (0,config/* omitKeys */.QD)(settings.options, CONSUMED),
        };
    },
    plan(parsed, message, env) {
        env.secrets.add(parsed.corpSecret);
        const token = accessToken(parsed, env);
        const payload = content(parsed.format, message);
        const interval = duplicateInterval(env);
        return batches(parsed.recipients).map(({ label, fields }) => {
            const body = JSON.stringify((0,config/* deepMerge */.$N)({
                ...fields,
                agentid: parsed.agentId,
                ...payload,
                // The same request JSON within the window is not delivered again: a retry cannot message twice.
                enable_duplicate_check: 1,
                duplicate_check_interval: interval,
            }, parsed.options));
            let used;
            return {
                target: label,
                idempotencyKey: `duplicate_check_interval=${interval}`,
                exchange: {
                    label: `WeCom app ${label}`,
                    build: async () => {
                        used = env.dryRun ? app_channel/* DRY_RUN_TOKEN */.MQ : await token.get();
                        return {
                            method: 'POST',
                            // The token must travel in the URL (41001 otherwise).
                            url: `${(0,endpoint/* joinUrl */.w)(parsed.baseUrl, PATHS.send)}?access_token=${encodeURIComponent(used)}`,
                            headers: { 'content-type': 'application/json; charset=utf-8' },
                            body,
                        };
                    },
                    interpret: (reply) => wecomAppVerdict(reply, parsed.reauthCodes),
                    onReauth: () => token.invalidate(used),
                    idempotent: true,
                    rateKey: `${NAME}:${(0,idempotency/* credentialFingerprint */.I)(`${parsed.corpId}/${parsed.agentId}`)}`,
                    rateLimit: RATE_LIMIT,
                },
                recipients: recipientsOf(label),
            };
        });
    },
};


/***/ }),

/***/ 5946:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ WECOM_LIMITS),
/* harmony export */   jb: () => (/* binding */ mentionPayload),
/* harmony export */   l8: () => (/* binding */ WECOM_FORMATS),
/* harmony export */   qi: () => (/* binding */ wecomPayload),
/* harmony export */   s1: () => (/* binding */ splitMentions)
/* harmony export */ });
/* harmony import */ var _model_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4663);
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7206);
/* harmony import */ var _render_message_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8795);
/* harmony import */ var _render_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9142);
/* harmony import */ var _webhook_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6051);





const WECOM_FORMATS = ['markdown', 'markdown_v2', 'text', 'card'];
/** Content limits as WeCom counts them: UTF-8 bytes. */
const WECOM_LIMITS = {
    text: { max: 2048, unit: 'bytes' },
    markdown: { max: 4096, unit: 'bytes' },
    markdown_v2: { max: 4096, unit: 'bytes' },
    // template_card text_notice: the sub-title text is the body (WeCom advises at most 112 characters).
    card: { max: 112, unit: 'chars' },
};
/** Card field lengths WeCom advises for text_notice. */
const CARD_TITLE = { max: 26, unit: 'chars' };
const CARD_DESC = { max: 30, unit: 'chars' };
/**
 * Mentions per format. `text` carries all of them (mentioned_list / mentioned_mobile_list). Markdown v1
 * mentions users with `<@userid>` but cannot reach mobiles or @all; markdown_v2 and cards cannot mention at
 * all. What a format cannot carry goes in a second, short `text` message so the ping is never silently lost.
 */
function splitMentions(format, mentions) {
    const none = { all: false, users: [], mobiles: [] };
    const any = mentions.all || mentions.users.length > 0 || mentions.mobiles.length > 0;
    if (format === 'text')
        return { inline: mentions };
    if (format === 'markdown') {
        const rest = { all: mentions.all, users: [], mobiles: mentions.mobiles };
        return { inline: { ...none, users: mentions.users }, extra: rest.all || rest.mobiles.length ? rest : undefined };
    }
    return { inline: none, extra: any ? mentions : undefined };
}
function withTitle(title, text) {
    return text.includes(title) ? text : `${title}\n\n${text}`;
}
function textMessage(content, mentions) {
    const text = { content };
    const list = [...mentions.users, ...(mentions.all ? ['@all'] : [])];
    if (list.length)
        text.mentioned_list = list;
    if (mentions.mobiles.length)
        text.mentioned_mobile_list = mentions.mobiles;
    return { msgtype: 'text', text };
}
/** The body of the main message, with the content fitted to the byte limit after room for mentions. */
function wecomPayload(format, message, mentions, options) {
    const title = (0,_render_message_js__WEBPACK_IMPORTED_MODULE_2__/* .renderTitle */ .zF)(message);
    const limit = WECOM_LIMITS[format];
    let body;
    switch (format) {
        case 'text': {
            const text = (0,_render_message_js__WEBPACK_IMPORTED_MODULE_2__/* .renderBody */ .lc)(message, 'text', { ...limit, max: limit.max - (0,_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .measure */ .xP)(`${title}\n\n`, 'bytes') });
            body = textMessage(withTitle(title, text), mentions);
            break;
        }
        case 'markdown': {
            const mentionText = mentions.users.map((id) => `<@${id}>`).join('');
            const reserve = mentionText ? (0,_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .measure */ .xP)(`\n\n${mentionText}`, 'bytes') : 0;
            const text = (0,_render_message_js__WEBPACK_IMPORTED_MODULE_2__/* .renderBody */ .lc)(message, 'wecom-markdown', { ...limit, max: limit.max - reserve });
            body = { msgtype: 'markdown', markdown: { content: [text, mentionText].filter(Boolean).join('\n\n') } };
            break;
        }
        case 'markdown_v2':
            body = { msgtype: 'markdown_v2', markdown_v2: { content: (0,_render_message_js__WEBPACK_IMPORTED_MODULE_2__/* .renderBody */ .lc)(message, 'wecom-markdown-v2', limit) } };
            break;
        case 'card': {
            if (!message.link)
                throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL('format', "'card' needs a link to open (the run or release URL is unknown)", "'markdown'");
            const summary = (0,_webhook_js__WEBPACK_IMPORTED_MODULE_4__/* .summaryLine */ .dC)(message.markdown, limit);
            const context = message.context;
            const card = {
                card_type: 'text_notice',
                main_title: {
                    title: (0,_render_message_js__WEBPACK_IMPORTED_MODULE_2__/* .renderTitle */ .zF)(message, CARD_TITLE),
                    desc: (0,_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .truncateText */ .EJ)([context.repository, context.branch ?? context.tag].filter(Boolean).join(' · '), CARD_DESC),
                },
                sub_title_text: summary,
                jump_list: [{ type: 1, title: message.linkText, url: message.link }],
                card_action: { type: 1, url: message.link },
            };
            const desc = [context.repository, context.branch ?? context.tag].filter(Boolean).join(' · ');
            if (desc)
                card.main_title.desc = (0,_render_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .truncateText */ .EJ)(desc, CARD_DESC);
            body = { msgtype: 'template_card', template_card: card };
            break;
        }
    }
    return (0,_model_config_js__WEBPACK_IMPORTED_MODULE_0__/* .deepMerge */ .$N)(body, options);
}
/** The extra `text` message that carries mentions the main format cannot. */
function mentionPayload(message, mentions) {
    return textMessage((0,_render_message_js__WEBPACK_IMPORTED_MODULE_2__/* .renderTitle */ .zF)(message, { max: 512, unit: 'bytes' }), mentions);
}


/***/ })

};
