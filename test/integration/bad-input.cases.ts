export interface BadInputCase {
  name: string;
  inputs: Record<string, string>;
  /** The input the error must name. */
  input: string;
  /** Text the error must also contain. */
  mentions?: string;
}

const PUSHPLUS = { provider: 'pushplus', token: '0123456789abcdef0123456789abcdef' };

/** Inputs every provider shares, checked with pushplus. */
const COMMON: BadInputCase[] = [
  { name: 'no provider', inputs: { token: 'x' }, input: 'provider' },
  { name: 'unknown provider', inputs: { provider: 'slack', token: 'x' }, input: 'provider', mentions: 'slack' },
  { name: 'provider with a typo', inputs: { provider: 'pushplsu', token: 'x' }, input: 'provider' },
  { name: 'timeout not a number', inputs: { ...PUSHPLUS, timeout: 'ten' }, input: 'timeout', mentions: 'not a number' },
  {
    name: 'timeout with a unit',
    inputs: { ...PUSHPLUS, timeout: '10s' },
    input: 'timeout',
    mentions:
      "'10s' is not a number (write the number alone, in seconds, without a unit). Expected a number of seconds from 1 to 300",
  },
  { name: 'timeout in hex', inputs: { ...PUSHPLUS, timeout: '0x10' }, input: 'timeout', mentions: 'not a number' },
  {
    name: 'deadline with a unit',
    inputs: { ...PUSHPLUS, deadline: '5m' },
    input: 'deadline',
    mentions: 'not a number',
  },
  {
    name: 'wait-for-delivery with a unit',
    inputs: { ...PUSHPLUS, 'wait-for-delivery': '30 sec' },
    input: 'wait-for-delivery',
    mentions: 'not a number',
  },
  { name: 'retries not a whole number', inputs: { ...PUSHPLUS, retries: '2.5' }, input: 'retries', mentions: 'whole' },
  {
    name: 'status with a typo',
    inputs: { ...PUSHPLUS, status: 'faliure', 'notify-on': 'failure' },
    input: 'status',
    mentions:
      "unknown status 'faliure' (did you mean 'failure'?). Expected one of success, failure, cancelled, skipped",
  },
  { name: 'status not a status', inputs: { ...PUSHPLUS, status: 'green' }, input: 'status', mentions: 'green' },
  {
    name: 'provider lark',
    inputs: { provider: 'lark', token: 'x' },
    input: 'provider',
    mentions: 'did you mean feishu?',
  },
  {
    name: 'provider dingding',
    inputs: { provider: 'dingding', token: 'x' },
    input: 'provider',
    mentions: 'did you mean dingtalk?',
  },
  {
    name: 'provider wechat',
    inputs: { provider: 'WeChat', token: 'x' },
    input: 'provider',
    mentions: "through 'pushplus' (channel wechat) or 'serverchan'",
  },
  {
    name: 'provider typo suggests the closest',
    inputs: { provider: 'dingtlak', token: 'x' },
    input: 'provider',
    mentions: 'did you mean dingtalk?',
  },
  { name: 'timeout zero', inputs: { ...PUSHPLUS, timeout: '0' }, input: 'timeout' },
  { name: 'timeout negative', inputs: { ...PUSHPLUS, timeout: '-5' }, input: 'timeout' },
  { name: 'timeout too large', inputs: { ...PUSHPLUS, timeout: '100000' }, input: 'timeout' },
  { name: 'retries fractional', inputs: { ...PUSHPLUS, retries: '1.5' }, input: 'retries' },
  { name: 'retries negative', inputs: { ...PUSHPLUS, retries: '-1' }, input: 'retries' },
  { name: 'retries too many', inputs: { ...PUSHPLUS, retries: '99' }, input: 'retries' },
  { name: 'retries words', inputs: { ...PUSHPLUS, retries: 'three' }, input: 'retries' },
  { name: 'deadline zero', inputs: { ...PUSHPLUS, deadline: '0' }, input: 'deadline' },
  { name: 'deadline words', inputs: { ...PUSHPLUS, deadline: 'soon' }, input: 'deadline' },
  { name: 'dry-run not boolean', inputs: { ...PUSHPLUS, 'dry-run': 'maybe' }, input: 'dry-run' },
  { name: 'fail-on-error not boolean', inputs: { ...PUSHPLUS, 'fail-on-error': 'sometimes' }, input: 'fail-on-error' },
  { name: 'summary not boolean', inputs: { ...PUSHPLUS, summary: 'perhaps' }, input: 'summary' },
  {
    name: 'notify-on unknown state',
    inputs: { ...PUSHPLUS, 'notify-on': 'failure,broken' },
    input: 'notify-on',
    mentions: 'broken',
  },
  { name: 'notify-on typo', inputs: { ...PUSHPLUS, 'notify-on': 'failed' }, input: 'notify-on' },
  { name: 'options a list', inputs: { ...PUSHPLUS, options: '[1, 2]' }, input: 'options' },
  { name: 'options a string', inputs: { ...PUSHPLUS, options: 'just text' }, input: 'options' },
  { name: 'options a number', inputs: { ...PUSHPLUS, options: '42' }, input: 'options' },
  { name: 'options broken JSON', inputs: { ...PUSHPLUS, options: '{"a": 1' }, input: 'options' },
  { name: 'options broken YAML', inputs: { ...PUSHPLUS, options: 'a: [1, 2\nb: 3' }, input: 'options' },
  { name: 'options duplicate keys', inputs: { ...PUSHPLUS, options: 'a: 1\na: 2' }, input: 'options' },
  { name: 'options null', inputs: { ...PUSHPLUS, options: 'null' }, input: 'options' },
  { name: 'endpoint not a URL', inputs: { ...PUSHPLUS, endpoint: 'http://' }, input: 'endpoint' },
  { name: 'endpoint ftp', inputs: { ...PUSHPLUS, endpoint: 'ftp://example.com' }, input: 'endpoint' },
  {
    name: 'endpoint with query',
    inputs: { ...PUSHPLUS, endpoint: 'https://proxy.example.com/?token=x' },
    input: 'endpoint',
  },
  {
    name: 'endpoint with credentials',
    inputs: { ...PUSHPLUS, endpoint: 'https://user:pass@proxy.example.com' },
    input: 'endpoint',
  },
  { name: 'unknown preset', inputs: { ...PUSHPLUS, template: 'fancy' }, input: 'template', mentions: 'fancy' },
  { name: 'template file missing', inputs: { ...PUSHPLUS, template: 'file:does/not/exist.md' }, input: 'template' },
  {
    name: 'template file outside the workspace',
    inputs: { ...PUSHPLUS, template: 'file:../../etc/passwd' },
    input: 'template',
  },
  { name: 'template file without path', inputs: { ...PUSHPLUS, template: 'file:' }, input: 'template' },
  { name: 'template syntax error', inputs: { ...PUSHPLUS, template: 'Hello {% if %}' }, input: 'template' },
  {
    name: 'template unknown filter',
    inputs: { ...PUSHPLUS, template: 'Hello {{ actor | shout }}' },
    input: 'template',
  },
  { name: 'title syntax error', inputs: { ...PUSHPLUS, title: '{{ actor ' }, input: 'title' },
  { name: 'rate-limit words', inputs: { ...PUSHPLUS, 'rate-limit': 'fast' }, input: 'rate-limit' },
  { name: 'rate-limit zero', inputs: { ...PUSHPLUS, 'rate-limit': '0/s' }, input: 'rate-limit' },
  { name: 'rate-limit unknown unit', inputs: { ...PUSHPLUS, 'rate-limit': '5/fortnight' }, input: 'rate-limit' },
  {
    name: 'wait-for-delivery negative',
    inputs: { ...PUSHPLUS, 'wait-for-delivery': '-1' },
    input: 'wait-for-delivery',
  },
  {
    name: 'wait-for-delivery words',
    inputs: { ...PUSHPLUS, 'wait-for-delivery': 'a bit' },
    input: 'wait-for-delivery',
  },
];

