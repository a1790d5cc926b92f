export const id = 776;
export const ids = [776];
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

/***/ 9776:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  interpretMpaasReply: () => (/* binding */ interpretMpaasReply),
  mpaas: () => (/* binding */ mpaas)
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
// EXTERNAL MODULE: ./src/render/template.ts + 1 modules
var template = __webpack_require__(7219);
// EXTERNAL MODULE: ./src/transport/transport.ts + 3 modules
var transport = __webpack_require__(1966);
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
;// CONCATENATED MODULE: ./src/providers/mpaas/codes.ts
/**
 * Alibaba Cloud gateway errors ({RequestId, Code, Message}, usually with an HTTP 4xx/5xx) and what the user can
 * do about them. Codes are matched exactly first, then by prefix (Throttling.User, Throttling.Api …).
 */
const MPAAS_GATEWAY_CODES = {
    SignatureDoesNotMatch: {
        meaning: 'the signature does not match',
        hint: 'check `secret`: it must be the AccessKeySecret that belongs to the AccessKeyId in `token`',
        retry: 'never',
    },
    'InvalidAccessKeyId.NotFound': {
        meaning: 'the AccessKeyId does not exist',
        hint: 'check `token`: it must be an AccessKeyId of the Alibaba Cloud account (or RAM user) that owns the mPaaS app',
        retry: 'never',
    },
    'InvalidAccessKeyId.Inactive': {
        meaning: 'the AccessKeyId is disabled',
        hint: 'enable the AccessKey in the RAM console or use another one',
        retry: 'never',
    },
    'InvalidTimeStamp.Expired': {
        meaning: 'the request timestamp is too far from the server time',
        hint: "the runner's clock is off by more than 15 minutes: check its time synchronisation",
        retry: 'never',
    },
    'InvalidTimeStamp.Format': { meaning: 'the timestamp is malformed', retry: 'never' },
    SignatureNonceUsed: {
        meaning: 'the signature nonce was already used',
        hint: 'a request was replayed: every attempt must carry a fresh SignatureNonce',
        retry: 'never',
    },
    'Forbidden.RAM': {
        meaning: 'the RAM user may not call this API',
        hint: 'grant the AliyunMPAASFullAccess policy (or an app-level mPaaS permission) to the RAM user',
        retry: 'never',
    },
    Forbidden: { meaning: 'access denied', hint: 'check the RAM permissions of the AccessKey', retry: 'never' },
    'Forbidden.AccessKeyDisabled': { meaning: 'the AccessKey is disabled', retry: 'never' },
    MissingParameter: {
        meaning: 'a required parameter is missing',
        hint: 'check `app-id`, `workspace-id`, `target` and `options`',
        retry: 'never',
    },
    InvalidParameter: { meaning: 'a parameter is invalid', hint: 'check `options` and `target`', retry: 'never' },
    'InvalidAction.NotFound': {
        meaning: 'the API action is unknown at this endpoint',
        hint: 'check `endpoint`: it must be the mPaaS OpenAPI host',
        retry: 'never',
    },
    'InvalidVersion.NotFound': { meaning: 'the API version is unknown', retry: 'never' },
    Throttling: {
        meaning: 'the request was throttled',
        hint: 'mPaaS limits the call rate; it is retried',
        retry: 'retry',
    },
    ServiceUnavailable: { meaning: 'the service is unavailable', retry: 'retry' },
    InternalError: { meaning: 'internal error at Alibaba Cloud', retry: 'retry' },
    UnknownError: { meaning: 'unknown error at Alibaba Cloud', retry: 'retry' },
};
function lookupGatewayCode(code) {
    if (Object.hasOwn(MPAAS_GATEWAY_CODES, code))
        return MPAAS_GATEWAY_CODES[code];
    if (code.startsWith('Throttling'))
        return MPAAS_GATEWAY_CODES.Throttling;
    if (code.startsWith('InvalidAccessKeyId'))
        return MPAAS_GATEWAY_CODES['InvalidAccessKeyId.NotFound'];
    if (code.startsWith('Forbidden'))
        return MPAAS_GATEWAY_CODES.Forbidden;
    return undefined;
}

