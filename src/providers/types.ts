import type { NotifyConfig } from '../model/config.js';
import type { Message } from '../render/message.js';
import type { SecretRegistry } from '../model/secrets.js';
import type { MessageLimits } from '../render/limits.js';
import type { RateLimit } from '../transport/rate-limit.js';
import type { ExchangeSpec, Transport } from '../transport/transport.js';
import type { HttpReply, HttpRequest, Logger } from '../transport/types.js';

/** The part of the configuration an adapter reads. */
export type ProviderSettings = Pick<
  NotifyConfig,
  | 'token'
  | 'secret'
  | 'appId'
  | 'appSecret'
  | 'workspaceId'
  | 'endpoint'
  | 'channel'
  | 'format'
  | 'target'
  | 'options'
  | 'updateMessage'
  | 'replyTo'
> & {
  /**
   * False when `format` was empty and the shared checks filled in the descriptor's default, so an adapter can pick
   * a better default for the situation (dingtalk-app sends `oa` for `status: started`).
   */
  formatGiven?: boolean;
};

export interface PlanEnvironment {
  transport: Transport;
  secrets: SecretRegistry;
  logger: Logger;
  /** True in dry-run: plans must not reach the network (no token fetches); placeholders are fine. */
  dryRun: boolean;
  now(): number;
  /** Epoch ms when the run's deliveries must be done (WeCom sizes its duplicate-check window from it). */
  deadline?: number;
  /**
   * Uploaded media ids of this run, by provider, credential and content hash: several destinations on one
   * credential upload an image or file once (providers/upload.ts).
   */
  uploads?: Map<string, Promise<unknown>>;
}

/** One recipient's outcome inside a multi-recipient reply (Easemob returns a message id per user). */
export interface RecipientResult {
  target: string;
  ok: boolean;
  id?: string;
  message?: string;
  /**
   * A recipient the service refused while it delivered to the others (WeCom `invaliduser`): reported and
   * warned about, but it does not fail the run when another recipient was reached.
   */
  warning?: boolean;
}

/** One request to make: a delivery to one target or one batch of targets. */
export interface DeliveryPlan {
  /** Label in `results`: the target (and batch number when split). */
  target: string;
  /**
   * Key sent with the request that lets the service drop a repeated send (MobPush `workno`, the message keys of
   * mPaaS's `TargetMsgkey`).
   */
  idempotencyKey?: string;
  exchange: ExchangeSpec;
  /**
   * Uploads this delivery makes first (an image or a file), as the dry run prints them: method, URL, fields, and
   * the file's name, size and hashes instead of its bytes.
   */
  uploads?: HttpRequest[];
  /** Splits one successful reply into one result per recipient. */
  recipients?(reply: HttpReply): RecipientResult[];
}

/** Where an accepted message stands when followed up (`wait-for-delivery`). */
export interface TrackedState {
  state: 'delivered' | 'failed' | 'pending';
  /** The provider's reason for a failure, or its status text. */
  message?: string;
}

/** What a follow-up needs to find a message again. */
export interface TrackHandle {
  target: string;
  /** The provider's id from the send reply (pushplus shortCode, MobPush batchId). */
  id?: string;
  /** The idempotency key the send carried (MobPush workno). */
  idempotencyKey?: string;
}

/**
 * One read-only check of `ci-notifier doctor`: a token request, or a call that proves a permission or a recipient
 * (the bot is in the chat, the user exists). `check` names it (doctor words it in the run's locale), `subject` is
 * what it was about (a chat id, a user id).
 */
export interface ProbeCheck {
  check: 'token' | 'bot-in-chat' | 'user' | 'group' | 'app';
  subject?: string;
  ok: boolean;
  /** What came back: an app name, a user's name, or the failure with the service's own code. */
  detail?: string;
  code?: string | number;
  hint?: string;
}

export interface ProviderAdapter<Parsed = unknown> {
  /** Registry name, as in `provider:`. */
  readonly name: string;
  readonly displayName: string;
  /** Official base URL; `endpoint` replaces its scheme, host and port. */
  readonly defaultEndpoint: string;
  readonly formats: readonly string[];
  readonly defaultFormat: string;
  /** Name of the request field the service deduplicates on, when it has one. */
  readonly idempotencyKey?: string;
  /** True when the adapter reads `update-message` / `reply-to`; the core refuses them for the others. */
  readonly updatesMessages?: boolean;
  readonly repliesInThread?: boolean;
  /**
   * True when one message goes out as several requests that each get an id (dingtalk-app batches): `message-id`
   * then lists every id, comma-separated, and `update-message` takes that list back.
   */
  readonly joinsMessageIds?: boolean;
  /** Sends per credential the service allows. */
  readonly rateLimit: RateLimit;
  /** Title and body limits for a format, in the unit the service counts. */
  limits(format: string): MessageLimits;
  /** Validates settings and returns the adapter's typed form. Pure: throws ConfigError, never sends. */
  parse(settings: ProviderSettings): Parsed;
  /** Builds the requests for a message. Batch splitting happens here. */
  plan(parsed: Parsed, message: Message, env: PlanEnvironment): DeliveryPlan[] | Promise<DeliveryPlan[]>;
  /**
   * One follow-up query for an accepted delivery (`wait-for-delivery`); the core polls with backoff until a final
   * state or the deadline. Absent when the service offers no follow-up (reported as `unsupported`). Throw a
   * ProviderError with code 'unsupported' when the account cannot use the follow-up API (e.g. not enabled).
   */
  track?(parsed: Parsed, handle: TrackHandle, env: PlanEnvironment): Promise<TrackedState>;
  /**
   * `ci-notifier doctor`: fetch the run-time token and make the read-only calls that prove the permission and the
   * recipients, without sending. Absent for services with no token and no read-only call (the robots).
   */
  probe?(parsed: Parsed, env: PlanEnvironment): Promise<ProbeCheck[]>;
  /**
   * How this service carries images, files and the QR code (`message.media`): loads the provider's media code
   * (its own chunk) only when a message has media. Absent: links in the body and a notice (notify/media-plan.ts).
   */
  media?(): Promise<MediaCarrier<Parsed>>;
}

/** What a provider makes of a message's media: the message to send (links added) and deliveries after it. */
export interface CarriedMedia {
  message: Message;
  /** Deliveries after the main message (an image message, an uploaded file). */
  after: DeliveryPlan[];
  /**
   * Uploads made before the main message because it shows what they return (a Feishu card's `img` by
   * `image_key`), as the dry run prints them with the main message.
   */
  uploads?: HttpRequest[];
}

export interface MediaCarrier<Parsed = unknown> {
  carry(parsed: Parsed, message: Message, env: PlanEnvironment): CarriedMedia | Promise<CarriedMedia>;
}
