/**
 * A route's destinations as the action's own inputs: the route's inputs plus the service URLs read from the
 * environment variables its destinations name, checked by the action's `readInputs` and the URL parser, once,
 * before the sweep makes its first request.
 */
import { readInputs } from '../notify/inputs.js';
import { configsFromUrls } from '../notify/fan-out.js';
import type { NotifyConfig } from '../model/config.js';
import { ConfigError } from '../model/errors.js';
import type { Environment } from '../model/context.js';
import type { SecretRegistry } from '../model/secrets.js';
import type { Route, Routing } from './routing.js';

export interface PreparedRoute {
  route: Route;
  configs: NotifyConfig[];
}

export async function prepareRoutes(
  routing: Routing,
  env: Environment,
  secrets: SecretRegistry,
  overrides: { dryRun?: boolean } = {},
): Promise<Map<Route, PreparedRoute>> {
  const prepared = new Map<Route, PreparedRoute>();
  for (const route of routing.routes) {
    const urls = route.destinations.map((destination) => (env[destination.urlEnv] ?? '').trim());
    for (const url of urls) secrets.add(url);
    const inputs: Record<string, string> = { ...route.inputs, urls: urls.join('\n') };
    if (overrides.dryRun) inputs['dry-run'] = 'true';
    try {
      const { config, urls: parsed } = await readInputs({
        getInput: (name) => inputs[name] ?? '',
        setSecret: (value) => secrets.add(value),
      });
      // The sweep writes its own job summary (one table for every run), not one per message.
      config.summary = false;
      prepared.set(route, { route, configs: await configsFromUrls(config, parsed) });
    } catch (error) {
      if (error instanceof ConfigError)
        throw new ConfigError(
          'config',
          `${routing.path} line ${route.line}, ${route.name}: ${error.message.replace(/\.$/, '')}`,
        );
      throw error;
    }
  }
  return prepared;
}

/** Whether any notify-on of these routes can match a run that ended this way (else its history is not read). */
export function anyRouteWants(prepared: readonly PreparedRoute[], status: string): boolean {
  const could: Record<string, string[]> = {
    success: ['success', 'fixed'],
    failure: ['failure', 'still-failing'],
  };
  return prepared.some(({ configs }) =>
    configs.some((config) => {
      const on = config.notifyOn;
      if (on.length === 0 || on.includes('always')) return true;
      return (could[status] ?? [status]).some((state) => on.includes(state));
    }),
  );
}
