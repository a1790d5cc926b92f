import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-action.js';
import { ensureLibBuilt, runCli } from '../helpers/run-cli.js';

// The action's inputs get did-you-mean; the CLI's flags, commands and the demo's provider get the same (issue 24).
describe('CLI typos name the likely fix', () => {
  beforeAll(() => ensureLibBuilt(), 120_000);

  it.each([
    [['--provider', 'pushplus', '--dryrun'], "Unknown option '--dryrun' (did you mean '--dry-run'?)"],
    [['--provider', 'pushplus', '--notifyon', 'failure'], "Unknown option '--notifyon' (did you mean '--notify-on'?)"],
    [['--provider', 'pushplus', '--tokne=x'], "Unknown option '--tokne' (did you mean '--token'?)"],
    [['previw', '--provider', 'dingtalk'], "unknown command 'previw' (did you mean 'preview'?)"],
    [['preview', '--provider', 'dingtalk', '--outt', 'x.html'], "Unknown option '--outt' (did you mean '--out'?)"],
    [['easemob', 'set-push-nickame'], "unknown easemob command 'set-push-nickame' (did you mean 'set-push-nickname'?)"],
    [
      ['easemob', 'set-push-nickname', '--user', 'a', '--nicknam', 'b'],
      "Unknown option '--nicknam' (did you mean '--nickname'?)",
    ],
  ])('ci-notifier %j', async (args, expected) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(expected);
  });

  it('a flag far from every known one gets no guess', async () => {
    const run = await runCli(['--provider', 'pushplus', '--zzzzzz']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--zzzzzz'");
    expect(run.stderr).not.toContain('did you mean');
  });

  it('npm run demo -- dingtak names the provider it meant, without a stack trace', () => {
    const demo = spawnSync(process.execPath, [join(ROOT, 'scripts/demo.mjs'), 'dingtak'], { encoding: 'utf8' });
    expect(demo.status).toBe(2);
    expect(demo.stderr).toContain("unknown provider 'dingtak' (did you mean dingtalk?)");
    expect(demo.stderr).not.toMatch(/\n\s+at /);
    const render = spawnSync(process.execPath, [join(ROOT, 'scripts/demo.mjs'), 'render', 'markdwn'], {
      encoding: 'utf8',
    });
    expect(render.status).toBe(2);
    expect(render.stderr).toContain("did you mean 'markdown'?");
  });
});
