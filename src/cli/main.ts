#!/usr/bin/env node
// The `ci-notifier` bin: the only CLI module with a side effect.
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
