import assert from 'node:assert/strict';
import { isLockTimeout, LOCK_TIMEOUT } from '../../../../calling';
import type { ContractContext } from './subject';
import { hasCode, sleep } from './subject';

const isTimeout = hasCode(LOCK_TIMEOUT);

/** Lock cases (contention between processes sharing a database is in cross-process.test.ts). */
export function lockCases(ctx: ContractContext): void {
  it('serializes holders of the same key', async () => {
    const { locks } = ctx.storage;
    let inside = 0;
    let maxInside = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        locks.withLock('call-1', async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await sleep(15);
          order.push(i);
          inside--;
        }),
      ),
    );
    assert.equal(maxInside, 1);
    assert.deepEqual([...order].sort(), [0, 1, 2, 3, 4]);
    assert.deepEqual(await ctx.subject.leases.keys(), [], 'every lease gone');
  });

  it('does not block other keys', async () => {
    const { locks } = ctx.storage;
    let otherEntered!: () => void;
    const entered = new Promise<void>((resolve) => (otherEntered = resolve));
    // The first holder waits for the second to get in: a global lock would time the second out.
    await Promise.all([
      locks.withLock('call-a', () => entered, { waitMs: 2000 }),
      locks.withLock('call-b', async () => otherEntered(), { waitMs: 2000 }),
    ]);
  });

  it('returns the value of fn and passes the lease', async () => {
    const value = await ctx.storage.locks.withLock('call-v', async (lease) => {
      assert.equal(lease.key, 'call-v');
      assert.equal(lease.signal.aborted, false);
      return 'result';
    });
    assert.equal(value, 'result');
  });

  it('times out with a LOCK_TIMEOUT error while another holder keeps the lock', async () => {
    const { locks } = ctx.storage;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = locks.withLock('busy', () => held);
    await sleep(20);
    const started = Date.now();
    await assert.rejects(
      locks.withLock('busy', async () => 'never', { waitMs: 150 }),
      (error: unknown) => {
        assert.ok(error instanceof Error && 'key' in error);
        assert.equal(error.key, 'busy');
        assert.match(error.message, /busy/);
        // The calling module knows a lock timeout by its interface's test, not by an implementation's class.
        assert.ok(isLockTimeout(error));
        assert.equal(isTimeout(error), true);
        return true;
      },
    );
    assert.ok(Date.now() - started >= 140, 'gave up before waitMs');
    release();
    await holder;
  });

  it('releases the lock when fn throws', async () => {
    const { locks } = ctx.storage;
    await assert.rejects(
      locks.withLock('throws', async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await locks.withLock('throws', async () => 'free again', { waitMs: 50 }), 'free again');
  });

  it('takes over the lease of a holder that stopped renewing once it expires', async () => {
    const { locks } = ctx.storage;
    // A holder that died: its lease stays until it runs out.
    await ctx.subject.leases.plant('orphan', 'dead-process', Date.now() + 300);
    const started = Date.now();
    const owner = await locks.withLock('orphan', () => ctx.subject.leases.owner('orphan'), { waitMs: 3000 });
    const waited = Date.now() - started;
    assert.ok(waited >= 250, `took the lock after ${waited} ms, before the lease expired`);
    assert.ok(waited < 2000, `waited ${waited} ms, far past the lease`);
    assert.notEqual(owner, 'dead-process');
  });

  it('renews the lease while fn runs longer than leaseMs', async () => {
    const { locks } = ctx.storage;
    const holder = locks.withLock('long', () => sleep(700), { leaseMs: 240 });
    await sleep(50);
    await assert.rejects(
      locks.withLock('long', async () => 'stolen', { waitMs: 450 }),
      isTimeout,
    );
    await holder;
    assert.equal(await locks.withLock('long', async () => 'after', { waitMs: 100 }), 'after');
  });

  it('aborts the lease signal when the lease is lost, and leaves the new holder alone', async () => {
    const { locks } = ctx.storage;
    const aborted = await locks.withLock(
      'stolen',
      async (lease) => {
        await ctx.subject.leases.steal('stolen', 'someone-else');
        for (let i = 0; i < 50 && !lease.signal.aborted; i++) await sleep(20);
        return lease.signal.aborted;
      },
      { leaseMs: 150 },
    );
    assert.equal(aborted, true);
    assert.equal(await ctx.subject.leases.owner('stolen'), 'someone-else');
  });

  it('claims the free keys of a list in one go and leaves held ones to their holder', async () => {
    const { locks } = ctx.storage;
    let release!: () => void;
    const holding = locks.withLock('claim-b', () => new Promise<void>((r) => (release = r)));
    await sleep(20);
    const first = await locks.claim(['claim-a', 'claim-b', 'claim-c', 'claim-a']);
    assert.deepEqual([...first.held].sort(), ['claim-a', 'claim-c'], 'b is held by withLock');
    const second = await locks.claim(['claim-a', 'claim-c', 'claim-d']);
    assert.deepEqual([...second.held], ['claim-d'], 'a and c belong to the first group');
    release();
    await holding;
    await first.release();
    await first.release(); // twice is harmless
    const third = await locks.claim(['claim-a', 'claim-b', 'claim-c', 'claim-d']);
    assert.deepEqual([...third.held].sort(), ['claim-a', 'claim-b', 'claim-c']);
    await Promise.all([second.release(), third.release()]);
    assert.deepEqual(await ctx.subject.leases.keys(), [], 'every lease gone');
    assert.equal((await locks.claim([])).held.size, 0);
  });

  it('takes over an expired lease and wakes a waiting withLock on release', async () => {
    const { locks } = ctx.storage;
    await ctx.subject.leases.plant('claim-x', 'dead', Date.now() - 1);
    const group = await locks.claim(['claim-x']);
    assert.equal(group.held.has('claim-x'), true, 'the dead holder lost it');
    const started = Date.now();
    const waiter = locks.withLock('claim-x', async () => Date.now(), { waitMs: 3000 });
    await sleep(150);
    await group.release();
    const entered = await waiter;
    assert.ok(entered - started < 1000, `the waiter got in soon after release (${entered - started} ms)`);
  });

  it('keeps a claimed group renewed until release', async () => {
    const { locks } = ctx.storage;
    const group = await locks.claim(['claim-long'], { leaseMs: 300 });
    await sleep(800);
    assert.equal((await locks.claim(['claim-long'])).held.size, 0, 'still held after two lease lengths');
    assert.equal(group.signal.aborted, false);
    await group.release();
    const after = await locks.claim(['claim-long']);
    assert.equal(after.held.size, 1);
    await after.release();
  });
}
