/**
 * The CLI's flags: the action's inputs under the same names, each also read from CI_NOTIFIER_<NAME>
 * (upper case, `-` → `_`) so credentials need not appear on the command line or in shell history.
 */
import { PROVIDER_NAMES } from '../providers/registry.js';

export interface FlagSpec {
  name: string;
  type: 'string' | 'boolean';
  /** Shown in --help. */
  description: string;
  /** Placeholder in --help. */
  value?: string;
  multiple?: boolean;
  short?: string;
  /** Also read from CI_NOTIFIER_<NAME>; false for flags that make no sense in the environment. */
  env?: boolean;
  secret?: boolean;
}

export const FLAGS: readonly FlagSpec[] = [
  {
    name: 'provider',
    type: 'string',
    value: 'NAME',
    // A getter: read when help is printed, so providers registered at run time are listed too.
    get description() {
      return `${PROVIDER_NAMES.join(', ')} (not needed with --url)`;
    },
  },
  {
    name: 'token',
    type: 'string',
    value: 'TOKEN',
    secret: true,
    description:
      'Primary credential: pushplus token, robot token/key or webhook URL, SendKey, AppKey, AccessKeyId, client id, App ID, corp id',
  },
  {
    name: 'secret',
    type: 'string',
    value: 'SECRET',
    secret: true,
    description: 'Second credential: signing secret, AppSecret, AccessKeySecret, client secret, app secret',
  },
  {
    name: 'app-id',
    type: 'string',
    value: 'ID',
    description: 'mPaaS AppId, Easemob app key (org#app), WeCom / DingTalk app AgentId, Feishu robot: App ID of an app',
  },
  {
    name: 'app-secret',
    type: 'string',
    value: 'SECRET',
    secret: true,
    description: 'Feishu robot: App Secret of the Feishu app (app-id) that uploads its images',
  },
  { name: 'workspace-id', type: 'string', value: 'ID', description: 'mPaaS workspace id' },
  {
    name: 'endpoint',
    type: 'string',
    value: 'URL',
    description: "Replaces scheme, host and port of the provider's base URL (required for Easemob)",
  },
  {
    name: 'channel',
    type: 'string',
    value: 'CHANNEL',
    description: 'Delivery channel, provider specific (pushplus wechat, webhook:CODE, mail …)',
  },
  {
    name: 'format',
    type: 'string',
    value: 'FORMAT',
    description: 'Message format, provider specific (html, markdown, text, card …)',
  },
  {
    name: 'template',
    type: 'string',
    value: 'TEMPLATE',
    description:
      'Preset (auto, build-status, build-failure, release, mobile-build, deployment, pull-request, activity, minimal), inline Liquid, or file:path (default auto)',
  },
  { name: 'title', type: 'string', value: 'TEMPLATE', description: 'Title template; the preset gives one when empty' },
  {
    name: 'target',
    type: 'string',
    value: 'TARGET',
    description: 'Recipients, provider specific (topic:CODE, @all, alias:a,b, user:a …); one per line fans out',
  },
  {
    name: 'status',
    type: 'string',
    value: 'STATUS',
    description:
      'Job status (success, failure, cancelled, skipped, started); default: what the CI exposes, else unknown',
  },
  {
    name: 'notify-on',
    type: 'string',
    value: 'LIST',
    description: 'States to notify on: success, failure, cancelled, skipped, started, fixed, still-failing, always',
  },
  {
    name: 'options',
    type: 'string',
    value: 'JSON|YAML',
    description: 'Provider-specific fields merged into the request body',
  },
  {
    name: 'update-message',
    type: 'string',
    value: 'ID',
    description:
      'Message id from an earlier step: update it in place (feishu-app card, text or post; dingtalk-app OA status bar)',
  },
  {
    name: 'reply-to',
    type: 'string',
    value: 'ID',
    description: 'Message id to reply to in its thread (feishu-app)',
  },
  {
    name: 'url',
    type: 'string',
    value: 'URL',
    multiple: true,
    secret: true,
    description: 'Service URL (repeatable; CI_NOTIFIER_URL takes one per line), e.g. pushplus://TOKEN?topic=ops',
  },
  { name: 'dry-run', type: 'boolean', description: 'Print the exact request(s) with secrets masked; send nothing' },
  {
    name: 'fail-on-error',
    type: 'string',
    value: 'true|false',
    description: 'Exit 1 when a delivery fails (default true); false exits 0 and still prints the failure',
  },
  { name: 'timeout', type: 'string', value: 'SECONDS', description: 'Per-request timeout (default 10)' },
  { name: 'retries', type: 'string', value: 'N', description: 'Retries for throttled or failed requests (default 3)' },
  {
    name: 'deadline',
    type: 'string',
    value: 'SECONDS',
    description: 'Overall limit for all deliveries (default timeout × (retries + 1) + 60)',
  },
  {
    name: 'rate-limit',
    type: 'string',
    value: 'RATE',
    description: "Overrides the provider's send rate per credential, e.g. 20/min or 5/s",
  },
  {
    name: 'wait-for-delivery',
    type: 'string',
    value: 'SECONDS',
    description:
      'Follow accepted messages (pushplus, MobPush, feishu-app, dingtalk-app) until delivered or failed; 0 = off (default)',
  },
  {
    name: 'locale',
    type: 'string',
    value: 'LOCALE',
    description: 'Language of the preset words, state names, durations and dates: zh-CN (default) or en',
  },
  {
    name: 'timezone',
    type: 'string',
    value: 'ZONE',
    description: 'IANA time zone of times shown and the date filter default (default Asia/Shanghai)',
  },
  {
    name: 'people',
    type: 'string',
    value: 'YAML|file:PATH',
    description: "Login → provider mentions and e-mails; matched by the commit author's e-mail or name on other CIs",
  },
  {
    name: 'mention',
    type: 'string',
    value: 'LIST',
    description: 'Whom to look up in people: author, committer, actor, pr-author (default author,actor)',
  },
  {
    name: 'junit',
    type: 'string',
    value: 'GLOBS',
    description: 'JUnit XML reports to summarise (comma or newline separated globs, inside the working directory)',
  },
  {
    name: 'details',
    type: 'string',
    value: 'MODE',
    description:
      'On a failure, read why: auto (annotations and log excerpts), annotations, off (on GitHub Actions with GITHUB_TOKEN in the environment, on GitLab CI with --gitlab-token; elsewhere none)',
  },
  {
    name: 'gitlab-token',
    type: 'string',
    value: 'TOKEN',
    secret: true,
    description:
      'GitLab CI: a token with the read_api scope, to read the failed jobs and their logs for --details (default GITLAB_TOKEN; CI_JOB_TOKEN cannot)',
  },
  {
    name: 'needs',
    type: 'string',
    value: 'JSON',
    description: 'Jobs and results as {"job": {"result": "failure"}, …}: decides the status and lists every job',
  },
  {
    name: 'mention-on',
    type: 'string',
    value: 'LIST',
    description: 'States in which they are mentioned, as notify-on (default failure,still-failing)',
  },
  {
    name: 'image',
    type: 'string',
    value: 'PATHS|URLS',
    description: 'Images to show: PNG/JPEG files (globs, at most 4) or https URLs, e.g. --image screenshots/home.png',
  },
  {
    name: 'qr',
    type: 'string',
    value: 'URL',
    description: 'A URL shown as a QR code made locally, e.g. --qr https://www.pgyer.com/abcd',
  },
  {
    name: 'file',
    type: 'string',
    value: 'PATHS',
    description: 'Files to attach (globs, at most 4), e.g. --file app/build/outputs/apk/release/app-release.apk',
  },
  {
    name: 'install',
    type: 'string',
    value: 'URL|JSON',
    description:
      "An install URL, or pgyer's / fir.im's reply as a JSON file: link, QR, version, e.g. --install pgyer.json",
  },
  {
    name: 'json',
    type: 'boolean',
    description: 'Print the outcome (status, message id, results, response) as JSON on stdout',
  },
  { name: 'help', type: 'boolean', short: 'h', env: false, description: 'Show this help' },
  { name: 'version', type: 'boolean', short: 'v', env: false, description: 'Show the version' },
];

/** `dry-run` → `CI_NOTIFIER_DRY_RUN`. */
export function envName(flag: string): string {
  return `CI_NOTIFIER_${flag.toUpperCase().replace(/-/g, '_')}`;
}
