import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';

export interface FakeMpaasOptions {
  /** AccessKeyId → AccessKeySecret the gateway knows. */
  keys: Record<string, string>;
  appId: string;
  workspaceId: string;
  /** Template names created in the console, with their placeholders. */
  templates?: Record<string, string[]>;
  /** The gateway's clock offset from the runner's, in ms (to play a skewed clock). */
  clockSkewMs?: number;
  /** Per-request override: return true when handled. */
  intercept?: (request: RecordedRequest, form: Record<string, string>, reply: Reply) => boolean;
  /**
   * Reply to pushes as the official SDK response models declare them: RequestId, ResultCode and ResultMessage,
   * without PushResult.
   */
  withoutPushResult?: boolean;
}

type Reply = (status: number, body: unknown, headers?: Record<string, string>) => void;

export interface AcceptedPush {
  action: string;
  form: Record<string, string>;
}

const MAX_SKEW_MS = 15 * 60 * 1000;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const REQUIRED: Record<string, string[]> = {
  PushSimple: ['AppId', 'WorkspaceId', 'DeliveryType', 'TargetMsgkey', 'ExpiredSeconds', 'Title', 'Content'],
  PushTemplate: ['AppId', 'WorkspaceId', 'DeliveryType', 'TargetMsgkey', 'ExpiredSeconds', 'TemplateName', 'TaskName'],
};

