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

/***/ 3686:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wecom: () => (/* binding */ wecom)
});

// EXTERNAL MODULE: ./src/model/errors.ts
var errors = __webpack_require__(7206);
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
    [-1]: { meaning: 'system busy', hint: 'WeCom is busy; retried', retry: true },
    45009: { meaning: 'rate limited', hint: 'a robot takes 20 messages a minute', retry: true },
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
const WECOM_RETRYABLE = [-1, 45009];

// EXTERNAL MODULE: ./src/providers/wecom/payload.ts
var payload = __webpack_require__(5946);
;// CONCATENATED MODULE: ./src/providers/wecom/index.ts






const OFFICIAL = 'https://qyapi.weixin.qq.com';
const TOKEN_FORM = "the robot's webhook key, or its webhook URL https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (store it as a secret)";
function interpret(reply) {
    return (0,webhook/* robotVerdict */.Wm)(reply, 'WeCom', (json) => {
        const code = (0,webhook/* numberField */.sJ)(json.errcode);
        return code === undefined ? undefined : { code, message: String(json.errmsg ?? '') };
    }, (code) => WECOM_CODES[code]);
}
const wecom = {
    name: 'wecom',
    displayName: 'WeCom',
    defaultEndpoint: OFFICIAL,
    formats: payload/* WECOM_FORMATS */.l8,
    defaultFormat: 'markdown',
    retryableCodes: WECOM_RETRYABLE,
    // 20 messages a minute per robot.
    rateLimit: { requests: 20, perMs: 60_000 },
    limits: (format) => ({
        body: payload/* WECOM_LIMITS */.$Y[format] ?? payload/* WECOM_LIMITS */.$Y.markdown,
    }),
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
        const format = (settings.format?.trim().toLowerCase().replace('-', '_') || 'markdown');
        if (!payload/* WECOM_FORMATS */.l8.includes(format))
            throw new errors/* ConfigError */.xL('format', `unknown WeCom format '${settings.format}'`, payload/* WECOM_FORMATS */.l8.join(', '));
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
