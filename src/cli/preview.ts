/**
 * `ci-notifier preview [--out FILE] [--event FILE] [--event-name NAME] [send flags…]`
 *
 * Renders what a send would deliver (always a dry run: nothing is sent) and writes one HTML page that shows each
 * message as the reader's client roughly shows it, with the exact request beside it. Lets users design a template
 * against a real event without posting to a group; the README's pictures are made with it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, describeError, toError } from '../model/errors.js';
import { SecretRegistry } from '../model/secrets.js';
import type { Logger } from '../transport/types.js';
import { readArgs, type Environment } from './args.js';
import type { CliIo } from './commands.js';
import { isUpload, previewPage, type PreviewEntry } from './preview-html.js';
import { sendFromArgs } from './send.js';
import { descriptors, findDescriptor } from '../providers/registry.js';
import { CREDENTIAL_INPUTS, type CredentialField } from '../providers/descriptor.js';
import type { CliArgs } from './args.js';
import type { FailureDetails } from '../model/context.js';
import { parseFailureDetails } from './failure-file.js';

const OWN_FLAGS = ['out', 'event', 'event-name', 'failure-details'] as const;
type OwnFlag = (typeof OWN_FLAGS)[number];

export const PREVIEW_HELP = `Usage: ci-notifier preview [--out FILE] [--event FILE] [--event-name NAME] [flags of a send]

Renders the message a send would deliver (a dry run: nothing is sent) and writes an HTML page that shows it as
DingTalk, WeCom, Feishu, WeChat or a phone shows it, next to the exact request body. No real credentials are
needed: a credential that is not given is a placeholder, and the page says so.

  --out FILE          the page to write (default: ci-notifier-preview.html)
  --event FILE        a GitHub event payload (JSON) to render, as in GITHUB_EVENT_PATH; the actor, the commit
                      and the run are read from it
  --event-name NAME   its event name (default: guessed from the payload: release, pull_request, push …)
  --failure-details FILE
                      why it failed, as JSON (the templates' \`failure\` data: jobs with steps, annotations
                      and a log excerpt), instead of reading it from the CI's API; used with --status failure
  every send flag     --provider, --format, --template, --status, --url … (see ci-notifier --help)

Example:
  ci-notifier preview --provider dingtalk --status failure --event push.json --template file:.github/notify.md
`;

/** Splits `--out x` / `--out=x` (and the other preview flags) from the send's own flags. */
function splitArgs(argv: readonly string[]): { own: Map<OwnFlag, string>; rest: string[] } {
  const own = new Map<OwnFlag, string>();
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1] as OwnFlag | undefined;
    if (name && (OWN_FLAGS as readonly string[]).includes(name)) {
      const value = match![2] ?? argv[++index];
      if (value === undefined || value === '')
        throw new ConfigError(`--${name}`, 'needs a value', `--${name} ${name === 'event-name' ? 'NAME' : 'FILE'}`);
      own.set(name, value);
    } else rest.push(arg);
  }
  return { own, rest };
}

function guessEventName(payload: Record<string, unknown>): string {
  if ('release' in payload) return 'release';
  if ('pull_request' in payload) return 'pull_request';
  if ('deployment_status' in payload) return 'deployment_status';
  if ('workflow_run' in payload) return 'workflow_run';
  return 'push';
}

