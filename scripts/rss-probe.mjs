// Loaded with `node --import` by the bench: writes the process's peak RSS (KiB) when it exits.
import { writeFileSync } from 'node:fs';

const target = process.env.CI_NOTIFIER_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
