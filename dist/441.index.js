export const id = 441;
export const ids = [441];
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

/***/ 6441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  feishu: () => (/* binding */ feishu)
});

// EXTERNAL MODULE: ./src/model/config.ts
var config = __webpack_require__(4663);
// EXTERNAL MODULE: ./src/model/idempotency.ts
var idempotency = __webpack_require__(1672);
// EXTERNAL MODULE: ./src/render/message.ts
var render_message = __webpack_require__(8795);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
// EXTERNAL MODULE: ./src/providers/endpoint.ts
var endpoint = __webpack_require__(9833);
// EXTERNAL MODULE: ./src/providers/unsigned.ts
var providers_unsigned = __webpack_require__(3643);
// EXTERNAL MODULE: ./src/providers/webhook.ts
var webhook = __webpack_require__(6051);
;// CONCATENATED MODULE: ./src/providers/feishu/codes.ts
/**
 * Feishu/Lark custom-bot reply codes (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot) with what
 * the user can do.
 */
const FEISHU_CODES = {
    9499: { meaning: 'bad request', hint: 'check `options` and `format`: the body does not match the message type' },
    11232: { meaning: 'rate limited', hint: 'a bot takes 100 messages a minute and 5 a second', retry: 'retry' },
    19001: {
        meaning: 'invalid webhook token',
        hint: "check `token`: copy the hook token (or the whole webhook URL) from the bot's settings",
    },
    19002: { meaning: 'bot not found or disabled', hint: 'check `token` and that the bot is still in the group' },
    19021: {
        meaning: 'sign mismatch or timestamp out of range',
        hint: "sign mismatch: check `secret` and the runner's clock (Feishu allows one hour)",
    },
    19022: {
        meaning: 'IP not allowed',
        hint: "the runner's IP is not in the bot's IP allow-list; add it or use signing instead",
    },
    19024: {
        meaning: 'keyword missing',
        hint: "keyword missing: the robot's security keyword must appear in the title or template",
    },
};
/**
 * Feishu reuses 9499 for throttling: replies seen in real logs read `{"code":9499,"msg":"too many request"}`, which is
 * the same limit as 11232 (100 messages a minute, 5 a second per bot; https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot).
 * Only the message tells it apart from a malformed request, which must not be retried.
 */
function explainFeishu(code, msg) {
    if (code === 9499 && /too many request/i.test(msg))
        return {
            meaning: 'rate limited',
            hint: 'a bot takes 100 messages a minute and 5 a second',
            retry: 'retry',
        };
    return FEISHU_CODES[code];
}

// EXTERNAL MODULE: ./src/providers/feishu/payload.ts
var payload = __webpack_require__(7911);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/providers/feishu/sign.ts

/**
 * Feishu/Lark custom-bot signature. Unlike DingTalk, the KEY is `timestamp + "\n" + secret` and the message is
 * empty; the timestamp is in seconds. Swapping key and message (the DingTalk way) always fails with 19021.
 */
