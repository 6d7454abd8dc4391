import assert from 'node:assert/strict';
import type { CallData } from '../../../../calling';
import { repoCall, storedOperation } from '../../../helpers/stored-call';
import type { ContractContext } from './subject';

const call = repoCall;
const op = storedOperation;

/** The calling core's calls, inbox, operations and timeline, and their transactions. */
export function callDataCases(ctx: ContractContext): void {
  let data: CallData;
  beforeEach(() => {
    data = ctx.storage.callData;
  });

  it('inserts a call once, round-trips its JSON columns and patches it', async () => {
    const flow = { step: 'menu', tries: [1, 2] };
    assert.equal(await data.calls.insert(call('c1', { flow, participants: [{ id: 'p1' }] })), true);
    assert.equal(await data.calls.insert(call('c1', { state: 'terminated' })), false);
    const got = await data.calls.get('c1');
    assert.deepEqual(got?.flow, flow);
    assert.deepEqual(got?.participants, [{ id: 'p1' }]);
    assert.equal(got?.state, 'establishing');
    assert.equal(got?.wireId, 'C1', 'the id as Graph spelled it, beside the normalised one');
    assert.equal(typeof got?.createdAt, 'number');

    assert.equal(await data.calls.update('c1', { state: 'established', endCode: 200, flow: null }), true);
    const after = await data.calls.get('c1');
    assert.equal(after?.state, 'established');
    assert.equal(after?.endCode, 200);
    assert.equal(after?.flow, null);
    assert.equal(after?.flowKey, null, 'no flow receives its events yet');
    await data.calls.update('c1', { flowKey: 'reminder:r-1' });
    assert.equal((await data.calls.get('c1'))?.flowKey, 'reminder:r-1');
    assert.equal(await data.calls.update('nope', { state: 'x' }), false);
    assert.equal(await data.calls.get('nope'), undefined);
  });

  it('lists active calls and finds silent ones', async () => {
    await data.calls.insert(call('a', { createdAt: 1, lastNotifiedAt: 100 }));
    await data.calls.insert(call('b', { createdAt: 2, lastNotifiedAt: 5000 }));
    await data.calls.insert(call('c', { createdAt: 3, state: 'terminated', lastNotifiedAt: 1 }));
    await data.calls.insert(call('d', { createdAt: 4, lastNotifiedAt: null }));
    assert.deepEqual(
      (await data.calls.list()).map((c) => c.id),
      ['d', 'c', 'b', 'a'],
    );
    assert.deepEqual(
      (await data.calls.list({ active: true })).map((c) => c.id),
      ['d', 'b', 'a'],
    );
    assert.deepEqual((await data.calls.silentSince(1000)).map((c) => c.id).sort(), ['a', 'd']);
  });

  it('counts calls in progress by direction, leaving out ringing, ended and one named call', async () => {
    await data.calls.insert(call('a', { direction: 'incoming', state: 'established' }));
    await data.calls.insert(call('b', { direction: 'incoming', state: 'establishing' }));
    await data.calls.insert(call('c', { direction: 'incoming', state: 'incoming' }));
    await data.calls.insert(call('d', { direction: 'incoming', state: 'terminated' }));
    await data.calls.insert(call('e', { direction: 'outgoing', state: 'established' }));
    assert.equal(await data.calls.countInProgress({ direction: 'incoming' }), 2);
    assert.equal(await data.calls.countInProgress({ direction: 'incoming', except: 'b' }), 1);
    assert.equal(await data.calls.countInProgress({ direction: 'outgoing' }), 1);
    assert.equal(await data.calls.stateOf('c'), 'incoming');
    assert.equal(await data.calls.stateOf('d'), 'terminated');
    assert.equal(await data.calls.stateOf('nobody'), undefined);
  });

  it('settles an operation once and finds it by Graph id or clientContext', async () => {
    await data.operations.insert(op('o1'));
    const attached = await data.operations.attachGraphId('o1', 'g1', 'running', 'G1');
    assert.equal(attached.status, 'running');
    assert.deepEqual([attached.graphId, attached.wireId], ['g1', 'G1']);
    assert.equal((await data.operations.find({ graphId: 'g1' }))?.id, 'o1');
    assert.equal((await data.operations.find({ clientContext: 'o1' }))?.id, 'o1');
    assert.equal(await data.operations.find({ graphId: 'zz', clientContext: 'zz' }), undefined);
    assert.deepEqual(
      (await data.operations.openForCall('c1')).map((o) => o.id),
      ['o1'],
    );
    const outcome = { status: 'completed' as const, resultInfo: { code: 200 }, resource: { a: 1 }, at: 5 };
    assert.equal(await data.operations.settle('o1', outcome), true);
    assert.equal(await data.operations.settle('o1', { ...outcome, status: 'failed' }), false);
    const [settled] = await data.operations.settledAmong(['o1', 'other']);
    assert.equal(settled?.status, 'completed');
    assert.deepEqual(settled?.resultInfo, { code: 200 });
    assert.deepEqual(await data.operations.openForCall('c1'), []);
  });

  it('moves an orphan completion onto the operation that later learns its Graph id', async () => {
    await data.operations.insert(op('mine'));
    await data.operations.insert(
      op('orphan', {
        graphId: 'g9',
        wireId: 'G9-as-notified',
        clientContext: null,
        status: 'failed',
        resultInfo: { code: 400 },
        settledAt: 7,
      }),
    );
    const merged = await data.operations.attachGraphId('mine', 'g9', 'running', 'G9-as-answered');
    assert.equal(merged.status, 'failed');
    assert.deepEqual(merged.resultInfo, { code: 400 });
    assert.equal(merged.graphId, 'g9');
    assert.equal(merged.wireId, 'G9-as-notified', 'the first spelling learned stays');
    assert.equal(await data.operations.get('orphan'), undefined);
  });

  it('keeps a timeline in order and rolls back a failed transaction whole', async () => {
    await data.timeline.add([
      { callId: 'c1', at: 1, kind: 'notification', summary: 'first', data: { x: 1 } },
      { callId: 'c1', at: 2, kind: 'state', summary: 'second' },
    ]);
    const list = await data.timeline.list('c1');
    assert.deepEqual(
      list.map((e) => [e.kind, e.summary, e.data]),
      [
        ['notification', 'first', { x: 1 }],
        ['state', 'second', undefined],
      ],
    );
    await assert.rejects(
      data.transaction(async (tx) => {
        await tx.calls.insert(call('rolled'));
        await tx.timeline.add([{ callId: 'rolled', at: 3, kind: 'decision', summary: 'x' }]);
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await data.calls.get('rolled'), undefined);
    assert.deepEqual(await data.timeline.list('rolled'), []);
  });

  it("rewrites the JSON a call keeps in all three tables, and only that call's", async () => {
    const secret = 'tok-erase-me-7f3a';
    await data.operations.insert(op('op-1', { callId: 'c1', resource: { recordingAccessToken: secret } }));
    await data.inbox.append([
      { callId: 'c1', tenantId: 't', receivedAt: 1, notification: { token: secret }, contentHash: 'h' },
      { callId: 'c2', tenantId: 't', receivedAt: 1, notification: { token: secret }, contentHash: 'h' },
    ]);
    await data.timeline.add([{ callId: 'c1', at: 1, kind: 'notification', summary: 's', data: { secret } }]);
    const rewrite = (text: string) => text.split(secret).join('[gone]');
    assert.equal(await ctx.storage.rewriteCallJson('c1', { mentioning: [secret], rewrite }), 3);
    assert.deepEqual((await data.operations.get('op-1'))?.resource, { recordingAccessToken: '[gone]' });
    assert.deepEqual((await data.timeline.list('c1'))[0]?.data, { secret: '[gone]' });
    assert.deepEqual(
      (await data.inbox.pendingFor(['c1', 'c2'], 10)).map((r) => r.notification),
      [{ token: '[gone]' }, { token: secret }],
      'the other call keeps its row',
    );
    assert.equal(await ctx.storage.rewriteCallJson('c1', { mentioning: [secret], rewrite }), 0);
    assert.equal(await ctx.storage.rewriteCallJson('c2', { mentioning: [secret], rewrite }), 1);
  });
}
