export const id = 429;
export const ids = [429];
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

/***/ 5429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dingtalk: () => (/* binding */ dingtalk)
});

// EXTERNAL MODULE: ./src/model/config.ts
var config = __webpack_require__(4663);
// EXTERNAL MODULE: ./src/model/errors.ts
var errors = __webpack_require__(7206);
// EXTERNAL MODULE: ./src/model/idempotency.ts
var idempotency = __webpack_require__(1672);
// EXTERNAL MODULE: ./src/render/message.ts
var render_message = __webpack_require__(8795);
// EXTERNAL MODULE: ./src/render/markdown.ts
var render_markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/providers/webhook.ts
var webhook = __webpack_require__(6051);
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/providers/unsigned.ts
var unsigned = __webpack_require__(3643);
;// CONCATENATED MODULE: ./src/providers/dingtalk/codes.ts
const SIGN_HINT = "sign mismatch: check `secret` and the runner's clock (the secret is the robot's SEC… signing key)";
const KEYWORD_HINT = "keyword missing: the robot's security keyword must appear in the title or template (or switch the robot to signing)";
/** How long DingTalk throttles a robot that sent more than 20 messages in a minute. */
const DINGTALK_THROTTLE_MS = 10 * 60_000;
/**
 * DingTalk `errcode`s (custom robot access and its error codes,
 * https://open.dingtalk.com/document/robots/custom-robot-access) with what the user can do.
 */
const DINGTALK_CODES = {
    // DingTalk: a robot takes 20 messages a minute; past that it is throttled for 10 minutes
    // (https://open.dingtalk.com/document/robots/custom-robot-access, "调用频率限制": 每个机器人每分钟最多发送20条消息到群里,
    // 如果超过20条, 会限流10分钟). A retry inside the default deadline (about 100 s) cannot succeed, so the verdict
    // asks for a 10-minute wait: the transport waits only when `deadline` leaves room, and otherwise fails at once.
    130101: {
        meaning: 'sending too fast, the robot is throttled for about 10 minutes',
        hint: 'a robot takes 20 messages a minute, then refuses messages for 10 minutes: send less often (fewer events or targets per robot), or set `deadline` above 600 seconds to wait it out',
        retry: { waitMs: DINGTALK_THROTTLE_MS },
    },
    410100: {
        meaning: 'sending too fast, the robot is throttled for about 10 minutes',
        hint: 'a robot takes 20 messages a minute, then refuses messages for 10 minutes: send less often (fewer events or targets per robot), or set `deadline` above 600 seconds to wait it out',
        retry: { waitMs: DINGTALK_THROTTLE_MS },
    },
    400101: {
        meaning: 'access_token does not exist',
        hint: 'check `token`: copy the access_token or webhook URL from the robot settings',
    },
    400102: { meaning: 'robot is disabled', hint: 'enable the robot in the group settings' },
    400105: { meaning: 'unsupported message type', hint: 'check `format` and `options.msgtype`' },
    400106: { meaning: 'robot does not exist', hint: 'check `token`: the robot was removed or the token is wrong' },
    300001: {
        meaning: 'token does not exist',
        hint: 'check `token`: copy the access_token or webhook URL from the robot settings',
    },
    430101: { meaning: 'content contains unsafe external links', hint: 'remove the link from the template' },
    430102: { meaning: 'content contains an unsafe link', hint: 'remove the link from the template' },
    430103: { meaning: 'content contains unsafe text', hint: 'change the template' },
    430104: { meaning: 'content contains unsafe links', hint: 'remove the link from the template' },
    460101: { meaning: 'message too large', hint: 'shorten the template; DingTalk takes about 20,000 bytes' },
};
/**
 * 310000 covers several security settings; errmsg says which one failed, and users confuse them, so the
 * message shown names the cause.
 */
