/**
 * ci-notifier as a library: the same notifier the action runs, usable from any Node code or CI.
 * The GitHub action (src/index.ts) is a thin layer over these exports.
 */
export { notify, shouldNotify } from './core/notify.js';
export type { DeliveryResult, DeliveryState, NotifyDependencies, NotifyOutcome, NotifyStatus } from './core/notify.js';
export type { NotifyConfig } from './core/config.js';
export type {
  CiContext,
  JobStatus,
  RunState,
  CommitInfo,
  PullRequestInfo,
  ReleaseInfo,
  RunHistory,
} from './core/context.js';
export { normalizeStatus } from './core/context.js';
export { ConfigError, ProviderError, TransportError, DeadlineError, NotifierError } from './core/errors.js';
export { SecretRegistry } from './core/secrets.js';
export { parseOptions } from './core/options.js';
export { createMessage, renderBody, renderTitle } from './core/message.js';
export type { Message } from './core/message.js';
export { renderTemplate, templateVariables } from './render/template.js';
export { PRESETS, PRESET_NAMES } from './render/presets.js';
export { renderMarkdown, toPlainText } from './render/markdown.js';
export type { TextDialect } from './render/markdown.js';
export { fitMarkdown, truncateText, measure } from './render/limits.js';
export type { TextLimit, MessageLimits } from './render/limits.js';
export { loadAdapter, PROVIDER_NAMES } from './providers/registry.js';
export type { ProviderAdapter, ProviderSettings, DeliveryPlan } from './providers/types.js';
export { githubContext } from './action/github-context.js';
