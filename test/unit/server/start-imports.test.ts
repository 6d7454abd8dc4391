// `npm start` in local mode spawns the emulator before the app's heavy modules load, so that the two
// start side by side: the modules that check the ports and spawn it must not pull in the app.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, TSX_LOADER } from '../../helpers/process';

/** The repository's folders whose modules a fresh process has loaded after requiring `entry`. */
function foldersLoadedBy(entry: string): string[] {
  const script = [
    `require(${JSON.stringify(path.join(ROOT, entry))});`,
    `const root = ${JSON.stringify(ROOT + path.sep)};`,
    'const folders = Object.keys(require.cache)',
    '  .filter((f) => f.startsWith(root) && !f.includes("node_modules"))',
    '  .map((f) => f.slice(root.length).split(require("node:path").sep)[0]);',
    'process.stdout.write(JSON.stringify([...new Set(folders)].sort()));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', TSX_LOADER, '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}

describe('npm start: what loads before the emulator is spawned', () => {
  it('local start loads only the server folder, not calling, bot, store or the tab API', () => {
    assert.deepEqual(foldersLoadedBy('server/local/start-local.ts'), ['server']);
  });

  it('the run module, loaded later, does bring in the app (the check above can see it)', () => {
    const loaded = foldersLoadedBy('server/run.ts');
    assert.ok(loaded.includes('calling'), `loaded: ${loaded.join(', ')}`);
  });
});
