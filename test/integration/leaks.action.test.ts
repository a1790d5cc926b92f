/**
 * Issue 16, "Secrets and safety", where users see it: `node dist/index.js` (and the CLI's built bin) with
 * credentials in broken URLs, replies that echo the request or carry workflow commands, a dry run of a pasted
 * webhook URL, a robot that wants signing without a `secret`, and a provider error that must read once.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';
import { runAction, everythingPrinted } from '../helpers/run-action.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';

const TOKEN = 'Zq9AccessTok3nForLeakTests0123456789abcdef';
const SECRET = 'SECf00dBabe5ecret0123456789abcdef0123456789';
/** A pushplus token is 32 hex characters. */
const HEX_TOKEN = '7e57c0ffee0123456789abcdef7e57aa';

/** Every form of a credential a leak could take: as is, percent-encoded, base64, and its first 12 characters. */
function forms(value: string): string[] {
  return [value, encodeURIComponent(value), Buffer.from(value).toString('base64'), value.slice(0, 12)];
}

function expectNoLeak(text: string, ...credentials: string[]): void {
  for (const credential of credentials) for (const form of forms(credential)) expect(text).not.toContain(form);
}

/** Lines the runner would read as workflow commands (`::` after leading whitespace, or `##[` anywhere). */
function commandLines(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::') || line.includes('##['));
}

let servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
});

async function serve(handler: (request: RecordedRequest, response: ServerResponse) => unknown): Promise<FakeServer> {
  const server = new FakeServer(handler);
  servers.push(server);
  await server.start();
  return server;
}

/** Raw webhook URLs of each robot and misspelt or encoded keys: all refused, none printing a credential. */
const BAD_URLS = [
  `https://oapi.dingtalk.com/robot/send?access_token=${TOKEN}`,
  `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${TOKEN}`,
  `https://open.feishu.cn/open-apis/bot/v2/hook/${TOKEN}`,
  `https://sctapi.ftqq.com/${TOKEN}.send`,
  `dingtalk://${TOKEN}?sec=${SECRET}`,
  `dingtalk://${TOKEN}?secret+=${SECRET}`,
  `feishu://${TOKEN}?sec%72%65=${SECRET}`,
  `dingtalk://${TOKEN}?secret=${SECRET}%zz`,
  `wecom://user:${SECRET}@${TOKEN}`,
  `dingtalk:/${TOKEN}?secret=${SECRET}`,
];

