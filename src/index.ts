// The action's entry point: the only module with a side effect.
import { run } from './action/main.js';
import { createRunnerCore } from './action/runner.js';

await run(createRunnerCore());
