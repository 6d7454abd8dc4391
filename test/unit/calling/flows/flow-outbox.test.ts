import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCallingService, type CallingService } from '../../../../calling/core';
import { createFlowRuntime, type FlowEvent, type FlowRuntime } from '../../../../calling/flows/runtime';
import { createCallData, openStore, type Store } from '../../../../store';
import { batch, callNote, eventually, fakeGraph, testLogger } from '../core/fakes';

const CALL = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CALLER = { user: { id: 'c0ffee00-1111-4222-8333-444455556666', displayName: 'Adele Vance' } };

/** One instance of the app: its own store handle on the shared file, calling service and flow runtime. */
interface Instance {
  readonly store: Store;
  readonly calling: CallingService;
  readonly runtime: FlowRuntime;
}

describe('calling/flows runtime: flow events are an outbox written with the notification', function () {
  this.timeout(20_000);
  let dir = '';
  let instances: Instance[] = [];

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-outbox-'));
    instances = [];
  });
  afterEach(async () => {
    for (const i of instances.splice(0)) {
      await i.runtime.stop();
      await i.calling.stop();
      await i.store.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /** An instance whose `test` flow writes down what it hears (failing `failTimes` times on key `failOn`). */
  async function instance(
    label: string,
    heard: string[],
    o: { failOn?: string; failTimes?: number; rescued?: string[] } = {},
  ) {
    let failures = 0;
    const store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    const calling = createCallingService({
      store,
      graph: fakeGraph(),
      logger: testLogger(),
      appId: '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302',
      tenantId: 't',
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
    });
    const runtime = createFlowRuntime({
      calling,
      store,
      logger: testLogger(),
      sweepMs: 100,
      lockWaitMs: 300,
      rescue: () => async (callId) => void o.rescued?.push(callId),
    });
    runtime.register({
      kind: 'test',
      handle(state, event: FlowEvent) {
        if (event.type === 'tone' && event.digit === o.failOn && failures++ < (o.failTimes ?? Infinity))
          throw new Error(`key ${event.digit} breaks`);
        if (event.type === 'tone') heard.push(`${label} tone ${event.digit}`);
        if (event.type === 'established' || event.type === 'terminated') heard.push(`${label} ${event.type}`);
        return state;
      },
    });
    const made = { store, calling, runtime };
    instances.push(made);
    return made;
  }

  /** A connected incoming call driven by a `test` flow, its runtime not listening any more. */
  async function callWithFlow(a: Instance): Promise<void> {
    await a.calling.start();
    await a.calling.inbox.accept(
      batch(callNote(CALL, 'incoming', { direction: 'incoming', source: { identity: CALLER } }, 'created')),
    );
    await a.calling.inbox.accept(batch(callNote(CALL, 'established')));
    await eventually(async () => (await a.calling.getCall(CALL))?.state === 'established');
    await a.runtime.begin(CALL, 'test', {}, { callIds: [CALL] });
  }

  const tone = (seq: number, digit: string) =>
    batch(callNote(CALL, 'established', { toneInfo: { sequenceId: seq, tone: `tone${digit}` } }));

  /** Flow event rows not processed yet. */
  const pendingRows = (store: Store) => createCallData(store).inbox.pending(CALL, 100, 'flow');

  it('acts on a key whose notification committed before the process died, once the flow is taken over', async () => {
    const heard: string[] = [];
    const a = await instance('a', heard);
    await callWithFlow(a);
    // The process dies right after the commit: nothing in its memory hands the key to the flow.
    await a.runtime.stop();
    await a.calling.inbox.accept(tone(1, '5'));
    await eventually(async () => (await createCallData(a.store).inbox.callsWithPending()).length === 0);
    await a.calling.stop();
    assert.deepEqual(heard, []);

    const b = await instance('b', heard);
    await b.calling.start();
    await b.runtime.start();
    await eventually(() => heard.length > 0);
    await b.runtime.idle();
    assert.deepEqual(heard, ['b tone 5']);
    assert.deepEqual(await pendingRows(b.store), [], 'the row is processed');
  });

  it('hands every row to the flow once and in order when two instances race for them', async () => {
    const heard: string[] = [];
    const a = await instance('a', heard);
    const b = await instance('b', heard);
    await callWithFlow(a);
    await a.runtime.stop();
    for (const [i, d] of ['1', '2', '3', '4', '5'].entries()) await a.calling.inbox.accept(tone(i + 1, d));
    await a.calling.inbox.accept(batch(callNote(CALL, 'terminated')));
    await eventually(async () => (await pendingRows(a.store)).length === 6);
    // Both look for pending flow events at once as they start.
    await Promise.all([a.runtime.start(), b.runtime.start()]);
    await eventually(async () => (await pendingRows(a.store)).length === 0);
    // Sweeps run every 100 ms on both: time for a second delivery to show.
    await new Promise((r) => setTimeout(r, 600));
    await Promise.all([a.runtime.idle(), b.runtime.idle()]);
    assert.deepEqual(
      heard.map((h) => h.slice(2)),
      ['tone 1', 'tone 2', 'tone 3', 'tone 4', 'tone 5', 'terminated'],
    );
  });

  it('retries a row whose step failed, holding the later rows back', async () => {
    const heard: string[] = [];
    const rescued: string[] = [];
    const a = await instance('a', heard, { failOn: '7', failTimes: 1, rescued });
    await callWithFlow(a);
    await a.runtime.start();
    await a.calling.inbox.accept(tone(1, '7'));
    await a.calling.inbox.accept(tone(2, '8'));
    await eventually(async () => heard.length === 2 && (await pendingRows(a.store)).length === 0, 10_000);
    assert.deepEqual(heard, ['a tone 7', 'a tone 8']);
    assert.deepEqual(rescued, [], 'one failure does not end the flow');
  });

  it('ends the flow of a row that keeps failing and hands the call to the rescue', async () => {
    const heard: string[] = [];
    const rescued: string[] = [];
    const a = await instance('a', heard, { failOn: '7', rescued });
    await callWithFlow(a);
    await a.runtime.start();
    await a.calling.inbox.accept(tone(1, '7'));
    await a.calling.inbox.accept(tone(2, '8'));
    await eventually(() => rescued.length > 0, 10_000);
    await eventually(async () => (await pendingRows(a.store)).length === 0, 10_000);
    await a.runtime.idle();
    assert.deepEqual(rescued, [CALL]);
    assert.deepEqual(heard, ['a tone 8'], 'the key after the failing one still reaches the flow');
    const notes = (await a.calling.timeline(CALL)).map((t) => t.summary);
    assert.ok(
      notes.some((s) => s.startsWith('flow failed: a flow step failed')),
      `the failure is on the timeline: ${notes.join(' | ')}`,
    );
  });
});
