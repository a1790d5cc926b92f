import { createHash } from 'node:crypto';
import { deepMerge, isPlainObject, omitKeys } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { credentialFingerprint, deliveryKey } from '../../model/idempotency.js';
import { renderBody, renderTitle, type Message } from '../../render/message.js';
import type { MessageLimits } from '../../render/limits.js';
import { joinUrl, resolveBaseUrl } from '../endpoint.js';
import type { DeliveryPlan, PlanEnvironment, ProviderAdapter, ProviderSettings } from '../types.js';
import { BROADCAST_INTERVAL_MS } from './codes.js';
import { checkOptions, checkSchedule, nestNotifyObjects } from './options.js';
import { interpretPush } from './reply.js';
import { mobpushSign } from './sign.js';
import { batches, parseTargets, pushTargetFor, type MobpushTarget } from './targets.js';
import { trackPush } from './track.js';
import { descriptor } from './descriptor.js';
import { descriptorFacts } from '../descriptor.js';
import { own } from '../../model/own.js';

type MobpushFormat = 'notification' | 'custom';

const PLATFORMS: Record<string, number> = { android: 1, ios: 2 };
const CHANNEL_FORM = "'android', 'ios' or 'android,ios' (default: both)";

export interface MobpushSettings {
  /** AppKey: the `key` header and the body's `appkey`. */
  appKey: string;
  /** AppSecret: only ever an input of the signature, never sent. */
  appSecret: string;
  baseUrl: string;
  /** pushNotify.plats: 1 Android, 2 iOS. */
  plats: number[];
  format: MobpushFormat;
  targets: MobpushTarget[];
  options: Record<string, unknown>;
}

/** The descriptor's limits (why they are what they are: descriptor.ts). */
const LIMITS: MessageLimits = descriptor.limits('notification');

function parseChannel(raw: string | undefined): number[] {
  const names = (raw?.trim() || 'android,ios')
    .toLowerCase()
    .split(/[,\s]+/)
    .filter(Boolean);
  const plats = new Set<number>();
  for (const name of names) {
    const plat = own(PLATFORMS, name);
    if (!plat) throw new ConfigError('channel', `unknown MobPush platform '${name}'`, CHANNEL_FORM);
    plats.add(plat);
  }
  return [...plats].sort();
}

/** The default tap action: open the run (or the release page) when the message has a link. */
function defaultForward(message: Message, options: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!message.link) return undefined;
  const user = options.pushForward;
  // A user who picked another action (home page, scheme, intent) must not inherit our url.
  if (isPlainObject(user) && user.nextType !== undefined && user.nextType !== 1) return undefined;
  return { nextType: 1, url: message.link };
}

/** Identifies the message content, so two different notifications to one target in one job get two worknos. */
function contentDigest(title: string, content: string, format: string, message: Message): string {
  return createHash('sha256')
    .update([format, title, content, JSON.stringify(message.context.matrix ?? {})].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}

export const mobpush: ProviderAdapter<MobpushSettings> = {
  ...descriptorFacts(descriptor),
  idempotencyKey: 'workno',

  parse(settings: ProviderSettings): MobpushSettings {
    // Required credentials, format and target grammar are checked by core against the descriptor (checks.ts).
    const appKey = settings.token!.trim();
    if (!/^[A-Za-z0-9]{4,64}$/.test(appKey)) {
      throw new ConfigError(
        'token',
        'does not look like a MobPush AppKey',
        'the AppKey (letters and digits), e.g. 2f2d7a68f8a40',
      );
    }
    const appSecret = settings.secret!.trim();
    if (/\s/.test(appSecret))
      throw new ConfigError('secret', 'contains whitespace', 'the AppSecret exactly as shown in the console');
    const format = (settings.format || descriptor.defaultFormat) as MobpushFormat;
    const options = nestNotifyObjects(settings.options);
    checkOptions(options);
    const optionsTarget = isPlainObject(options.pushTarget) && options.pushTarget.target !== undefined;
    return {
      appKey,
      appSecret,
      baseUrl: resolveBaseUrl(this.defaultEndpoint, settings.endpoint),
      plats: parseChannel(settings.channel),
      format,
      targets: parseTargets(settings.target, optionsTarget),
      options,
    };
  },

  plan(parsed, message, env): DeliveryPlan[] {
    checkSchedule(parsed.options, env.now());
    const content = renderBody(message, 'text', LIMITS.body);
    const title = renderTitle(message, LIMITS.title);
    const digest = contentDigest(title, content, parsed.format, message);
    const userWorkno = typeof parsed.options.workno === 'string' ? parsed.options.workno : undefined;
    const rest = omitKeys(parsed.options, ['workno']);
    const forward = defaultForward(message, rest);
    const url = joinUrl(parsed.baseUrl, '/v3/push/createPush');

    const jobs = parsed.targets.flatMap((target) => {
      const groups = batches(target);
      return groups.map((items, index) => ({ target, items, index, count: groups.length }));
    });

    return jobs.map(({ target, items, index, count }, position) => {
      const label = count > 1 ? `${target.label} (batch ${index + 1}/${count})` : target.label;
      // Same run, run attempt, target, batch and content → same workno, so a retry can never push twice.
      const workno = userWorkno
        ? jobs.length > 1
          ? `${userWorkno}-${position + 1}`
          : userWorkno
        : deliveryKey(message.context, 'mobpush', `${target.canonical}#${index + 1}/${count}#${digest}`);
      const pushNotify: Record<string, unknown> = {
        plats: parsed.plats,
        title,
        content,
        type: parsed.format === 'custom' ? 2 : 1,
      };
      if (parsed.format === 'custom') pushNotify.customNotify = { customType: 'text', customTitle: title };
      const base: Record<string, unknown> = {
        workno,
        source: 'webapi',
        appkey: parsed.appKey,
        pushTarget: pushTargetFor(target, items),
        pushNotify,
      };
      if (forward) base.pushForward = forward;
      const merged = deepMerge(base, rest);
      // `null` in options removes a default (e.g. `pushForward: null` for no tap action).
      for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
      const body = JSON.stringify(merged);
      // A broadcast has its own cap (one a minute, 100 a day per app): its own window keeps a retry (or a second
      // broadcast of the same app in this run) a minute after the last one instead of spending a call on a refusal.
      const broadcast = isPlainObject(merged.pushTarget) && Number(merged.pushTarget.target) === 1;
      const sign = mobpushSign(body, parsed.appSecret);
      // Derived from the secret: never printed, not even in a dry run.
      env.secrets.add(sign);
      let attempt = 1;
      return {
        target: label,
        idempotencyKey: workno,
        exchange: {
          label: `mobpush ${label}`,
          build: (n: number) => {
            attempt = n;
            return {
              method: 'POST' as const,
              url,
              headers: { 'content-type': 'application/json', key: parsed.appKey, sign },
              body,
            };
          },
          interpret: (reply) => interpretPush(reply, attempt, workno, broadcast),
          idempotent: true,
          ...(broadcast
            ? {
                rateKey: `mobpush-broadcast:${credentialFingerprint(parsed.appKey)}`,
                rateLimit: { requests: 1, perMs: BROADCAST_INTERVAL_MS },
              }
            : { rateKey: `mobpush:${credentialFingerprint(parsed.appKey)}`, rateLimit: this.rateLimit }),
        },
      };
    });
  },

  track(parsed, handle, env: PlanEnvironment) {
    return trackPush(parsed, handle, env);
  },
};