// EXTERNAL MODULE: ./src/providers/codes.ts
var codes = __webpack_require__(984);
;// CONCATENATED MODULE: ./src/providers/mpaas/fields.ts


/**
 * `options` for mPaaS: the 模板推送 (PushTemplate) document (https://help.aliyun.com/document_detail/2871127.html)
 * spells API fields in camelCase (`expiredSeconds`, `smsStrategy`) and one in
 * PascalCase (`StrategyContent`); on the wire every RPC parameter is PascalCase (`ExpiredSeconds`,
 * `StrategyContent`), as the official SDKs send them. So an option key maps to its wire name by upper-casing
 * the first letter, exactly like `@alicloud/pop-core`. Known fields are validated; unknown keys pass through
 * unchanged so every field of the API stays reachable. Map and object values travel as JSON strings.
 */
const TEMPLATE_NAME = 'TemplateName';
const TEMPLATE_KEY_VALUE = 'TemplateKeyValue';
const DEFAULT_EXPIRED_SECONDS = 300;
/** Set from inputs and targets, or by the signer: `options` cannot replace them. */
const RESERVED = new Set([
    'AppId',
    'WorkspaceId',
    'TargetMsgkey',
    'Action',
    'Format',
    'Version',
    'AccessKeyId',
    'SignatureMethod',
    'SignatureVersion',
    'SignatureNonce',
    'Timestamp',
    'Signature',
    'SecurityToken',
]);
const DELIVERY_TYPES = [1, 2, 3, 5, 6, 7];
const DEFAULT_SUCCESS_CODES = ['OK'];
function fail(problem, expected) {
    throw new errors/* ConfigError */.xL('options', problem, expected);
}
function wireName(key) {
    return key.slice(0, 1).toUpperCase() + key.slice(1);
}
/** A map given as an object or as a JSON string of an object. */
function objectValue(key, value) {
    if ((0,config/* isPlainObject */.Qd)(value))
        return value;
    if (typeof value === 'string') {
        try {
            const parsed = JSON.parse(value);
            if ((0,config/* isPlainObject */.Qd)(parsed))
                return parsed;
        }
        catch {
            // reported below
        }
    }
    return fail(`'${key}' must be a map`, `an object (or a JSON string of one), e.g. ${key}: {"key": "value"}`);
}
function stringMap(key, value) {
    const map = objectValue(key, value);
    const out = {};
    for (const [name, item] of Object.entries(map)) {
        if (typeof item !== 'string' && typeof item !== 'number')
            fail(`'${key}.${name}' must be a string or a number`, `a map of vendor name to value`);
        out[name] = String(item);
    }
    return out;
}
function integer(key, value, allowed, min = 0) {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < min)
        fail(`'${key}' must be ${min > 0 ? 'a positive' : 'a non-negative'} whole number, not ${JSON.stringify(value)}`, `a whole number of at least ${min}`);
    if (allowed && !allowed.includes(number))
        fail(`'${key}' is ${number}`, `one of ${allowed.join(', ')}`);
    return number;
}
function oneOf(key, value, allowed) {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !allowed.includes(text))
        fail(`'${key}' is ${JSON.stringify(value)}`, `one of ${allowed.map((item) => `'${item}'`).join(', ')}`);
    return text;
}
function fields_text(key, value) {
    if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '')
        fail(`'${key}' must be a non-empty string`, 'some text');
    return String(value);
}
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
/** StrategyContent per the 模板推送 field table; the timing fields a strategy type needs must be present. */
function strategyContent(key, value, strategyType) {
    const content = objectValue(key, value);
    for (const field of ['fixedTime', 'startTime', 'endTime']) {
        if (content[field] !== undefined)
            integer(`${key}.${field}`, content[field], undefined, 1);
    }
    if (content.circleType !== undefined)
        integer(`${key}.circleType`, content.circleType);
    if (content.circleValue !== undefined) {
        if (!Array.isArray(content.circleValue))
            fail(`'${key}.circleValue' must be a list of whole numbers`, 'e.g. [1, 7]');
        content.circleValue.forEach((item, index) => integer(`${key}.circleValue[${index}]`, item));
    }
    if (content.time !== undefined && (typeof content.time !== 'string' || !TIME_OF_DAY.test(content.time)))
        fail(`'${key}.time' is ${JSON.stringify(content.time)}`, "a time of day 'HH:mm:ss'");
    const required = strategyType === 1 ? ['fixedTime'] : strategyType === 2 ? ['startTime', 'endTime', 'circleType', 'time'] : [];
    const missing = required.filter((field) => content[field] === undefined);
    if (missing.length > 0)
        fail(`strategyType ${strategyType} (${strategyType === 1 ? 'scheduled' : 'recurring'}) needs ${missing.map((f) => `${key}.${f}`).join(', ')}`, 'the strategy fields of the mPaaS StrategyContent table');
    if (content.startTime !== undefined &&
        content.endTime !== undefined &&
        Number(content.endTime) < Number(content.startTime))
        fail(`'${key}.endTime' is before startTime`, 'an endTime after startTime');
    return typeof value === 'string' ? value : JSON.stringify(content);
}
/** Validates `options` and returns the wire parameters. Pure: throws ConfigError naming `options`. */
function parseMpaasOptions(options) {
    const raw = {};
    for (const [key, value] of Object.entries(options)) {
        if (key === '__proto__' || key === 'constructor' || key === 'prototype')
            continue;
        const name = wireName(key);
        if (RESERVED.has(name))
            fail(`'${key}' is set by the action`, 'AppId from `app-id`, WorkspaceId from `workspace-id`, TargetMsgkey from `target`; signing parameters are computed');
        if (raw[name])
            fail(`'${raw[name].key}' and '${key}' are the same mPaaS field`, 'one of them');
        if (value === null || value === undefined)
            continue;
        raw[name] = { key, value };
    }
    const has = (name) => raw[name] !== undefined;
    const get = (name) => raw[name].value;
    const label = (name) => raw[name]?.key ?? name;
    const params = {};
    const result = { params, successCodes: DEFAULT_SUCCESS_CODES };
    if (has('SuccessCodes')) {
        const value = get('SuccessCodes');
        const codes = typeof value === 'string' ? value.split(',').map((code) => code.trim()) : value;
        if (!Array.isArray(codes) || codes.length === 0 || codes.some((code) => typeof code !== 'string' || !code))
            fail(`'${label('SuccessCodes')}' must list ResultCode values`, 'e.g. successCodes: ["OK"]');
        result.successCodes = codes;
    }
    if (has(TEMPLATE_NAME))
        result.templateName = fields_text(label(TEMPLATE_NAME), get(TEMPLATE_NAME));
    if (has(TEMPLATE_KEY_VALUE)) {
        if (!result.templateName)
            fail(`'${label(TEMPLATE_KEY_VALUE)}' needs 'templateName'`, 'the name of a template created in the mPaaS console');
        result.templateKeyValue = stringMap(label(TEMPLATE_KEY_VALUE), get(TEMPLATE_KEY_VALUE));
    }
    params.ExpiredSeconds = String(has('ExpiredSeconds')
        ? integer(label('ExpiredSeconds'), get('ExpiredSeconds'), undefined, 1)
        : DEFAULT_EXPIRED_SECONDS);
    if (has('DeliveryType'))
        result.deliveryType = integer(label('DeliveryType'), get('DeliveryType'), DELIVERY_TYPES);
    if (has('Classification'))
        params.Classification = oneOf(label('Classification'), get('Classification'), ['0', '1']);
    if (has('TaskName'))
        params.TaskName = fields_text(label('TaskName'), get('TaskName'));
    if (has('NotifyType'))
        params.NotifyType = oneOf(label('NotifyType'), get('NotifyType'), ['notify', 'transparent']);
    if (has('ExtendedParams'))
        params.ExtendedParams = JSON.stringify(objectValue(label('ExtendedParams'), get('ExtendedParams')));
    const strategyType = has('StrategyType') ? integer(label('StrategyType'), get('StrategyType'), [0, 1, 2]) : 0;
    if (has('StrategyType'))
        params.StrategyType = String(strategyType);
    if (has('StrategyContent')) {
        params.StrategyContent = strategyContent(label('StrategyContent'), get('StrategyContent'), strategyType);
    }
    else if (strategyType !== 0) {
        fail(`strategyType ${strategyType} needs 'StrategyContent'`, 'StrategyContent with fixedTime (scheduled) or startTime, endTime, circleType, circleValue and time (recurring)');
    }
    if (has('TransparentMessagePayload'))
        params.TransparentMessagePayload = JSON.stringify(objectValue(label('TransparentMessagePayload'), get('TransparentMessagePayload')));
    if (has('TransparentMessageUrgency')) {
        if (!has('TransparentMessagePayload'))
            fail(`'${label('TransparentMessageUrgency')}' only applies with 'transparentMessagePayload'`, "'transparentMessagePayload' as well, or no urgency");
        params.TransparentMessageUrgency = oneOf(label('TransparentMessageUrgency'), get('TransparentMessageUrgency'), [
            'HIGH',
            'NORMAL',
        ]);
    }
    // The 模板推送 document: when smsStrategy is not 0, smsSignName, smsTemplateCode and smsTemplateParam are required.
    const smsStrategy = has('SmsStrategy') ? integer(label('SmsStrategy'), get('SmsStrategy')) : 0;
    if (has('SmsStrategy'))
        params.SmsStrategy = String(smsStrategy);
    if (has('SmsSignName'))
        params.SmsSignName = fields_text(label('SmsSignName'), get('SmsSignName'));
    if (has('SmsTemplateCode'))
        params.SmsTemplateCode = fields_text(label('SmsTemplateCode'), get('SmsTemplateCode'));
    if (has('SmsTemplateParam'))
        params.SmsTemplateParam = JSON.stringify(objectValue(label('SmsTemplateParam'), get('SmsTemplateParam')));
    if (smsStrategy !== 0) {
        const missing = ['SmsSignName', 'SmsTemplateCode', 'SmsTemplateParam'].filter((name) => !has(name));
        if (missing.length > 0)
            fail(`smsStrategy ${smsStrategy} needs ${missing.map((name) => `'${name.slice(0, 1).toLowerCase()}${name.slice(1)}'`).join(', ')}`, 'smsSignName, smsTemplateCode and smsTemplateParam whenever smsStrategy is not 0');
    }
    if (has('ThirdChannelCategory'))
        params.ThirdChannelCategory = JSON.stringify(stringMap(label('ThirdChannelCategory'), get('ThirdChannelCategory')));
    if (has('NotifyLevel'))
        params.NotifyLevel = JSON.stringify(stringMap(label('NotifyLevel'), get('NotifyLevel')));
    if (has('MiChannelId'))
        params.MiChannelId = fields_text(label('MiChannelId'), get('MiChannelId'));
    if (has('ActivityEvent'))
        params.ActivityEvent = oneOf(label('ActivityEvent'), get('ActivityEvent'), ['update', 'end']);
    if (has('ActivityContentState'))
        params.ActivityContentState = JSON.stringify(objectValue(label('ActivityContentState'), get('ActivityContentState')));
    if (has('DismissalDate'))
        params.DismissalDate = String(integer(label('DismissalDate'), get('DismissalDate'), undefined, 1));
    if (has('PushAction'))
        params.PushAction = String(integer(label('PushAction'), get('PushAction'), [0, 1]));
    if (has('Silent'))
        params.Silent = String(integer(label('Silent'), get('Silent'), [0, 1]));
    if (has('PushStyle'))
        params.PushStyle = String(integer(label('PushStyle'), get('PushStyle'), [0, 1, 2]));
    // Anything else (newer fields, Title/Content/Uri overrides) passes through as the user spelled its value.
    const handled = new Set([TEMPLATE_NAME, TEMPLATE_KEY_VALUE, 'DeliveryType', 'SuccessCodes', ...Object.keys(params)]);
    for (const [name, { value }] of Object.entries(raw)) {
        if (handled.has(name))
            continue;
        params[name] =
            typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/providers/mpaas/signature.ts

/**
 * Alibaba Cloud RPC signature V1 (HMAC-SHA1), as the official SDKs compute it. Written here so the runtime
 * bundle carries no Alibaba SDK; test/unit/mpaas.signature.test.ts checks it byte for byte against
 * `@alicloud/pop-core`.
 */
/** RFC 3986 percent-encoding: encodeURIComponent plus the five characters it leaves alone. */
function percentEncode(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** Byte-order comparison of UTF-8 keys (all keys are ASCII in practice, where this equals code-unit order). */
function byteOrder(a, b) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
/** `k=v&k=v` with encoded keys and values, sorted by key: both the thing signed and the form body. */
function canonicalQuery(params) {
    return Object.keys(params)
        .sort(byteOrder)
        .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
        .join('&');
}
function stringToSign(method, params) {
    return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}
function signRpc(method, params, accessKeySecret) {
    return (0,external_node_crypto_.createHmac)('sha1', `${accessKeySecret}&`).update(stringToSign(method, params), 'utf8').digest('base64');
}
/** `YYYY-MM-DDThh:mm:ssZ` in UTC, without milliseconds (the gateway rejects other forms). */
function rpcTimestamp(epochMs) {
    return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** The API's own parameters plus the common ones, ready to sign. Common parameters win over `options`. */
function withCommonParams(params, common) {
    return {
        ...params,
        Action: common.action,
        Format: 'JSON',
        Version: common.version,
        AccessKeyId: common.accessKeyId,
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        SignatureNonce: common.nonce,
        Timestamp: common.timestamp,
    };
}
/** The form body as sent: the canonical query plus `Signature`, signed over exactly these parameters. */
function signedForm(params, accessKeySecret) {
    const signature = signRpc('POST', params, accessKeySecret);
    return { body: `${canonicalQuery(params)}&Signature=${percentEncode(signature)}`, signature };
}

// EXTERNAL MODULE: ./src/providers/mpaas/descriptor.ts
var descriptor = __webpack_require__(8572);
// EXTERNAL MODULE: ./src/providers/descriptor.ts
var providers_descriptor = __webpack_require__(4461);
// EXTERNAL MODULE: ./src/providers/mpaas/targets.ts
var targets = __webpack_require__(5331);
;// CONCATENATED MODULE: ./src/providers/mpaas/index.ts















const API_VERSION = '2019-08-21';
/**
 * mPaaS's 模板推送 document (https://help.aliyun.com/document_detail/2871127.html): at most 10 entries in
 * targetMsgkey per call.
 */
const MAX_TARGETS_PER_CALL = 10;
/** One call per delivery type and at most 10 targets, in input order. */
function batches(targets) {
    const byKind = new Map();
    for (const target of targets)
        byKind.set(target.kind, [...(byKind.get(target.kind) ?? []), target]);
    const out = [];
    for (const group of byKind.values()) {
        for (let i = 0; i < group.length; i += MAX_TARGETS_PER_CALL)
            out.push(group.slice(i, i + MAX_TARGETS_PER_CALL));
    }
    return out;
}
function gatewayFailure(reply, body) {
    const code = String(body.Code);
    const known = lookupGatewayCode(code);
    const http = (0,transport/* httpFailure */.tG)(reply);
    const text = typeof body.Message === 'string' && body.Message ? body.Message : (known?.meaning ?? 'no message');
    const requestId = typeof body.RequestId === 'string' ? ` (RequestId ${body.RequestId})` : '';
    const verdict = (0,codes/* explainCode */.Dv)('Alibaba Cloud', MPAAS_GATEWAY_CODES, code, `${text}${requestId}`, {
        entry: known,
        status: reply.status,
        retryAfterMs: http?.retryAfterMs,
        hint: known?.hint ?? (typeof body.Recommend === 'string' ? `see ${body.Recommend}` : undefined),
    });
    return verdict;
}
function interpretMpaasReply(reply, successCodes = DEFAULT_SUCCESS_CODES) {
    const body = reply.json;
    if (!(0,config/* isPlainObject */.Qd)(body))
        return (0,transport/* httpFailure */.tG)(reply) ?? (0,transport/* notJsonFailure */.cC)(reply);
    if (typeof body.Code === 'string' && body.Code && body.ResultCode === undefined)
        return gatewayFailure(reply, body);
    const http = (0,transport/* httpFailure */.tG)(reply);
    if (http)
        return http;
    const requestId = typeof body.RequestId === 'string' ? body.RequestId : undefined;
    const result = (0,config/* isPlainObject */.Qd)(body.PushResult) ? body.PushResult : undefined;
    const resultCode = typeof body.ResultCode === 'string' ? body.ResultCode : undefined;
    // The success ResultCode decides; PushResult is optional. The official SDK response models (mpaas 2019-08-21,
    // e.g. npm @alicloud/mpaas20190821 PushSimpleResponseBody) declare only RequestId, ResultCode and ResultMessage,
    // and such a reply means the push went out. Only an explicit
    // `PushResult.Success === false` overrides a success code.
    if (resultCode !== undefined && successCodes.includes(resultCode) && result?.Success !== false) {
        const data = typeof result?.Data === 'string' && result.Data ? result.Data : undefined;
        return { ok: true, id: data ?? requestId, code: resultCode };
    }
    if (resultCode === undefined && result === undefined)
        return (0,transport/* notJsonFailure */.cC)(reply);
    const detail = (typeof result?.ResultMsg === 'string' && result.ResultMsg) ||
        (typeof body.ResultMessage === 'string' && body.ResultMessage) ||
        'no message';
    return {
        ok: false,
        code: resultCode ?? 'PushResult.Success=false',
        message: `mPaaS push refused (ResultCode ${resultCode ?? 'missing'}): ${detail}${requestId ? ` (RequestId ${requestId})` : ''}`,
        hint: 'check `app-id`, `workspace-id`, `target` and `options` (templateName and its parameters) in the mPaaS console',
        retry: 'never',
    };
}
/** The 2 KB message body is shared by title, content, link and extras: the content gets what is left. */
const LIMITS = descriptor/* descriptor */.y.limits('text');
async function actionParams(parsed, message) {
    const { options } = parsed;
    const title = (0,render_message/* renderTitle */.zF)(message, LIMITS.title);
    const base = {
        TaskName: (0,render_message/* renderTitle */.zF)(message, { max: 50, unit: 'chars' }),
        NotifyType: parsed.notifyType,
    };
    if (options.templateName) {
        const params = { ...base, TemplateName: options.templateName };
        if (options.templateKeyValue) {
            const rendered = {};
            for (const [key, source] of Object.entries(options.templateKeyValue))
                rendered[key] = await (0,template/* renderPlainValue */.Wc)(source, message.context, 'options', undefined, message.locale);
            params.TemplateKeyValue = JSON.stringify(rendered);
        }
        return { action: 'PushTemplate', params: { ...params, ...options.params } };
    }
    const params = {
        ...base,
        Title: title,
        Content: (0,render_message/* renderBody */.lc)(message, 'text', LIMITS.body),
    };
    // PushAction 0 opens a web URL (the run, or the release page) when the notification is tapped.
    if (message.link) {
        params.PushAction = '0';
        params.Uri = message.link;
    }
    return { action: 'PushSimple', params: { ...params, ...options.params } };
}
const mpaas = {
    ...(0,providers_descriptor/* descriptorFacts */.H)(descriptor/* descriptor */.y),
    idempotencyKey: 'TargetMsgkey',
    parse(settings) {
        // Required credentials, format ('text') and a target are checked by core against the descriptor (checks.ts).
        const accessKeyId = settings.token.trim();
        const accessKeySecret = settings.secret.trim();
        const appId = settings.appId.trim();
        const workspaceId = settings.workspaceId.trim();
        const channel = settings.channel?.trim() || 'notify';
        if (channel !== 'notify' && channel !== 'transparent')
            throw new errors/* ConfigError */.xL('channel', `'${channel}' is not an mPaaS notify type`, "'notify' (default) or 'transparent'");
        return {
            accessKeyId,
            accessKeySecret,
            appId,
            workspaceId,
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(this.defaultEndpoint, settings.endpoint),
            notifyType: channel,
            targets: (0,targets/* parseTargets */.S)(settings.target),
            options: parseMpaasOptions(settings.options),
        };
    },
    async plan(parsed, message, env) {
        const { action, params } = await actionParams(parsed, message);
        // mPaaS: each msgKey (the TargetMsgkey value) "必须保持唯一". Run, attempt and target alone repeat for a second
        // notification from the same job or for another matrix leg of it, so the message itself is part of the key.
        const digest = (0,external_node_crypto_.createHash)('sha256')
            .update(JSON.stringify([action, params, message.context.matrix ?? {}]))
            .digest('hex')
            .slice(0, 16);
        const groups = batches(parsed.targets);
        const url = (0,endpoint/* joinUrl */.w)(parsed.baseUrl, '/');
        return groups.map((group, index) => {
            const label = `${group[0].kind}:${group.map((target) => target.id).join(',')}`;
            const targetMsgkey = {};
            // Stable across retries and re-plans, new for a re-run (run attempt): the service drops a repeated msgKey.
            for (const target of group)
                targetMsgkey[target.id] = (0,idempotency/* deliveryKey */.u)(message.context, 'mpaas', `${target.kind}:${target.id}#${digest}`);
            const requestParams = {
                ...params,
                AppId: parsed.appId,
                WorkspaceId: parsed.workspaceId,
                DeliveryType: String(parsed.options.deliveryType ?? targets/* TARGET_KINDS */.a[group[0].kind]),
                TargetMsgkey: JSON.stringify(targetMsgkey),
            };
            const batchLabel = groups.length > 1 ? `${label} (batch ${index + 1}/${groups.length})` : label;
            return {
                target: batchLabel,
                idempotencyKey: (0,idempotency/* deliveryKey */.u)(message.context, 'mpaas', `${label}#${digest}`),
                exchange: {
                    label: `mpaas ${action} ${batchLabel}`,
                    // Each attempt is signed anew: a fresh SignatureNonce (the gateway refuses a reused one) and Timestamp.
                    build: () => {
                        const signedParams = withCommonParams(requestParams, {
                            action,
                            version: API_VERSION,
                            accessKeyId: parsed.accessKeyId,
                            nonce: (0,external_node_crypto_.randomUUID)(),
                            timestamp: rpcTimestamp(env.now()),
                        });
                        const { body, signature } = signedForm(signedParams, parsed.accessKeySecret);
                        env.secrets.add(signature);
                        return {
                            method: 'POST',
                            url,
                            headers: {
                                'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
                                accept: 'application/json',
                                'x-acs-action': action,
                                'x-acs-version': API_VERSION,
                            },
                            body,
                        };
                    },
                    interpret: (reply) => interpretMpaasReply(reply, parsed.options.successCodes),
                    rateKey: `mpaas:${(0,idempotency/* credentialFingerprint */.I)(parsed.accessKeyId)}`,
                    rateLimit: this.rateLimit,
                },
            };
        });
    },
};


/***/ })

};
