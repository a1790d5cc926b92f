// Benchmark (not a test: it never fails on timing). Untrusted text at its largest, through `node dist/index.js` as
// the runner runs it (dry run, so nothing is sent): a 25 MB push event (GitHub's payload limit) whose commit message
// is the whole payload, the same as a release body, 10 JUnit reports each holding one 8 MB test name (the
// per-report cap), and JUnit reports that fill both total budgets and go on past them. Prints wall time and peak
// RSS (from /usr/bin/time when present, else the child's own report), next to `node -e 0` for the baseline memory
// of a Node process, CPU time (user + system), which a busy machine disturbs less than wall time, and pass or FAIL
// against issue 24's bound (2 s, 200 MB over `node -e 0`). Run it on Node 22 or later (JUnit globs need fs.glob),
// after `npm run build`: `node_modules/.bin/node scripts/bench-untrusted.mjs [dist dir]`; BENCH_CASES=junit,push
// runs the cases whose names match.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(resolve(process.argv[2] ?? join(root, 'dist')), 'index.js');
const work = mkdtempSync(join(tmpdir(), 'ci-notifier-untrusted-'));
const MB = 1024 * 1024;
const push = JSON.parse(readFileSync(join(root, 'test/fixtures/events/push-failure.json'), 'utf8'));
const release = JSON.parse(readFileSync(join(root, 'test/fixtures/events/release-published.json'), 'utf8'));

/** Words and Markdown, so rendering does its real work (escaping, mentions, links), not one run of a letter. */
const text = (bytes) => {
  const unit = 'Fix the *build* of `core` for @all <at user_id="all"> [x](http://e.com) 构建失败 _ok_\n';
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))).slice(0, bytes);
};

function event(name, base, fill) {
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(fill(structuredClone(base), text(25 * MB - 64 * 1024))));
  return file;
}

const cases = [
  {
    name: '25 MB commit message (push)',
    eventName: 'push',
    event: event('push', push, (payload, body) => {
      payload.head_commit.message = body;
      if (payload.commits?.[0]) payload.commits[0].message = 'x';
      return payload;
    }),
    inputs: {},
  },
  {
    name: '25 MB release body',
    eventName: 'release',
    event: event('release', release, (payload, body) => {
      payload.release.body = body;
      return payload;
    }),
    inputs: { template: 'release' },
  },
  {
    name: '10 JUnit reports, one 8 MB test name each',
    eventName: 'push',
    event: join(root, 'test/fixtures/events/push-failure.json'),
    inputs: { junit: 'reports/*.xml' },
    setup() {
      mkdirSync(join(work, 'reports'), { recursive: true });
      const name = 'n'.repeat(8 * MB - 512);
      for (let i = 0; i < 10; i++)
        writeFileSync(
          join(work, 'reports', `r${i}.xml`),
          `<testsuite name="s${i}"><testcase classname="c${i}" name="${name}"><failure message="boom"/></testcase></testsuite>`,
        );
    },
  },
  {
    // The worst the JUnit budgets let through (src/model/junit.ts): test cases up to MAX_TOTAL_MARKUP tags and
    // attributes, log text up to MAX_TOTAL_REPORT_BYTES, then four 8 MB reports of ordinary test cases that the
    // budget leaves unread (before it, every one was parsed: 200 of them would have been 1.6 GB).
    name: 'JUnit at both total budgets (150,000 tags and attributes, 16 MB), then 4 more 8 MB reports',
    eventName: 'push',
    event: join(root, 'test/fixtures/events/push-failure.json'),
    inputs: { junit: 'budget/*.xml' },
    setup() {
      mkdirSync(join(work, 'budget'), { recursive: true });
      const testcase = (i) =>
        `<testcase classname="com.acme.core.ServiceTest${i % 50}" name="should handle case number ${i} correctly" time="0.012"/>\n`;
      const cases = (count, from) => Array.from({ length: count }, (_, i) => testcase(from + i)).join('');
      // The densest test cases, which cost the most a tag (measured): two tags and attributes each (`<` and `=`),
      // eight for the rest of the report, and eight for each log report below.
      const tiny = Array.from({ length: 74_985 }, (_, i) => `<testcase name="t${i}"/>`).join('');
      const dense = `<testsuite name="dense"><testcase name="boom"><failure message="boom"/></testcase>${tiny}</testsuite>`;
      writeFileSync(join(work, 'budget', 'a-dense.xml'), dense);
      // Log text of `bytes` UTF-8 bytes (the text's CJK takes three), with nothing that counts as markup.
      const log = (bytes) => {
        const body = Buffer.from(text(bytes).replace(/[<>&=]/g, '-'))
          .subarray(0, bytes)
          .toString()
          .replace(/\uFFFD+$/, '');
        return `<testsuite name="logs"><testcase name="noisy"><system-out>${body}</system-out></testcase></testsuite>`;
      };
      const rest = 16 * MB - Buffer.byteLength(dense) - 1024;
      writeFileSync(join(work, 'budget', 'b-log.xml'), log(Math.floor(rest / 2)));
      writeFileSync(join(work, 'budget', 'c-log.xml'), log(Math.floor(rest / 2)));
      const ordinary = `<testsuite name="more">${cases(Math.floor((8 * MB - 1024) / testcase(999_999).length), 100_000)}</testsuite>`;
      for (const name of ['d', 'e', 'f', 'g']) writeFileSync(join(work, 'budget', `${name}-more.xml`), ordinary);
    },
  },
];

