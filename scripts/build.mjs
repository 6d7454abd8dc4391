// `npm start` and `npm run build`: builds what changed since the last build (the server with tsc, the tab
// with Vite) and skips what is up to date, so that a start with nothing changed costs a content hash
// of the sources (about a tenth of a second) instead of half a minute. --force builds every step.
// Usage: node scripts/build.mjs [--force]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { hashFiles, inputFiles, readStamps, stepStatus, writeStamp } from './build/stamp.mjs';
import { STEPS } from './build/steps.mjs';

const root = path.resolve(import.meta.dirname, '..');
const force = process.argv.includes('--force');
const started = performance.now();
const stamps = readStamps(root);
const built = [];
for (const step of STEPS) {
  const status = force
    ? { build: true, hash: hashFiles(root, inputFiles(root, step.inputs)), missing: [], why: 'forced' }
    : stepStatus(root, step, stamps);
  if (!status.build) continue;
  process.stdout.write(`build: ${step.name}: ${status.why}; ${step.label}\n`);
  step.prepare(root, { full: force || status.missing.length > 0 });
  const run = spawnSync(process.execPath, step.command, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    process.stderr.write(
      `build: the ${step.name} build failed (exit ${run.status ?? run.signal}); fix the error above and start again\n`,
    );
    process.exit(run.status ?? 1);
  }
  writeStamp(root, step.name, status.hash);
  built.push(step.name);
}
const seconds = ((performance.now() - started) / 1000).toFixed(2);
process.stdout.write(
  `build: ${built.length ? `built ${built.join(' and ')}` : 'up to date'} (${seconds} s)\n`,
);
