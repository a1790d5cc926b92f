/**
 * A GitHub runner reads everything a step writes for workflow commands: a line that starts with `::` after
 * leading whitespace (`::add-mask::x`, `::warning::…`), and, anywhere in a line, the legacy `##[command]` form
 * (see ActionCommand.TryParseV2 and TryParse in https://github.com/actions/runner). Lines end at `\n` or `\r`.
 * Text from outside (a provider's reply, a commit message in a dry run) written as plain output must be neither:
 * the `::` that would start a command becomes `%3A%3A` and every `##[` becomes `##%5B`, the runner's own escapes,
 * so the text stays readable and is plainly escaped. Commands this action issues escape their data (runner.ts).
 */

/**
 * The whitespace the runner strips before it looks for `::`: .NET's `String.TrimStart()`, which removes every
 * character for which `char.IsWhiteSpace` is true. That set is not JavaScript's `\s`: it holds U+0085 (NEXT LINE),
 * which `\s` lacks, so `"\u0085::warning::x"` was a live command. From
 * https://learn.microsoft.com/dotnet/api/system.char.iswhitespace (Remarks): the SpaceSeparator category (U+0020,
 * U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000), the LineSeparator U+2028, the ParagraphSeparator U+2029,
 * and U+0009–U+000D, U+0085. U+180E (MONGOLIAN VOWEL SEPARATOR) was a SpaceSeparator before Unicode 6.3 and older
 * .NET versions still list it; it is kept here so that any runner's .NET finds no command. U+000A and U+000D end
 * a line (StreamReader.ReadLine), so they are left out of the in-line run below.
 */
export const RUNNER_WHITESPACE: readonly string[] = [
  '\u0009',
  '\u000A',
  '\u000B',
  '\u000C',
  '\u000D',
  '\u0020',
  '\u0085',
  '\u00A0',
  '\u1680',
  '\u180E',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u2028',
  '\u2029',
  '\u202F',
  '\u205F',
  '\u3000',
];

/** Whitespace inside one line, as the runner trims it: RUNNER_WHITESPACE without the line ends. */
const BLANK = '[\\t\\v\\f \\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const COMMAND_START = new RegExp(`(^|[\\r\\n])(${BLANK}*)::`, 'g');

export function neutralizeWorkflowCommands(text: string): string {
  // Linear: the whitespace run cannot contain a line end, so each run is scanned once.
  return text.replace(COMMAND_START, '$1$2%3A%3A').replace(/##\[/g, '##%5B');
}

/** The same for JSON output: `[` escaped as `\u005b` inside strings keeps the JSON's value unchanged. */
export function neutralizeWorkflowCommandsInJson(json: string): string {
  return json.replace(/##\[/g, '##\\u005b');
}
