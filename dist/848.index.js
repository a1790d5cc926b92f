export const id = 848;
export const ids = [848];
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


/***/ }),

/***/ 7848:
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
// EXTERNAL MODULE: ./src/providers/codes.ts
var codes = __webpack_require__(984);
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/providers/wecom/payload.ts
var payload = __webpack_require__(5946);
// EXTERNAL MODULE: ./src/providers/webhook.ts
var webhook = __webpack_require__(6051);
// EXTERNAL MODULE: ./src/providers/wecom-app/descriptor.ts
var descriptor = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/providers/descriptor.ts
var providers_descriptor = __webpack_require__(4461);
;// CONCATENATED MODULE: ./src/providers/wecom-app/codes.ts
const TRUSTED_IP_HINT = "WeCom answers apps created on or after 2022-06-20 only from the app's trusted IPs (企业可信IP), which must be " +
    "the company's own fixed server addresses, and CI runners have none: run a reverse proxy to " +
    'https://qyapi.weixin.qq.com on a server with a fixed IP, add that IP under the app\'s "企业可信IP" (it needs a ' +
    'verified trusted domain first), and set `endpoint` to the proxy, e.g. https://wecom-proxy.example.com';
const CREDENTIAL_HINT = 'check `token` (corp id) and `secret` (the Secret of this app)';
/** `errcode`s of gettoken and message/send (https://developer.work.weixin.qq.com/document/path/90313). */
const CODES = {
    [-1]: { meaning: 'system busy', retry: 'retry' },
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
        retry: 'retry',
        hint: 'the app or the member is over its frequency limit; a member takes 30 messages a minute from one app',
    },
    45033: { meaning: 'concurrency limit', retry: 'retry' },
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

// EXTERNAL MODULE: ./src/providers/wecom-app/targets.ts
var targets = __webpack_require__(1528);
;// CONCATENATED MODULE: ./src/providers/wecom-app/index.ts


















const CONSUMED = ['reauthCodes'];
/** Request batches within the per-request recipient limits. */
function batches(recipients) {
    if (recipients.all)
        return [{ label: '@all', fields: { touser: '@all' } }];
    const chunk = (values, size) => Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));
    const users = chunk(recipients.users, descriptor/* MAX_USERS */.kk);
    const parties = chunk(recipients.parties, descriptor/* MAX_PARTIES */.yV);
    const tags = chunk(recipients.tags, descriptor/* MAX_TAGS */.x3);
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
    const limits = descriptor/* LIMITS */.b1.textcard;
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
    const limits = descriptor/* LIMITS */.b1[format];
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
    return (0,codes/* explainCode */.Dv)('WeCom', CODES, code, text, { status: reply.status, reauthCodes });
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
    return new app_channel/* AppToken */.r$(() => (0,app_channel/* fetchAccessToken */.QO)(env, {
        label: 'WeCom access token',
        url: `${(0,endpoint/* joinUrl */.w)(parsed.baseUrl, descriptor/* PATHS */.R7.token)}?corpid=${encodeURIComponent(parsed.corpId)}&corpsecret=${encodeURIComponent(parsed.corpSecret)}`,
        verdict: (reply) => wecomAppVerdict(reply, []),
        rateKey: `${descriptor/* NAME */.o_}-token:${(0,idempotency/* credentialFingerprint */.I)(`${parsed.corpId}/${parsed.agentId}`)}`,
    }));
}
/** A window that covers every retry of this run, so a repeated request is never delivered twice. */
function duplicateInterval(env) {
    const seconds = env.deadline ? Math.ceil((env.deadline - env.now()) / 1000) : descriptor/* DUPLICATE_WINDOW */.f_.min;
    return Math.min(descriptor/* DUPLICATE_WINDOW */.f_.max, Math.max(descriptor/* DUPLICATE_WINDOW */.f_.min, seconds));
}
const wecomApp = {
    ...(0,providers_descriptor/* descriptorFacts */.H)(descriptor/* descriptor */.yu),
    idempotencyKey: 'enable_duplicate_check',
    parse(settings) {
        // Required credentials, the format and a needed target are checked by core from the descriptor (checks.ts).
        const corpId = settings.token.trim();
        if (/\s/.test(corpId))
            throw new errors/* ConfigError */.xL('token', 'contains whitespace', descriptor/* CREDENTIALS */.tG.token);
        const corpSecret = settings.secret.trim();
        const agent = settings.appId?.trim() ?? '';
        if (!/^\d{1,10}$/.test(agent))
            throw new errors/* ConfigError */.xL('app-id', agent ? `'${agent}' is not an AgentId` : `is required for ${descriptor/* NAME */.o_}`, descriptor/* CREDENTIALS */.tG.appId);
        const format = (settings.format || descriptor/* DEFAULT_FORMAT */.ui);
        return {
            corpId,
            corpSecret,
            agentId: Number(agent),
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(descriptor/* WECOM_HOST */.Ng, settings.endpoint),
            format,
            recipients: (0,targets/* parseRecipients */.q)(settings.target),
            reauthCodes: (0,app_channel/* reauthCodesOption */.fX)(settings.options.reauthCodes, descriptor/* DEFAULT_REAUTH_CODES */.RU, (problem, expected) => new errors/* ConfigError */.xL('options.reauthCodes', problem, expected)),
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
                            url: `${(0,endpoint/* joinUrl */.w)(parsed.baseUrl, descriptor/* PATHS */.R7.send)}?access_token=${encodeURIComponent(used)}`,
                            headers: { 'content-type': 'application/json; charset=utf-8' },
                            body,
                        };
                    },
                    interpret: (reply) => wecomAppVerdict(reply, parsed.reauthCodes),
                    onReauth: () => token.invalidate(used),
                    idempotent: true,
                    rateKey: `${descriptor/* NAME */.o_}:${(0,idempotency/* credentialFingerprint */.I)(`${parsed.corpId}/${parsed.agentId}`)}`,
                    rateLimit: descriptor/* RATE_LIMIT */.jS,
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
/* harmony export */   jb: () => (/* binding */ mentionPayload),
/* harmony export */   qi: () => (/* binding */ wecomPayload),
/* harmony export */   s1: () => (/* binding */ splitMentions)
/* harmony export */ });
/* harmony import */ var _model_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4663);
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7206);
/* harmony import */ var _render_message_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8795);
/* harmony import */ var _render_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9142);
/* harmony import */ var _webhook_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6051);
/* harmony import */ var _descriptor_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5563);







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
    const limit = _descriptor_js__WEBPACK_IMPORTED_MODULE_5__/* .WECOM_LIMITS */ .$Y[format];
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
