import { loadSettingsCheck } from '../providers/checks.js';
import { getDescriptor, loadAdapter } from '../providers/registry.js';
import type { DeliveryPlan, PlanEnvironment, ProviderAdapter } from '../providers/types.js';
import { DEFAULT_LOCALE, DEFAULT_TIMEZONE, wordsFor } from '../render/locale.js';
import { capStrings } from '../model/caps.js';
import { renderTemplate } from '../render/template.js';
import { Transport } from '../transport/transport.js';
import type { FetchFunction } from '../transport/proxy.js';
import type { HttpRequest, Logger } from '../transport/types.js';
import { isPlainObject, type NotifyConfig } from '../model/config.js';
import type { CiContext } from '../model/context.js';
import { ConfigError, NotifierError, describeError, toError } from '../model/errors.js';
import type { Followable } from './follow-up.js';
import { DEFAULT_MENTION, DEFAULT_MENTION_ON } from '../model/people.js';
import { createMessage, type Message } from '../render/message.js';
import { monotonicNow, sleep as defaultSleep, type RateLimiter, type Sleep } from '../transport/rate-limit.js';
import { MARKDOWN_MASK, type SecretRegistry } from '../model/secrets.js';
import { displayUrl, hideMobiles } from '../model/request-display.js';

export type DeliveryState = 'delivered' | 'failed' | 'pending' | 'unsupported';

/** One entry of the `results` output. */
export interface DeliveryResult {
  provider: string;
  target: string;
  ok: boolean;
  id?: string;
  code?: string | number;
  message?: string;
  attempts: number;
  durationMs: number;
  /** A recipient refused while others were reached: not a failure of the run (see RecipientResult). */
  warning?: boolean;
  /** Follow-up state when `wait-for-delivery` is on. */
  delivery?: DeliveryState;
  deliveryMessage?: string;
}

/**
 * One failed delivery for a report line: "topic:ops: pushplus error 903 (…)", "pushplus topic:ops: POST … failed".
 * The provider is named once: not again when the message already names it ("DingTalk error 310000").
 */
export function describeResult(result: DeliveryResult, text: string = result.message ?? 'no reason given'): string {
  const provider = result.provider.toLowerCase();
  const named = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .includes(provider);
  return `${named ? '' : `${result.provider} `}${result.target}: ${text}`;
}

export type NotifyStatus = 'success' | 'failure' | 'skipped' | 'dry-run';

export interface NotifyOutcome {
  status: NotifyStatus;
  results: DeliveryResult[];
  /** The provider's id of the first delivery. */
  messageId?: string;
  /** The last provider reply, redacted. */
  response?: unknown;
  /** The rendered message (absent when skipped before rendering). */
  message?: Message;
  /** Requests that would be sent, redacted (dry run only). */
  dryRun?: HttpRequest[];
  /** Why nothing was sent, when skipped. */
  reason?: string;
}

export interface NotifyDependencies {
  secrets: SecretRegistry;
  logger: Logger;
  /** Reads `file:` templates; the GitHub layer resolves paths against the workspace. */
  readFile?: (path: string) => Promise<string>;
  fetch?: FetchFunction;
  now?: () => number;
  /** First retry delay in ms (tests shorten it). */
  retryBaseDelayMs?: number;
  sleep?: Sleep;
  /**
   * The run's rate limiter. Limits are per provider and credential (the `rateKey` of each exchange), so every
   * destination of a run must share one: two `urls` entries for the same robot draw on the same quota.
   */
  limiter?: RateLimiter;
  /** The workspace `image`, `file` and `install` paths resolve in. @default process.cwd() */
  workspace?: string;
  /** `PGYER_API_KEY`, for waiting out pgyer's "still processing" (`install`); registered as a secret. */
  pgyerApiKey?: string;
  /** pgyer's API base (tests point it at a stand-in). */
  pgyerEndpoint?: string;
  /**
   * The run's media cache, shared by every destination (notifyMany makes one): the media read once, and each
   * image or file uploaded once per service credential (PlanEnvironment.uploads).
   */
  media?: Map<string, Promise<unknown>>;
}

/** Deliveries of one run in flight at once; the rate limiter spaces them further per credential. */
const DEFAULT_CONCURRENCY = 16;
const MAX_CONCURRENCY = 64;

/**
 * A declared `rate-limit` of N per window allows N requests at once: with fewer workers than that, the last
 * window's requests queue behind each other's round trips and a 200-target fan-out at 50/s ends ~4 round trips
 * late instead of one.
 */
