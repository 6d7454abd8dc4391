// emulator/package.json is what an installed emulator gets: its dependencies must be exactly the
// packages the emulator's code imports (a missing one breaks every install, an extra one bloats it).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const EMULATOR = path.resolve(__dirname, '..', '..', '..', 'emulator');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'node_modules' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return (spec.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** Every package the code loads at run time: static imports and exports, and import() calls. */
function importedPackages(files: readonly string[]): Set<string> {
  const found = new Set<string>();
  const pattern =
    /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^'";]*?from\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(pattern)) {
      const spec = m[1] ?? m[2] ?? '';
      if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      found.add(packageOf(spec));
    }
  }
  return found;
}

describe('emulator package manifest', () => {
  it('finds packages in static imports and import() calls, not in type-only imports', () => {
    const dir = path.join(EMULATOR, 'entra');
    const jwt = importedPackages([path.join(dir, 'jwt.ts')]);
    assert.deepEqual([...jwt], ['jose'], 'jwt.ts loads jose with import(), its type import does not count');
    assert.equal(packageOf('@scope/name/sub'), '@scope/name');
    assert.equal(packageOf('zod/v4'), 'zod');
  });

  it('depends on exactly the packages the emulator imports', () => {
    const pkg = JSON.parse(readFileSync(path.join(EMULATOR, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const imported = [...importedPackages(sources(EMULATOR))].sort();
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}).sort(), imported);
    assert.ok(imported.length > 0, 'the scan found the imports');
  });
});
