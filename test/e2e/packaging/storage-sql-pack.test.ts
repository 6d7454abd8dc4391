// The storage package as a project gets it: `npm pack` of store/ and of calling/, both tarballs installed
// into an empty folder outside the repository with the SQLite driver, then used there from `require`, from
// `import` and from TypeScript, on a SQLite file and on PostgreSQL. The tarball holds store's own build
// (no copy of calling: the project's one copy serves both), and a missing driver is named in the error.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { pack, run, typecheckNodeConsumer } from './npm';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PACKAGE_DIR = path.join(ROOT, 'store');
const CONSUMER_FILES = path.join(__dirname, 'consumer');
const SCRIPTS = ['storage-sql-exercise.cjs', 'storage-sql-require.cjs', 'storage-sql-import.mjs'];
// The ES entry and its declarations are written by store/build.mjs, not compiled from a source.
const BUILT_ENTRIES = ['dist/index.mjs', 'dist/index.d.mts'];
const CALL = '2f1a0c00-7e4d-4b9a-a5c3-9d8e6f4b2a10';

/** Whether a packed file is the package's: package.json, docs and licence, or the build of a store source. */
function fromPackage(file: string): boolean {
  if (['package.json', 'README.md', 'LICENSE', ...BUILT_ENTRIES].includes(file)) return true;
  if (!/^dist\/[^/]+$/.test(file)) return false;
  const source = file.slice('dist/'.length).replace(/(\.d\.ts|\.js)$/, '.ts');
  return source !== file && existsSync(path.join(PACKAGE_DIR, source));
}

interface Seen {
  loadedFrom?: string;
  names?: string[];
  sameObjects?: boolean;
  failed?: { name: string; code: string; message: string };
  [k: string]: unknown;
}

/** What the exercise answers on any database: the same rows, read back after a reopen. */
const expected = (kind: string) => ({
  kind,
  inserted: true,
  inbox: [[true, 'notification', { changeType: 'created' }]],
  kv: [1, { text: 'hello' }],
  conflict: [true, 'STORE_CONFLICT'],
  locked: `call:${CALL}`,
  reopened: [CALL.toUpperCase(), 'incoming', { id: CALL, state: 'incoming' }],
  oneCalling: true,
});

describe('the SQL storage as an npm package', function () {
  this.timeout(60_000);
  let work: string;
  let consumer: string;
  let installed: string;
  let packed: { tarball: string; files: string[] };
  let files = 0;

  const node = async (script: string, ...args: string[]): Promise<Seen> => {
    const out = await run(process.execPath, [script, ...args], consumer, 60_000);
    return JSON.parse(out.trim().split('\n').pop() ?? '') as Seen;
  };
  const sqliteFile = () => path.join(work, `store-${++files}`, 'calls.db');
  const strip = ({ loadedFrom: _l, names: _n, sameObjects: _s, ...rest }: Seen) => rest;

  before(async function () {
    // Building, packing and installing (better-sqlite3 compiles from source when no prebuilt binary
    // is at hand) take minutes on a busy machine.
    this.timeout(600_000);
    work = await mkdtemp(path.join(os.tmpdir(), 'storage-sql-pack-'));
    const calling = await pack(path.join(ROOT, 'calling'), work);
    packed = await pack(PACKAGE_DIR, work);
    consumer = path.join(work, 'consumer');
    installed = path.join(consumer, 'node_modules', '@switchboard', 'storage-sql');
    await mkdir(consumer);
    await writeFile(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        calling.tarball,
        packed.tarball,
        'better-sqlite3@^12.9.0',
      ],
      consumer,
      540_000,
    );
    for (const file of SCRIPTS) await copyFile(path.join(CONSUMER_FILES, file), path.join(consumer, file));
  });

  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("packs only store's own build, README, LICENSE and package.json: no sources, no copy of calling", () => {
    assert.deepEqual(
      packed.files.filter((f) => !fromPackage(f)),
      [],
    );
    for (const needed of [
      'README.md',
      'LICENSE',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/open-store.js',
      ...BUILT_ENTRIES,
    ])
      assert.ok(packed.files.includes(needed), `${needed} is packed`);
    assert.ok(
      !existsSync(path.join(installed, 'node_modules')),
      "calling is the project's own, not a nested copy",
    );
  });

  it('works from require and from import alike on a SQLite file: the same names, objects and rows', async () => {
    const required = await node('storage-sql-require.cjs', sqliteFile());
    const imported = await node('storage-sql-import.mjs', sqliteFile());
    assert.equal(required.loadedFrom, path.join(installed, 'dist', 'index.js'));
    assert.equal(imported.loadedFrom, `file://${path.join(installed, 'dist', 'index.mjs')}`);
    for (const name of [
      'openStore',
      'DEFAULT_SQLITE_PATH',
      'StoreError',
      'StoreConflictError',
      'StoreConfigError',
    ])
      assert.ok(required.names?.includes(name), `${name} is exported`);
    assert.ok(!required.names?.includes('createBotStorage'), "the app's botbuilder storage stays out");
    assert.deepEqual(imported.names, required.names);
    assert.equal(imported.sameObjects, true, 'import and require give one implementation');
    assert.deepEqual(strip(required), expected('sqlite'));
    assert.deepEqual(strip(imported), expected('sqlite'));
  });

  it('asks for pg by name until it is installed, then keeps the same rows in PostgreSQL', async function () {
    this.timeout(300_000);
    let pg: TestPostgres | undefined;
    try {
      pg = await startPostgres();
      const missing = await node(
        'storage-sql-require.cjs',
        sqliteFile(),
        await pg.createDatabase('without_driver'),
      );
      assert.equal(missing.failed?.name, 'StoreConfigError');
      assert.equal(missing.failed?.code, 'STORE_CONFIG');
      assert.match(missing.failed?.message ?? '', /npm install pg/);
      await run(
        'npm',
        ['install', '--no-audit', '--no-fund', '--prefer-offline', 'pg@^8.23.1'],
        consumer,
        240_000,
      );
      const required = await node(
        'storage-sql-require.cjs',
        sqliteFile(),
        await pg.createDatabase('from_require'),
      );
      const imported = await node(
        'storage-sql-import.mjs',
        sqliteFile(),
        await pg.createDatabase('from_import'),
      );
      assert.deepEqual(strip(required), expected('postgres'));
      assert.deepEqual(strip(imported), expected('postgres'));
    } finally {
      await pg?.stop();
    }
  });

  it("compiles a TypeScript user's code, CommonJS and ES module, against the package's declarations", async function () {
    // A TypeScript project on Node has Node's types; installing them may take a while.
    this.timeout(300_000);
    await typecheckNodeConsumer(consumer, CONSUMER_FILES, [
      'storage-sql-types.ts',
      'storage-sql-types-esm.mts',
    ]);
  });
});