const hasTime = existsSync('/usr/bin/time');
// BENCH_KEEP=1 keeps the generated files (printed) for profiling one case by hand.
const keep = process.env.BENCH_KEEP === '1';
function measure(args, env) {
  const started = process.hrtime.bigint();
  const run = hasTime
    ? spawnSync('/usr/bin/time', ['-f', 'MAXRSS_KB=%M CPU_S=%U+%S', process.execPath, ...args], {
        env,
        encoding: 'utf8',
        maxBuffer: 512 * MB,
      })
    : spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 512 * MB });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/MAXRSS_KB=(\d+)/.exec(run.stderr ?? '')?.[1] ?? NaN) / 1024;
  const [user, system] = (/CPU_S=([\d.]+)\+([\d.]+)/.exec(run.stderr ?? '') ?? []).slice(1).map(Number);
  return {
    ms,
    rss,
    cpu: (user ?? NaN) + (system ?? NaN),
    status: run.status,
    stdout: run.stdout ?? '',
    stderr: run.stderr ?? '',
  };
}

const baseline = measure(['-e', '0'], { PATH: process.env.PATH });
console.log(
  `${process.version}, node -e 0: ${baseline.ms.toFixed(0)} ms wall, ${baseline.cpu.toFixed(2)} s CPU, ${baseline.rss.toFixed(0)} MB peak RSS`,
);
const only = process.env.BENCH_CASES?.split(',');
for (const item of cases.filter((entry) => !only || only.some((word) => entry.name.toLowerCase().includes(word)))) {
  item.setup?.();
  const inputs = {
    provider: 'pushplus',
    token: '0123456789abcdef0123456789abcdef',
    'dry-run': 'true',
    status: 'failure',
    summary: 'false',
    ...item.inputs,
  };
  const env = {
    PATH: process.env.PATH,
    GITHUB_EVENT_NAME: item.eventName,
    GITHUB_EVENT_PATH: item.event,
    GITHUB_REPOSITORY: 'octo-org/hello-world',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_WORKSPACE: work,
    ...Object.fromEntries(Object.entries(inputs).map(([key, value]) => [`INPUT_${key.toUpperCase()}`, value])),
  };
  const run = measure([dist], env);
  const extra = run.rss - baseline.rss;
  for (const line of run.stdout.split('\n').filter((text) => text.startsWith('::warning::')))
    console.log(`  ${line.slice(0, 160)}`);
  // The bound of issue 24: under 2 s and 200 MB over a bare Node process. Judged on CPU time, which a busy
  // machine disturbs less than wall time (both are printed).
  const verdict = run.status === 0 && run.cpu < 2 && extra < 200 ? 'pass' : 'FAIL';
  console.log(
    `${item.name}: exit ${run.status}, ${(run.ms / 1000).toFixed(2)} s wall, ${run.cpu.toFixed(2)} s CPU, ${run.rss.toFixed(0)} MB peak RSS (${extra.toFixed(0)} MB over node -e 0), ${(run.stdout.length / 1024).toFixed(0)} KiB printed: ${verdict} (2 s CPU, 200 MB)`,
  );
}
if (keep) console.log(`files kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
