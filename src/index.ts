// The action's entry point: the only module with a side effect. Import order matters: the tuning comes first.
import './action/regexp-tuning.js';
import { run } from './action/main.js';
import { createRunnerCore } from './action/runner.js';

await run(createRunnerCore());
