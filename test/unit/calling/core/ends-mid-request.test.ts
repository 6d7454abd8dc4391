import assert from 'node:assert/strict';
import { CallOperationError, createCallingService } from '../../../../calling/core';
import type { CallingService, OperationView } from '../../../../calling/core';
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
} from './fakes';

const CALLER = { user: { id: 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902', displayName: 'Lee Gu' } };

// The call ends (the caller hangs up, say during a Retry-After wait) while the operation's own Graph
// request is still out: the operation fails with the call, before anyone awaits what the action returns.
describe('a call that ends while an operation request is still out', function () {
  this.timeout(10_000);
  const temp = eachTempStore();
  const unhandled = eachUnhandledWatch();
  let graph: FakeGraph;
  let service: CallingService;
  let release: () => void;

  beforeEach(async () => {
    graph = fakeGraph();
    const gate = new Promise<void>((r) => (release = r));
    // Every action request waits at the gate, as one held back by a 429 with Retry-After would.
    for (const name of ['answer', 'transfer', 'playPrompt', 'cancelMediaProcessing'] as const) {
      const original = graph[name] as (...args: unknown[]) => Promise<unknown>;
      (graph as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        await gate;
        return original.apply(graph, args);
      };
    }
    service = createCallingService({
      store: temp.store,
      graph,
      logger: testLogger(),
      appId: '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302',
      tenantId: TENANT,
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
    });
    await service.start();
  });

  afterEach(async () => {
    release();
    await service.stop();
  });

  async function incomingCall(): Promise<string> {
    const id = 'c0ffee00-1111-4222-8333-444455556666';
    await service.inbox.accept(
      batch(callNote(id, 'incoming', { direction: 'incoming', source: { identity: CALLER } }, 'created')),
    );
    await service.waitForState(id, 'incoming', 3000);
    return id;
  }

  async function establishedCall(): Promise<string> {
    const id = await incomingCall();
    await service.inbox.accept(batch(callNote(id, 'established')));
    await service.waitForState(id, 'established', 3000);
    return id;
  }

  const cases: Array<{ kind: string; incoming?: boolean; run: (callId: string) => Promise<OperationView> }> =
    [
      { kind: 'playPrompt', run: (c) => service.playPrompt(c, 'welcome') },
      { kind: 'cancelMediaProcessing', run: (c) => service.cancelMedia(c) },
      { kind: 'answer', incoming: true, run: (c) => service.answer(c) },
      { kind: 'transfer', run: (c) => service.transfer(c, { user: '9b602b58-81c6-43ef-bb23-f7145adb1914' }) },
    ];

  for (const c of cases) {
    it(`${c.kind}: rejects with call_ended and leaves no rejection unhandled`, async () => {
      const callId = c.incoming ? await incomingCall() : await establishedCall();
      const pending = c.run(callId);
      let outcome: unknown;
      pending.then(
        () => (outcome = 'resolved'),
        (err: unknown) => (outcome = err),
      );
      // The operation is recorded, its request is out; then the call ends.
      await eventually(async () => (await service.operations(callId)).some((o) => o.kind === c.kind));
      await service.inbox.accept(
        batch(callNote(callId, 'terminated', { resultInfo: { code: 200, subcode: 4521 } })),
      );
      await eventually(async () =>
        (await service.operations(callId)).some((o) => o.kind === c.kind && o.status === 'failed'),
      );
      // Long enough for Node to report a rejection nobody handles.
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(unhandled.rejections.map(describeReason), [], 'no rejection went unhandled');
      assert.equal(outcome, undefined, 'the action waits for its request');
      release();
      await assert.rejects(pending, (err: unknown) => {
        assert.ok(err instanceof CallOperationError, describeReason(err));
        assert.equal(err.code, 'call_ended');
        return true;
      });
      await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(unhandled.rejections.map(describeReason), []);
    });
  }
});
