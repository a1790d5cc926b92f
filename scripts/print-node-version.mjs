// Proves which Node runs the tests: the `node` devDependency puts Node 24 first on the PATH of npm scripts.
const major = Number(process.versions.node.split('.')[0]);
console.log(`Node ${process.version} (${process.execPath})`);
if (major < 24) {
  console.error(
    `Expected Node 24 (the action runs on node24), got ${process.version}. Run through npm scripts after npm ci.`,
  );
  process.exit(1);
}
