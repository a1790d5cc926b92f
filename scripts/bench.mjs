// Benchmark (not a test: it never fails on timing). Measures, side by side in one interleaved rotation and as
// medians: a dry run against `node -e 0`; signed DingTalk sends (a failure run and a success run) against the
// cheapest possible POST (a CommonJS `node:http` script), a `fetch` POST and a one-provider fixed-text action of
// the leafney/dingtalk-action shape; the same sends with a `github-token` against a GitHub API stand-in (the
// failure reads the run history and why it failed, the success only the history; without a token neither makes a
// GitHub request, which the stand-in checks); then a 200-delivery fan-out against the ideal time its rate limit allows,
// bundle size and peak memory. Prints each ratio with its target (pass/FAIL, issue #29) and writes
// docs/benchmarks.md.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { parse as parseYaml } from 'yaml';

import { githubStandIn } from './bench/github-stand-in.mjs';
import { busiestWindow } from './busiest-window.mjs';

const root = resolve(import.meta.dirname, '..');
const node = process.execPath;
const dist = join(root, 'dist/index.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
// `npm run bench -- --baseline <dir>`: another build's dist/ (say, a checkout of an older commit) measured in the
// same interleaved runs, so a before/after comparison is not skewed by the machine's drift between two sessions.
const baselineArg = process.argv.indexOf('--baseline');
const baseline = baselineArg > 0 ? join(resolve(process.argv[baselineArg + 1]), 'index.js') : undefined;
/** The baseline's commit when it is a git checkout, so the report says what it was compared with. */
function baselineCommit() {
  try {
    return execFileSync('git', ['-C', dirname(baseline), 'log', '-1', '--format=%h (%s)'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}
const work = mkdtempSync(join(tmpdir(), 'ci-notifier-bench-'));
const TOKEN = '0123456789abcdef0123456789abcdef';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function timed(args, env = {}) {
  return new Promise((resolveRun, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(node, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ ms: Number(process.hrtime.bigint() - started) / 1e6, code, output }));
  });
}

/**
 * The defaults the runner fills in from action.yml for inputs a workflow omits (`timezone: Asia/Shanghai`,
 * `timeout: 10` …), so a measured run does what a real one does; expressions (`${{ job.status }}`) are left out.
 */
const RUNNER_DEFAULTS = Object.fromEntries(
  Object.entries(parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')).inputs)
    .filter(([, input]) => input.default !== undefined && !String(input.default).includes('${{'))
    .map(([name, input]) => [name, String(input.default)]),
);

function actionEnv(inputs, extra = {}) {
  const outputFile = join(work, `out-${Math.random().toString(36).slice(2)}`);
  writeFileSync(outputFile, '');
  const env = {
    GITHUB_EVENT_PATH: join(root, 'test/fixtures/events/push-failure.json'),
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'octo-org/hello-world',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_SHA: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
    GITHUB_ACTOR: 'octocat',
    GITHUB_OUTPUT: outputFile,
    ...extra,
  };
  for (const [name, value] of Object.entries({
    ...RUNNER_DEFAULTS,
    status: 'failure',
    template: 'auto',
    summary: 'false',
    ...inputs,
  })) {
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  return env;
}

async function repeat(count, fn) {
  const values = [];
  for (let i = 0; i < count; i++) values.push(await fn(i));
  return values;
}

/**
 * Runs the measurements in rotation (a, b, c, a, b, c, …) rather than each in a block: on a shared machine the
 * speed drifts over a minute, and a block would charge the drift to whichever ran during it.
 */
async function interleaved(count, fns) {
  const values = fns.map(() => []);
  for (let i = 0; i < count; i++) for (const [k, fn] of fns.entries()) values[k].push(await fn(i));
  return values;
}

/** A pushplus-shaped fake with optional latency; records request start and reply times. */
async function fake(latencyMs = 0) {
  const events = [];
  const server = createServer((req, res) => {
    const start = performance.now();
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 200, msg: '请求成功', data: 'bench' }));
        events.push({ start, end: performance.now() });
      }, latencyMs);
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    events,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

const rows = [];
const add = (measure, result, floor, verdict) => rows.push({ measure, result, floor, verdict });
/** `pass` / `FAIL` for a target, so a reader of the table sees at once which ones hold in this run. */
const verdict = (ok) => (ok ? 'pass' : 'FAIL');
const ms = (values) => `${median(values).toFixed(1)} ms`;
const times = (values, floor) => median(values) / median(floor);
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.round((values.length - 1) * q)];
/**
 * The spread of a ratio: each rotation's own ratio (this run ÷ the floor run next to it), its quartiles. On a
 * shared machine a median can sit on a target's line by luck; the spread says how far it could move.
 */
const spread = (values, floor) => {
  const ratios = values.map((value, i) => value / floor[i]);
  return `(quartiles ×${quantile(ratios, 0.25).toFixed(2)}–×${quantile(ratios, 0.75).toFixed(2)})`;
};

// The stand-in every send goes to: DingTalk's custom robot (POST /robot/send?access_token=…; a signed robot's
// `timestamp` and `sign` = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), as documented at
// https://open.dingtalk.com/document/robots/customize-robot-security-settings). It checks the signature when one is
// sent, so a send that signs wrongly fails the bench instead of being timed.
const DING_TOKEN = 'b'.repeat(64);
const DING_SECRET = `SEC${'5'.repeat(64)}`;
async function dingtalkStandIn() {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const query = new URL(req.url, 'http://stand-in').searchParams;
      const timestamp = query.get('timestamp');
      const signed = timestamp !== null;
      const good =
        !signed ||
        query.get('sign') === createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64');
      const reply =
        good && JSON.parse(body).msgtype ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}
const stand = await dingtalkStandIn();

// The one-provider baseline is built the way its model is (ncc, one file), once per bench run.
const shapeDir = join(work, 'one-provider-action');
execFileSync(node, [
  join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
  'build',
  join(root, 'scripts/bench/one-provider-action.mjs'),
  '-o',
  shapeDir,
  '--quiet',
]);
const shapeEntry = join(shapeDir, 'index.mjs');

const summaryFile = join(work, 'summary.md');
writeFileSync(summaryFile, '');
/** The action's inputs for a DingTalk run: signed robot, the built-in preset, the job summary written. */
const dingtalk = (extra) =>
  actionEnv(
    { provider: 'dingtalk', token: DING_TOKEN, secret: DING_SECRET, summary: 'true', ...extra },
    { GITHUB_STEP_SUMMARY: summaryFile },
  );
const successRun = (extra) => dingtalk({ status: 'success', 'notify-on': 'always', ...extra });
const successEnv = { GITHUB_EVENT_PATH: join(root, 'test/fixtures/events/push-branch.json') };

// The GitHub API for runs with a `github-token` (on GitHub the input defaults to `${{ github.token }}`): the run
// history, which every run with a token reads, and the why-it-failed lookup, which only a failure reads.
const GH_TOKEN = 'ghs_bench0000000000000000000000000000';
const github = await githubStandIn({
  runId: 1, // GITHUB_RUN_ID in actionEnv
  token: GH_TOKEN,
  log: join(root, 'test/fixtures/github-logs/tsc.log'),
});
const githubEnv = {
  GITHUB_API_URL: github.url,
  GITHUB_WORKFLOW_REF: 'octo-org/hello-world/.github/workflows/ci.yml@refs/heads/main',
  RUNNER_NAME: 'GitHub Actions 4243',
};
/** Runs a measure, then checks how many GitHub requests of each kind it made. */
const calls =
  (measure, what, expected) =>
  async (...args) => {
    github.take();
    const value = await measure(...args);
    const made = github.take();
    for (const kind of Object.keys(expected))
      if (!expected[kind](made[kind]))
        throw new Error(
          `${what}: ${String(made[kind])} ${kind} requests to the GitHub stand-in (${JSON.stringify(made)})`,
        );
    return value;
  };
const none = (count) => count === 0;
const some = (count) => count > 0;

const checked = (what, args, env) => async () => {
  const run = await timed(args, env);
  if (run.code !== 0 || /::error::/.test(run.output)) throw new Error(`${what} failed:\n${run.output}`);
  return run.ms;
};

// 1. Start-up and sends, all in one rotation so every ratio compares runs of the same minutes.
const measures = {
  bare: () => timed(['-e', '0']).then((r) => r.ms),
  dry: checked('dry run', [dist], dingtalk({ 'dry-run': 'true' })),
  cjsFloor: checked('CommonJS floor', [join(root, 'scripts/bench/cjs-post.cjs'), stand.url], {}),
  fetchFloor: checked('fetch floor', [join(root, 'scripts/bench/fetch-post.mjs'), stand.url], {}),
  shape: checked('one-provider baseline', [shapeEntry], {
    INPUT_TOKEN: DING_TOKEN,
    INPUT_SECRET: DING_SECRET,
    INPUT_STATUS: 'failure',
    INPUT_ENDPOINT: stand.url,
    GITHUB_OUTPUT: join(work, 'shape-output'),
  }),
  // Without a token: no GitHub call at all (the stand-in's URL is given, and it must see nothing).
  send: calls(
    checked('send (failure run)', [dist], { ...dingtalk({ endpoint: stand.url }), ...githubEnv }),
    'failure run without a token',
    { history: none, details: none },
  ),
  success: calls(
    checked('send (success run)', [dist], { ...successRun({ endpoint: stand.url }), ...successEnv, ...githubEnv }),
    'success run without a token',
    { history: none, details: none },
  ),
  // With a token: the failure reads the history and why it failed (jobs, annotations, the log behind its
  // redirect); the success reads the history and nothing of the lookup.
  lookup: calls(
    checked('send (failure run, history and why-it-failed lookup)', [dist], {
      ...dingtalk({ endpoint: stand.url, 'github-token': GH_TOKEN }),
      ...githubEnv,
    }),
    'failure run with a token',
    { history: some, details: some },
  ),
  successToken: calls(
    checked('send (success run, history)', [dist], {
      ...successRun({ endpoint: stand.url, 'github-token': GH_TOKEN }),
      ...successEnv,
      ...githubEnv,
    }),
    'success run with a token',
    { history: some, details: none },
  ),
  ...(baseline
    ? {
        dryBefore: checked('baseline dry run', [baseline], dingtalk({ 'dry-run': 'true' })),
        sendBefore: checked('baseline send', [baseline], dingtalk({ endpoint: stand.url })),
      }
    : {}),
};
const names = Object.keys(measures);
const series = Object.fromEntries(
  (await interleaved(runs, Object.values(measures))).map((values, k) => [names[k], values]),
);
const { bare, dry, cjsFloor, fetchFloor, shape, send, success, lookup, successToken } = series;
const vsBare = times(dry, bare);
add('`node -e 0`', ms(bare), '1.00', 'the floor for start-up');
add(
  'Dry run (DingTalk, preset, summary)',
  ms(dry),
  `×${vsBare.toFixed(2)} node -e 0 ${spread(dry, bare)}`,
  `target ≤ ×2.0: ${verdict(vsBare <= 2)}${series.dryBefore ? ` (baseline build ${ms(series.dryBefore)}, ×${times(series.dryBefore, bare).toFixed(2)})` : ''}`,
);
add('CommonJS `require(node:http)` POST', ms(cjsFloor), '1.00', 'the floor for a send');
add(
  '`fetch` POST (the former floor)',
  ms(fetchFloor),
  `×${times(fetchFloor, cjsFloor).toFixed(2)} CJS floor`,
  'reference',
);
add(
  'One-provider action, fixed text (leafney/dingtalk-action shape)',
  ms(shape),
  `×${times(shape, cjsFloor).toFixed(2)} CJS floor ${spread(shape, cjsFloor)}`,
  'the baseline a send must beat',
);
const sendRatio = times(send, cjsFloor);
add(
  'One signed DingTalk send (failure run)',
  ms(send),
  `×${sendRatio.toFixed(2)} CJS floor ${spread(send, cjsFloor)}`,
  `target ≤ ×1.75: ${verdict(sendRatio <= 1.75)}; faster than the one-provider action (×${times(send, shape).toFixed(2)} of it): ${verdict(median(send) < median(shape))}${series.sendBefore ? ` (baseline build ${ms(series.sendBefore)}, ×${times(series.sendBefore, cjsFloor).toFixed(2)})` : ''}`,
);
const successRatio = times(success, cjsFloor);
add(
  'One signed DingTalk send (success run)',
  ms(success),
  `×${successRatio.toFixed(2)} CJS floor ${spread(success, cjsFloor)}`,
  `target ≤ ×1.75: ${verdict(successRatio <= 1.75)}; faster than the one-provider action: ${verdict(median(success) < median(shape))}`,
);
const lookupRatio = times(lookup, cjsFloor);
add(
  'Failure send with a `github-token`: run history and why-it-failed lookup (jobs, annotations, log)',
  ms(lookup),
  `×${lookupRatio.toFixed(2)} CJS floor`,
  `+${(median(lookup) - median(send)).toFixed(1)} ms over the failure send without a token (history and lookup)`,
);
add(
  'Success send with a `github-token`: run history only, no why-it-failed request',
  ms(successToken),
  `×${times(successToken, cjsFloor).toFixed(2)} CJS floor`,
  `+${(median(successToken) - median(success)).toFixed(1)} ms over the success send without a token (history); the lookup alone ≈ ${(median(lookup) - median(send) - (median(successToken) - median(success))).toFixed(1)} ms`,
);

// 2. Fan-out: 200 deliveries, 50 ms latency, a declared limit of 50 requests per second.
const deliveries = 200;
const limit = { requests: 50, perMs: 1000 };
const latency = 50;
const ideal = Math.floor((deliveries - 1) / limit.requests) * limit.perMs + latency;
let busiest = 0;
const fanTimes = await repeat(Math.max(3, Math.floor(runs / 5)), async () => {
  const slow = await fake(latency);
  const target = Array.from({ length: deliveries }, (_, i) => `to:bench${i}`).join('\n');
  const run = await timed(
    [dist],
    actionEnv({ provider: 'pushplus', token: TOKEN, endpoint: slow.url, target, 'rate-limit': '50/s', timeout: '30' }),
  );
  await slow.close();
  if (run.code !== 0 || slow.events.length !== deliveries)
    throw new Error(`fan-out failed (${slow.events.length} received):\n${run.output.slice(0, 2000)}`);
  // The limit as the server sees it: the most requests that arrived within any one window.
  busiest = Math.max(
    busiest,
    busiestWindow(
      slow.events.map((e) => e.start),
      limit.perMs,
    ),
  );
  const first = Math.min(...slow.events.map((e) => e.start));
  const last = Math.max(...slow.events.map((e) => e.end));
  return last - first;
});
const fan = median(fanTimes);
add(
  `Fan-out: ${deliveries} deliveries, ${latency} ms latency, ${limit.requests}/s`,
  `${fan.toFixed(0)} ms (first request to last reply); at most ${busiest} requests arrived in any ${limit.perMs} ms`,
  `ideal: ${ideal} ms`,
  `${(((fan - ideal) / ideal) * 100).toFixed(1)}% over ideal (target ≤ 10%)`,
);

// 3. Bundle size and peak memory of a send.
const bundle = statSync(dist).size;
const chunks = readdirSync(join(root, 'dist')).filter((name) => name.endsWith('.js'));
const total = chunks.reduce((sum, name) => sum + statSync(join(root, 'dist', name)).size, 0);
add(
  'Bundle dist/index.js',
  `${(bundle / 1024).toFixed(0)} KiB`,
  `all dist/*.js: ${(total / 1024).toFixed(0)} KiB in ${chunks.length} files`,
  `target ≤ 284 KiB: ${verdict(bundle <= 284 * 1024)}${baseline ? ` (baseline build: ${(statSync(baseline).size / 1024).toFixed(0)} KiB)` : ''}`,
);
const peakRss = (args, env) => async () => {
  const out = join(work, `rss-${Math.random()}`);
  const run = await timed(['--import', join(root, 'scripts/rss-probe.mjs'), ...args], {
    ...env,
    CI_NOTIFIER_RSS_FILE: out,
  });
  if (run.code !== 0) throw new Error(run.output);
  return Number(readFileSync(out, 'utf8')) / 1024;
};
// Interleaved like the timings: memory use drifts less than speed, but it does drift.
const [rss, bareRss, cjsRss, rssBefore] = await interleaved(7, [
  peakRss([dist], dingtalk({ endpoint: stand.url })),
  peakRss(['-e', '0'], {}),
  peakRss([join(root, 'scripts/bench/cjs-post.cjs'), stand.url], {}),
  ...(baseline ? [peakRss([baseline], dingtalk({ endpoint: stand.url }))] : []),
]);
await stand.close();
await github.close();
add(
  'Peak RSS of a send',
  `${median(rss).toFixed(1)} MiB`,
  `node -e 0: ${median(bareRss).toFixed(1)} MiB; CJS floor: ${median(cjsRss).toFixed(1)} MiB`,
  `target ≤ 60 MiB: ${verdict(median(rss) <= 60)}${rssBefore ? ` (baseline build: ${median(rssBefore).toFixed(1)} MiB)` : ''}`,
);

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}-${process.arch}`;
const table = [
  '| Measure | ci-notifier | Floor | Result |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.measure} | ${r.result} | ${r.floor} | ${r.verdict} |`),
].join('\n');
console.log(`\n${table}\n\nMachine: ${machine}; medians of ${runs} runs.`);