function feishuSign(timestampSeconds, secret) {
    return (0,external_node_crypto_.createHmac)('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

// EXTERNAL MODULE: ./src/providers/feishu/descriptor.ts
var descriptor = __webpack_require__(3016);
// EXTERNAL MODULE: ./src/providers/descriptor.ts
var providers_descriptor = __webpack_require__(4461);
;// CONCATENATED MODULE: ./src/providers/feishu/index.ts












const FEISHU = descriptor/* descriptor */.y.defaultEndpoint;
const LARK = 'https://open.larksuite.com';
const HOOK_PATH = '/open-apis/bot/v2/hook/';
const TOKEN_FORM = descriptor/* descriptor */.y.credentials.token.form;
/** Placeholders the size of a real signature, so the measured body matches the one sent. */
const SIGN_PLACEHOLDER = { timestamp: '0000000000', sign: 'x'.repeat(44) };
function feishu_payload(parsed, message, title, markdown) {
    switch (parsed.format) {
        case 'text':
            return { msg_type: 'text', content: (0,payload/* textContent */.P_)(title, markdown, parsed.mentions) };
        case 'post':
            return { msg_type: 'post', content: (0,payload/* postContent */.oB)(title, markdown, parsed.mentions) };
        default:
            return { msg_type: 'interactive', card: (0,payload/* cardContent */.Ux)(title, markdown, message, parsed.mentions) };
    }
}
const feishu = {
    ...(0,providers_descriptor/* descriptorFacts */.H)(descriptor/* descriptor */.y),
    parse(settings) {
        const token = (0,webhook/* parseWebhookToken */.CF)(settings.token, {
            provider: 'Feishu/Lark',
            ownHost: (host) => host === 'open.feishu.cn' || host === 'open.larksuite.com',
            keyFromUrl: (url) => (url.pathname.startsWith(HOOK_PATH) ? url.pathname.slice(HOOK_PATH.length) : undefined),
            bareKey: /^[A-Za-z0-9-]{8,128}$/,
            expected: TOKEN_FORM,
            endpointSet: Boolean(settings.endpoint?.trim()),
        });
        // Checked by core against the descriptor (checks.ts).
        const format = (settings.format || descriptor/* descriptor */.y.defaultFormat);
        // A Lark URL keeps the message on Lark's international host.
        const official = token.host === 'open.larksuite.com' ? LARK : FEISHU;
        return {
            hookToken: token.key,
            secret: settings.secret?.trim() || undefined,
            baseUrl: (0,endpoint/* resolveBaseUrl */.x)(official, settings.endpoint),
            format,
            mentions: (0,webhook/* parseMentions */.Xs)(settings.target, 'Feishu', ['all', 'user']),
            label: (0,webhook/* targetLabel */.Op)(settings.target),
            options: settings.options,
        };
    },
    plan(parsed, message, env) {
        env.secrets.add(parsed.hookToken);
        const limits = this.limits(parsed.format);
        const title = (0,render_escape/* neutralizeMentions */.tI)((0,render_message/* renderTitle */.zF)(message, limits.title));
        const signed = (body, fields) => fields ? { ...fields, ...body } : body;
        const placeholder = parsed.secret ? SIGN_PLACEHOLDER : undefined;
        // Fitted once, measured with signature-sized placeholders; the real fields are added per attempt.
        const build = (settings) => (markdown) => signed((0,config/* deepMerge */.$N)(feishu_payload(settings, message, title, markdown), settings.options), placeholder);
        const unsigned = (0,webhook/* fitJsonBody */.ks)(message, limits.body, build(parsed), {
            target: build({ ...parsed, mentions: { all: false, users: [], mobiles: [] } }),
            options: build({ ...parsed, options: {} }),
        });
        delete unsigned.timestamp;
        delete unsigned.sign;
        const url = (0,endpoint/* joinUrl */.w)(parsed.baseUrl, `${HOOK_PATH}${encodeURIComponent(parsed.hookToken)}`);
        return [
            {
                target: parsed.label,
                exchange: {
                    label: 'Feishu',
                    build: () => {
                        let body = unsigned;
                        if (parsed.secret) {
                            // Signed per attempt: Feishu refuses a timestamp more than an hour off.
                            const timestamp = Math.floor(env.now() / 1000);
                            const sign = feishuSign(timestamp, parsed.secret);
                            env.secrets.add(sign);
                            body = signed(unsigned, { timestamp: String(timestamp), sign });
                        }
                        return {
                            method: 'POST',
                            url,
                            headers: { 'content-type': 'application/json; charset=utf-8' },
                            body: JSON.stringify(body),
                        };
                    },
                    interpret: (reply) => (0,providers_unsigned/* namesMissingSecret */.V)((0,webhook/* robotVerdict */.Wm)(reply, 'Feishu', (json) => {
                        // Newer replies carry code/msg; older ones StatusCode/StatusMessage.
                        const code = (0,webhook/* numberField */.sJ)(json.code) ?? (0,webhook/* numberField */.sJ)(json.StatusCode);
                        const text = json.msg ?? json.StatusMessage;
                        return code === undefined ? undefined : { code, message: typeof text === 'string' ? text : '' };
                    }, explainFeishu), parsed.secret, 
                    // 19021: "sign match fail or timestamp is not within one hour from current time".
                    (code) => code === 19021),
                    rateKey: `feishu:${(0,idempotency/* credentialFingerprint */.I)(parsed.hookToken)}`,
                    rateLimit: this.rateLimit,
                },
            },
        ];
    },
};


/***/ }),

/***/ 7911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P_: () => (/* binding */ textContent),
/* harmony export */   Ux: () => (/* binding */ cardContent),
/* harmony export */   oB: () => (/* binding */ postContent)
/* harmony export */ });
/* unused harmony exports CARD_COLOURS, postParagraphs */
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2495);
/* harmony import */ var _render_escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7789);
/* harmony import */ var _render_md_tokens_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3890);



