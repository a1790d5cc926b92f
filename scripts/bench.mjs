// Benchmark (not a test: it never fails on timing). Measures, side by side and as medians of repeated runs:
// cold start against `node -e 0`, one real send against a minimal fetch script, a 200-delivery fan-out against the
// ideal time its rate limit allows, bundle size and peak memory. Prints a table and writes docs/benchmarks.md.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { parse as parseYaml } from 'yaml';

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
    return execFileSync('git', ['-C', dirname(baseline), 'log', '-1', '--format=%h (%s)'], { encoding: 'utf8' }).trim();
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

// 1. Cold start.
const dryRun = (file) => async () => {
  const run = await timed([file], actionEnv({ provider: 'pushplus', token: TOKEN, 'dry-run': 'true' }));
  if (run.code !== 0) throw new Error(`dry run failed:\n${run.output}`);
  return run.ms;
};
const [bare, dry, dryBefore] = await interleaved(runs, [
  () => timed(['-e', '0']).then((r) => r.ms),
  dryRun(dist),
  ...(baseline ? [dryRun(baseline)] : []),
]);
const overhead = median(dry) - median(bare);
const before = (values, unit = 'ms') =>
  values
    ? ` (baseline build: ${median(values).toFixed(1)} ${unit}, overhead ${(median(values) - median(bare)).toFixed(1)} ${unit})`
    : '';
add(
  'Cold start, dry run',
  `${median(dry).toFixed(1)} ms`,
  `node -e 0: ${median(bare).toFixed(1)} ms`,
  `overhead ${overhead.toFixed(1)} ms (target ≤ 60)${before(dryBefore)}`,
);

// 2. One real send against a minimal fetch script.
const single = await fake(0);
const floorScript = join(work, 'floor.mjs');
writeFileSync(
  floorScript,
  `const r = await fetch(process.argv[2] + '/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: '${TOKEN}', title: 't', content: 'c' }) });\nconst j = await r.json(); if (j.code !== 200) process.exit(1);\n`,
);
const sendOnce = (file) => async () => {
  const run = await timed([file], actionEnv({ provider: 'pushplus', token: TOKEN, endpoint: single.url }));
  if (run.code !== 0) throw new Error(`send failed:\n${run.output}`);
  return run.ms;
};
const [floorRuns, sendRuns, sendBefore] = await interleaved(runs, [
  () => timed([floorScript, single.url]).then((r) => r.ms),
  sendOnce(dist),
  ...(baseline ? [sendOnce(baseline)] : []),
]);
await single.close();
const ratio = median(sendRuns) / median(floorRuns);
add(
  'One send to a local fake',
  `${median(sendRuns).toFixed(1)} ms`,
  `fetch script: ${median(floorRuns).toFixed(1)} ms`,
  `×${ratio.toFixed(2)} (target ≤ 1.3)${sendBefore ? ` (baseline build: ${median(sendBefore).toFixed(1)} ms, ×${(median(sendBefore) / median(floorRuns)).toFixed(2)})` : ''}`,
);

// 3. Fan-out: 200 deliveries, 50 ms latency, a declared limit of 50 requests per second.
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

// 4. Bundle size and peak memory of a send.
const bundle = statSync(dist).size;
const chunks = readdirSync(join(root, 'dist')).filter((name) => name.endsWith('.js'));
const total = chunks.reduce((sum, name) => sum + statSync(join(root, 'dist', name)).size, 0);
add(
  'Bundle dist/index.js',
  `${(bundle / 1024).toFixed(0)} KiB`,
  `all dist/*.js: ${(total / 1024).toFixed(0)} KiB in ${chunks.length} files`,
  `target ≤ 1 MB with every provider${baseline ? ` (baseline build: ${(statSync(baseline).size / 1024).toFixed(0)} KiB)` : ''}`,
);
const rssServer = await fake(0);
const peakRss = (file) => async () => {
  const out = join(work, `rss-${Math.random()}`);
  const run = await timed(
    ['--import', join(root, 'scripts/rss-probe.mjs'), file],
    actionEnv({ provider: 'pushplus', token: TOKEN, endpoint: rssServer.url }, { CI_NOTIFIER_RSS_FILE: out }),
  );
  if (run.code !== 0) throw new Error(run.output);
  return Number(readFileSync(out, 'utf8')) / 1024;
};
// Interleaved with the baseline's, like the timings: memory use drifts less than speed, but it does drift.
const [rss, rssBefore] = await interleaved(5, [peakRss(dist), ...(baseline ? [peakRss(baseline)] : [])]);
const bareRss = await repeat(5, async () => {
  const file = join(work, `rss-bare-${Math.random()}`);
  await timed(['--import', join(root, 'scripts/rss-probe.mjs'), '-e', '0'], { CI_NOTIFIER_RSS_FILE: file });
  return Number(readFileSync(file, 'utf8')) / 1024;
});
await rssServer.close();
add(
  'Peak RSS of a send',
  `${median(rss).toFixed(1)} MiB`,
  `node -e 0: ${median(bareRss).toFixed(1)} MiB`,
  `target ≤ 80 MB${rssBefore ? ` (baseline build: ${median(rssBefore).toFixed(1)} MiB)` : ''}`,
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
    '- Cold start: `node dist/index.js` rendering a build-failure alert in dry-run mode, against `node -e 0`.\n' +
    '- One send: the action posting to a local pushplus-shaped fake, against a script that makes the same request with `fetch`.\n' +
    '- Fan-out: 200 `to:` targets, each its own delivery, through a fake that answers after 50 ms, with `rate-limit: 50/s`; measured from the first request the fake received to its last reply. The ideal is the limiter admitting 50 per second counted from request starts: the last request can start at 3 s and ends 50 ms later. The limiter counts each request until it has finished (so the service never sees more than the limit in any window, checked here from arrival times at the fake), which adds one round trip per window: 3200 ms is the best possible under that rule.\n' +
    '- Peak RSS: `process.resourceUsage().maxRSS` of the whole process at exit.\n' +
    "- Runs are interleaved (floor, action, baseline, floor, …) so drift in the machine's speed hits all alike.\n" +
    (baseline
      ? `- Baseline build: ${baselineCommit() ? `the dist/ of commit ${baselineCommit()}` : 'a dist/ given with --baseline (not in a git checkout, so no commit to name)'}, measured in the same interleaved runs.\n`
      : ''),
);
