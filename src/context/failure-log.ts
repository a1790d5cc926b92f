/**
 * Picks the lines of a CI job log that explain a failure. One pass over the lines, with a bounded window of the
 * lines before each error, so the time is linear in the size of the log (which is capped before it gets here)
 * and no regular expression can backtrack: every pattern below is anchored or a plain character class.
 *
 * GitHub writes each line as `<ISO 8601 timestamp> <message>` and marks errors with `##[error]` (the runner's
 * Logging.cs and ScriptHandler.cs, actions/runner); a `::error …::` workflow command shows up the same way.
 * GitLab traces carry ANSI colours and `section_start:…` markers instead.
 */

/** Limits of one excerpt. */
export interface ExcerptBudget {
  /** Lines kept in the excerpt. */
  maxLines: number;
  /** Lines kept before each error line (the compiler output, the failed assertion …). */
  contextLines: number;
  /** Characters kept of one line. */
  maxLineChars: number;
}

export const DEFAULT_EXCERPT_BUDGET: ExcerptBudget = { maxLines: 30, contextLines: 12, maxLineChars: 300 };

export interface Excerpt {
  lines: string[];
  /** Lines were dropped: more errors than the budget, or the log was read in part. */
  truncated: boolean;
  /** The log had `##[error]` lines (false: the excerpt is the end of the log). */
  foundErrors: boolean;
}

// `2025-07-04T14:32:09.5024381Z ` (DateTime.ToString("O")) at the start of every GitHub log line.
const TIMESTAMP = /^\uFEFF?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?/;
// CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks, titles). Bounded repetitions: each match
// attempt reads a bounded stretch, so a line full of unterminated escapes still costs linear time.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const ANSI = /\u001b\[[0-?]{0,32}[ -/]{0,8}[@-~]|\u001b\][^\u0007\u001b]{0,512}(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
// Other control characters except tab.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// GitLab: `section_start:1700000000:step_script\r\u001b[0K` markers.
const GITLAB_SECTION = /^section_(?:start|end):\d+:[\w.-]+(?:\[[^\]]*\])?/;

/**
 * Tokens that are secrets wherever they appear, even when nobody registered them (a token echoed by a script,
 * a URL with credentials). GitHub already masks the run's own secrets as `***`; this catches the rest.
 */
const SECRET_PATTERNS: RegExp[] = [
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];
// `Bearer xyz`, `token=xyz`, `password: xyz`, `//user:pass@host`.
const LABELLED_SECRET =
  /\b(authorization:\s*(?:bearer|token|basic)\s+|bearer\s+|(?:access_token|api[_-]?key|apikey|token|secret|password|passwd|pwd|_authToken)\s*[=:]\s*["']?)[^\s"'&]{4,}/gi;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]{1,20}:\/\/)[^\s/:@]{1,200}:[^\s/@]{1,200}@/gi;

/** Masks well-known token shapes and labelled secrets. */
export function redactKnownSecrets(line: string): string {
  let out = line.replace(URL_CREDENTIALS, (_match, scheme: string) => `${scheme}***@`);
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '***');
  return out.replace(LABELLED_SECRET, (_match, label: string) => `${label}***`);
}

/** One raw log line as a reader should see it: no timestamp, no colour, no control characters. */
export function cleanLine(raw: string): string {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  // A progress bar rewrites its line with carriage returns: what the reader saw last is after the last one.
  const lastReturn = line.lastIndexOf('\r');
  line = line.replace(TIMESTAMP, '');
  if (lastReturn >= 0) line = line.slice(line.lastIndexOf('\r') + 1);
  line = line.replace(ANSI, '').replace(CONTROL, '');
  return line.replace(GITLAB_SECTION, '').trimEnd();
}

function clip(line: string, max: number): string {
  if (line.length <= max) return line;
  // Do not cut a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(line[max - 1] ?? '') ? max - 1 : max;
  return `${line.slice(0, end)}…`;
}

type Kind = 'error' | 'text' | 'skip' | 'step';

/** What a cleaned line is: an error, the start of a step (a window boundary), noise, or output. */
function classify(line: string): { kind: Kind; text: string } {
  if (line.startsWith('##[error]')) return { kind: 'error', text: line.slice(9) };
  if (line.startsWith('##[group]Run ') || line === 'Post job cleanup.') return { kind: 'step', text: line };
  if (line.startsWith('##[')) return { kind: 'skip', text: line };
  if (line.trim() === '') return { kind: 'skip', text: line };
  return { kind: 'text', text: line };
}

/**
 * The lines that explain the failure: each `##[error]` line with up to `contextLines` lines before it (within the
 * same step), in log order, at most `maxLines` in all, a `…` line between windows that are not adjacent. A log
 * without error markers gives its last lines. The runner's own "Process completed with exit code N." is kept only
 * when the excerpt has room left, as it says least.
 */
export function excerptLog(
  text: string,
  budget: ExcerptBudget = DEFAULT_EXCERPT_BUDGET,
  redact: (line: string) => string = (line) => line,
): Excerpt {
  const out: string[] = [];
  let truncated = false;
  let foundErrors = false;
  // The last `contextLines` output lines of the current step, with their line numbers (a ring, bounded).
  let window: { n: number; text: string }[] = [];
  // Inside the runner's echo of a step's script (`##[group]Run …` to `##[endgroup]`): the script, shell and env.
  let inStepHeader = false;
  let lastEmitted = -2;
  const tail: string[] = [];
  const keep = (n: number, line: string) => {
    if (out.length >= budget.maxLines) {
      truncated = true;
      return;
    }
    if (lastEmitted >= 0 && n !== lastEmitted + 1 && out[out.length - 1] !== '…') {
      if (out.length + 1 >= budget.maxLines) {
        truncated = true;
        return;
      }
      out.push('…');
    }
    out.push(clip(redact(redactKnownSecrets(line)), budget.maxLineChars));
    lastEmitted = n;
  };
  let n = 0;
  let start = 0;
  const length = text.length;
  while (start <= length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = length;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw === '' && start > length) break;
    const { kind, text: line } = classify(cleanLine(raw));
    if (inStepHeader) {
      if (line.startsWith('##[endgroup]')) inStepHeader = false;
      continue;
    }
    if (kind === 'step') {
      window = [];
      inStepHeader = line.startsWith('##[group]Run ');
      continue;
    }
    if (kind === 'skip') continue;
    // Output lines are numbered (blank and marker lines are not), so a gap mark means lines were left out.
    n++;
    if (kind === 'text') {
      window.push({ n, text: line });
      if (window.length > budget.contextLines) window.shift();
      tail.push(line);
      if (tail.length > budget.maxLines) tail.shift();
      continue;
    }
    foundErrors = true;
    const exitLine = /^Process completed with exit code \d+\.?$/.test(line);
    for (const before of window) if (before.n > lastEmitted) keep(before.n, before.text);
    window = [];
    // The exit-code line is reached at the end of a step; keep it only while there is room for it.
    if (exitLine && out.length >= budget.maxLines - 1 && out.length > 0) continue;
    keep(n, `Error: ${line}`);
  }
  if (!foundErrors) {
    const lines = tail.map((line) => clip(redact(redactKnownSecrets(line)), budget.maxLineChars));
    return { lines, truncated: false, foundErrors };
  }
  return { lines: out, truncated, foundErrors };
}
