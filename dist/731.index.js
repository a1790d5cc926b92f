export const id = 731;
export const ids = [731];
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

/***/ 5112:
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
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/providers/webhook.ts
var webhook = __webpack_require__(6051);
;// CONCATENATED MODULE: ./src/providers/dingtalk-app/descriptor.ts
const NAME = 'dingtalk-app';
const DISPLAY_NAME = 'DingTalk work notification';
/** China host; the international one is `endpoint: https://oapi.dingtalk.io`. */
const DINGTALK_HOST = 'https://oapi.dingtalk.com';
const CREDENTIALS = {
    token: "the app's AppKey (Client ID) from the developer console (store it as a secret)",
    secret: "the app's AppSecret (Client Secret) from the same page (store it as a secret)",
    appId: "the app's AgentId, a number (developer console → the app → basic information)",
};
const CONVERSATION = '/topapi/message/corpconversation';
const PATHS = {
    token: '/gettoken',
    send: `${CONVERSATION}/asyncsend_v2`,
    result: `${CONVERSATION}/getsendresult`,
    statusBar: `${CONVERSATION}/status_bar/update`,
};
const TARGET_FORM = "'user:USERID[,USERID…]', 'dept:1[,2…]' or '@all', one per line";
const USER_ID = /^[\w.@-]{1,64}$/;
const DEPT_ID = /^\d{1,15}$/;
/** Recipients per call for internal apps: 5000 users, 500 departments. */
const MAX_USERS = 5000;
const MAX_DEPTS = 500;
const FORMATS = ['markdown', 'text', 'card', 'oa'];
const DEFAULT_FORMAT = 'markdown';
/**
 * The whole `msg` at most 2048 bytes is what the 2019 documentation says and is UNVERIFIED for the current API,
 * so it is the default of `options.msgBytes` rather than a constant.
 */
const DEFAULT_MSG_BYTES = 2048;
/**
 * DingTalk's per-app API limit is not stated for this API (90002 when hit); 20 a second is the common
 * per-app figure. Per user: the same content once a day and at most 500 messages a day, which DingTalk
 * enforces by dropping the message after answering success (see the delivery follow-up).
 */
const RATE_LIMIT = { requests: 20, perMs: 1000 };
/** Token codes that mean "fetch a new one and retry once"; `options.reauthCodes`. */
const DEFAULT_REAUTH_CODES = [40014, 42001];
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
    [-1]: { meaning: 'system busy', retry: 'safe' },
    40014: { meaning: 'invalid access_token' },
    42001: { meaning: 'access_token expired' },
    40089: { meaning: 'invalid AppKey or AppSecret', hint: 'check `token` (AppKey) and `secret` (AppSecret)' },
    60020: { meaning: 'caller IP is not in the allow-list', hint: IP_HINT },
    88: { meaning: 'API permission error (see sub_code)', hint: 'grant the app the permission named in sub_code' },
    90002: { meaning: 'rate limited', retry: 'safe' },
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

;// CONCATENATED MODULE: ./src/providers/dingtalk-app/index.ts











