/**
 * Issue 24, "Known secrets reach the chat": a commit message or test failure that quotes a secret of the run
 * (`Bearer <github-token>`, a destination's own credentials, another destination's) is sent as `Bearer ***`, as the
 * dry run shows it, over every provider; the credentials still travel where the request needs them.
 * In process (the action's run()), against one recording server on 127.0.0.1 that answers every call with a reply
 * holding the fields any provider's token endpoint reads, so app channels also reach their message request.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_NAMES, getDescriptor } from '../../src/providers/registry.js';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';
import { runInProcess } from '../helpers/in-process.js';
import { FIXTURES } from '../helpers/run-action.js';

const GITHUB_TOKEN = 'ghs_Q7leakedGithubToken0123456789abcdefXYZ';

let server: FakeServer;
beforeAll(async () => {
  server = new FakeServer((_request, response) =>
    sendJson(response, 200, {
      code: 0,
      errcode: 0,
      msg: 'ok',
      tenant_access_token: 't-fetched-token-0001',
      access_token: 'fetched-token-0001',
      accessToken: 'fetched-token-0001',
      expire: 7200,
      expires_in: 7200,
      expireIn: 7200,
    }),
  );
  await server.start();
});
afterAll(() => server.stop());

/** A push whose commit message quotes each value after `Bearer `, as a leaked log line would. */
async function eventQuoting(values: string[]): Promise<string> {
  const event = JSON.parse(await readFile(join(FIXTURES, 'push-failure.json'), 'utf8')) as {
    head_commit: { message: string };
  };
  event.head_commit.message = `Fix auth: ${values.map((value) => `Bearer ${value}`).join('; ')}`;
  const file = join(await mkdtemp(join(tmpdir(), 'ci-notifier-secret-')), 'event.json');
  await writeFile(file, JSON.stringify(event));
  return file;
}

/** The inputs of a provider's descriptor example, pointed at the recording server. */
function exampleInputs(name: string): Record<string, string> {
  const { example } = getDescriptor(name);
  const inputs: Record<string, string> = { provider: name, endpoint: server.url };
  if (example.token) inputs.token = example.token;
  if (example.secret) inputs.secret = example.secret;
  if (example.appId) inputs['app-id'] = example.appId;
  if (example.workspaceId) inputs['workspace-id'] = example.workspaceId;
  if (example.channel) inputs.channel = example.channel;
  if (example.target) inputs.target = example.target;
  if (example.options) inputs.options = JSON.stringify(example.options);
  return inputs;
}

/** Every form a quoted secret could travel in: as written, JSON-escaped, URL-encoded. */
const forms = (value: string) => [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)];
const everything = (requests: RecordedRequest[]) =>
  requests
    .map((request) => {
      // A form body (mpaas) is read decoded too.
      const form = request.headers['content-type']?.includes('x-www-form-urlencoded')
        ? decodeURIComponent(request.body.replace(/\+/g, ' '))
        : '';
      return `${request.url}\n${JSON.stringify(request.headers)}\n${request.body}\n${form}`;
    })
    .join('\n');

describe.each(PROVIDER_NAMES)('outgoing message text holds no secret of the run: %s', (name) => {
  it('github-token, token and secret quoted in the commit message are sent masked', async () => {
    const inputs = exampleInputs(name);
    const quoted = [GITHUB_TOKEN, inputs.token, inputs.secret].filter((value): value is string => Boolean(value));
    const before = server.requests.length;
    const run = await runInProcess(
      {
        ...inputs,
        status: 'failure',
        retries: '0',
        'github-token': GITHUB_TOKEN,
        'fail-on-error': 'false',
        // The whole message, as a test report's failure text would be shown.
        template: '### Build failed\n\n{{ commit.message }}',
      },
      { GITHUB_EVENT_PATH: await eventQuoting(quoted), GITHUB_API_URL: `${server.url}/github-api` },
    );
    const sent = server.requests.slice(before).filter((request) => !request.path.startsWith('/github-api'));
    expect(sent.length, run.logs.join('\n')).toBeGreaterThan(0);
    const text = everything(sent);
    // The message went out, with the quote masked…
    expect(text, run.logs.join('\n')).toMatch(/Bearer [\\]*\*/);
    // …and no quote of a secret in any form, though the credentials themselves may travel in their own fields.
    for (const value of quoted) for (const form of forms(value)) expect(text).not.toContain(`Bearer ${form}`);
    expect(text).not.toContain(GITHUB_TOKEN);
  });
});

describe('every destination of a run', () => {
  it("one destination's message does not carry another's credentials", async () => {
    const wecomKey = '693a91f6-7aaa-4bbb-8ccc-leakwecomkey';
    const serverchanKey = 'SCT9999999TleakServerchanKeyAbc';
    const before = server.requests.length;
    await runInProcess(
      {
        urls: [
          `wecom://${wecomKey}?endpoint=${server.url}`,
          `serverchan://${serverchanKey}?endpoint=${server.url}`,
        ].join('\n'),
        status: 'failure',
        retries: '0',
        'fail-on-error': 'false',
        'github-token': '',
        template: '{{ commit.message }}',
      },
      { GITHUB_EVENT_PATH: await eventQuoting([wecomKey, serverchanKey]) },
    );
    const sent = server.requests.slice(before);
    expect(sent.length).toBe(2);
    for (const request of sent) {
      for (const key of [wecomKey, serverchanKey]) expect(request.body).not.toContain(`Bearer ${key}`);
      expect(request.body).toContain('Bearer');
    }
  });
});