/** Text of `payload.a.b`, when it is text or a number. */
function field(payload: Record<string, unknown>, ...path: string[]): string | undefined {
  let value: unknown = payload;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * What a runner would say about the run that an event started, read from the event itself: who (the sender), which
 * commit (a push's `after`, a pull request's head, a workflow run's or deployment's sha) and, for `workflow_run`,
 * which run and workflow. What the payload does not hold stays a placeholder.
 */
function eventFacts(payload: Record<string, unknown>): {
  actor?: string;
  sha?: string;
  runId?: string;
  runNumber?: string;
  runAttempt?: string;
  workflow?: string;
} {
  const sha = [
    field(payload, 'after'),
    field(payload, 'head_commit', 'id'),
    field(payload, 'pull_request', 'head', 'sha'),
    field(payload, 'workflow_run', 'head_sha'),
    field(payload, 'check_suite', 'head_sha'),
    field(payload, 'check_run', 'head_sha'),
    field(payload, 'deployment', 'sha'),
  ].find((value) => value !== undefined && /^[0-9a-f]{40}$/i.test(value) && !/^0+$/.test(value));
  return {
    actor: field(payload, 'sender', 'login') ?? field(payload, 'pusher', 'name'),
    sha,
    runId: field(payload, 'workflow_run', 'id'),
    runNumber: field(payload, 'workflow_run', 'run_number'),
    runAttempt: field(payload, 'workflow_run', 'run_attempt'),
    workflow: field(payload, 'workflow_run', 'name'),
  };
}

/**
 * With --event, the page renders that payload as the action would on GitHub: a GitHub-like environment is laid over
 * the real one (values the caller already set win), so the CLI's GitHub context builder reads it.
 */
async function eventEnvironment(env: Environment, own: Map<OwnFlag, string>, cwd: string): Promise<Environment> {
  const file = own.get('event');
  if (!file) return env;
  const path = resolve(cwd, file);
  let payload: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    payload = parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(
      '--event',
      `cannot read '${file}': ${(error as Error).message}`,
      'a GitHub event payload (JSON)',
    );
  }
  const repository = (payload.repository as { full_name?: unknown } | undefined)?.full_name;
  const eventName = own.get('event-name') ?? guessEventName(payload);
  const release = payload.release as { tag_name?: unknown } | undefined;
  const ref =
    typeof payload.ref === 'string'
      ? payload.ref
      : typeof release?.tag_name === 'string'
        ? `refs/tags/${release.tag_name}`
        : 'refs/heads/main';
  const facts = eventFacts(payload);
  const defaults: Environment = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: typeof repository === 'string' ? repository : 'octo-org/hello-world',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: facts.sha ?? '0000000000000000000000000000000000000000',
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_WORKFLOW: facts.workflow ?? 'CI',
    GITHUB_JOB: 'build',
    GITHUB_RUN_ID: facts.runId ?? '1',
    GITHUB_RUN_NUMBER: facts.runNumber ?? '1',
    GITHUB_RUN_ATTEMPT: facts.runAttempt ?? '1',
    GITHUB_ACTOR: facts.actor ?? 'octocat',
  };
  // The caller's environment wins (a real run's repository and run id), except for what says which event this is.
  const merged: Environment = { ...defaults, ...env };
  for (const key of ['GITHUB_ACTIONS', 'GITHUB_EVENT_NAME', 'GITHUB_EVENT_PATH']) merged[key] = defaults[key];
  return merged;
}

/** `--failure-details FILE`: why it failed, read from a file (failure-file.ts says what it holds). */
async function failureFile(file: string | undefined, cwd: string): Promise<FailureDetails | undefined> {
  if (!file) return undefined;
  let source: string;
  try {
    source = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ConfigError('--failure-details', `cannot read '${file}': ${(error as Error).message}`, 'a JSON file');
  }
  return parseFailureDetails(source, file);
}

