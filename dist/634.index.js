export const id = 634;
export const ids = [634];
export const modules = {

/***/ 634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/providers/registry.ts

/**
 * Name → loader. Adapters are imported only when used, so a run pays for one provider's code, not all of them.
 * Adding a provider is one line here plus its folder.
 */
const LOADERS = {
    pushplus: async () => (await __webpack_require__.e(/* import() */ 996).then(__webpack_require__.bind(__webpack_require__, 8996))).pushplus,
};
const PROVIDER_NAMES = Object.keys(LOADERS);
function isProviderName(value) {
    return Object.hasOwn(LOADERS, value);
}
async function loadAdapter(name) {
    const key = name.trim().toLowerCase();
    if (!key)
        throw new errors/* ConfigError */.xL('provider', 'is required', `one of ${PROVIDER_NAMES.join(', ')}`);
    if (!isProviderName(key))
        throw new errors/* ConfigError */.xL('provider', `unknown provider '${name}'`, `one of ${PROVIDER_NAMES.join(', ')}`);
    return (await LOADERS[key]());
}

// EXTERNAL MODULE: ./node_modules/liquidjs/dist/liquid.node.js
var liquid_node = __webpack_require__(8694);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
;// CONCATENATED MODULE: ./src/render/presets.ts
const FAILED_JOBS = `{% if history.failedJobs.size > 0 %}
**Failed jobs**
{% for job in history.failedJobs %}- {{ job | job_link }}{% if job.steps.size > 0 %}: {% for step in job.steps %}{{ step.name }}{% unless forloop.last %}, {% endunless %}{% endfor %}{% endif %}
{% endfor %}{% endif %}`;
const COMMIT_LINE = `{% if commit %}**Commit:** {{ commit.url | link: shortSha, "code" }}{% if commit.message %} {{ commit.message }}{% endif %}{% if commit.author %} ({{ commit.author }}){% endif %}{% endif %}`;
const BUILD_STATUS = {
    title: '{{ statusIcon }} {{ stateText }}: {{ repository }}{% if branch %} ({{ branch }}){% endif %}',
    body: `### {{ statusIcon }} {{ workflow | default: "Workflow" }} {{ stateText | downcase }}

**Repository:** {{ repositoryUrl | link: repository }}
{% if pullRequest %}**Pull request:** {{ pullRequest.url | link: pullRequest.title }} (#{{ pullRequest.number }})
{% endif %}{% if branch %}**Branch:** {{ branch }}
{% elsif tag %}**Tag:** {{ tag }}
{% endif %}${COMMIT_LINE}
**Triggered by:** {{ actor }} on {{ eventName }}{% if jobDisplayName %}
**Job:** {{ jobDisplayName }}{% endif %}{% if history.durationSeconds %}
**Duration:** {{ history.durationSeconds | duration }}{% endif %}
${FAILED_JOBS}
{{ runUrl | link: "View run" }}`,
};
const BUILD_FAILURE = {
    title: '{{ statusIcon }} {{ stateText }}: {{ workflow }} on {{ branch | default: tag | default: repository }}',
    body: `### {{ statusIcon }} {{ stateText }}: {{ workflow | default: "workflow" }}

**{{ repository }}**{% if branch %} · {{ branch }}{% endif %}{% if jobDisplayName %} · {{ jobDisplayName }}{% endif %}
${COMMIT_LINE}
**By:** {{ actor }}{% if history.durationSeconds %} · {{ history.durationSeconds | duration }}{% endif %}
${FAILED_JOBS}
{{ runUrl | link: "Open the failed run" }}`,
};
const RELEASE = {
    title: '🚀 {{ repository }} {{ release.name | default: release.tag | default: tag }}{% if release.prerelease %} (pre-release){% endif %}',
    body: `## 🚀 {{ release.name | default: release.tag | default: tag }}{% if release.prerelease %} (pre-release){% endif %}

**{{ repository }}** · {{ release.tag | default: tag }}{% if release.author %} · by {{ release.author }}{% endif %}

{{ release.body | markdown }}

{{ release.url | default: runUrl | link: "Release notes" }}`,
};
const DEPLOYMENT = {
    title: '{{ statusIcon }} Deploy to {{ deployment.environment | default: "environment" }}: {{ deployment.state | default: status }}',
    body: `### {{ statusIcon }} Deployment {{ deployment.state | default: status }}

**Environment:** {{ deployment.environment }}
**Repository:** {{ repositoryUrl | link: repository }}
${COMMIT_LINE}
{% if deployment.description %}{{ deployment.description }}
{% endif %}{% if deployment.targetUrl %}{{ deployment.targetUrl | link: "Open deployment" }} · {% endif %}{{ runUrl | link: "View run" }}`,
};
const PULL_REQUEST = {
    title: '{{ statusIcon }} PR #{{ pullRequest.number }} {{ stateText | downcase }}: {{ pullRequest.title }}',
    body: `### {{ statusIcon }} {{ pullRequest.url | link: pullRequest.title }}

**#{{ pullRequest.number }}** {{ pullRequest.head }} → {{ pullRequest.base }}{% if pullRequest.draft %} (draft){% endif %}
**Author:** {{ pullRequest.author | default: actor }}
**Checks:** {{ workflow }} {{ stateText | downcase }}
${FAILED_JOBS}
{{ runUrl | link: "View run" }}`,
};
const MINIMAL = {
    title: '{{ statusIcon }} {{ repository }} {{ stateText | downcase }}',
    body: '{{ statusIcon }} {{ workflow }} {{ stateText | downcase }} · {{ runUrl | link: "run" }}',
};
const PRESETS = {
    'build-status': BUILD_STATUS,
    'build-failure': BUILD_FAILURE,
    release: RELEASE,
    deployment: DEPLOYMENT,
    'pull-request': PULL_REQUEST,
    minimal: MINIMAL,
};
const PRESET_NAMES = ['auto', ...Object.keys(PRESETS)];
function isPresetName(value) {
    return PRESET_NAMES.includes(value);
}

;// CONCATENATED MODULE: ./src/render/template.ts




/** Output that a filter has already made safe; the escaper passes it through. */
class SafeMarkdown {
    value;
    constructor(value) {
        this.value = value;
    }
    toString() {
        return this.value;
    }
}
function plain(value) {
    if (value === undefined || value === null)
        return '';
    if (value instanceof SafeMarkdown)
        return value.value;
    if (typeof value === 'object')
        return JSON.stringify(value);
    return String(value);
}
function createEngine(escape) {
    const engine = new liquid_node/* Liquid */.HX({
        outputEscape: escape,
        ownPropertyOnly: true,
        strictFilters: true,
        // No file system: `include`/`render`/`layout` cannot read files from a template.
        fs: {
            exists: async () => false,
            existsSync: () => false,
            readFile: async () => '',
            readFileSync: () => '',
            resolve: (_root, file) => file,
        },
        relativeReference: false,
        // Without a locale, liquidjs asks Intl for the default one at construction: ~10 ms of start-up on every run.
        locale: 'en-US',
        parseLimit: 1_000_000,
        renderLimit: 2_000,
        memoryLimit: 50_000_000,
    });
    /** `{{ url | link: "text" }}` → a Markdown link when the URL is http(s), else just the text. */
    engine.registerFilter('link', (href, text, style) => {
        const safe = (0,render_escape/* safeHref */.v7)(typeof href === 'string' ? href : undefined);
        const label = plain(text ?? href);
        const labelMarkdown = style === 'code' ? `\`${label.replace(/`/g, "'")}\`` : (0,render_escape/* escapeMarkdown */.FV)((0,render_escape/* stripControl */.kU)(label));
        return new SafeMarkdown(safe ? `[${labelMarkdown}](${safe})` : labelMarkdown);
    });
    /** `{{ url | url }}`: a bare URL, only when http(s). */
    engine.registerFilter('url', (href) => new SafeMarkdown((0,render_escape/* safeHref */.v7)(typeof href === 'string' ? href : undefined) ?? ''));
    /**
     * `{{ release.body | markdown }}`: keep the value's own Markdown (release notes). Safe because the dialect
     * renderers never pass raw HTML through and break mentions in all text.
     */
    engine.registerFilter('markdown', (value) => new SafeMarkdown((0,render_escape/* stripControl */.kU)(plain(value))));
    /** `{{ seconds | duration }}` → "3m 12s". */
    engine.registerFilter('duration', (value) => {
        const total = Math.max(0, Math.round(Number(value) || 0));
        const hours = Math.floor(total / 3600);
        const minutes = Math.floor((total % 3600) / 60);
        const seconds = total % 60;
        return [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', `${seconds}s`].filter(Boolean).join(' ');
    });
    /** `{{ job | job_link }}` → the job's name linked to its page. */
    engine.registerFilter('job_link', (job) => {
        const record = (job ?? {});
        const name = (0,render_escape/* escapeMarkdown */.FV)((0,render_escape/* stripControl */.kU)(plain(record.name)));
        const href = (0,render_escape/* safeHref */.v7)(typeof record.url === 'string' ? record.url : undefined);
        return new SafeMarkdown(href ? `[${name}](${href})` : name);
    });
    return engine;
}
const markdownEngine = createEngine((value) => value instanceof SafeMarkdown ? value.value : (0,render_escape/* neutralizeMentions */.tI)((0,render_escape/* escapeMarkdown */.FV)((0,render_escape/* stripControl */.kU)(plain(value)))));
// Titles are plain text: nothing to escape but control characters and mentions.
const titleEngine = createEngine((value) => (0,render_escape/* neutralizeMentions */.tI)((0,render_escape/* stripControl */.kU)(plain(value))).replace(/\n+/g, ' '));
const STATUS_ICONS = {
    success: '✅',
    failure: '❌',
    cancelled: '⚪',
    skipped: '⏭️',
    unknown: 'ℹ️',
};
const STATE_TEXT = {
    success: 'Succeeded',
    failure: 'Failed',
    'still-failing': 'Still failing',
    fixed: 'Fixed',
    cancelled: 'Cancelled',
    skipped: 'Skipped',
    unknown: 'Finished',
};
function ordinal(n) {
    const tens = n % 100;
    const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
    return `${n}${suffix}`;
}
/** The variables a template sees: the CI context plus a few derived, display-ready values. */
function templateVariables(context) {
    const state = context.history?.state ?? context.status;
    let stateText = STATE_TEXT[state];
    if (state === 'still-failing' && context.history?.failureStreak && context.history.failureStreak > 1) {
        stateText = `Still failing (${ordinal(context.history.failureStreak)} run)`;
    }
    const icon = state === 'fixed' ? '✅' : state === 'still-failing' ? '🔴' : STATUS_ICONS[context.status];
    return {
        ...context,
        history: context.history ?? {},
        state,
        stateText,
        statusIcon: icon,
        statusText: STATE_TEXT[context.status === 'unknown' ? 'unknown' : context.status],
        now: new Date().toISOString(),
    };
}
/** Picks a preset for `template: auto` from the event and status. */
function autoPreset(context) {
    switch (context.eventName) {
        case 'release':
            return 'release';
        case 'deployment_status':
        case 'deployment':
            return 'deployment';
        case 'pull_request':
        case 'pull_request_target':
            return 'pull-request';
        default:
            return context.status === 'failure' ? 'build-failure' : 'build-status';
    }
}
async function resolveTemplate(source, context) {
    const raw = source.template.trim() || 'auto';
    let body;
    let presetTitle;
    if (isPresetName(raw)) {
        const preset = PRESETS[raw === 'auto' ? autoPreset(context) : raw];
        body = preset.body;
        presetTitle = preset.title;
    }
    else if (raw.startsWith('file:')) {
        const path = raw.slice(5).trim();
        if (!path)
            throw new errors/* ConfigError */.xL('template', 'file: needs a path', "'file:path/to/template.md', relative to the workspace");
        if (!source.readFile)
            throw new errors/* ConfigError */.xL('template', 'file templates cannot be read here');
        try {
            body = await source.readFile(path);
        }
        catch (error) {
            throw new errors/* ConfigError */.xL('template', `cannot read '${path}' (${error.message})`, 'a file in the repository checkout');
        }
        presetTitle = PRESETS[autoPreset(context)].title;
    }
    else if (/^[\w-]+$/.test(raw)) {
        throw new errors/* ConfigError */.xL('template', `unknown preset '${raw}'`, `one of ${['auto', ...Object.keys(PRESETS)].join(', ')}, an inline template, or file:path`);
    }
    else {
        body = source.template;
        presetTitle = PRESETS[autoPreset(context)].title;
    }
    return { title: source.title?.trim() ? source.title : presetTitle, body };
}
async function parseAndRender(engine, input, source, variables) {
    try {
        const parsed = engine.parse(source);
        return String(await engine.render(parsed, variables));
    }
    catch (error) {
        throw new errors/* ConfigError */.xL(input, `the template does not render: ${error.message.split('\n')[0]}`, 'a Liquid template');
    }
}
async function renderTemplate(source, context) {
    const template = await resolveTemplate(source, context);
    const variables = templateVariables(context);
    const [title, markdown] = await Promise.all([
        parseAndRender(titleEngine, 'title', template.title, variables),
        parseAndRender(markdownEngine, 'template', template.body, variables),
    ]);
    return { title: title.replace(/\s+/g, ' ').trim(), markdown: markdown.replace(/\n{3,}/g, '\n\n').trim() };
}

