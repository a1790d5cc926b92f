export const id = 35;
export const ids = [35];
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

/***/ 9035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dingtalkApp: () => (/* binding */ dingtalkApp),
  dingtalkAppVerdict: () => (/* binding */ dingtalkAppVerdict),
  sendResultState: () => (/* binding */ sendResultState)
});

// EXTERNAL MODULE: ./src/model/config.ts
var config = __webpack_require__(4663);
// EXTERNAL MODULE: ./src/model/errors.ts
var errors = __webpack_require__(7206);
// EXTERNAL MODULE: ./src/model/idempotency.ts
var idempotency = __webpack_require__(1672);
// EXTERNAL MODULE: ./src/render/message.ts
var render_message = __webpack_require__(8795);
// EXTERNAL MODULE: ./src/render/limits.ts
var limits = __webpack_require__(9142);
// EXTERNAL MODULE: ./src/render/markdown.ts
var render_markdown = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/transport/transport.ts + 3 modules
var transport = __webpack_require__(1966);
// EXTERNAL MODULE: ./src/providers/app-channel.ts
var app_channel = __webpack_require__(5759);
// EXTERNAL MODULE: ./src/providers/codes.ts
var codes = __webpack_require__(984);
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/providers/webhook.ts
var webhook = __webpack_require__(6051);
// EXTERNAL MODULE: ./src/providers/dingtalk-app/descriptor.ts
var descriptor = __webpack_require__(9870);
// EXTERNAL MODULE: ./src/providers/descriptor.ts
var providers_descriptor = __webpack_require__(4461);
;// CONCATENATED MODULE: ./src/providers/dingtalk-app/codes.ts
/** OA status bar text and colour (ARGB) per run state. */
const STATUS_BAR = {
    started: { value: '运行中', bg: '0xFF0089FF' },
    success: { value: '成功', bg: '0xFF00B365' },
    fixed: { value: '已修复', bg: '0xFF00B365' },
    failure: { value: '失败', bg: '0xFFF65E5E' },
    'still-failing': { value: '仍失败', bg: '0xFFF65E5E' },
    cancelled: { value: '已取消', bg: '0xFF999999' },
    skipped: { value: '已跳过', bg: '0xFF999999' },
    unknown: { value: '已结束', bg: '0xFF999999' },
};
const IP_HINT = "DingTalk accepts this app's calls only from its server egress IPs (服务器出口IP): add the runner's address " +
    'there, or, since CI runners have no fixed IP, run a reverse proxy to https://oapi.dingtalk.com on a server ' +
    'with a fixed IP, list that IP, and set `endpoint` to the proxy';
/** `errcode`s of gettoken, asyncsend_v2, getsendresult and status_bar/update, with the flow-control codes. */
const CODES = {
    [-1]: { meaning: 'system busy', retry: 'retry' },
    40014: { meaning: 'invalid access_token' },
    42001: { meaning: 'access_token expired' },
    40089: { meaning: 'invalid AppKey or AppSecret', hint: 'check `token` (AppKey) and `secret` (AppSecret)' },
    60020: { meaning: 'caller IP is not in the allow-list', hint: IP_HINT },
    88: { meaning: 'API permission error (see sub_code)', hint: 'grant the app the permission named in sub_code' },
    90002: { meaning: 'rate limited', retry: 'retry' },
    90020: { meaning: 'monthly API quota used up', hint: "the organisation's metered API quota is exhausted" },
    143103: { meaning: 'recipients per minute of this app exceeded', hint: 'at most 5000 recipients a minute' },
    143104: { meaning: 'recipients per minute of this organisation exceeded' },
    143105: { meaning: 'the user reached the daily cap of work notifications from this app', hint: '500 a day per user' },
    143106: {
        meaning: 'same content to this user today',
        hint: 'DingTalk delivers the same content to a user once a day: vary the template (e.g. the run number)',
    },
    1430002: { meaning: 'banned content' },
    1430003: { meaning: 'OAPI system protection' },
    1430004: { meaning: 'executive-protection mode' },
};

// EXTERNAL MODULE: ./src/providers/dingtalk-app/targets.ts
var targets = __webpack_require__(7297);
;// CONCATENATED MODULE: ./src/providers/dingtalk-app/index.ts
















