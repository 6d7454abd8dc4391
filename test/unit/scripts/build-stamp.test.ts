// The start's build check: a step builds when its sources' contents changed or an output is missing,
// and is skipped otherwise.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as StampModule from '../../../scripts/build/stamp.mjs' with { 'resolution-mode': 'import' };
import type { BuildStep } from '../../../scripts/build/stamp.mjs' with { 'resolution-mode': 'import' };

type Stamp = typeof StampModule;

describe('build: up-to-date check', () => {
  let root: string;
  let stamp: Stamp;
  const step: BuildStep = {
    name: 'server',
    label: 'test',
    inputs: ['src', 'tsconfig.json'],
    missing: (r) => ['out/main.js'].filter((f) => !existsSync(path.join(r, f))),
    prepare: () => undefined,
    command: [],
  };
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  /** What a successful build leaves: the output and the stamp. */
  const build = () => {
    write('out/main.js', 'built');
    stamp.writeStamp(root, step.name, stamp.stepStatus(root, step).hash);
  };

  before(async () => {
    stamp = await import('../../../scripts/build/stamp.mjs');
  });
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'build-stamp-'));
    write('src/a.ts', 'export const a = 1;');
    write('src/node_modules/dep/index.js', 'ignored');
    write('tsconfig.json', '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds when no build was recorded, and skips once built with nothing changed', () => {
    assert.deepEqual(
      [stamp.stepStatus(root, step).build, stamp.stepStatus(root, step).why],
      [true, 'no build recorded'],
    );
    build();
    assert.deepEqual(
      [stamp.stepStatus(root, step).build, stamp.stepStatus(root, step).why],
      [false, 'up to date'],
    );
  });

  it('builds again when a source changes, a source is added, or an output is gone; not for node_modules', () => {
    build();
    write('src/node_modules/dep/index.js', 'changed, but not a source');
    assert.equal(stamp.stepStatus(root, step).build, false);
    write('src/a.ts', 'export const a = 2;');
    assert.equal(stamp.stepStatus(root, step).why, 'sources changed');
    build();
    write('src/b.ts', 'export const b = 1;');
    assert.equal(stamp.stepStatus(root, step).why, 'sources changed');
    build();
    rmSync(path.join(root, 'out/main.js'));
    assert.deepEqual(stamp.stepStatus(root, step).missing, ['out/main.js']);
    assert.equal(stamp.stepStatus(root, step).build, true);
  });

  it('lists input files relative and sorted, skipping dependencies and outputs', () => {
    write('src/dist/x.js', 'an output');
    write('src/z/c.ts', '');
    assert.deepEqual(stamp.inputFiles(root, step.inputs), [
      path.join('src', 'a.ts'),
      path.join('src', 'z', 'c.ts'),
      'tsconfig.json',
    ]);
  });
});
