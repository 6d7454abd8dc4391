import assert from 'node:assert/strict';
import { createCallingService, type CallingService } from '../../../../calling/core';
import { createFlowRuntime, type FlowRuntime } from '../../../../calling/flows/runtime';
import { describeReason, eachUnhandledWatch } from '../../../helpers/unhandled';
import {
  batch,
  callNote,
  eachTempStore,
  eventually,
  fakeGraph,
  testLogger,
  TENANT,
  type FakeGraph,
} from '../core/fakes';

const CALLER = { user: { id: 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902', displayName: 'Lee Gu' } };
const CALL = 'c0ffee00-1111-4222-8333-444455556666';

// A flow whose step throws (a bug, a store that failed) must not take the process with it, nor leave
// the caller on a call nothing drives: the failure is logged with the call id, written on the call's
// timeline, and the call handed to the rescue (the fallback) or, without one, hung up.
describe('calling/flows runtime: a flow step that fails', function () {
  this.timeout(10_000);
  const temp = eachTempStore();
  const unhandled = eachUnhandledWatch();
  let graph: FakeGraph;
  let calling: CallingService;
  let runtime: FlowRuntime;
  let logger: ReturnType<typeof testLogger>;
  let rescued: Array<{ callId: string; why: string }>;

  async function start(withRescue: boolean): Promise<void> {
    graph = fakeGraph();
    logger = testLogger();
    rescued = [];
    calling = createCallingService({
      store: temp.store,
      graph,
      logger,
      appId: '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302',
      tenantId: TENANT,
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
    });
    await calling.start();
    runtime = createFlowRuntime({
      calling,
      store: temp.store,
      logger,
      ...(withRescue
        ? {
            rescue: () => async (callId: string, why: string) => void rescued.push({ callId, why }),
          }
        : {}),
    });
    runtime.register<{ keys: number }>({
      kind: 'fragile',
      handle(s, e) {
        if (e.type === 'tone' && e.digit === '9') throw new Error('no option for 9');
        return e.type === 'tone' ? { keys: s.keys + 1 } : s;
      },
    });
    await runtime.start();
    await calling.inbox.accept(
      batch(callNote(CALL, 'incoming', { direction: 'incoming', source: { identity: CALLER } }, 'created')),
    );
    await calling.inbox.accept(batch(callNote(CALL, 'established')));
    await calling.waitForState(CALL, 'established', 3000);
    await runtime.begin(CALL, 'fragile', { keys: 0 }, { callIds: [CALL] });
  }

  afterEach(async () => {
    await runtime?.stop();
    await calling?.stop();
  });

  const press = (digit: string, seq: number) =>
    calling.inbox.accept(
      batch(callNote(CALL, 'established', { toneInfo: { tone: `tone${digit}`, sequenceId: seq } })),
    );

  it('logs it with the call id, notes it on the timeline and hands the call to the rescue', async () => {
    await start(true);
    await press('1', 1);
    await press('9', 2);
    await eventually(() => rescued.length > 0);
    assert.equal(rescued[0]?.callId, CALL);
    assert.match(rescued[0]?.why ?? '', /a flow step failed \(Error: no option for 9\)/);
    const lines = (await calling.timeline(CALL)).map((e) => e.summary);
    assert.ok(
      lines.some((l) => /^flow failed: a flow step failed \(Error: no option for 9\)$/.test(l)),
      lines.join('\n'),
    );
    assert.ok(
      logger.errors.some((e) => (e as { callId?: string }).callId === CALL),
      'an error line names the call',
    );
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(unhandled.rejections.map(describeReason), []);
  });

  it('hangs the call up when there is no rescue', async () => {
    await start(false);
    await press('9', 1);
    await eventually(() => graph.requests.some((r) => r.method === 'deleteCall' && r.callId === CALL));
    assert.deepEqual(unhandled.rejections.map(describeReason), []);
  });

  it('a flow that goes on after the failure keeps its position', async () => {
    await start(true);
    await press('1', 1);
    await press('9', 2);
    await press('2', 3);
    await eventually(async () => {
      const flow = await runtime.get(CALL);
      return (flow?.state as { keys?: number } | undefined)?.keys === 2;
    });
    assert.equal(rescued.length, 1);
  });
});
