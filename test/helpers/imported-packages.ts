// What a package's code loads at run time, read from its TypeScript sources: the list its package.json
// dependencies must equal (a missing one breaks every install, an extra one bloats it).
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/** The package's own sources: .ts files, not declarations, not its build or installed packages. */
export function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'node_modules' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
export function packageOf(spec: string): string {
  const parts = spec.split('/');
  return (spec.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** Every package the code loads at run time: static imports and exports, and import() calls. */
export function importedPackages(files: readonly string[]): Set<string> {
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

/** The dependencies a package.json declares, by name. */
export function declaredDependencies(packageDir: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(pkg.dependencies ?? {}).sort();
}
