export const id = 112;
export const ids = [112];
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

/***/ 3112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushplus: () => (/* binding */ pushplus)
});

// EXTERNAL MODULE: ./src/model/config.ts
var config = __webpack_require__(4663);
// EXTERNAL MODULE: ./src/model/errors.ts
var errors = __webpack_require__(7206);
// EXTERNAL MODULE: ./src/model/idempotency.ts
var idempotency = __webpack_require__(1672);
// EXTERNAL MODULE: ./src/render/message.ts
var render_message = __webpack_require__(8795);
// EXTERNAL MODULE: ./src/transport/transport.ts + 3 modules
var transport = __webpack_require__(1966);
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
;// CONCATENATED MODULE: ./src/providers/pushplus/codes.ts
/** pushplus reply codes (接口返回码说明, https://www.pushplus.plus/doc/guide/code.html) with what the user can do. */
const PUSHPLUS_CODES = {
    200: { meaning: 'accepted' },
    302: { meaning: 'not logged in', hint: 'log in to pushplus and check the token' },
    401: { meaning: 'unauthorized', hint: 'check `token`: copy the user token from the pushplus console' },
    403: { meaning: 'IP not whitelisted', hint: "add the runner's IP to the pushplus whitelist, or disable it" },
    // pushplus's own system error is worth another attempt; 900 is a throttle that must not be retried.
    500: { meaning: 'pushplus system error', retry: 'retry' },
    600: { meaning: 'data error', hint: 'check `options`, `channel` and `target` against the pushplus API' },
    805: { meaning: 'no permission', hint: 'the token has no permission for this channel or topic' },
    888: { meaning: 'not enough points', hint: 'top up pushplus points or use a free channel' },
    900: {
        meaning: 'account throttled for too many requests',
        hint: 'stop sending for a while; pushplus allows about 5 requests a minute',
    },
    903: { meaning: 'invalid token', hint: 'check `token`: it must be the pushplus user token' },
    905: { meaning: 'account not real-name verified', hint: 'complete real-name verification in the pushplus console' },
    999: { meaning: 'server validation error', hint: 'check the title, content and channel code' },
};

// EXTERNAL MODULE: ./src/providers/codes.ts
var codes = __webpack_require__(984);
;// CONCATENATED MODULE: ./src/providers/pushplus/track.ts





const ENABLE_HINT = 'enable the open API in the pushplus console (开放接口), and pass its secret key as `secret`; the message itself was accepted';
/** Access keys are valid for 7200 s: one per token and run is enough. */
const accessKeys = new Map();
function unsupported(message) {
    return new errors/* ProviderError */.mZ(message, { code: 'unsupported', hint: ENABLE_HINT });
}
function readAccessKey(reply) {
    if (reply.status === 401 || reply.status === 403)
        return {
            ok: false,
            code: reply.status,
            message: `the open API refused the token (HTTP ${reply.status})`,
            retry: 'never',
        };
    const body = reply.json;
    if (!(0,config/* isPlainObject */.Qd)(body))
        return (0,transport/* httpFailure */.tG)(reply) ?? (0,transport/* notJsonFailure */.cC)(reply);
    const data = (0,config/* isPlainObject */.Qd)(body.data) ? body.data : undefined;
    if (Number(body.code) === 200 && typeof data?.accessKey === 'string')
        return { ok: true, id: data.accessKey };
    return {
        ok: false,
        code: Number(body.code),
        message: `getAccessKey answered code ${String(body.code)}: ${String(body.msg ?? '')}`,
        retry: Number(body.code) === 500 ? 'safe' : 'never',
    };
}
async function accessKey(settings, env) {
    if (!settings.secretKey)
        throw unsupported('pushplus delivery follow-up needs the open API secret key in `secret`');
    const cacheKey = (0,idempotency/* credentialFingerprint */.I)(`${settings.baseUrl}\u0000${settings.token}\u0000${settings.secretKey}`);
    let pending = accessKeys.get(cacheKey);
    if (!pending) {
        pending = (async () => {
            try {
                const result = await env.transport.exchange({
                    label: 'pushplus getAccessKey',
                    build: () => ({
                        method: 'POST',
                        url: (0,endpoint/* joinUrl */.w)(settings.baseUrl, '/api/common/openApi/getAccessKey'),
                        headers: { 'content-type': 'application/json' },
                        body: JSON.stringify({ token: settings.token, secretKey: settings.secretKey }),
                    }),
                    interpret: readAccessKey,
                    retries: 1,
                });
                const key = result.verdict.id ?? '';
                env.secrets.add(key);
                return key;
            }
            catch (error) {
                const code = error.code;
                if (code === 401 || code === 403 || (typeof code === 'number' && code !== 500)) {
                    throw unsupported(`the pushplus open API is not available for this account (${error.message})`);
                }
                throw error;
            }
        })();
        accessKeys.set(cacheKey, pending);
        pending.catch(() => accessKeys.delete(cacheKey));
    }
    return pending;
}
/** Send result by shortCode: 0 not sent and 1 sending are pending, 2 sent, 3 failed with errorMessage. */
async function trackPushplus(settings, handle, env) {
    if (!handle.id)
        return { state: 'failed', message: 'pushplus returned no shortCode to follow' };
    const key = await accessKey(settings, env);
    let status;
    let errorMessage;
    await env.transport.exchange({
        label: `pushplus sendMessageResult ${handle.target}`,
        build: () => ({
            method: 'GET',
            url: `${(0,endpoint/* joinUrl */.w)(settings.baseUrl, '/api/open/message/sendMessageResult')}?shortCode=${encodeURIComponent(handle.id ?? '')}`,
            headers: { 'access-key': key },
        }),
        interpret: (reply) => {
            if (reply.status === 401 || reply.status === 403)
                return {
                    ok: false,
                    code: 'unsupported',
                    message: `the open API refused the access key (HTTP ${reply.status})`,
                    hint: ENABLE_HINT,
                    retry: 'never',
                };
            const body = reply.json;
            if (!(0,config/* isPlainObject */.Qd)(body))
                return (0,transport/* httpFailure */.tG)(reply) ?? (0,transport/* notJsonFailure */.cC)(reply);
            if (Number(body.code) !== 200)
                return {
                    ok: false,
                    code: Number(body.code),
                    message: `sendMessageResult answered code ${String(body.code)}: ${String(body.msg ?? '')}`,
                    retry: 'never',
                };
            const data = (0,config/* isPlainObject */.Qd)(body.data) ? body.data : {};
            status = Number(data.status);
            errorMessage = typeof data.errorMessage === 'string' && data.errorMessage ? data.errorMessage : undefined;
            return { ok: true };
        },
        retries: 1,
    });
    switch (status) {
        case 2:
            return { state: 'delivered', message: 'sent' };
        case 3:
            return { state: 'failed', message: errorMessage ?? 'pushplus reports the send failed' };
        case 0:
            return { state: 'pending', message: 'not sent yet' };
        default:
            return { state: 'pending', message: 'sending' };
    }
}

