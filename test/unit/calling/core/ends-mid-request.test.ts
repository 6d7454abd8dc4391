import assert from 'node:assert/strict';
import { CallOperationError } from '../../../../calling/core';
import type { OperationView } from '../../../../calling/core';
import { eachCallingService, incomingCall } from '../../../helpers/calling-service';
import { describeReason, eachUnhandledWatch } from '../../../helpers/unhandled';
import { batch, callNote, eventually } from './fakes';

// The call ends (the caller hangs up, say during a Retry-After wait) while the operation's own Graph
// request is still out: the operation fails with the call, before anyone awaits what the action returns.
describe('a call that ends while an operation request is still out', function () {
  this.timeout(10_000);
  const unhandled = eachUnhandledWatch();
  let release: () => void;
  // Registered before the service's own: the requests held back go out before the service stops.
  afterEach(() => release());
  const fx = eachCallingService((graph) => {
    const gate = new Promise<void>((r) => (release = r));
    // Every action request waits at the gate, as one held back by a 429 with Retry-After would.
    for (const name of ['answer', 'transfer', 'playPrompt', 'cancelMediaProcessing'] as const) {
      const original = graph[name] as (...args: unknown[]) => Promise<unknown>;
      (graph as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        await gate;
        return original.apply(graph, args);
      };
    }
  });

  const cases: Array<{ kind: string; incoming?: boolean; run: (callId: string) => Promise<OperationView> }> =
    [
      { kind: 'playPrompt', run: (c) => fx.service.playPrompt(c, 'welcome') },
      { kind: 'cancelMediaProcessing', run: (c) => fx.service.cancelMedia(c) },
      { kind: 'answer', incoming: true, run: (c) => fx.service.answer(c) },
      {
        kind: 'transfer',
        run: (c) => fx.service.transfer(c, { user: '9b602b58-81c6-43ef-bb23-f7145adb1914' }),
      },
    ];

  for (const c of cases) {
    it(`${c.kind}: rejects with call_ended and leaves no rejection unhandled`, async () => {
      const callId = await incomingCall(fx.service, c.incoming ? 'incoming' : 'established');
      const pending = c.run(callId);
      let outcome: unknown;
      pending.then(
        () => (outcome = 'resolved'),
        (err: unknown) => (outcome = err),
      );
      // The operation is recorded, its request is out; then the call ends.
      await eventually(async () => (await fx.service.operations(callId)).some((o) => o.kind === c.kind));
      await fx.service.inbox.accept(
        batch(callNote(callId, 'terminated', { resultInfo: { code: 200, subcode: 4521 } })),
      );
      await eventually(async () =>
        (await fx.service.operations(callId)).some((o) => o.kind === c.kind && o.status === 'failed'),
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
