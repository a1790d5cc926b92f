/**
 * The routing file's JSON Schema (draft 2020-12). docs/watch-routing.schema.json is this object written out
 * (test/unit/watch-routing.test.ts checks they are equal), so editors with the YAML language server can
 * validate and complete the file: `# yaml-language-server: $schema=…/watch-routing.schema.json`.
 *
 * It uses only the keywords src/watch/schema-check.ts understands (the test checks that too).
 */

/** Action inputs a route may set. Credentials (`token`, `secret`, `urls`, `github-token`) are not among them. */
export const ROUTE_INPUTS = [
  'notify-on',
  'people',
  'mention',
  'mention-on',
  'locale',
  'timezone',
  'template',
  'title',
  'format',
  'options',
  'dry-run',
  'rate-limit',
  'timeout',
  'retries',
] as const;

const globs = {
  description: 'One glob or a list of globs (`*` within a name, `**` across slashes, `?`, `{a,b}`); case-insensitive.',
  type: ['string', 'array'],
  items: { type: 'string', minLength: 1 },
  minLength: 1,
};

const listOrText = { type: ['string', 'array'], items: { type: 'string' } };
const textOrMapping = { type: ['string', 'object'] };

const inputProperties = {
  'notify-on': { ...listOrText, description: 'As the action input: failure, still-failing, fixed, success, always …' },
  people: { ...textOrMapping, description: 'GitHub login → the person on each service (inline mapping or file:PATH).' },
  mention: listOrText,
  'mention-on': listOrText,
  locale: { type: 'string', enum: ['zh-CN', 'en'] },
  timezone: { type: 'string' },
  template: { type: 'string' },
  title: { type: 'string' },
  format: { type: 'string' },
  options: textOrMapping,
  'dry-run': { type: ['boolean', 'string'] },
  'rate-limit': { type: 'string' },
  timeout: { type: ['integer', 'string'] },
  retries: { type: ['integer', 'string'] },
};

export const ROUTING_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/<owner>/ci-notifier/blob/main/docs/watch-routing.schema.json',
  title: 'ci-notifier watch and digest routing file',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'routes'],
  properties: {
    version: { type: 'integer', enum: [1] },
    match: {
      description: 'first (default): a run goes to the first route that matches; all: to every route that matches.',
      type: 'string',
      enum: ['first', 'all'],
    },
    window: {
      description: 'How far back each sweep reads runs (they overlap, so a late or dropped sweep loses nothing).',
      type: 'string',
      pattern: '^[1-9][0-9]*[mhd]$',
    },
    repositories: { ...globs, description: 'The repositories to sweep (default: every one the token can read).' },
    exclude: {
      description: 'Runs nobody is told about here, e.g. repositories that notify with their own step.',
      type: 'array',
      items: { $ref: '#/$defs/selector' },
    },
    defaults: { $ref: '#/$defs/inputs' },
    routes: { type: 'array', minItems: 1, items: { $ref: '#/$defs/route' } },
  },
  $defs: {
    selector: {
      type: 'object',
      additionalProperties: false,
      properties: {
        repositories: globs,
        workflows: globs,
        branches: globs,
        events: globs,
        reason: { type: 'string' },
      },
    },
    inputs: { type: 'object', additionalProperties: false, properties: inputProperties },
    destination: {
      type: 'object',
      additionalProperties: false,
      required: ['url-env'],
      properties: {
        'url-env': {
          description: 'The environment variable that holds the service URL (filled from a secret); never the URL.',
          type: 'string',
          pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
        },
      },
    },
    route: {
      type: 'object',
      additionalProperties: false,
      required: ['destinations'],
      properties: {
        name: { type: 'string', minLength: 1 },
        repositories: globs,
        workflows: globs,
        branches: globs,
        events: globs,
        destinations: { type: 'array', minItems: 1, items: { $ref: '#/$defs/destination' } },
        digest: {
          description: 'Whether `ci-notifier digest` reports this route (default true).',
          type: 'boolean',
        },
        ...inputProperties,
      },
    },
  },
} as const;