// EXTERNAL MODULE: ./src/providers/pushplus/descriptor.ts
var descriptor = __webpack_require__(4790);
// EXTERNAL MODULE: ./src/providers/descriptor.ts
var providers_descriptor = __webpack_require__(4461);
// EXTERNAL MODULE: ./src/providers/pushplus/targets.ts
var targets = __webpack_require__(4809);
;// CONCATENATED MODULE: ./src/providers/pushplus/index.ts












const DIALECTS = { html: 'html', markdown: 'markdown' };
function contentFor(format, message, limits) {
    if (format === 'json') {
        const context = message.context;
        const facts = {
            title: message.title,
            status: message.state,
            repository: context.repository,
            workflow: context.workflow,
            branch: context.branch ?? context.tag,
            commit: context.shortSha,
            message: context.commit?.message,
            actor: context.actor,
            url: message.link,
        };
        return JSON.stringify(Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)));
    }
    return (0,render_message/* renderBody */.lc)(message, DIALECTS[format] ?? 'text', limits.body);
}
function interpret(reply) {
    const body = reply.json;
    if (!(0,config/* isPlainObject */.Qd)(body))
        return (0,transport/* httpFailure */.tG)(reply) ?? (0,transport/* notJsonFailure */.cC)(reply);
    const code = Number(body.code);
    if (code === 200)
        return { ok: true, id: typeof body.data === 'string' ? body.data : undefined, code };
    if (!Number.isFinite(code))
        return (0,transport/* httpFailure */.tG)(reply) ?? (0,transport/* notJsonFailure */.cC)(reply);
    const msg = typeof body.msg === 'string' && body.msg ? body.msg : (0,codes/* lookupCode */.c2)(PUSHPLUS_CODES, code)?.meaning;
    return (0,codes/* explainCode */.Dv)('pushplus', PUSHPLUS_CODES, code, msg);
}
const pushplus = {
    ...(0,providers_descriptor/* descriptorFacts */.H)(descriptor/* descriptor */.y),
    parse(settings) {
        const token = settings.token.trim();
        if (!/^[\w-]{8,}$/.test(token))
            throw new errors/* ConfigError */.xL('token', 'does not look like a pushplus token', 'the 32-character user token from the pushplus console');
        // Checked by core against the descriptor (checks.ts).
        const format = (settings.format || descriptor/* descriptor */.y.defaultFormat);
        const { channel, code } = (0,targets/* parseChannel */.pn)(settings.channel);
        return {
            token,
            secretKey: settings.secret?.trim() || undefined,
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(this.defaultEndpoint, settings.endpoint),
            channel,
            channelCode: code,
            format,
            targets: (0,targets/* parseTargets */.Sx)(settings.target, channel),
            options: settings.options,
        };
    },
    track(parsed, handle, env) {
        return trackPushplus(parsed, handle, env);
    },
    plan(parsed, message) {
        const limits = this.limits(parsed.format);
        const content = contentFor(parsed.format, message, limits);
        const title = (0,render_message/* renderTitle */.zF)(message, limits.title);
        return parsed.targets.map((target) => {
            const base = {
                token: parsed.token,
                title,
                content,
                template: parsed.format,
                channel: parsed.channel,
            };
            // pushplus's 消息接口文档 (https://www.pushplus.plus/doc/guide/api.html) called the channel code `webhook` up to
            // V1.4; newer versions call it `option`. Both are sent.
            if (parsed.channelCode) {
                base.webhook = parsed.channelCode;
                base.option = parsed.channelCode;
            }
            if (target.topic)
                base.topic = target.topic;
            if (target.to)
                base.to = target.to;
            const body = JSON.stringify((0,config/* deepMerge */.$N)(base, parsed.options));
            return {
                target: target.label,
                exchange: {
                    label: `pushplus ${target.label}`,
                    // The token travels in the JSON body, never in the URL, where proxies and logs would keep it.
                    build: () => ({
                        method: 'POST',
                        url: (0,endpoint/* joinUrl */.w)(parsed.baseUrl, '/send'),
                        headers: { 'content-type': 'application/json' },
                        body,
                    }),
                    interpret,
                    rateKey: `pushplus:${(0,idempotency/* credentialFingerprint */.I)(parsed.token)}`,
                    rateLimit: this.rateLimit,
                },
            };
        });
    },
};


/***/ })

};