/** Header colour by run state. */
const CARD_COLOURS = {
    success: 'green',
    fixed: 'green',
    failure: 'red',
    'still-failing': 'carmine',
    cancelled: 'grey',
    skipped: 'grey',
    started: 'yellow',
    unknown: 'blue',
};
/** Untrusted text as a post text element: literal, and never a mention. */
function text(value, style = []) {
    const element = { tag: 'text', text: (0,_render_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralizeMentions */ .tI)(value) };
    if (style.length)
        element.style = style;
    return element;
}
/** Inline tokens → elements; a hard break starts a new line (a new paragraph in post terms). */
function inline(tokens, style, lines) {
    for (const token of tokens) {
        const line = lines[lines.length - 1];
        switch (token.type) {
            case 'text':
            case 'codespan':
                line.push(text(token.text, style));
                break;
            case 'strong':
                inline(token.tokens, [...style, 'bold'], lines);
                break;
            case 'em':
                inline(token.tokens, [...style, 'italic'], lines);
                break;
            case 'del':
                inline(token.tokens, [...style, 'lineThrough'], lines);
                break;
            case 'br':
                lines.push([]);
                break;
            case 'link': {
                const href = (0,_render_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .safeHref */ .v7)(token.href);
                // A bare GitHub URL is labelled as GitHub shows it (#101, v1...v2), as in the text dialects.
                const short = href && token.auto ? (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .shortLabel */ .z1)(href) : undefined;
                const label = (0,_render_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralizeMentions */ .tI)(short ?? ((0,_render_md_tokens_js__WEBPACK_IMPORTED_MODULE_1__/* .inlinePlain */ .M)(token.tokens) || token.href));
                line.push(href ? { tag: 'a', text: label, href } : text(label, style));
                break;
            }
            case 'image': {
                const href = (0,_render_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .safeHref */ .v7)(token.href);
                const label = (0,_render_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralizeMentions */ .tI)(token.alt || 'image');
                line.push(href ? { tag: 'a', text: label, href } : text(label, style));
                break;
            }
        }
    }
}
function blocks(tokens, out, prefix = '') {
    for (const token of tokens) {
        switch (token.type) {
            case 'heading':
                out.push(prefix ? [text(prefix)] : []);
                inline(token.tokens, ['bold'], out);
                break;
            case 'paragraph':
            case 'text':
                out.push(prefix ? [text(prefix)] : []);
                inline(token.tokens, [], out);
                break;
            case 'list':
                token.items.forEach((item, i) => {
                    const box = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
                    blocks(item.tokens, out, `${prefix}${token.ordered ? `${token.start + i}. ` : '• '}${box}`);
                });
                break;
            case 'code':
                for (const line of token.text.split('\n'))
                    out.push([text(`${prefix}${line}`)]);
                break;
            case 'blockquote':
                blocks(token.tokens, out, `${prefix}| `);
                break;
            case 'hr':
                out.push([text('────────')]);
                break;
            case 'table':
                for (const line of (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .toPlainText */ .bo)(token.raw).split('\n'))
                    out.push([text(line)]);
                break;
        }
    }
}
/** Markdown → `post` paragraphs: text, links and bold/italic only; untrusted text never becomes an `at`. */
function postParagraphs(markdown) {
    const out = [];
    blocks((0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .lex */ .Ii)(markdown), out);
    return out.filter((paragraph) => paragraph.length > 0).map(mergeText);
}
/** Joins neighbouring text runs of the same style (escapes split them in the token stream). */
function mergeText(paragraph) {
    const merged = [];
    for (const element of paragraph) {
        const last = merged[merged.length - 1];
        if (last?.tag === 'text' && element.tag === 'text' && (last.style ?? []).join() === (element.style ?? []).join()) {
            merged[merged.length - 1] = { ...last, text: last.text + element.text };
        }
        else
            merged.push(element);
    }
    return merged;
}
/** The paragraph of `at` elements built only from `target`. */
function mentionParagraph(mentions) {
    const ids = [...mentions.users, ...(mentions.all ? ['all'] : [])];
    return ids.map((id) => ({ tag: 'at', user_id: id }));
}
function postContent(title, markdown, mentions) {
    const content = postParagraphs(markdown);
    const at = mentionParagraph(mentions);
    if (at.length)
        content.push(at);
    return { post: { zh_cn: { title, content } } };
}
/** Mentions in a card's markdown element or a text message (ids are validated in `target`). */
function mentionTags(mentions, form) {
    const ids = [...mentions.users, ...(mentions.all ? ['all'] : [])];
    return ids
        .map((id) => (form === 'card' ? `<at id=${id}></at>` : `<at user_id="${id}">${id === 'all' ? '所有人' : ''}</at>`))
        .join(' ');
}
function textContent(title, markdown, mentions) {
    const body = (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .toPlainText */ .bo)(markdown);
    const parts = [body.includes(title) ? '' : title, body, mentionTags(mentions, 'text')].filter(Boolean);
    return { text: parts.join('\n\n') };
}
/** The interactive card: coloured header, the body as card Markdown, and a button to the run or release. */
function cardContent(title, markdown, message, mentions) {
    const body = [(0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .renderMarkdown */ .Gc)(markdown, 'feishu-markdown'), mentionTags(mentions, 'card')]
        .filter(Boolean)
        .join('\n\n');
    const elements = [{ tag: 'markdown', content: body }];
    if (message.link) {
        elements.push({
            tag: 'action',
            actions: [
                {
                    tag: 'button',
                    text: { tag: 'plain_text', content: message.linkText },
                    type: message.state === 'failure' || message.state === 'still-failing' ? 'danger' : 'primary',
                    url: message.link,
                },
            ],
        });
    }
    return {
        config: { wide_screen_mode: true },
        header: { title: { tag: 'plain_text', content: title }, template: CARD_COLOURS[message.state] ?? 'blue' },
        elements,
    };
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
