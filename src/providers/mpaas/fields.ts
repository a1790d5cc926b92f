import { isPlainObject } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';

/**
 * `options` for mPaaS: the 模板推送 (PushTemplate) document (https://help.aliyun.com/document_detail/2871127.html)
 * spells API fields in camelCase (`expiredSeconds`, `smsStrategy`) and one in
 * PascalCase (`StrategyContent`); on the wire every RPC parameter is PascalCase (`ExpiredSeconds`,
 * `StrategyContent`), as the official SDKs send them. So an option key maps to its wire name by upper-casing
 * the first letter, exactly like `@alicloud/pop-core`. Known fields are validated; unknown keys pass through
 * unchanged so every field of the API stays reachable. Map and object values travel as JSON strings.
 */

export const TEMPLATE_NAME = 'TemplateName';
export const TEMPLATE_KEY_VALUE = 'TemplateKeyValue';
export const DEFAULT_EXPIRED_SECONDS = 300;

/** Set from inputs and targets, or by the signer: `options` cannot replace them. */
const RESERVED = new Set([
  'AppId',
  'WorkspaceId',
  'TargetMsgkey',
  'Action',
  'Format',
  'Version',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Signature',
  'SecurityToken',
]);

const DELIVERY_TYPES = [1, 2, 3, 5, 6, 7];

export interface MpaasOptions {
  /** PushTemplate when set. */
  templateName?: string;
  /** Liquid sources of the template parameters, rendered per run. */
  templateKeyValue?: Record<string, string>;
  /** Every other wire parameter, already a string. */
  params: Record<string, string>;
  /** `options.deliveryType`: overrides the target's type (Live Activity 5/6). */
  deliveryType?: number;
  /**
   * `ResultCode` values that mean success (default `["OK"]`). "OK" appears only as the example value in the
   * 模板推送 document's reply table, not in a documented list of codes, so it is configurable.
   * Read by the adapter, never sent.
   */
  successCodes: string[];
}

export const DEFAULT_SUCCESS_CODES = ['OK'];

function fail(problem: string, expected: string): never {
  throw new ConfigError('options', problem, expected);
}

export function wireName(key: string): string {
  return key.slice(0, 1).toUpperCase() + key.slice(1);
}

/** A map given as an object or as a JSON string of an object. */
function objectValue(key: string, value: unknown): Record<string, unknown> {
  if (isPlainObject(value)) return value;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isPlainObject(parsed)) return parsed;
    } catch {
      // reported below
    }
  }
  return fail(`'${key}' must be a map`, `an object (or a JSON string of one), e.g. ${key}: {"key": "value"}`);
}

function stringMap(key: string, value: unknown): Record<string, string> {
  const map = objectValue(key, value);
  const out: Record<string, string> = {};
  for (const [name, item] of Object.entries(map)) {
    if (typeof item !== 'string' && typeof item !== 'number')
      fail(`'${key}.${name}' must be a string or a number`, `a map of vendor name to value`);
    out[name] = String(item);
  }
  return out;
}

function integer(key: string, value: unknown, allowed?: readonly number[], min = 0): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min)
    fail(
      `'${key}' must be ${min > 0 ? 'a positive' : 'a non-negative'} whole number, not ${JSON.stringify(value)}`,
      `a whole number of at least ${min}`,
    );
  if (allowed && !allowed.includes(number)) fail(`'${key}' is ${number}`, `one of ${allowed.join(', ')}`);
  return number;
}

function oneOf(key: string, value: unknown, allowed: readonly string[]): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !allowed.includes(text))
    fail(`'${key}' is ${JSON.stringify(value)}`, `one of ${allowed.map((item) => `'${item}'`).join(', ')}`);
  return text;
}

function text(key: string, value: unknown): string {
  if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '')
    fail(`'${key}' must be a non-empty string`, 'some text');
  return String(value);
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

