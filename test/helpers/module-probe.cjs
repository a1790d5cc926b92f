// Preloaded with `NODE_OPTIONS=--require <this file>` by test/integration/startup-modules.action.test.ts: writes
// the Node built-in modules the process loaded (process.moduleLoadList) to CI_NOTIFIER_MODULES_FILE at exit. fs is
// loaded before any user code runs, so the probe adds nothing to the list it reports.
'use strict';

process.on('exit', () => {
  process
    .getBuiltinModule('node:fs')
    .writeFileSync(process.env.CI_NOTIFIER_MODULES_FILE, JSON.stringify(process.moduleLoadList));
});
