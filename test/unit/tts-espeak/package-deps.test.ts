// tts-espeak/package.json is what an installed engine gets: its dependencies must be exactly the
// packages its code imports (espeak-ng, loaded with import() in the worker thread), and it must carry
// the licence of the engine it bundles.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { declaredDependencies, importedPackages, sources } from '../../helpers/imported-packages';

const PACKAGE = path.resolve(__dirname, '..', '..', '..', 'tts-espeak');

function manifest(dir: string): { license?: string; name?: string } {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { license?: string };
}

describe('tts-espeak package manifest', () => {
  it('depends on exactly the packages its code imports', () => {
    const imported = [...importedPackages(sources(PACKAGE))].sort();
    assert.deepEqual(imported, ['espeak-ng'], 'the scan finds the engine, loaded with import()');
    assert.deepEqual(declaredDependencies(PACKAGE), imported);
  });

  it('is licensed as the espeak-ng package it depends on is', () => {
    const engine = path.dirname(require.resolve('espeak-ng/package.json', { paths: [PACKAGE] }));
    assert.equal(manifest(engine).license, 'GPL-3.0-or-later', "espeak-ng's own licence field");
    assert.equal(manifest(PACKAGE).license, manifest(engine).license);
  });
});
