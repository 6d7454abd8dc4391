import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createFlowData, type StoredFlowRecord } from '../../../../store';
import type { ContractContext } from './context';

const flow = (key: string, extra: Partial<StoredFlowRecord> = {}): StoredFlowRecord => ({
  key,
  kind: 'test',
  state: { step: 1 },
  rev: 1,
  timers: {},
  tasks: {},
  callIds: [],
  requestedBy: null,
  createdAt: 1000,
  updatedAt: 1000,
  doneAt: null,
  ...extra,
});

/** The pid of a process that has just exited (so nothing runs with it now). */
function exitedPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (!child.pid) throw new Error('no child pid');
  return child.pid;
}

/** Flow runtime cases: flows, instances, leases of dead instances, inbox row kinds. */
export function flowCases(ctx: ContractContext): void {
  beforeEach(async () => {
    await ctx.store.db.deleteFrom('flows').execute();
  });

  it('stores a flow once, saves it only over the revision it read, and lists by kind and requester', async () => {
    const { flows } = createFlowData(ctx.store);
    const first = flow('f1', { requestedBy: 'u-1', createdAt: 1 });
    assert.equal(await flows.insert(first), true);
    assert.equal(await flows.insert(flow('f1', { kind: 'other' })), false, 'the key exists');
    const task = { token: 't', owner: 'i-1', startedAt: 5 };
    const next = { ...first, rev: 2, state: { step: 2 }, tasks: { play: task }, callIds: ['c'] };
    assert.equal(await flows.save(next, 1), true);
    assert.equal(await flows.save({ ...next, rev: 3 }, 1), false, 'revision 1 is gone');
    const got = await flows.get('f1');
    assert.deepEqual(
      [got?.rev, got?.state, got?.tasks, got?.callIds, got?.requestedBy],
      [2, { step: 2 }, { play: task }, ['c'], 'u-1'],
    );
    await flows.insert(flow('f2', { requestedBy: 'u-1', createdAt: 2, doneAt: 9 }));
    await flows.insert(flow('f3', { kind: 'other', requestedBy: 'u-1', createdAt: 3 }));
    const keys = (o: Parameters<typeof flows.list>[0]) => flows.list(o).then((l) => l.map((f) => f.key));
    assert.deepEqual(await keys({ kind: 'test', requestedBy: 'u-1' }), ['f2', 'f1']);
    assert.deepEqual(await keys({ kind: 'test', active: true }), ['f1']);
    assert.deepEqual(await keys({ requestedBy: 'nobody' }), []);
  });

  it('finds the flows not done whose tasks or timers belong to instances outside a live set', async () => {
    const { flows } = createFlowData(ctx.store);
    const t = (owner: string) => ({ token: owner, owner, startedAt: 1 });
    const timer = (owner: string) => ({ at: 5, token: owner, owner });
    await flows.insert(flow('idle'));
    await flows.insert(flow('mine', { tasks: { a: t('live-1') }, timers: { x: timer('live-1') } }));
    await flows.insert(flow('lost', { tasks: { a: t('live-1'), b: t('dead-1') } }));
    await flows.insert(flow('waiting', { timers: { x: timer('dead-2') }, updatedAt: 2000 }));
    await flows.insert(flow('ended', { tasks: { a: t('dead-1') }, doneAt: 3 }));
    const found = await flows.withWorkOutside(new Set(['live-1']));
    assert.deepEqual(
      found.map((f) => f.key),
      ['lost', 'waiting'],
    );
    assert.deepEqual(await flows.withWorkOutside(new Set(['live-1', 'dead-1', 'dead-2'])), []);
  });

  it('keeps each inbox row kind, and marks a row processed only once', async () => {
    const data = createFlowData(ctx.store);
    const [n, f] = await data.inbox.append([
      { callId: 'k-1', tenantId: 't', receivedAt: 1, notification: { a: 1 }, contentHash: 'h1' },
      { callId: 'k-1', kind: 'flow', tenantId: '', receivedAt: 2, notification: { b: 2 }, contentHash: 'h2' },
    ]);
    const rows = [...(await data.inbox.pending('k-1')), ...(await data.inbox.pending('k-1', 10, 'flow'))];
    assert.deepEqual(
      rows.map((r) => [r.seq, r.kind]),
      [
        [n, 'notification'],
        [f, 'flow'],
      ],
    );
    // The call queue reads notifications only; flow events are the flow runtime's.
    assert.deepEqual(
      (await data.inbox.pendingFor(['k-1'], 10)).map((r) => r.seq),
      [n],
    );
    assert.deepEqual(await data.inbox.callsWithPending(), ['k-1']);
    assert.deepEqual(await data.inbox.callsWithPending({ kind: 'flow' }), ['k-1']);
    assert.equal(await data.inbox.claimProcessed(f!, 10), true);
    assert.deepEqual(await data.inbox.pending('k-1', 10, 'flow'), []);
    assert.deepEqual(await data.inbox.callsWithPending({ kind: 'flow' }), []);
    assert.equal(await data.inbox.claimProcessed(f!, 11), false, 'already processed');
    await data.inbox.markProcessed(n!, 12);
  });

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
