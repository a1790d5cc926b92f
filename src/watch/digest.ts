/**
 * The daily or weekly digest (日报 / 周报) of one route: what is red and since when (and who broke it), what
 * recovered, the slowest and the most failing workflows, re-runs that passed (flaky), and the success rate per
 * repository against the previous period. Pure: runs in, data out, then Markdown in either locale, made to fit
 * the service's size limit by listing fewer entries per section rather than cutting the message off.
 */
import type { Locale } from '../model/config.js';
import { escapeMarkdown, neutralizeMentions, safeHref, stripControl } from '../render/escape.js';
import { measure, type TextLimit } from '../render/limits.js';

export type Period = 'daily' | 'weekly';
export const PERIOD_MS: Record<Period, number> = { daily: 86_400_000, weekly: 7 * 86_400_000 };

export interface DigestRun {
  repository: string;
  workflow: string;
  branch?: string;
  event?: string;
  conclusion: string;
  attempt: number;
  createdAt: number;
  startedAt: number;
  completedAt: number;
  url?: string;
  /** Who triggered it (GitHub login). */
  actor?: string;
}

interface WorkflowRef {
  repository: string;
  workflow: string;
  branch?: string;
  url?: string;
}

export interface DigestData {
  from: number;
  to: number;
  red: (WorkflowRef & { since: number; sinceKnown: boolean; who?: string; onPeople: boolean })[];
  recovered: WorkflowRef[];
  slowest: (WorkflowRef & { seconds: number })[];
  mostFailing: (WorkflowRef & { failures: number; runs: number })[];
  flaky: (WorkflowRef & { attempt: number })[];
  rates: { repository: string; url: string; current?: number; previous?: number; runs: number }[];
  runs: number;
}

const isFailure = (run: DigestRun) => ['failure', 'timed_out', 'startup_failure'].includes(run.conclusion);
const isSuccess = (run: DigestRun) => run.conclusion === 'success';

function rate(runs: DigestRun[]): number | undefined {
  const judged = runs.filter((run) => isFailure(run) || isSuccess(run));
  return judged.length === 0 ? undefined : judged.filter(isSuccess).length / judged.length;
}

/**
 * `runs`: completed runs of the route from the start of the previous period on. Red and recovered are judged per
 * workflow and branch, on pushes and schedules (a pull request's red run is its author's business).
 */
