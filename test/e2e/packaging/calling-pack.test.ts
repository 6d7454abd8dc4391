// The calling package as a project gets it: `npm pack` of calling/, installed from the tarball into an
// empty folder outside the repository, used there from `require`, from `import` and from TypeScript.
// What the tarball holds is checked too (the build, docs and licence, no tests or sources), and that
// nothing installed with it is GPL: the text-to-speech engine stays out of the MIT package's tree.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { install, pack, run, typecheckNodeConsumer } from './npm';

const PACKAGE_DIR = path.resolve(__dirname, '..', '..', '..', 'calling');
const CONSUMER_FILES = path.join(__dirname, 'consumer');
// The ES entry and its declarations are written by calling/build.mjs, not compiled from a source.
const BUILT_ENTRIES = ['dist/index.mjs', 'dist/index.d.mts'];

/** Whether a packed file is the package's: package.json, docs and licence, or the build of a source. */
function fromPackage(file: string): boolean {
  if (['package.json', 'README.md', 'LICENSE', ...BUILT_ENTRIES].includes(file)) return true;
  if (!file.startsWith('dist/')) return false;
  const source = file.slice('dist/'.length).replace(/(\.d\.ts|\.js)$/, '.ts');
  return source !== file && existsSync(path.join(PACKAGE_DIR, source));
}

interface Seen {
  loadedFrom: string;
  names: string[];
  accepted: number;
  refused: unknown[];
  stored: unknown[];
  sameCall: boolean;
  words: string[];
  paris: string;
  error: unknown[];
  sameObjects?: boolean;
}

interface LsNode {
  version?: string;
  path?: string;
  dependencies?: Record<string, LsNode>;
}

/** Every package in `npm ls --all --json --long`'s tree, with the licence its installed package.json names. */
async function licences(tree: LsNode): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const walk = async (deps: Record<string, LsNode> | undefined): Promise<void> => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      const key = `${name}@${node.version ?? '?'}`;
      if (found.has(key) || !node.path) continue;
      const manifest = JSON.parse(await readFile(path.join(node.path, 'package.json'), 'utf8')) as {
        license?: unknown;
        licenses?: unknown;
      };
      found.set(key, JSON.stringify(manifest.license ?? manifest.licenses ?? 'none'));
      await walk(node.dependencies);
    }
  };
  await walk(tree.dependencies);
  return found;
}

describe('the calling module as an npm package', function () {
  this.timeout(60_000);
  let work: string;
  let consumer: string;
  let installed: string;
  let packed: { tarball: string; files: string[] };

  const node = async (script: string): Promise<Seen> => {
    const out = await run(process.execPath, [script], consumer, 30_000);
    return JSON.parse(out.trim().split('\n').pop() ?? '') as Seen;
  };

  before(async function () {
    // Building, packing and installing from the registry (or npm's cache) take a while on a busy machine.
    this.timeout(300_000);
    work = await mkdtemp(path.join(os.tmpdir(), 'calling-pack-'));
    packed = await pack(PACKAGE_DIR, work);
    consumer = path.join(work, 'consumer');
    installed = path.join(consumer, 'node_modules', '@switchboard', 'calling');
    await mkdir(consumer);
    await writeFile(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    await install(consumer, packed.tarball);
    for (const file of ['calling-exercise.cjs', 'calling-require.cjs', 'calling-import.mjs'])
      await copyFile(path.join(CONSUMER_FILES, file), path.join(consumer, file));
  });

  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("packs only the package's files: its build, README, LICENSE and package.json; no tests, no sources", () => {
    assert.deepEqual(
      packed.files.filter((f) => !fromPackage(f)),
      [],
    );
    assert.deepEqual(
      packed.files.filter((f) => /(^|\/)test(s)?\/|\.test\.|\.spec\./.test(f)),
      [],
      'no tests',
    );
    assert.deepEqual(
      packed.files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
      [],
      'no sources',
    );
    for (const needed of ['README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', ...BUILT_ENTRIES])
      assert.ok(packed.files.includes(needed), `${needed} is packed`);
  });

  it('works from require and from import alike: the same names, the same objects, the same answers', async () => {
    const required = await node('calling-require.cjs');
    const imported = await node('calling-import.mjs');
    assert.equal(required.loadedFrom, path.join(installed, 'dist', 'index.js'));
    assert.equal(imported.loadedFrom, `file://${path.join(installed, 'dist', 'index.mjs')}`);
    assert.ok(required.names.length > 50, `${required.names.length} names`);
    for (const name of ['createCallsEdge', 'createCallingService', 'createFlowRuntime', 'wallClockAt'])
      assert.ok(required.names.includes(name), `${name} is exported`);
    assert.deepEqual(imported.names, required.names);
    assert.equal(imported.sameObjects, true, 'import and require give one implementation');
    const { loadedFrom: _r, names: _rn, ...fromRequire } = required;
    const { loadedFrom: _i, names: _in, sameObjects: _s, ...fromImport } = imported;
    assert.deepEqual(fromImport, fromRequire);
    assert.deepEqual(fromRequire, {
      accepted: 202,
      refused: [403, 'forbidden'],
      stored: [['tenant-a', 1_700_000_000_000, 'call 2f1a0c00-7e4d-4b9a-a5c3-9d8e6f4b2a10']],
      sameCall: true,
      words: ['busy', 'the call ended', 'declined'],
      paris: '3:30',
      error: [true, true, 'graph_call_gone'],
    });
  });

  it('lets an ES module import every public name by name', async () => {
    const { names } = await node('calling-require.cjs');
    // A name Node's CommonJS detection missed would fail this import at link time.
    const script = [
      `import { ${names.join(', ')} } from '@switchboard/calling';`,
      `const got = { ${names.join(', ')} };`,
      'console.log(JSON.stringify({ missing: Object.keys(got).filter((k) => got[k] === undefined) }));',
    ].join('\n');
    await writeFile(path.join(consumer, 'calling-names.mjs'), script);
    const out = await run(process.execPath, ['calling-names.mjs'], consumer, 30_000);
    assert.deepEqual(JSON.parse(out.trim()), { missing: [] });
  });

  it("compiles a TypeScript user's code, CommonJS and ES module, against the package's declarations", async function () {
    // A TypeScript project on Node has Node's types; installing them may take a while.
    this.timeout(300_000);
    await typecheckNodeConsumer(consumer, CONSUMER_FILES, ['calling-types.ts', 'calling-types-esm.mts']);
  });

  it('installs no GPL package with it (the text-to-speech engine stays out)', async () => {
    const tree = JSON.parse(
      await run('npm', ['ls', '--all', '--json', '--long'], consumer, 60_000),
    ) as LsNode;
    const found = await licences(tree);
    const zod = [...found].find(([key]) => key.startsWith('zod@'));
    assert.equal(zod?.[1], '"MIT"', 'the licences are read from the installed packages');
    assert.deepEqual(
      [...found].filter(([, licence]) => /GPL/i.test(licence)),
      [],
    );
    assert.deepEqual(
      [...found.keys()].filter((k) => /^(@switchboard\/tts-espeak|espeak-ng)@/.test(k)),
      [],
    );
  });
});
