/**
 * MobPush reply codes (`status`), from the 返回码 table of MobPush's 创建推送 (createPush) document
 * (https://www.mob.com/wiki/detailed?wiki=234&id=136), with what the user can do about each.
 * The table repeats some numbers with different texts (4314, 4320, 4516, 4518, 4525, 4552); the meaning
 * kept here is the one that fits createPush, and the service's own `error` text is always shown beside it.
 *
 * Retried (`retry: 'retry'`): the service's throttles (4103, 4314, 4810), its "busy" answers (5004, 5501) and its
 * transient server-side faults: 5001 unknown server error, 4201 no TCP node available, 5301 no connection node
 * available. Every push carries a workno, so a retry of a request the service did process is answered 5408,
 * never a second push: retrying with the same workno is safe.
 */
import type { CodeTable } from '../codes.js';

const SECRET_HINT = 'check `secret`: it must be the AppSecret of the app whose AppKey is in `token`';
const KEY_HINT = 'check `token`: it must be the AppKey from the MobTech console (开发者平台 → 应用 → App Key)';
const TARGET_HINT = 'check `target` (alias:…, tags:…, rid:…, city:…)';
const OPTIONS_HINT = 'check `options` against the MobPush createPush fields';

export const MOBPUSH_CODES: CodeTable = {
  200: { meaning: 'success' },
  4001: { meaning: 'request is missing a required parameter', hint: OPTIONS_HINT },
  4002: { meaning: 'request parameter error', hint: OPTIONS_HINT },
  4003: { meaning: 'request parameters incomplete', hint: OPTIONS_HINT },
  4004: { meaning: 'data decryption failed', hint: SECRET_HINT },
  4005: { meaning: 'data validation failed (signature check)', hint: SECRET_HINT },
  4006: { meaning: 'session expired or does not exist' },
  4007: { meaning: 'illegal request', hint: SECRET_HINT },
  4008: { meaning: 'secret key no longer valid', hint: SECRET_HINT },
  4011: { meaning: 'the encrypted interface only supports POST' },
  4012: { meaning: 'decryption failed', hint: SECRET_HINT },
  // The document prints 4009 and 4010 truncated ("文本…"): only that they concern text is known.
  4009: { meaning: 'text error (the code table cuts this entry short)' },
  4010: { meaning: 'text error (the code table cuts this entry short)' },
  4013: { meaning: 'web request error' },
  4014: { meaning: 'phone number format wrong' },
  4015: { meaning: 'an identical SMS template cannot be saved twice' },
  4016: { meaning: 'this SMS template does not exist' },
  4017: { meaning: 'this AppKey has no SMS template' },
  4018: { meaning: 'this AppKey has no SMS signature' },
  4019: { meaning: 'this AppKey already has a signature' },
  4101: { meaning: 'the AppKey is blacklisted', hint: 'contact MobTech support about this AppKey' },
  4102: { meaning: 'the device is blacklisted' },
  4103: { meaning: 'too many requests', retry: 'retry', hint: 'MobPush allows 500 push calls a minute per AppKey' },
  4104: {
    meaning: 'MobPush is not enabled for this app',
    hint: 'enable the MobPush product for the app in the MobTech console',
  },
  4105: { meaning: 'device id parameter error', hint: TARGET_HINT },
  4201: { meaning: 'no TCP node available', retry: 'retry' },
  4301: { meaning: 'iOS device is missing its device token' },
  4302: { meaning: 'no matching device found', hint: TARGET_HINT },
  4303: { meaning: 'alias too long (at most 40 UTF-8 bytes)', hint: TARGET_HINT },
  4304: { meaning: 'alias malformed', hint: TARGET_HINT },
  4305: { meaning: 'tag too long (at most 40 UTF-8 bytes)', hint: TARGET_HINT },
  4306: { meaning: 'tag malformed', hint: TARGET_HINT },
  4307: {
    meaning: 'a scheduled push needs a time',
    hint: 'set `options.pushNotify.taskTime` (ms timestamp) with taskCron: 1',
  },
  4308: { meaning: 'content over the limit', hint: 'shorten the template' },
  4309: { meaning: 'AES key missing' },
  4310: { meaning: 'application not found', hint: KEY_HINT },
  4311: { meaning: 'application disabled', hint: 'the app is disabled in the MobTech console' },
  4312: { meaning: 'AppKey invalid', hint: KEY_HINT },
  4313: { meaning: 'token missing' },
  4314: { meaning: 'too many requests', retry: 'retry', hint: 'MobPush allows 500 push calls a minute per AppKey' },
  4315: { meaning: 'long text content over the limit' },
  4316: { meaning: 'inbox content over the limit' },
  4317: { meaning: 'too many inbox lines' },
  4318: { meaning: 'message to replace not found' },
  4319: { meaning: 'message to recall not found' },
  4320: { meaning: 'request is missing a required parameter', hint: OPTIONS_HINT },
  4321: { meaning: 'TCP flag message empty' },
  4322: { meaning: 'offline receipt empty' },
  4501: { meaning: 'IP address format incorrect' },
  4502: { meaning: 'package name incorrect', hint: 'check `options.pushTarget.appPackages`' },
  4503: { meaning: 'certificate password format incorrect' },
  4504: { meaning: 'authentication method does not match the submitted information' },
  4505: { meaning: 'authentication information already exists' },
  4506: { meaning: 'no recipients matched', hint: TARGET_HINT },
  4507: { meaning: 'this push task cannot be modified' },
  4508: { meaning: 'no matching push task found' },
  4509: { meaning: 'content over the limit', hint: 'shorten the template' },
  4510: {
    meaning: 'a scheduled push must be at least one minute ahead',
    hint: 'set `options.pushNotify.taskTime` later',
  },
  4511: { meaning: 'long text content over the limit' },
  4512: { meaning: 'inbox content over the limit' },
  4513: { meaning: 'too many inbox lines' },
  4514: { meaning: 'title over the limit', hint: 'shorten `title`' },
  4515: { meaning: 'a scheduled push must be within one month', hint: 'set `options.pushNotify.taskTime` sooner' },
  4516: { meaning: 'user segment id missing' },
  4517: { meaning: 'segment date format error' },
  4518: { meaning: 'vendor configuration missing (or the task belongs to another user)' },
  4519: { meaning: 'vendor selection wrong', hint: 'check `options.pushFactoryExtra`' },
  4520: {
    meaning: 'the Android package name is not configured',
    hint: 'configure the Android package in MobPush push settings',
  },
  4521: { meaning: 'test ratio out of range' },
  4522: { meaning: 'smart tags not enabled' },
  4523: { meaning: 'more than 1000 aliases in one push', hint: TARGET_HINT },
  4524: { meaning: 'more than 1000 registration ids in one push', hint: TARGET_HINT },
  4525: {
    meaning: 'tags empty or more than 100 tags in one push',
    hint: `${TARGET_HINT}; MobPush takes at most 100 tags per push`,
  },
  4526: { meaning: 'smart tags empty' },
  4527: { meaning: 'aliases empty or over the length limit', hint: TARGET_HINT },
  4528: { meaning: 'registration ids empty or over the length limit', hint: TARGET_HINT },
  4529: { meaning: 'segment id empty' },
  4531: { meaning: 'push content empty' },
  4532: { meaning: 'scheduled time limit' },
  4533: {
    meaning: 'Android style content empty',
    hint: 'set `options.pushNotify.androidNotify.content` for this style',
  },
  4540: { meaning: 'scheduled time empty', hint: 'set `options.pushNotify.taskTime`' },
  4541: { meaning: 'geo push without a location', hint: "use 'city:…', 'province:…' or 'country:…'" },
  4543: { meaning: 'SMS supplement data empty' },
  4544: { meaning: 'smart tag error' },
  4551: { meaning: 'SMS supplement aliases empty or over the length limit', hint: TARGET_HINT },
  4552: { meaning: 'SMS supplement tags or registration ids empty or over the length limit', hint: TARGET_HINT },
  4553: { meaning: 'badge setting wrong', hint: 'check androidBadge/androidBadgeType or iosNotify.badge/badgeType' },
  4554: { meaning: 'FCM configuration error' },
  4555: { meaning: 'replace or recall needs a workId' },
  4556: { meaning: 'ADPush template empty' },
  4557: { meaning: 'smart tag push is not open to the web API' },
  4558: { meaning: 'FCM remote lock error' },
  4559: { meaning: 'operations-guarantee task does not exist' },
  4560: { meaning: 'A/B test task does not exist', hint: 'check `options.groupId`' },
  4561: { meaning: 'unknown SMS signature' },
  4562: { meaning: 'unknown SMS template' },
  4563: { meaning: 'SMS template does not match the signature' },
  5001: { meaning: 'unknown server error', retry: 'retry' },
  5002: { meaning: 'data fetch failed' },
  5003: { meaning: 'data storage failed' },
  5004: { meaning: 'server busy', retry: 'retry' },
  5005: { meaning: 'requested service not supported' },
  5006: { meaning: 'data encryption failed' },
  5101: { meaning: 'device storage parameter error' },
  5301: { meaning: 'no connection node available', retry: 'retry' },
  5302: { meaning: 'contains an invalid MessageId' },
  5403: { meaning: 'device disabled' },
  5404: { meaning: 'device binding missing' },
  5405: { meaning: 'too many tags' },
  5406: { meaning: 'initialization failed' },
  5408: { meaning: 'workno already exists' },
  5409: { meaning: 'no target devices', hint: `${TARGET_HINT}: nobody matched` },
  5411: { meaning: 'not enough devices' },
  5412: { meaning: 'AppSecret wrong', hint: SECRET_HINT },
  5488: { meaning: 'illegal operation' },
  5499: { meaning: 'data update failed' },
  5501: { meaning: 'server under heavy load', retry: 'retry' },
  // The document's own failure example: {"status":5801,"error":"数据校验失败"} (not in its code table).
  5801: { meaning: 'data validation failed (signature check)', hint: SECRET_HINT },
  4800: { meaning: 'request header is missing the key field', hint: KEY_HINT },
  4801: {
    meaning: 'request IP does not match the bound IPs',
    hint: "the app is bound to server IPs in the MobTech console: add the runner's IP or remove the binding",
  },
  4802: {
    meaning: 'MobPush not enabled for this app, or disabled',
    hint: 'enable MobPush for the app in the MobTech console',
  },
  4803: { meaning: 'alias too long (at most 40 UTF-8 bytes)', hint: TARGET_HINT },
  4804: { meaning: 'alias malformed', hint: TARGET_HINT },
  4805: { meaning: 'tag too long (at most 40 UTF-8 bytes)', hint: TARGET_HINT },
  4806: { meaning: 'tag malformed', hint: TARGET_HINT },
  4807: { meaning: 'this push task cannot be modified' },
  4809: { meaning: 'request is missing a required parameter', hint: OPTIONS_HINT },
  4810: { meaning: 'too many requests', retry: 'retry', hint: 'MobPush allows 500 push calls a minute per AppKey' },
  4811: { meaning: 'push content too long', hint: 'shorten the template' },
  4812: { meaning: 'push content missing' },
  4813: { meaning: 'target platform missing', hint: "set `channel` to 'android', 'ios' or 'android,ios'" },
  4814: { meaning: 'target audience missing', hint: TARGET_HINT },
  4815: { meaning: 'push type missing' },
  4816: { meaning: 'offline time over the maximum', hint: 'lower `options.pushNotify.offlineSeconds`' },
  4817: { meaning: 'long text content over the limit' },
  4818: { meaning: 'inbox content over the limit' },
  4819: { meaning: 'at most 5 inbox lines' },
  4820: { meaning: 'title over the limit', hint: 'shorten `title`' },
  4821: { meaning: 'user segment id missing' },
  4822: { meaning: 'an extra key uses a reserved word', hint: 'rename the key in `options.pushNotify.extrasMapList`' },
  4823: { meaning: 'at most 100 items at once' },
  4824: { meaning: 'offline time invalid', hint: 'check `options.pushNotify.offlineSeconds`' },
  4825: { meaning: 'offline push window is 8:00-22:00 (push time = now + offline time)' },
  4826: { meaning: 'at most 1000 items at once', hint: TARGET_HINT },
  4827: { meaning: 'dropType wrong', hint: 'check `options.pushOperator.dropType` (1, 2 or 3)' },
  4828: { meaning: 'task not found or statistics not ready yet' },
  4839: { meaning: 'push AppKey wrong', hint: KEY_HINT },
  4033: { meaning: 'callback url malformed', hint: 'check `options.pushCallback.url`' },
};

/** The throttle codes ("请求过于频繁"); on a broadcast they also mean its own 1-a-minute / 100-a-day cap. */
export const MOBPUSH_THROTTLES = [4103, 4314, 4810] as const;

/** MobPush takes one broadcast (`target: 1`) a minute per app ("全部人群(广播):100次/天,每分钟1次"). */
export const BROADCAST_INTERVAL_MS = 60_000;

export const BROADCAST_HINT =
  'MobPush takes one broadcast a minute and 100 a day per app; a broadcast refused after the daily cap succeeds ' +
  'only the next day (the count is kept by MobPush across runs, this action cannot see it): use tags or aliases, ' +
  'or ask MobTech for a higher quota';

/** "workno already exists": on a retry, the earlier attempt was accepted. */
export const WORKNO_EXISTS = 5408;

/** Task lookups that find nothing (yet): the follow-up keeps polling. */
export const TASK_NOT_FOUND = [4508, 4828] as const;
