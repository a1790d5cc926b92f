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
const SERVERCHAN_RETRYABLE = [];

;// CONCATENATED MODULE: ./src/providers/serverchan/index.ts







const TURBO = 'https://sctapi.ftqq.com';
const SC3_KEY = /^sctp(\d+)t[A-Za-z0-9]+$/i;
const SENDKEY = /^(SCT[A-Za-z0-9]+|sctp\d+t[A-Za-z0-9]+)$/i;
const TOKEN_FORM = 'a SendKey (SCT… for ServerChan Turbo, sctp<n>t… for ServerChan³), or its URL https://sctapi.ftqq.com/<SendKey>.send (store it as a secret)';
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
    name: 'serverchan',
    displayName: 'ServerChan',
    defaultEndpoint: TURBO,
    formats: ['markdown'],
    defaultFormat: 'markdown',
    retryableCodes: SERVERCHAN_RETRYABLE,
    rateLimit: { requests: 30, perMs: 60_000 },
    // Title at most 32 characters; desp (Markdown) up to 32 KB.
    limits: () => ({ title: { max: 32, unit: 'chars' }, body: { max: 32_000, unit: 'bytes' } }),
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
        const format = settings.format?.trim().toLowerCase() || 'markdown';
        if (format !== 'markdown')
            throw new errors/* ConfigError */.xL('format', `ServerChan sends Markdown only, not '${settings.format}'`, "'markdown'");
        if (settings.target?.trim())
            throw new errors/* ConfigError */.xL('target', 'ServerChan sends to the SendKey owner; it has no recipients', 'no target');
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


/***/ })

};
