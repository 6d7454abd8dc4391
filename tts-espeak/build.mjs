// Builds the package (`npm run build`, and `npm pack` through prepack): the engine compiled to dist/
// (JavaScript and declarations, so that a user needs no TypeScript), the speech worker's thread beside
// the code that starts it.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const here = import.meta.dirname;
const dist = path.join(here, 'dist');

// A fresh folder: a file left from an older build would be packed too.
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
// tsc's messages go to stderr, so that `npm pack --json` prints nothing but its JSON on stdout.
const run = spawnSync(process.execPath, [tsc, '-p', path.join(here, 'tsconfig.json')], {
  stdio: ['ignore', process.stderr, process.stderr],
});
if (run.status !== 0) {
  process.stderr.write(
    `tts-espeak build: tsc failed (exit ${run.status ?? run.signal}); fix the errors above\n`,
  );
  process.exit(run.status ?? 1);
}
process.stderr.write(`tts-espeak build: ${path.relative(process.cwd(), dist) || '.'} is ready\n`);