/** The gateway's own reading of RFC 3986, written independently of src/: encodeURIComponent plus !'()*. */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function expectedSignature(form: Record<string, string>, secret: string): { signature: string; stringToSign: string } {
  const canonical = Object.keys(form)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${rfc3986(key)}=${rfc3986(form[key]!)}`)
    .join('&');
  const stringToSign = `POST&${rfc3986('/')}&${rfc3986(canonical)}`;
  return { signature: createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64'), stringToSign };
}

function parseForm(body: string): Record<string, string> | undefined {
  const form: Record<string, string> = {};
  try {
    for (const pair of body.split('&').filter(Boolean)) {
      const index = pair.indexOf('=');
      const key = decodeURIComponent((index < 0 ? pair : pair.slice(0, index)).replace(/\+/g, ' '));
      form[key] = index < 0 ? '' : decodeURIComponent(pair.slice(index + 1).replace(/\+/g, ' '));
    }
  } catch {
    return undefined;
  }
  return form;
}

function jsonMap(value: string | undefined): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Plays the mPaaS OpenAPI gateway (RPC, version 2019-08-21): form-encoded POST, signature V1 verified from the
 * received form, stale timestamps and reused nonces refused, required fields checked per action, replies in
 * the real shapes: gateway errors {RequestId, HostId, Code, Message, Recommend} with HTTP 4xx, push results
 * {RequestId, ResultCode, ResultMessage, PushResult:{Success, ResultMsg, Data}} with HTTP 200.
 */
export function fakeMpaas(options: FakeMpaasOptions): FakeServer & { accepted: AcceptedPush[]; nonces: Set<string> } {
  const accepted: AcceptedPush[] = [];
  const nonces = new Set<string>();
  const server = new FakeServer((request, response) => {
    const reply: Reply = (status, body, headers) => sendJson(response, status, body, headers);
    const requestId = randomUUID().toUpperCase();
    const gatewayError = (status: number, code: string, message: string) =>
      reply(status, {
        RequestId: requestId,
        HostId: 'mpaas.aliyuncs.com',
        Code: code,
        Message: message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${code}&product=mPaaS`,
      });
    const pushResult = (ok: boolean, message: string, data = '') =>
      reply(200, {
        RequestId: requestId,
        ResultCode: ok ? 'OK' : message.split(':')[0],
        ResultMessage: ok ? '' : message,
        ...(options.withoutPushResult ? {} : { PushResult: { Success: ok, ResultMsg: ok ? '' : message, Data: data } }),
      });

    const form = parseForm(request.body);
    if (options.intercept?.(request, form ?? {}, reply)) return;
    if (request.method !== 'POST' || request.path !== '/')
      return gatewayError(
        404,
        'InvalidAction.NotFound',
        'Specified api is not found, please check your url and method.',
      );
    if (!String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') || !form)
      return gatewayError(400, 'MissingParameter', 'The request body must be form-encoded.');

    for (const name of ['Action', 'AccessKeyId', 'Signature', 'SignatureNonce', 'Timestamp', 'Version']) {
      if (!form[name]) return gatewayError(400, `Missing${name}`, `${name} is mandatory for this action.`);
    }
    if (form.Format !== undefined && form.Format !== 'JSON' && form.Format !== 'XML')
      return gatewayError(400, 'InvalidParameter.Format', 'Specified parameter Format is not valid.');
    if (form.SignatureMethod !== 'HMAC-SHA1')
      return gatewayError(400, 'InvalidSignatureMethod', 'Specified signature method is not supported.');
    if (form.SignatureVersion !== '1.0')
      return gatewayError(400, 'InvalidSignatureVersion', 'Specified signature version is not supported.');
    if (form.Version !== '2019-08-21')
      return gatewayError(400, 'InvalidVersion.NotFound', `Specified parameter Version is not valid.`);
    if (!TIMESTAMP.test(form.Timestamp!))
      return gatewayError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
    const skew = Math.abs(Date.parse(form.Timestamp!) - (Date.now() + (options.clockSkewMs ?? 0)));
    if (skew > MAX_SKEW_MS)
      return gatewayError(400, 'InvalidTimeStamp.Expired', `Specified time stamp or date value is expired.`);
    const secret = options.keys[form.AccessKeyId!];
    if (secret === undefined)
      return gatewayError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    const { signature, stringToSign } = expectedSignature(form, secret);
    if (signature !== form.Signature)
      return gatewayError(
        400,
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
      );
    if (nonces.has(form.SignatureNonce!))
      return gatewayError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    nonces.add(form.SignatureNonce!);

    const required = REQUIRED[form.Action!];
    if (!required) return gatewayError(404, 'InvalidAction.NotFound', `Specified api is not found.`);
    for (const name of required) {
      if (!form[name])
        return gatewayError(
          400,
          'MissingParameter',
          `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
        );
    }
    if (form.AppId !== options.appId || form.WorkspaceId !== options.workspaceId)
      return pushResult(false, 'APP_NOT_EXIST: app or workspace not found');
    if (!['1', '2', '3', '5', '6', '7'].includes(form.DeliveryType!))
      return pushResult(false, 'PARAM_INVALID: deliveryType is invalid');
    const targets = jsonMap(form.TargetMsgkey);
    if (!targets || Object.keys(targets).length === 0)
      return pushResult(false, 'PARAM_INVALID: targetMsgkey is invalid');
    if (Object.keys(targets).length > 10) return pushResult(false, 'PARAM_INVALID: targetMsgkey more than 10');
    if (!/^[1-9]\d*$/.test(form.ExpiredSeconds!)) return pushResult(false, 'PARAM_INVALID: expiredSeconds is invalid');
    if (form.NotifyType !== undefined && !['notify', 'transparent'].includes(form.NotifyType))
      return pushResult(false, 'PARAM_INVALID: notifyType is invalid');
    if (form.SmsStrategy !== undefined && form.SmsStrategy !== '0') {
      if (!form.SmsSignName || !form.SmsTemplateCode || !form.SmsTemplateParam)
        return pushResult(false, 'PARAM_INVALID: sms params required when smsStrategy is not 0');
    }
    const strategy = form.StrategyType ?? '0';
    if (strategy !== '0' && !jsonMap(form.StrategyContent))
      return pushResult(false, 'PARAM_INVALID: strategyContent is required');
    for (const name of [
      'ExtendedParams',
      'ThirdChannelCategory',
      'NotifyLevel',
      'SmsTemplateParam',
      'TemplateKeyValue',
    ]) {
      if (form[name] !== undefined && !jsonMap(form[name]))
        return pushResult(false, `PARAM_INVALID: ${name} must be a JSON map`);
    }
    if (form.Action === 'PushSimple') {
      const size = Buffer.byteLength(form.Title! + form.Content! + (form.Uri ?? '') + (form.ExtendedParams ?? ''));
      if (size > 2048) return pushResult(false, 'MSG_TOO_LONG: message body exceeds 2KB');
    } else {
      const placeholders = options.templates?.[form.TemplateName!];
      if (!placeholders) return pushResult(false, 'TEMPLATE_NOT_EXIST: template not found');
      const values = jsonMap(form.TemplateKeyValue) ?? {};
      const missing = placeholders.filter((name) => typeof values[name] !== 'string');
      if (missing.length > 0) return pushResult(false, `PARAM_INVALID: template key ${missing.join(',')} missing`);
    }
    accepted.push({ action: form.Action!, form });
    pushResult(true, '', strategy === '0' ? '' : randomBytes(16).toString('hex'));
  });
  return Object.assign(server, { accepted, nonces });
}