function explainDingtalk(code, errmsg) {
    if (code !== 310000)
        return DINGTALK_CODES[code];
    const text = errmsg.toLowerCase();
    if (/sign/.test(text))
        return { meaning: 'security check failed: sign mismatch', hint: SIGN_HINT };
    if (/keyword/.test(text) || errmsg.includes('关键词'))
        return { meaning: 'security check failed: keyword missing', hint: KEYWORD_HINT };
    if (/\bip\b|whitelist/.test(text) || errmsg.includes('IP'))
        return {
            meaning: 'security check failed: IP not allowed',
            hint: "the runner's IP is not in the robot's IP allow-list; add it or use signing instead",
        };
    if (/timestamp|time/.test(text))
        return {
            meaning: 'security check failed: timestamp invalid',
            hint: "check the runner's clock (DingTalk allows one hour of skew)",
        };
    return {
        meaning: 'security check failed',
        hint: "check the robot's security settings: signing `secret`, security keyword in the title or template, IP allow-list",
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/providers/dingtalk/sign.ts

/**
 * DingTalk custom-robot signature: HMAC-SHA256 keyed by the secret over `timestamp + "\n" + secret`, base64.
 * The caller URL-encodes it into the query next to `timestamp` (milliseconds).
 */
function dingtalkSign(timestampMs, secret) {
    return (0,external_node_crypto_.createHmac)('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

// EXTERNAL MODULE: ./src/providers/dingtalk/descriptor.ts
var descriptor = __webpack_require__(6828);
// EXTERNAL MODULE: ./src/providers/descriptor.ts
var providers_descriptor = __webpack_require__(4461);
;// CONCATENATED MODULE: ./src/providers/dingtalk/index.ts












const OFFICIAL = descriptor/* descriptor */.y.defaultEndpoint;
const TOKEN_FORM = descriptor/* descriptor */.y.credentials.token.form;
const NO_MENTIONS = { all: false, users: [], mobiles: [] };
/** The mention line DingTalk needs in the text: `at.atMobiles`/`atUserIds` only ping when `@id` also appears. */
function mentionLine(mentions) {
    return [...mentions.mobiles, ...mentions.users].map((id) => `@${id}`).join(' ');
}
function atField(mentions) {
    if (!mentions.all && !mentions.users.length && !mentions.mobiles.length)
        return undefined;
    return { atMobiles: mentions.mobiles, atUserIds: mentions.users, isAtAll: mentions.all };
}
/** True when `options` supply the actionCard's button themselves (whole-card singleURL or separate btns). */
function hasCardButton(options) {
    const card = options.actionCard;
    if (!(0,config/* isPlainObject */.Qd)(card))
        return false;
    return ((typeof card.singleURL === 'string' && card.singleURL !== '') || (Array.isArray(card.btns) && card.btns.length > 0));
}
/** The request body for one rendering of the Markdown source (the unit the size limit applies to). */
function payload(parsed, message, title, markdown) {
    const mention = mentionLine(parsed.mentions);
    const at = atField(parsed.mentions);
    let body;
    switch (parsed.format) {
        case 'text': {
            const text = (0,render_markdown/* renderMarkdown */.Gc)(markdown, 'text');
            body = { msgtype: 'text', text: { content: [title, text, mention].filter(Boolean).join('\n\n') } };
            break;
        }
        case 'card': {
            const text = (0,render_markdown/* renderMarkdown */.Gc)(markdown, 'dingtalk-markdown');
            const card = { title, text };
            if (message.link) {
                card.singleTitle = message.linkText;
                card.singleURL = message.link;
            }
            else if (!hasCardButton(parsed.options)) {
                // An actionCard needs singleTitle + singleURL (or btns): without a link there is no button to make.
                throw new errors/* ConfigError */.xL('format', "'card' needs a link for its button (the run or release URL is unknown)", "'markdown', or options.actionCard.singleTitle/singleURL or btns");
            }
            body = { msgtype: 'actionCard', actionCard: card };
            break;
        }
        default: {
            const text = (0,render_markdown/* renderMarkdown */.Gc)(markdown, 'dingtalk-markdown');
            body = { msgtype: 'markdown', markdown: { title, text: [text, mention].filter(Boolean).join('\n\n') } };
        }
    }
    if (at)
        body.at = at;
    return (0,config/* deepMerge */.$N)(body, parsed.options);
}
const dingtalk = {
    ...(0,providers_descriptor/* descriptorFacts */.H)(descriptor/* descriptor */.y),
    parse(settings) {
        const endpointSet = Boolean(settings.endpoint?.trim());
        const token = (0,webhook/* parseWebhookToken */.CF)(settings.token, {
            provider: 'DingTalk',
            ownHost: (host) => host === 'oapi.dingtalk.com',
            keyFromUrl: (url) => url.searchParams.get('access_token') ?? undefined,
            bareKey: /^[A-Za-z0-9_-]{16,128}$/,
            expected: TOKEN_FORM,
            endpointSet,
        });
        // Checked by core against the descriptor (checks.ts).
        const format = (settings.format || descriptor/* descriptor */.y.defaultFormat);
        const mentions = (0,webhook/* parseMentions */.Xs)(settings.target, 'DingTalk', ['all', 'user', 'mobile']);
        if (format === 'card' && (mentions.all || mentions.users.length || mentions.mobiles.length))
            throw new errors/* ConfigError */.xL('target', 'DingTalk action cards cannot @-mention anyone', "format 'markdown' or 'text' with mentions, or no target with 'card'");
        const secret = settings.secret?.trim() || undefined;
        return {
            accessToken: token.key,
            secret,
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(OFFICIAL, settings.endpoint),
            format,
            mentions,
            label: (0,webhook/* targetLabel */.Op)(settings.target),
            options: settings.options,
        };
    },
    plan(parsed, message, env) {
        // The token may have been pasted inside a URL: register the bare token too so it is redacted everywhere.
        env.secrets.add(parsed.accessToken);
        const limits = this.limits(parsed.format);
        const title = (0,render_message/* renderTitle */.zF)(message, limits.title);
        const body = JSON.stringify((0,webhook/* fitJsonBody */.ks)(message, limits.body, (markdown) => payload(parsed, message, title, markdown), {
            target: (markdown) => payload({ ...parsed, mentions: NO_MENTIONS }, message, title, markdown),
            options: (markdown) => payload({ ...parsed, options: {} }, message, title, markdown),
        }));
        const base = (0,endpoint/* joinUrl */.w)(parsed.baseUrl, '/robot/send');
        return [
            {
                target: parsed.label,
                exchange: {
                    label: 'DingTalk',
                    build: () => {
                        const query = new URLSearchParams({ access_token: parsed.accessToken });
                        if (parsed.secret) {
                            // Signed per attempt: DingTalk refuses a timestamp more than an hour old.
                            const timestamp = env.now();
                            const sign = dingtalkSign(timestamp, parsed.secret);
                            env.secrets.add(sign);
                            query.set('timestamp', String(timestamp));
                            query.set('sign', sign);
                        }
                        return {
                            method: 'POST',
                            url: `${base}?${query.toString()}`,
                            headers: { 'content-type': 'application/json;charset=utf-8' },
                            body,
                        };
                    },
                    interpret: (reply) => (0,unsigned/* namesMissingSecret */.V)((0,webhook/* robotVerdict */.Wm)(reply, 'DingTalk', (json) => {
                        const code = (0,webhook/* numberField */.sJ)(json.errcode);
                        return code === undefined ? undefined : { code, message: String(json.errmsg ?? '') };
                    }, explainDingtalk), parsed.secret, 
                    // 310000 is every security check; only the sign and timestamp ones mean "unsigned".
                    (code, message) => code === 310000 && /sign|timestamp/i.test(message)),
                    rateKey: `dingtalk:${(0,idempotency/* credentialFingerprint */.I)(parsed.accessToken)}`,
                    rateLimit: this.rateLimit,
                },
            },
        ];
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


/***/ }),

/***/ 3643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ namesMissingSecret)
/* harmony export */ });
/**
 * A robot with signing switched on refuses every unsigned request with a "sign mismatch" or "invalid timestamp"
 * error that does not say the request was unsigned. When `secret` is empty that is the cause, so the failure says
 * so first, instead of pointing at the clock or at a secret that was never given.
 *
 * `signError` tells whether a failure is one of those (DingTalk 310000 about the sign or the timestamp, Feishu 19021).
 */
function namesMissingSecret(verdict, secret, signError) {
    if (verdict.ok || secret || !signError(verdict.code, verdict.message))
        return verdict;
    return {
        ...verdict,
        message: `no \`secret\` was given, and this robot requires signed requests: ${verdict.message}`,
        hint: "set `secret` to the robot's signing secret (shown where signing is switched on in the robot's security settings)",
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