export async function runPreview(argv: readonly string[], env: Environment, io: CliIo): Promise<number> {
  const secrets = new SecretRegistry();
  const logger: Logger = {
    debug: (message) => {
      if (env.CI_NOTIFIER_DEBUG) io.stderr(`debug: ${secrets.redact(message)}\n`);
    },
    info: () => undefined,
    warning: (message) => io.stderr(`warning: ${secrets.redact(message)}\n`),
  };
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout(PREVIEW_HELP);
      return 0;
    }
    const cwd = process.cwd();
    const { own, rest } = splitArgs(argv);
    const runEnv = await eventEnvironment(env, own, cwd);
    const args = readArgs(rest, runEnv, OWN_FLAGS);
    // A preview never sends, whatever the flags or the environment say.
    args.values.set('dry-run', 'true');
    const placeholders = fillPlaceholders(args, 'missing');
    const failure = await failureFile(own.get('failure-details'), cwd);
    let sent;
    try {
      sent = await sendFromArgs(args, runEnv, secrets, logger, cwd, failure);
    } catch (error) {
      // A credential that would be refused (`--token x`) does not stop a preview of the message: it says so, and
      // shows the message with a placeholder instead.
      const input = error instanceof ConfigError ? error.input : '';
      if (!CREDENTIAL_INPUT_NAMES.includes(input) || !fillPlaceholders(args, input).length) throw error;
      logger.warning(`${describeError(toError(error))} A real send would stop here; the preview uses a placeholder.`);
      placeholders.push(input);
      sent = await sendFromArgs(args, runEnv, secrets, logger, cwd, failure);
    }
    const { outcome, configs } = sent;
    const requests = outcome.dryRun ?? [];
    if (requests.length === 0) {
      io.stderr(`error: nothing to preview: ${outcome.reason ?? `the run would be ${outcome.status}`}\n`);
      return 1;
    }
    const single = configs.length === 1 ? configs[0]!.provider : undefined;
    const title = outcome.message?.title ?? 'ci-notifier preview';
    const entries: PreviewEntry[] = requests.map((request) => {
      const provider = single ?? providerOf(request.url);
      return {
        provider,
        client: findDescriptor(provider)?.displayName ?? provider,
        label: `${runEnv.GITHUB_EVENT_NAME ?? 'event'} · ${args.values.get('status') ?? 'status from CI'}`,
        note:
          placeholders.length > 0
            ? `Placeholder ${placeholders.map((input) => `--${input}`).join(', ')} (not given): the request shows the shape of a real one, with no real credential.`
            : undefined,
        // The page is a file users share: credentials in URLs and bodies are masked like in every log.
        request: {
          ...request,
          url: secrets.redact(request.url),
          body: request.body === undefined ? undefined : secrets.redact(request.body),
        },
      };
    });
    const out = resolve(cwd, own.get('out') ?? 'ci-notifier-preview.html');
    const media = outcome.message?.media;
    const images = [...(media?.qr ? [media.qr] : []), ...(media?.images ?? [])].flatMap((image) =>
      image.data && image.type
        ? [{ name: image.name, type: image.type, base64: Buffer.from(image.data.bytes).toString('base64') }]
        : [],
    );
    await writeFile(out, previewPage(secrets.redact(title), entries, images));
    const uploads = entries.filter((entry) => isUpload(entry.request)).length;
    io.stdout(
      `Wrote ${out}: ${entries.length - uploads} message(s)${uploads ? `, ${uploads} upload(s)` : ''}, nothing sent.\n`,
    );
    return 0;
  } catch (thrown) {
    const error = toError(thrown);
    io.stderr(`error: ${secrets.redact(describeError(error))}\n`);
    return error instanceof ConfigError ? 2 : 1;
  }
}

const CREDENTIAL_INPUT_NAMES: readonly string[] = Object.values(CREDENTIAL_INPUTS);

/**
 * Preview needs no real credentials: for `--provider NAME` without them, the descriptor's example (placeholder
 * credentials that pass every check) stands in. `which` is 'missing' (each credential the provider requires and the
 * arguments lack, and a required target) or one input to replace. Returns the inputs it filled. Service URLs carry
 * their own credentials and get none.
 */
function fillPlaceholders(args: CliArgs, which: string): string[] {
  const provider = args.values.get('provider');
  const descriptor = args.urls.length === 0 && provider ? findDescriptor(provider) : undefined;
  if (!descriptor) return [];
  const filled: string[] = [];
  for (const [field, role] of Object.entries(descriptor.credentials) as [CredentialField, { required: boolean }][]) {
    const input = CREDENTIAL_INPUTS[field];
    const example = descriptor.example[field];
    if (example === undefined) continue;
    const wanted = which === 'missing' ? role.required && !args.values.get(input) : which === input;
    if (wanted) {
      args.values.set(input, example);
      filled.push(input);
    }
  }
  // A recipient is not a credential, but an application channel cannot be previewed without one.
  if (which === 'missing' && descriptor.target.required !== false && !args.values.get('target')) {
    const target = descriptor.example.target;
    if (target) {
      args.values.set('target', target);
      filled.push('target');
    }
  }
  return filled;
}

/**
 * Which provider a request goes to, by its host's site against each descriptor's official endpoint; only used when
 * several providers share one preview. A robot and its application channel share a host: the robot is named.
 */
function providerOf(url: string): string {
  const site = (address: string): string | undefined => {
    try {
      return new URL(address).hostname.split('.').slice(-2).join('.');
    } catch {
      return undefined;
    }
  };
  const target = site(url);
  return descriptors().find((descriptor) => target && site(descriptor.defaultEndpoint) === target)?.name ?? 'message';
}
