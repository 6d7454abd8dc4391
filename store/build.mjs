// Builds the package @switchboard/storage-sql (`npm run build`, and `npm pack` through prepack): store/
// compiled to dist/ as CommonJS with declarations, plus an ES module entry beside it.
//
// Inside the repository store/ imports calling as '../calling', so that the app, its tests and tsx run
// from the sources with one copy of calling. A user has calling as the package @switchboard/calling
// instead. tsc does not rewrite import specifiers, so the build compiles store/ (and, through its
// imports, calling/) into a scratch folder, keeps only store's own files, and rewrites the one specifier
// that leaves the folder, '../calling', to '@switchboard/calling'. Any other path out of store/ (a file
// inside calling/, another app folder) fails the build: the package could not resolve it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const here = import.meta.dirname;
const dist = path.join(here, 'dist');
const CALLING = '@switchboard/calling';

function fail(message) {
  process.stderr.write(`storage-sql build: ${message}\n`);
  process.exit(1);
}

// A quoted specifier in tsc's output: require("..."), from '...' or import("...").
const SPECIFIER = /(require\(|from |import\()(["'])(\.\.\/[^"']*)\2/g;

function rewrite(file, text) {
  return text.replace(SPECIFIER, (whole, before, quote, spec) => {
    if (spec === '../calling' || spec === '../calling/index') return `${before}${quote}${CALLING}${quote}`;
    fail(`${file} imports '${spec}', which is not in the package; import it from '../calling' (its index)`);
    return whole;
  });
}

// One implementation, loaded once: the ES entry re-exports the CommonJS build by name (as calling's does,
// see calling/build.mjs), so an error class is the same object whether a user requires or imports it.
function esmEntry(names) {
  return `// The ES module entry: the CommonJS build's public names (see store/build.mjs).\nexport {\n${names.map((n) => `  ${n},\n`).join('')}} from './index.js';\n`;
}
const ESM_TYPES = "export * from './index.js';\n";

const scratch = mkdtempSync(path.join(os.tmpdir(), 'storage-sql-build-'));
try {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // tsc's messages go to stderr, so that `npm pack --json` prints nothing but its JSON on stdout.
  const run = spawnSync(
    process.execPath,
    [tsc, '-p', path.join(here, 'tsconfig.json'), '--outDir', scratch],
    { stdio: ['ignore', process.stderr, process.stderr] },
  );
  if (run.status !== 0) fail(`tsc failed (exit ${run.status ?? run.signal}); fix the errors above`);
  // A fresh folder: a file left from an older build would be packed too.
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist);
  const built = path.join(scratch, path.basename(here));
  for (const entry of readdirSync(built, { withFileTypes: true })) {
    if (!entry.isFile()) fail(`unexpected folder ${entry.name} in the build: store/ is flat`);
    const text = readFileSync(path.join(built, entry.name), 'utf8');
    writeFileSync(path.join(dist, entry.name), rewrite(entry.name, text));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
// The public names, read without loading the build: loading it would need @switchboard/calling resolvable
// from dist/, which a build inside the repository does not promise.
// tsc writes each name as `exports.name = value` or `Object.defineProperty(exports, "name", ...)`; its first
// line (`exports.a = exports.b = ... = void 0`) only declares them.
const EXPORTED = /^(?:exports\.(\w+) = (?!exports\.)|Object\.defineProperty\(exports, "(\w+)")/gm;
const names = [...readFileSync(path.join(dist, 'index.js'), 'utf8').matchAll(EXPORTED)]
  .map((m) => m[1] ?? m[2])
  .filter((n) => n !== '__esModule');
writeFileSync(path.join(dist, 'index.mjs'), esmEntry([...new Set(names)].sort()));
writeFileSync(path.join(dist, 'index.d.mts'), ESM_TYPES);
process.stderr.write(`storage-sql build: ${path.relative(process.cwd(), dist) || '.'} is ready\n`);
