import { createHash, randomUUID } from 'node:crypto';
import { isPlainObject } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { credentialFingerprint, deliveryKey } from '../../model/idempotency.js';
import { renderBody, renderTitle, type Message } from '../../render/message.js';
import type { MessageLimits } from '../../render/limits.js';
import { renderPlainValue } from '../../render/template.js';
import { httpFailure, notJsonFailure } from '../../transport/transport.js';
import type { HttpReply, Verdict } from '../../transport/types.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import type { DeliveryPlan, PlanEnvironment, ProviderAdapter, ProviderSettings } from '../types.js';
import { MPAAS_GATEWAY_CODES, lookupGatewayCode } from './codes.js';
import { explainCode } from '../codes.js';
import { DEFAULT_SUCCESS_CODES, parseMpaasOptions, type MpaasOptions } from './fields.js';
import { rpcTimestamp, signedForm, withCommonParams } from './signature.js';
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';
import { TARGET_KINDS, parseTargets, type MpaasTarget, type TargetKind } from './targets.js';
export type { MpaasTarget } from './targets.js';

const API_VERSION = '2019-08-21';
/**
 * mPaaS's 模板推送 document (https://help.aliyun.com/document_detail/2871127.html): at most 10 entries in
 * targetMsgkey per call.
 */
const MAX_TARGETS_PER_CALL = 10;

export interface MpaasSettings {
  accessKeyId: string;
  accessKeySecret: string;
  appId: string;
  workspaceId: string;
  baseUrl: string;
  notifyType: 'notify' | 'transparent';
  targets: MpaasTarget[];
  options: MpaasOptions;
}

/** One call per delivery type and at most 10 targets, in input order. */
function batches(targets: readonly MpaasTarget[]): MpaasTarget[][] {
  const byKind = new Map<TargetKind, MpaasTarget[]>();
  for (const target of targets) byKind.set(target.kind, [...(byKind.get(target.kind) ?? []), target]);
  const out: MpaasTarget[][] = [];
  for (const group of byKind.values()) {
    for (let i = 0; i < group.length; i += MAX_TARGETS_PER_CALL) out.push(group.slice(i, i + MAX_TARGETS_PER_CALL));
  }
  return out;
}

function gatewayFailure(reply: HttpReply, body: Record<string, unknown>): Verdict {
  const code = String(body.Code);
  const known = lookupGatewayCode(code);
  const http = httpFailure(reply);
  const text = typeof body.Message === 'string' && body.Message ? body.Message : (known?.meaning ?? 'no message');
  const requestId = typeof body.RequestId === 'string' ? ` (RequestId ${body.RequestId})` : '';
  const verdict = explainCode('Alibaba Cloud', MPAAS_GATEWAY_CODES, code, `${text}${requestId}`, {
    entry: known,
    status: reply.status,
    retryAfterMs: http?.retryAfterMs,
    hint: known?.hint ?? (typeof body.Recommend === 'string' ? `see ${body.Recommend}` : undefined),
  });
  return verdict;
}

export function interpretMpaasReply(
  reply: HttpReply,
  successCodes: readonly string[] = DEFAULT_SUCCESS_CODES,
): Verdict {
  const body = reply.json;
  if (!isPlainObject(body)) return httpFailure(reply) ?? notJsonFailure(reply);
  if (typeof body.Code === 'string' && body.Code && body.ResultCode === undefined) return gatewayFailure(reply, body);
  const http = httpFailure(reply);
  if (http) return http;
  const requestId = typeof body.RequestId === 'string' ? body.RequestId : undefined;
  const result = isPlainObject(body.PushResult) ? body.PushResult : undefined;
  const resultCode = typeof body.ResultCode === 'string' ? body.ResultCode : undefined;
  // The success ResultCode decides; PushResult is optional. The official SDK response models (mpaas 2019-08-21,
  // e.g. npm @alicloud/mpaas20190821 PushSimpleResponseBody) declare only RequestId, ResultCode and ResultMessage,
  // and such a reply means the push went out. Only an explicit
  // `PushResult.Success === false` overrides a success code.
  if (resultCode !== undefined && successCodes.includes(resultCode) && result?.Success !== false) {
    const data = typeof result?.Data === 'string' && result.Data ? result.Data : undefined;
    return { ok: true, id: data ?? requestId, code: resultCode };
  }
  if (resultCode === undefined && result === undefined) return notJsonFailure(reply);
  const detail =
    (typeof result?.ResultMsg === 'string' && result.ResultMsg) ||
    (typeof body.ResultMessage === 'string' && body.ResultMessage) ||
    'no message';
  return {
    ok: false,
    code: resultCode ?? 'PushResult.Success=false',
    message: `mPaaS push refused (ResultCode ${resultCode ?? 'missing'}): ${detail}${requestId ? ` (RequestId ${requestId})` : ''}`,
    hint: 'check `app-id`, `workspace-id`, `target` and `options` (templateName and its parameters) in the mPaaS console',
    retry: 'never',
  };
}

/** The 2 KB message body is shared by title, content, link and extras: the content gets what is left. */
const LIMITS: MessageLimits = descriptor.limits('text');