const PUSHPLUS_CASES: BadInputCase[] = [
  { name: 'pushplus: no token', inputs: { provider: 'pushplus' }, input: 'token' },
  { name: 'pushplus: token too short', inputs: { provider: 'pushplus', token: 'abc' }, input: 'token' },
  {
    name: 'pushplus: token with spaces',
    inputs: { provider: 'pushplus', token: 'abcd efgh ijkl mnop' },
    input: 'token',
  },
  {
    name: 'pushplus: unknown channel',
    inputs: { ...PUSHPLUS, channel: 'pigeon' },
    input: 'channel',
    mentions: 'pigeon',
  },
  { name: 'pushplus: webhook channel without code', inputs: { ...PUSHPLUS, channel: 'webhook' }, input: 'channel' },
  { name: 'pushplus: cp channel without code', inputs: { ...PUSHPLUS, channel: 'cp' }, input: 'channel' },
  { name: 'pushplus: webhook channel with empty code', inputs: { ...PUSHPLUS, channel: 'webhook:' }, input: 'channel' },
  { name: 'pushplus: unknown format', inputs: { ...PUSHPLUS, format: 'pdf' }, input: 'format' },
  { name: 'pushplus: target without kind', inputs: { ...PUSHPLUS, target: 'ops' }, input: 'target' },
  { name: 'pushplus: target unknown kind', inputs: { ...PUSHPLUS, target: 'group:ops' }, input: 'target' },
  { name: 'pushplus: empty topic', inputs: { ...PUSHPLUS, target: 'topic:' }, input: 'target' },
  { name: 'pushplus: topic with spaces', inputs: { ...PUSHPLUS, target: 'topic:on call' }, input: 'target' },
  { name: 'pushplus: to with empty token', inputs: { ...PUSHPLUS, target: 'to:a,,b' }, input: 'target' },
  {
    name: 'pushplus: to on the webhook channel',
    inputs: { ...PUSHPLUS, channel: 'webhook:robot', target: 'to:abc' },
    input: 'target',
  },
  {
    name: 'pushplus: topic on the webhook channel (pushplus ignores it there)',
    inputs: { ...PUSHPLUS, channel: 'webhook:robot', target: 'topic:ops' },
    input: 'target',
  },
  { name: 'pushplus: to with a space in a user id', inputs: { ...PUSHPLUS, target: 'to:zhang san' }, input: 'target' },
  {
    name: 'pushplus: one bad line among good ones',
    inputs: { ...PUSHPLUS, target: 'topic:ops\nteam:dev' },
    input: 'target',
  },
];