describe('credentials in URLs never reach any output', () => {
  beforeAll(() => ensureLibBuilt());

  it.each(BAD_URLS)('action, urls: %s', async (url) => {
    const run = await runAction({ inputs: { urls: url, status: 'failure' }, env: { RUNNER_DEBUG: '1' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::Invalid input 'url'/);
    // The runner's masker sees only what the step registered: the whole line, never a rewritten part of it.
    const printed = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expectNoLeak([printed, run.stderr, run.outputsRaw, run.summary].join('\n'), TOKEN, SECRET);
  });

  it('action: the credential of a bad URL is masked on its own, so the runner hides it wherever it shows up', async () => {
    const run = await runAction({ inputs: { urls: `dingtalk://${TOKEN}?sec=${SECRET}`, status: 'failure' } });
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(run.stdout).toContain(`::add-mask::${SECRET}`);
  });

  it.each([BAD_URLS[0]!, BAD_URLS[4]!, BAD_URLS[6]!])('CLI, --url and CI_NOTIFIER_URL: %s', async (url) => {
    const viaFlag = await runCli(['--url', url, '--status', 'failure'], { CI_NOTIFIER_DEBUG: '1' });
    const viaEnv = await runCli(['--status', 'failure'], { CI_NOTIFIER_URL: url, CI_NOTIFIER_DEBUG: '1' });
    for (const run of [viaFlag, viaEnv]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Invalid input 'url'/);
      expectNoLeak(run.stdout + run.stderr, TOKEN, SECRET);
    }
  });
});

describe('replies quoted in messages', () => {
  it('a 502 page echoing the token across the 200-character cut leaks no part of it', async () => {
    // The page echoes the request URL, so that the token straddles the 200th character.
    const fake = await serve((request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end(`<html>${'x'.repeat(160)} ${request.url} and the rest of the page</html>`);
    });
    const run = await runAction({
      inputs: { provider: 'dingtalk', token: TOKEN, endpoint: fake.url, status: 'failure', retries: '0' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/HTTP 502 from the provider: <html>x+ \/robot\/send\?access_token=\*\*\*/);
    const printed = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (let length = 4; length <= TOKEN.length; length++) {
      expect([printed, run.outputsRaw, run.summary].join('\n')).not.toContain(TOKEN.slice(0, length));
    }
  });

  it('a page that echoes only the start of the token leaves no fragment of it at the cut', async () => {
    // A truncated echo (not the whole token, so not recognised as it) across the cut: its start is masked.
    const fake = await serve((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end(`<html>${'x'.repeat(180)} token=${TOKEN.slice(0, 24)}… (truncated)</html>`);
    });
    const run = await runAction({
      inputs: { provider: 'dingtalk', token: TOKEN, endpoint: fake.url, status: 'failure', retries: '0' },
    });
    expect(run.code).toBe(1);
    const error = run.stdout.split('\n').find((line) => line.startsWith('::error::'))!;
    expect(error).toMatch(/x+ token=\*\*\*/);
    const results = JSON.parse(run.outputs.results!) as { message: string }[];
    for (const text of [error, results[0]!.message, run.summary])
      for (let length = 4; length <= 24; length++) expect(text).not.toContain(TOKEN.slice(0, length));
  });

  it('a reply carrying workflow commands never starts a command line', async () => {
    let calls = 0;
    const fake = await serve((_request, response) => {
      calls += 1;
      // First a retryable error (logged as a retry), then a final one (the failure), both with commands inside.
      if (calls === 1)
        return sendJson(response, 200, {
          code: 500,
          msg: 'busy\n::add-mask::x\r::warning::pwned\n  ::error::pwned ##[warning]pwned',
        });
      return sendJson(response, 200, { code: 903, msg: 'bad\n::add-mask::x\n::warning::pwned' });
    });
    const run = await runAction({
      inputs: { provider: 'pushplus', token: HEX_TOKEN, endpoint: fake.url, status: 'failure', retries: '1' },
      env: { RUNNER_DEBUG: '1' },
    });
    expect(run.code).toBe(1);
    expect(calls).toBe(2);
    const injected = commandLines(run.stdout).filter((line) => /pwned|::add-mask::x\b/.test(line));
    // Only the action's own ::error:: line, whose data is escaped onto one line.
    expect(injected.map((line) => line.slice(0, 9))).toEqual(['::error::']);
    for (const line of run.stdout.split(/\r\n|\r|\n/)) {
      expect(line.trimStart()).not.toMatch(/^::(add-mask::x|warning::pwned|error::pwned)/);
    }
    // Still readable: the text is there, escaped.
    expect(run.stdout).toContain('%3A%3Awarning::pwned');
  });
});

describe('what the user reads', () => {
  it('a dry run of a pasted webhook URL shows where it would go, with only the key masked', async () => {
    const run = await runAction({
      inputs: {
        provider: 'dingtalk',
        token: `https://oapi.dingtalk.com/robot/send?access_token=${TOKEN}`,
        secret: SECRET,
        status: 'failure',
        'dry-run': 'true',
      },
    });
    expect(run.code, run.stdout).toBe(0);
    // Only credentials are masked: the timestamp is not one (issue 24: the dry run shows the exact request).
    expect(run.stdout).toMatch(
      /POST https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=\*\*\*&timestamp=\d{13}&sign=\*\*\*/,
    );
    expect(run.stdout).not.toMatch(/POST \*\*\*/);
    expect(
      everythingPrinted(run)
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(TOKEN);
  });

  it.each([
    ['dingtalk', { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/x]' }],
    ['dingtalk', { errcode: 310000, errmsg: 'invalid timestamp' }],
    ['feishu', { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' }],
  ])('%s: a sign error without `secret` says first that no secret was given', async (provider, reply) => {
    const fake = await serve((_request, response) => sendJson(response, 200, reply));
    const unsigned = await runAction({
      inputs: { provider, token: TOKEN, endpoint: fake.url, status: 'failure', retries: '0' },
    });
    expect(unsigned.code).toBe(1);
    const error = unsigned.stdout.split('\n').find((line) => line.startsWith('::error::'))!;
    expect(error).toMatch(/failed: group: no `secret` was given, and this robot requires signed requests: /);
    expect(error).toContain('Hint: set `secret`');
    // With a secret, the cause is something else (a wrong secret, the clock): no such claim.
    const signed = await runAction({
      inputs: { provider, token: TOKEN, secret: SECRET, endpoint: fake.url, status: 'failure', retries: '0' },
    });
    expect(signed.code).toBe(1);
    expect(signed.stdout).not.toContain('no `secret` was given');
  });

  it('a delivery error names its target and provider once', async () => {
    const fake = await serve((_request, response) => sendJson(response, 200, { code: 903, msg: 'token invalid' }));
    const run = await runAction({
      inputs: { provider: 'pushplus', token: HEX_TOKEN, endpoint: fake.url, status: 'failure', target: 'topic:x' },
    });
    expect(run.code).toBe(1);
    const error = run.stdout.split('\n').find((line) => line.startsWith('::error::'))!;
    expect(error).toContain('failed: topic:x: pushplus error 903');
    expect(error.match(/topic:x/g)).toHaveLength(1);
    expect(error).not.toMatch(/pushplus topic:x|topic:x: pushplus topic:x/);
    const results = JSON.parse(run.outputs.results!) as { message: string }[];
    expect(results[0]!.message).toMatch(/^pushplus error 903/);
    expect(run.summary).not.toContain('pushplus topic:x: pushplus');
  });

  it('the CLI names target and provider once too', async () => {
    const fake = await serve((_request, response) => sendJson(response, 200, { code: 903, msg: 'token invalid' }));
    const run = await runCli([
      '--provider',
      'pushplus',
      '--token',
      HEX_TOKEN,
      '--endpoint',
      fake.url,
      '--target',
      'topic:x',
      '--status',
      'failure',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAILED: topic:x: pushplus error 903');
    expect(run.stdout).not.toContain('pushplus topic:x: pushplus');
  });
});
