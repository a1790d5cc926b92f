export const id = 480;
export const ids = [480];
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

/***/ 6480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mobpush: () => (/* binding */ mobpush)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
;// CONCATENATED MODULE: ./src/providers/mobpush/codes.ts
const SECRET_HINT = 'check `secret`: it must be the AppSecret of the app whose AppKey is in `token`';
const KEY_HINT = 'check `token`: it must be the AppKey from the MobTech console (开发者平台 → 应用 → App Key)';
const TARGET_HINT = 'check `target` (alias:…, tags:…, rid:…, city:…)';
const OPTIONS_HINT = 'check `options` against the MobPush createPush fields';
const MOBPUSH_CODES = {
    200: { meaning: 'success' },
    4001: { meaning: 'request is missing a required parameter', hint: OPTIONS_HINT },
    4002: { meaning: 'request parameter error', hint: OPTIONS_HINT },
    4003: { meaning: 'request parameters incomplete', hint: OPTIONS_HINT },
    4004: { meaning: 'data decryption failed', hint: SECRET_HINT },
    4005: { meaning: 'data validation failed (signature check)', hint: SECRET_HINT },
    4006: { meaning: 'session expired or does not exist' },
    4007: { meaning: 'illegal request', hint: SECRET_HINT },
    4008: { meaning: 'secret key no longer valid', hint: SECRET_HINT },
    4011: { meaning: 'the encrypted interface only supports POST' },
    4012: { meaning: 'decryption failed', hint: SECRET_HINT },
    // The document prints 4009 and 4010 truncated ("文本…"): only that they concern text is known.
    4009: { meaning: 'text error (the code table cuts this entry short)' },
    4010: { meaning: 'text error (the code table cuts this entry short)' },
    4013: { meaning: 'web request error' },
    4014: { meaning: 'phone number format wrong' },
    4015: { meaning: 'an identical SMS template cannot be saved twice' },
    4016: { meaning: 'this SMS template does not exist' },
    4017: { meaning: 'this AppKey has no SMS template' },
    4018: { meaning: 'this AppKey has no SMS signature' },
    4019: { meaning: 'this AppKey already has a signature' },
    4101: { meaning: 'the AppKey is blacklisted', hint: 'contact MobTech support about this AppKey' },
    4102: { meaning: 'the device is blacklisted' },
    4103: { meaning: 'too many requests', retry: 'retry', hint: 'MobPush allows 500 push calls a minute per AppKey' },
    4104: {
        meaning: 'MobPush is not enabled for this app',
        hint: 'enable the MobPush product for the app in the MobTech console',
    },
    4105: { meaning: 'device id parameter error', hint: TARGET_HINT },
    4201: { meaning: 'no TCP node available', retry: 'retry' },
    4301: { meaning: 'iOS device is missing its device token' },
    4302: { meaning: 'no matching device found', hint: TARGET_HINT },
    4303: { meaning: 'alias too long (at most 40 UTF-8 bytes)', hint: TARGET_HINT },
    4304: { meaning: 'alias malformed', hint: TARGET_HINT },
    4305: { meaning: 'tag too long (at most 40 UTF-8 bytes)', hint: TARGET_HINT },
    4306: { meaning: 'tag malformed', hint: TARGET_HINT },
    4307: {
        meaning: 'a scheduled push needs a time',
        hint: 'set `options.pushNotify.taskTime` (ms timestamp) with taskCron: 1',
    },
    4308: { meaning: 'content over the limit', hint: 'shorten the template' },
    4309: { meaning: 'AES key missing' },
    4310: { meaning: 'application not found', hint: KEY_HINT },
    4311: { meaning: 'application disabled', hint: 'the app is disabled in the MobTech console' },
    4312: { meaning: 'AppKey invalid', hint: KEY_HINT },
    4313: { meaning: 'token missing' },
    4314: { meaning: 'too many requests', retry: 'retry', hint: 'MobPush allows 500 push calls a minute per AppKey' },
    4315: { meaning: 'long text content over the limit' },
    4316: { meaning: 'inbox content over the limit' },
    4317: { meaning: 'too many inbox lines' },
    4318: { meaning: 'message to replace not found' },
    4319: { meaning: 'message to recall not found' },
    4320: { meaning: 'request is missing a required parameter', hint: OPTIONS_HINT },
    4321: { meaning: 'TCP flag message empty' },
    4322: { meaning: 'offline receipt empty' },
    4501: { meaning: 'IP address format incorrect' },
    4502: { meaning: 'package name incorrect', hint: 'check `options.pushTarget.appPackages`' },
    4503: { meaning: 'certificate password format incorrect' },
    4504: { meaning: 'authentication method does not match the submitted information' },
    4505: { meaning: 'authentication information already exists' },
    4506: { meaning: 'no recipients matched', hint: TARGET_HINT },
    4507: { meaning: 'this push task cannot be modified' },
    4508: { meaning: 'no matching push task found' },
    4509: { meaning: 'content over the limit', hint: 'shorten the template' },
    4510: {
        meaning: 'a scheduled push must be at least one minute ahead',
        hint: 'set `options.pushNotify.taskTime` later',
    },
    4511: { meaning: 'long text content over the limit' },
    4512: { meaning: 'inbox content over the limit' },
    4513: { meaning: 'too many inbox lines' },
    4514: { meaning: 'title over the limit', hint: 'shorten `title`' },
    4515: { meaning: 'a scheduled push must be within one month', hint: 'set `options.pushNotify.taskTime` sooner' },
    4516: { meaning: 'user segment id missing' },
    4517: { meaning: 'segment date format error' },
    4518: { meaning: 'vendor configuration missing (or the task belongs to another user)' },
    4519: { meaning: 'vendor selection wrong', hint: 'check `options.pushFactoryExtra`' },
    4520: {
        meaning: 'the Android package name is not configured',
        hint: 'configure the Android package in MobPush push settings',
    },
    4521: { meaning: 'test ratio out of range' },
    4522: { meaning: 'smart tags not enabled' },
    4523: { meaning: 'more than 1000 aliases in one push', hint: TARGET_HINT },
    4524: { meaning: 'more than 1000 registration ids in one push', hint: TARGET_HINT },
    4525: {
        meaning: 'tags empty or more than 100 tags in one push',
        hint: `${TARGET_HINT}; MobPush takes at most 100 tags per push`,
    },
    4526: { meaning: 'smart tags empty' },
    4527: { meaning: 'aliases empty or over the length limit', hint: TARGET_HINT },
    4528: { meaning: 'registration ids empty or over the length limit', hint: TARGET_HINT },
    4529: { meaning: 'segment id empty' },
    4531: { meaning: 'push content empty' },
    4532: { meaning: 'scheduled time limit' },
    4533: {
        meaning: 'Android style content empty',
        hint: 'set `options.pushNotify.androidNotify.content` for this style',
    },
    4540: { meaning: 'scheduled time empty', hint: 'set `options.pushNotify.taskTime`' },
    4541: { meaning: 'geo push without a location', hint: "use 'city:…', 'province:…' or 'country:…'" },
    4543: { meaning: 'SMS supplement data empty' },
    4544: { meaning: 'smart tag error' },
    4551: { meaning: 'SMS supplement aliases empty or over the length limit', hint: TARGET_HINT },
    4552: { meaning: 'SMS supplement tags or registration ids empty or over the length limit', hint: TARGET_HINT },
    4553: { meaning: 'badge setting wrong', hint: 'check androidBadge/androidBadgeType or iosNotify.badge/badgeType' },
    4554: { meaning: 'FCM configuration error' },
    4555: { meaning: 'replace or recall needs a workId' },
    4556: { meaning: 'ADPush template empty' },
    4557: { meaning: 'smart tag push is not open to the web API' },
    4558: { meaning: 'FCM remote lock error' },
    4559: { meaning: 'operations-guarantee task does not exist' },
    4560: { meaning: 'A/B test task does not exist', hint: 'check `options.groupId`' },
    4561: { meaning: 'unknown SMS signature' },
    4562: { meaning: 'unknown SMS template' },
    4563: { meaning: 'SMS template does not match the signature' },
    5001: { meaning: 'unknown server error', retry: 'retry' },
    5002: { meaning: 'data fetch failed' },
    5003: { meaning: 'data storage failed' },
    5004: { meaning: 'server busy', retry: 'retry' },
    5005: { meaning: 'requested service not supported' },
    5006: { meaning: 'data encryption failed' },
    5101: { meaning: 'device storage parameter error' },
    5301: { meaning: 'no connection node available', retry: 'retry' },
    5302: { meaning: 'contains an invalid MessageId' },
    5403: { meaning: 'device disabled' },
    5404: { meaning: 'device binding missing' },
    5405: { meaning: 'too many tags' },
    5406: { meaning: 'initialization failed' },
    5408: { meaning: 'workno already exists' },
    5409: { meaning: 'no target devices', hint: `${TARGET_HINT}: nobody matched` },
    5411: { meaning: 'not enough devices' },
    5412: { meaning: 'AppSecret wrong', hint: SECRET_HINT },
    5488: { meaning: 'illegal operation' },
    5499: { meaning: 'data update failed' },
    5501: { meaning: 'server under heavy load', retry: 'retry' },
    // The document's own failure example: {"status":5801,"error":"数据校验失败"} (not in its code table).
    5801: { meaning: 'data validation failed (signature check)', hint: SECRET_HINT },
    4800: { meaning: 'request header is missing the key field', hint: KEY_HINT },
    4801: {
        meaning: 'request IP does not match the bound IPs',
        hint: "the app is bound to server IPs in the MobTech console: add the runner's IP or remove the binding",
    },
    4802: {
        meaning: 'MobPush not enabled for this app, or disabled',
        hint: 'enable MobPush for the app in the MobTech console',
    },
    4803: { meaning: 'alias too long (at most 40 UTF-8 bytes)', hint: TARGET_HINT },
    4804: { meaning: 'alias malformed', hint: TARGET_HINT },
    4805: { meaning: 'tag too long (at most 40 UTF-8 bytes)', hint: TARGET_HINT },
    4806: { meaning: 'tag malformed', hint: TARGET_HINT },
    4807: { meaning: 'this push task cannot be modified' },
    4809: { meaning: 'request is missing a required parameter', hint: OPTIONS_HINT },
    4810: { meaning: 'too many requests', retry: 'retry', hint: 'MobPush allows 500 push calls a minute per AppKey' },
    4811: { meaning: 'push content too long', hint: 'shorten the template' },
    4812: { meaning: 'push content missing' },
    4813: { meaning: 'target platform missing', hint: "set `channel` to 'android', 'ios' or 'android,ios'" },
    4814: { meaning: 'target audience missing', hint: TARGET_HINT },
    4815: { meaning: 'push type missing' },
    4816: { meaning: 'offline time over the maximum', hint: 'lower `options.pushNotify.offlineSeconds`' },
    4817: { meaning: 'long text content over the limit' },
    4818: { meaning: 'inbox content over the limit' },
    4819: { meaning: 'at most 5 inbox lines' },
    4820: { meaning: 'title over the limit', hint: 'shorten `title`' },
    4821: { meaning: 'user segment id missing' },
    4822: { meaning: 'an extra key uses a reserved word', hint: 'rename the key in `options.pushNotify.extrasMapList`' },
    4823: { meaning: 'at most 100 items at once' },
    4824: { meaning: 'offline time invalid', hint: 'check `options.pushNotify.offlineSeconds`' },
    4825: { meaning: 'offline push window is 8:00-22:00 (push time = now + offline time)' },
    4826: { meaning: 'at most 1000 items at once', hint: TARGET_HINT },
    4827: { meaning: 'dropType wrong', hint: 'check `options.pushOperator.dropType` (1, 2 or 3)' },
    4828: { meaning: 'task not found or statistics not ready yet' },
    4839: { meaning: 'push AppKey wrong', hint: KEY_HINT },
    4033: { meaning: 'callback url malformed', hint: 'check `options.pushCallback.url`' },
};
/** The throttle codes ("请求过于频繁"); on a broadcast they also mean its own 1-a-minute / 100-a-day cap. */
const MOBPUSH_THROTTLES = [4103, 4314, 4810];
/** MobPush takes one broadcast (`target: 1`) a minute per app ("全部人群(广播):100次/天,每分钟1次"). */
const BROADCAST_INTERVAL_MS = 60_000;
const BROADCAST_HINT = 'MobPush takes one broadcast a minute and 100 a day per app; a broadcast refused after the daily cap succeeds ' +
    'only the next day (the count is kept by MobPush across runs, this action cannot see it): use tags or aliases, ' +
    'or ask MobTech for a higher quota';
