import { deepMerge, isPlainObject, omitKeys } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { credentialFingerprint } from '../../model/idempotency.js';
import { renderTitle, type Message } from '../../render/message.js';
import { truncateText } from '../../render/limits.js';
import { renderMarkdown, toPlainText } from '../../render/markdown.js';
import { httpFailure, notJsonFailure } from '../../transport/transport.js';
import type { HttpReply, Verdict } from '../../transport/types.js';
import { AppToken, DRY_RUN_TOKEN, fetchAccessToken, reauthCodesOption } from '../app-channel.js';
import { explainCode } from '../codes.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import type {
  DeliveryPlan,
  PlanEnvironment,
  ProbeCheck,
  ProviderAdapter,
  ProviderSettings,
  TrackedState,
} from '../types.js';
import { PROBE_RECIPIENTS, probeStep } from '../probe.js';
import { fitJsonBody, numberField } from '../webhook.js';
import {
  CREDENTIALS,
  DEFAULT_FORMAT,
  DEFAULT_MSG_BYTES,
  DEFAULT_REAUTH_CODES,
  DEPTS_PER_CALL,
  DINGTALK_HOST,
  MAX_TASK_ID,
  NAME,
  PATHS,
  RATE_LIMIT,
  RESULT_MAX_AGE_MS,
  USERS_PER_CALL,
  type DingtalkAppFormat,
} from './descriptor.js';
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';
import { CODES, STATUS_BAR, SUB_CODES } from './codes.js';
import { parseRecipients, type DingtalkAppRecipients } from './targets.js';
export type { DingtalkAppRecipients } from './targets.js';

const CONSUMED = ['reauthCodes', 'msgBytes'] as const;
const TASK_ID = /^\d{1,19}$/;

/**
 * The task ids of `update-message` (one or several, comma-separated, as `message-id` lists them), as strings: a
 * task id is a 64-bit integer and Number() would round one above 2^53 to another task. An id DingTalk cannot hold
 * is refused before any request.
 */
function taskIdsInput(value: string | undefined): string[] | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  const ids = raw.split(',').map((id) => id.trim());
  for (const id of ids) {
    const digits = /^\d+$/.test(id);
    if (digits && (!TASK_ID.test(id) || BigInt(id) > MAX_TASK_ID))
      throw new ConfigError(
        'update-message',
        `'${id}' is larger than a DingTalk task id can be`,
        `a task id of at most ${MAX_TASK_ID} (a 64-bit integer), as the message-id output of an earlier step gave it`,
      );
    if (!digits || BigInt(id) === 0n)
      throw new ConfigError(
        'update-message',
        `'${id}' is not a DingTalk task id`,
        'the message-id output of an earlier dingtalk-app step (task ids, comma-separated)',
      );
  }
  return [...new Set(ids)];
}

/** A JSON body whose `task_id` is written from its digits, never through a Number (ids above 2^53 stay exact). */
function bodyWithTaskId(fields: Record<string, unknown>, taskId: string): string {
  if (!/^\d+$/.test(taskId)) throw new ConfigError('update-message', `'${taskId}' is not a DingTalk task id`, 'digits');
  const rest = JSON.stringify(fields).slice(1);
  return `{"task_id":${taskId}${rest === '}' ? '}' : `,${rest}`}`;
}

/** The task_id of a send reply, read from the raw text: JSON.parse would round a 64-bit id. */
export function rawTaskId(text: string): string | undefined {
  return /"task_id"\s*:\s*"?(\d+)/.exec(text)?.[1];
}

export interface DingtalkAppSettings {
  appKey: string;
  appSecret: string;
  agentId: number;
  baseUrl: string;
  format: DingtalkAppFormat;
  recipients: DingtalkAppRecipients;
  /** False when `format` was left to the default: `status: started` then sends an OA message (status bar). */
  formatGiven: boolean;
  /** The task ids `update-message` names, as strings. */
  updateTasks?: string[];
  msgBytes: number;
  reauthCodes: number[];
  options: Record<string, unknown>;
}

export function targetLabel(recipients: DingtalkAppRecipients): string {
  if (recipients.all) return '@all';
  const part = (prefix: string, ids: string[]) =>
    ids.length === 0 ? [] : [ids.length <= 3 ? `${prefix}:${ids.join(',')}` : `${prefix}:${ids.length} ids`];
  return [...part('user', recipients.users), ...part('dept', recipients.depts)].join(' ');
}

