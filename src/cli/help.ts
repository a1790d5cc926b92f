import { FLAGS, envName } from './flags.js';

/** `ci-notifier --help`: every flag with its environment variable, the URL forms, exit codes and commands. */
export function helpText(): string {
  const rows = FLAGS.map((flag) => {
    const left = `${flag.short ? `-${flag.short}, ` : '    '}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
    const env = flag.env === false ? '' : ` [env ${envName(flag.name)}]`;
    return `  ${left.padEnd(34)} ${flag.description}${env}`;
  });
  return `ci-notifier: send a CI result (build failure, release, deployment) to pushplus, DingTalk, WeCom,
Feishu, ServerChan, MobPush, mPaaS or Easemob, from any CI.

Usage:
  ci-notifier --provider NAME [--token TOKEN] [--target TARGET] [options]
  ci-notifier --url SERVICE_URL [--url SERVICE_URL …] [options]
  ci-notifier easemob <command> …      reserved for Easemob push settings (not in this version)

Options (each also read from the environment variable shown; a flag wins):
${rows.join('\n')}

Service URLs (percent-encode reserved characters in credentials):
  pushplus://TOKEN?topic=CODE&channel=wechat      dingtalk://TOKEN?secret=SECRET
  wecom://KEY                                     feishu://TOKEN?secret=SECRET
  serverchan://SENDKEY                            mobpush://APPKEY:APPSECRET@/alias/a,b
  mpaas://ACCESSKEYID:ACCESSKEYSECRET@APPID/WORKSPACEID?target=user:a
  easemob://CLIENTID:CLIENTSECRET@HOST/ORG/APP?target=user:a,b
  Common query keys: endpoint, format, template, title, target, channel, options.

CI context is detected for GitHub Actions, GitLab CI, Jenkins, Gitee Go, Drone, Woodpecker, CircleCI,
Azure Pipelines and the other CIs env-ci knows; the job status comes from --status or the CI's own
variable (CI_JOB_STATUS, DRONE_BUILD_STATUS, CI_PIPELINE_STATUS, AGENT_JOBSTATUS).

Exit codes: 0 sent (or dry run, or skipped by --notify-on), 1 a delivery failed, 2 bad input.
`;
}