function concurrencyFor(rateLimit: NotifyConfig['rateLimit']): number {
  return Math.min(MAX_CONCURRENCY, Math.max(DEFAULT_CONCURRENCY, rateLimit?.requests ?? 0));
}

/**
 * Does this run match `notify-on`? Plain statuses (success, failure, cancelled, skipped) match the job status.
 * When the list names a history state (`fixed`, `still-failing`) and the history is known, entries match the
 * run's state instead, so `failure,fixed` means "newly broken or fixed" and stays quiet while a build stays red.
 * Without history the job status decides, so a failed lookup never loses an alert.
 */
export function shouldNotify(notifyOn: readonly string[], context: CiContext): boolean {
  if (notifyOn.length === 0) return true;
  const wanted = new Set(notifyOn.map((item) => item.toLowerCase()));
  if (wanted.has('always')) return true;
  const historyAware = wanted.has('fixed') || wanted.has('still-failing');
  const state = context.history?.state;
  if (historyAware && state && state !== 'unknown') return wanted.has(state);
  return wanted.has(context.status);
}

/**
 * Validates a config with its adapter. notify-on is decided first: in a state that is not notified an empty
 * credential is no error (a fork's pull request that passes, with notify-on: failure, has no secrets), while
 * every other input error, and a credential that is given but wrong, still fails.
 */
export function validateConfig(
  adapter: Pick<ProviderAdapter<unknown>, 'parse'>,
  config: NotifyConfig,
  context: CiContext,
): void {
  try {
    adapter.parse(settingsOf(config));
  } catch (error) {
    if (shouldNotify(config.notifyOn, context)) throw error;
    const input = error instanceof ConfigError ? error.input : undefined;
    const empty = (input === 'token' && !config.token) || (input === 'secret' && !config.secret);
    if (!empty) throw error;
  }
}

/**
 * The provider's adapter, after core's checks from its descriptor (credentials, format, target: checks.ts) passed,
 * so bad input is refused before the adapter runs or anything is sent (the target grammar is read from the
 * provider's chunk, which also holds the adapter); as in validateConfig, a skipped run may lack its credentials.
 */
export async function adapterFor(config: NotifyConfig, context: CiContext): Promise<ProviderAdapter<unknown>> {
  validateConfig({ parse: await loadSettingsCheck(getDescriptor(config.provider)) }, config, context);
  return loadAdapter(config.provider);
}

/** The part of a config an adapter reads. */
export function settingsOf(config: NotifyConfig) {
  const {
    token,
    secret,
    appId,
    appSecret,
    workspaceId,
    endpoint,
    channel,
    format,
    target,
    options,
    updateMessage,
    replyTo,
  } = config;
  return {
    token,
    secret,
    appId,
    appSecret,
    workspaceId,
    endpoint,
    channel,
    format,
    target,
    options,
    updateMessage,
    replyTo,
  };
}

async function runPool<T, R>(items: readonly T[], limit: number, worker: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index]!);
    }
  });
  await Promise.all(runners);
  return results;
}

interface DeliveryOutcome {
  results: DeliveryResult[];
  response: unknown;
  /** Accepted deliveries, with what a follow-up needs to find them again. */
  followable: Followable[];
}

/**
 * A result carries its provider and target, and every report prefixes them: the exchange's label ("pushplus
 * topic:ops: …") at the head of the error would name them a second time.
 */
function withoutLabel(message: string, label: string): string {
  return message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message;
}