/** The `msg` object for one rendering of the Markdown source. */
function msgOf(format: DingtalkAppFormat, message: Message, title: string, markdown: string): Record<string, unknown> {
  switch (format) {
    case 'text':
      return {
        msgtype: 'text',
        text: { content: [title, renderMarkdown(markdown, 'text')].filter(Boolean).join('\n\n') },
      };
    case 'card':
      if (!message.link)
        throw new ConfigError('format', "'card' needs a link for its button (the run URL is unknown)", "'markdown'");
      return {
        msgtype: 'action_card',
        action_card: {
          title,
          markdown: renderMarkdown(markdown, 'dingtalk-markdown'),
          single_title: message.linkText,
          single_url: message.link,
        },
      };
    case 'oa': {
      if (!message.link)
        throw new ConfigError('format', "'oa' needs a link to open (the run URL is unknown)", "'markdown'");
      const bar = STATUS_BAR[message.state] ?? STATUS_BAR.unknown;
      const context = message.context;
      return {
        msgtype: 'oa',
        oa: {
          message_url: message.link,
          pc_message_url: message.link,
          head: { bgcolor: 'FFBBBBBB', text: truncateText(context.workflow ?? 'CI', { max: 20, unit: 'chars' }) },
          status_bar: { status_value: bar.value, status_bg: bar.bg },
          body: { title, content: toPlainText(markdown) },
        },
      };
    }
    default:
      return { msgtype: 'markdown', markdown: { title, text: renderMarkdown(markdown, 'dingtalk-markdown') } };
  }
}

/** The legacy oapi replies: `errcode` 0 is success; 88 carries the real reason in sub_code / sub_msg. */
export function dingtalkAppVerdict(reply: HttpReply, reauthCodes: readonly number[]): Verdict {
  const body = isPlainObject(reply.json) ? reply.json : undefined;
  const code = numberField(body?.errcode);
  if (code === undefined) return httpFailure(reply) ?? notJsonFailure(reply);
  if (code === 0 && reply.status >= 200 && reply.status < 300) return { ok: true, code, id: rawTaskId(reply.text) };
  const subCode = typeof body?.sub_code === 'string' || typeof body?.sub_code === 'number' ? String(body.sub_code) : '';
  const sub = [subCode, body?.sub_msg].filter((value) => typeof value === 'string' && value).join(' ');
  const text = [typeof body?.errmsg === 'string' ? body.errmsg : '', sub && `(${sub})`].filter(Boolean).join(' ');
  if (code !== 88 || !subCode) return explainCode('DingTalk', CODES, code, text, { status: reply.status, reauthCodes });
  // /topapi/* answers a bad or expired token, and a missing permission, as 88 with the cause in sub_code: a token
  // sub-code is refetched once like the top-level token codes, the others take their hint from the sub-code.
  const entry = SUB_CODES[subCode];
  const verdict = explainCode('DingTalk', CODES, code, text, {
    status: reply.status,
    entry: { meaning: entry?.meaning ?? `sub_code ${subCode}`, hint: entry?.hint },
  });
  return reauthCodes.some((reauth) => String(reauth) === subCode) ? { ...verdict, retry: 'reauth' } : verdict;
}

export function accessToken(parsed: DingtalkAppSettings, env: PlanEnvironment): AppToken {
  return new AppToken(() =>
    fetchAccessToken(env, {
      label: 'DingTalk access token',
      url: `${joinUrl(parsed.baseUrl, PATHS.token)}?appkey=${encodeURIComponent(parsed.appKey)}&appsecret=${encodeURIComponent(parsed.appSecret)}`,
      verdict: (reply) => dingtalkAppVerdict(reply, []),
      rateKey: `${NAME}-token:${credentialFingerprint(parsed.appKey)}`,
    }),
  );
}

