import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CallingApi, CallView, FlowStepCommit } from '../../../../calling/core';
import { createFlowRuntime, type FlowEvent, type FlowRuntime } from '../../../../calling/flows/runtime';
import { openStore, type Store } from '../../../../store';
import { eventually, testLogger } from '../core/fakes';

/** Calls kept in memory and shared by every runtime of a test, as the store shares them between instances. */
function sharedCalls() {
  const calls = new Map<string, CallView>();
  const add = (id: string, flow: unknown) =>
    calls.set(id, {
      id,
      tenantId: 't',
      direction: 'incoming',
      state: 'established',
      source: { kind: 'user' },
      participants: [],
      flow,
      createdAt: 0,
      updatedAt: 0,
      resource: {},
    } as unknown as CallView);
  const calling = {
    getCall: async (id: string) => calls.get(id),
    listCalls: async () => [...calls.values()],
    // No notifications here, so no flow event rows: a step's commit only saves the flow.
    flowEvents: {
      pending: async () => [],
      keysWithPending: async () => [],
      commit: async (step: FlowStepCommit) => {
        const call = step.save && calls.get(step.save.callId);
        if (call && step.save) calls.set(call.id, { ...call, flow: step.save.flow });
        return true;
      },
    },
    note: async () => undefined,
    hangUp: async () => undefined,
    on: () => () => undefined,
  } as unknown as CallingApi;
  return { calls, add, calling };
}

const ivrFlow = (over: object) => ({ kind: 'test', state: {}, timers: {}, tasks: {}, rev: 1, ...over });

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
    shared.add('c1', ivrFlow({}));
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
    shared.add('lost', ivrFlow({ tasks: { prompt: 'p1' }, owners: { prompt: 'dead-1' } }));
    shared.add('busy', ivrFlow({ tasks: { prompt: 'p2' }, owners: { prompt: live } }));
    shared.add('waiting', ivrFlow({ timers: { input: { at: now + 300, token: 'i1', owner: 'dead-1' } } }));
    shared.add('armed', ivrFlow({ timers: { input: { at: now + 60_000, token: 'i2', owner: live } } }));
    shared.add('older', ivrFlow({ tasks: { answer: 'p3' } }));
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
    const taken = shared.calls.get('lost')?.flow as { tasks: object; owners?: object };
    assert.deepEqual(taken.tasks, {}, 'the lost task is cleared with the resume');
    const waiting = shared.calls.get('waiting')?.flow as { timers: object };
    assert.deepEqual(waiting.timers, {}, 'the timer fired and is gone');
  });
});