// EXTERNAL MODULE: ./src/transport/transport.ts + 1 modules
var transport_transport = __webpack_require__(3536);
;// CONCATENATED MODULE: ./src/core/follow-up.ts

/**
 * Follows accepted deliveries until each reaches a final state or the time runs out, and writes `delivery`
 * (delivered, failed, pending, unsupported) into each result. Polls back off and go through the adapter,
 * and so through the transport's rate limits.
 */
async function followUp(adapter, parsed, items, env, options) {
    const track = adapter.track?.bind(adapter);
    if (!track) {
        for (const { result } of items) {
            result.delivery = 'unsupported';
            result.deliveryMessage = `${adapter.displayName} offers no delivery follow-up`;
        }
        return;
    }
    const until = Math.min(options.deadline, options.now() + options.waitMs);
    await Promise.all(items.map(async ({ result, handle }) => {
        let delay = options.firstDelayMs ?? 1000;
        let lastNote;
        for (;;) {
            try {
                const tracked = await track(parsed, handle, env);
                lastNote = tracked.message;
                if (tracked.state !== 'pending') {
                    result.delivery = tracked.state;
                    result.deliveryMessage = tracked.message;
                    return;
                }
            }
            catch (error) {
                if (error instanceof errors/* NotifierError */.zO && error.code === 'unsupported') {
                    result.delivery = 'unsupported';
                    result.deliveryMessage = env.secrets.redact((0,errors/* describeError */.Uc)(error));
                    return;
                }
                // A failed poll is not a failed delivery: keep following until the time runs out.
                lastNote = env.secrets.redact((0,errors/* describeError */.Uc)(error));
                env.logger.debug(`follow-up of ${result.target} failed: ${lastNote}`);
            }
            const remaining = until - options.now();
            if (remaining <= 0)
                break;
            await options.sleep(Math.min(delay, remaining));
            delay *= 2;
        }
        result.delivery = 'pending';
        result.deliveryMessage = `no final state within ${Math.round(options.waitMs / 1000)} s${lastNote ? ` (last: ${lastNote})` : ''}`;
    }));
}

// EXTERNAL MODULE: ./src/core/message.ts + 2 modules
var core_message = __webpack_require__(343);
// EXTERNAL MODULE: ./src/transport/rate-limit.ts
var rate_limit = __webpack_require__(7109);
;// CONCATENATED MODULE: ./src/core/notify.ts








/** Deliveries of one run in flight at once; the rate limiter spaces them further per credential. */
const MAX_CONCURRENCY = 16;
/**
 * Does this run match `notify-on`? Plain statuses (success, failure, cancelled, skipped) match the job status.
 * When the list names a history state (`fixed`, `still-failing`) and the history is known, entries match the
 * run's state instead, so `failure,fixed` means "newly broken or fixed" and stays quiet while a build stays red.
 * Without history the job status decides, so a failed lookup never loses an alert.
 */
function shouldNotify(notifyOn, context) {
    if (notifyOn.length === 0)
        return true;
    const wanted = new Set(notifyOn.map((item) => item.toLowerCase()));
    if (wanted.has('always'))
        return true;
    const historyAware = wanted.has('fixed') || wanted.has('still-failing');
    const state = context.history?.state;
    if (historyAware && state && state !== 'unknown')
        return wanted.has(state);
    return wanted.has(context.status);
}
function settingsOf(config) {
    const { token, secret, appId, workspaceId, endpoint, channel, format, target, options } = config;
    return { token, secret, appId, workspaceId, endpoint, channel, format, target, options };
}
async function runPool(items, limit, worker) {
    const results = new Array(items.length);
    let next = 0;
    const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await worker(items[index]);
        }
    });
    await Promise.all(runners);
    return results;
}
async function deliver(adapter, plan, transport, secrets, rateLimit) {
    const started = Date.now();
    try {
        const outcome = await transport.exchange({
            ...plan.exchange,
            rateLimit: rateLimit ?? plan.exchange.rateLimit,
            idempotent: plan.exchange.idempotent ?? plan.idempotencyKey !== undefined,
        });
        const base = {
            provider: adapter.name,
            attempts: outcome.attempts,
            durationMs: Math.round(outcome.durationMs),
            code: outcome.verdict.code,
        };
        const recipients = plan.recipients?.(outcome.reply);
        const results = recipients?.length
            ? recipients.map((recipient) => ({
                ...base,
                target: recipient.target,
                ok: recipient.ok,
                id: recipient.id,
                message: recipient.message,
            }))
            : [{ ...base, target: plan.target, ok: true, id: outcome.verdict.id, message: outcome.verdict.message }];
        const followable = results
            .filter((result) => result.ok)
            .map((result) => ({
            result,
            handle: { target: result.target, id: result.id, idempotencyKey: plan.idempotencyKey },
        }));
        return { results, response: outcome.reply.json ?? outcome.reply.text, followable };
    }
    catch (thrown) {
        const error = (0,errors/* toError */.iT)(thrown);
        const notifierError = error instanceof errors/* NotifierError */.zO ? error : undefined;
        return {
            results: [
                {
                    provider: adapter.name,
                    target: plan.target,
                    ok: false,
                    code: notifierError?.code,
                    message: secrets.redact((0,errors/* describeError */.Uc)(error)),
                    attempts: notifierError?.attempts ?? 1,
                    durationMs: Date.now() - started,
                },
            ],
            response: notifierError?.response,
            followable: [],
        };
    }
}
/**
 * The whole notification, independent of where it runs: validate, decide, render, plan, send.
 * Configuration errors throw (before any request); delivery failures are results.
 */
