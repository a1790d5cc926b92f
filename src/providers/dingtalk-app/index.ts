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
import type { DeliveryPlan, PlanEnvironment, ProviderAdapter, ProviderSettings, TrackedState } from '../types.js';
import { fitJsonBody, numberField } from '../webhook.js';
import {
  CREDENTIALS,
  DEFAULT_FORMAT,
  DEFAULT_MSG_BYTES,
  DEFAULT_REAUTH_CODES,
  DINGTALK_HOST,
  NAME,
  PATHS,
  RATE_LIMIT,
  type DingtalkAppFormat,
} from './descriptor.js';
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';
import { CODES, STATUS_BAR } from './codes.js';
import { parseRecipients, type DingtalkAppRecipients } from './targets.js';
export type { DingtalkAppRecipients } from './targets.js';

const CONSUMED = ['reauthCodes', 'msgBytes'] as const;
const TASK_ID = /^\d{1,20}$/;

export interface DingtalkAppSettings {
  appKey: string;
  appSecret: string;
  agentId: number;
  baseUrl: string;
  format: DingtalkAppFormat;
  recipients: DingtalkAppRecipients;
  updateMessage?: string;
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
  if (code === 0 && reply.status >= 200 && reply.status < 300) {
    const task = numberField(body?.task_id);
    return { ok: true, code, id: task === undefined ? undefined : String(body?.task_id) };
  }
  const sub = [body?.sub_code, body?.sub_msg].filter((value) => typeof value === 'string' && value).join(' ');
  const text = [typeof body?.errmsg === 'string' ? body.errmsg : '', sub && `(${sub})`].filter(Boolean).join(' ');
  return explainCode('DingTalk', CODES, code, text, { status: reply.status, reauthCodes });
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

export const dingtalkApp: ProviderAdapter<DingtalkAppSettings> & { tokens: WeakMap<object, AppToken> } = {
  ...descriptorFacts(descriptor),
  updatesMessages: true,
  tokens: new WeakMap(),

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
    const updateMessage = settings.updateMessage?.trim() || undefined;
    if (updateMessage && !TASK_ID.test(updateMessage))
      throw new ConfigError(
        'update-message',
        `'${updateMessage}' is not a DingTalk task id`,
        'the message-id output of an earlier dingtalk-app step (a number)',
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
      recipients: parseRecipients(settings.target, !updateMessage),
      updateMessage,
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

    if (parsed.updateMessage) {
      // The only in-place update DingTalk offers: the status bar of an OA message.
      const bar = STATUS_BAR[message.state] ?? STATUS_BAR.unknown;
      const body = JSON.stringify({
        agent_id: parsed.agentId,
        task_id: Number(parsed.updateMessage),
        status_value: bar.value,
        status_bg: bar.bg,
      });
      const id = parsed.updateMessage;
      const exchange = call(parsed, env, token, `status bar of ${id}`, PATHS.statusBar, body, true);
      const interpret = exchange.interpret;
      return [
        {
          target: `update:${id}`,
          exchange: {
            ...exchange,
            // The reply has no task id of its own: the updated message keeps its id (message-id stays the same).
            interpret: (reply): Verdict => {
              const verdict = interpret(reply);
              return verdict.ok ? { ...verdict, id } : verdict;
            },
          },
        },
      ];
    }

    const title = renderTitle(message, this.limits(parsed.format).title);
    const msg = fitJsonBody(message, { max: parsed.msgBytes, unit: 'bytes' }, (markdown) =>
      deepMerge(msgOf(parsed.format, message, title, markdown), parsed.options),
    );
    const { recipients } = parsed;
    const body = JSON.stringify({
      agent_id: parsed.agentId,
      ...(recipients.users.length ? { userid_list: recipients.users.join(',') } : {}),
      ...(recipients.depts.length ? { dept_id_list: recipients.depts.join(',') } : {}),
      ...(recipients.all ? { to_all_user: true } : {}),
      msg,
    });
    const label = targetLabel(recipients);
    // Not idempotent: DingTalk has no request key. (It drops the same content to a user within a day, which the
    // follow-up reports as a failure, so a blind retry could never be told from a real duplicate.)
    return [{ target: label, exchange: call(parsed, env, token, label, PATHS.send, body, false) }];
  },

  // Images and files of a work notification: media/upload, then image / file messages (loaded only for media).
  media: async () => (await import(/* webpackChunkName: "dingtalk-app-media" */ './media.js')).dingtalkAppMedia,

  async track(parsed, handle, env): Promise<TrackedState> {
    const task = handle.id;
    if (!task) return { state: 'failed', message: 'no task_id in the send reply' };
    const token = this.tokens.get(parsed) ?? accessToken(parsed, env);
    const body = JSON.stringify({ agent_id: parsed.agentId, task_id: Number(task) });
    const outcome = await env.transport.exchange(
      call(parsed, env, token, `send result of ${task}`, PATHS.result, body, true),
    );
    const json = outcome.reply.json as Record<string, unknown>;
    const result = isPlainObject(json.send_result) ? json.send_result : {};
    return sendResultState(
      result,
      parsed.recipients.all || parsed.recipients.depts.length ? [] : parsed.recipients.users,
    );
  },
};
