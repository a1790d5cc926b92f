/**
 * `install`: what an app-distribution service said about a build, read into the install link, its hosted QR image,
 * the version and the build number. Accepted: a plain http(s) URL; or a JSON file in the workspace holding
 * - pgyer's upload reply or `buildInfo` reply (`{code, data: {buildShortcutUrl, buildQRCodeURL, buildVersion,
 *   buildBuildVersion, buildName, buildKey}}`, fields as in pgyer's official demos:
 *   https://github.com/PGYER/upload-app-api-example), where the install page is
 *   `https://www.pgyer.com/<buildShortcutUrl>`; code 1247 ("still processing") is waited out by polling `buildInfo`
 *   with `PGYER_API_KEY`, within the run's deadline;
 * - fir.im's app reply (official go-fir-cli, https://github.com/PGYER/go-fir-cli `api/rio_api.go`):
 *   `{short, download_domain, master_release_id, name, …}`, whose install page is
 *   `http(s)://<download_domain>/<short>?release_id=<master_release_id>`.
 * The reply is written by a build step, so it is read like any workspace file and its values are checked.
 */
import { parseOptions } from '../model/options.js';
import { isPlainObject } from '../model/config.js';
import { ConfigError } from '../model/errors.js';
import type { InstallInfo } from '../render/media.js';
import { readWorkspaceBytes } from '../render/template-file.js';

export const MAX_INSTALL_BYTES = 1024 * 1024;
const EXPECTED = "an install URL, or a JSON file with pgyer's upload/buildInfo reply or fir.im's app reply";
/** pgyer's "the app is still being processed" code (buildInfo): poll again. */
export const PGYER_PROCESSING = 1247;
const PGYER_POLL_MS = 3000;

export interface InstallDependencies {
  root: string;
  /** Epoch ms by which the run must be done: waiting for pgyer stops there. */
  deadline?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** `PGYER_API_KEY` (a credential: the caller masks it) for polling `buildInfo` while pgyer processes the build. */
  pgyerApiKey?: string;
  /** pgyer's API base; tests point it at a stand-in. @default https://api.pgyer.com */
  pgyerEndpoint?: string;
  fetch?: typeof fetch;
  info?: (message: string) => void;
}

type Json = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim()
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;
}

function httpUrl(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('install', `${what} '${raw}' is not a URL`, EXPECTED);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError('install', `${what} '${raw}' is not an http(s) URL`, EXPECTED);
  return url.href;
}

/** pgyer's `data` (buildInfo / upload reply) into install facts. */
export function fromPgyer(data: Json): InstallInfo {
  const shortcut = text(data.buildShortcutUrl);
  if (!shortcut || !/^[A-Za-z0-9_-]+$/.test(shortcut))
    throw new ConfigError('install', 'the pgyer reply has no usable buildShortcutUrl', EXPECTED);
  const qr = text(data.buildQRCodeURL);
  return {
    url: `https://www.pgyer.com/${shortcut}`,
    source: 'pgyer',
    appName: text(data.buildName),
    version: text(data.buildVersion),
    build: text(data.buildBuildVersion) ?? text(data.buildVersionNo),
    ...(qr ? { qrImageUrl: httpUrl(qr, 'buildQRCodeURL') } : {}),
  };
}

/** fir.im's app reply into install facts. */
export function fromFir(data: Json): InstallInfo {
  const short = text(data.short);
  const domain = text(data.download_domain) ?? 'fir.im';
  if (!short || !/^[A-Za-z0-9_-]+$/.test(short) || !/^[A-Za-z0-9.-]+$/.test(domain))
    throw new ConfigError('install', 'the fir.im reply has no usable short and download_domain', EXPECTED);
  const release = text(data.master_release_id);
  const url = `https://${domain}/${short}${release ? `?release_id=${encodeURIComponent(release)}` : ''}`;
  const binary = isPlainObject(data.binary) ? data.binary : undefined;
  return {
    url,
    source: 'fir',
    appName: text(data.name),
    version: text(data.version) ?? text(data.versionShort),
    build: text(data.build) ?? text(binary?.build),
  };
}

async function pollPgyer(buildKey: string, deps: InstallDependencies): Promise<Json> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const doFetch = deps.fetch ?? fetch;
  const base = (deps.pgyerEndpoint ?? 'https://api.pgyer.com').replace(/\/+$/, '');
  const deadline = deps.deadline ?? now() + 60_000;
  for (;;) {
    const query = new URLSearchParams({ _api_key: deps.pgyerApiKey ?? '', buildKey });
    let reply: unknown;
    try {
      const response = await doFetch(`${base}/apiv2/app/buildInfo?${query}`, {
        signal: AbortSignal.timeout(Math.max(1000, Math.min(10_000, deadline - now()))),
      });
      reply = await response.json();
    } catch (error) {
      throw new ConfigError('install', `pgyer buildInfo could not be read (${(error as Error).name})`, EXPECTED);
    }
    if (!isPlainObject(reply)) throw new ConfigError('install', 'pgyer buildInfo replied with no JSON', EXPECTED);
    if (reply.code === 0 && isPlainObject(reply.data)) return reply.data;
    if (reply.code !== PGYER_PROCESSING)
      throw new ConfigError(
        'install',
        `pgyer buildInfo error ${String(reply.code)}: ${String(reply.message ?? '')}`,
        EXPECTED,
      );
    if (now() + PGYER_POLL_MS > deadline)
      throw new ConfigError(
        'install',
        'pgyer was still processing the build (code 1247) when the deadline came',
        'a longer `deadline`, or the buildInfo reply once processing is done',
      );
    deps.info?.('pgyer is still processing the build (code 1247); asking again in 3 s.');
    await sleep(PGYER_POLL_MS);
  }
}

/** Reads `install` (URL or JSON file) into install facts; errors name `install`. */
export async function readInstall(raw: string, deps: InstallDependencies): Promise<InstallInfo> {
  const value = raw.trim();
  if (/^https?:\/\//i.test(value)) return { url: httpUrl(value, 'the URL'), source: 'url' };
  let reply: Json;
  try {
    const bytes = await readWorkspaceBytes(deps.root, value, {
      input: 'install',
      maxBytes: MAX_INSTALL_BYTES,
      expected: EXPECTED,
    });
    reply = await parseOptions(bytes.toString('utf8'), 'install');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('install', `cannot read '${value}' (${(error as Error).message})`, EXPECTED);
  }
  // pgyer wraps its data in {code, message, data}; fir.im's reply is the app itself (or {app: …}).
  if ('code' in reply) {
    if (reply.code === PGYER_PROCESSING) {
      const key = text(isPlainObject(reply.data) ? reply.data.buildKey : undefined) ?? text(reply.buildKey);
      if (!key || !deps.pgyerApiKey)
        throw new ConfigError(
          'install',
          'pgyer is still processing the build (code 1247) and cannot be asked again',
          'the reply with buildKey, and PGYER_API_KEY in the environment to poll buildInfo',
        );
      return fromPgyer(await pollPgyer(key, deps));
    }
    if (reply.code !== 0 || !isPlainObject(reply.data))
      throw new ConfigError('install', `the pgyer reply is an error (code ${String(reply.code)})`, EXPECTED);
    return fromPgyer(reply.data);
  }
  if ('buildShortcutUrl' in reply) return fromPgyer(reply);
  const app = isPlainObject(reply.app) ? reply.app : reply;
  if ('short' in app) return fromFir(app);
  throw new ConfigError('install', `'${value}' is neither a pgyer nor a fir.im reply`, EXPECTED);
}