const MOBPUSH = {
  provider: 'mobpush',
  token: '2f2d7a68f8a40',
  secret: '9abee316611dd24f607feb9f2c496338',
  target: 'alias:tester',
};

const MOBPUSH_CASES: BadInputCase[] = [
  { name: 'mobpush: no AppKey', inputs: { ...MOBPUSH, token: '' }, input: 'token' },
  { name: 'mobpush: AppKey with symbols', inputs: { ...MOBPUSH, token: 'app/key!' }, input: 'token' },
  { name: 'mobpush: no AppSecret', inputs: { ...MOBPUSH, secret: '' }, input: 'secret' },
  { name: 'mobpush: AppSecret with whitespace', inputs: { ...MOBPUSH, secret: 'abc def ghi' }, input: 'secret' },
  { name: 'mobpush: unknown platform', inputs: { ...MOBPUSH, channel: 'windows' }, input: 'channel' },
  { name: 'mobpush: unknown format', inputs: { ...MOBPUSH, format: 'sms' }, input: 'format' },
  { name: 'mobpush: no target', inputs: { ...MOBPUSH, target: '' }, input: 'target' },
  { name: 'mobpush: unknown target kind', inputs: { ...MOBPUSH, target: 'group:a' }, input: 'target' },
  { name: 'mobpush: empty alias list', inputs: { ...MOBPUSH, target: 'alias:' }, input: 'target' },
  { name: 'mobpush: alias list with a hole', inputs: { ...MOBPUSH, target: 'alias:a,,b' }, input: 'target' },
  { name: 'mobpush: malformed registration id', inputs: { ...MOBPUSH, target: 'rid:bad id!' }, input: 'target' },
  { name: 'mobpush: pushNotify not an object', inputs: { ...MOBPUSH, options: 'pushNotify: 5' }, input: 'options' },
  {
    name: 'mobpush: iosProduction out of range',
    inputs: { ...MOBPUSH, options: 'pushNotify: {iosProduction: 3}' },
    input: 'options',
  },
  {
    name: 'mobpush: scheduled without a time',
    inputs: { ...MOBPUSH, options: 'pushNotify: {taskCron: 1}' },
    input: 'options',
  },
  { name: 'mobpush: unknown policy', inputs: { ...MOBPUSH, options: 'pushNotify: {policy: 9}' }, input: 'options' },
  {
    name: 'mobpush: plats not a list',
    inputs: { ...MOBPUSH, options: 'pushNotify: {plats: android}' },
    input: 'options',
  },
  {
    name: 'mobpush: extras not key/value pairs',
    inputs: { ...MOBPUSH, options: 'pushNotify: {extrasMapList: [1, 2]}' },
    input: 'options',
  },
  { name: 'mobpush: appkey overridden in options', inputs: { ...MOBPUSH, options: 'appkey: other' }, input: 'options' },
  { name: 'mobpush: workno with spaces', inputs: { ...MOBPUSH, options: 'workno: "a b"' }, input: 'options' },
  {
    name: 'mobpush: open-url tap without url',
    inputs: { ...MOBPUSH, options: 'pushForward: {nextType: 1}' },
    input: 'options',
  },
];

