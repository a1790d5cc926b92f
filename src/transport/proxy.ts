/**
 * Proxy support for self-hosted runners: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, upper or lower case.
 * Node's built-in fetch ignores these variables unless the process was started with NODE_USE_ENV_PROXY, which an
 * action cannot control. Newer Node 24 releases can switch it on at run time (http.setGlobalProxyFromEnv); older
 * ones get undici's EnvHttpProxyAgent. Either is loaded only when a proxy is configured.
 */
export type FetchFunction = typeof globalThis.fetch;

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]?.trim()));
}

let proxiedFetch: Promise<FetchFunction> | undefined;

/**
 * The fetch function notification requests should use: a proxied one when a proxy is configured, otherwise
 * none, which sends them through node:http (see node-http.ts for why).
 */
export async function fetchForRequests(env: NodeJS.ProcessEnv): Promise<FetchFunction | undefined> {
  return proxyConfigured(env) ? fetchForEnvironment(env) : undefined;
}

/**
 * The fetch function the GitHub API readers use (the run history through Octokit, the why-it-failed lookup): the
 * proxied one when a proxy is configured, otherwise a small fetch on node:http, so that a run with the default
 * `github-token` never loads undici (node-fetch-lite.ts says why and what it implements).
 */
export async function fetchForGithub(env: NodeJS.ProcessEnv): Promise<FetchFunction> {
  if (proxyConfigured(env)) return fetchForEnvironment(env);
  const { nodeFetchLite } = await import('./node-fetch-lite.js');
  // Only the part of fetch that Octokit's fetch-wrapper and failure-details.ts use is implemented.
  return nodeFetchLite as unknown as FetchFunction;
}

export async function fetchForEnvironment(env: NodeJS.ProcessEnv): Promise<FetchFunction> {
  if (!proxyConfigured(env)) return globalThis.fetch;
  proxiedFetch ??= (async () => {
    const http = (await import('node:http')) as { setGlobalProxyFromEnv?: (env?: NodeJS.ProcessEnv) => unknown };
    if (typeof http.setGlobalProxyFromEnv === 'function') {
      http.setGlobalProxyFromEnv(env);
      return globalThis.fetch;
    }
    const undici = await import('undici');
    const dispatcher = new undici.EnvHttpProxyAgent({
      httpProxy: env.HTTP_PROXY || env.http_proxy,
      httpsProxy: env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy,
      noProxy: env.NO_PROXY ?? env.no_proxy,
    });
    // ky hands fetch a global Request; undici's own fetch wants its own classes, so pass plain fields.
    const proxied = async (input: Parameters<FetchFunction>[0], init?: Parameters<FetchFunction>[1]) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const body = request.body ? await request.arrayBuffer() : undefined;
      const headers: [string, string][] = [];
      request.headers.forEach((value, name) => headers.push([name, value]));
      const reply = await undici.fetch(request.url, {
        method: request.method,
        headers,
        body,
        signal: init?.signal ?? request.signal,
        dispatcher,
      });
      const replyHeaders: [string, string][] = [];
      reply.headers.forEach((value, name) => replyHeaders.push([name, value]));
      return new Response(reply.body as ReadableStream | null, {
        status: reply.status,
        statusText: reply.statusText,
        headers: replyHeaders,
      });
    };
    return proxied as FetchFunction;
  })();
  return proxiedFetch;
}
