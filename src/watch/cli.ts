/**
 * `ci-notifier watch` and `ci-notifier digest`: the organisation front end. Loaded by the CLI on demand only
 * (src/cli/commands.ts imports it dynamically); the action's entry never reaches it.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, describeError, toError } from '../model/errors.js';
import type { Environment } from '../model/context.js';
import { SecretRegistry } from '../model/secrets.js';
import { neutralizeWorkflowCommands } from '../model/workflow-text.js';
import { fetchForEnvironment, fetchForRequests } from '../transport/proxy.js';
import type { Logger } from '../transport/types.js';
import { prepareRoutes } from './destinations.js';
import { GithubClient } from './github-client.js';
import { parseRouting } from './routing.js';
import { loadState } from './state.js';
import { sweep } from './sweep.js';
import { sweepSummary } from './summary.js';

export interface WatchIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const DEFAULT_ROUTING_PATH = '.github/ci-notifier.yml';
export const DEFAULT_STATE_PATH = '.ci-notifier/watch-state.json';
export const DEFAULT_MAX_CALLS = 2000;
export const DEFAULT_RESERVE_PERCENT = 20;

const OPTIONS = {
  config: { type: 'string' },
  state: { type: 'string' },
  owner: { type: 'string' },
  repos: { type: 'string' },
  'max-calls': { type: 'string' },
  reserve: { type: 'string' },
  'on-no-state': { type: 'string' },
  'dry-run': { type: 'boolean' },
  period: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const WATCH_HELP = `Usage: ci-notifier watch [flags]      sweep the organisation's workflow runs and notify
       ci-notifier digest [flags]     send the daily or weekly summary of each route

  --config PATH        routing file (default ${DEFAULT_ROUTING_PATH}; env CI_NOTIFIER_CONFIG)
  --owner NAME         organisation whose repositories to read (default: the App installation's repositories)
  --repos A,B          only these repositories (owner/name, comma-separated)
  --state PATH         watch: the state file the workflow caches (default ${DEFAULT_STATE_PATH})
  --on-no-state MODE   watch: send (default) or skip the window's runs when there is no state
  --max-calls N        GitHub API calls one run may spend (default ${DEFAULT_MAX_CALLS})
  --reserve PERCENT    stop when less than this share of the hourly limit is left (default ${DEFAULT_RESERVE_PERCENT})
  --period daily|weekly  digest: the period (default daily)
  --dry-run            print what would be sent, send nothing

The GitHub token comes from CI_NOTIFIER_GITHUB_TOKEN, GITHUB_TOKEN or GH_TOKEN; the API from GITHUB_API_URL.
Service URLs come from the environment variables the routing file names (url-env). Docs: docs/watch.md
`;

type Parsed = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

function parse(args: readonly string[]): Parsed {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }).values as Parsed;
  } catch (error) {
    throw new ConfigError(
      'arguments',
      (error as Error).message.replace(/\. To specify a positional.*$/s, ''),
      'the flags of ci-notifier watch --help',
    );
  }
}

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(name, `'${text}' is not a whole number from ${min} to ${max}`);
  return value;
}

export interface Session {
  flags: Parsed;
  env: Environment;
  secrets: SecretRegistry;
  logger: Logger;
  cwd: string;
}

/** Shared set-up of both commands: flags, secrets registered first, a logger that redacts them. */
export async function withSession(
  args: readonly string[],
  env: Environment,
  io: WatchIo,
  cwd: string,
  body: (session: Session) => Promise<number>,
): Promise<number> {
  const secrets = new SecretRegistry();
  const safe = (text: string) => neutralizeWorkflowCommands(secrets.redact(text));
  const logger: Logger = {
    debug: (message) => {
      if (env.CI_NOTIFIER_DEBUG) io.stderr(`debug: ${safe(message)}\n`);
    },
    info: (message) => io.stdout(`${safe(message)}\n`),
    warning: (message) => io.stderr(`warning: ${safe(message)}\n`),
  };
  try {
    const flags = parse(args);
    if (flags.help) {
      io.stdout(WATCH_HELP);
      return 0;
    }
    return await body({ flags, env, secrets, logger, cwd });
  } catch (thrown) {
    const error = toError(thrown);
    io.stderr(`error: ${safe(describeError(error))}\n`);
    return error instanceof ConfigError ? 2 : 1;
  }
}