const MPAAS = {
  provider: 'mpaas',
  token: 'LTAI5tTestAccessKeyId01',
  secret: 'mpaasTestAccessKeySecret0123456789',
  'app-id': 'ONEX570DA89211721',
  'workspace-id': 'test',
  target: 'user:alice',
};

const MPAAS_CASES: BadInputCase[] = [
  { name: 'mpaas: no AccessKeyId', inputs: { ...MPAAS, token: '' }, input: 'token' },
  { name: 'mpaas: no AccessKeySecret', inputs: { ...MPAAS, secret: '' }, input: 'secret' },
  { name: 'mpaas: no app id', inputs: { ...MPAAS, 'app-id': '' }, input: 'app-id' },
  { name: 'mpaas: no workspace id', inputs: { ...MPAAS, 'workspace-id': '' }, input: 'workspace-id' },
  { name: 'mpaas: unknown channel', inputs: { ...MPAAS, channel: 'loud' }, input: 'channel' },
  { name: 'mpaas: unknown format', inputs: { ...MPAAS, format: 'html' }, input: 'format' },
  { name: 'mpaas: no target', inputs: { ...MPAAS, target: '' }, input: 'target' },
  { name: 'mpaas: unknown target kind', inputs: { ...MPAAS, target: 'phone:123' }, input: 'target' },
  { name: 'mpaas: empty target id', inputs: { ...MPAAS, target: 'user:' }, input: 'target' },
  {
    name: 'mpaas: SMS fallback without its fields',
    inputs: { ...MPAAS, options: 'templateName: t1\nsmsStrategy: 1' },
    input: 'options',
    mentions: 'smsSignName',
  },
  {
    name: 'mpaas: recurring push without strategy content',
    inputs: { ...MPAAS, options: 'strategyType: 2' },
    input: 'options',
  },
  { name: 'mpaas: strategy type out of range', inputs: { ...MPAAS, options: 'strategyType: 7' }, input: 'options' },
  {
    name: 'mpaas: template values without a template',
    inputs: { ...MPAAS, options: 'templateKeyValue: {a: b}' },
    input: 'options',
  },
  { name: 'mpaas: extended params not a map', inputs: { ...MPAAS, options: 'extendedParams: [1]' }, input: 'options' },
  {
    name: 'mpaas: urgency without a payload',
    inputs: { ...MPAAS, options: 'transparentMessageUrgency: HIGH' },
    input: 'options',
  },
];

