/**
 * `ci-notifier easemob <command>`: the commands (one per EasemobClient method) and their flags, as data, so that
 * parsing (easemob.ts) and --help (help.ts) read the same table. Operation flags are named after the request fields
 * of Easemob's 离线推送设置 document (https://doc.easemob.com/document/server-side/push.html).
 */
export interface EasemobFlag {
  name: string;
  value: string;
  description: string;
  /** Also read from CI_NOTIFIER_<NAME> (connection flags only: an operation's arguments belong on the command line). */
  env?: boolean;
  secret?: boolean;
}

/** Shared with the notifier, under the same names and variables. */
export const CONNECTION_FLAGS: readonly EasemobFlag[] = [
  { name: 'endpoint', value: 'URL', env: true, description: "The app's REST host, e.g. https://a1.easemob.com" },
  { name: 'app-id', value: 'ORG#APP', env: true, description: 'The app key org_name#app_name' },
  { name: 'token', value: 'CLIENT_ID', env: true, secret: true, description: "The app's Client ID" },
  { name: 'secret', value: 'CLIENT_SECRET', env: true, secret: true, description: "The app's Client Secret" },
  { name: 'timeout', value: 'SECONDS', env: true, description: 'Per-request timeout (default 10)' },
  { name: 'retries', value: 'N', env: true, description: 'Retries for throttled or failed requests (default 3)' },
];

export const OPERATION_FLAGS: Readonly<Record<string, EasemobFlag>> = {
  user: { name: 'user', value: 'ID', description: 'Easemob user id (username)' },
  nickname: { name: 'nickname', value: 'TEXT', description: 'Nickname shown in push notifications (≤ 100 chars)' },
  style: { name: 'style', value: '0|1', description: '0: "you have a new message" only; 1: the message content' },
  start: { name: 'start', value: 'HOUR', description: 'Daily do-not-disturb start hour, 0-23' },
  end: { name: 'end', value: 'HOUR', description: 'Daily do-not-disturb end hour, 0-23 (= start: all day)' },
  type: { name: 'type', value: 'TYPE', description: 'Push mode: DEFAULT, ALL, AT or NONE' },
  'ignore-interval': {
    name: 'ignore-interval',
    value: 'HH:MM-HH:MM',
    description: "Daily do-not-disturb window, app-wide only ('' clears)",
  },
  'ignore-duration': {
    name: 'ignore-duration',
    value: 'MS',
    description: 'One-off do-not-disturb, 0-604800000 ms (0: off)',
  },
  'chat-type': {
    name: 'chat-type',
    value: 'user|chatgroup',
    description: 'One chat instead of app-wide (with --chat-id)',
  },
  'chat-id': { name: 'chat-id', value: 'ID', description: 'The peer user id or the group id (with --chat-type)' },
  language: { name: 'language', value: 'CODE', description: "Push language code, e.g. EU or zh ('' for none)" },
  name: { name: 'name', value: 'NAME', description: 'Push template name (≤ 64 letters and digits)' },
  'title-pattern': {
    name: 'title-pattern',
    value: 'PATTERN',
    description: 'Title with {0}, {1} … and {$dynamicFrom}, {$fromNickname}, {$msg}',
  },
  'content-pattern': { name: 'content-pattern', value: 'PATTERN', description: 'Content, same placeholders' },
};

export interface EasemobCommandSpec {
  name: string;
  summary: string;
  /** Operation flags the command takes; `required` ones must be given (an empty value counts where allowed). */
  required: readonly string[];
  optional?: readonly string[];
}

const CHAT = ['chat-type', 'chat-id'] as const;
const TEMPLATE = ['name', 'title-pattern', 'content-pattern'] as const;

export const EASEMOB_COMMANDS: readonly EasemobCommandSpec[] = [
  {
    name: 'set-push-nickname',
    summary: 'Set the nickname shown in push notifications',
    required: ['user', 'nickname'],
  },
  {
    name: 'set-notification-display-style',
    summary: 'Show only "new message" or the message content',
    required: ['user', 'style'],
  },
  {
    name: 'set-do-not-disturb',
    summary: 'Legacy daily do-not-disturb hours',
    required: ['user', 'start', 'end'],
  },
  { name: 'clear-do-not-disturb', summary: 'Turn the legacy do-not-disturb off', required: ['user'] },
  {
    name: 'set-push-settings',
    summary: 'Push mode and do-not-disturb, app-wide or for one chat (at least one setting)',
    required: ['user'],
    optional: ['type', 'ignore-interval', 'ignore-duration', ...CHAT],
  },
  {
    name: 'get-push-settings',
    summary: 'Show the push settings, app-wide or of one chat',
    required: ['user'],
    optional: CHAT,
  },
  { name: 'set-push-language', summary: 'Set the preferred push language', required: ['user', 'language'] },
  { name: 'get-push-language', summary: 'Show the preferred push language', required: ['user'] },
  { name: 'create-push-template', summary: 'Create a push template', required: TEMPLATE },
  { name: 'get-push-template', summary: 'Show a push template (exit 1 when there is none)', required: ['name'] },
  { name: 'delete-push-template', summary: 'Delete a push template', required: ['name'] },
  {
    name: 'ensure-push-template',
    summary: 'Create the template, or replace it when its patterns differ',
    required: TEMPLATE,
  },
];
