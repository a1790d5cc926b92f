/**
 * `ci-notifier doctor` (and the action's `doctor: true`): checks destinations without sending. For each one: the
 * credential forms (core's checks and the adapter's parse, as a send would run them); for the application channels
 * and Easemob the token request and the read-only calls that prove the permission and the recipients (the
 * adapter's `probe`); on request the machine's egress IP (for allow-lists) and one short test message, whose
 * refusal is explained by the provider's code table (which security setting, what to change, where).
 */
import type { Locale, NotifyConfig } from '../model/config.js';
import type { CiContext } from '../model/context.js';
import { ConfigError, describeError, problemOf, toError } from '../model/errors.js';
import type { SecretRegistry } from '../model/secrets.js';
import { loadSettingsCheck } from '../providers/checks.js';
import { getDescriptor, loadAdapter } from '../providers/registry.js';
import type { PlanEnvironment, ProbeCheck } from '../providers/types.js';
import { DEFAULT_LOCALE } from '../render/locale.js';
import type { FetchFunction } from '../transport/proxy.js';
import { Transport } from '../transport/transport.js';
import type { Logger } from '../transport/types.js';
import { notify, settingsOf } from './notify.js';

/** What doctor reports per line. */
export interface DoctorLine {
  /** The destination (provider and target), or '' for machine-wide checks (egress IP). */
  destination: string;
  check: ProbeCheck['check'] | 'credentials' | 'egress-ip' | 'send-test' | 'read-only';
  subject?: string;
  /** `skipped` lines (a service with no read-only call) do not fail the run. */
  result: 'pass' | 'fail' | 'skipped';
  detail?: string;
  code?: string | number;
  hint?: string;
  durationMs: number;
}

export interface DoctorReport {
  lines: DoctorLine[];
  /** True when every check passed (skipped lines aside). */
  ok: boolean;
}

export interface DoctorOptions {
  /** Ask an echo service for this machine's public address (`--egress-ip`). */
  egressIp?: boolean;
  /** The echo service: JSON `{"ip":"…"}` or the bare address as text. */
  egressIpUrl?: string;
  /** Send one short test message per destination (`--send-test`). */
  sendTest?: boolean;
  /** The CI context a test message is rendered from. */
  context?: CiContext;
}

export interface DoctorDependencies {
  secrets: SecretRegistry;
  logger: Logger;
  fetch?: FetchFunction;
  now?: () => number;
  retryBaseDelayMs?: number;
}

/** https://www.ipify.org: plain HTTPS, no key, answers `{"ip":"…"}`. */
export const DEFAULT_EGRESS_IP_URL = 'https://api.ipify.org?format=json';

const TEST_TEMPLATE = {
  en: '### ci-notifier doctor\n\nA test message from `ci-notifier doctor --send-test`: this destination works.',
  'zh-CN': '### ci-notifier 诊断\n\n这是 `ci-notifier doctor --send-test` 发送的测试消息：此通知渠道可用。',
} as const;

