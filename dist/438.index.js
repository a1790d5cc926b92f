export const id = 438;
export const ids = [438];
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

/***/ 7438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  serverchan: () => (/* binding */ serverchan)
});

// EXTERNAL MODULE: ./src/model/config.ts
var config = __webpack_require__(4663);
// EXTERNAL MODULE: ./src/model/errors.ts
var errors = __webpack_require__(7206);
// EXTERNAL MODULE: ./src/model/idempotency.ts
var idempotency = __webpack_require__(1672);
// EXTERNAL MODULE: ./src/render/message.ts
var render_message = __webpack_require__(8795);
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/providers/webhook.ts
var webhook = __webpack_require__(6051);
;// CONCATENATED MODULE: ./src/providers/serverchan/codes.ts
/** ServerChan reply codes. The service documents few; the ones below come from its replies. */
const SERVERCHAN_CODES = {
    40001: { meaning: 'bad SendKey', hint: 'check `token`: copy the SendKey from sct.ftqq.com (or sc3.ft07.com)' },
    1024: {
        meaning: 'duplicate content',
        hint: 'ServerChan refuses the same content twice within a minute; vary the title or wait',
    },
    20001: { meaning: 'daily quota used up', hint: 'the free plan sends a few messages a day; upgrade or send fewer' },
};

// EXTERNAL MODULE: ./src/providers/serverchan/descriptor.ts
var descriptor = __webpack_require__(2963);
// EXTERNAL MODULE: ./src/providers/descriptor.ts
var providers_descriptor = __webpack_require__(4461);
;// CONCATENATED MODULE: ./src/providers/serverchan/index.ts









const TURBO = descriptor/* descriptor */.y.defaultEndpoint;
const SC3_KEY = /^sctp(\d+)t[A-Za-z0-9]+$/i;
const SENDKEY = /^(SCT[A-Za-z0-9]+|sctp\d+t[A-Za-z0-9]+)$/i;
const TOKEN_FORM = descriptor/* descriptor */.y.credentials.token.form;
/** Pulls the SendKey out of a pasted `…/{key}.send` or `…/send/{key}.send` URL. */
function keyFromUrl(url) {
    return /\/([A-Za-z0-9]+)\.send$/.exec(url.pathname)?.[1];
}
function interpret(reply) {
    return (0,webhook/* robotVerdict */.Wm)(reply, 'ServerChan', (json) => {
        const code = (0,webhook/* numberField */.sJ)(json.code);
        // The refusal of a repeated message is `errno` 1024 (seen in ServerChan's replies: it documents few codes).
        // ServerChan's older reply shape puts `errno`/`errmsg` at the top level, with or without `code`: a non-zero
        // one is a refusal.
        const topErrno = (0,webhook/* numberField */.sJ)(json.errno);
        const topMessage = String(json.errmsg ?? json.message ?? '');
        if (code === undefined)
            return topErrno === undefined ? undefined : { code: topErrno, message: topMessage };
        if (code === 0 && topErrno)
            return { code: topErrno, message: topMessage };
        // Turbo nests the delivery's own errno in `data`; a non-zero one is a refusal too.
        const data = (0,config/* isPlainObject */.Qd)(json.data) ? json.data : {};
        const errno = (0,webhook/* numberField */.sJ)(data.errno);
        const message = String(json.message ?? json.info ?? data.error ?? '');
        return code === 0 && errno ? { code: errno, message: String(data.error ?? message) } : { code, message };
    }, (code) => SERVERCHAN_CODES[code], (json) => {
        const data = (0,config/* isPlainObject */.Qd)(json.data) ? json.data : {};
        const id = data.pushid ?? data.pushId;
        return id === undefined ? undefined : String(id);
    });
}
const serverchan = {
    ...(0,providers_descriptor/* descriptorFacts */.H)(descriptor/* descriptor */.y),
    parse(settings) {
        const token = (0,webhook/* parseWebhookToken */.CF)(settings.token, {
            provider: 'ServerChan',
            ownHost: (host) => host === 'sctapi.ftqq.com' || /^\d+\.push\.ft07\.com$/.test(host),
            keyFromUrl,
            bareKey: SENDKEY,
            expected: TOKEN_FORM,
            endpointSet: Boolean(settings.endpoint?.trim()),
        });
        (0,webhook/* refuseSecret */.Tr)(settings.secret, 'ServerChan');
        // Format (Markdown only) and target (none) are checked by core against the descriptor (checks.ts).
        const channel = settings.channel?.trim() || undefined;
        if (channel && !/^\d+(\|\d+)*$/.test(channel))
            throw new errors/* ConfigError */.xL('channel', `'${channel}' is not a ServerChan channel list`, "channel numbers joined by '|', e.g. 9|66");
        const sc3 = SC3_KEY.exec(token.key);
        if (token.host && sc3 && token.host !== `${sc3[1]}.push.ft07.com` && !settings.endpoint?.trim())
            throw new errors/* ConfigError */.xL('token', `the SendKey belongs to ${sc3[1]}.push.ft07.com, not ${token.host}`, TOKEN_FORM);
        const official = sc3 ? `https://${sc3[1]}.push.ft07.com` : TURBO;
        return {
            sendKey: token.key,
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(official, settings.endpoint),
            path: sc3 ? `/send/${token.key}.send` : `/${token.key}.send`,
            channel,
            options: settings.options,
        };
    },
    plan(parsed, message, env) {
        env.secrets.add(parsed.sendKey);
        const limits = this.limits('markdown');
        const fields = {
            title: (0,render_message/* renderTitle */.zF)(message, limits.title),
            desp: (0,render_message/* renderBody */.lc)(message, 'markdown', limits.body),
            short: (0,webhook/* summaryLine */.dC)(message.markdown, { max: 64, unit: 'chars' }),
        };
        if (parsed.channel)
            fields.channel = parsed.channel;
        const body = JSON.stringify((0,config/* deepMerge */.$N)(fields, parsed.options));
        const url = (0,endpoint/* joinUrl */.w)(parsed.baseUrl, parsed.path);
        return [
            {
                target: 'sendkey',
                exchange: {
                    label: 'ServerChan',
                    build: () => ({ method: 'POST', url, headers: { 'content-type': 'application/json;charset=utf-8' }, body }),
                    interpret,
                    rateKey: `serverchan:${(0,idempotency/* credentialFingerprint */.I)(parsed.sendKey)}`,
                    rateLimit: this.rateLimit,
                },
            },
        ];
    },
};


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