/** StrategyContent per the 模板推送 field table; the timing fields a strategy type needs must be present. */
function strategyContent(key: string, value: unknown, strategyType: number): string {
  const content = objectValue(key, value);
  for (const field of ['fixedTime', 'startTime', 'endTime'] as const) {
    if (content[field] !== undefined) integer(`${key}.${field}`, content[field], undefined, 1);
  }
  if (content.circleType !== undefined) integer(`${key}.circleType`, content.circleType);
  if (content.circleValue !== undefined) {
    if (!Array.isArray(content.circleValue))
      fail(`'${key}.circleValue' must be a list of whole numbers`, 'e.g. [1, 7]');
    content.circleValue.forEach((item, index) => integer(`${key}.circleValue[${index}]`, item));
  }
  if (content.time !== undefined && (typeof content.time !== 'string' || !TIME_OF_DAY.test(content.time)))
    fail(`'${key}.time' is ${JSON.stringify(content.time)}`, "a time of day 'HH:mm:ss'");
  const required =
    strategyType === 1 ? ['fixedTime'] : strategyType === 2 ? ['startTime', 'endTime', 'circleType', 'time'] : [];
  const missing = required.filter((field) => content[field] === undefined);
  if (missing.length > 0)
    fail(
      `strategyType ${strategyType} (${strategyType === 1 ? 'scheduled' : 'recurring'}) needs ${missing.map((f) => `${key}.${f}`).join(', ')}`,
      'the strategy fields of the mPaaS StrategyContent table',
    );
  if (
    content.startTime !== undefined &&
    content.endTime !== undefined &&
    Number(content.endTime) < Number(content.startTime)
  )
    fail(`'${key}.endTime' is before startTime`, 'an endTime after startTime');
  return typeof value === 'string' ? value : JSON.stringify(content);
}

