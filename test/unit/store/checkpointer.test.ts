import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openStore } from '../../../store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const walBytes = (file: string) => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

// The WAL header's checkpoint sequence number (bytes 12–15): SQLite raises it each time a writer starts the
// log over after a complete checkpoint, so a change proves a checkpoint happened.
const walSequence = (file: string) => {
  try {
    return readFileSync(`${file}-wal`).subarray(0, 32).readUInt32BE(12);
  } catch {
    return undefined;
  }
};

describe('SQLite checkpoints in a worker thread', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'sb-ckpt-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the write-ahead log bounded while the app connection never checkpoints itself', async () => {
    const file = path.join(dir, 'db.sqlite');
    const store = await openStore({ sqlitePath: file });
    // Fresh bytes each time: SQLite skips rewriting pages whose content did not change.
    const value = () => randomBytes(150 * 1024).toString('base64');
    // Small writes until the worker's next checkpoint shows. Waiting for it, rather than counting on it to
    // run within some time, keeps the test about what the worker does and not about how busy the machine is.
    const nextCheckpoint = async () => {
      const before = walSequence(file);
      for (let i = 0; walSequence(file) === before; i++) {
        assert.ok(i < 600, 'no checkpoint within 30 s of small writes: the worker never checkpointed');
        await store.kv.put('small', 'k', { i });
        await sleep(50);
      }
    };
    await nextCheckpoint();
    let largest = 0;
    // 48 MB in 10 rounds of 24 commits, each round followed by the worker's next checkpoint: without
    // checkpoints the log would hold all of it (see the control below); with them each round starts the
    // log over, so it never holds much more than one round (4.8 MB).
    for (let round = 0; round < 10; round++) {
      for (let j = 0; j < 24; j++) {
        const i = round * 24 + j;
        await store.kv.put('bulk', `k${i % 10}`, { i, value: value() });
        largest = Math.max(largest, walBytes(file));
      }
      await nextCheckpoint();
    }
    assert.ok(largest < 12 * 1024 * 1024, `the log peaked at ${(largest / 2 ** 20).toFixed(1)} MB`);
    assert.equal((await store.kv.get<{ i: number }>('bulk', 'k9'))?.value.i, 239);
    await store.close();
    // Once everything is closed the log is folded in and the data reads back from the file alone.
    const check = new BetterSqlite3(file, { readonly: true });
    const rows = check.prepare("select count(*) as n from kv where ns = 'bulk'").get() as { n: number };
    check.close();
    assert.equal(rows.n, 10);
  });

  it('leaves the log to grow when nobody checkpoints (the control for the test above)', async () => {
    const file = path.join(dir, 'control.sqlite');
    const db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('create table t (k text primary key, v text)');
    const put = db.prepare('insert into t (k, v) values (?, ?) on conflict (k) do update set v = excluded.v');
    for (let i = 0; i < 240; i++) put.run(`k${i % 10}`, randomBytes(150 * 1024).toString('base64'));
    assert.ok(walBytes(file) > 40 * 1024 * 1024, `the log reached ${walBytes(file)} bytes`);
    db.close();
  });
});
