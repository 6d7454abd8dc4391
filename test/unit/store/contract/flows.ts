import assert from 'node:assert/strict';
import type { StoredFlowRecord } from '../../../../calling';
import type { ContractContext } from './subject';

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

/** Flow runtime cases: flows, inbox row kinds, this instance. */
export function flowCases(ctx: ContractContext): void {
  it('stores a flow once, saves it only over the revision it read, and lists by kind and requester', async () => {
    const { flows } = ctx.storage.flowData;
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
    const { flows } = ctx.storage.flowData;
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
    const data = ctx.storage.flowData;
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

  it('counts this instance among the live ones', async () => {
    const { instances } = ctx.storage;
    assert.ok(instances.id.length > 0);
    assert.ok((await instances.live()).has(instances.id));
  });
}
