// Fails when dist/ differs from what `npm run build` produces: GitHub runs dist/index.js as committed.
import { execFileSync } from 'node:child_process';

execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' }).trim();
if (changed) {
  console.error(`dist/ is not what \`npm run build\` produces:\n${changed}\nRun npm run build and commit dist/.`);
  execFileSync('git', ['--no-pager', 'diff', '--stat', '--', 'dist'], { stdio: 'inherit' });
  process.exit(1);
}
console.log('dist/ matches a fresh build.');
