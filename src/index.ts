// The action's entry point: the only module with a side effect.
import * as core from '@actions/core';
import { run } from './action/main.js';

await run(core);
