/**
 * What ci-notifier knows about a provider before it loads the provider's code: the descriptor. Each provider
 * folder holds one (`<name>/descriptor.ts`), small and always loaded; the adapter (`<name>/index.ts`) is imported
 * by `load()` only when a run uses the provider. Core reads the descriptor for everything that is the same for
 * every provider: the registry and did-you-mean, service URLs both ways, the format, credential and target checks,
 * help text, the demo, and the tests that run over every registered provider.
 * Modelled on shoutrrr's one folder per service (https://github.com/containrrr/shoutrrr/tree/main/pkg/services).
 */
import type { NotifyConfig } from '../model/config.js';
import type { ServiceSchemeRoles } from '../model/url-safety.js';
import type { MessageLimits } from '../render/limits.js';
import type { RateLimit } from '../transport/rate-limit.js';
import type { MentionKind } from './mentions.js';
import type { ProviderAdapter, ProviderSettings } from './types.js';

/** The slice of NotifyConfig a service URL can set. */
export type ServiceUrlConfig = Pick<NotifyConfig, 'provider'> &
  Partial<
    Pick<
      NotifyConfig,
      | 'token'
      | 'secret'
      | 'appId'
      | 'appSecret'
      | 'workspaceId'
      | 'endpoint'
      | 'channel'
      | 'format'
      | 'template'
      | 'title'
      | 'target'
      | 'options'
    >
  >;

/** The config fields a URL sets, without the provider (the scheme names it). */
export type UrlFields = Omit<ServiceUrlConfig, 'provider'>;

/** The credential fields a provider may use, and the input each is read from. */
export const CREDENTIAL_INPUTS = {
  token: 'token',
  secret: 'secret',
  appId: 'app-id',
  appSecret: 'app-secret',
  workspaceId: 'workspace-id',
} as const;
export type CredentialField = keyof typeof CREDENTIAL_INPUTS;

export interface CredentialRole {
  /** Core refuses a run without it, naming the input and `form`. */
  required: boolean;
  /** What the field holds for this provider and where to find it, e.g. "the robot's webhook key (store it as a secret)". */
  form: string;
  /**
   * True when the service takes it in the delivery request's URL (a robot's webhook key); every other credential
   * must never appear in a request URL (the shared adapter suite checks it).
   */
  sentInUrl?: boolean;
}

/** A service URL cut into its parts; every part is already percent-decoded. */
export interface UrlParts {
  scheme: string;
  user?: string;
  password?: string;
  host: string;
  path: string[];
}

/** What a descriptor's URL parser is given: the parts, the query, and the checks every grammar uses. */
export interface UrlReader {
  parts: UrlParts;
  /** The provider's own query keys (`url.keys`); the common keys are in `common`. */
  query: ReadonlyMap<string, string>;
  /** The common query keys (endpoint, format, template, title, target, channel); `options` is parsed later. */
  common: UrlFields;
  /** Throws ConfigError('url', …) with the URL masked and this provider's form. */
  fail(problem: string): never;
  noUserinfo(): void;
  noPath(): void;
  /** The host part as the token (`wecom://KEY`); fails naming `what` when empty. */
  hostToken(what: string): string;
  /** `USER:PASSWORD@` as token and secret; fails naming `first` or `second` when missing. */
  pair(first: string, second: string): { token: string; secret: string };
}

/** What a descriptor's URL formatter returns; core adds `name://` and the common query keys. */
export interface UrlShape {
  /** Everything between `://` and `?`, already percent-encoded. */
  address: string;
  /** The provider's own query keys, written before the common ones (undefined values are left out). */
  query?: [string, string | undefined][];
  /** Config fields the address already carries, replaced before the common keys are written (e.g. target: undefined). */
  override?: Partial<UrlFields>;
}

export interface UrlWriter {
  /** `encodeURIComponent`. */
  enc(value: string): string;
  /** The value, or a ConfigError('url', "a NAME URL needs WHAT") when it is missing. */
  need(value: string | undefined, what: string): string;
}

/** The `name://` grammar of a provider, both ways. */
export interface UrlGrammar {
  /** The expected form, quoted in every URL error, e.g. `wecom://KEY`. */
  form: string;
  /** Query keys of this provider beyond the common ones. */
  keys?: readonly string[];
  /** Which parts are credentials, for the secret registry (url-safety.ts): e.g. `{ tokenHost: true }` for `name://KEY`. */
  roles?: ServiceSchemeRoles;
  parse(url: UrlReader): UrlFields;
  /** The inverse of `parse`: `parse(format(c))` gives back `c`. */
  format(config: ServiceUrlConfig, url: UrlWriter): UrlShape;
}