const EASEMOB = {
  provider: 'easemob',
  token: 'YXA6clientId0001',
  secret: 'YXA6clientSecret0001',
  'app-id': 'demo-org#demo-app',
  target: 'user:oncall',
};

const EASEMOB_CASES: BadInputCase[] = [
  { name: 'easemob: no endpoint', inputs: { ...EASEMOB, endpoint: '' }, input: 'endpoint' },
  { name: 'easemob: no app key', inputs: { ...EASEMOB, 'app-id': '' }, input: 'app-id' },
  { name: 'easemob: app key without #', inputs: { ...EASEMOB, 'app-id': 'demo-org/demo-app' }, input: 'app-id' },
  { name: 'easemob: no client id', inputs: { ...EASEMOB, token: '' }, input: 'token' },
  { name: 'easemob: no client secret', inputs: { ...EASEMOB, secret: '' }, input: 'secret' },
  { name: 'easemob: no target', inputs: { ...EASEMOB, target: '' }, input: 'target' },
  { name: 'easemob: unknown target kind', inputs: { ...EASEMOB, target: 'room:r1' }, input: 'target' },
  { name: 'easemob: empty user list', inputs: { ...EASEMOB, target: 'user:' }, input: 'target' },
  {
    name: 'easemob: template name with symbols',
    inputs: {
      ...EASEMOB,
      options: 'ensureTemplate: {name: "bad name!", title_pattern: "{0}", content_pattern: "{1}"}',
    },
    input: 'options',
  },
  {
    name: 'easemob: template name too long',
    inputs: {
      ...EASEMOB,
      options: `ensureTemplate: {name: ${'a'.repeat(65)}, title_pattern: "{0}", content_pattern: "{1}"}`,
    },
    input: 'options',
  },
];

