import assert from 'node:assert/strict';
import { createLocks } from '../../../store/locks';
import { countedSqlite } from './targets';

const SILENT = { debug() {}, info() {}, warn() {}, error() {} };

// Leases wanted at about the same time share their statements: on SQLite each statement is a commit of
// its own, and a flow step used to pay two (take and release) for its lease alone.
describe('lease statements under concurrent holders', () => {
  const sqlite = countedSqlite();
  const store = () => sqlite.store();
  const counted = () => sqlite.counted();

  const count = (prefix: string) => sqlite.statements().filter((s) => s.startsWith(prefix)).length;

  it('takes the leases of ten holders of different keys in three statements and releases them in two', async () => {
    const locks = createLocks(counted(), SILENT, store().instances);
    let inside = 0;
    let allIn!: () => void;
    const everyoneIn = new Promise<void>((resolve) => (allIn = resolve));
    const keys = Array.from({ length: 10 }, (_, i) => `flow:${i}`);
    await Promise.all(
      keys.map((key) =>
        locks.withLock(key, async () => {
          inside += 1;
          if (inside === keys.length) allIn();
          await everyoneIn;
        }),
      ),
    );
    // The first asker of an idle store goes alone; the nine who asked meanwhile go together, in runs of
    // eight and one (a key may not repeat in an upsert) under one commit.
    assert.equal(count('insert into "locks"'), 3);
    assert.equal(count('commit'), 1);
    assert.equal(count('delete from "locks"'), 2);
    const left = await store().db.selectFrom('locks').select('key').execute();
    assert.deepEqual(left, []);
  });

  it('gives a key wanted twice in one statement to one holder at a time', async () => {
    const locks = createLocks(counted(), SILENT, store().instances);
    let inside = 0;
    let most = 0;
    await Promise.all(
      ['a', 'b', 'a', 'a', 'b'].map((key) =>
        locks.withLock(`flow:${key}`, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 10));
          inside -= 1;
        }),
      ),
    );
    assert.equal(most, 2, 'a and b held at once, never one key twice');
  });

  it('compiles one release statement per number of keys, however many holders release them', async () => {
    const locks = createLocks(counted(), SILENT, store().instances);
    // One holder of four keys, then four holders of a key each, released together.
    const group = await locks.claim(['k1', 'k2', 'k3', 'k4']);
    await group.release();
    let inside = 0;
    let allIn!: () => void;
    const everyoneIn = new Promise<void>((resolve) => (allIn = resolve));
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((key) =>
        locks.withLock(key, async () => {
          inside += 1;
          if (inside === 4) allIn();
          await everyoneIn;
        }),
      ),
    );
    const releases = new Set(sqlite.statements().filter((s) => s.startsWith('delete from "locks"')));
    assert.equal(sqlite.statements().filter((s) => s.startsWith('delete from "locks"')).length, 2);
    assert.equal(releases.size, 1, [...releases].join('\n'));
  });
});