/** "workno already exists": on a retry, the earlier attempt was accepted. */
const WORKNO_EXISTS = 5408;
/** Task lookups that find nothing (yet): the follow-up keeps polling. */
const TASK_NOT_FOUND = [4508, 4828];

;// CONCATENATED MODULE: ./src/providers/mobpush/options.ts


function fail(path, problem, expected) {
    throw new errors/* ConfigError */.xL('options', `${path.replace(/^\./, '')} ${problem}`, expected);
}
function objectAt(parent, key, path) {
    const value = parent[key];
    if (value === undefined || value === null)
        return undefined;
    if (!(0,config/* isPlainObject */.Qd)(value))
        fail(`${path}.${key}`, 'is not an object', "a mapping of the fields MobPush's createPush lists");
    return value;
}
function oneOf(object, key, path, allowed) {
    const value = object[key];
    if (value === undefined || value === null)
        return;
    if (!allowed.includes(value)) {
        fail(`${path}.${key}`, `is ${JSON.stringify(value)}`, `one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
    }
}
function integer(object, key, path, min, max = Number.MAX_SAFE_INTEGER) {
    const value = object[key];
    if (value === undefined || value === null)
        return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        fail(`${path}.${key}`, `is ${JSON.stringify(value)}`, `a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`);
    }
}
function stringList(object, key, path) {
    const value = object[key];
    if (value === undefined || value === null)
        return;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
        fail(`${path}.${key}`, 'is not a list of strings', 'e.g. ["a", "b"]');
    }
}
function keyValueList(object, key, path) {
    const value = object[key];
    if (value === undefined || value === null)
        return;
    if (!Array.isArray(value) ||
        value.some((item) => !(0,config/* isPlainObject */.Qd)(item) || typeof item.key !== 'string' || !item.key)) {
        fail(`${path}.${key}`, 'is not a list of {key, value} entries', '[{"key": "name", "value": "jason"}]');
    }
}
function httpUrl(object, key, path) {
    const value = object[key];
    if (value === undefined || value === null)
        return;
    let ok = false;
    try {
        ok = typeof value === 'string' && ['http:', 'https:'].includes(new URL(value).protocol);
    }
    catch {
        ok = false;
    }
    if (!ok)
        fail(`${path}.${key}`, `is ${JSON.stringify(value)}`, 'an http:// or https:// URL');
}
function checkNotify(notify) {
    const path = 'pushNotify';
    if (notify.plats !== undefined) {
        const plats = notify.plats;
        if (!Array.isArray(plats) || plats.length === 0 || plats.some((p) => p !== 1 && p !== 2)) {
            fail(`${path}.plats`, `is ${JSON.stringify(plats)}`, '[1] (Android), [2] (iOS) or [1, 2]; or use `channel`');
        }
    }
    oneOf(notify, 'type', path, [1, 2]);
    oneOf(notify, 'iosProduction', path, [0, 1]);
    integer(notify, 'offlineSeconds', path, 1);
    oneOf(notify, 'taskCron', path, [0, 1]);
    integer(notify, 'taskTime', path, 0);
    if (notify.taskCron === 1) {
        if (typeof notify.taskTime !== 'number') {
            fail(`${path}.taskTime`, 'is required when taskCron is 1', 'a millisecond timestamp, e.g. 1594277916000');
        }
    }
    integer(notify, 'speed', path, 0);
    oneOf(notify, 'skipOnline', path, [0, 1]);
    oneOf(notify, 'skipFactory', path, [0, 1]);
    oneOf(notify, 'policy', path, [1, 2, 3, 4]);
    keyValueList(notify, 'extrasMapList', path);
    const android = objectAt(notify, 'androidNotify', path);
    if (android) {
        const at = `${path}.androidNotify`;
        stringList(android, 'content', at);
        oneOf(android, 'style', at, [0, 1, 2, 3, 4]);
        if (android.warn !== undefined && !(typeof android.warn === 'string' && /^[123]{1,3}$/.test(android.warn))) {
            fail(`${at}.warn`, `is ${JSON.stringify(android.warn)}`, "a string of 1 (sound), 2 (vibrate), 3 (light), e.g. '12'");
        }
        oneOf(android, 'androidBadgeType', at, [1, 2]);
        integer(android, 'androidBadge', at, 0);
        const custom = objectAt(android, 'customStyle', at);
        if (custom)
            oneOf(custom, 'styleNo', `${at}.customStyle`, [1, 2, 3]);
    }
    const ios = objectAt(notify, 'iosNotify', path);
    if (ios) {
        const at = `${path}.iosNotify`;
        integer(ios, 'badge', at, Number.MIN_SAFE_INTEGER);
        oneOf(ios, 'badgeType', at, [1, 2]);
        if (ios.badgeType === 1 && typeof ios.badge === 'number' && ios.badge < 0) {
            fail(`${at}.badge`, 'is negative with badgeType 1 (absolute)', 'a number of 0 or more, or badgeType 2');
        }
        oneOf(ios, 'slientPush', at, [0, 1]);
        oneOf(ios, 'contentAvailable', at, [0, 1]);
        oneOf(ios, 'mutableContent', at, [0, 1]);
        oneOf(ios, 'attachmentType', at, [0, 1, 2, 3]);
    }
}
/**
 * The createPush document nests `androidNotify` and `iosNotify` inside `pushNotify` (its pushNotify table and every
 * example); at the top level of the body the service ignores them. Written at the top of `options` (as the issue lists
 * them), they are moved to where the document puts them; a value already under `pushNotify` wins field by field.
 */
function nestNotifyObjects(options) {
    const moved = ['androidNotify', 'iosNotify'].filter((key) => options[key] !== undefined);
    if (moved.length === 0)
        return options;
    const notify = options.pushNotify ?? {};
    if (!(0,config/* isPlainObject */.Qd)(notify))
        fail('pushNotify', 'is not an object', "a mapping of the fields MobPush's createPush lists");
    const nested = { ...notify };
    for (const key of moved) {
        const top = options[key];
        if (!(0,config/* isPlainObject */.Qd)(top))
            fail(key, 'is not an object', `a mapping of MobPush's ${key} fields`);
        const inner = notify[key];
        nested[key] = (0,config/* isPlainObject */.Qd)(inner) ? (0,config/* deepMerge */.$N)(top, inner) : (inner ?? top);
    }
    const out = (0,config/* omitKeys */.QD)(options, moved);
    out.pushNotify = nested;
    return out;
}
function checkOptions(options) {
    for (const key of ['appkey', 'source']) {
        if (key === 'source' && (options.source === undefined || options.source === 'webapi'))
            continue;
        if (key in options) {
            fail(key, 'is set by the adapter', key === 'source' ? "nothing, or 'webapi'" : 'the AppKey in `token`');
        }
    }
    if (options.workno !== undefined && (typeof options.workno !== 'string' || !/^[\w-]{1,64}$/.test(options.workno))) {
        fail('workno', `is ${JSON.stringify(options.workno)}`, 'letters, digits, - or _ (at most 64), unique per push');
    }
    if (options.groupId !== undefined && typeof options.groupId !== 'string') {
        fail('groupId', 'is not a string', 'the A/B test group id');
    }
    const target = objectAt(options, 'pushTarget', '');
    if (target) {
        oneOf(target, 'target', '.pushTarget', [1, 2, 3, 4, 5, 6, 9, 14]);
        oneOf(target, 'tagsType', '.pushTarget', [1, 2, 3]);
        stringList(target, 'appPackages', '.pushTarget');
        if (target.target === 9 && !(0,config/* isPlainObject */.Qd)(target.pushAreas)) {
            fail('pushTarget.pushAreas', 'is required when target is 9', '{"countries": [{"country": "中国"}]}');
        }
    }
    const notify = objectAt(options, 'pushNotify', '');
    if (notify)
        checkNotify(notify);
    const operator = objectAt(options, 'pushOperator', '');
    if (operator) {
        oneOf(operator, 'dropType', 'pushOperator', [1, 2, 3]);
        if (operator.dropType !== undefined && typeof operator.dropId !== 'string') {
            fail('pushOperator.dropId', 'is required with dropType', 'the id of the push task to cancel, replace or recall');
        }
    }
    const forward = objectAt(options, 'pushForward', '');
    if (forward) {
        oneOf(forward, 'nextType', 'pushForward', [0, 1, 2, 3]);
        if (forward.nextType === 2 && typeof forward.scheme !== 'string') {
            fail('pushForward.scheme', 'is required when nextType is 2', "the MobLink scheme, e.g. 'mlink://com.example.app'");
        }
        if (forward.nextType === 1 && forward.url === undefined) {
            fail('pushForward.url', 'is required when nextType is 1', 'the link to open');
        }
        keyValueList(forward, 'schemeDataList', 'pushForward');
    }
    const callback = objectAt(options, 'pushCallback', '');
    if (callback) {
        httpUrl(callback, 'url', 'pushCallback');
        if (callback.params !== undefined && !(0,config/* isPlainObject */.Qd)(callback.params)) {
            fail('pushCallback.params', 'is not an object', '{"key": "value"}');
        }
    }
    const factory = objectAt(options, 'pushFactoryExtra', '');
    if (factory) {
        const huawei = objectAt(factory, 'huaweiExtra', 'pushFactoryExtra');
        if (huawei)
            oneOf(huawei, 'importance', 'pushFactoryExtra.huaweiExtra', ['LOW', 'NORMAL']);
        const vivo = objectAt(factory, 'vivoExtra', 'pushFactoryExtra');
        if (vivo) {
            oneOf(vivo, 'classification', 'pushFactoryExtra.vivoExtra', [0, 1]);
            if (vivo.category !== undefined &&
                (typeof vivo.category !== 'string' || vivo.category !== vivo.category.toUpperCase())) {
                fail('pushFactoryExtra.vivoExtra.category', `is ${JSON.stringify(vivo.category)}`, 'an upper-case vivo category, e.g. IM');
            }
        }
        objectAt(factory, 'xiaomiExtra', 'pushFactoryExtra');
        objectAt(factory, 'oppoExtra', 'pushFactoryExtra');
    }
    const extra = objectAt(options, 'userExtra', '');
    if (extra) {
        oneOf(extra, 'activityTask', 'userExtra', [0, 1]);
        if (extra.activityTask === 1) {
            const id = extra.activityWorkId;
            if (typeof id !== 'string' || id.length === 0 || [...id].length > 20) {
                fail('userExtra.activityWorkId', 'is required when activityTask is 1 and at most 20 characters', 'a unique activity id of 1 to 20 characters');
            }
        }
    }
}
/** 4510 and 4515: a scheduled push must be at least one minute ahead and within a month. Needs the clock, so it runs at plan time. */
function checkSchedule(options, now) {
    const notify = options.pushNotify;
    if (!(0,config/* isPlainObject */.Qd)(notify) || notify.taskCron !== 1 || typeof notify.taskTime !== 'number')
        return;
    if (notify.taskTime < now + 60_000 || notify.taskTime > now + 31 * 86_400_000) {
        fail('pushNotify.taskTime', `(${notify.taskTime}) is not between one minute and one month from now`, 'a millisecond timestamp in that window');
    }
}

// EXTERNAL MODULE: ./src/transport/transport.ts + 3 modules
var transport = __webpack_require__(1966);
// EXTERNAL MODULE: ./src/providers/codes.ts
var codes = __webpack_require__(984);
;// CONCATENATED MODULE: ./src/providers/mobpush/reply.ts




/** The service's `status` in a JSON reply, when there is one. */
function statusOf(reply) {
    const body = reply.json;
    if (!(0,config/* isPlainObject */.Qd)(body))
        return undefined;
    const status = typeof body.status === 'string' ? Number(body.status) : body.status;
    return typeof status === 'number' && Number.isFinite(status) ? status : undefined;
}
/**
 * A MobPush failure: the code, its meaning from the createPush code table (codes.ts), the service's own `error`
 * text and a hint. The table says which codes are retried (throttles, "busy", transient faults); HTTP 429 and 5xx
 * are too; everything else is a configuration or business error.
 */
function mobpushFailure(reply, status, hint) {
    const body = reply.json;
    const text = typeof body.error === 'string' && body.error ? body.error : undefined;
    const http = (0,transport/* httpFailure */.tG)(reply);
    const verdict = (0,codes/* explainCode */.Dv)('MobPush', MOBPUSH_CODES, status, text, {
        hint,
        status: reply.status,
        retryAfterMs: http?.retryAfterMs,
    });
    return http ? { ...verdict, message: `${verdict.message} [HTTP ${reply.status}]` } : verdict;
}
/**
 * Reads a createPush reply. `attempt` is the transport attempt that produced it: a 5408 ("workno already
 * exists") on a retry means an earlier attempt reached the service, so the push was delivered once.
 * `broadcast`: the push targets every install (`target: 1`), which MobPush takes once a minute and 100 times a day;
 * a throttle then names that cap and waits out the minute (or fails at once when the deadline comes first).
 */
function interpretPush(reply, attempt, workno, broadcast = false) {
    const status = statusOf(reply);
    if (status === undefined)
        return (0,transport/* httpFailure */.tG)(reply) ?? (0,transport/* notJsonFailure */.cC)(reply);
    // A proxy or gateway error page that happens to carry JSON is an HTTP failure, whatever its body says.
    if (status === 200 && (reply.status < 200 || reply.status >= 300))
        return (0,transport/* httpFailure */.tG)(reply) ?? (0,transport/* notJsonFailure */.cC)(reply);
    if (status === 200) {
        const res = reply.json.res;
        const batchId = (0,config/* isPlainObject */.Qd)(res) && typeof res.batchId === 'string' && res.batchId ? res.batchId : undefined;
        return batchId
            ? { ok: true, id: batchId, code: 200 }
            : { ok: true, code: 200, message: 'accepted, but the reply carried no batchId' };
    }
    if (status === WORKNO_EXISTS) {
        if (attempt > 1) {
            return {
                ok: true,
                code: WORKNO_EXISTS,
                message: `accepted by an earlier attempt (workno ${workno} already exists, so nothing was sent twice)`,
            };
        }
        return mobpushFailure(reply, status, `a push with workno ${workno} was already accepted: this run attempt already sent this message to this target. ` +
            'Re-run the job (a new attempt gets a new workno), or set `options.workno` to your own unique id');
    }
    if (broadcast && MOBPUSH_THROTTLES.includes(status)) {
        const failure = mobpushFailure(reply, status, BROADCAST_HINT);
        return failure.ok ? failure : { ...failure, retryAfterMs: failure.retryAfterMs ?? BROADCAST_INTERVAL_MS };
    }
    return mobpushFailure(reply, status);
}

;// CONCATENATED MODULE: ./src/providers/mobpush/sign.ts

/**
 * MobPush's request signature: md5 over the exact body string followed by the AppSecret, as lower-case hex.
 * Sign the very string that is sent: any re-serialization (key order, spacing, escaping) breaks it.
 */
function mobpushSign(body, appSecret) {
    return (0,external_node_crypto_.createHash)('md5')
        .update(body + appSecret, 'utf8')
        .digest('hex');
}

// EXTERNAL MODULE: ./src/providers/mobpush/targets.ts
var targets = __webpack_require__(3761);
;// CONCATENATED MODULE: ./src/providers/mobpush/track.ts







/**
 * MobPush's 创建推送 document (https://www.mob.com/wiki/detailed?wiki=234&id=136): query calls are limited to 300 a
 * minute per AppKey by default.
 */
const QUERY_RATE = { requests: 300, perMs: 60_000 };
const TASK_STATES = {
    1: { text: '未开始', meaning: 'not started (scheduled)', state: 'pending' },
    // Issued: MobPush has handed the task to its TCP channel and the vendor channels. The service reports no
    // per-task "reached the phone" state short of its statistics, and a task stays "issued" until its offline
    // window (a day by default) ends, so this is as delivered as MobPush says a push gets.
    2: { text: '已下发', meaning: 'issued to the push channels', state: 'delivered' },
    3: { text: '下发失败', meaning: 'issue failed (selecting the audience failed)', state: 'failed' },
    4: { text: '推送完成', meaning: 'push completed', state: 'delivered' },
    5: { text: '已取消', meaning: 'cancelled', state: 'failed' },
    6: { text: '已撤回', meaning: 'recalled', state: 'failed' },
    7: { text: '任务异常', meaning: 'task abnormal', state: 'failed' },
};
function fromCode(value) {
    let code;
    if (typeof value === 'number' && Number.isInteger(value))
        code = Math.abs(value);
    else if (typeof value === 'string') {
        const text = value.trim();
        if (/^-?\d$/.test(text))
            code = Math.abs(Number(text));
        else
            code = Number(Object.entries(TASK_STATES).find(([, entry]) => entry.text === text)?.[0]) || undefined;
    }
    const entry = code === undefined ? undefined : TASK_STATES[code];
    return entry ? { state: entry.state, message: `MobPush task ${entry.text} (${entry.meaning})` } : undefined;
}
/** A task state in a lookup reply, wherever the documented and observed shapes put it. */
function taskStateOf(body) {
    const res = body.res;
    if (typeof res === 'string')
        return fromCode(body.code) ?? fromCode(res);
    if (!(0,config/* isPlainObject */.Qd)(res))
        return undefined;
    for (const key of ['workStatus', 'taskStatus', 'status', 'state', 'code']) {
        const found = fromCode(res[key]);
        if (found)
            return found;
    }
    return undefined;
}
function workIdOf(body) {
    const res = body?.res;
    if (!(0,config/* isPlainObject */.Qd)(res))
        return undefined;
    for (const key of ['workId', 'batchId', 'id'])
        if (typeof res[key] === 'string' && res[key])
            return res[key];
    return undefined;
}
function interpretQuery(reply) {
    const status = statusOf(reply);
    if (status === undefined)
        return (0,transport/* httpFailure */.tG)(reply) ?? (0,transport/* notJsonFailure */.cC)(reply);
    if ((status === 200 && reply.status < 300) || TASK_NOT_FOUND.includes(status)) {
        return { ok: true, code: status };
    }
    return mobpushFailure(reply, status);
}
async function query(settings, env, path, fields) {
    const body = JSON.stringify({ appkey: settings.appKey, ...fields });
    const sign = mobpushSign(body, settings.appSecret);
    env.secrets.add(sign);
    const outcome = await env.transport.exchange({
        label: `mobpush ${path}`,
        build: () => ({
            method: 'POST',
            url: (0,endpoint/* joinUrl */.w)(settings.baseUrl, path),
            headers: { 'content-type': 'application/json', key: settings.appKey, sign },
            body,
        }),
        interpret: interpretQuery,
        // A lookup changes nothing: repeating it is always safe.
        idempotent: true,
        rateKey: `mobpush-query:${(0,idempotency/* credentialFingerprint */.I)(settings.appKey)}`,
        rateLimit: QUERY_RATE,
    });
    return outcome.reply.json;
}
async function trackPush(settings, handle, env) {
    let byWorkno;
    if (handle.idempotencyKey) {
        byWorkno = await query(settings, env, '/v3/push/getByWorkno', { workno: handle.idempotencyKey });
        const state = taskStateOf(byWorkno);
        if (state)
            return state;
    }
    const workId = handle.id ?? workIdOf(byWorkno);
    if (workId) {
        const status = await query(settings, env, '/v3/push/getWorkStatus', { workId });
        const state = taskStateOf(status);
        if (state)
            return state;
        if (TASK_NOT_FOUND.includes(status.status)) {
            return { state: 'pending', message: 'MobPush has no status for this task yet' };
        }
        return { state: 'pending', message: `MobPush returned no recognisable task state: ${JSON.stringify(status.res)}` };
    }
    return { state: 'pending', message: 'MobPush has no task for this workno yet' };
}

// EXTERNAL MODULE: ./src/providers/mobpush/descriptor.ts
var descriptor = __webpack_require__(3022);
// EXTERNAL MODULE: ./src/providers/descriptor.ts
var providers_descriptor = __webpack_require__(4461);
;// CONCATENATED MODULE: ./src/providers/mobpush/index.ts














const PLATFORMS = { android: 1, ios: 2 };
const CHANNEL_FORM = "'android', 'ios' or 'android,ios' (default: both)";
/** The descriptor's limits (why they are what they are: descriptor.ts). */
const LIMITS = descriptor/* descriptor */.y.limits('notification');
function parseChannel(raw) {
    const names = (raw?.trim() || 'android,ios')
        .toLowerCase()
        .split(/[,\s]+/)
        .filter(Boolean);
    const plats = new Set();
    for (const name of names) {
        const plat = PLATFORMS[name];
        if (!plat)
            throw new errors/* ConfigError */.xL('channel', `unknown MobPush platform '${name}'`, CHANNEL_FORM);
        plats.add(plat);
    }
    return [...plats].sort();
}
/** The default tap action: open the run (or the release page) when the message has a link. */
function defaultForward(message, options) {
    if (!message.link)
        return undefined;
    const user = options.pushForward;
    // A user who picked another action (home page, scheme, intent) must not inherit our url.
    if ((0,config/* isPlainObject */.Qd)(user) && user.nextType !== undefined && user.nextType !== 1)
        return undefined;
    return { nextType: 1, url: message.link };
}
/** Identifies the message content, so two different notifications to one target in one job get two worknos. */
function contentDigest(title, content, format, message) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update([format, title, content, JSON.stringify(message.context.matrix ?? {})].join('\u0000'))
        .digest('hex')
        .slice(0, 16);
}
const mobpush = {
    ...(0,providers_descriptor/* descriptorFacts */.H)(descriptor/* descriptor */.y),
    idempotencyKey: 'workno',
    parse(settings) {
        // Required credentials, format and target grammar are checked by core against the descriptor (checks.ts).
        const appKey = settings.token.trim();
        if (!/^[A-Za-z0-9]{4,64}$/.test(appKey)) {
            throw new errors/* ConfigError */.xL('token', 'does not look like a MobPush AppKey', 'the AppKey (letters and digits), e.g. 2f2d7a68f8a40');
        }
        const appSecret = settings.secret.trim();
        if (/\s/.test(appSecret))
            throw new errors/* ConfigError */.xL('secret', 'contains whitespace', 'the AppSecret exactly as shown in the console');
        const format = (settings.format || descriptor/* descriptor */.y.defaultFormat);
        const options = nestNotifyObjects(settings.options);
        checkOptions(options);
        const optionsTarget = (0,config/* isPlainObject */.Qd)(options.pushTarget) && options.pushTarget.target !== undefined;
        return {
            appKey,
            appSecret,
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(this.defaultEndpoint, settings.endpoint),
            plats: parseChannel(settings.channel),
            format,
            targets: (0,targets/* parseTargets */.Sx)(settings.target, optionsTarget),
            options,
        };
    },
    plan(parsed, message, env) {
        checkSchedule(parsed.options, env.now());
        const content = (0,render_message/* renderBody */.lc)(message, 'text', LIMITS.body);
        const title = (0,render_message/* renderTitle */.zF)(message, LIMITS.title);
        const digest = contentDigest(title, content, parsed.format, message);
        const userWorkno = typeof parsed.options.workno === 'string' ? parsed.options.workno : undefined;
        const rest = (0,config/* omitKeys */.QD)(parsed.options, ['workno']);
        const forward = defaultForward(message, rest);
        const url = (0,endpoint/* joinUrl */.w)(parsed.baseUrl, '/v3/push/createPush');
        const jobs = parsed.targets.flatMap((target) => {
            const groups = (0,targets/* batches */.Xy)(target);
            return groups.map((items, index) => ({ target, items, index, count: groups.length }));
        });
        return jobs.map(({ target, items, index, count }, position) => {
            const label = count > 1 ? `${target.label} (batch ${index + 1}/${count})` : target.label;
            // Same run, run attempt, target, batch and content → same workno, so a retry can never push twice.
            const workno = userWorkno
                ? jobs.length > 1
                    ? `${userWorkno}-${position + 1}`
                    : userWorkno
                : (0,idempotency/* deliveryKey */.u)(message.context, 'mobpush', `${target.canonical}#${index + 1}/${count}#${digest}`);
            const pushNotify = {
                plats: parsed.plats,
                title,
                content,
                type: parsed.format === 'custom' ? 2 : 1,
            };
            if (parsed.format === 'custom')
                pushNotify.customNotify = { customType: 'text', customTitle: title };
            const base = {
                workno,
                source: 'webapi',
                appkey: parsed.appKey,
                pushTarget: (0,targets/* pushTargetFor */.d$)(target, items),
                pushNotify,
            };
            if (forward)
                base.pushForward = forward;
            const merged = (0,config/* deepMerge */.$N)(base, rest);
            // `null` in options removes a default (e.g. `pushForward: null` for no tap action).
            for (const [key, value] of Object.entries(merged))
                if (value === null)
                    delete merged[key];
            const body = JSON.stringify(merged);
            // A broadcast has its own cap (one a minute, 100 a day per app): its own window keeps a retry (or a second
            // broadcast of the same app in this run) a minute after the last one instead of spending a call on a refusal.
            const broadcast = (0,config/* isPlainObject */.Qd)(merged.pushTarget) && Number(merged.pushTarget.target) === 1;
            const sign = mobpushSign(body, parsed.appSecret);
            // Derived from the secret: never printed, not even in a dry run.
            env.secrets.add(sign);
            let attempt = 1;
            return {
                target: label,
                idempotencyKey: workno,
                exchange: {
                    label: `mobpush ${label}`,
                    build: (n) => {
                        attempt = n;
                        return {
                            method: 'POST',
                            url,
                            headers: { 'content-type': 'application/json', key: parsed.appKey, sign },
                            body,
                        };
                    },
                    interpret: (reply) => interpretPush(reply, attempt, workno, broadcast),
                    idempotent: true,
                    ...(broadcast
                        ? {
                            rateKey: `mobpush-broadcast:${(0,idempotency/* credentialFingerprint */.I)(parsed.appKey)}`,
                            rateLimit: { requests: 1, perMs: BROADCAST_INTERVAL_MS },
                        }
                        : { rateKey: `mobpush:${(0,idempotency/* credentialFingerprint */.I)(parsed.appKey)}`, rateLimit: this.rateLimit }),
                },
            };
        });
    },
    track(parsed, handle, env) {
        return trackPush(parsed, handle, env);
    },
};


/***/ })

};