/** The destination as a line names it: the provider and its target, never a credential. */
function destinationOf(config: NotifyConfig, index: number, count: number): string {
  const target = (config.target ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(', ');
  const name = `${config.provider}${target ? ` ${target}` : ''}`;
  return count > 1 ? `${index + 1}. ${name}` : name;
}

async function timed<T>(now: () => number, run: () => Promise<T>): Promise<{ value: T; durationMs: number }> {
  const started = now();
  const value = await run();
  return { value, durationMs: Math.round(now() - started) };
}

/** Runs every check over the destinations; never throws for a failed check (that is a line). */
export async function runDoctor(
  configs: readonly NotifyConfig[],
  deps: DoctorDependencies,
  options: DoctorOptions = {},
): Promise<DoctorReport> {
  const now = deps.now ?? Date.now;
  const lines: DoctorLine[] = [];
  for (const [index, config] of configs.entries()) {
    deps.secrets.add(config.token);
    deps.secrets.add(config.secret);
    deps.secrets.add(config.appSecret);
    const destination = destinationOf(config, index, configs.length);
    const transport = new Transport({
      timeoutMs: config.timeoutMs,
      retries: Math.min(config.retries, 1),
      deadline: now() + config.deadlineMs,
      secrets: deps.secrets,
      logger: deps.logger,
      fetch: deps.fetch,
      now,
      baseDelayMs: deps.retryBaseDelayMs,
    });
    const env: PlanEnvironment = {
      transport,
      secrets: deps.secrets,
      logger: deps.logger,
      dryRun: false,
      now,
      deadline: now() + config.deadlineMs,
    };

    // 1. Credential forms: the same checks a send runs before any request.
    const started = now();
    let parsed: unknown;
    let adapter: Awaited<ReturnType<typeof loadAdapter>> | undefined;
    try {
      const checked = (await loadSettingsCheck(getDescriptor(config.provider)))(settingsOf(config));
      adapter = await loadAdapter(config.provider);
      parsed = adapter.parse(checked);
      lines.push({ destination, check: 'credentials', result: 'pass', durationMs: Math.round(now() - started) });
    } catch (thrown) {
      const error = toError(thrown);
      lines.push({
        destination,
        check: 'credentials',
        result: 'fail',
        detail: deps.secrets.redact(error instanceof ConfigError ? error.message : describeError(error)),
        durationMs: Math.round(now() - started),
      });
      continue;
    }

    // 2. Token and read-only calls, where the service has them.
    if (adapter.probe) {
      const { value: checks, durationMs } = await timed(now, () => adapter.probe!(parsed, env));
      for (const check of checks)
        lines.push({
          destination,
          check: check.check,
          subject: check.subject,
          result: check.ok ? 'pass' : 'fail',
          detail: check.detail === undefined ? undefined : deps.secrets.redact(check.detail),
          code: check.code,
          hint: check.hint,
          durationMs: Math.round(durationMs / Math.max(1, checks.length)),
        });
    } else {
      lines.push({
        destination,
        check: 'read-only',
        result: 'skipped',
        detail: `${adapter.displayName} has no token or read-only call; --send-test proves the destination`,
        durationMs: 0,
      });
    }

    // 3. One short test message.
    if (options.sendTest && options.context) {
      const locale: Locale = config.locale ?? DEFAULT_LOCALE;
      const { value: outcome, durationMs } = await timed(now, () =>
        notify(
          {
            ...config,
            template: TEST_TEMPLATE[locale],
            title: '',
            notifyOn: [],
            updateMessage: undefined,
            replyTo: undefined,
            waitForDeliveryMs: 0,
            dryRun: false,
          },
          options.context!,
          { secrets: deps.secrets, logger: deps.logger, fetch: deps.fetch, now },
        ).catch((thrown: unknown) => toError(thrown)),
      );
      if (outcome instanceof Error) {
        lines.push({
          destination,
          check: 'send-test',
          result: 'fail',
          detail: deps.secrets.redact(describeError(outcome)),
          durationMs,
        });
      } else {
        for (const result of outcome.results)
          lines.push({
            destination,
            check: 'send-test',
            subject: result.target,
            result: result.ok ? 'pass' : 'fail',
            detail: result.ok ? (result.id ? `message id ${result.id}` : undefined) : result.message,
            code: result.code,
            durationMs,
          });
      }
    }
  }

  if (options.egressIp) lines.push(await egressIp(deps, options.egressIpUrl ?? DEFAULT_EGRESS_IP_URL, now));
  return { lines, ok: lines.every((line) => line.result !== 'fail') };
}

/** The machine's public address, as the services' allow-lists see it. */
async function egressIp(deps: DoctorDependencies, url: string, now: () => number): Promise<DoctorLine> {
  const transport = new Transport({
    timeoutMs: 10_000,
    retries: 1,
    deadline: now() + 30_000,
    secrets: deps.secrets,
    logger: deps.logger,
    fetch: deps.fetch,
    now,
    baseDelayMs: deps.retryBaseDelayMs,
  });
  const started = now();
  try {
    const outcome = await transport.exchange({
      label: 'egress IP',
      build: () => ({ method: 'GET', url, headers: { accept: 'application/json' } }),
      interpret: (reply) => {
        if (reply.status < 200 || reply.status >= 300)
          return { ok: false, message: `HTTP ${reply.status}`, retry: 'safe' };
        const json = reply.json as { ip?: unknown } | undefined;
        const ip = typeof json?.ip === 'string' ? json.ip : reply.text.trim();
        if (!/^[\d.]+$|^[\da-f:]+$/i.test(ip)) return { ok: false, message: 'no address in the reply', retry: 'never' };
        return { ok: true, id: ip };
      },
      idempotent: true,
    });
    return {
      destination: '',
      check: 'egress-ip',
      result: 'pass',
      detail: outcome.verdict.id,
      hint: 'add this address to the allow-lists (DingTalk, WeCom trusted IPs, Feishu IP allow-list) only if it is fixed; CI runners change address',
      durationMs: Math.round(now() - started),
    };
  } catch (thrown) {
    return {
      destination: '',
      check: 'egress-ip',
      result: 'fail',
      detail: problemOf(toError(thrown)),
      durationMs: Math.round(now() - started),
    };
  }
}

/** The words of doctor's lines in each locale. */
const WORDS: Record<Locale, Record<DoctorLine['check'] | 'title' | 'summaryOk' | 'summaryFail' | 'hint', string>> = {
  en: {
    title: 'ci-notifier doctor',
    credentials: 'credentials and inputs',
    token: 'token request',
    'bot-in-chat': 'bot is in the chat',
    user: 'user exists',
    group: 'group exists',
    app: 'app and its visibility',
    'read-only': 'read-only check',
    'egress-ip': 'egress IP',
    'send-test': 'test message',
    hint: 'fix',
    summaryOk: 'every check passed',
    summaryFail: 'some checks failed',
  },
  'zh-CN': {
    title: 'ci-notifier 诊断',
    credentials: '凭证与输入',
    token: '获取访问令牌',
    'bot-in-chat': '机器人在群内',
    user: '用户存在',
    group: '群组存在',
    app: '应用及可见范围',
    'read-only': '只读检查',
    'egress-ip': '出口 IP',
    'send-test': '测试消息',
    hint: '处理方法',
    summaryOk: '全部检查通过',
    summaryFail: '部分检查未通过',
  },
};

const MARK = { pass: '✓', fail: '✗', skipped: '–' } as const;

function labelOf(line: DoctorLine, locale: Locale): string {
  return `${WORDS[locale][line.check]}${line.subject ? ` (${line.subject})` : ''}`;
}

/** One line per check, ✓ / ✗, in the locale; the hint on the next line. */
export function doctorText(report: DoctorReport, locale: Locale = DEFAULT_LOCALE): string {
  const words = WORDS[locale];
  const out: string[] = [];
  let destination: string | undefined;
  for (const line of report.lines) {
    if (line.destination !== destination) {
      destination = line.destination;
      if (destination) out.push(destination);
    }
    const code =
      line.code !== undefined && !String(line.detail ?? '').includes(String(line.code)) ? ` [${line.code}]` : '';
    out.push(`  ${MARK[line.result]} ${labelOf(line, locale)}${line.detail ? `: ${line.detail}` : ''}${code}`);
    if (line.hint && line.result === 'fail') out.push(`      ${words.hint}: ${line.hint}`);
  }
  out.push(report.ok ? words.summaryOk : words.summaryFail);
  return `${out.join('\n')}\n`;
}

/** The job summary table: destination, check, result, detail, time. */
export function doctorMarkdown(report: DoctorReport, locale: Locale = DEFAULT_LOCALE): string {
  const words = WORDS[locale];
  // Table cells: no pipes or line breaks from a service's text; no HTML.
  const cell = (text: string | number | undefined) =>
    String(text ?? '')
      .replace(/[|\\]/g, (char) => `\\${char}`)
      .replace(/[<>]/g, (char) => (char === '<' ? '&lt;' : '&gt;'))
      .replace(/\r?\n/g, ' ');
  const rows = report.lines.map(
    (line) =>
      `| ${cell(line.destination)} | ${cell(labelOf(line, locale))} | ${MARK[line.result]} | ${cell(line.code)} | ${cell(
        [line.detail, line.result === 'fail' ? line.hint : undefined].filter(Boolean).join(' — '),
      )} | ${line.durationMs} ms |`,
  );
  return [
    `### ${words.title}: ${report.ok ? words.summaryOk : words.summaryFail}`,
    '',
    '| destination | check | result | code | detail | time |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