/** One authorized POST to the legacy API (token in the query), with one token replacement on rejection. */
export function call(
  parsed: DingtalkAppSettings,
  env: PlanEnvironment,
  token: AppToken,
  label: string,
  path: string,
  body: string,
  idempotent: boolean,
): DeliveryPlan['exchange'] {
  let used: string | undefined;
  return {
    label: `DingTalk app ${label}`,
    build: async () => {
      used = env.dryRun ? DRY_RUN_TOKEN : await token.get();
      return {
        method: 'POST',
        url: `${joinUrl(parsed.baseUrl, path)}?access_token=${encodeURIComponent(used)}`,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
      };
    },
    interpret: (reply) => dingtalkAppVerdict(reply, parsed.reauthCodes),
    onReauth: () => token.invalidate(used),
    idempotent,
    rateKey: `${NAME}:${credentialFingerprint(parsed.appKey)}`,
    rateLimit: RATE_LIMIT,
  };
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? value.split(',') : [];

/** Reads getsendresult: delivered when every recipient is in the read or unread lists, failed with the reason. */
export function sendResultState(sendResult: Record<string, unknown>, expectedUsers: readonly string[]): TrackedState {
  const read = list(sendResult.read_user_id_list);
  const unread = list(sendResult.unread_user_id_list);
  const reasons: string[] = [];
  const invalid = list(sendResult.invalid_user_id_list);
  if (invalid.length) reasons.push(`invalid user ${invalid.join(', ')}`);
  const invalidDepts = list(sendResult.invalid_dept_id_list);
  if (invalidDepts.length) reasons.push(`invalid department ${invalidDepts.join(', ')}`);
  const forbidden = Array.isArray(sendResult.forbidden_list) ? sendResult.forbidden_list.filter(isPlainObject) : [];
  for (const item of forbidden) {
    const code = numberField(item.code);
    const meaning = code === undefined ? undefined : CODES[code]?.meaning;
    reasons.push(`forbidden ${String(item.userid ?? '')} (${String(item.code ?? '')}${meaning ? ` ${meaning}` : ''})`);
  }
  const forbiddenUsers = list(sendResult.forbidden_user_id_list).filter(
    (user) => !forbidden.some((item) => String(item.userid) === user),
  );
  if (forbiddenUsers.length) reasons.push(`forbidden ${forbiddenUsers.join(', ')} (flow control)`);
  const failed = list(sendResult.failed_user_id_list);
  if (failed.length) reasons.push(`failed ${failed.join(', ')}`);
  if (reasons.length) return { state: 'failed', message: reasons.join('; ') };
  const reached = new Set([...read, ...unread]);
  const complete = expectedUsers.length > 0 ? expectedUsers.every((user) => reached.has(user)) : reached.size > 0;
  if (!complete) return { state: 'pending', message: `${reached.size} recipient(s) reached so far` };
  return {
    state: 'delivered',
    message: `${read.length} read${read.length ? ` (${read.join(', ')})` : ''}, ${unread.length} unread`,
  };
}

/** What the status bar update needs, said when DingTalk refuses it. */
const STATUS_BAR_RULES =
  'DingTalk updates the status bar only of OA work notifications sent within the last 7 days: send the first ' +
  'message with format: oa (the default for status: started) and update it within 7 days';

/** The recipients of one request: users in batches of 100, departments in batches of 20, or @all alone. */
export function batchesOf(recipients: DingtalkAppRecipients): DingtalkAppRecipients[] {
  if (recipients.all) return [{ all: true, users: [], depts: [] }];
  const batches: DingtalkAppRecipients[] = [];
  for (let index = 0; index < recipients.users.length; index += USERS_PER_CALL)
    batches.push({ all: false, users: recipients.users.slice(index, index + USERS_PER_CALL), depts: [] });
  for (let index = 0; index < recipients.depts.length; index += DEPTS_PER_CALL)
    batches.push({ all: false, users: [], depts: recipients.depts.slice(index, index + DEPTS_PER_CALL) });
  return batches;
}

interface SentTask {
  recipients: DingtalkAppRecipients;
  sentAt: number;
}

function sentTasksOf(sent: WeakMap<object, Map<string, SentTask>>, parsed: object): Map<string, SentTask> {
  let tasks = sent.get(parsed);
  if (!tasks) sent.set(parsed, (tasks = new Map()));
  return tasks;
}

export const dingtalkApp: ProviderAdapter<DingtalkAppSettings> & {
  tokens: WeakMap<object, AppToken>;
  sent: WeakMap<object, Map<string, SentTask>>;
} = {
  ...descriptorFacts(descriptor),
  updatesMessages: true,
  joinsMessageIds: true,
  tokens: new WeakMap(),
  /** Per run: what each task was sent to and when, for the follow-up. */
  sent: new WeakMap(),

  parse(settings: ProviderSettings): DingtalkAppSettings {
    // Required credentials, the format and a needed target are checked by core from the descriptor (checks.ts).
    const appKey = settings.token!.trim();
    if (/\s/.test(appKey)) throw new ConfigError('token', 'contains whitespace', CREDENTIALS.token);
    const appSecret = settings.secret!.trim();
    const agent = settings.appId?.trim() ?? '';
    if (!/^\d{1,15}$/.test(agent))
      throw new ConfigError(
        'app-id',
        agent ? `'${agent}' is not an AgentId` : `is required for ${NAME}`,
        CREDENTIALS.appId,
      );
    const format = (settings.format || DEFAULT_FORMAT) as DingtalkAppFormat;
    const formatGiven = settings.formatGiven ?? Boolean(settings.format?.trim());
    const updateTasks = taskIdsInput(settings.updateMessage);
    // The status bar is the only in-place update, and only OA messages have one: a format that says otherwise
    // cannot be what the earlier step sent.
    if (updateTasks && formatGiven && format !== 'oa')
      throw new ConfigError(
        'format',
        `'${format}' work notifications cannot be updated: DingTalk updates only the status bar of an OA message sent within the last 7 days`,
        "'oa' (or no format) with update-message, and format: oa (or status: started) on the step that sent it",
      );
    const options = settings.options;
    const msgBytes = options.msgBytes ?? DEFAULT_MSG_BYTES;
    if (typeof msgBytes !== 'number' || !Number.isInteger(msgBytes) || msgBytes < 256)
      throw new ConfigError('options.msgBytes', `${String(msgBytes)} is not a size`, 'whole bytes, at least 256');
    return {
      appKey,
      appSecret,
      agentId: Number(agent),
      baseUrl: resolveBaseUrl(DINGTALK_HOST, settings.endpoint),
      format,
      formatGiven,
      recipients: parseRecipients(settings.target, !updateTasks),
      updateTasks,
      msgBytes,
      reauthCodes: reauthCodesOption(
        options.reauthCodes,
        DEFAULT_REAUTH_CODES,
        (problem, expected) => new ConfigError('options.reauthCodes', problem, expected),
      ),
      options: omitKeys(options, CONSUMED),
    };
  },

  plan(parsed, message, env): DeliveryPlan[] {
    env.secrets.add(parsed.appSecret);
    // The media code may have fetched the token already for its uploads.
    const token = this.tokens.get(parsed) ?? accessToken(parsed, env);
    this.tokens.set(parsed, token);

    if (parsed.updateTasks) {
      // The only in-place update DingTalk offers: the status bar of an OA message sent within the last 7 days.
      const bar = STATUS_BAR[message.state] ?? STATUS_BAR.unknown;
      return parsed.updateTasks.map((id) => {
        const body = bodyWithTaskId({ agent_id: parsed.agentId, status_value: bar.value, status_bg: bar.bg }, id);
        const exchange = call(parsed, env, token, `status bar of ${id}`, PATHS.statusBar, body, true);
        const interpret = exchange.interpret;
        return {
          target: `update:${id}`,
          exchange: {
            ...exchange,
            // The reply has no task id of its own: the updated message keeps its id (message-id stays the same).
            interpret: (reply): Verdict => {
              const verdict = interpret(reply);
              if (verdict.ok) return { ...verdict, id };
              if (verdict.retry !== 'never') return verdict;
              return { ...verdict, hint: [verdict.hint, STATUS_BAR_RULES].filter(Boolean).join('; ') };
            },
          },
        };
      });
    }

    // One message per run: the status bar a later update-message changes exists only on OA messages, so a
    // `status: started` message is OA unless `format` says otherwise (and the run has a link to open).
    const format: DingtalkAppFormat =
      !parsed.formatGiven && message.state === 'started' && message.link ? 'oa' : parsed.format;
    const title = renderTitle(message, this.limits(format).title);
    const msg = fitJsonBody(message, { max: parsed.msgBytes, unit: 'bytes' }, (markdown) =>
      deepMerge(msgOf(format, message, title, markdown), parsed.options),
    );
    const batches = batchesOf(parsed.recipients);
    const sent = sentTasksOf(this.sent, parsed);
    return batches.map((batch, index) => {
      const body = JSON.stringify({
        agent_id: parsed.agentId,
        ...(batch.users.length ? { userid_list: batch.users.join(',') } : {}),
        ...(batch.depts.length ? { dept_id_list: batch.depts.join(',') } : {}),
        ...(batch.all ? { to_all_user: true } : {}),
        msg,
      });
      const label = targetLabel(batch) + (batches.length > 1 ? ` (${index + 1}/${batches.length})` : '');
      // Not idempotent: DingTalk has no request key. (It drops the same content to a user within a day, which the
      // follow-up reports as a failure, so a blind retry could never be told from a real duplicate.)
      const exchange = call(parsed, env, token, label, PATHS.send, body, false);
      const interpret = exchange.interpret;
      return {
        target: label,
        exchange: {
          ...exchange,
          interpret: (reply): Verdict => {
            const verdict = interpret(reply);
            if (verdict.ok && verdict.id) sent.set(verdict.id, { recipients: batch, sentAt: env.now() });
            return verdict;
          },
        },
      };
    });
  },

  /**
   * doctor: the access token, then each user (at most 5) through the read-only user lookup
   * (POST /topapi/v2/user/get, https://open.dingtalk.com/document/orgapp/query-user-details): it proves the user
   * exists, and its errors show the IP allow-list (60020) and permissions (88 with sub_code) the send would meet.
   */
  async probe(parsed, env): Promise<ProbeCheck[]> {
    const token = accessToken(parsed, env);
    const checks = [await probeStep('token', undefined, async () => (await token.get(), 'access_token'))];
    if (!checks[0]!.ok) return checks;
    for (const user of parsed.recipients.users.slice(0, PROBE_RECIPIENTS)) {
      checks.push(
        await probeStep('user', user, async () => {
          const outcome = await env.transport.exchange(
            call(parsed, env, token, `user ${user}`, PATHS.user, JSON.stringify({ userid: user }), true),
          );
          const result = isPlainObject(outcome.reply.json) ? outcome.reply.json.result : undefined;
          return isPlainObject(result) && typeof result.name === 'string' ? result.name : undefined;
        }),
      );
    }
    return checks;
  },

  // Images and files of a work notification: media/upload, then image / file messages (loaded only for media).
  media: async () => (await import(/* webpackChunkName: "dingtalk-app-media" */ './media.js')).dingtalkAppMedia,

  /**
   * getsendresult lists each recipient's outcome, but only for tasks at most 24 hours old and with at most 100
   * recipients (it times out above). Departments and @all expand to an unknown number of people, so those tasks,
   * and older ones, are followed through getsendprogress (done or not), never with a call that cannot succeed.
   */
  async track(parsed, handle, env): Promise<TrackedState> {
    const task = handle.id;
    if (!task) return { state: 'failed', message: 'no task_id in the send reply' };
    const token = this.tokens.get(parsed) ?? accessToken(parsed, env);
    const known = sentTasksOf(this.sent, parsed).get(task);
    const recipients = known?.recipients ?? parsed.recipients;
    const old = known !== undefined && env.now() - known.sentAt > RESULT_MAX_AGE_MS;
    const listed = !recipients.all && recipients.depts.length === 0 && recipients.users.length <= USERS_PER_CALL;
    const body = bodyWithTaskId({ agent_id: parsed.agentId }, task);
    if (listed && !old) {
      const outcome = await env.transport.exchange(
        call(parsed, env, token, `send result of ${task}`, PATHS.result, body, true),
      );
      const json = outcome.reply.json as Record<string, unknown>;
      const result = isPlainObject(json.send_result) ? json.send_result : {};
      return sendResultState(result, recipients.users);
    }
    const why = old
      ? 'the task is older than 24 h, beyond what getsendresult reports'
      : 'departments and @all are not listed per recipient by getsendresult (at most 100 recipients)';
    const outcome = await env.transport.exchange(
      call(parsed, env, token, `send progress of ${task}`, PATHS.progress, body, true),
    );
    const json = outcome.reply.json as Record<string, unknown>;
    const progress = isPlainObject(json.progress) ? json.progress : {};
    const percent = numberField(progress.progress_in_percent);
    const status = numberField(progress.status);
    if (status === 2) return { state: 'delivered', message: `DingTalk finished sending (100%); ${why}` };
    return {
      state: 'pending',
      message: `DingTalk is sending (${percent ?? 0}%${status === 0 ? ', not started' : ''}); ${why}`,
    };
  },
};