const CONSUMED = ['reauthCodes', 'msgBytes'];
const TASK_ID = /^\d{1,20}$/;
function parseRecipients(raw, required) {
    const out = { all: false, users: [], depts: [] };
    const lines = (0,app_channel/* targetLines */.NR)(raw);
    if (lines.length === 0 && required)
        throw new errors/* ConfigError */.xL('target', `is required for ${NAME}`, TARGET_FORM);
    for (const line of lines) {
        if (line.toLowerCase() === '@all') {
            out.all = true;
            continue;
        }
        const match = /^(user|dept):(.+)$/i.exec(line);
        if (!match)
            throw new errors/* ConfigError */.xL('target', `'${line}' is not a DingTalk work-notification target`, TARGET_FORM);
        const kind = match[1].toLowerCase();
        const ids = match[2].split(',').map((id) => id.trim());
        for (const id of ids)
            if (!(kind === 'user' ? USER_ID : DEPT_ID).test(id))
                throw new errors/* ConfigError */.xL('target', `'${id}' in '${line}' is not a ${kind} id`, kind === 'user' ? 'DingTalk userids' : 'numeric department ids');
        (kind === 'user' ? out.users : out.depts).push(...ids);
    }
    if (out.all && (out.users.length || out.depts.length))
        throw new errors/* ConfigError */.xL('target', "'@all' cannot be combined with users or departments", "'@all' alone");
    out.users = [...new Set(out.users)];
    out.depts = [...new Set(out.depts)];
    if (out.users.length > MAX_USERS)
        throw new errors/* ConfigError */.xL('target', `has ${out.users.length} users`, `at most ${MAX_USERS}`);
    if (out.depts.length > MAX_DEPTS)
        throw new errors/* ConfigError */.xL('target', `has ${out.depts.length} departments`, `at most ${MAX_DEPTS}`);
    return out;
}
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
    return (0,app_channel/* codeFailure */.OZ)('DingTalk', CODES, code, text, { status: reply.status, reauthCodes });
}
function accessToken(parsed, env) {
    return new app_channel/* AppToken */.r$(async () => {
        const query = `?appkey=${encodeURIComponent(parsed.appKey)}&appsecret=${encodeURIComponent(parsed.appSecret)}`;
        const outcome = await env.transport.exchange({
            label: 'DingTalk access token',
            build: () => ({ method: 'GET', url: `${(0,endpoint/* joinUrl */.w)(parsed.baseUrl, PATHS.token)}${query}`, headers: {} }),
            interpret: (reply) => {
                const verdict = dingtalkAppVerdict(reply, []);
                if (!verdict.ok)
                    return verdict;
                const token = reply.json.access_token;
                if (typeof token !== 'string' || !token)
                    return { ok: false, message: 'the token reply has no access_token', retry: 'never' };
                env.secrets.add(token);
                return { ok: true };
            },
            rateKey: `${NAME}-token:${(0,idempotency/* credentialFingerprint */.I)(parsed.appKey)}`,
        });
        const token = outcome.reply.json.access_token;
        if (typeof token !== 'string')
            throw new errors/* ProviderError */.mZ('DingTalk access token: the reply has no access_token');
        return token;
    });
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
        rateKey: `${NAME}:${(0,idempotency/* credentialFingerprint */.I)(parsed.appKey)}`,
        rateLimit: RATE_LIMIT,
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
    name: NAME,
    displayName: DISPLAY_NAME,
    defaultEndpoint: DINGTALK_HOST,
    formats: FORMATS,
    defaultFormat: DEFAULT_FORMAT,
    retryableCodes: [-1, 90002],
    updatesMessages: true,
    rateLimit: RATE_LIMIT,
    tokens: new WeakMap(),
    limits: () => ({
        title: { max: 64, unit: 'chars' },
        body: { max: DEFAULT_MSG_BYTES, unit: 'bytes' },
    }),
    parse(settings) {
        const appKey = settings.token?.trim();
        if (!appKey)
            throw new errors/* ConfigError */.xL('token', `is required for ${NAME}`, CREDENTIALS.token);
        if (/\s/.test(appKey))
            throw new errors/* ConfigError */.xL('token', 'contains whitespace', CREDENTIALS.token);
        const appSecret = settings.secret?.trim();
        if (!appSecret)
            throw new errors/* ConfigError */.xL('secret', `is required for ${NAME}`, CREDENTIALS.secret);
        const agent = settings.appId?.trim() ?? '';
        if (!/^\d{1,15}$/.test(agent))
            throw new errors/* ConfigError */.xL('app-id', agent ? `'${agent}' is not an AgentId` : `is required for ${NAME}`, CREDENTIALS.appId);
        const format = (settings.format?.trim().toLowerCase() || DEFAULT_FORMAT);
        if (!FORMATS.includes(format))
            throw new errors/* ConfigError */.xL('format', `unknown ${NAME} format '${settings.format}'`, FORMATS.join(', '));
        const updateMessage = settings.updateMessage?.trim() || undefined;
        if (updateMessage && !TASK_ID.test(updateMessage))
            throw new errors/* ConfigError */.xL('update-message', `'${updateMessage}' is not a DingTalk task id`, 'the message-id output of an earlier dingtalk-app step (a number)');
        const options = settings.options;
        const msgBytes = options.msgBytes ?? DEFAULT_MSG_BYTES;
        if (typeof msgBytes !== 'number' || !Number.isInteger(msgBytes) || msgBytes < 256)
            throw new errors/* ConfigError */.xL('options.msgBytes', `${String(msgBytes)} is not a size`, 'whole bytes, at least 256');
        return {
            appKey,
            appSecret,
            agentId: Number(agent),
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(DINGTALK_HOST, settings.endpoint),
            format,
            recipients: parseRecipients(settings.target, !updateMessage),
            updateMessage,
            msgBytes,
            reauthCodes: (0,app_channel/* reauthCodesOption */.fX)(options.reauthCodes, DEFAULT_REAUTH_CODES, (problem, expected) => new errors/* ConfigError */.xL('options.reauthCodes', problem, expected)),
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
            const exchange = call(parsed, env, token, `status bar of ${id}`, PATHS.statusBar, body, true);
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
        return [{ target: label, exchange: call(parsed, env, token, label, PATHS.send, body, false) }];
    },
    async track(parsed, handle, env) {
        const task = handle.id;
        if (!task)
            return { state: 'failed', message: 'no task_id in the send reply' };
        const token = this.tokens.get(parsed) ?? accessToken(parsed, env);
        const body = JSON.stringify({ agent_id: parsed.agentId, task_id: Number(task) });
        const outcome = await env.transport.exchange(call(parsed, env, token, `send result of ${task}`, PATHS.result, body, true));
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


/***/ })

};