async function notify(config, context, deps) {
    const { secrets, logger } = deps;
    secrets.add(config.token);
    secrets.add(config.secret);
    const adapter = await loadAdapter(config.provider);
    const parsed = adapter.parse(settingsOf(config));
    const now = deps.now ?? Date.now;
    const deadline = now() + config.deadlineMs;
    if (!shouldNotify(config.notifyOn, context)) {
        const state = context.history?.state ?? context.status;
        return {
            status: 'skipped',
            results: [],
            reason: `status '${state}' is not in notify-on (${config.notifyOn.join(', ')})`,
        };
    }
    const rendered = await renderTemplate({ template: config.template, title: config.title, readFile: deps.readFile }, context);
    const message = (0,core_message/* createMessage */.oH)(rendered.title, rendered.markdown, context);
    const transport = new transport_transport/* Transport */.oK({
        timeoutMs: config.timeoutMs,
        retries: config.retries,
        deadline,
        secrets,
        logger,
        fetch: deps.fetch,
        now,
        baseDelayMs: deps.retryBaseDelayMs,
    });
    const env = { transport, secrets, logger, dryRun: config.dryRun, now };
    const plans = await adapter.plan(parsed, message, env);
    if (config.dryRun) {
        const requests = [];
        for (const plan of plans) {
            const request = await plan.exchange.build(1);
            requests.push(secrets.redactValue(request));
        }
        return { status: 'dry-run', results: [], message, dryRun: requests };
    }
    const outcomes = await runPool(plans, MAX_CONCURRENCY, (plan) => deliver(adapter, plan, transport, secrets, config.rateLimit));
    const results = outcomes.flatMap((outcome) => outcome.results);
    const last = outcomes.at(-1);
    if (config.waitForDeliveryMs > 0) {
        await followUp(adapter, parsed, outcomes.flatMap((outcome) => outcome.followable), env, {
            waitMs: config.waitForDeliveryMs,
            deadline,
            now,
            sleep: deps.sleep ?? rate_limit/* sleep */.y,
        });
    }
    // An accepted message that the provider later reports as failed is a failed delivery.
    const allDelivered = results.every((result) => result.ok && result.delivery !== 'failed');
    return {
        status: results.length > 0 && allDelivered ? 'success' : 'failure',
        results,
        messageId: results.find((result) => result.ok && result.id)?.id,
        response: last ? secrets.redactValue(last.response) : undefined,
        message,
    };
}


;// CONCATENATED MODULE: ./src/core/secrets.ts
const MIN_SECRET_LENGTH = 4;
const MASK = '***';
class SecretRegistry {
    values = new Set();
    sorted = [];
    sinks = [];
    constructor(sink) {
        if (sink)
            this.sinks.push(sink);
    }
    /** Registers a secret and the encodings it is likely to appear in (URL-encoded, base64, JSON-escaped). */
    add(value) {
        if (!value)
            return;
        const trimmed = value.trim();
        if (trimmed.length < MIN_SECRET_LENGTH) {
            // Too short to scrub without mangling unrelated text; still hand it to the runner's masker.
            for (const sink of this.sinks)
                sink(value);
            return;
        }
        const variants = new Set([value, trimmed, encodeURIComponent(trimmed), Buffer.from(trimmed).toString('base64')]);
        const jsonEscaped = JSON.stringify(trimmed).slice(1, -1);
        variants.add(jsonEscaped);
        let added = false;
        for (const variant of variants) {
            if (variant.length >= MIN_SECRET_LENGTH && !this.values.has(variant)) {
                this.values.add(variant);
                for (const sink of this.sinks)
                    sink(variant);
                added = true;
            }
        }
        if (added)
            this.sorted = [...this.values].sort((a, b) => b.length - a.length);
    }
    has(value) {
        return this.values.has(value);
    }
    get size() {
        return this.values.size;
    }
    redact(text) {
        let out = text;
        for (const secret of this.sorted) {
            if (out.includes(secret))
                out = out.split(secret).join(MASK);
        }
        return out;
    }
    /** Deep copy of a JSON-like value with every string redacted. */
    redactValue(value) {
        if (typeof value === 'string')
            return this.redact(value);
        if (Array.isArray(value))
            return value.map((item) => this.redactValue(item));
        if (value && typeof value === 'object') {
            const out = {};
            for (const [key, item] of Object.entries(value))
                out[key] = this.redactValue(item);
            return out;
        }
        return value;
    }
}

;// CONCATENATED MODULE: ./src/transport/proxy.ts
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
function proxyConfigured(env) {
    return PROXY_VARIABLES.some((name) => Boolean(env[name]?.trim()));
}
let proxiedFetch;
async function fetchForEnvironment(env) {
    if (!proxyConfigured(env))
        return globalThis.fetch;
    proxiedFetch ??= (async () => {
        const http = (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23)));
        if (typeof http.setGlobalProxyFromEnv === 'function') {
            http.setGlobalProxyFromEnv(env);
            return globalThis.fetch;
        }
        const undici = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19));
        const dispatcher = new undici.EnvHttpProxyAgent({
            httpProxy: env.HTTP_PROXY || env.http_proxy,
            httpsProxy: env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy,
            noProxy: env.NO_PROXY ?? env.no_proxy,
        });
        // ky hands fetch a global Request; undici's own fetch wants its own classes, so pass plain fields.
        const proxied = async (input, init) => {
            const request = input instanceof Request ? input : new Request(input, init);
            const body = request.body ? await request.arrayBuffer() : undefined;
            const headers = [];
            request.headers.forEach((value, name) => headers.push([name, value]));
            const reply = await undici.fetch(request.url, {
                method: request.method,
                headers,
                body,
                signal: init?.signal ?? request.signal,
                dispatcher,
            });
            const replyHeaders = [];
            reply.headers.forEach((value, name) => replyHeaders.push([name, value]));
            return new Response(reply.body, {
                status: reply.status,
                statusText: reply.statusText,
                headers: replyHeaders,
            });
        };
        return proxied;
    })();
    return proxiedFetch;
}

