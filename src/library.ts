/**
 * ci-notifier as a library: the same notifier the action runs, usable from any Node code or CI.
 * The GitHub action (src/index.ts) is a thin layer over these exports.
 */
export { notify, shouldNotify } from './notify/notify.js';
export type {
  DeliveryResult,
  DeliveryState,
  NotifyDependencies,
  NotifyOutcome,
  NotifyStatus,
} from './notify/notify.js';
export type { NotifyConfig } from './model/config.js';
export type {
  CiContext,
  JobStatus,
  RunState,
  CommitInfo,
  PullRequestInfo,
  ReleaseInfo,
  RunHistory,
} from './model/context.js';
export { normalizeStatus } from './model/context.js';
export { ConfigError, ProviderError, TransportError, DeadlineError, NotifierError } from './model/errors.js';
export { SecretRegistry } from './model/secrets.js';
export { parseOptions } from './model/options.js';
export { createMessage, renderBody, renderTitle } from './render/message.js';
export type { Message } from './render/message.js';
export { renderTemplate, templateVariables } from './render/template.js';
export { PRESETS, PRESET_NAMES } from './render/presets.js';
export { renderMarkdown, toPlainText } from './render/markdown.js';
export type { TextDialect } from './render/markdown.js';
export { fitMarkdown, truncateText, measure } from './render/limits.js';
export type { TextLimit, MessageLimits } from './render/limits.js';
export { loadAdapter, PROVIDER_NAMES, registerProvider, descriptors, getDescriptor } from './providers/registry.js';
export type {
  ProviderDescriptor,
  CredentialRole,
  TargetGrammar,
  UrlGrammar,
  CodeTable,
  CodeEntry,
  RetryClass,
} from './providers/descriptor.js';
export type { ProviderAdapter, ProviderSettings, DeliveryPlan } from './providers/types.js';
export { githubContext } from './context/github.js';
export { EasemobClient } from './providers/easemob/client.js';
export { notifyMany, configFromUrl, configsFromUrls, mergeOutcomes } from './notify/fan-out.js';
export {
  parseServiceUrl,
  formatServiceUrl,
  maskServiceUrl,
  parseUrlList,
  SERVICE_URL_FORMS,
} from './providers/service-url.js';
export type { ServiceUrlConfig } from './providers/service-url.js';
export { detectCiContext, cliStatus } from './context/other-ci.js';
export type { DetectOptions } from './context/other-ci.js';
export { runCli } from './cli/run.js';
// The organisation front end (docs/watch.md): the commands, and the routing file's parser and schema.
export { runWatch } from './watch/cli.js';
export { runDigest } from './watch/digest-cli.js';
export { parseRouting, routesFor } from './watch/routing.js';
export type { Routing, Route, RunFacts } from './watch/routing.js';
export { ROUTING_SCHEMA } from './watch/routing-schema.js';
