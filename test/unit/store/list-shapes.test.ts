import assert from 'node:assert/strict';
import { createCallData } from '../../../store';
import { createCallsRepo } from '../../../store/calls-repo';
import { createCallTimelineRepo } from '../../../store/call-timeline-repo';
import { createLocks } from '../../../store/locks';
import { listLength, padded, powerOfTwoRuns } from '../../../store/prepared-query';
import type { CallData } from '../../../calling';
import { repoCall, storedOperation } from '../../helpers/stored-call';
import { countedSqlite, storeOnTarget, storeTargets } from './targets';

const SILENT = { debug() {}, info() {}, warn() {}, error() {} };
const ids = (n: number, prefix = 'c') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('list lengths of prepared statements', () => {
  it('rounds a length up to a power of two', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 8, 9, 200, 500, 512].map(listLength),
      [1, 1, 2, 4, 4, 8, 8, 16, 256, 512, 512],
    );
  });

  it('pads a list with its last value, and leaves an empty one empty', () => {
    assert.deepEqual(padded(['a', 'b', 'c']), ['a', 'b', 'c', 'c']);
    assert.deepEqual(padded(['a', 'b']), ['a', 'b']);
    assert.deepEqual(padded([]), []);
  });

  it('cuts a list into power-of-two runs, longest first, in order', () => {
    const runs = powerOfTwoRuns(ids(13));
    assert.deepEqual(
      runs.map((r) => r.length),
      [8, 4, 1],
    );
    assert.deepEqual(runs.flat(), ids(13));
    assert.deepEqual(powerOfTwoRuns([]), []);
  });
});

// Statements over lists answer as they did, whatever the padding, on both databases.
for (const target of storeTargets()) {
  describe(`statements over lists [${target.name}]`, function () {
    this.timeout(15_000);
    const store = storeOnTarget(target, ['calls', 'call_inbox', 'call_operations', 'call_timeline', 'locks']);
    const data = (): CallData => createCallData(store());

    it('reads each of 1 to 20 calls once, with repeats and unknown ids asked for', async () => {
      for (const id of ids(20)) await data().calls.insert(repoCall(id));
      for (let n = 1; n <= 20; n++) {
        const asked = [...ids(n), 'c0', 'nobody'];
        const got = (await data().calls.getMany(asked)).map((c) => c.id).sort();
        assert.deepEqual(got, ids(n).sort(), `n=${n}`);
      }
    });

    it('adds timelines of 1 to 13 lines, every line once and in order', async () => {
      for (let n = 1; n <= 13; n++) {
        await data().timeline.add(
          ids(n, 'line').map((summary, i) => ({ callId: `t${n}`, at: i, kind: 'flow' as const, summary })),
        );
        const lines = await data().timeline.list(`t${n}`);
        assert.deepEqual(
          lines.map((l) => l.summary),
          ids(n, 'line'),
          `n=${n}`,
        );
      }
    });

    it('keeps lines added together together: with one line refused, none of the 13 is kept', async () => {
      const lines = ids(13, 'line').map((summary, i) => ({
        callId: 'bad',
        at: i,
        kind: 'flow' as const,
        // The tenth line, in the second of the runs (8, 4, 1), breaks the column's NOT NULL.
        summary: i === 9 ? (null as unknown as string) : summary,
      }));
      await assert.rejects(data().timeline.add(lines));
      assert.deepEqual(await data().timeline.list('bad'), []);
    });

    it('marks, finds pending and finds seen inbox rows of lists of any length', async () => {
      const seqs = await data().inbox.append(
        ids(7).map((callId) => ({
          callId,
          tenantId: 't',
          receivedAt: 1,
          notification: {},
          contentHash: `h-${callId}`,
        })),
      );
      assert.equal((await data().inbox.pendingFor(ids(7), 100)).length, 7);
      await data().inbox.markProcessedMany(seqs.slice(0, 3), 2);
      assert.deepEqual(
        (await data().inbox.pendingFor(ids(7), 100)).map((r) => r.callId),
        ['c3', 'c4', 'c5', 'c6'],
      );
      const seen = await data().inbox.seenHashes(
        ids(5).map((callId) => ({ callId, contentHash: `h-${callId}` })),
      );
      assert.deepEqual([...seen].map((k) => k.split('\u0000')[0]).sort(), ['c0', 'c1', 'c2']);
    });

    it('finds the settled among 1 to 9 operations awaited', async () => {
      for (const id of ids(9, 'op')) {
        await data().operations.insert(
          storedOperation(id, { status: id === 'op8' ? 'pending' : 'completed' }),
        );
      }
      for (let n = 1; n <= 9; n++) {
        const settled = (await data().operations.settledAmong(ids(n, 'op'))).map((o) => o.id).sort();
        assert.deepEqual(settled, ids(Math.min(n, 8), 'op').sort(), `n=${n}`);
      }
    });

    it('takes all of 13 free keys for one holder, and releases them', async () => {
      const group = await store().locks.claim(ids(13, 'key:'));
      assert.equal(group.held.size, 13);
      const rows = await store().db.selectFrom('locks').select('key').execute();
      assert.equal(rows.length, 13);
      await group.release();
      assert.deepEqual(await store().db.selectFrom('locks').select('key').execute(), []);
    });
  });
}

// However many values a list has, a statement kind is prepared in a handful of lengths, not one per count.
describe('distinct statements over lists on SQLite', () => {
  const sqlite = countedSqlite();

  const distinct = (prefix: string) => new Set(sqlite.statements().filter((s) => s.startsWith(prefix))).size;

  it('reads 1 to 40 calls with at most 7 statements', async () => {
    const calls = createCallsRepo(sqlite.counted());
    for (const id of ids(40)) await calls.insert(repoCall(id));
    for (let n = 1; n <= 40; n++) await calls.getMany(ids(n));
    assert.equal(distinct('select * from "calls" where "id" in'), 7);
  });

  it('adds 1 to 40 timeline lines at once with at most 6 statements', async () => {
    const timeline = createCallTimelineRepo(sqlite.counted());
    for (let n = 1; n <= 40; n++) {
      await timeline.add(ids(n).map((summary, at) => ({ callId: 'c', at, kind: 'flow' as const, summary })));
    }
    assert.equal(distinct('insert into "call_timeline"'), 6);
  });

  it('takes 1 to 20 keys at once with 5 statements (runs) and releases them with 6 (padded)', async () => {
    const locks = createLocks(sqlite.counted(), SILENT, sqlite.store().instances);
    for (let n = 1; n <= 20; n++) {
      const group = await locks.claim(ids(n, `k${n}:`));
      assert.equal(group.held.size, n);
      await group.release();
    }
    assert.equal(distinct('insert into "locks"'), 5);
    assert.equal(distinct('delete from "locks"'), 6);
  });
});
