import type { CodeEntry, CodeTable } from '../codes.js';

/**
 * Alibaba Cloud gateway errors ({RequestId, Code, Message}, usually with an HTTP 4xx/5xx) and what the user can
 * do about them. Codes are matched exactly first, then by prefix (Throttling.User, Throttling.Api …).
 */
export const MPAAS_GATEWAY_CODES: CodeTable = {
  SignatureDoesNotMatch: {
    meaning: 'the signature does not match',
    hint: 'check `secret`: it must be the AccessKeySecret that belongs to the AccessKeyId in `token`',
    retry: 'never',
  },
  'InvalidAccessKeyId.NotFound': {
    meaning: 'the AccessKeyId does not exist',
    hint: 'check `token`: it must be an AccessKeyId of the Alibaba Cloud account (or RAM user) that owns the mPaaS app',
    retry: 'never',
  },
  'InvalidAccessKeyId.Inactive': {
    meaning: 'the AccessKeyId is disabled',
    hint: 'enable the AccessKey in the RAM console or use another one',
    retry: 'never',
  },
  'InvalidTimeStamp.Expired': {
    meaning: 'the request timestamp is too far from the server time',
    hint: "the runner's clock is off by more than 15 minutes: check its time synchronisation",
    retry: 'never',
  },
  'InvalidTimeStamp.Format': { meaning: 'the timestamp is malformed', retry: 'never' },
  SignatureNonceUsed: {
    meaning: 'the signature nonce was already used',
    hint: 'a request was replayed: every attempt must carry a fresh SignatureNonce',
    retry: 'never',
  },
  'Forbidden.RAM': {
    meaning: 'the RAM user may not call this API',
    hint: 'grant the AliyunMPAASFullAccess policy (or an app-level mPaaS permission) to the RAM user',
    retry: 'never',
  },
  Forbidden: { meaning: 'access denied', hint: 'check the RAM permissions of the AccessKey', retry: 'never' },
  'Forbidden.AccessKeyDisabled': { meaning: 'the AccessKey is disabled', retry: 'never' },
  MissingParameter: {
    meaning: 'a required parameter is missing',
    hint: 'check `app-id`, `workspace-id`, `target` and `options`',
    retry: 'never',
  },
  InvalidParameter: { meaning: 'a parameter is invalid', hint: 'check `options` and `target`', retry: 'never' },
  'InvalidAction.NotFound': {
    meaning: 'the API action is unknown at this endpoint',
    hint: 'check `endpoint`: it must be the mPaaS OpenAPI host',
    retry: 'never',
  },
  'InvalidVersion.NotFound': { meaning: 'the API version is unknown', retry: 'never' },
  Throttling: {
    meaning: 'the request was throttled',
    hint: 'mPaaS limits the call rate; it is retried',
    retry: 'retry',
  },
  ServiceUnavailable: { meaning: 'the service is unavailable', retry: 'retry' },
  InternalError: { meaning: 'internal error at Alibaba Cloud', retry: 'retry' },
  UnknownError: { meaning: 'unknown error at Alibaba Cloud', retry: 'retry' },
};

export function lookupGatewayCode(code: string): CodeEntry | undefined {
  if (Object.hasOwn(MPAAS_GATEWAY_CODES, code)) return MPAAS_GATEWAY_CODES[code];
  if (code.startsWith('Throttling')) return MPAAS_GATEWAY_CODES.Throttling;
  if (code.startsWith('InvalidAccessKeyId')) return MPAAS_GATEWAY_CODES['InvalidAccessKeyId.NotFound'];
  if (code.startsWith('Forbidden')) return MPAAS_GATEWAY_CODES.Forbidden;
  return undefined;
}
