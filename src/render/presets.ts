/**
 * Built-in message templates. Bodies are Markdown rendered later into each service's dialect; every `{{ }}`
 * output is escaped for Markdown unless it goes through `url`, `link` or `markdown`, which sanitize instead.
 */
export interface Preset {
  title: string;
  body: string;
}

const FAILED_JOBS = `{% if history.failedJobs.size > 0 %}
**Failed jobs**
{% for job in history.failedJobs %}- {{ job | job_link }}{% if job.steps.size > 0 %}: {% for step in job.steps %}{{ step.name }}{% unless forloop.last %}, {% endunless %}{% endfor %}{% endif %}
{% endfor %}{% endif %}`;

const COMMIT_LINE = `{% if commit %}**Commit:** {{ commit.url | link: shortSha, "code" }}{% if commit.message %} {{ commit.message }}{% endif %}{% if commit.author %} ({{ commit.author }}){% endif %}{% endif %}`;

const BUILD_STATUS: Preset = {
  title: '{{ statusIcon }} {{ stateText }}: {{ repository }}{% if branch %} ({{ branch }}){% endif %}',
  body: `### {{ statusIcon }} {{ workflow | default: "Workflow" }} {{ stateText | downcase }}

**Repository:** {{ repositoryUrl | link: repository }}
{% if pullRequest %}**Pull request:** {{ pullRequest.url | link: pullRequest.title }} (#{{ pullRequest.number }})
{% endif %}{% if branch %}**Branch:** {{ branch }}
{% elsif tag %}**Tag:** {{ tag }}
{% endif %}${COMMIT_LINE}
{% if actor %}**Triggered by:** {{ actor }} on {{ eventName }}{% else %}**Event:** {{ eventName | default: "build" }}{% endif %}{% if schedule %} ({{ schedule }}){% endif %}{% if jobDisplayName %}
**Job:** {{ jobDisplayName }}{% endif %}{% if history.durationSeconds %}
**Duration:** {{ history.durationSeconds | duration }}{% endif %}
${FAILED_JOBS}
{{ runUrl | link: "View run" }}`,
};

const BUILD_FAILURE: Preset = {
  title: '{{ statusIcon }} {{ stateText }}: {{ workflow }} on {{ branch | default: tag | default: repository }}',
  body: `### {{ statusIcon }} {{ stateText }}: {{ workflow | default: "workflow" }}

**{{ repository }}**{% if branch %} · {{ branch }}{% elsif tag %} · {{ tag }}{% endif %}{% if jobDisplayName %} · {{ jobDisplayName }}{% endif %}
${COMMIT_LINE}
{% if actor %}**By:** {{ actor }}{% if history.durationSeconds %} · {{ history.durationSeconds | duration }}{% endif %}{% elsif history.durationSeconds %}**Duration:** {{ history.durationSeconds | duration }}{% endif %}
${FAILED_JOBS}
{% if status == "failure" %}{{ runUrl | link: "Open the failed run" }}{% else %}{{ runUrl | link: "Open the run" }}{% endif %}`,
};

const VERSION = 'release.name | default: release.tag | default: tag | default: branch | default: shortSha';

const RELEASE: Preset = {
  title: `🚀 {{ repository }} {{ ${VERSION} }}{% if release.prerelease %} (pre-release){% endif %}`,
  body: `## 🚀 {{ ${VERSION} }}{% if release.prerelease %} (pre-release){% endif %}

**{{ repository }}**{% assign version = release.tag | default: tag %}{% if version %} · {{ version }}{% endif %}{% if release.author %} · by {{ release.author }}{% elsif actor %} · by {{ actor }}{% endif %}

{% if release.body %}{{ release.body | markdown }}{% elsif commit.message %}{{ commit.message }}{% endif %}

{% if release.url %}{{ release.url | link: "Release notes" }}{% else %}{{ runUrl | link: "View run" }}{% endif %}`,
};

const DEPLOYMENT: Preset = {
  title:
    '{{ statusIcon }} Deploy to {{ deployment.environment | default: "environment" }}: {{ deployment.state | default: status }}',
  body: `### {{ statusIcon }} Deployment {{ deployment.state | default: status }}

**Environment:** {{ deployment.environment }}
**Repository:** {{ repositoryUrl | link: repository }}
${COMMIT_LINE}
{% if deployment.description %}{{ deployment.description }}
{% endif %}{% if deployment.url %}{{ deployment.url | link: "Open deployment" }} · {% endif %}{% if deployment.logUrl %}{{ deployment.logUrl | link: "Deployment log" }} · {% endif %}{{ runUrl | link: "View run" }}`,
};

const PULL_REQUEST: Preset = {
  title: '{{ statusIcon }} PR #{{ pullRequest.number }} {{ stateText | downcase }}: {{ pullRequest.title }}',
  body: `### {{ statusIcon }} {{ pullRequest.url | link: pullRequest.title }}

**#{{ pullRequest.number }}** {{ pullRequest.head }} → {{ pullRequest.base }}{% if pullRequest.draft %} (draft){% endif %}
**Author:** {{ pullRequest.author | default: actor }}
**Checks:** {{ workflow }} {{ stateText | downcase }}
${FAILED_JOBS}
{{ runUrl | link: "View run" }}`,
};

const MINIMAL: Preset = {
  title: '{{ statusIcon }} {{ repository }} {{ stateText | downcase }}',
  body: '{{ statusIcon }} {{ workflow }} {{ stateText | downcase }} · {{ runUrl | link: "run" }}',
};

export const PRESETS = {
  'build-status': BUILD_STATUS,
  'build-failure': BUILD_FAILURE,
  release: RELEASE,
  deployment: DEPLOYMENT,
  'pull-request': PULL_REQUEST,
  minimal: MINIMAL,
} as const satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS | 'auto';

export const PRESET_NAMES: readonly PresetName[] = ['auto', ...(Object.keys(PRESETS) as (keyof typeof PRESETS)[])];

export function isPresetName(value: string): value is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(value);
}