export function computeDigest(
  runs: readonly DigestRun[],
  period: Period,
  now: number,
  serverUrl: string,
  people: ReadonlySet<string> = new Set(),
): DigestData {
  const to = now;
  const from = now - PERIOD_MS[period];
  const current = runs.filter((run) => run.createdAt >= from && run.createdAt < to);
  const previous = runs.filter((run) => run.createdAt < from);
  const data: DigestData = {
    from,
    to,
    red: [],
    recovered: [],
    slowest: [],
    mostFailing: [],
    flaky: [],
    rates: [],
    runs: current.length,
  };

  const lines = new Map<string, DigestRun[]>();
  for (const run of runs) {
    if (run.event === 'pull_request' || run.event === 'pull_request_target') continue;
    const key = `${run.repository}\n${run.workflow}\n${run.branch ?? ''}`;
    lines.set(key, [...(lines.get(key) ?? []), run]);
  }
  for (const line of lines.values()) {
    const ordered = line.filter((run) => isFailure(run) || isSuccess(run)).sort((a, b) => b.createdAt - a.createdAt);
    const latest = ordered[0];
    if (!latest) continue;
    const ref = { repository: latest.repository, workflow: latest.workflow, branch: latest.branch, url: latest.url };
    if (isFailure(latest)) {
      let first = latest;
      let index = 0;
      while (index + 1 < ordered.length && isFailure(ordered[index + 1]!)) first = ordered[++index]!;
      const who = first.actor;
      data.red.push({
        ...ref,
        url: first.url ?? ref.url,
        since: first.createdAt,
        sinceKnown: index + 1 < ordered.length,
        who,
        onPeople: who !== undefined && people.has(who.toLowerCase()),
      });
    } else if (
      ordered.some((run) => isFailure(run) && run.createdAt >= from) ||
      (ordered.find((run) => run.createdAt < from) && isFailure(ordered.find((run) => run.createdAt < from)!))
    )
      data.recovered.push(ref);
  }
  data.red.sort((a, b) => a.since - b.since);

  const byWorkflow = new Map<string, DigestRun[]>();
  for (const run of current) {
    const key = `${run.repository}\n${run.workflow}`;
    byWorkflow.set(key, [...(byWorkflow.get(key) ?? []), run]);
  }
  for (const list of byWorkflow.values()) {
    const longest = list.reduce((a, b) => (b.completedAt - b.startedAt > a.completedAt - a.startedAt ? b : a));
    const seconds = Math.round((longest.completedAt - longest.startedAt) / 1000);
    if (seconds > 0)
      data.slowest.push({ repository: longest.repository, workflow: longest.workflow, url: longest.url, seconds });
    const failures = list.filter(isFailure).length;
    if (failures > 0)
      data.mostFailing.push({
        repository: list[0]!.repository,
        workflow: list[0]!.workflow,
        url: list.filter(isFailure).at(-1)?.url,
        failures,
        runs: list.length,
      });
  }
  data.slowest.sort((a, b) => b.seconds - a.seconds);
  data.mostFailing.sort((a, b) => b.failures - a.failures || b.failures / b.runs - a.failures / a.runs);
  for (const run of current)
    if (run.attempt > 1 && isSuccess(run))
      data.flaky.push({
        repository: run.repository,
        workflow: run.workflow,
        branch: run.branch,
        url: run.url,
        attempt: run.attempt,
      });

  const repositories = [...new Set(runs.map((run) => run.repository))].sort();
  for (const repository of repositories) {
    const mine = (list: DigestRun[]) => list.filter((run) => run.repository === repository);
    const now = mine(current);
    if (now.length === 0 && mine(previous).length === 0) continue;
    data.rates.push({
      repository,
      url: `${serverUrl}/${repository}/actions`,
      current: rate(now),
      previous: rate(mine(previous)),
      runs: now.length,
    });
  }
  // The worst first: that is where to look.
  data.rates.sort((a, b) => (a.current ?? 2) - (b.current ?? 2) || a.repository.localeCompare(b.repository));
  return data;
}

const WORDS = {
  'zh-CN': {
    title: { daily: 'CI 日报', weekly: 'CI 周报' },
    red: '🔴 仍然失败',
    since: (when: string, known: boolean) => (known ? `自 ${when} 起` : `${when} 之前就已失败`),
    by: (who: string) => `由 ${who} 触发`,
    recovered: '✅ 已恢复',
    slowest: '🐢 耗时最长',
    mostFailing: '❌ 失败最多',
    failures: (failures: number, runs: number) => `失败 ${failures} 次 / 共 ${runs} 次`,
    flaky: '🔁 重试后通过',
    attempt: (n: number) => `第 ${n} 次运行`,
    rates: '📊 成功率（与上期相比）',
    previous: '上期',
    none: '本期没有运行记录。',
    allGreen: '没有失败的工作流。',
    more: (n: number) => `还有 ${n} 个`,
    runs: (n: number) => `${n} 次运行`,
    duration: (seconds: number) =>
      seconds >= 3600
        ? `${Math.floor(seconds / 3600)}小时${Math.floor((seconds % 3600) / 60)}分`
        : `${Math.floor(seconds / 60)}分${seconds % 60}秒`,
  },
  en: {
    title: { daily: 'CI daily digest', weekly: 'CI weekly digest' },
    red: '🔴 Still failing',
    since: (when: string, known: boolean) => (known ? `since ${when}` : `failing since before ${when}`),
    by: (who: string) => `triggered by ${who}`,
    recovered: '✅ Recovered',
    slowest: '🐢 Slowest',
    mostFailing: '❌ Most failing',
    failures: (failures: number, runs: number) => `${failures} failed of ${runs} runs`,
    flaky: '🔁 Passed on retry',
    attempt: (n: number) => `attempt ${n}`,
    rates: '📊 Success rate (against the previous period)',
    previous: 'previous',
    none: 'No runs in this period.',
    allGreen: 'No failing workflow.',
    more: (n: number) => `and ${n} more`,
    runs: (n: number) => `${n} runs`,
    duration: (seconds: number) =>
      seconds >= 3600
        ? `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`
        : `${Math.floor(seconds / 60)} min ${seconds % 60} s`,
  },
} as const;