const DINGTALK = { provider: 'dingtalk', token: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90' };
const WECOM = { provider: 'wecom', token: '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa' };
const FEISHU = { provider: 'feishu', token: 'd4c1a2b3-1111-2222-3333-444455556666' };

const ROBOT_CASES: BadInputCase[] = [
  { name: 'dingtalk: no token', inputs: { provider: 'dingtalk' }, input: 'token' },
  {
    name: 'dingtalk: webhook URL on a foreign host',
    inputs: { ...DINGTALK, token: 'https://oapi.dingtalk.com.evil.example/robot/send?access_token=abc' },
    input: 'token',
  },
  {
    name: 'dingtalk: webhook URL over http',
    inputs: { ...DINGTALK, token: 'http://oapi.dingtalk.com/robot/send?access_token=abc' },
    input: 'token',
  },
  {
    name: 'dingtalk: webhook URL without access_token',
    inputs: { ...DINGTALK, token: 'https://oapi.dingtalk.com/robot/send' },
    input: 'token',
  },
  { name: 'dingtalk: unknown format', inputs: { ...DINGTALK, format: 'html' }, input: 'format' },
  { name: 'dingtalk: unknown mention', inputs: { ...DINGTALK, target: '@team:ops' }, input: 'target' },
  { name: 'dingtalk: malformed mobile', inputs: { ...DINGTALK, target: '@mobile:12ab' }, input: 'target' },
  {
    name: 'dingtalk: a mobile number without its kind',
    inputs: { ...DINGTALK, target: '@13800000000' },
    input: 'target',
    mentions: "(did you mean '@mobile:13800000000'?). Expected '@all', '@user:ID', '@mobile:NUMBER'",
  },
  {
    name: 'dingtalk: a user id without its kind',
    inputs: { ...DINGTALK, target: '@manager4711' },
    input: 'target',
    mentions: "did you mean '@user:manager4711'?",
  },
  {
    name: 'dingtalk: 10,000 mentions are blamed on target, not options',
    inputs: { ...DINGTALK, target: Array.from({ length: 10_000 }, (_, i) => `@user:user${i}`).join(',') },
    input: 'target',
    mentions: 'mentions leave no room for the message',
  },
  {
    name: 'dingtalk: huge options are still blamed on options',
    inputs: { ...DINGTALK, target: '@user:a', options: JSON.stringify({ extra: 'x'.repeat(30_000) }) },
    input: 'options',
  },
  { name: 'wecom: no key', inputs: { provider: 'wecom' }, input: 'token' },
  {
    name: 'wecom: webhook URL on a foreign host',
    inputs: { ...WECOM, token: 'https://evil.example/cgi-bin/webhook/send?key=abc' },
    input: 'token',
  },
  { name: 'wecom: a secret it cannot use', inputs: { ...WECOM, secret: 'SECabc123' }, input: 'secret' },
  { name: 'wecom: unknown format', inputs: { ...WECOM, format: 'html' }, input: 'format' },
  {
    name: 'wecom: unknown mention',
    inputs: { ...WECOM, target: 'ops' },
    input: 'target',
    mentions: "did you mean '@user:ops'?",
  },
  {
    name: 'dingtalk: all without @',
    inputs: { ...DINGTALK, target: 'all' },
    input: 'target',
    mentions: "did you mean '@all'?",
  },
  { name: 'feishu: no token', inputs: { provider: 'feishu' }, input: 'token' },
  {
    name: 'feishu: hook URL on a foreign host',
    inputs: { ...FEISHU, token: 'https://open.feishu.cn.evil.example/open-apis/bot/v2/hook/abc' },
    input: 'token',
  },
  { name: 'feishu: unknown format', inputs: { ...FEISHU, format: 'markdown_v9' }, input: 'format' },
  { name: 'feishu: unknown mention', inputs: { ...FEISHU, target: '@mobile:13800138000' }, input: 'target' },
  {
    name: 'feishu: a user id without its kind',
    inputs: { ...FEISHU, target: '@ou_7d8a6e6df7621556ce0d21922b676706ccs' },
    input: 'target',
    mentions: "did you mean '@user:ou_7d8a6e6df7621556ce0d21922b676706ccs'?",
  },
  {
    name: 'feishu: 10,000 mentions are blamed on target, not options',
    inputs: { ...FEISHU, target: Array.from({ length: 10_000 }, (_, i) => `@user:ou_${i}`).join(',') },
    input: 'target',
    mentions: 'mentions leave no room for the message',
  },
  { name: 'serverchan: no SendKey', inputs: { provider: 'serverchan' }, input: 'token' },
  { name: 'serverchan: not a SendKey', inputs: { provider: 'serverchan', token: 'hello world' }, input: 'token' },
  {
    name: 'serverchan: a target it cannot use',
    inputs: { provider: 'serverchan', token: 'SCT123456TabcdefABCDEF', target: '@all' },
    input: 'target',
  },
  {
    name: 'serverchan: a format it cannot use',
    inputs: { provider: 'serverchan', token: 'SCT123456TabcdefABCDEF', format: 'html' },
    input: 'format',
  },
];

/** Each provider appends its own cases here. */
const FEISHU_APP = {
  provider: 'feishu-app',
  token: 'cli_a5e1b2c3d4e5f6a7',
  secret: 'FeishuAppSecret0001',
  target: 'chat:oc_a0553eda9014c201e6969b478895c230',
};
const WECOM_APP = {
  provider: 'wecom-app',
  token: 'ww1234567890abcdef',
  secret: 'WecomAppSecret0001',
  'app-id': '1000002',
  target: 'user:alice',
};
const DINGTALK_APP = {
  provider: 'dingtalk-app',
  token: 'dingabcdefghijklmnop',
  secret: 'DingtalkAppSecret0001',
  'app-id': '836390886',
  target: 'user:alice',
};

const APP_CHANNEL_CASES: BadInputCase[] = [
  { name: 'feishu-app: no App ID', inputs: { ...FEISHU_APP, token: '' }, input: 'token' },
  { name: 'feishu-app: no App Secret', inputs: { ...FEISHU_APP, secret: '' }, input: 'secret' },
  { name: 'feishu-app: no target', inputs: { ...FEISHU_APP, target: '' }, input: 'target' },
  { name: 'feishu-app: a robot mention as target', inputs: { ...FEISHU_APP, target: '@all' }, input: 'target' },
  { name: 'feishu-app: chat id of the wrong shape', inputs: { ...FEISHU_APP, target: 'chat:ou_x' }, input: 'target' },
  { name: 'feishu-app: unknown format', inputs: { ...FEISHU_APP, format: 'markdown' }, input: 'format' },
  {
    name: 'feishu-app: update-message not a message id',
    inputs: { ...FEISHU_APP, 'update-message': '42' },
    input: 'update-message',
  },
  {
    // Text and post messages are edited with PUT (issue 25); a DingTalk message that is not OA has no status bar.
    name: 'dingtalk-app: a non-OA format cannot be updated',
    inputs: { ...DINGTALK_APP, format: 'markdown', 'update-message': '256271667526' },
    input: 'format',
  },
  {
    name: 'dingtalk-app: a task id larger than 64 bits',
    inputs: { ...DINGTALK_APP, 'update-message': '12345678901234567890' },
    input: 'update-message',
  },
  {
    name: 'feishu-app: update and reply at once',
    inputs: { ...FEISHU_APP, 'update-message': 'om_a', 'reply-to': 'om_b' },
    input: 'reply-to',
  },
  { name: 'wecom-app: no AgentId', inputs: { ...WECOM_APP, 'app-id': '' }, input: 'app-id' },
  { name: 'wecom-app: AgentId not a number', inputs: { ...WECOM_APP, 'app-id': 'agent' }, input: 'app-id' },
  { name: 'wecom-app: party not numeric', inputs: { ...WECOM_APP, target: 'party:ops' }, input: 'target' },
  { name: 'wecom-app: @all with users', inputs: { ...WECOM_APP, target: '@all\nuser:a' }, input: 'target' },
  { name: 'wecom-app: reply-to', inputs: { ...WECOM_APP, 'reply-to': 'x' }, input: 'reply-to' },
  { name: 'dingtalk-app: no AgentId', inputs: { ...DINGTALK_APP, 'app-id': '' }, input: 'app-id' },
  { name: 'dingtalk-app: unknown target kind', inputs: { ...DINGTALK_APP, target: 'tag:1' }, input: 'target' },
  {
    name: 'dingtalk-app: update-message not a task id',
    inputs: { ...DINGTALK_APP, 'update-message': 'om_x' },
    input: 'update-message',
  },
  {
    name: 'dingtalk-app: msgBytes not a size',
    inputs: { ...DINGTALK_APP, options: '{"msgBytes": "big"}' },
    input: 'options.msgBytes',
  },
  { name: 'pushplus: update-message', inputs: { ...PUSHPLUS, 'update-message': 'x' }, input: 'update-message' },
];

export const BAD_INPUTS: BadInputCase[] = [
  ...COMMON,
  ...PUSHPLUS_CASES,
  ...MOBPUSH_CASES,
  ...MPAAS_CASES,
  ...EASEMOB_CASES,
  ...ROBOT_CASES,
  ...APP_CHANNEL_CASES,
];
