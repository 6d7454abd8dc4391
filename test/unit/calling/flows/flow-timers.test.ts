import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CallingApi } from '../../../../calling/core';
import { createFlowRuntime, type FlowRuntime } from '../../../../calling/flows/runtime';
import { openStore, type Store } from '../../../../store';
import { eventually, testLogger } from '../core/fakes';

// No calls here: flows with their own keys, on instances sharing one database file.
const calling = {
  flowEvents: { pending: async () => [], keysWithPending: async () => [] },
  getCall: async () => undefined,
  note: async () => undefined,
  on: () => () => undefined,
} as unknown as CallingApi;

describe('calling/flows runtime: durable timers and instances racing', function () {
  this.timeout(20_000);
  let dir = '';
  const stores: Store[] = [];
  const runtimes: FlowRuntime[] = [];

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-timers-'));
  });
  afterEach(async () => {
    for (const r of runtimes.splice(0)) await r.stop();
    for (const s of stores.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** An instance whose `wait` flow sets a timer when it begins and counts every event it takes. */
  async function instance(label: string, heard: string[]) {
    const store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    stores.push(store);
    const runtime = createFlowRuntime({
      calling,
      store,
      logger: testLogger(),
      sweepMs: 100,
      lockWaitMs: 300,
    });
    runtime.register<{ n: number }>({
      kind: 'wait',
      handle(s, e, ctl) {
        heard.push(`${label} ${e.type}${e.type === 'timer' ? ` ${e.name}` : ''}`);
        if (e.type === 'begin') ctl.setTimer('reminder', 600);
        return { n: s.n + 1 };
      },
    });
    runtimes.push(runtime);
    return { store, runtime };
  }

  it('fires a timer set by an instance that died once, on one of the instances left', async () => {
    const heard: string[] = [];
    const a = await instance('a', heard);
    await a.runtime.start();
    await a.runtime.begin('reminder:1', 'wait', { n: 0 });
    // A dies: its timers no longer fire and its row no longer says it lives.
    await a.runtime.stop();
    await a.store.instances.leave();
    const [b, c] = [await instance('b', heard), await instance('c', heard)];
    await Promise.all([b.runtime.start(), c.runtime.start()]);
    await eventually(() => heard.some((h) => h.endsWith('timer reminder')), 5000);
    // Sweeps run every 100 ms on both: time for a second firing to show.
    await new Promise((r) => setTimeout(r, 1000));
    const rest = heard.slice(1).map((h) => h.slice(2));
    assert.equal(heard[0], 'a begin');
    assert.deepEqual(rest, ['resume', 'timer reminder'], heard.join(' | '));
    const flow = await b.runtime.get('reminder:1');
    assert.deepEqual([flow?.timers, flow?.state], [{}, { n: 3 }]);
  });

  it('fires a timer of the instance itself after a restart', async () => {
    const heard: string[] = [];
    const a = await instance('a', heard);
    await a.runtime.start();
    await a.runtime.begin('reminder:2', 'wait', { n: 0 });
    await a.runtime.stop();
    await a.store.instances.leave();
    const again = await instance('A', heard);
    await again.runtime.start();
    await eventually(() => heard.includes('A timer reminder'), 5000);
    assert.deepEqual(heard, ['a begin', 'A resume', 'A timer reminder']);
  });

  it('steps the events two instances hand one flow at once one after another, each once', async () => {
    const heard: string[] = [];
    const [a, b] = [await instance('a', heard), await instance('b', heard)];
    await Promise.all([a.runtime.start(), b.runtime.start()]);
    await a.runtime.begin('race:1', 'wait', { n: 0 });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? a : b).runtime.dispatch('race:1', { type: 'custom', name: `e${i}` }),
      ),
    );
    const flow = await a.runtime.get('race:1');
    assert.deepEqual(flow?.state, { n: 11 }, 'no step was lost to another');
    assert.equal(flow?.rev, 11);
  });
});
