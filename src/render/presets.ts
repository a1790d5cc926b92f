/**
 * Built-in message templates. Bodies are Markdown rendered later into each service's dialect; every `{{ }}`
 * output is escaped for Markdown unless it goes through `url`, `link` or `markdown`, which sanitize instead.
 */
import { wordsFor, type Locale } from './locale.js';

export interface Preset {
  title: string;
  body: string;
}

/** The presets in one language: the words are spliced into the Liquid source (they are trusted constants). */
export function presetsFor(locale: Locale | undefined) {
  const w = wordsFor(locale);
  const label = (text: string) => `**${text}${w.colon.trimEnd()}**`;
  // Why it failed (`failure`, read from the CI's API on a failure): re-run attempt, error annotations, log
  // excerpts, flaky jobs. Most useful first: a body over a service's limit is cut from the end (with a visible mark
  // and the run link), so failed tests come before annotations, annotations before log excerpts.
  const f = w.failure;
  const ATTEMPT = `{% if failure.attempt > 1 %}${w.open}${f.attempt.replace('{n}', '{{ failure.attempt }}')}${w.close}{% endif %}`;
  const ANNOTATIONS = `{% if failure.errors.size > 0 %}
**${f.errors}**
{% for item in failure.errors %}- {{ item.job }}${w.colon}{% if item.location %}{{ item.url | link: item.location, "code" }}${w.colon}{% endif %}{{ item.text }}
{% endfor %}{% endif %}`;
  const LOGS = `{% for job in failure.jobs %}{% if job.log %}
**${f.log}${w.open}{{ job.name }}${w.close}**
{{ job.log.excerpt | code_block }}
{{ job.log.url | link: "${f.fullLog}" }}
{% endif %}{% endfor %}`;
  const FLAKY = `{% assign flaky = failure.jobs | where: "flaky" %}{% if flaky.size > 0 %}
**${f.flaky}**
{% for job in flaky %}- {{ job | job_link }}${w.open}${f.flakyNote.replace('{n}', '{{ job.failedAttempt }}')}${w.close}
{% endfor %}{% endif %}`;
  const FAILURE = `${ANNOTATIONS}${LOGS}${FLAKY}`;
  // For presets about something else (a release, a deployment, an issue): the first error and the flaky jobs.
  const SUMMARY = `{% if failure.summary %}${label(f.errors)} {{ failure.summary }}`;
  const FAILURE_SHORT = `${SUMMARY.replace('%}', '%}\n')}{% endif %}`;
  const FAILURE_LINE = `${SUMMARY}\n{% endif %}`;

  const FAILED_JOBS = `{% if history.failedJobs.size > 0 %}
**${w.failedJobs}**${ATTEMPT}
{% for job in history.failedJobs %}- {{ job | job_link }}{% if job.steps.size > 0 %}${w.colon}{% for step in job.steps %}{{ step.name }}{% unless forloop.last %}${w.comma}{% endunless %}{% endfor %}{% endif %}
{% endfor %}{% endif %}`;

  // Who is responsible (set when `people` is given and `mention-on` matches): names as text; the provider's
  // mention (at.atMobiles, <@id>, <at>) is added by the adapter from the target path, never from this text.
  const RESPONSIBLE = `{% if responsible.size > 0 %}
${label(w.responsible)} {% for person in responsible %}{{ person.login }}{% unless forloop.last %}${w.comma}{% endunless %}{% endfor %}{% endif %}`;

  // JUnit counts and the first failed tests (`junit`), the jobs of `needs`, the commits of a push.
  const TESTS = `{% if tests %}
${label(w.testsLabel)} {{ testsText }}
{% for test in tests.failures %}- {{ test.name }}{% if test.suite %}${w.open}{{ test.suite }}${w.close}{% endif %}{% if test.message %}${w.colon}{{ test.message }}{% endif %}
{% endfor %}{% endif %}`;
  const JOBS = `{% if jobs.size > 0 %}
**${w.jobs}**
{% for job in jobs %}- {{ job.icon }} {{ job.name }}${w.colon}{{ job.resultText }}
{% endfor %}{% endif %}`;
  const COMMITS = `{% if commits.size > 1 %}
**${w.commits}**
{% for item in commits %}- {{ item.url | link: item.shortSha, "code" }}{% if item.message %} {{ item.message }}{% endif %}{% if item.author %}${w.open}{{ item.author }}${w.close}{% endif %}
{% endfor %}{% if moreCommitsText %}{{ moreCommitsText }}
{% endif %}{% if compareUrl %}{{ compareUrl | link: "${w.compare}" }}
{% endif %}{% endif %}`;

  const COMMIT_LINE = `{% if commit %}${label(w.commit)} {{ commit.url | link: shortSha, "code" }}{% if commit.message %} {{ commit.message }}{% endif %}{% if commit.author %}${w.open}{{ commit.author }}${w.close}{% endif %}{% endif %}`;

  const BUILD_STATUS: Preset = {
    title: `{{ statusIcon }} {{ stateText }}${w.colon}{{ repository }}{% if branch %}${w.open}{{ branch }}${w.close}{% endif %}`,
    body: `### {{ statusIcon }} {{ workflow | default: "${w.workflow}" }} {{ stateText | downcase }}

${label(w.repository)} {{ repositoryUrl | link: repository }}
{% if pullRequest %}${label(w.pullRequest)} {{ pullRequest.url | link: pullRequest.title }}${w.open}#{{ pullRequest.number }}${w.close}
{% endif %}{% if branch %}${label(w.branch)} {{ branch }}
{% elsif tag %}${label(w.tag_)} {{ tag }}
{% endif %}${COMMIT_LINE}
{% if actor %}${label(w.triggeredBy)} {{ actor }}${w.on ? ` ${w.on} {{ eventText }}` : `${w.open}{{ eventText }}${w.close}`}{% else %}${label(w.event)} {{ eventText | default: "${w.build}" }}{% endif %}{% if schedule %}${w.open}{{ schedule }}${w.close}{% endif %}{% if jobDisplayName %}
${label(w.job)} {{ jobDisplayName }}{% endif %}{% if history.durationSeconds %}
${label(w.durationLabel)} {{ history.durationSeconds | duration }}{% endif %}${RESPONSIBLE}
${FAILED_JOBS}${JOBS}${TESTS}${FAILURE}${COMMITS}
{{ runUrl | link: "${w.viewRun}" }}`,
  };

  const BUILD_FAILURE: Preset = {
    title: `{{ statusIcon }} {{ stateText }}${w.colon}{{ workflow }}${w.on ? ` ${w.on} ` : ' · '}{{ branch | default: tag | default: repository }}`,
    body: `### {{ statusIcon }} {{ stateText }}${w.colon}{{ workflow | default: "${w.workflowLower}" }}

**{{ repository }}**{% if branch %} · {{ branch }}{% elsif tag %} · {{ tag }}{% endif %}{% if jobDisplayName %} · {{ jobDisplayName }}{% endif %}
${COMMIT_LINE}
{% if actor %}${label(w.by)} {{ actor }}{% if history.durationSeconds %} · {{ history.durationSeconds | duration }}{% endif %}{% elsif history.durationSeconds %}${label(w.durationLabel)} {{ history.durationSeconds | duration }}{% endif %}${RESPONSIBLE}
${FAILED_JOBS}${JOBS}${TESTS}${FAILURE}${COMMITS}
{% if status == "failure" %}{{ runUrl | link: "${w.openFailedRun}" }}{% else %}{{ runUrl | link: "${w.openRun}" }}{% endif %}`,
  };

  const VERSION = 'release.name | default: release.tag | default: tag | default: branch | default: shortSha';
  const PRE = w.preRelease.startsWith('(') ? ` ${w.preRelease}` : w.preRelease;

  const RELEASE: Preset = {
    title: `🚀 {{ repository }} {{ ${VERSION} }}{% if release.prerelease %}${PRE}{% endif %}`,
    body: `## 🚀 {{ ${VERSION} }}{% if release.prerelease %}${PRE}{% endif %}

**{{ repository }}**{% assign version = release.tag | default: tag %}{% if version %} · {{ version }}{% endif %}{% if release.author %} · ${w.releasedBy} {{ release.author }}{% elsif actor %} · ${w.releasedBy} {{ actor }}{% endif %}

{% if release.body %}{{ release.body | markdown }}{% elsif commit.message %}{{ commit.message }}{% endif %}${FAILURE_SHORT}

{% if release.url %}{{ release.url | link: "${w.releaseNotes}" }}{% else %}{{ runUrl | link: "${w.viewRun}" }}{% endif %}`,
  };

  // A build for testers (`install`: pgyer, fir.im or a URL; `qr`): app, version and build number, the install link,
  // what changed and who built it; then the QR code, which each service shows under the text (a Feishu card's
  // image, WeCom's image message, DingTalk's hosted QR image), so the text ends by pointing at it.
  const m = w.mobile;
  const APP = 'install.appName | default: repository';
  const APP_VERSION = 'install.version | default: release.tag | default: tag | default: shortSha';
  const MOBILE_BUILD: Preset = {
    title: `📱 {{ ${APP} }} {{ ${APP_VERSION} }}{% if install.build %}${w.open}${m.buildNumber} {{ install.build }}${w.close}{% endif %}`,
    body: `## 📱 {{ ${APP} }} ${m.newBuild}

${label(m.version)} {{ ${APP_VERSION} }}{% if install.build %}${w.open}${m.buildNumber} {{ install.build }}${w.close}{% endif %}
{% if install.url %}${label(m.install)} {{ install.url | link: "${m.openInstall}" }}
{% endif %}{% if branch %}${label(w.branch)} {{ branch }}
{% elsif tag %}${label(w.tag_)} {{ tag }}
{% endif %}{% if actor %}${label(m.builtBy)} {{ actor }}
{% endif %}{% if release.body %}
**${m.whatsNew}**

{{ release.body | markdown }}
{% elsif commit.message %}
**${m.whatsNew}**

{{ commit.message }}
{% endif %}${FAILURE_SHORT}

{% if install.qr %}📲 ${m.scan}

{% endif %}{{ runUrl | link: "${w.viewRun}" }}`,
  };

  const DEPLOYMENT: Preset = {
    title: `{{ statusIcon }} ${w.deployTo} {{ deployment.environment | default: "${w.environmentLower}" }}${w.colon}{{ deploymentStateText }}`,
    body: `### {{ statusIcon }} ${w.deployment}${w.joiner}{{ deploymentStateText }}

${label(w.environment)} {{ deployment.environment }}
${label(w.repository)} {{ repositoryUrl | link: repository }}
{% if tag %}${label(w.tag_)} {{ tag }}
{% elsif branch %}${label(w.branch)} {{ branch }}
{% endif %}{% if commit %}${COMMIT_LINE}
{% elsif shortSha %}${label(w.commit)} {{ shortSha }}
{% endif %}{% if actor %}${label(w.triggeredBy)} {{ actor }}
{% endif %}{% if deployment.description %}{{ deployment.description }}
{% endif %}${FAILURE_LINE}{% if deployment.url %}{{ deployment.url | link: "${w.openDeployment}" }} · {% endif %}{% if deployment.logUrl %}{{ deployment.logUrl | link: "${w.deploymentLog}" }} · {% endif %}{{ runUrl | link: "${w.viewRun}" }}`,
  };

  const DRAFT = w.draft.startsWith('(') ? ` ${w.draft}` : w.draft;
  const PULL_REQUEST: Preset = {
    title: `{{ statusIcon }} PR #{{ pullRequest.number }} {{ stateText | downcase }}${w.colon}{{ pullRequest.title }}`,
    body: `### {{ statusIcon }} {{ pullRequest.url | link: pullRequest.title }}

**#{{ pullRequest.number }}** {{ pullRequest.head }} → {{ pullRequest.base }}{% if pullRequest.draft %}${DRAFT}{% endif %}
${label(w.author)} {{ pullRequest.author | default: actor }}
${label(w.checks)} {{ workflow }} {{ stateText | downcase }}${RESPONSIBLE}
${FAILED_JOBS}${TESTS}${FAILURE}
{{ runUrl | link: "${w.viewRun}" }}`,
  };

  // Issues, comments, reviews, discussions: what happened to what, by whom, and the page itself.
  const ACTIVITY: Preset = {
    title: `📝 {{ activityText }}${w.colon}{{ activity.title }}`,
    body: `### 📝 {{ activity.url | link: activity.title }}

**{{ repository }}** · {{ activityText }}{% if activity.author %} · {{ activity.author }}{% endif %}
{% if activity.body %}
{{ activity.body | truncate: 500 }}
{% endif %}${FAILURE_SHORT}

{{ activity.url | link: "${w.events.open}" }}`,
  };

  const MINIMAL: Preset = {
    title: '{{ statusIcon }} {{ repository }} {{ stateText | downcase }}',
    body: `{{ statusIcon }} {{ workflow }} {{ stateText | downcase }} · {{ runUrl | link: "${w.run}" }}${FAILURE_SHORT}`,
  };

  return {
    'build-status': BUILD_STATUS,
    'build-failure': BUILD_FAILURE,
    release: RELEASE,
    'mobile-build': MOBILE_BUILD,
    deployment: DEPLOYMENT,
    'pull-request': PULL_REQUEST,
    activity: ACTIVITY,
    minimal: MINIMAL,
  } as const satisfies Record<string, Preset>;
}

/** The English presets (the wording before locales existed); `presetsFor` gives each language's. */
export const PRESETS = presetsFor('en');

export type PresetName = keyof typeof PRESETS | 'auto';

export const PRESET_NAMES: readonly PresetName[] = ['auto', ...(Object.keys(PRESETS) as (keyof typeof PRESETS)[])];

export function isPresetName(value: string): value is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(value);
}
