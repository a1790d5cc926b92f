/**
 * Every fixed word a message shows, in each supported language: one table per locale behind one typed `Words`
 * interface, so a missing translation is a type error (and a test checks both tables key by key).
 * Only our own words live here; text written by users (templates, commit messages, release notes) is never
 * translated. Entries are trusted constants: presets splice them into Liquid source, so they hold no Liquid.
 */
import type { RunState } from '../model/context.js';
import { ConfigError } from '../model/errors.js';

import { LOCALES, type Locale } from '../model/config.js';

export { LOCALES, type Locale };

/** The `locale` input's default: the services are Chinese, and so are most of the groups that read them. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';
/** The `timezone` input's default: China Standard Time, the time of the teams these services serve. */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export interface Words {
  /** BCP 47 tag given to the template engine (month and day names of the `date` filter). */
  tag: string;
  /** Run state names (titles, headings). */
  states: Record<RunState, string>;
  /** The still-failing state with its streak, e.g. "Still failing (3rd run)". */
  stillFailingRun: (streak: number) => string;
  /** A duration from its parts, e.g. "1h 2m 3s". */
  duration: (hours: number, minutes: number, seconds: number) => string;
  /** Between a label and its value ("Commit: …"). */
  colon: string;
  /** Around a parenthetical ("(main)"): opening with its leading space, and closing. */
  open: string;
  close: string;
  /** Separator of list items ("a, b"). */
  comma: string;
  /** Between a word and the next in a heading: a space in English, nothing in Chinese ("Deployment failed", "部署失败"). */
  joiner: string;
  workflow: string;
  workflowLower: string;
  repository: string;
  pullRequest: string;
  branch: string;
  tag_: string;
  commit: string;
  triggeredBy: string;
  /** "on" between actor and event ("octocat on push"); empty when the language puts the event in brackets. */
  on: string;
  event: string;
  build: string;
  job: string;
  durationLabel: string;
  by: string;
  failedJobs: string;
  viewRun: string;
  run: string;
  openFailedRun: string;
  openRun: string;
  preRelease: string;
  releasedBy: string;
  releaseNotes: string;
  /** The mobile-build preset (install link, version, build number, the QR code under the text). */
  mobile: {
    newBuild: string;
    version: string;
    buildNumber: string;
    install: string;
    openInstall: string;
    scan: string;
    whatsNew: string;
    builtBy: string;
  };
  release: string;
  deployTo: string;
  environmentLower: string;
  deployment: string;
  environment: string;
  openDeployment: string;
  deploymentLog: string;
  author: string;
  checks: string;
  draft: string;
  truncated: string;
  notification: string;
  responsible: string;
  tests: (passed: number, failed: number, skipped: number) => string;
  /** After the counts when some tests could not be counted (a report unread, suites nested too deep). */
  testsPartial: string;
  failedTests: string;
  testsLabel: string;
  jobs: string;
  commits: string;
  andMore: (count: number) => string;
  compare: string;
  /** Job results of a `needs` summary. */
  results: Record<string, string>;
  /** Deployment states as GitHub names them (`deployment_status.state`). */
  deploymentStates: Record<string, string>;
  /** Short summaries of events that are not builds (the `auto` preset). */
  events: {
    issue: string;
    issueComment: string;
    review: string;
    discussion: string;
    reviewComment: string;
    discussionComment: string;
    open: string;
  };
  /** Event names as shown after "Triggered by" (GitHub's own name when absent). */
  eventNames: Record<string, string>;
  /** Payload actions and review states as shown (GitHub's word when absent). */
  actions: Record<string, string>;
  /** Why it failed (`failure`): error annotations, log excerpts, re-run attempts and flaky jobs. */
  failure: {
    errors: string;
    log: string;
    fullLog: string;
    /** `{n}` is where the attempt number goes (presets splice a Liquid output there). */
    attempt: string;
    /** The heading of jobs that failed in an earlier attempt and passed on re-run. */
    flaky: string;
    /** `{n}`: the attempt in which the job failed. */
    flakyNote: string;
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const EN: Words = {
  tag: 'en-US',
  states: {
    success: 'Succeeded',
    failure: 'Failed',
    'still-failing': 'Still failing',
    fixed: 'Fixed',
    cancelled: 'Cancelled',
    skipped: 'Skipped',
    started: 'Started',
    unknown: 'Finished',
  },
  stillFailingRun: (streak) => `Still failing (${ordinal(streak)} run)`,
  duration: (hours, minutes, seconds) =>
    [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', `${seconds}s`].filter(Boolean).join(' '),
  colon: ': ',
  open: ' (',
  close: ')',
  comma: ', ',
  joiner: ' ',
  workflow: 'Workflow',
  workflowLower: 'workflow',
  repository: 'Repository',
  pullRequest: 'Pull request',
  branch: 'Branch',
  tag_: 'Tag',
  commit: 'Commit',
  triggeredBy: 'Triggered by',
  on: 'on',
  event: 'Event',
  build: 'build',
  job: 'Job',
  durationLabel: 'Duration',
  by: 'By',
  failedJobs: 'Failed jobs',
  viewRun: 'View run',
  run: 'run',
  openFailedRun: 'Open the failed run',
  openRun: 'Open the run',
  preRelease: '(pre-release)',
  releasedBy: 'by',
  releaseNotes: 'Release notes',
  mobile: {
    newBuild: 'new build',
    version: 'Version',
    buildNumber: 'build',
    install: 'Install',
    openInstall: 'Open the install page',
    scan: 'Scan the QR code below to install',
    whatsNew: "What's new",
    builtBy: 'Built by',
  },
  release: 'Release',
  deployTo: 'Deploy to',
  environmentLower: 'environment',
  deployment: 'Deployment',
  environment: 'Environment',
  openDeployment: 'Open deployment',
  deploymentLog: 'Deployment log',
  author: 'Author',
  checks: 'Checks',
  draft: '(draft)',
  truncated: '(truncated)',
  notification: 'Notification',
  responsible: 'Responsible',
  tests: (passed, failed, skipped) =>
    [`${passed} passed`, `${failed} failed`, skipped ? `${skipped} skipped` : ''].filter(Boolean).join(', '),
  testsPartial: ' (incomplete: some tests were not counted)',
  failedTests: 'Failed tests',
  testsLabel: 'Tests',
  jobs: 'Jobs',
  commits: 'Commits',
  andMore: (count) => `and ${count} more`,
  compare: 'Compare changes',
  results: { success: 'success', failure: 'failure', cancelled: 'cancelled', skipped: 'skipped' },
  // GitHub's own words, as the English presets always showed them.
  deploymentStates: {
    success: 'success',
    failure: 'failure',
    error: 'error',
    inactive: 'inactive',
    in_progress: 'in_progress',
    queued: 'queued',
    pending: 'pending',
  },
  events: {
    issue: 'Issue',
    issueComment: 'Comment on',
    review: 'Review',
    discussion: 'Discussion',
    reviewComment: 'Review comment on',
    discussionComment: 'Comment on discussion',
    open: 'Open',
  },
  // GitHub's own names, as the English presets always showed them.
  eventNames: {
    push: 'push',
    pull_request: 'pull_request',
    pull_request_target: 'pull_request_target',
    workflow_dispatch: 'workflow_dispatch',
    schedule: 'schedule',
    workflow_run: 'workflow_run',
    release: 'release',
    merge_group: 'merge_group',
  },
  actions: {
    opened: 'opened',
    closed: 'closed',
    reopened: 'reopened',
    created: 'created',
    edited: 'edited',
    submitted: 'submitted',
    approved: 'approved',
    changes_requested: 'changes requested',
    commented: 'commented',
    answered: 'answered',
    labeled: 'labeled',
    assigned: 'assigned',
  },
  failure: {
    errors: 'Errors',
    log: 'Log',
    fullLog: 'Full log',
    attempt: 'attempt {n}',
    flaky: 'Passed on retry',
    flakyNote: 'failed in attempt {n}',
  },
};

const ZH_CN: Words = {
  tag: 'zh-CN',
  states: {
    success: '成功',
    failure: '失败',
    'still-failing': '仍然失败',
    fixed: '已恢复',
    cancelled: '已取消',
    skipped: '已跳过',
    started: '运行中',
    unknown: '已结束',
  },
  stillFailingRun: (streak) => `仍然失败（连续第 ${streak} 次）`,
  duration: (hours, minutes, seconds) =>
    // Time units written solid, as GitLab and BlueKing do: 3分20秒, 1小时5分.
    [hours ? `${hours}小时` : '', minutes ? `${minutes}分` : '', hours && !seconds ? '' : `${seconds}秒`].join(''),
  colon: '：',
  open: '（',
  close: '）',
  comma: '、',
  joiner: '',
  workflow: '工作流',
  workflowLower: '工作流',
  repository: '仓库',
  pullRequest: 'PR',
  branch: '分支',
  tag_: '标签',
  commit: '提交',
  triggeredBy: '触发人',
  on: '',
  event: '事件',
  build: '构建',
  job: '作业',
  durationLabel: '耗时',
  by: '触发人',
  failedJobs: '失败的作业',
  viewRun: '查看详情',
  run: '运行',
  openFailedRun: '查看运行详情',
  openRun: '查看运行详情',
  preRelease: '（预发布）',
  releasedBy: '发布者',
  releaseNotes: '发布说明',
  mobile: {
    newBuild: '新版本',
    version: '版本',
    buildNumber: '构建',
    install: '安装',
    openInstall: '打开安装页',
    scan: '扫描下方二维码安装',
    whatsNew: '更新内容',
    builtBy: '构建人',
  },
  release: '发布',
  deployTo: '部署到',
  environmentLower: '环境',
  deployment: '部署',
  environment: '环境',
  openDeployment: '查看部署',
  deploymentLog: '部署日志',
  author: '作者',
  checks: '检查',
  draft: '（草稿）',
  truncated: '（已截断）',
  notification: '通知',
  responsible: '负责人',
  tests: (passed, failed, skipped) =>
    [`通过 ${passed}`, `失败 ${failed}`, skipped ? `跳过 ${skipped}` : ''].filter(Boolean).join('，'),
  testsPartial: '（统计不完整：部分测试未计入）',
  failedTests: '失败的测试',
  testsLabel: '测试',
  jobs: '作业',
  commits: '提交',
  andMore: (count) => `还有 ${count} 个`,
  compare: '查看变更',
  results: { success: '成功', failure: '失败', cancelled: '已取消', skipped: '已跳过' },
  deploymentStates: {
    success: '成功',
    failure: '失败',
    error: '出错',
    inactive: '已停用',
    in_progress: '进行中',
    queued: '排队中',
    pending: '等待中',
  },
  events: {
    issue: '议题',
    issueComment: '评论',
    review: '审查',
    discussion: '讨论',
    reviewComment: '审查评论',
    discussionComment: '讨论评论',
    open: '查看详情',
  },
  eventNames: {
    push: '推送',
    pull_request: 'PR',
    pull_request_target: 'PR',
    workflow_dispatch: '手动触发',
    schedule: '定时任务',
    workflow_run: '工作流运行',
    release: '发布',
    merge_group: '合并队列',
  },
  actions: {
    opened: '新建',
    closed: '已关闭',
    reopened: '重新打开',
    created: '新建',
    edited: '已编辑',
    submitted: '已提交',
    approved: '已批准',
    changes_requested: '要求修改',
    commented: '已评论',
    answered: '已解答',
    labeled: '已加标签',
    assigned: '已指派',
  },
  failure: {
    errors: '错误',
    log: '日志',
    fullLog: '查看日志',
    attempt: '第 {n} 次尝试',
    flaky: '重试后通过',
    flakyNote: '第 {n} 次尝试失败',
  },
};

export const WORDS: Record<Locale, Words> = { en: EN, 'zh-CN': ZH_CN };

export function wordsFor(locale: Locale | undefined): Words {
  return WORDS[locale ?? 'en'];
}

/** The `locale` input: `zh-CN` (default) or `en`; `zh`, `zh-cn`, `en-US` … are read as the nearest. */
export function parseLocale(raw: string | undefined, input = 'locale'): Locale {
  const value = raw?.trim().toLowerCase();
  if (!value) return DEFAULT_LOCALE;
  if (value === 'zh' || value === 'zh-cn' || value === 'zh-hans' || value === 'zh_cn') return 'zh-CN';
  if (value === 'en' || /^en[-_][a-z]+$/.test(value)) return 'en';
  throw new ConfigError(input, `unknown locale '${raw}'`, `one of ${LOCALES.join(', ')}`);
}

/** The `timezone` input: an IANA name such as Asia/Shanghai or UTC, checked against the runtime's time zone data. */
export function parseTimezone(raw: string | undefined, input = 'timezone'): string {
  const value = raw?.trim();
  // The default (and UTC) need no check: asking Intl about a time zone loads ICU's zone data, about 10 ms of every
  // run's start-up, and action.yml passes the default on every run.
  if (!value || value === DEFAULT_TIMEZONE || value === 'UTC') return value || DEFAULT_TIMEZONE;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new ConfigError(
      input,
      `unknown time zone '${value}'`,
      'an IANA time zone name such as Asia/Shanghai, Asia/Hong_Kong or UTC',
    );
  }
}