writeFileSync(
  join(root, 'docs/benchmarks.md'),
  `# Benchmarks\n\nProduced by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Medians of ${runs} runs (fan-out: ${fanTimes.length}).\n\nMachine: ${machine}.\n\n${table}\n\n` +
    '- Dry run: `node dist/index.js` rendering a build-failure alert for a signed DingTalk robot with the built-in preset, in dry-run mode, writing the job summary; against `node -e 0`.\n' +
    '- Sends: the action posting one signed DingTalk message to a local stand-in (which checks the signature), after a failed push (`status: failure`) and after a green one (`status: success`, `notify-on: always`); against the cheapest possible POST to the same stand-in, a CommonJS script that `require`s `node:http` (`scripts/bench/cjs-post.cjs`). The same POST through `fetch` (`scripts/bench/fetch-post.mjs`, the former floor) and a fixed-text one-provider action of the leafney/dingtalk-action shape (`scripts/bench/one-provider-action.mjs`, `@actions/core` plus a signed POST, bundled with ncc like its model) run in the same rotation.\n' +
    "- With a `github-token` (the input defaults to `${{ github.token }}` on GitHub): the same failure and success sends against a local GitHub API stand-in (`scripts/bench/github-stand-in.mjs`). Every run with a token reads the run history (this attempt's jobs, earlier runs of the workflow); a failure also looks up why it failed (all jobs, the failed job's annotations, its log behind the signed redirect). The stand-in counts both kinds of request: the bench fails if a success run makes a why-it-failed request, or a run without a token any GitHub request. The lookup alone is the failure's extra time less the success's.\n" +
    '- Fan-out: 200 `to:` targets, each its own delivery, through a fake that answers after 50 ms, with `rate-limit: 50/s`; measured from the first request the fake received to its last reply. The ideal is the limiter admitting 50 per second counted from request starts: the last request can start at 3 s and ends 50 ms later. The limiter counts each request until it has finished (so the service never sees more than the limit in any window, checked here from arrival times at the fake), which adds one round trip per window: 3200 ms is the best possible under that rule.\n' +
    '- Peak RSS: `process.resourceUsage().maxRSS` of the whole process at exit.\n' +
    "- Runs are interleaved (floor, dry run, floors, baseline, sends, baseline, floor, …) so drift in the machine's speed hits all alike; every ratio compares medians of the same rotation. The quartiles are those of each rotation's own ratio (a run ÷ the floor run of the same rotation): how far the median could move on this machine.\n" +
    (baseline
      ? `- Baseline build: ${baselineCommit() ? `the dist/ of commit ${baselineCommit()}` : 'a dist/ given with --baseline (not in a git checkout, so no commit to name)'}, measured in the same interleaved runs.\n`
      : ''),
);
