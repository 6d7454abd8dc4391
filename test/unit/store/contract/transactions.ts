import assert from 'node:assert/strict';
import { storedCall } from '../../../helpers/stored-call';
import type { ContractContext } from './subject';

/** transaction(fn): all or nothing, nesting runs in the outer one, and writes beside it stand. */
export function transactionCases(ctx: ContractContext): void {
  it('rolls back what a nested transaction wrote when the outer one throws', async () => {
    const { flowData } = ctx.storage;
    await assert.rejects(
      flowData.transaction(async (tx) => {
        await tx.calls.insert(storedCall('outer'));
        const inner = await tx.transaction(async (nested) => {
          await nested.calls.insert(storedCall('inner'));
          await nested.jobs.schedule({ kind: 'k', key: 'inner-job', dueAt: 1, payload: null });
          return 'inner done';
        });
        assert.equal(inner, 'inner done');
        assert.equal((await tx.calls.get('inner'))?.id, 'inner', 'the outer transaction sees it');
        throw new Error('outer fails');
      }),
      /outer fails/,
    );
    assert.deepEqual(await flowData.calls.getMany(['outer', 'inner']), []);
    assert.deepEqual(await flowData.jobs.list(), []);
  });

  it('undoes updates and deletes too, and keeps what was there before', async () => {
    const { flowData } = ctx.storage;
    await flowData.calls.insert(storedCall('kept', { state: 'established' }));
    const jobId = await flowData.jobs.schedule({ kind: 'k', dueAt: 1, payload: { n: 1 } });
    await assert.rejects(
      flowData.transaction(async (tx) => {
        await tx.calls.update('kept', { state: 'terminated' });
        assert.equal(await tx.jobs.cancel({ id: jobId }), true);
        throw new Error('undo');
      }),
      /undo/,
    );
    assert.equal(await flowData.calls.stateOf('kept'), 'established');
    assert.deepEqual(
      (await flowData.jobs.list()).map((j) => [j.id, j.payload]),
      [[jobId, { n: 1 }]],
    );
  });

  it('commits what fn wrote and answers its value', async () => {
    const { callData } = ctx.storage;
    const value = await callData.transaction(async (tx) => {
      await tx.calls.insert(storedCall('committed'));
      await tx.timeline.add([{ callId: 'committed', at: 1, kind: 'state', summary: 'in' }]);
      return 42;
    });
    assert.equal(value, 42);
    assert.equal((await callData.calls.get('committed'))?.id, 'committed');
    assert.equal((await callData.timeline.list('committed')).length, 1);
  });

  it('keeps a write made beside a transaction that then rolls back', async () => {
    const { callData } = ctx.storage;
    let proceed!: () => void;
    const opened = new Promise<void>((resolve) => (proceed = resolve));
    const failing = callData.transaction(async (tx) => {
      await tx.calls.insert(storedCall('inside'));
      await opened;
      throw new Error('rolled back');
    });
    // Started while the transaction is open: it waits for it or runs beside it, but is never undone.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const beside = callData.calls.insert(storedCall('beside'));
    proceed();
    await assert.rejects(failing, /rolled back/);
    assert.equal(await beside, true);
    assert.equal((await callData.calls.get('beside'))?.id, 'beside');
    assert.equal(await callData.calls.get('inside'), undefined);
  });

  it('stores copies: changing a value after writing it, or one read back, changes nothing stored', async () => {
    const { kv, callData, flowData, meetings } = ctx.storage;
    const value = { list: [1, 2], nested: { a: 'x' } };
    await kv.put('copies', 'v', value);
    value.list.push(3);
    value.nested.a = 'changed';
    const read = await kv.get<typeof value>('copies', 'v');
    assert.deepEqual(read?.value, { list: [1, 2], nested: { a: 'x' } });
    read?.value.list.push(99);
    assert.deepEqual((await kv.get('copies', 'v'))?.value, { list: [1, 2], nested: { a: 'x' } });

    const resource: Record<string, unknown> = { state: 'establishing' };
    await callData.calls.insert(storedCall('copied', { resource }));
    resource.state = 'changed';
    const call = await callData.calls.get('copied');
    assert.deepEqual(call?.resource, { state: 'establishing' });
    if (call) call.resource.state = 'changed too';
    assert.deepEqual((await callData.calls.get('copied'))?.resource, { state: 'establishing' });

    const state = { step: 1 };
    await flowData.flows.insert({
      key: 'f',
      kind: 'test',
      state,
      rev: 1,
      timers: {},
      tasks: {},
      callIds: [],
      requestedBy: null,
      createdAt: 1,
      updatedAt: 1,
      doneAt: null,
    });
    state.step = 2;
    assert.deepEqual((await flowData.flows.get('f'))?.state, { step: 1 });

    const attendees = [{ id: 'a', displayName: 'Ann' }];
    await meetings.put({
      id: 'm',
      organizerId: 'o',
      organizerName: 'O',
      subject: 's',
      startAt: 1,
      endAt: 2,
      joinUrl: 'https://teams.example/l/m',
      createdVia: 'chat',
      status: 'scheduled',
      attendees,
      createdAt: 1,
      updatedAt: 1,
    });
    attendees.push({ id: 'b', displayName: 'Bob' });
    assert.equal((await meetings.get('m'))?.attendees.length, 1);
  });
}
