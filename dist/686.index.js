export const id = 686;
export const ids = [686];
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

/***/ 3686:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wecom: () => (/* binding */ wecom)
});

// EXTERNAL MODULE: ./src/model/idempotency.ts
var idempotency = __webpack_require__(1672);
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/providers/webhook.ts
var webhook = __webpack_require__(6051);
;// CONCATENATED MODULE: ./src/providers/wecom/codes.ts
/**
 * WeCom group-robot `errcode`s (群机器人配置说明, https://developer.work.weixin.qq.com/document/path/91770, and the
 * global codes, 全局错误码, https://developer.work.weixin.qq.com/document/path/90313) with what the user can do.
 */
const WECOM_CODES = {
    [-1]: { meaning: 'system busy', hint: 'WeCom is busy; retried', retry: 'retry' },
    45009: { meaning: 'rate limited', hint: 'a robot takes 20 messages a minute', retry: 'retry' },
    93000: {
        meaning: 'invalid webhook key',
        hint: "check `token`: copy the key (or the whole webhook URL) from the robot's settings; the robot may have been removed",
    },
    93004: { meaning: 'robot is disabled', hint: "enable the robot in the group's settings" },
    40008: { meaning: 'invalid message type', hint: 'check `format` and `options.msgtype`' },
    40058: {
        meaning: 'content too long or a field is invalid',
        hint: 'shorten the template; limits are UTF-8 bytes (text 2048, markdown 4096)',
    },
    44004: { meaning: 'empty content', hint: 'the template rendered an empty message' },
    40063: { meaning: 'a parameter is empty', hint: 'check `options` for empty fields' },
};

// EXTERNAL MODULE: ./src/providers/codes.ts
var codes = __webpack_require__(984);
// EXTERNAL MODULE: ./src/providers/wecom/payload.ts
var payload = __webpack_require__(5946);
// EXTERNAL MODULE: ./src/providers/wecom/descriptor.ts
var descriptor = __webpack_require__(5563);
// EXTERNAL MODULE: ./src/providers/descriptor.ts
var providers_descriptor = __webpack_require__(4461);
;// CONCATENATED MODULE: ./src/providers/wecom/index.ts








const OFFICIAL = descriptor/* descriptor */.yu.defaultEndpoint;
const TOKEN_FORM = descriptor/* descriptor */.yu.credentials.token.form;
function interpret(reply) {
    return (0,webhook/* robotVerdict */.Wm)(reply, 'WeCom', (json) => {
        const code = (0,webhook/* numberField */.sJ)(json.errcode);
        return code === undefined ? undefined : { code, message: String(json.errmsg ?? '') };
    }, (code) => (0,codes/* lookupCode */.c2)(WECOM_CODES, code));
}
const wecom = {
    ...(0,providers_descriptor/* descriptorFacts */.H)(descriptor/* descriptor */.yu),
    parse(settings) {
        const token = (0,webhook/* parseWebhookToken */.CF)(settings.token, {
            provider: 'WeCom',
            ownHost: (host) => host === 'qyapi.weixin.qq.com',
            keyFromUrl: (url) => url.searchParams.get('key') ?? undefined,
            bareKey: /^[A-Za-z0-9-]{8,128}$/,
            expected: TOKEN_FORM,
            endpointSet: Boolean(settings.endpoint?.trim()),
        });
        (0,webhook/* refuseSecret */.Tr)(settings.secret, 'A WeCom group robot');
        // Checked by core against the descriptor (checks.ts).
        const format = (settings.format || descriptor/* descriptor */.yu.defaultFormat);
        return {
            key: token.key,
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(OFFICIAL, settings.endpoint),
            format,
            mentions: (0,webhook/* parseMentions */.Xs)(settings.target, 'WeCom', ['all', 'user', 'mobile']),
            label: (0,webhook/* targetLabel */.Op)(settings.target),
            options: settings.options,
        };
    },
    plan(parsed, message, env) {
        env.secrets.add(parsed.key);
        const url = `${(0,endpoint/* joinUrl */.w)(parsed.baseUrl, '/cgi-bin/webhook/send')}?${new URLSearchParams({ key: parsed.key })}`;
        const { inline, extra } = (0,payload/* splitMentions */.s1)(parsed.format, parsed.mentions);
        const bodies = [
            { target: parsed.label, body: JSON.stringify((0,payload/* wecomPayload */.qi)(parsed.format, message, inline, parsed.options)) },
        ];
        if (extra)
            bodies.push({ target: `${parsed.label} (mentions)`, body: JSON.stringify((0,payload/* mentionPayload */.jb)(message, extra)) });
        return bodies.map(({ target, body }) => ({
            target,
            exchange: {
                label: target === parsed.label ? 'WeCom' : 'WeCom mentions',
                build: () => ({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body }),
                interpret,
                rateKey: `wecom:${(0,idempotency/* credentialFingerprint */.I)(parsed.key)}`,
                rateLimit: this.rateLimit,
            },
        }));
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
