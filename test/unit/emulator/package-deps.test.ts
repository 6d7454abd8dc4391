// emulator/package.json is what an installed emulator gets: its dependencies must be exactly the
// packages the emulator's code imports (a missing one breaks every install, an extra one bloats it).
import assert from 'node:assert/strict';
import path from 'node:path';
import { declaredDependencies, importedPackages, packageOf, sources } from '../../helpers/imported-packages';

const EMULATOR = path.resolve(__dirname, '..', '..', '..', 'emulator');

describe('emulator package manifest', () => {
  it('finds packages in static imports and import() calls, not in type-only imports', () => {
    const dir = path.join(EMULATOR, 'entra');
    const jwt = importedPackages([path.join(dir, 'jwt.ts')]);
    assert.deepEqual([...jwt], ['jose'], 'jwt.ts loads jose with import(), its type import does not count');
    assert.equal(packageOf('@scope/name/sub'), '@scope/name');
    assert.equal(packageOf('zod/v4'), 'zod');
  });

  it('depends on exactly the packages the emulator imports', () => {
    const imported = [...importedPackages(sources(EMULATOR))].sort();
    assert.deepEqual(declaredDependencies(EMULATOR), imported);
    assert.ok(imported.length > 0, 'the scan found the imports');
  });
});
