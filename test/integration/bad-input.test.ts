/**
 * The bad-input corpus: every case must end with one clear error that names the input and the expected form,
 * before any request: the fake server records nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeServer, sendJson } from '../helpers/fake-server.js';
import { runInProcess } from '../helpers/in-process.js';
import { BAD_INPUTS } from './bad-input.cases.js';

let server: FakeServer;
beforeAll(async () => {
  server = new FakeServer((_req, res) => sendJson(res, 200, { code: 200, errcode: 0, status: 200 }));
  await server.start();
});
afterAll(() => server.stop());

describe('bad input corpus', () => {
  it('has at least 100 cases', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(100);
  });

  it.each(BAD_INPUTS.map((c) => [c.name, c] as const))('%s', async (_name, badCase) => {
    const inputs: Record<string, string> = { status: 'failure', ...badCase.inputs };
    if (!('endpoint' in badCase.inputs) && badCase.inputs.provider !== 'easemob') inputs.endpoint = server.url;
    if (badCase.inputs.provider === 'easemob' && !('endpoint' in badCase.inputs)) inputs.endpoint = server.url;
    const before = server.requests.length;
    const result = await runInProcess(inputs);
    expect(result.failed, 'the step must fail').toBeDefined();
    // The input, or a field inside it (`options.ensureTemplate.name`).
    const escaped = badCase.input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(result.failed).toMatch(new RegExp(`Invalid input '${escaped}(\\.[^']+)?'`));
    expect(result.failed).toMatch(/Expected .+/);
    if (badCase.mentions) expect(result.failed).toContain(badCase.mentions);
    expect(server.requests.length - before, 'no request may be sent').toBe(0);
    expect(result.outputs.status).toBe('failure');
  });
});
