import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../src/watch/glob.js';
import { excludedBy, parseRouting, routesFor, sweepsRepository } from '../../src/watch/routing.js';
import { ROUTING_SCHEMA } from '../../src/watch/routing-schema.js';
import { KNOWN_KEYWORDS } from '../../src/watch/schema-check.js';
import { prepareRoutes } from '../../src/watch/destinations.js';
import { SecretRegistry } from '../../src/model/secrets.js';
import { ConfigError } from '../../src/model/errors.js';

const ENV = {
  PAYMENTS_DINGTALK_URL: 'dingtalk://payments-token',
  PLATFORM_WECOM_URL: 'wecom://platform-key',
  ALL_FEISHU_URL: 'feishu://all-hook',
};

const FILE = `version: 1
window: 24h
exclude:
  - repositories: acme/website   # notifies with its own step
    reason: has its own notify step
  - workflows: Dependabot*
defaults:
  locale: zh-CN
  notify-on: [failure, still-failing, fixed]
routes:
  - name: payments
    repositories: [acme/payments-*, acme/billing]
    branches: [main, 'release/**']
    destinations:
      - url-env: PAYMENTS_DINGTALK_URL
    people:
      mona: { dingtalk: '@mobile:13800000000' }
  - name: platform
    repositories: 'acme/{infra,deploy}*'
    workflows: [deploy.yml, Release]
    locale: en
    destinations:
      - url-env: PLATFORM_WECOM_URL
  - name: everything else
    destinations:
      - url-env: ALL_FEISHU_URL
`;

