import assert from 'node:assert/strict';
import { createCallingService, type CallingService, type CallView } from '../../../../calling/core';
import { createFlowRuntime, type FlowEvent, type FlowRuntime } from '../../../../calling/flows/runtime';
import { createCallData } from '../../../../store';
import {
  batch,
  callNote,
  eachTempStore,
  eventually,
  fakeGraph,
  testLogger,
  type FakeGraph,
} from '../core/fakes';
import { serviceOptions } from '../../../helpers/calling-service';

const CALL = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CALLER = { user: { id: 'c0ffee00-1111-4222-8333-444455556666', displayName: 'Adele Vance' } };
const MEGAN = 'f3e2d1c0-b9a8-4765-8432-10fedcba9876';

const describeEvent = (e: FlowEvent) => {
  if (e.type === 'tone') return `tone ${e.digit} on ${e.callId ?? '?'}`;
  if (e.type === 'established' || e.type === 'terminated') return `${e.type} on ${e.callId ?? '?'}`;
  if (e.type === 'custom') return `custom ${e.name}`;
  if (e.type === 'done') return `done ${e.task}`;
  return e.type;
};

// Flows that are not one call's: their own key, calls bound to them (placed by the flow or bound
// later), each event naming its call, an end, and a list; and a call-bound flow's position kept apart
// from what others store on the call.
describe('calling/flows runtime: flows with their own keys', function () {
  this.timeout(10_000);
  const temp = eachTempStore();
  let graph: FakeGraph;
  let calling: CallingService;
  let runtime: FlowRuntime;
  let heard: string[];

  beforeEach(async () => {
    heard = [];
    graph = fakeGraph();
    calling = createCallingService(serviceOptions(temp.store, graph));
    await calling.start();
    runtime = createFlowRuntime({ calling, store: temp.store, logger: testLogger(), sweepMs: 100 });
    runtime.register<{ n: number }>({
      kind: 'test',
      handle(s, e, ctl) {
        heard.push(describeEvent(e));
        if (e.type === 'custom' && e.name === 'place') ctl.placeCall('place', { to: { user: MEGAN } });
        if (e.type === 'done' && e.ok) ctl.bindCall((e.value as CallView).id);
        if (e.type === 'custom' && e.name === 'stop') ctl.end();
        return { n: s.n + 1 };
      },
    });
    await runtime.start();
  });
  afterEach(async () => {
    await runtime.stop();
    await calling.stop();
  });

  async function incomingCall(): Promise<void> {
    await calling.inbox.accept(
      batch(callNote(CALL, 'incoming', { direction: 'incoming', source: { identity: CALLER } }, 'created')),
    );
    await calling.inbox.accept(batch(callNote(CALL, 'established')));
    await eventually(async () => (await calling.getCall(CALL))?.state === 'established');
  }

  const press = (digit: string, seq: number, callId = CALL) =>
    calling.inbox.accept(
      batch(callNote(callId, 'established', { toneInfo: { tone: `tone${digit}`, sequenceId: seq } })),
    );

  it("binds a call to a flow with its own key: the call's events reach it, naming the call", async () => {
    await runtime.begin('connect:1', 'test', { n: 0 }, { requestedBy: 'u-1' });
    await incomingCall();
    await runtime.bindCall('connect:1', CALL);
    assert.equal((await createCallData(temp.store).calls.get(CALL))?.flowKey, 'connect:1');
    await press('5', 1);
    await eventually(() => heard.length === 2);
    await runtime.idle();
    assert.deepEqual(heard, ['begin', `tone 5 on ${CALL}`]);
    const flow = await runtime.get('connect:1');
    assert.deepEqual([flow?.callIds, flow?.requestedBy, flow?.state], [[CALL], 'u-1', { n: 2 }]);
  });

  it('places a call bound to the flow from its first notification', async () => {
    await runtime.begin('connect:2', 'test', { n: 0 });
    await runtime.dispatch('connect:2', { type: 'custom', name: 'place' });
    await eventually(async () => (await runtime.get('connect:2'))?.callIds.length === 1);
    await calling.inbox.accept(batch(callNote(graph.createdId, 'established')));
    await eventually(() => heard.includes(`established on ${graph.createdId}`));
    assert.equal((await createCallData(temp.store).calls.get(graph.createdId))?.flowKey, 'connect:2');
  });

  it('ends a flow: it is listed as done and takes no more events', async () => {
    await runtime.begin('connect:3', 'test', { n: 0 }, { requestedBy: 'u-1' });
    await runtime.begin('connect:4', 'test', { n: 0 }, { requestedBy: 'u-2' });
    await runtime.dispatch('connect:3', { type: 'custom', name: 'stop' });
    await runtime.dispatch('connect:3', { type: 'custom', name: 'late' });
    assert.deepEqual(heard, ['begin', 'begin', 'custom stop']);
    const keys = (o: Parameters<FlowRuntime['list']>[0]) => runtime.list(o).then((l) => l.map((f) => f.key));
    assert.deepEqual(await keys({ kind: 'test', active: true }), ['connect:4']);
    assert.deepEqual(await keys({ requestedBy: 'u-1' }), ['connect:3']);
    assert.equal(typeof (await runtime.get('connect:3'))?.doneAt, 'number');
  });

  it("keeps a call-bound flow's position apart from what is saved on the call (the front desk's note)", async () => {
    await incomingCall();
    await runtime.begin(CALL, 'test', { n: 0 }, { callIds: [CALL] });
    await calling.saveFlow(CALL, { kind: 'frontdesk', decision: { reason: 'again' } }, 'front desk: again');
    await press('1', 1);
    await eventually(() => heard.length === 2);
    await runtime.idle();
    assert.deepEqual(heard, ['begin', `tone 1 on ${CALL}`], "the flow still takes the call's keys");
    const flow = await runtime.get(CALL);
    assert.deepEqual([flow?.kind, flow?.state], ['test', { n: 2 }]);
  });

  it('ends a call-bound flow with its call', async () => {
    await incomingCall();
    await runtime.begin(CALL, 'test', { n: 0 }, { callIds: [CALL] });
    await calling.inbox.accept(batch(callNote(CALL, 'terminated')));
    await eventually(async () => (await runtime.get(CALL))?.doneAt !== undefined);
    assert.deepEqual(heard, ['begin', `terminated on ${CALL}`]);
  });
});