async function actionParams(
  parsed: MpaasSettings,
  message: Message,
): Promise<{ action: string; params: Record<string, string> }> {
  const { options } = parsed;
  const title = renderTitle(message, LIMITS.title);
  const base: Record<string, string> = {
    TaskName: renderTitle(message, { max: 50, unit: 'chars' }),
    NotifyType: parsed.notifyType,
  };
  if (options.templateName) {
    const params: Record<string, string> = { ...base, TemplateName: options.templateName };
    if (options.templateKeyValue) {
      const rendered: Record<string, string> = {};
      for (const [key, source] of Object.entries(options.templateKeyValue))
        rendered[key] = await renderPlainValue(
          source,
          message.context,
          'options',
          undefined,
          message.locale,
          message.timezone,
        );
      params.TemplateKeyValue = JSON.stringify(rendered);
    }
    return { action: 'PushTemplate', params: { ...params, ...options.params } };
  }
  const params: Record<string, string> = {
    ...base,
    Title: title,
    Content: renderBody(message, 'text', LIMITS.body),
  };
  // PushAction 0 opens a web URL (the run, or the release page) when the notification is tapped.
  if (message.link) {
    params.PushAction = '0';
    params.Uri = message.link;
  }
  return { action: 'PushSimple', params: { ...params, ...options.params } };
}

export const mpaas: ProviderAdapter<MpaasSettings> = {
  ...descriptorFacts(descriptor),
  idempotencyKey: 'TargetMsgkey',

  parse(settings: ProviderSettings): MpaasSettings {
    // Required credentials, format ('text') and a target are checked by core against the descriptor (checks.ts).
    const accessKeyId = settings.token!.trim();
    const accessKeySecret = settings.secret!.trim();
    const appId = settings.appId!.trim();
    const workspaceId = settings.workspaceId!.trim();
    const channel = settings.channel?.trim() || 'notify';
    if (channel !== 'notify' && channel !== 'transparent')
      throw new ConfigError(
        'channel',
        `'${channel}' is not an mPaaS notify type`,
        "'notify' (default) or 'transparent'",
      );
    return {
      accessKeyId,
      accessKeySecret,
      appId,
      workspaceId,
      baseUrl: resolveBaseUrl(this.defaultEndpoint, settings.endpoint),
      notifyType: channel,
      targets: parseTargets(settings.target),
      options: parseMpaasOptions(settings.options),
    };
  },

  async plan(parsed, message, env: PlanEnvironment): Promise<DeliveryPlan[]> {
    const { action, params } = await actionParams(parsed, message);
    // mPaaS: each msgKey (the TargetMsgkey value) "必须保持唯一". Run, attempt and target alone repeat for a second
    // notification from the same job or for another matrix leg of it, so the message itself is part of the key.
    const digest = createHash('sha256')
      .update(JSON.stringify([action, params, message.context.matrix ?? {}]))
      .digest('hex')
      .slice(0, 16);
    const groups = batches(parsed.targets);
    const url = joinUrl(parsed.baseUrl, '/');
    return groups.map((group, index) => {
      const label = `${group[0]!.kind}:${group.map((target) => target.id).join(',')}`;
      const targetMsgkey: Record<string, string> = {};
      // Stable across retries and re-plans, new for a re-run (run attempt): the service drops a repeated msgKey.
      for (const target of group)
        targetMsgkey[target.id] = deliveryKey(message.context, 'mpaas', `${target.kind}:${target.id}#${digest}`);
      const requestParams: Record<string, string> = {
        ...params,
        AppId: parsed.appId,
        WorkspaceId: parsed.workspaceId,
        DeliveryType: String(parsed.options.deliveryType ?? TARGET_KINDS[group[0]!.kind]),
        TargetMsgkey: JSON.stringify(targetMsgkey),
      };
      const batchLabel = groups.length > 1 ? `${label} (batch ${index + 1}/${groups.length})` : label;
      return {
        target: batchLabel,
        idempotencyKey: deliveryKey(message.context, 'mpaas', `${label}#${digest}`),
        exchange: {
          label: `mpaas ${action} ${batchLabel}`,
          // Each attempt is signed anew: a fresh SignatureNonce (the gateway refuses a reused one) and Timestamp.
          build: () => {
            const signedParams = withCommonParams(requestParams, {
              action,
              version: API_VERSION,
              accessKeyId: parsed.accessKeyId,
              nonce: randomUUID(),
              timestamp: rpcTimestamp(env.now()),
            });
            const { body, signature } = signedForm(signedParams, parsed.accessKeySecret);
            env.secrets.add(signature);
            return {
              method: 'POST',
              url,
              headers: {
                'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
                accept: 'application/json',
                'x-acs-action': action,
                'x-acs-version': API_VERSION,
              },
              body,
            };
          },
          interpret: (reply) => interpretMpaasReply(reply, parsed.options.successCodes),
          rateKey: `mpaas:${credentialFingerprint(parsed.accessKeyId)}`,
          rateLimit: this.rateLimit,
        },
      };
    });
  },
};
