import type { NotifyConfig } from '../core/config.js';
import type { Message } from '../core/message.js';
import type { SecretRegistry } from '../core/secrets.js';
import type { MessageLimits } from '../render/limits.js';
import type { RateLimit } from '../transport/rate-limit.js';
import type { ExchangeSpec, Transport } from '../transport/transport.js';
import type { HttpReply, Logger } from '../transport/types.js';

/** The part of the configuration an adapter reads. */
export type ProviderSettings = Pick<
  NotifyConfig,
  'token' | 'secret' | 'appId' | 'workspaceId' | 'endpoint' | 'channel' | 'format' | 'target' | 'options'
>;

export interface PlanEnvironment {
  transport: Transport;
  secrets: SecretRegistry;
  logger: Logger;
  /** True in dry-run: plans must not reach the network (no token fetches); placeholders are fine. */
  dryRun: boolean;
  now(): number;
}

/** One recipient's outcome inside a multi-recipient reply (Easemob returns a message id per user). */
export interface RecipientResult {
  target: string;
  ok: boolean;
  id?: string;
  message?: string;
}

/** One request to make: a delivery to one target or one batch of targets. */
export interface DeliveryPlan {
  /** Label in `results`: the target (and batch number when split). */
  target: string;
  /** Key sent with the request that lets the service drop a repeated send (MobPush workno, mPaaS msgKey). */
  idempotencyKey?: string;
  exchange: ExchangeSpec;
  /** Splits one successful reply into one result per recipient. */
  recipients?(reply: HttpReply): RecipientResult[];
}

export interface ProviderAdapter<Parsed = unknown> {
  /** Registry name, as in `provider:`. */
  readonly name: string;
  readonly displayName: string;
  /** Official base URL; `endpoint` replaces its scheme, host and port. */
  readonly defaultEndpoint: string;
  readonly formats: readonly string[];
  readonly defaultFormat: string;
  /** The service's own business codes that mean "throttled, try later". */
  readonly retryableCodes: readonly (string | number)[];
  /** Name of the request field the service deduplicates on, when it has one. */
  readonly idempotencyKey?: string;
  /** Sends per credential the service allows. */
  readonly rateLimit: RateLimit;
  /** Title and body limits for a format, in the unit the service counts. */
  limits(format: string): MessageLimits;
  /** Validates settings and returns the adapter's typed form. Pure: throws ConfigError, never sends. */
  parse(settings: ProviderSettings): Parsed;
  /** Builds the requests for a message. Batch splitting happens here. */
  plan(parsed: Parsed, message: Message, env: PlanEnvironment): DeliveryPlan[] | Promise<DeliveryPlan[]>;
}