/** Validates `options` and returns the wire parameters. Pure: throws ConfigError naming `options`. */
export function parseMpaasOptions(options: Readonly<Record<string, unknown>>): MpaasOptions {
  const raw: Record<string, { key: string; value: unknown }> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const name = wireName(key);
    if (RESERVED.has(name))
      fail(
        `'${key}' is set by the action`,
        'AppId from `app-id`, WorkspaceId from `workspace-id`, TargetMsgkey from `target`; signing parameters are computed',
      );
    if (raw[name]) fail(`'${raw[name].key}' and '${key}' are the same mPaaS field`, 'one of them');
    if (value === null || value === undefined) continue;
    raw[name] = { key, value };
  }
  const has = (name: string) => raw[name] !== undefined;
  const get = (name: string) => raw[name]!.value;
  const label = (name: string) => raw[name]?.key ?? name;

  const params: Record<string, string> = {};
  const result: MpaasOptions = { params, successCodes: DEFAULT_SUCCESS_CODES };

  if (has('SuccessCodes')) {
    const value = get('SuccessCodes');
    const codes = typeof value === 'string' ? value.split(',').map((code) => code.trim()) : value;
    if (!Array.isArray(codes) || codes.length === 0 || codes.some((code) => typeof code !== 'string' || !code))
      fail(`'${label('SuccessCodes')}' must list ResultCode values`, 'e.g. successCodes: ["OK"]');
    result.successCodes = codes as string[];
  }

  if (has(TEMPLATE_NAME)) result.templateName = text(label(TEMPLATE_NAME), get(TEMPLATE_NAME));
  if (has(TEMPLATE_KEY_VALUE)) {
    if (!result.templateName)
      fail(
        `'${label(TEMPLATE_KEY_VALUE)}' needs 'templateName'`,
        'the name of a template created in the mPaaS console',
      );
    result.templateKeyValue = stringMap(label(TEMPLATE_KEY_VALUE), get(TEMPLATE_KEY_VALUE));
  }

  params.ExpiredSeconds = String(
    has('ExpiredSeconds')
      ? integer(label('ExpiredSeconds'), get('ExpiredSeconds'), undefined, 1)
      : DEFAULT_EXPIRED_SECONDS,
  );
  if (has('DeliveryType')) result.deliveryType = integer(label('DeliveryType'), get('DeliveryType'), DELIVERY_TYPES);
  if (has('Classification')) params.Classification = oneOf(label('Classification'), get('Classification'), ['0', '1']);
  if (has('TaskName')) params.TaskName = text(label('TaskName'), get('TaskName'));
  if (has('NotifyType')) params.NotifyType = oneOf(label('NotifyType'), get('NotifyType'), ['notify', 'transparent']);
  if (has('ExtendedParams'))
    params.ExtendedParams = JSON.stringify(objectValue(label('ExtendedParams'), get('ExtendedParams')));

  const strategyType = has('StrategyType') ? integer(label('StrategyType'), get('StrategyType'), [0, 1, 2]) : 0;
  if (has('StrategyType')) params.StrategyType = String(strategyType);
  if (has('StrategyContent')) {
    params.StrategyContent = strategyContent(label('StrategyContent'), get('StrategyContent'), strategyType);
  } else if (strategyType !== 0) {
    fail(
      `strategyType ${strategyType} needs 'StrategyContent'`,
      'StrategyContent with fixedTime (scheduled) or startTime, endTime, circleType, circleValue and time (recurring)',
    );
  }

  if (has('TransparentMessagePayload'))
    params.TransparentMessagePayload = JSON.stringify(
      objectValue(label('TransparentMessagePayload'), get('TransparentMessagePayload')),
    );
  if (has('TransparentMessageUrgency')) {
    if (!has('TransparentMessagePayload'))
      fail(
        `'${label('TransparentMessageUrgency')}' only applies with 'transparentMessagePayload'`,
        "'transparentMessagePayload' as well, or no urgency",
      );
    params.TransparentMessageUrgency = oneOf(label('TransparentMessageUrgency'), get('TransparentMessageUrgency'), [
      'HIGH',
      'NORMAL',
    ]);
  }

  // The 模板推送 document: when smsStrategy is not 0, smsSignName, smsTemplateCode and smsTemplateParam are required.
  const smsStrategy = has('SmsStrategy') ? integer(label('SmsStrategy'), get('SmsStrategy')) : 0;
  if (has('SmsStrategy')) params.SmsStrategy = String(smsStrategy);
  if (has('SmsSignName')) params.SmsSignName = text(label('SmsSignName'), get('SmsSignName'));
  if (has('SmsTemplateCode')) params.SmsTemplateCode = text(label('SmsTemplateCode'), get('SmsTemplateCode'));
  if (has('SmsTemplateParam'))
    params.SmsTemplateParam = JSON.stringify(objectValue(label('SmsTemplateParam'), get('SmsTemplateParam')));
  if (smsStrategy !== 0) {
    const missing = ['SmsSignName', 'SmsTemplateCode', 'SmsTemplateParam'].filter((name) => !has(name));
    if (missing.length > 0)
      fail(
        `smsStrategy ${smsStrategy} needs ${missing.map((name) => `'${name.slice(0, 1).toLowerCase()}${name.slice(1)}'`).join(', ')}`,
        'smsSignName, smsTemplateCode and smsTemplateParam whenever smsStrategy is not 0',
      );
  }

  if (has('ThirdChannelCategory'))
    params.ThirdChannelCategory = JSON.stringify(stringMap(label('ThirdChannelCategory'), get('ThirdChannelCategory')));
  if (has('NotifyLevel')) params.NotifyLevel = JSON.stringify(stringMap(label('NotifyLevel'), get('NotifyLevel')));
  if (has('MiChannelId')) params.MiChannelId = text(label('MiChannelId'), get('MiChannelId'));

  if (has('ActivityEvent'))
    params.ActivityEvent = oneOf(label('ActivityEvent'), get('ActivityEvent'), ['update', 'end']);
  if (has('ActivityContentState'))
    params.ActivityContentState = JSON.stringify(
      objectValue(label('ActivityContentState'), get('ActivityContentState')),
    );
  if (has('DismissalDate'))
    params.DismissalDate = String(integer(label('DismissalDate'), get('DismissalDate'), undefined, 1));

  if (has('PushAction')) params.PushAction = String(integer(label('PushAction'), get('PushAction'), [0, 1]));
  if (has('Silent')) params.Silent = String(integer(label('Silent'), get('Silent'), [0, 1]));
  if (has('PushStyle')) params.PushStyle = String(integer(label('PushStyle'), get('PushStyle'), [0, 1, 2]));

  // Anything else (newer fields, Title/Content/Uri overrides) passes through as the user spelled its value.
  const handled = new Set([TEMPLATE_NAME, TEMPLATE_KEY_VALUE, 'DeliveryType', 'SuccessCodes', ...Object.keys(params)]);
  for (const [name, { value }] of Object.entries(raw)) {
    if (handled.has(name)) continue;
    params[name] =
      typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return result;
}