export function githubToken(env: Environment): string {
  const token = env.CI_NOTIFIER_GITHUB_TOKEN || env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token)
    throw new ConfigError(
      'github-token',
      'no GitHub token: set CI_NOTIFIER_GITHUB_TOKEN (or GITHUB_TOKEN)',
      'a GitHub App installation token (actions/create-github-app-token with owner:) or a token that can read the repositories',
    );
  return token;
}

/** Reads and checks the routing file and its destinations: everything that can be wrong is said before any request. */
export async function loadRouting(session: Session) {
  const path = session.flags.config ?? session.env.CI_NOTIFIER_CONFIG ?? DEFAULT_ROUTING_PATH;
  let text: string;
  try {
    text = await readFile(resolve(session.cwd, path), 'utf8');
  } catch (error) {
    throw new ConfigError(
      'config',
      `cannot read the routing file ${path} (${(error as Error).message})`,
      'a YAML file; see docs/watch.md',
    );
  }
  const routing = parseRouting(text, path, session.env);
  const prepared = await prepareRoutes(routing, session.env, session.secrets, { dryRun: session.flags['dry-run'] });
  return { routing, prepared };
}

export async function clientFor(session: Session, seams: WatchSeams = {}): Promise<GithubClient> {
  const token = githubToken(session.env);
  session.secrets.add(token);
  return new GithubClient({
    token,
    apiUrl: session.env.GITHUB_API_URL,
    fetch: await fetchForEnvironment(session.env),
    logger: session.logger,
    maxCalls: integer('max-calls', session.flags['max-calls'], DEFAULT_MAX_CALLS, 1, 100_000),
    reserve: integer('reserve', session.flags.reserve, DEFAULT_RESERVE_PERCENT, 0, 90) / 100,
    sleep: seams.sleep,
  });
}

export function repositoriesFlag(flags: Parsed): string[] | undefined {
  const list = flags.repos
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const name of list ?? [])
    if (!/^[\w.-]+\/[\w.-]+$/.test(name))
      throw new ConfigError('repos', `'${name}' is not owner/name`, 'owner/name,owner/other');
  return list?.length ? list : undefined;
}

/** The routing file's `repositories` when every entry is a plain name: the set itself, no list call needed. */
export function exactRepositories(names: readonly string[] | undefined): string[] | undefined {
  if (!names?.length || names.some((name) => /[*?{}[\]]/.test(name) || !name.includes('/'))) return undefined;
  return [...names];
}

export async function writeSummary(env: Environment, markdown: string, secrets: SecretRegistry): Promise<void> {
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, secrets.redact(markdown));
}

/** Test seams: the clock and the wait between retries. */
export interface WatchSeams {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export async function runWatch(
  args: readonly string[],
  env: Environment,
  io: WatchIo,
  cwd: string = process.cwd(),
  seams: WatchSeams = {},
): Promise<number> {
  return withSession(args, env, io, cwd, async (session) => {
    const { flags, logger } = session;
    const onNoState = flags['on-no-state'] ?? 'send';
    if (onNoState !== 'send' && onNoState !== 'skip')
      throw new ConfigError('on-no-state', `'${onNoState}' is not a mode`, 'send or skip');
    const repositories = repositoriesFlag(flags);
    const { routing, prepared } = await loadRouting(session);
    const client = await clientFor(session, seams);
    const statePath = resolve(cwd, flags.state ?? DEFAULT_STATE_PATH);
    const { state, problem } = await loadState(statePath);
    const report = await sweep({
      routing,
      prepared,
      client,
      state,
      stateProblem: problem,
      statePath,
      onNoState,
      owner: flags.owner,
      repositories: repositories ?? exactRepositories(routing.repositories),
      env,
      secrets: session.secrets,
      logger,
      cwd,
      fetch: await fetchForRequests(env),
      now: seams.now,
      dryRun: flags['dry-run'] === true,
    });
    logger.info(
      `Sweep done: ${report.read} repositories read (${report.unchanged} unchanged), ${report.runs} new runs, ${report.sent} messages sent, ${report.failed} failed; ${report.requests - report.notModified} API calls spent, ${report.notModified} free (304).`,
    );
    await writeSummary(env, sweepSummary(report), session.secrets);
    if (report.error) io.stderr(`error: ${neutralizeWorkflowCommands(session.secrets.redact(report.error))}\n`);
    return report.failed > 0 || report.error ? 1 : 0;
  });
}