const CONSUMED = ['reauthCodes', 'msgBytes'];
const TASK_ID = /^\d{1,20}$/;
function targetLabel(recipients) {
    if (recipients.all)
        return '@all';
    const part = (prefix, ids) => ids.length === 0 ? [] : [ids.length <= 3 ? `${prefix}:${ids.join(',')}` : `${prefix}:${ids.length} ids`];
    return [...part('user', recipients.users), ...part('dept', recipients.depts)].join(' ');
}
/** The `msg` object for one rendering of the Markdown source. */
function msgOf(format, message, title, markdown) {
    switch (format) {
        case 'text':
            return {
                msgtype: 'text',
                text: { content: [title, (0,render_markdown/* renderMarkdown */.Gc)(markdown, 'text')].filter(Boolean).join('\n\n') },
            };
        case 'card':
            if (!message.link)
                throw new errors/* ConfigError */.xL('format', "'card' needs a link for its button (the run URL is unknown)", "'markdown'");
            return {
                msgtype: 'action_card',
                action_card: {
                    title,
                    markdown: (0,render_markdown/* renderMarkdown */.Gc)(markdown, 'dingtalk-markdown'),
                    single_title: message.linkText,
                    single_url: message.link,
                },
            };
        case 'oa': {
            if (!message.link)
                throw new errors/* ConfigError */.xL('format', "'oa' needs a link to open (the run URL is unknown)", "'markdown'");
            const bar = STATUS_BAR[message.state] ?? STATUS_BAR.unknown;
            const context = message.context;
            return {
                msgtype: 'oa',
                oa: {
                    message_url: message.link,
                    pc_message_url: message.link,
                    head: { bgcolor: 'FFBBBBBB', text: (0,limits/* truncateText */.EJ)(context.workflow ?? 'CI', { max: 20, unit: 'chars' }) },
                    status_bar: { status_value: bar.value, status_bg: bar.bg },
                    body: { title, content: (0,render_markdown/* toPlainText */.bo)(markdown) },
                },
            };
        }
        default:
            return { msgtype: 'markdown', markdown: { title, text: (0,render_markdown/* renderMarkdown */.Gc)(markdown, 'dingtalk-markdown') } };
    }
}
/** The legacy oapi replies: `errcode` 0 is success; 88 carries the real reason in sub_code / sub_msg. */
function dingtalkAppVerdict(reply, reauthCodes) {
    const body = (0,config/* isPlainObject */.Qd)(reply.json) ? reply.json : undefined;
    const code = (0,webhook/* numberField */.sJ)(body?.errcode);
    if (code === undefined)
        return (0,transport/* httpFailure */.tG)(reply) ?? (0,transport/* notJsonFailure */.cC)(reply);
    if (code === 0 && reply.status >= 200 && reply.status < 300) {
        const task = (0,webhook/* numberField */.sJ)(body?.task_id);
        return { ok: true, code, id: task === undefined ? undefined : String(body?.task_id) };
    }
    const sub = [body?.sub_code, body?.sub_msg].filter((value) => typeof value === 'string' && value).join(' ');
    const text = [typeof body?.errmsg === 'string' ? body.errmsg : '', sub && `(${sub})`].filter(Boolean).join(' ');
    return (0,codes/* explainCode */.Dv)('DingTalk', CODES, code, text, { status: reply.status, reauthCodes });
}
function accessToken(parsed, env) {
    return new app_channel/* AppToken */.r$(() => (0,app_channel/* fetchAccessToken */.QO)(env, {
        label: 'DingTalk access token',
        url: `${(0,endpoint/* joinUrl */.w)(parsed.baseUrl, descriptor/* PATHS */.R7.token)}?appkey=${encodeURIComponent(parsed.appKey)}&appsecret=${encodeURIComponent(parsed.appSecret)}`,
        verdict: (reply) => dingtalkAppVerdict(reply, []),
        rateKey: `${descriptor/* NAME */.o_}-token:${(0,idempotency/* credentialFingerprint */.I)(parsed.appKey)}`,
    }));
}
/** One authorized POST to the legacy API (token in the query), with one token replacement on rejection. */
function call(parsed, env, token, label, path, body, idempotent) {
    let used;
    return {
        label: `DingTalk app ${label}`,
        build: async () => {
            used = env.dryRun ? app_channel/* DRY_RUN_TOKEN */.MQ : await token.get();
            return {
                method: 'POST',
                url: `${(0,endpoint/* joinUrl */.w)(parsed.baseUrl, path)}?access_token=${encodeURIComponent(used)}`,
                headers: { 'content-type': 'application/json; charset=utf-8' },
                body,
            };
        },
        interpret: (reply) => dingtalkAppVerdict(reply, parsed.reauthCodes),
        onReauth: () => token.invalidate(used),
        idempotent,
        rateKey: `${descriptor/* NAME */.o_}:${(0,idempotency/* credentialFingerprint */.I)(parsed.appKey)}`,
        rateLimit: descriptor/* RATE_LIMIT */.jS,
    };
}
const list = (value) => Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? value.split(',') : [];
/** Reads getsendresult: delivered when every recipient is in the read or unread lists, failed with the reason. */
function sendResultState(sendResult, expectedUsers) {
    const read = list(sendResult.read_user_id_list);
    const unread = list(sendResult.unread_user_id_list);
    const reasons = [];
    const invalid = list(sendResult.invalid_user_id_list);
    if (invalid.length)
        reasons.push(`invalid user ${invalid.join(', ')}`);
    const invalidDepts = list(sendResult.invalid_dept_id_list);
    if (invalidDepts.length)
        reasons.push(`invalid department ${invalidDepts.join(', ')}`);
    const forbidden = Array.isArray(sendResult.forbidden_list) ? sendResult.forbidden_list.filter(config/* isPlainObject */.Qd) : [];
    for (const item of forbidden) {
        const code = (0,webhook/* numberField */.sJ)(item.code);
        const meaning = code === undefined ? undefined : CODES[code]?.meaning;
        reasons.push(`forbidden ${String(item.userid ?? '')} (${String(item.code ?? '')}${meaning ? ` ${meaning}` : ''})`);
    }
    const forbiddenUsers = list(sendResult.forbidden_user_id_list).filter((user) => !forbidden.some((item) => String(item.userid) === user));
    if (forbiddenUsers.length)
        reasons.push(`forbidden ${forbiddenUsers.join(', ')} (flow control)`);
    const failed = list(sendResult.failed_user_id_list);
    if (failed.length)
        reasons.push(`failed ${failed.join(', ')}`);
    if (reasons.length)
        return { state: 'failed', message: reasons.join('; ') };
    const reached = new Set([...read, ...unread]);
    const complete = expectedUsers.length > 0 ? expectedUsers.every((user) => reached.has(user)) : reached.size > 0;
    if (!complete)
        return { state: 'pending', message: `${reached.size} recipient(s) reached so far` };
    return {
        state: 'delivered',
        message: `${read.length} read${read.length ? ` (${read.join(', ')})` : ''}, ${unread.length} unread`,
    };
}
const dingtalkApp = {
    ...(0,providers_descriptor/* descriptorFacts */.H)(descriptor/* descriptor */.yu),
    updatesMessages: true,
    tokens: new WeakMap(),
    parse(settings) {
        // Required credentials, the format and a needed target are checked by core from the descriptor (checks.ts).
        const appKey = settings.token.trim();
        if (/\s/.test(appKey))
            throw new errors/* ConfigError */.xL('token', 'contains whitespace', descriptor/* CREDENTIALS */.tG.token);
        const appSecret = settings.secret.trim();
        const agent = settings.appId?.trim() ?? '';
        if (!/^\d{1,15}$/.test(agent))
            throw new errors/* ConfigError */.xL('app-id', agent ? `'${agent}' is not an AgentId` : `is required for ${descriptor/* NAME */.o_}`, descriptor/* CREDENTIALS */.tG.appId);
        const format = (settings.format || descriptor/* DEFAULT_FORMAT */.ui);
        const updateMessage = settings.updateMessage?.trim() || undefined;
        if (updateMessage && !TASK_ID.test(updateMessage))
            throw new errors/* ConfigError */.xL('update-message', `'${updateMessage}' is not a DingTalk task id`, 'the message-id output of an earlier dingtalk-app step (a number)');
        const options = settings.options;
        const msgBytes = options.msgBytes ?? descriptor/* DEFAULT_MSG_BYTES */.wJ;
        if (typeof msgBytes !== 'number' || !Number.isInteger(msgBytes) || msgBytes < 256)
            throw new errors/* ConfigError */.xL('options.msgBytes', `${String(msgBytes)} is not a size`, 'whole bytes, at least 256');
        return {
            appKey,
            appSecret,
            agentId: Number(agent),
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(descriptor/* DINGTALK_HOST */.e7, settings.endpoint),
            format,
            recipients: (0,targets/* parseRecipients */.q)(settings.target, !updateMessage),
            updateMessage,
            msgBytes,
            reauthCodes: (0,app_channel/* reauthCodesOption */.fX)(options.reauthCodes, descriptor/* DEFAULT_REAUTH_CODES */.RU, (problem, expected) => new errors/* ConfigError */.xL('options.reauthCodes', problem, expected)),
            options: (0,config/* omitKeys */.QD)(options, CONSUMED),
        };
    },
    plan(parsed, message, env) {
        env.secrets.add(parsed.appSecret);
        const token = accessToken(parsed, env);
        this.tokens.set(parsed, token);
        if (parsed.updateMessage) {
            // The only in-place update DingTalk offers: the status bar of an OA message.
            const bar = STATUS_BAR[message.state] ?? STATUS_BAR.unknown;
            const body = JSON.stringify({
                agent_id: parsed.agentId,
                task_id: Number(parsed.updateMessage),
                status_value: bar.value,
                status_bg: bar.bg,
            });
            const id = parsed.updateMessage;
            const exchange = call(parsed, env, token, `status bar of ${id}`, descriptor/* PATHS */.R7.statusBar, body, true);
            const interpret = exchange.interpret;
            return [
                {
                    target: `update:${id}`,
                    exchange: {
                        ...exchange,
                        // The reply has no task id of its own: the updated message keeps its id (message-id stays the same).
                        interpret: (reply) => {
                            const verdict = interpret(reply);
                            return verdict.ok ? { ...verdict, id } : verdict;
                        },
                    },
                },
            ];
        }
        const title = (0,render_message/* renderTitle */.zF)(message, this.limits(parsed.format).title);
        const msg = (0,webhook/* fitJsonBody */.ks)(message, { max: parsed.msgBytes, unit: 'bytes' }, (markdown) => (0,config/* deepMerge */.$N)(msgOf(parsed.format, message, title, markdown), parsed.options));
        const { recipients } = parsed;
        const body = JSON.stringify({
            agent_id: parsed.agentId,
            ...(recipients.users.length ? { userid_list: recipients.users.join(',') } : {}),
            ...(recipients.depts.length ? { dept_id_list: recipients.depts.join(',') } : {}),
            ...(recipients.all ? { to_all_user: true } : {}),
            msg,
        });
        const label = targetLabel(recipients);
        // Not idempotent: DingTalk has no request key. (It drops the same content to a user within a day, which the
        // follow-up reports as a failure, so a blind retry could never be told from a real duplicate.)
        return [{ target: label, exchange: call(parsed, env, token, label, descriptor/* PATHS */.R7.send, body, false) }];
    },
    async track(parsed, handle, env) {
        const task = handle.id;
        if (!task)
            return { state: 'failed', message: 'no task_id in the send reply' };
        const token = this.tokens.get(parsed) ?? accessToken(parsed, env);
        const body = JSON.stringify({ agent_id: parsed.agentId, task_id: Number(task) });
        const outcome = await env.transport.exchange(call(parsed, env, token, `send result of ${task}`, descriptor/* PATHS */.R7.result, body, true));
        const json = outcome.reply.json;
        const result = (0,config/* isPlainObject */.Qd)(json.send_result) ? json.send_result : {};
        return sendResultState(result, parsed.recipients.all || parsed.recipients.depts.length ? [] : parsed.recipients.users);
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