export interface TargetGrammar {
  /** Core refuses a run without a target, naming `form` (a function when other settings can stand in for it). */
  required: boolean | ((settings: ProviderSettings) => boolean);
  /** The expected form, for errors and help. */
  form: string;
  /**
   * Checks a non-empty target and throws ConfigError('target', …) naming the entry that is wrong. Core runs it
   * before the adapter runs; the adapter may still read the target with the same function. For a grammar small
   * enough to sit in the entry file (the robots' mention grammar); otherwise `loadCheck`.
   */
  check?: TargetCheck;
  /**
   * Loads `check`, for a grammar with code of its own (often the folder's targets.ts): every descriptor is in the
   * action's entry file, which every run compiles, and the grammar is then read only by a run that uses the
   * provider. Both imports of a folder name one chunk (`/* webpackChunkName: "<provider>" *\/`), so the grammar
   * and the adapter are one file. When both are given, `check` is used.
   */
  loadCheck?(): Promise<TargetCheck>;
}

/** Throws ConfigError('target', …) when a non-empty target is not in the provider's grammar. */
export type TargetCheck = (raw: string, settings: ProviderSettings) => void;

/** How a code's failure may be retried: never, at once within the budget, or after a documented wait. */
export type RetryClass = 'never' | 'retry' | { waitMs: number };

/** One entry of a provider's error-code table. */
export interface CodeEntry {
  meaning: string;
  /** Default 'never'. */
  retry?: RetryClass;
  /** What the user can do about it. */
  hint?: string;
}

/** A provider's business codes (the number or string in an HTTP 200 body) and what each means. */
export type CodeTable = Readonly<Record<string | number, CodeEntry>>;

export interface ProviderDescriptor {
  /** Registry name, as in `provider:` and the URL scheme. */
  readonly name: string;
  readonly displayName: string;
  /** Other names people use for the service (lower case); `provider: lark` suggests `feishu`. */
  readonly aliases?: readonly string[];
  /** The provider's page in this repository, e.g. docs/providers/wecom.md. */
  readonly docsPage: string;
  /** The vendor's API documentation. */
  readonly vendorDocs: string;
  /** Official base URL; `endpoint` replaces its scheme, host and port. */
  readonly defaultEndpoint: string;
  /** The credential fields this provider reads, with what each holds for it. */
  readonly credentials: Readonly<Partial<Record<CredentialField, CredentialRole>>>;
  readonly formats: readonly string[];
  readonly defaultFormat: string;
  readonly target: TargetGrammar;
  /**
   * How `people` names a person for this provider (`dingtalk: '@mobile:138…'`), when it can mention anyone: the
   * mention kinds its `target` grammar accepts and an example for errors.
   */
  readonly mentions?: { readonly kinds: readonly MentionKind[]; readonly example: string };
  /** Title and body limits for a format, in the unit the service counts. */
  limits(format: string): MessageLimits;
  /** Sends per credential the service allows. */
  readonly rateLimit: RateLimit;
  readonly url: UrlGrammar;
  /** One line for `--help` after the name: credentials, target and formats in brief. */
  readonly help: string;
  /** A configuration that passes every check (demo, tests); holds placeholder credentials only. */
  readonly example: ServiceUrlConfig;
  /** The adapter, imported on first use so a run pays for one provider's code. */
  load(): Promise<ProviderAdapter<unknown>>;
}

/** The adapter fields that restate descriptor facts, for an adapter to spread: `...descriptorFacts(descriptor)`. */
export function descriptorFacts(
  descriptor: ProviderDescriptor,
): Pick<
  ProviderAdapter<unknown>,
  'name' | 'displayName' | 'defaultEndpoint' | 'formats' | 'defaultFormat' | 'rateLimit' | 'limits'
> {
  return {
    name: descriptor.name,
    displayName: descriptor.displayName,
    defaultEndpoint: descriptor.defaultEndpoint,
    formats: descriptor.formats,
    defaultFormat: descriptor.defaultFormat,
    rateLimit: descriptor.rateLimit,
    limits: (format) => descriptor.limits(format),
  };
}
