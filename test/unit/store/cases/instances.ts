import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { ContractContext } from './context';

/** The pid of a process that has just exited (so nothing runs with it now). */
function exitedPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (!child.pid) throw new Error('no child pid');
  return child.pid;
}

/** The store's instances: heartbeats of processes sharing a database, and the leases of dead ones. */
export function instanceCases(ctx: ContractContext): void {
  it('keeps this instance alive by its heartbeat and drops it when it leaves', async () => {
    const { instances, db } = ctx.store;
    assert.ok((await instances.live()).has(instances.id));
    const before = await db.selectFrom('instances').select('heartbeat_at').where('id', '=', instances.id);
    const first = (await before.executeTakeFirstOrThrow()).heartbeat_at;
    await new Promise((r) => setTimeout(r, 5));
    await instances.beat();
    assert.ok((await before.executeTakeFirstOrThrow()).heartbeat_at > first, 'the heartbeat moved');
    await instances.leave();
    assert.equal((await instances.live()).has(instances.id), false);
    await instances.beat();
    assert.ok((await instances.live()).has(instances.id), 'a beat registers it again');
  });

  it('stays gone once it has left: neither a beat in flight nor the periodic renewal brings it back', async () => {
    const { instances } = ctx.store;
    const inFlight = instances.beat();
    await instances.leave();
    await inFlight;
    await instances.renew();
    assert.equal((await instances.live()).has(instances.id), false);
    await instances.beat();
    assert.ok((await instances.live()).has(instances.id), 'an explicit beat registers it again');
  });

  it("removes at once the row of an instance of this machine whose process is gone, not a stale one's", async () => {
    const { instances, db } = ctx.store;
    const mine = await db
      .selectFrom('instances')
      .select('host')
      .where('id', '=', instances.id)
      .executeTakeFirstOrThrow();
    const now = Date.now();
    const row = (id: string, host: string, pid: number) => ({
      id,
      host,
      pid,
      started_at: now,
      heartbeat_at: now,
    });
    await db
      .insertInto('instances')
      .values([
        row('gone-here', mine.host, exitedPid()),
        row('elsewhere', 'another-machine', exitedPid()),
        row('alive-here', mine.host, process.ppid),
      ])
      .execute();
    await instances.beat();
    const live = await instances.live();
    assert.equal(live.has('gone-here'), false, 'its process is gone');
    assert.equal(live.has('elsewhere'), true, 'another machine: only its heartbeat tells');
    assert.equal(live.has('alive-here'), true);
    await db.deleteFrom('instances').where('id', 'in', ['elsewhere', 'alive-here']).execute();
  });

  it('takes at once a lease held by a dead instance, never one held by a live instance', async () => {
    const { locks, db } = ctx.store;
    const later = Date.now() + 60_000;
    const now = Date.now();
    await db
      .insertInto('instances')
      .values([
        { id: 'beating', host: 'h', pid: 1, started_at: now, heartbeat_at: now },
        { id: 'silent', host: 'h', pid: 2, started_at: now, heartbeat_at: now - 60_000 },
      ])
      .execute();
    await db
      .insertInto('locks')
      .values([
        { key: 'held-live', owner: 'o1', expires_at: later, instance: 'beating' },
        { key: 'held-silent', owner: 'o2', expires_at: later, instance: 'silent' },
        { key: 'held-vanished', owner: 'o3', expires_at: later, instance: 'no-such-instance' },
        { key: 'held-legacy', owner: 'o4', expires_at: later, instance: null },
      ])
      .execute();
    const group = await locks.claim(['held-live', 'held-silent', 'held-vanished', 'held-legacy']);
    assert.deepEqual([...group.held].sort(), ['held-silent', 'held-vanished']);
    const started = Date.now();
    const taken = await locks.withLock('held-silent', async () => 'no', { waitMs: 200 }).catch(() => 'busy');
    assert.equal(taken, 'busy', 'this group holds it now');
    assert.ok(Date.now() - started >= 150);
    await group.release();
    const rows = await db.selectFrom('locks').select(['key', 'instance']).orderBy('key').execute();
    assert.deepEqual(rows, [
      { key: 'held-legacy', instance: null },
      { key: 'held-live', instance: 'beating' },
    ]);
    await db.deleteFrom('instances').where('id', 'in', ['beating', 'silent']).execute();
  });
}