/**
 * Names from repositories and workflows are written by strangers: no control characters, no mention, Markdown
 * escaped, and no Liquid delimiter (the digest goes through the notifier as a literal template).
 */
function text(value: string): string {
  return escapeMarkdown(neutralizeMentions(stripControl(value)))
    .replace(/\{(?=[{%])/g, '{ ')
    .replace(/%\}/g, '% }');
}

function link(label: string, url: string | undefined): string {
  const href = safeHref(url);
  return href ? `[${label}](${href.replace(/[()]/g, (char) => encodeURIComponent(char))})` : label;
}

function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${Math.round(value * 100)}%`;
}

export interface RenderOptions {
  locale: Locale;
  timezone: string;
  period: Period;
  route: string;
  /** Entries listed per section before "and N more". */
  maxItems: number;
}

export function renderDigest(data: DigestData, options: RenderOptions): { title: string; markdown: string } {
  const words = WORDS[options.locale];
  const when = (ms: number) =>
    new Intl.DateTimeFormat(options.locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: options.timezone,
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(ms);
  const name = (ref: WorkflowRef) =>
    `${text(ref.repository)} · ${text(ref.workflow)}${ref.branch ? ` (${text(ref.branch)})` : ''}`;
  const title = `${words.title[options.period]} · ${stripControl(options.route)}`;
  // The title heads the body too: WeCom and others show no separate title.
  const lines: string[] = [
    `**${words.title[options.period]} · ${text(options.route)}**`,
    `${when(data.from)} – ${when(data.to)}`,
    '',
  ];
  const section = <T>(heading: string, items: readonly T[], line: (item: T) => string) => {
    if (items.length === 0) return;
    lines.push(`**${heading}**`, '');
    for (const item of items.slice(0, options.maxItems)) lines.push(`- ${line(item)}`);
    if (items.length > options.maxItems) lines.push(`- ${words.more(items.length - options.maxItems)}`);
    lines.push('');
  };
  if (data.runs === 0 && data.red.length === 0) lines.push(words.none, '');
  else if (data.red.length === 0) lines.push(words.allGreen, '');
  section(words.red, data.red, (item) =>
    [
      link(name(item), item.url),
      words.since(when(item.since), item.sinceKnown),
      item.who ? words.by(text(item.who)) : '',
    ]
      .filter(Boolean)
      .join(' · '),
  );
  section(words.recovered, data.recovered, (item) => link(name(item), item.url));
  section(
    words.mostFailing,
    data.mostFailing,
    (item) => `${link(name(item), item.url)}: ${words.failures(item.failures, item.runs)}`,
  );
  section(words.flaky, data.flaky, (item) => `${link(name(item), item.url)}: ${words.attempt(item.attempt)}`);
  section(words.slowest, data.slowest, (item) => `${link(name(item), item.url)}: ${words.duration(item.seconds)}`);
  section(words.rates, data.rates, (item) => {
    const delta =
      item.current !== undefined && item.previous !== undefined
        ? ` ${item.current >= item.previous ? '↑' : '↓'}${Math.abs(Math.round((item.current - item.previous) * 100))}`
        : '';
    return `${link(text(item.repository), item.url)}: ${percent(item.current)}${delta} (${words.previous} ${percent(item.previous)}, ${words.runs(item.runs)})`;
  });
  return { title, markdown: lines.join('\n').trim() };
}

/**
 * The digest within the service's limit: fewer entries per section until it fits (with room for the core's
 * rendering into the service's dialect, which can add escapes); the core still cuts anything over as a last guard.
 */
export function fitDigest(data: DigestData, options: Omit<RenderOptions, 'maxItems'>, limit: TextLimit) {
  let rendered = renderDigest(data, { ...options, maxItems: 10 });
  for (let maxItems = 9; maxItems >= 1 && measure(rendered.markdown, limit.unit) > limit.max * 0.8; maxItems--)
    rendered = renderDigest(data, { ...options, maxItems });
  return rendered;
}
