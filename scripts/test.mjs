// `npm test`: lint, typecheck, then every test layer under c8, and one closing tally line.
// Usage: node scripts/test.mjs [layer ...]   (layers: unit edge e2e browser; default all, plus lint/types)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const LAYERS = ['unit', 'edge', 'e2e', 'browser'];
const picked = process.argv.slice(2);
const layers = picked.length ? picked.filter((l) => LAYERS.includes(l)) : LAYERS;
const full = picked.length === 0;
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const coverageDir = path.join(root, 'coverage', 'tmp');
rmSync(coverageDir, { recursive: true, force: true });
mkdirSync(coverageDir, { recursive: true });

function step(title, cmd, args, opts = {}) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, ...opts.env },
  });
  const out = opts.capture ? r.stdout.toString() : '';
  if (opts.capture) process.stdout.write(out);
  if (r.status !== 0) problems.push(`${title} (exit ${r.status ?? r.signal})`);
  return out;
}

function testFiles(dir) {
  const found = [];
  const walk = (d) => {
    let entries = [];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.test.ts')) found.push(path.relative(root, p));
    }
  };
  walk(path.join(root, dir));
  return found.sort();
}

if (full) {
  step('lint (eslint)', bin('eslint'), ['.']);
  step('format (prettier --check; npm run format fixes it)', bin('prettier'), ['--check', '.']);
  step('typecheck (tsc, includes the types layer: test/types)', bin('tsc'), [
    '-p',
    'tsconfig.json',
    '--noEmit',
  ]);
}

for (const layer of layers) {
  const files = testFiles(path.join('test', layer));
  if (files.length === 0) {
    process.stdout.write(`\n=== ${layer}: no tests in this layer yet ===\n`);
    continue;
  }
  const out = step(
    `${layer} tests (${files.length} files)`,
    bin('mocha'),
    ['--config', '.mocharc.json', ...files],
    {
      capture: true,
      env: { NODE_V8_COVERAGE: coverageDir },
    },
  );
  const count = (word) => Number(out.match(new RegExp(`^\\s*(\\d+) ${word}`, 'm'))?.[1] ?? 0);
  totals.passed += count('passing');
  totals.failed += count('failing');
  totals.skipped += count('pending');
}

step('coverage (c8, app and emulator sources)', bin('c8'), ['report']);

process.stdout.write('\n');
if (problems.length) process.stdout.write(`Failed steps: ${problems.join('; ')}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(problems.length || totals.failed ? 1 : 0);