async function deliver(
  adapter: ProviderAdapter<unknown>,
  plan: DeliveryPlan,
  transport: Transport,
  secrets: SecretRegistry,
  rateLimit: NotifyConfig['rateLimit'],
): Promise<DeliveryOutcome> {
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
    const results: DeliveryResult[] = recipients?.length
      ? recipients.map((recipient) => ({
          ...base,
          target: recipient.target,
          ok: recipient.ok,
          id: recipient.id,
          message: recipient.message,
          ...(recipient.warning ? { warning: true } : {}),
        }))
      : [{ ...base, target: plan.target, ok: true, id: outcome.verdict.id, message: outcome.verdict.message }];
    const followable = results
      .filter((result) => result.ok)
      .map((result) => ({
        result,
        handle: { target: result.target, id: result.id, idempotencyKey: plan.idempotencyKey },
      }));
    return { results, response: outcome.reply.json ?? outcome.reply.text, followable };
  } catch (thrown) {
    const error = toError(thrown);
    const notifierError = error instanceof NotifierError ? error : undefined;
    return {
      results: [
        {
          provider: adapter.name,
          target: plan.target,
          ok: false,
          code: notifierError?.code,
          message: secrets.redact(withoutLabel(describeError(error), plan.exchange.label)),
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
export async function notify(
  config: NotifyConfig,
  context: CiContext,
  deps: NotifyDependencies,
): Promise<NotifyOutcome> {
  const { secrets, logger } = deps;
  secrets.add(config.token);
  secrets.add(config.secret);
  secrets.add(config.appSecret);

  const adapter = await adapterFor(config, context);
  // Before parsing: a provider that cannot update or reply must not silently post a new message instead.
  if (config.updateMessage && !adapter.updatesMessages)
    throw new ConfigError('update-message', `is not supported by ${adapter.name}`, 'feishu-app or dingtalk-app');
  if (config.replyTo && !adapter.repliesInThread)
    throw new ConfigError('reply-to', `is not supported by ${adapter.name}`, 'feishu-app');

  if (!shouldNotify(config.notifyOn, context)) {
    validateConfig(adapter, config, context);
    const state = context.history?.state ?? context.status;
    return {
      status: 'skipped',
      results: [],
      reason: `status '${state}' is not in notify-on (${config.notifyOn.join(', ')})`,
    };
  }
  // people.ts is loaded only by a run that maps `people`.
  const peopleCode = config.peopleMap || config.people?.trim() ? await import('./people.js') : undefined;
  const people = config.peopleMap ?? (await peopleCode?.loadPeople(config.people, deps.readFile));
  let parsed = adapter.parse(settingsOf(config));
  // Mobile numbers mapped from `people`: sent as they are, shown masked in every printout of the request.
  let peopleMobiles: string[] = [];
  // The people responsible, when `people` is given and `mention-on` matches: listed in the message, and mentioned
  // through the provider's own target path (added to `target`, whose own mentions stay as written).
  if (peopleCode && people && shouldNotify(config.mentionOn ?? DEFAULT_MENTION_ON, context)) {
    const responsible = peopleCode.responsibleFor(context, people, config.mention ?? DEFAULT_MENTION, config.provider);
    context = { ...context, responsible: responsible.people };
    peopleMobiles = responsible.mentions.flatMap(
      (mention) => /^@mobile:(.+)$/i.exec(mention.trim())?.[1]?.trim() ?? [],
    );
    if (responsible.mentions.length > 0) {
      const target = [config.target, ...responsible.mentions].filter(Boolean).join('\n');
      try {
        const withMentions = adapter.parse(settingsOf({ ...config, target }));
        // The robots label results with their target; keep the one the user wrote, so the mapped mobile numbers
        // never reach the `results` output or the job summary (public on public repositories).
        parsed =
          isPlainObject(withMentions) && isPlainObject(parsed) && 'label' in parsed
            ? { ...withMentions, label: parsed.label }
            : withMentions;
      } catch (error) {
        // A format that cannot mention (a DingTalk action card): the names are still in the message.
        logger.warning(`The responsible people are not mentioned: ${describeError(toError(error))}`);
      }
    }
  }

  // The wall clock for timestamps (signatures, the deadline as a time); a monotonic clock times the waits.
  const now = deps.now ?? Date.now;
  const clock = deps.now ?? monotonicNow;
  const deadline = now() + config.deadlineMs;
  const deadlineOnClock = clock() + config.deadlineMs;

  // What is sent is what the dry run shows: every secret the run knows (each destination's credentials,
  // github-token, values masked since) is redacted from the message text, so a test failure quoting
  // `Bearer <github-token>` reaches the chat as `Bearer ***`. The values are redacted before rendering, so the mask
  // is escaped like the text around it (a secret escaped for Markdown would no longer be recognised after).
  // Credentials the request needs (auth header, signature, token field) are added by the adapter after this.
  // In the same walk every value is capped (model/caps.ts), with a visible mark in the reader's language, so a
  // 25 MB commit message or release body renders as fast as a short one.
  // `install` and `qr` are read before rendering, so templates can show the build (`{{ install.version }}`, the
  // mobile-build preset); the read is cached for the run, and prepareMedia below reuses it.
  if (!deps.media && config.media) deps = { ...deps, media: new Map() };
  if (config.media?.install || config.media?.qr) {
    secrets.add(deps.pgyerApiKey);
    const { installContextOf } = await import(/* webpackChunkName: "media" */ './media-plan.js');
    const install = await installContextOf(config.media, { deadline, now, logger, deps });
    if (install) context = { ...context, install };
  }
  const cutMark = `… ${wordsFor(config.locale ?? DEFAULT_LOCALE).truncated}`;
  context = capStrings(context, cutMark, (text) => secrets.redact(text));
  const rendered = await renderTemplate(
    {
      template: config.template,
      title: config.title,
      readFile: deps.readFile,
      warn: (text) => logger.warning(text),
      locale: config.locale ?? DEFAULT_LOCALE,
      timezone: config.timezone ?? DEFAULT_TIMEZONE,
    },
    context,
  );
  // And once more after rendering, for a secret written into the template itself; the body is Markdown, so the
  // mask is escaped there and cannot become emphasis or a rule.
  let message = createMessage(
    secrets.redact(rendered.title),
    secrets.redact(rendered.markdown, MARKDOWN_MASK),
    context,
    config.locale ?? DEFAULT_LOCALE,
    config.timezone ?? DEFAULT_TIMEZONE,
  );
  const transport = new Transport({
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    deadline,
    secrets,
    logger,
    fetch: deps.fetch,
    now,
    clock,
    baseDelayMs: deps.retryBaseDelayMs,
    limiter: deps.limiter,
  });
  const env: PlanEnvironment = {
    transport,
    secrets,
    logger,
    dryRun: config.dryRun,
    now,
    deadline,
    uploads: deps.media,
  };
  // Media (reading, the QR encoder, each provider's uploads) load only when `image`, `qr`, `file` or `install` is
  // set; the provider decides how they travel: in the message, uploaded and sent after it, or as links.
  const carried = config.media
    ? await (
        await import(/* webpackChunkName: "media" */ './media-plan.js')
      ).prepareMedia(config.media, message, {
        adapter,
        parsed,
        env,
        deps,
      })
    : undefined;
  if (carried) message = carried.message;
  const mainPlans = await adapter.plan(parsed, message, env);
  // Uploads the message itself needs (a card's images) print before it in a dry run.
  if (carried?.uploads?.length && mainPlans[0])
    mainPlans[0] = { ...mainPlans[0], uploads: [...carried.uploads, ...(mainPlans[0].uploads ?? [])] };
  const after = carried?.after ?? [];
  const plans = [...mainPlans, ...after];

  if (config.dryRun) {
    const requests: HttpRequest[] = [];
    for (const plan of plans) {
      // Uploads first (their files by size and hashes), then the message: the exact request but its credentials
      // (known to the registry: keys, signatures, tokens), so a token that was a whole webhook URL still shows where
      // the request would go instead of `***`, and settings such as `receive_id_type=chat_id` stay readable.
      // People's mobile numbers are shown as 138****8000.
      for (const request of [...(plan.uploads ?? []), await plan.exchange.build(1)]) {
        const shown = secrets.redactValue({ ...request, url: displayUrl(request.url, secrets) });
        requests.push({
          ...shown,
          url: hideMobiles(shown.url, peopleMobiles),
          ...(shown.body === undefined ? {} : { body: hideMobiles(shown.body, peopleMobiles) }),
        });
      }
    }
    return { status: 'dry-run', results: [], message, dryRun: requests };
  }

  const send = (plan: DeliveryPlan) => deliver(adapter, plan, transport, secrets, config.rateLimit);
  // Images and files follow the text, in order, so the group reads them under the message they belong to.
  const outcomes = [
    ...(await runPool(mainPlans, concurrencyFor(config.rateLimit), send)),
    ...(await runPool(after, 1, send)),
  ];
  const results = outcomes.flatMap((outcome) => outcome.results);
  const last = outcomes.at(-1);
  if (config.waitForDeliveryMs > 0) {
    // Loaded only by a run that waits for delivery reports.
    const { followUp } = await import('./follow-up.js');
    await followUp(
      adapter,
      parsed,
      outcomes.flatMap((outcome) => outcome.followable),
      env,
      {
        waitMs: config.waitForDeliveryMs,
        deadline: deadlineOnClock,
        now: clock,
        sleep: deps.sleep ?? defaultSleep,
      },
    );
  }
  for (const result of results.filter((item) => item.warning))
    logger.warning(`${adapter.displayName}: ${result.target} was not reached: ${result.message ?? 'refused'}`);
  // An accepted message that the provider later reports as failed is a failed delivery. A refused recipient
  // next to reached ones is a warning, not a failure.
  const allDelivered =
    results.some((result) => result.ok) &&
    results.every((result) => (result.ok || result.warning) && result.delivery !== 'failed');
  return {
    status: results.length > 0 && allDelivered ? 'success' : 'failure',
    results,
    messageId: adapter.joinsMessageIds
      ? results
          .filter((result) => result.ok && result.id)
          .map((result) => result.id)
          .join(',') || undefined
      : results.find((result) => result.ok && result.id)?.id,
    response: last ? secrets.redactValue(last.response) : undefined,
    message,
  };
}
