// Builds the package (`npm run build`, and `npm pack` through prepack): calling/ compiled to dist/ as
// CommonJS with declarations, plus an ES module entry beside it. calling/ reads no file of its own at
// run time (prompts, menus and the front desk's rules are the user's; hold music is synthesised), so
// there is nothing else to copy.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const here = import.meta.dirname;
const dist = path.join(here, 'dist');

// One implementation, loaded once: the ES entry re-exports the CommonJS build rather than being a second
// tsc build. The sources import each other without extensions, which Node's ES loader does not resolve,
// and two builds would give two copies of every class (an error thrown by one would fail `instanceof`
// in the other). Node finds the CommonJS build's named exports by reading tsc's output (its
// `exports.name = ...` and re-export getters), so the entry names each public export of the build (not
// `export *`, which would pass tsc's `__esModule` marker on as a name too); the packaging test imports
// each one by name.
function esmEntry(names) {
  return `// The ES module entry: the CommonJS build's public names (see calling/build.mjs).\nexport {\n${names.map((n) => `  ${n},\n`).join('')}} from './index.js';\n`;
}
// The ES entry's declarations: the same names, read from the CommonJS declarations.
const ESM_TYPES = "export * from './index.js';\n";

// A fresh folder: a file left from an older build would be packed too.
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
// tsc's messages go to stderr, so that `npm pack --json` prints nothing but its JSON on stdout.
const run = spawnSync(process.execPath, [tsc, '-p', path.join(here, 'tsconfig.json')], {
  stdio: ['ignore', process.stderr, process.stderr],
});
if (run.status !== 0) {
  process.stderr.write(
    `calling build: tsc failed (exit ${run.status ?? run.signal}); fix the errors above\n`,
  );
  process.exit(run.status ?? 1);
}
const names = Object.keys(createRequire(import.meta.url)(path.join(dist, 'index.js'))).sort();
writeFileSync(path.join(dist, 'index.mjs'), esmEntry(names));
writeFileSync(path.join(dist, 'index.d.mts'), ESM_TYPES);
process.stderr.write(`calling build: ${path.relative(process.cwd(), dist) || '.'} is ready\n`);
