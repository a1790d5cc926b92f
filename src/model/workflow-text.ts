/**
 * A GitHub runner reads everything a step writes for workflow commands: a line that starts with `::` after
 * leading whitespace (`::add-mask::x`, `::warning::…`), and, anywhere in a line, the legacy `##[command]` form
 * (see ActionCommand.TryParseV2 and TryParse in https://github.com/actions/runner). Lines end at `\n` or `\r`.
 * Text from outside (a provider's reply, a commit message in a dry run) written as plain output must be neither:
 * the `::` that would start a command becomes `%3A%3A` and every `##[` becomes `##%5B`, the runner's own escapes,
 * so the text stays readable and is plainly escaped. Commands this action issues escape their data (runner.ts).
 */
export function neutralizeWorkflowCommands(text: string): string {
  // Linear: the whitespace run cannot contain a line end, so each run is scanned once.
  return text.replace(/(^|[\r\n])([^\S\r\n]*)::/g, '$1$2%3A%3A').replace(/##\[/g, '##%5B');
}

/** The same for JSON output: `[` escaped as `\u005b` inside strings keeps the JSON's value unchanged. */
export function neutralizeWorkflowCommandsInJson(json: string): string {
  return json.replace(/##\[/g, '##\\u005b');
}