;// CONCATENATED MODULE: ./src/core/context.ts
/** Maps any status spelling (GitHub job.status, workflow_run conclusions, other CIs) to a JobStatus. */
function normalizeStatus(value) {
    if (!value)
        return undefined;
    switch (value.trim().toLowerCase()) {
        case 'success':
        case 'succeeded':
        case 'passed':
        case 'ok':
            return 'success';
        case 'failure':
        case 'failed':
        case 'fail':
        case 'error':
        case 'errored':
        case 'timed_out':
        case 'startup_failure':
        case 'action_required':
            return 'failure';
        case 'cancelled':
        case 'canceled':
        case 'aborted':
            return 'cancelled';
        case 'skipped':
        case 'neutral':
        case 'stale':
            return 'skipped';
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/action/github-context.ts

function obj(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function str(value) {
    if (typeof value === 'string')
        return value.length > 0 ? value : undefined;
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    return undefined;
}
function login(value) {
    return str(obj(value)?.login);
}
function firstLine(text) {
    const line = text?.split(/\r?\n/)[0]?.trim();
    return line || undefined;
}
/** Drops undefined fields so templates and JSON never see "undefined". */
function compact(value) {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}
/**
 * Builds the neutral CI context from the runner's variables and the event payload, without @actions/github,
 * so the core never depends on GitHub and start-up stays light. Works for GitHub Enterprise Server:
 * every URL comes from GITHUB_SERVER_URL or the payload, never a hard-coded github.com.
 */
function githubContext({ env, payload, status, matrix }) {
    const serverUrl = (str(env.GITHUB_SERVER_URL) ?? 'https://github.com').replace(/\/+$/, '');
    const repository = str(env.GITHUB_REPOSITORY) ?? str(obj(payload.repository)?.full_name);
    const repositoryUrl = str(obj(payload.repository)?.html_url) ?? (repository ? `${serverUrl}/${repository}` : undefined);
    const eventName = str(env.GITHUB_EVENT_NAME);
    const runId = str(env.GITHUB_RUN_ID);
    const runAttempt = str(env.GITHUB_RUN_ATTEMPT);
    const runUrl = repository && runId
        ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt && runAttempt !== '1' ? `/attempts/${runAttempt}` : ''}`
        : undefined;
    const ref = str(env.GITHUB_REF) ?? str(payload.ref);
    const refType = env.GITHUB_REF_TYPE === 'tag' || ref?.startsWith('refs/tags/')
        ? 'tag'
        : ref || env.GITHUB_HEAD_REF
            ? 'branch'
            : undefined;
    const refName = str(env.GITHUB_REF_NAME) ?? ref?.replace(/^refs\/(heads|tags)\//, '');
    const pr = obj(payload.pull_request);
    const branch = refType === 'tag' ? undefined : (str(env.GITHUB_HEAD_REF) ?? (ref?.startsWith('refs/pull/') ? undefined : refName));
    const tag = refType === 'tag' ? refName : undefined;
    const headSha = str(obj(pr?.head)?.sha);
    const sha = headSha ?? str(env.GITHUB_SHA) ?? str(obj(payload.head_commit)?.id);
    const headCommit = obj(payload.head_commit);
    const fullMessage = str(headCommit?.message);
    const workflowRunPayload = obj(payload.workflow_run);
    const release = obj(payload.release);
    const deploymentStatus = obj(payload.deployment_status);
    const deployment = obj(payload.deployment);
    const conclusionStatus = normalizeStatus(str(workflowRunPayload?.conclusion));
    const jobStatus = normalizeStatus(status) ?? (eventName === 'workflow_run' ? conclusionStatus : undefined) ?? 'unknown';
    const job = str(env.GITHUB_JOB);
    const matrixValues = matrix && Object.keys(matrix).length > 0
        ? Object.values(matrix).map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value)))
        : [];
    const jobDisplayName = job ? (matrixValues.length ? `${job} (${matrixValues.join(', ')})` : job) : undefined;
    return compact({
        ci: 'github',
        serverUrl,
        repository,
        repositoryUrl,
        workflow: str(env.GITHUB_WORKFLOW),
        job,
        jobDisplayName,
        matrix: matrixValues.length ? matrix : undefined,
        runId,
        runNumber: str(env.GITHUB_RUN_NUMBER),
        runAttempt,
        runUrl,
        eventName,
        actor: str(env.GITHUB_ACTOR) ?? login(payload.sender),
        ref,
        refType,
        branch,
        tag,
        sha,
        shortSha: sha?.slice(0, 7),
        commit: sha
            ? compact({
                sha,
                shortSha: sha.slice(0, 7),
                message: firstLine(fullMessage) ?? firstLine(str(workflowRunPayload?.display_title)),
                fullMessage,
                author: str(obj(headCommit?.author)?.name) ?? str(obj(headCommit?.author)?.username),
                url: repositoryUrl ? `${repositoryUrl}/commit/${sha}` : undefined,
            })
            : undefined,
        compareUrl: str(payload.compare),
        pullRequest: pr
            ? compact({
                number: Number(pr.number ?? payload.number),
                title: str(pr.title) ?? '',
                url: str(pr.html_url) ?? (repositoryUrl ? `${repositoryUrl}/pull/${String(pr.number)}` : ''),
                base: str(obj(pr.base)?.ref),
                head: str(obj(pr.head)?.ref),
                author: login(pr.user),
                draft: typeof pr.draft === 'boolean' ? pr.draft : undefined,
                action: str(payload.action),
            })
            : undefined,
        release: release
            ? compact({
                tag: str(release.tag_name) ?? tag ?? '',
                name: str(release.name),
                body: str(release.body),
                url: str(release.html_url),
                prerelease: typeof release.prerelease === 'boolean' ? release.prerelease : undefined,
                author: login(release.author),
            })
            : undefined,
        workflowRun: workflowRunPayload
            ? compact({
                name: str(workflowRunPayload.name),
                conclusion: str(workflowRunPayload.conclusion),
                url: str(workflowRunPayload.html_url),
                headBranch: str(workflowRunPayload.head_branch),
                headSha: str(workflowRunPayload.head_sha),
                runNumber: typeof workflowRunPayload.run_number === 'number' ? workflowRunPayload.run_number : undefined,
                event: str(workflowRunPayload.event),
            })
            : undefined,
        deployment: deploymentStatus || deployment
            ? compact({
                environment: str(deploymentStatus?.environment) ?? str(deployment?.environment),
                state: str(deploymentStatus?.state),
                targetUrl: str(deploymentStatus?.target_url) ?? str(deploymentStatus?.environment_url),
                description: str(deploymentStatus?.description) ?? str(deployment?.description),
            })
            : undefined,
        schedule: str(payload.schedule),
        inputs: obj(payload.inputs),
        status: jobStatus,
    });
}

// EXTERNAL MODULE: ./src/core/config.ts
var core_config = __webpack_require__(4489);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/options.ts



/** `options`: a JSON or YAML mapping. Anything else (a list, a scalar, broken syntax) is an input error. */
function parseOptions(raw, input = 'options') {
    if (!raw?.trim())
        return {};
    let value;
    try {
        value = (0,dist/* parse */.qg)(raw, { maxAliasCount: 100, uniqueKeys: true });
    }
    catch (error) {
        const reason = error.message.split('\n')[0];
        throw new errors/* ConfigError */.xL(input, `is not valid JSON or YAML (${reason})`, 'a JSON object or a YAML mapping, e.g. {"callbackUrl": "https://…"}');
    }
    if (!(0,core_config/* isPlainObject */.Qd)(value)) {
        const kind = Array.isArray(value) ? 'a list' : value === null ? 'empty' : `a ${typeof value}`;
        throw new errors/* ConfigError */.xL(input, `is ${kind}, not an object`, 'a JSON object or a YAML mapping, e.g. {"callbackUrl": "https://…"}');
    }
    return value;
}
const NOTIFY_ON_VALUES = [
    'always',
    'success',
    'failure',
    'cancelled',
    'skipped',
    'fixed',
    'still-failing',
];
function parseNotifyOn(items) {
    const normalized = items.map((item) => item.toLowerCase());
    for (const item of normalized) {
        if (!NOTIFY_ON_VALUES.includes(item)) {
            throw new errors/* ConfigError */.xL('notify-on', `unknown state '${item}'`, `a comma-separated list of ${NOTIFY_ON_VALUES.join(', ')}`);
        }
    }
    return normalized;
}

;// CONCATENATED MODULE: ./src/action/inputs.ts



/** Inputs that carry credentials: masked before anything else is read. */
const SECRET_INPUTS = ['token', 'secret', 'github-token'];
/**
 * Reads every input into one typed config. Credentials are masked first, then each input is validated
 * with an error that names it; nothing here touches the network.
 */
function readInputs(core) {
    for (const name of SECRET_INPUTS) {
        const value = core.getInput(name);
        if (value)
            core.setSecret(value);
    }
    const input = (name) => core.getInput(name).trim();
    const optional = (name) => input(name) || undefined;
    const provider = input('provider');
    if (!provider)
        throw new errors/* ConfigError */.xL('provider', 'is required', 'the name of a provider such as pushplus or dingtalk');
    const timeoutSeconds = (0,core_config/* parseNumber */.$J)('timeout', input('timeout'), core_config/* DEFAULTS */.zY.timeoutSeconds, { min: 1, max: 300 });
    const retries = (0,core_config/* parseNumber */.$J)('retries', input('retries'), core_config/* DEFAULTS */.zY.retries, { min: 0, max: 10, integer: true });
    const timeoutMs = timeoutSeconds * 1000;
    const defaultDeadline = Math.min(timeoutSeconds * (retries + 1) + 60, 3600);
    const deadlineSeconds = (0,core_config/* parseNumber */.$J)('deadline', input('deadline'), defaultDeadline, { min: 1, max: 21_600 });
    const waitSeconds = (0,core_config/* parseNumber */.$J)('wait-for-delivery', input('wait-for-delivery'), 0, { min: 0, max: 3600 });
    let matrix;
    const rawMatrix = input('matrix');
    if (rawMatrix && rawMatrix !== 'null')
        matrix = parseOptions(rawMatrix, 'matrix');
    const config = {
        provider,
        token: optional('token'),
        secret: optional('secret'),
        appId: optional('app-id'),
        workspaceId: optional('workspace-id'),
        endpoint: optional('endpoint'),
        channel: optional('channel'),
        format: optional('format'),
        // Multi-line inline templates keep their inner whitespace; only the ends are trimmed.
        template: core.getInput('template', { trimWhitespace: false }).trim()
            ? core.getInput('template', { trimWhitespace: false })
            : core_config/* DEFAULTS */.zY.template,
        title: optional('title'),
        target: optional('target'),
        options: parseOptions(core.getInput('options')),
        notifyOn: parseNotifyOn((0,core_config/* parseList */.E1)(input('notify-on'))),
        dryRun: (0,core_config/* parseBoolean */.yG)('dry-run', input('dry-run'), false),
        failOnError: (0,core_config/* parseBoolean */.yG)('fail-on-error', input('fail-on-error'), true),
        timeoutMs,
        retries,
        deadlineMs: deadlineSeconds * 1000,
        waitForDeliveryMs: waitSeconds * 1000,
        rateLimit: (0,core_config/* parseRateLimit */.H5)('rate-limit', input('rate-limit')),
        summary: (0,core_config/* parseBoolean */.yG)('summary', input('summary'), true),
    };
    return { config, status: optional('status'), githubToken: optional('github-token'), matrix };
}

;// CONCATENATED MODULE: ./src/action/report.ts
/** Output names, as declared in action.yml. */
const OUTPUTS = {
    status: 'status',
    messageId: 'message-id',
    results: 'results',
    response: 'response',
};
function setOutputs(core, outcome, secrets) {
    core.setOutput(OUTPUTS.status, outcome.status);
    core.setOutput(OUTPUTS.messageId, secrets.redact(outcome.messageId ?? ''));
    core.setOutput(OUTPUTS.results, secrets.redact(JSON.stringify(outcome.results)));
    core.setOutput(OUTPUTS.response, outcome.response === undefined ? '' : secrets.redact(JSON.stringify(outcome.response)));
}
/** Markdown table cells: no pipes or newlines from untrusted text. */
function cell(text) {
    return String(text ?? '')
        .replace(/[\r\n]+/g, ' ')
        .replace(/\|/g, '\\|')
        .replace(/</g, '&lt;')
        .slice(0, 300);
}
function resultRow(result) {
    const outcome = result.ok ? '✅ sent' : '❌ failed';
    const delivery = result.delivery ? ` · ${result.delivery}` : '';
    return `| ${cell(result.provider)} | ${cell(result.target)} | ${outcome}${delivery} | ${cell(result.id ?? result.code ?? '')} | ${result.attempts} | ${result.durationMs} ms | ${cell(result.ok ? (result.deliveryMessage ?? '') : result.message)} |`;
}
function summaryMarkdown(outcome, provider, secrets) {
    const lines = [`### ci-notifier: ${outcome.status}`, ''];
    if (outcome.message)
        lines.push(`**${cell(outcome.message.title)}** via ${cell(provider)}`, '');
    if (outcome.status === 'skipped')
        lines.push(`Nothing sent: ${cell(outcome.reason)}.`);
    if (outcome.status === 'dry-run') {
        lines.push(`Dry run: ${outcome.dryRun?.length ?? 0} request(s) rendered, nothing sent.`);
    }
    if (outcome.results.length > 0) {
        lines.push('| Provider | Target | Outcome | Id / code | Attempts | Time | Detail |', '| --- | --- | --- | --- | --- | --- | --- |');
        lines.push(...outcome.results.map(resultRow));
    }
    return secrets.redact(lines.join('\n')) + '\n';
}
function describeRequest(request) {
    const headers = Object.entries(request.headers)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\n');
    let body = request.body ?? '';
    try {
        body = JSON.stringify(JSON.parse(body), null, 2);
    }
    catch {
        // Not JSON (a form body): shown as sent.
    }
    return `${request.method} ${request.url}\n${headers}\n\n${body}`;
}

;// CONCATENATED MODULE: ./src/action/main.ts









async function readEventPayload(env, logger) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return {};
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
            ? parsed
            : {};
    }
    catch (error) {
        logger.warning(`Could not read the event payload at GITHUB_EVENT_PATH (${error.message}); continuing without it.`);
        return {};
    }
}
/** `file:` templates resolve inside the workspace; a path that climbs out of it is refused. */
function workspaceReader(env) {
    const root = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE ?? process.cwd());
    return async (path) => {
        const full = (0,external_node_path_.resolve)(root, path);
        const inside = (0,external_node_path_.relative)(root, full);
        if (inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside)) {
            throw new errors/* ConfigError */.xL('template', `'${path}' is outside the workspace`, 'a path inside the repository checkout');
        }
        return (0,promises_.readFile)(full, 'utf8');
    };
}
function failedOutcome() {
    return { status: 'failure', results: [] };
}
/** The action: inputs → config → notify → outputs and summary. `core` and the environment are handed in. */
async function run(core, env = process.env) {
    const secrets = new SecretRegistry((value) => core.setSecret(value));
    const logger = {
        debug: (message) => core.debug(secrets.redact(message)),
        info: (message) => core.info(secrets.redact(message)),
        warning: (message) => core.warning(secrets.redact(message)),
    };
    let outcome = failedOutcome();
    let provider = '';
    let summaryWanted = true;
    try {
        const inputs = readInputs(core);
        const { config } = inputs;
        provider = config.provider;
        summaryWanted = config.summary;
        secrets.add(config.token);
        secrets.add(config.secret);
        secrets.add(inputs.githubToken);
        const payload = await readEventPayload(env, logger);
        const context = githubContext({ env, payload, status: inputs.status, matrix: inputs.matrix });
        logger.debug(`context: ${JSON.stringify({ event: context.eventName, status: context.status, repository: context.repository, ref: context.ref })}`);
        outcome = await notify(config, context, {
            secrets,
            logger,
            readFile: workspaceReader(env),
            fetch: await fetchForEnvironment(env),
        });
        for (const result of outcome.results) {
            if (result.delivery === 'pending')
                logger.warning(`${result.target}: delivery not confirmed: ${result.deliveryMessage}`);
            if (result.delivery === 'unsupported' && result.ok)
                logger.warning(`${result.target}: delivery cannot be followed up: ${result.deliveryMessage}`);
        }
        switch (outcome.status) {
            case 'skipped':
                logger.info(`Skipped: ${outcome.reason}.`);
                break;
            case 'dry-run':
                logger.info(`Dry run: ${outcome.dryRun?.length ?? 0} request(s) would be sent; nothing was sent.`);
                for (const request of outcome.dryRun ?? [])
                    logger.info(`\n${describeRequest(request)}\n`);
                break;
            case 'success':
                logger.info(`Sent ${outcome.results.length} message(s) through ${config.provider}.`);
                break;
            case 'failure': {
                const failures = outcome.results.filter((result) => !result.ok || result.delivery === 'failed');
                const detail = failures
                    .map((result) => `${result.target}: ${result.ok ? `accepted, then not delivered: ${result.deliveryMessage ?? 'no reason given'}` : result.message}`)
                    .join('; ');
                const text = `${failures.length} of ${outcome.results.length} deliveries through ${config.provider} failed: ${detail}`;
                if (config.failOnError)
                    core.setFailed(secrets.redact(text));
                else
                    logger.warning(`${text} (fail-on-error is false, so the step stays green)`);
                break;
            }
        }
    }
    catch (thrown) {
        const error = (0,errors/* toError */.iT)(thrown);
        outcome = failedOutcome();
        core.setFailed(secrets.redact((0,errors/* describeError */.Uc)(error)));
    }
    finally {
        setOutputs(core, outcome, secrets);
        if (summaryWanted && env.GITHUB_STEP_SUMMARY) {
            try {
                core.summary.addRaw(summaryMarkdown(outcome, provider, secrets));
                await core.summary.write();
            }
            catch (error) {
                logger.warning(`Could not write the job summary: ${error.message}`);
            }
        }
    }
}


