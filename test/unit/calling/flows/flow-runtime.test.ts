import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CallingApi, CallView } from '../../../../calling/core';
import {
  createFlowRuntime,
  type FlowEvent,
  type FlowRuntime,
  type StoredFlow,
} from '../../../../calling/flows/runtime';
import { toRecord } from '../../../../calling/flows/runtime/flow-record';
import { createFlowData, openStore, type Store } from '../../../../store';
import { eventually, testLogger } from '../core/fakes';

/** Calls kept in memory and shared by every runtime of a test, as the store shares them between instances. */
function sharedCalls() {
  const calls = new Map<string, CallView>();
  const add = (id: string) =>
    calls.set(id, {
      id,
      tenantId: 't',
      direction: 'incoming',
      state: 'established',
      source: { kind: 'user' },
      participants: [],
      flow: null,
      createdAt: 0,
      updatedAt: 0,
      resource: {},
    } as unknown as CallView);
  const calling = {
    getCall: async (id: string) => calls.get(id),
    listCalls: async () => [...calls.values()],
    // No notifications here, so no flow event rows.
    flowEvents: { pending: async () => [], keysWithPending: async () => [] },
    note: async () => undefined,
    hangUp: async () => undefined,
    on: () => () => undefined,
  } as unknown as CallingApi;
  return { calls, add, calling };
}

/** Stores a `test` flow bound to call `id` (keyed by it), as a predecessor left it. */
async function seed(store: Store, id: string, over: Partial<StoredFlow> = {}): Promise<void> {
  const flow: StoredFlow = {
    key: id,
    kind: 'test',
    state: {},
    timers: {},
    tasks: {},
    rev: 1,
    callIds: [id],
    createdAt: 0,
    ...over,
  };
  await createFlowData(store).flows.insert(toRecord(flow, Date.now()));
}

const flowOf = async (store: Store, key: string) => (await createFlowData(store).flows.get(key))!;

describe('calling/flows runtime: instances, leases and lost work', function () {
  this.timeout(20_000);
  let dir = '';
  const stores: Store[] = [];
  const runtimes: FlowRuntime[] = [];

  const open = async () => {
    const store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-runtime-'));
  });
  afterEach(async () => {
    for (const r of runtimes.splice(0)) await r.stop();
    for (const s of stores.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A runtime whose one flow kind writes down every event it hears, with the runtime's label. */
  function runtime(label: string, store: Store, calling: CallingApi, heard: string[], rescued: string[]) {
    const r = createFlowRuntime({
      calling,
      store,
      logger: testLogger(),
      rescue: () => async (callId) => void rescued.push(callId),
      lockWaitMs: 300,
      sweepMs: 100,
    });
    r.register({
      kind: 'test',
      handle(state, event: FlowEvent, ctl) {
        const extra = event.type === 'resume' ? `[${event.lostTasks.join(',')}]` : '';
        heard.push(
          `${label} ${ctl.callId} ${event.type}${event.type === 'timer' ? ` ${event.name}` : ''}${extra}`,
        );
        return state;
      },
    });
    runtimes.push(r);
    return r;
  }

  it("hands an event over once the flow's lock is free, however long another holder keeps it", async () => {
    const store = await open();
    const shared = sharedCalls();
    const heard: string[] = [];
    const rescued: string[] = [];
    const r = runtime('a', store, shared.calling, heard, rescued);
    await r.start();
    shared.add('c1');
    await seed(store, 'c1');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = store.locks.withLock('flow:c1', () => held);
    await new Promise((res) => setTimeout(res, 50));
    const dispatched = r.dispatch('c1', { type: 'custom', name: 'ping' });
    // Held three times longer than a step waits for the lock at once.
    await new Promise((res) => setTimeout(res, 1000));
    assert.deepEqual(heard, [], 'nothing runs while the lock is held');
    release();
    await holding;
    await dispatched;
    assert.deepEqual(heard, ['a c1 custom']);
    assert.deepEqual(rescued, [], 'the flow did not fail');
  });

  it("resumes a dead instance's flows once among live instances and never replays a live instance's work", async () => {
    const [storeA, storeB] = [await open(), await open()];
    const shared = sharedCalls();
    const now = Date.now();
    const live = storeA.instances.id;
    for (const id of ['lost', 'busy', 'waiting', 'armed', 'older']) shared.add(id);
    await seed(storeA, 'lost', { tasks: { prompt: 'p1' }, owners: { prompt: 'dead-1' } });
    await seed(storeA, 'busy', { tasks: { prompt: 'p2' }, owners: { prompt: live } });
    await seed(storeA, 'waiting', { timers: { input: { at: now + 300, token: 'i1', owner: 'dead-1' } } });
    await seed(storeA, 'armed', { timers: { input: { at: now + 60_000, token: 'i2', owner: live } } });
    await seed(storeA, 'older', { tasks: { answer: 'p3' } });
    const heard: string[] = [];
    const rescued: string[] = [];
    await Promise.all([
      runtime('a', storeA, shared.calling, heard, rescued).start(),
      runtime('b', storeB, shared.calling, heard, rescued).start(),
    ]);
    await eventually(() => heard.some((h) => h.endsWith('waiting timer input')), 5000);
    // Sweeps run every 100 ms on both: time for any second take-over to show.
    await new Promise((res) => setTimeout(res, 800));
    const events = heard.map((h) => h.slice(2)).sort();
    assert.deepEqual(events, [
      'lost resume[prompt]',
      'older resume[answer]',
      'waiting resume[]',
      'waiting timer input',
    ]);
    assert.deepEqual(rescued, []);
    assert.deepEqual((await flowOf(storeA, 'lost')).tasks, {}, 'the lost task is cleared with the resume');
    assert.deepEqual((await flowOf(storeA, 'waiting')).timers, {}, 'the timer fired and is gone');
    assert.equal((await flowOf(storeA, 'busy')).rev, 1, "a live instance's flow is left alone");
  });
});