function problems(text: string, env: Record<string, string> = ENV): string {
  try {
    parseRouting(text, '.github/ci-notifier.yml', env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the routing file to be refused');
}

describe('routing file', () => {
  const routing = parseRouting(FILE, '.github/ci-notifier.yml', ENV);

  it('reads routes, defaults under route inputs, and the window', () => {
    expect(routing.match).toBe('first');
    expect(routing.windowMs).toBe(24 * 3_600_000);
    expect(routing.routes.map((route) => route.name)).toEqual(['payments', 'platform', 'everything else']);
    expect(routing.routes[0]!.inputs).toMatchObject({ locale: 'zh-CN', 'notify-on': 'failure,still-failing,fixed' });
    expect(JSON.parse(routing.routes[0]!.inputs.people!)).toEqual({ mona: { dingtalk: '@mobile:13800000000' } });
    expect(routing.routes[1]!.inputs.locale).toBe('en');
    expect(routing.routes[1]!.line).toBe(18);
  });

  it('first match: a run goes to the first route that matches, the catch-all only gets the rest', () => {
    const run = {
      repository: 'acme/payments-api',
      workflow: 'CI',
      workflowPath: '.github/workflows/ci.yml',
      branch: 'main',
      event: 'push',
    };
    expect(routesFor(routing, run).map((route) => route.name)).toEqual(['payments']);
    expect(routesFor(routing, { ...run, branch: 'release/2026/12' }).map((route) => route.name)).toEqual(['payments']);
    expect(routesFor(routing, { ...run, branch: 'feature/x' }).map((route) => route.name)).toEqual(['everything else']);
    // A workflow glob matches the name or the file.
    const deploy = { repository: 'ACME/Infra-live', workflow: 'Deploy', workflowPath: '.github/workflows/deploy.yml' };
    expect(routesFor(routing, deploy).map((route) => route.name)).toEqual(['platform']);
  });

  it('match: all sends a run to every route that matches', () => {
    const all = parseRouting(FILE.replace('window: 24h', 'window: 24h\nmatch: all'), 'f.yml', ENV);
    const run = { repository: 'acme/billing', workflow: 'CI', branch: 'main' };
    expect(routesFor(all, run).map((route) => route.name)).toEqual(['payments', 'everything else']);
  });

  it('exclusions drop runs and whole repositories', () => {
    expect(routesFor(routing, { repository: 'acme/website', workflow: 'CI', branch: 'main' })).toEqual([]);
    expect(excludedBy(routing, { repository: 'acme/x', workflow: 'Dependabot Updates' })?.line).toBe(6);
    expect(sweepsRepository(routing, 'acme/website')).toBe(false);
    expect(sweepsRepository(routing, 'acme/x')).toBe(true);
  });

  it('globs: * stays within a name, ** crosses slashes, {a,b}, case-insensitive', () => {
    expect(globToRegExp('release/*').test('release/1.2')).toBe(true);
    expect(globToRegExp('release/*').test('release/1/2')).toBe(false);
    expect(globToRegExp('release/**').test('release/1/2')).toBe(true);
    expect(globToRegExp('acme/{a,b}-*').test('ACME/b-api')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });

  it('a credential in the file is refused with its line and what to do instead', () => {
    const text = FILE.replace(
      '      - url-env: PLATFORM_WECOM_URL',
      '      - url-env: PLATFORM_WECOM_URL\n        token: abc',
    );
    const message = problems(text);
    expect(message).toContain('line 24');
    expect(message).toContain("unknown key 'token'");
    expect(message).toContain('credentials never sit in the routing file');
  });

  it('names the line of each schema problem', () => {
    const message = problems(FILE.replace('    locale: en', '    locale: fr').replace('window: 24h', 'window: soon'));
    expect(message).toContain('line 2: window must match');
    expect(message).toContain('line 21: routes[1].locale must be one of "zh-CN", "en"');
  });

  it('a URL given as url-env, a missing variable and a YAML error are refused before any request', () => {
    expect(problems(FILE.replace('url-env: ALL_FEISHU_URL', 'url-env: https://open.feishu.cn/x'))).toMatch(
      /line 26: routes\[2\]\.destinations\[0\]\.url-env must match .* not a URL/,
    );
    expect(problems(FILE, { ...ENV, PLATFORM_WECOM_URL: '' })).toMatch(
      /line 23: .*PLATFORM_WECOM_URL: the environment variable is not set/,
    );
    expect(problems('version: 1\nroutes: [\n')).toMatch(/line \d+:/);
    expect(problems('version: 1\nroutes: []\n')).toContain('routes needs at least 1 entry');
  });

  it('route inputs are checked by the action own readInputs, naming the route and its line', async () => {
    const bad = parseRouting(FILE.replace('    locale: en\n', '    notify-on: sometimes\n'), 'f.yml', ENV);
    await expect(prepareRoutes(bad, ENV, new SecretRegistry())).rejects.toThrow(
      /f\.yml line 18, platform: .*notify-on.*sometimes/,
    );
    const prepared = await prepareRoutes(routing, ENV, new SecretRegistry());
    expect(prepared.get(routing.routes[0]!)!.configs[0]).toMatchObject({
      provider: 'dingtalk',
      token: 'payments-token',
    });
  });

  it('the routing file in docs/watch.md is valid', async () => {
    const doc = readFileSync('docs/watch.md', 'utf8');
    const block = /```yaml\n(# \.github\/ci-notifier\.yml[\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const env = Object.fromEntries(
      [...block!.matchAll(/url-env: (\w+)/g)].map((match) => [match[1]!, 'wecom://example-key']),
    );
    const routing = parseRouting(block!, '.github/ci-notifier.yml', env);
    expect(routing.routes.map((route) => route.name)).toEqual(['支付组', 'Platform', '移动端', '研发群']);
    expect(
      routesFor(routing, { repository: 'acme/payments-api', workflow: 'CI', branch: 'release/1.2', event: 'push' })[0]!
        .name,
    ).toBe('支付组');
    expect(
      routesFor(routing, { repository: 'acme/api', workflow: 'CI', branch: 'main', event: 'pull_request' }),
    ).toEqual([]);
    await prepareRoutes(routing, env, new SecretRegistry());
  });

  it('the published schema is this one, written only with keywords the validator knows', () => {
    const published = JSON.parse(readFileSync('docs/watch-routing.schema.json', 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(ROUTING_SCHEMA)));
    const keywords = new Set<string>();
    const walk = (schema: unknown, inProperties = false) => {
      if (!schema || typeof schema !== 'object') return;
      for (const [key, value] of Object.entries(schema)) {
        if (!inProperties) keywords.add(key);
        walk(value, !inProperties && (key === 'properties' || key === '$defs'));
      }
    };
    walk(ROUTING_SCHEMA);
    expect([...keywords].filter((key) => !KNOWN_KEYWORDS.has(key) && !/^\d+$/.test(key))).toEqual([]);
  });
});