/***/ }),

/***/ 4489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ parseNumber),
/* harmony export */   $N: () => (/* binding */ deepMerge),
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   H5: () => (/* binding */ parseRateLimit),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   yG: () => (/* binding */ parseBoolean),
/* harmony export */   zY: () => (/* binding */ DEFAULTS)
/* harmony export */ });
/* unused harmony export omitKeys */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

const DEFAULTS = {
    template: 'auto',
    timeoutSeconds: 10,
    retries: 3,
};
function parseBoolean(input, raw, fallback) {
    if (raw === undefined || raw.trim() === '')
        return fallback;
    const value = raw.trim().toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(value))
        return true;
    if (['false', 'no', '0', 'off'].includes(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(input, `'${raw}' is not a boolean`, 'true or false');
}
function parseNumber(input, raw, fallback, { min, max, integer }) {
    if (raw === undefined || raw.trim() === '')
        return fallback;
    const value = Number(raw.trim());
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(input, `'${raw}' is out of range`, `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    }
    return value;
}
/** Splits a comma- or newline-separated list, dropping blanks. */
function parseList(raw) {
    if (!raw)
        return [];
    return raw
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean);
}
/** A plain object (not an array, not null). */
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Deep merge for `options`: user values win; objects merge recursively; arrays and scalars replace.
 * `__proto__`/`constructor`/`prototype` keys are dropped so a hostile `options` cannot pollute prototypes.
 */
function deepMerge(base, override) {
    const out = { ...base };
    for (const [key, value] of Object.entries(override)) {
        if (key === '__proto__' || key === 'constructor' || key === 'prototype')
            continue;
        const current = out[key];
        out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
    }
    return out;
}
/** Removes the listed keys from `options` (keys the adapter consumed itself and must not merge into the body). */
function omitKeys(options, keys) {
    const out = {};
    for (const [key, value] of Object.entries(options))
        if (!keys.includes(key))
            out[key] = value;
    return out;
}
const RATE_UNITS = {
    s: 1000,
    sec: 1000,
    second: 1000,
    m: 60_000,
    min: 60_000,
    minute: 60_000,
    h: 3_600_000,
    hour: 3_600_000,
};
/** `20/min`, `5/s`, `100/second`, `1000/h` → requests per window. */
function parseRateLimit(input, raw) {
    if (!raw?.trim())
        return undefined;
    const match = /^\s*(\d+)\s*\/\s*([a-z]+)\s*$/i.exec(raw);
    const perMs = match ? RATE_UNITS[match[2].toLowerCase()] : undefined;
    const requests = match ? Number(match[1]) : 0;
    if (!perMs || requests < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(input, `'${raw}' is not a rate`, "requests per unit, such as '20/min' or '5/s'");
    return { requests, perMs };
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   iT: () => (/* binding */ toError),
/* harmony export */   j3: () => (/* binding */ DeadlineError),
/* harmony export */   mZ: () => (/* binding */ ProviderError),
/* harmony export */   wX: () => (/* binding */ TransportError),
/* harmony export */   xL: () => (/* binding */ ConfigError),
/* harmony export */   zO: () => (/* binding */ NotifierError)
/* harmony export */ });
/* unused harmony export isNotifierError */
class NotifierError extends Error {
    kind = 'internal';
    code;
    httpStatus;
    attempts;
    hint;
    response;
    constructor(message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.name = new.target.name;
        this.code = details.code;
        this.httpStatus = details.httpStatus;
        this.attempts = details.attempts;
        this.hint = details.hint;
        this.response = details.response;
    }
}
/** Bad input: names the input, what was wrong and the expected form. Never retried; raised before any request. */
class ConfigError extends NotifierError {
    kind = 'configuration';
    input;
    constructor(input, problem, expected) {
        super(`Invalid input '${input}': ${problem}${expected ? `. Expected ${expected}` : ''}.`);
        this.input = input;
    }
}
/** The provider answered and said no (HTTP error or a business error inside an HTTP 200 body). */
class ProviderError extends NotifierError {
    kind = 'provider';
}
/** No usable answer: connection refused or reset, DNS failure, a body that is not what the provider sends. */
class TransportError extends NotifierError {
    kind = 'transport';
}
/** The per-request timeout or the run's overall deadline was reached. */
class DeadlineError extends NotifierError {
    kind = 'timeout';
}
function isNotifierError(value) {
    return value instanceof NotifierError;
}
/** Turns anything thrown (including strings and plain objects) into an Error with a readable message. */
function toError(value) {
    if (value instanceof Error)
        return value;
    if (typeof value === 'string')
        return new NotifierError(value);
    let text;
    try {
        text = JSON.stringify(value) ?? String(value);
    }
    catch {
        text = String(value);
    }
    return new NotifierError(`Non-Error thrown: ${text}`);
}
/** One line for logs and results: message, then code, HTTP status and hint when known. */
function describeError(value) {
    const error = toError(value);
    if (!isNotifierError(error))
        return error.message;
    const parts = [error.message];
    if (error.hint && !error.message.includes(error.hint))
        parts.push(`Hint: ${error.hint}`);
    return parts.join(' ');
}


/***/ }),

/***/ 343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oH: () => (/* binding */ createMessage),
  lc: () => (/* binding */ renderBody),
  zF: () => (/* binding */ renderTitle)
});

// UNUSED EXPORTS: truncationTail

// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
// EXTERNAL MODULE: ./node_modules/marked/lib/marked.esm.js
var marked_esm = __webpack_require__(8022);
;// CONCATENATED MODULE: ./src/render/markdown.ts


function lex(markdown) {
    return new marked_esm/* Lexer */.JG({ gfm: true, breaks: true }).lex((0,render_escape/* stripControl */.kU)(markdown));
}
const plainTable = (header, rows) => [
    header.join(' | '),
    ...rows.map((row) => row.map((cell, i) => (header[i] ? `${header[i]}: ${cell}` : cell)).join(', ')),
].join('\n');
const mdText = (value) => (0,render_escape/* neutralizeMentions */.tI)((0,render_escape/* escapeMarkdown */.FV)(value));
const lightText = (value) => (0,render_escape/* neutralizeMentions */.tI)((0,render_escape/* escapeMarkdownLight */.Ld)(value));
function markdownStyle(text, supports) {
    return {
        text,
        strong: (inner) => (inner ? `**${inner}**` : ''),
        em: (inner) => (inner ? `*${inner}*` : ''),
        del: (inner) => (supports.strike && inner ? `~~${inner}~~` : inner),
        codespan: (value) => (value.includes('`') ? text(value) : `\`${(0,render_escape/* neutralizeMentions */.tI)((0,render_escape/* defuseAngles */.Fr)(value))}\``),
        link: (href, inner) => (href ? `[${inner || href}](${href})` : inner),
        image: (href, alt) => supports.images && href ? `![${text(alt)}](${href})` : href ? `[${text(alt) || 'image'}](${href})` : text(alt),
        br: '  \n',
        heading: (depth, inner) => `${'#'.repeat(Math.min(depth, 6))} ${inner}`,
        paragraph: (inner) => inner,
        list: (items, ordered, start) => items
            .map((item, i) => {
            const bullet = supports.lists ? (ordered ? `${start + i}. ` : '- ') : ordered ? `${start + i}. ` : '• ';
            return bullet + item.replace(/\n/g, '\n   ');
        })
            .join('\n'),
        code: (value, lang) => {
            const safe = (0,render_escape/* neutralizeMentions */.tI)((0,render_escape/* defuseAngles */.Fr)(value));
            if (supports.codeBlocks) {
                const fence = value.includes('```') ? '~~~~' : '```';
                return `${fence}${lang && /^[\w+-]+$/.test(lang) ? lang : ''}\n${safe}\n${fence}`;
            }
            return safe
                .split('\n')
                .map((line) => `> ${text(line)}`)
                .join('\n');
        },
        blockquote: (inner) => inner
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n'),
        hr: '---',
        table: (header, rows) => supports.tables
            ? [
                `| ${header.join(' | ')} |`,
                `|${header.map(() => ' --- ').join('|')}|`,
                ...rows.map((row) => `| ${row.join(' | ')} |`),
            ].join('\n')
            : plainTable(header, rows)
                .split('\n')
                .map((line, i) => (i === 0 ? `**${line}**` : `- ${line}`))
                .join('\n'),
        join: (blocks) => blocks.filter(Boolean).join('\n\n'),
    };
}
const STYLES = {
    markdown: markdownStyle(mdText, { tables: true, codeBlocks: true, lists: true, images: true, strike: true }),
    'wecom-markdown-v2': markdownStyle(mdText, {
        tables: true,
        codeBlocks: true,
        lists: true,
        images: true,
        strike: false,
    }),
    'dingtalk-markdown': markdownStyle(lightText, {
        tables: false,
        codeBlocks: false,
        lists: true,
        images: true,
        strike: false,
    }),
    'wecom-markdown': markdownStyle(lightText, {
        tables: false,
        codeBlocks: false,
        lists: false,
        images: false,
        strike: false,
    }),
    'feishu-markdown': markdownStyle(lightText, {
        tables: false,
        codeBlocks: true,
        lists: true,
        images: false,
        strike: true,
    }),
    html: {
        text: (value) => (0,render_escape/* neutralizeMentions */.tI)((0,render_escape/* escapeHtml */.ZD)(value)),
        strong: (inner) => `<b>${inner}</b>`,
        em: (inner) => `<i>${inner}</i>`,
        del: (inner) => `<s>${inner}</s>`,
        codespan: (value) => `<code>${(0,render_escape/* neutralizeMentions */.tI)((0,render_escape/* escapeHtml */.ZD)(value))}</code>`,
        link: (href, inner) => (href ? `<a href="${(0,render_escape/* escapeHtml */.ZD)(href)}">${inner || (0,render_escape/* escapeHtml */.ZD)(href)}</a>` : inner),
        image: (href, alt) => (href ? `<img src="${(0,render_escape/* escapeHtml */.ZD)(href)}" alt="${(0,render_escape/* escapeHtml */.ZD)(alt)}">` : (0,render_escape/* escapeHtml */.ZD)(alt)),
        br: '<br>',
        heading: (depth, inner) => `<h${Math.min(depth, 6)}>${inner}</h${Math.min(depth, 6)}>`,
        paragraph: (inner) => `<p>${inner}</p>`,
        list: (items, ordered, start) => ordered
            ? `<ol${start !== 1 ? ` start="${start}"` : ''}>${items.map((item) => `<li>${item}</li>`).join('')}</ol>`
            : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`,
        code: (value) => `<pre><code>${(0,render_escape/* neutralizeMentions */.tI)((0,render_escape/* escapeHtml */.ZD)(value))}</code></pre>`,
        blockquote: (inner) => `<blockquote>${inner}</blockquote>`,
        hr: '<hr>',
        table: (header, rows) => `<table><thead><tr>${header.map((cell) => `<th>${cell}</th>`).join('')}</tr></thead><tbody>${rows
            .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`,
        join: (blocks) => blocks.filter(Boolean).join('\n'),
    },
    text: {
        text: (value) => (0,render_escape/* neutralizeMentions */.tI)(value),
        strong: (inner) => inner,
        em: (inner) => inner,
        del: (inner) => inner,
        codespan: (value) => (0,render_escape/* neutralizeMentions */.tI)(value),
        link: (href, inner) => (href && inner && inner !== href ? `${inner} (${href})` : href || inner),
        image: (href, alt) => (href ? `${alt || 'image'} (${href})` : alt),
        br: '\n',
        heading: (_depth, inner) => inner,
        paragraph: (inner) => inner,
        list: (items, ordered, start) => items.map((item, i) => `${ordered ? `${start + i}.` : '•'} ${item.replace(/\n/g, '\n  ')}`).join('\n'),
        code: (value) => (0,render_escape/* neutralizeMentions */.tI)(value),
        blockquote: (inner) => inner
            .split('\n')
            .map((line) => `| ${line}`)
            .join('\n'),
        hr: '────────',
        table: plainTable,
        join: (blocks) => blocks.filter(Boolean).join('\n\n'),
    },
};
function inline(tokens, style) {
    if (!tokens)
        return '';
    let out = '';
    for (const token of tokens) {
        switch (token.type) {
            case 'text': {
                const t = token;
                out += t.tokens ? inline(t.tokens, style) : style.text(decodeEntities(t.text));
                break;
            }
            case 'escape':
                out += style.text(token.text);
                break;
            case 'strong':
                out += style.strong(inline(token.tokens, style));
                break;
            case 'em':
                out += style.em(inline(token.tokens, style));
                break;
            case 'del':
                out += style.del(inline(token.tokens, style));
                break;
            case 'codespan':
                out += style.codespan(decodeEntities(token.text));
                break;
            case 'br':
                out += style.br;
                break;
            case 'link': {
                const link = token;
                out += style.link((0,render_escape/* safeHref */.v7)(link.href), inline(link.tokens, style));
                break;
            }
            case 'image': {
                const image = token;
                out += style.image((0,render_escape/* safeHref */.v7)(image.href), image.text);
                break;
            }
            case 'html':
                // Raw HTML from the source is never passed through: it is shown as text.
                out += style.text(token.raw);
                break;
            default:
                out += style.text(token.raw);
        }
    }
    return out;
}
function blocks(tokens, style) {
    const out = [];
    for (const token of tokens) {
        switch (token.type) {
            case 'space':
            case 'def':
                break;
            case 'heading': {
                const heading = token;
                out.push(style.heading(heading.depth, inline(heading.tokens, style)));
                break;
            }
            case 'paragraph':
                out.push(style.paragraph(inline(token.tokens, style)));
                break;
            case 'text': {
                const text = token;
                out.push(text.tokens ? inline(text.tokens, style) : style.text(text.text));
                break;
            }
            case 'list': {
                const list = token;
                const items = list.items.map((item) => {
                    const prefix = item.task ? (item.checked ? '[x] ' : '[ ] ') : '';
                    const inner = blocks(item.tokens.filter((t) => t.type !== 'checkbox'), style).join('\n');
                    return prefix + inner;
                });
                out.push(style.list(items, list.ordered, typeof list.start === 'number' ? list.start : 1));
                break;
            }
            case 'code': {
                const code = token;
                out.push(style.code(code.text, code.lang));
                break;
            }
            case 'blockquote':
                out.push(style.blockquote(style.join(blocks(token.tokens, style))));
                break;
            case 'hr':
                out.push(style.hr);
                break;
            case 'table': {
                const table = token;
                out.push(style.table(table.header.map((cell) => inline(cell.tokens, style)), table.rows.map((row) => row.map((cell) => inline(cell.tokens, style)))));
                break;
            }
            case 'html':
                out.push(style.text(token.raw.trim()));
                break;
            default:
                out.push(style.text(token.raw.trim()));
        }
    }
    return out;
}
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
/** marked escapes some characters in text tokens; undo that so each dialect escapes exactly once. */
function decodeEntities(text) {
    return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name) => ENTITIES[name] ?? _);
}
/** Renders Markdown into one text dialect; untrusted text inside it can never become a tag or a mention. */
function renderMarkdown(markdown, dialect) {
    const style = STYLES[dialect];
    return style.join(blocks(lex(markdown), style)).trim();
}
/** Plain-text rendering, for titles, mobile push and `text` message types. */
function toPlainText(markdown) {
    return renderMarkdown(markdown, 'text');
}

;// CONCATENATED MODULE: ./src/render/limits.ts


function measure(text, unit) {
    if (unit === 'bytes')
        return Buffer.byteLength(text, 'utf8');
    let count = 0;
    for (const _ of text)
        count++;
    return count;
}
function fits(text, limit) {
    return measure(text, limit.unit) <= limit.max;
}
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Grapheme clusters, so an emoji with modifiers or a CJK character is never split. */
function graphemes(text) {
    return Array.from(segmenter.segment(text), (segment) => segment.segment);
}
/** Cuts plain text to the limit at a grapheme boundary, ending with `marker` when anything was cut. */
function truncateText(text, limit, marker = '…') {
    if (fits(text, limit))
        return text;
    const parts = graphemes(text);
    const markerSize = measure(marker, limit.unit);
    if (markerSize > limit.max)
        return '';
    let size = 0;
    let end = 0;
    for (; end < parts.length; end++) {
        const next = measure(parts[end], limit.unit);
        if (size + next + markerSize > limit.max)
            break;
        size += next;
    }
    return parts.slice(0, end).join('').trimEnd() + marker;
}
/**
 * Renders Markdown and, when the result is over the limit, drops content from the end of the source, never
 * inside a link, a tag or a grapheme, then appends the tail (marker and link) so nothing is silently lost.
 * Whole blocks are kept first; the first block that does not fit is cut as plain text.
 */
function fitMarkdown(markdown, { render, limit, tail }) {
    const whole = render(markdown);
    if (fits(whole, limit))
        return { text: whole, truncated: false };
    const blocks = lex(markdown)
        .filter((token) => token.type !== 'space')
        .map((token) => token.raw.trim());
    const attempt = (source) => render(`${source}\n\n${tail}`.trim());
    const build = (count) => blocks.slice(0, count).join('\n\n');
    // Largest number of whole blocks that fit with the tail.
    let low = 0;
    let high = blocks.length;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (fits(attempt(build(mid)), limit))
            low = mid;
        else
            high = mid - 1;
    }
    let kept = build(low);
    // Then as much of the next block as fits, as escaped plain text.
    const next = blocks[low];
    if (next !== undefined) {
        const parts = graphemes(toPlainText(next).replace(/\s+/g, ' '));
        let lo = 0;
        let hi = parts.length;
        const withPartial = (count) => `${kept}\n\n${(0,render_escape/* escapeMarkdown */.FV)(parts.slice(0, count).join('').trimEnd())}…`.trim();
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (fits(attempt(withPartial(mid)), limit))
                lo = mid;
            else
                hi = mid - 1;
        }
        if (lo > 0)
            kept = withPartial(lo);
    }
    const result = attempt(kept);
    if (fits(result, limit))
        return { text: result, truncated: true };
    // The tail alone does not fit (a tiny limit): fall back to the rendered text cut at a grapheme boundary.
    return { text: truncateText(render(kept || markdown), limit), truncated: true };
}

;// CONCATENATED MODULE: ./src/core/message.ts



function createMessage(title, markdown, context) {
    const state = context.history?.state ?? context.status;
    const releaseLink = context.eventName === 'release' ? context.release?.url : undefined;
    return {
        title,
        markdown,
        status: context.status,
        state,
        link: releaseLink ?? context.runUrl ?? context.repositoryUrl,
        linkText: releaseLink ? 'Release' : 'View run',
        context,
    };
}
/** Markdown appended when a body had to be cut: a visible marker and the link, so nothing is lost silently. */
function truncationTail(message) {
    return message.link ? `… (truncated) [${(0,render_escape/* escapeMarkdown */.FV)(message.linkText)}](${message.link})` : '… (truncated)';
}
/** The body in a text dialect, within the limit. */
function renderBody(message, dialect, limit) {
    return fitMarkdown(message.markdown, {
        render: (markdown) => renderMarkdown(markdown, dialect),
        limit,
        tail: truncationTail(message),
    }).text;
}
/** The title within the limit, as plain text. */
function renderTitle(message, limit) {
    const title = message.title || toPlainText(message.markdown).split('\n')[0] || 'Notification';
    return limit ? truncateText(title, limit) : title;
}


/***/ }),

/***/ 7789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   Fr: () => (/* binding */ defuseAngles),
/* harmony export */   Ld: () => (/* binding */ escapeMarkdownLight),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   kU: () => (/* binding */ stripControl),
/* harmony export */   tI: () => (/* binding */ neutralizeMentions),
/* harmony export */   v7: () => (/* binding */ safeHref)
/* harmony export */ });
/* unused harmony export MENTION_BREAK */
/**
 * Escaping for untrusted text (commit messages, PR titles, release notes, branch names) per target dialect.
 * Two rules hold in every dialect: no untrusted text becomes a tag, and none becomes a mention.
 */
/** Word joiner: invisible, and breaks `@all`, `@所有人`, `<@id>` so that no service reads a mention. */
const MENTION_BREAK = '\u2060';
// Control characters other than tab and newline break JSON consumers and some clients' renderers.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;
function stripControl(text) {
    return text.replace(CONTROL, '').replace(/\r\n?/g, '\n');
}
/** Breaks broadcast mentions and user mentions written as text. */
function neutralizeMentions(text) {
    return text
        .replace(/@(all|everyone|here|channel|所有人)/gi, `@${MENTION_BREAK}$1`)
        .replace(/<(@|at\b)/gi, `<${MENTION_BREAK}$1`);
}
function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
/** Escapes Markdown syntax so untrusted text renders literally (GFM). */
function escapeMarkdown(text) {
    return text.replace(/([\\`*_{}[\]()#+\-.!|<>~&])/g, '\\$1');
}
/**
 * For Markdown dialects that render raw HTML or tags and have no reliable escape (DingTalk, WeCom): angle
 * brackets become their full-width forms, which read the same and can never open a tag or a `<@id>` mention.
 */
function defuseAngles(text) {
    return text.replace(/</g, '\uFF1C').replace(/>/g, '\uFF1E');
}
/** Escapes the few characters that DingTalk/WeCom Markdown would read as syntax in running text. */
function escapeMarkdownLight(text) {
    return defuseAngles(text).replace(/([\\`*_[\]])/g, '\\$1');
}
/** A URL is only linked when it is http(s); anything else (javascript:, data:) is dropped to text. */
function safeHref(href) {
    if (!href)
        return undefined;
    const trimmed = href.trim();
    return /^https?:\/\//i.test(trimmed) ? trimmed.replace(/[\s<>"]/g, encodeURIComponent) : undefined;
}


/***/ }),

/***/ 7109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ RateLimiter),
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

const sleep = (ms, signal) => new Promise((resolve, reject) => {
    if (ms <= 0)
        return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeadlineError */ .j3('aborted: the overall deadline was reached'));
    }, { once: true });
});
/**
 * Sliding-window limiter, one window per key (provider + credential). Sends queue for a slot instead of failing;
 * a slot that would start after the deadline fails at once with a clear reason instead of waiting in vain.
 * Slots are reserved synchronously, so concurrent callers get distinct, ordered start times.
 */
class RateLimiter {
    now;
    wait;
    starts = new Map();
    constructor(now = Date.now, wait = sleep) {
        this.now = now;
        this.wait = wait;
    }
    /** Reserves the next slot for `key` and waits for it. */
    async acquire(key, limit, deadline, signal) {
        if (!limit)
            return;
        const at = this.reserve(key, limit);
        if (at > deadline) {
            this.release(key, at);
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeadlineError */ .j3(`rate limit of ${limit.requests} requests per ${formatWindow(limit.perMs)} leaves no slot before the deadline`, { hint: 'send fewer messages per run, or raise the timeout' });
        }
        await this.wait(at - this.now(), signal);
    }
    reserve(key, limit) {
        const now = this.now();
        const starts = this.starts.get(key) ?? [];
        // Drop starts that can no longer constrain anything.
        while (starts.length > 0 && starts[0] <= now - limit.perMs && starts.length >= limit.requests)
            starts.shift();
        let at = now;
        if (starts.length >= limit.requests) {
            at = Math.max(now, starts[starts.length - limit.requests] + limit.perMs);
        }
        starts.push(at);
        this.starts.set(key, starts);
        return at;
    }
    release(key, at) {
        const starts = this.starts.get(key);
        const index = starts?.lastIndexOf(at) ?? -1;
        if (starts && index >= 0)
            starts.splice(index, 1);
    }
}
function formatWindow(ms) {
    if (ms % 60_000 === 0)
        return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;
    if (ms % 1000 === 0)
        return ms === 1000 ? 'second' : `${ms / 1000} seconds`;
    return `${ms} ms`;
}


/***/ }),

/***/ 3536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oK: () => (/* binding */ Transport),
  tG: () => (/* binding */ httpFailure),
  cC: () => (/* binding */ notJsonFailure)
});

// UNUSED EXPORTS: parseRetryAfter

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/transport/client.ts

class NoReplyError extends errors/* TransportError */.wX {
    reason;
    /** True when the request may have reached the server (a retry could duplicate a non-idempotent send). */
    maybeProcessed;
    constructor(message, reason, cause) {
        super(message, { cause });
        this.reason = reason;
        this.maybeProcessed = reason === 'reset' || reason === 'timeout';
    }
}
/** Describes a URL for logs without its query (tokens and signatures often travel there). */
function safeUrl(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`;
    }
    catch {
        return '(invalid URL)';
    }
}
function classifyNetworkError(error) {
    const chain = [];
    let current = error;
    for (let depth = 0; current && depth < 5; depth++) {
        const record = current;
        if (typeof record.code === 'string')
            chain.push(record.code);
        if (typeof record.message === 'string')
            chain.push(record.message);
        current = record.cause;
    }
    const text = chain.join(' ');
    if (/ENOTFOUND|getaddrinfo/i.test(text) && !/EAI_AGAIN/.test(text))
        return 'dns';
    // fetch refuses some ports outright (the WHATWG "bad port" list): nothing was sent, and retrying cannot help.
    if (/bad port/i.test(text))
        return 'blocked';
    if (/ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ECONNABORTED/i.test(text))
        return 'connect';
    return 'reset';
}
/**
 * One HTTP exchange through ky: no retries here (the delivery loop decides, because only it knows
 * the provider's business codes and idempotency), never throws for an HTTP status, always returns the body text.
 */
class HttpClient {
    options;
    api;
    constructor(options) {
        this.options = options;
    }
    /** ky, and with it fetch, is loaded on the first request: a dry run never pays for it. */
    load() {
        this.api ??= __webpack_require__.e(/* import() */ 586).then(__webpack_require__.bind(__webpack_require__, 9586)).then((module) => ({
            ky: module.default.create({
                retry: 0,
                throwHttpErrors: false,
                timeout: this.options.timeoutMs,
                fetch: this.options.fetch,
            }),
            isTimeoutError: module.isTimeoutError,
        }));
        return this.api;
    }
    async send(request, signal, timeoutMs = this.options.timeoutMs) {
        const started = performance.now();
        const where = `${request.method} ${this.options.secrets.redact(safeUrl(request.url))}`;
        this.options.logger.debug(`→ ${where}`);
        const { ky, isTimeoutError } = await this.load();
        let response;
        try {
            response = await ky(request.url, {
                method: request.method,
                headers: request.headers,
                body: request.body,
                signal,
                timeout: Math.max(1, Math.floor(timeoutMs)),
            });
        }
        catch (error) {
            if (isTimeoutError(error) || (error instanceof Error && error.name === 'TimeoutError')) {
                throw new NoReplyError(`${where} timed out after ${Math.round(timeoutMs)} ms`, 'timeout', error);
            }
            if (signal?.aborted)
                throw new errors/* DeadlineError */.j3(`${where} aborted: the overall deadline was reached`);
            const reason = classifyNetworkError(error);
            const detail = reason === 'dns' ? 'host name not found' : reason === 'connect' ? 'connection refused' : 'connection failed';
            throw new NoReplyError(`${where} failed: ${detail}`, reason, error);
        }
        let text;
        try {
            text = await response.text();
        }
        catch (error) {
            throw new NoReplyError(`${where}: connection lost while reading the reply`, 'reset', error);
        }
        let json;
        if (text) {
            try {
                json = JSON.parse(text);
            }
            catch {
                json = undefined;
            }
        }
        const durationMs = performance.now() - started;
        this.options.logger.debug(`← ${where} HTTP ${response.status} in ${Math.round(durationMs)} ms`);
        return { status: response.status, headers: response.headers, text, json, durationMs };
    }
}

// EXTERNAL MODULE: ./src/transport/rate-limit.ts
var rate_limit = __webpack_require__(7109);
;// CONCATENATED MODULE: ./src/transport/transport.ts



/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Default reading of HTTP-level failures, for adapters to use before their own body checks. */
function httpFailure(reply, now = Date.now()) {
    if (reply.status >= 200 && reply.status < 300)
        return undefined;
    const retryAfterMs = parseRetryAfter(reply.headers.get('retry-after'), now);
    const snippet = reply.text.replace(/\s+/g, ' ').trim().slice(0, 200);
    if (reply.status === 429) {
        return {
            ok: false,
            code: 429,
            message: `HTTP 429 Too Many Requests${snippet ? `: ${snippet}` : ''}`,
            retry: 'safe',
            retryAfterMs,
            hint: 'the provider is throttling this credential',
        };
    }
    if (reply.status >= 500) {
        return {
            ok: false,
            code: reply.status,
            message: `HTTP ${reply.status} from the provider${snippet ? `: ${snippet}` : ''}`,
            retry: 'safe',
            retryAfterMs,
        };
    }
    return {
        ok: false,
        code: reply.status,
        message: `HTTP ${reply.status}${snippet ? `: ${snippet}` : ''}`,
        retry: 'never',
    };
}
/** A 2xx reply whose body is not JSON (an HTML error page, a captive proxy) is never a provider's success. */
function notJsonFailure(reply) {
    const snippet = reply.text.replace(/\s+/g, ' ').trim().slice(0, 120);
    return {
        ok: false,
        code: reply.status,
        message: `expected a JSON reply but got ${snippet ? `'${snippet}'` : 'an empty body'} (HTTP ${reply.status})`,
        hint: 'check `endpoint` and any proxy in between: this is not the provider answering',
        retry: reply.status >= 500 ? 'safe' : 'never',
    };
}
/**
 * The one way any adapter talks to a provider: per-request timeout, an overall deadline, rate limits per
 * credential, and retries with exponential backoff and jitter that honour Retry-After. Configuration and
 * business errors are never retried; POSTs whose outcome is unknown are retried only when idempotent.
 */
class Transport {
    client;
    limiter;
    secrets;
    logger;
    options;
    now;
    sleep;
    random;
    constructor(options) {
        this.options = options;
        this.secrets = options.secrets;
        this.logger = options.logger;
        this.now = options.now ?? Date.now;
        this.sleep = options.sleep ?? rate_limit/* sleep */.y;
        this.random = options.random ?? Math.random;
        this.limiter = options.limiter ?? new rate_limit/* RateLimiter */.v(this.now, this.sleep);
        this.client = new HttpClient({
            timeoutMs: options.timeoutMs,
            secrets: options.secrets,
            logger: options.logger,
            fetch: options.fetch,
        });
    }
    get deadline() {
        return this.options.deadline;
    }
    remainingMs() {
        return this.options.deadline - this.now();
    }
    /** Backoff before retry number `retry` (1-based): base·2^(retry-1), with ±50% jitter, capped. */
    backoffMs(retry) {
        const base = this.options.baseDelayMs ?? 500;
        const max = this.options.maxDelayMs ?? 15_000;
        const exponential = Math.min(max, base * 2 ** (retry - 1));
        return Math.round(exponential * (0.5 + this.random() / 2));
    }
    async exchange(spec) {
        const started = this.now();
        const budget = spec.retries ?? this.options.retries;
        let attempts = 0;
        let reauthed = false;
        let lastError;
        for (;;) {
            if (this.now() >= this.options.deadline) {
                throw this.finalError(new errors/* DeadlineError */.j3(`${spec.label}: the overall deadline was reached before the message could be sent`, {
                    hint: 'raise `timeout`, or lower `retries`',
                    cause: lastError,
                }), attempts, lastError);
            }
            await this.limiter.acquire(spec.rateKey ?? spec.label, spec.rateLimit, this.options.deadline);
            attempts += 1;
            let verdict;
            let reply;
            try {
                const request = await spec.build(attempts);
                const timeoutMs = Math.min(this.options.timeoutMs, this.options.deadline - this.now());
                reply = await this.client.send(request, undefined, timeoutMs);
                verdict = spec.interpret(reply);
            }
            catch (error) {
                if (!(error instanceof NoReplyError)) {
                    const failure = (0,errors/* toError */.iT)(error);
                    throw this.finalError(failure instanceof errors/* NotifierError */.zO ? failure : new errors/* TransportError */.wX(failure.message, { cause: failure }), attempts);
                }
                lastError = error;
                const unsafe = error.maybeProcessed && spec.idempotent !== true;
                const permanent = error.reason === 'dns' || error.reason === 'blocked';
                if (permanent || unsafe || attempts > budget) {
                    const hint = error.reason === 'dns'
                        ? 'check the host in `endpoint` (or the network and proxy settings)'
                        : error.reason === 'blocked'
                            ? 'use another port in `endpoint`'
                            : unsafe
                                ? 'the message may have been delivered; it was not retried because this provider cannot deduplicate a repeated send'
                                : undefined;
                    const ErrorClass = error.reason === 'timeout' ? errors/* DeadlineError */.j3 : errors/* TransportError */.wX;
                    throw this.finalError(new ErrorClass(error.message, { cause: error, hint }), attempts);
                }
                await this.pause(spec.label, this.backoffMs(attempts), error.message, attempts);
                continue;
            }
            if (verdict.ok) {
                return { verdict, reply, attempts, durationMs: this.now() - started };
            }
            const failure = new errors/* ProviderError */.mZ(`${spec.label}: ${verdict.message}`, {
                code: verdict.code,
                httpStatus: reply.status,
                hint: verdict.hint,
                response: reply.json ?? reply.text,
            });
            lastError = failure;
            if (verdict.retry === 'reauth' && !reauthed && spec.onReauth) {
                reauthed = true;
                await spec.onReauth();
                this.logger.debug(`${spec.label}: credential rejected, fetching a new one`);
                continue;
            }
            if (verdict.retry !== 'safe' || attempts > budget)
                throw this.finalError(failure, attempts);
            const delay = verdict.retryAfterMs ?? this.backoffMs(attempts);
            if (verdict.retryAfterMs !== undefined && this.now() + delay > this.options.deadline) {
                throw this.finalError(new errors/* ProviderError */.mZ(`${spec.label}: ${verdict.message}; the provider asked to wait ${Math.ceil(delay / 1000)} s, past the deadline`, {
                    code: verdict.code,
                    httpStatus: reply.status,
                    hint: verdict.hint ?? 'raise `timeout` or send later',
                    response: reply.json ?? reply.text,
                }), attempts);
            }
            await this.pause(spec.label, delay, verdict.message, attempts);
        }
    }
    async pause(label, delay, reason, attempts) {
        const wait = Math.min(delay, Math.max(0, this.options.deadline - this.now()));
        this.logger.info(`${this.secrets.redact(label)}: attempt ${attempts} failed (${this.secrets.redact(reason)}); retrying in ${wait} ms`);
        await this.sleep(wait);
    }
    finalError(error, attempts, cause) {
        error.attempts = attempts;
        if (cause?.response !== undefined && error.response === undefined)
            error.response = cause.response;
        return error;
    }
}


/***/ })

};
