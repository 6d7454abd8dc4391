import assert from 'node:assert/strict';
import type { CallingApi } from '../../../../../calling/core';
import { createRescue } from '../../../../../calling/flows/frontdesk/rescue';
import type { FlowRuntime } from '../../../../../calling/flows/runtime';
import { testLogger } from '../../core/fakes';
import { callEnded, deleteFailure, hangUps } from '../hang-up-failures';

/** A rescue over a live call `c` whose hang-ups answer `answers` in turn; `begun` lists the fallbacks begun. */
function rescuing(answers: readonly unknown[]) {
  const h = hangUps(answers);
  const begun: string[] = [];
  const calling = {
    getCall: async (id: string) => ({ id, state: 'established' }),
    note: async () => undefined,
    hangUp: h.hangUp,
  } as unknown as CallingApi;
  const runtime = {
    get: async () => undefined,
    begin: async (key: string) => void begun.push(key),
  } as unknown as FlowRuntime;
  const rescue = createRescue({ calling, runtime, logger: testLogger(), fallback: async () => undefined });
  return { rescue, begun, hungUp: h.hungUp };
}

// A call rescued twice within minutes is hung up, the last resort: one 500 must not leave it up.
describe('calling/flows/frontdesk: the rescue that hangs up', function () {
  this.timeout(10_000);

  it('hangs a call rescued moments ago up, again after a transient failure (a 500)', async () => {
    const t = rescuing([deleteFailure(500)]);
    await t.rescue('c', 'a flow step failed');
    await t.rescue('c', 'a flow step failed again');
    assert.deepEqual(t.begun, ['c']);
    assert.deepEqual(t.hungUp, ['c', 'c']);
  });

  it('does not repeat a refused hang-up (403); a call that ended meanwhile is done', async () => {
    const refused = deleteFailure(403);
    const t = rescuing([refused]);
    await t.rescue('c', 'a flow step failed');
    await assert.rejects(t.rescue('c', 'again'), refused);
    assert.deepEqual(t.hungUp, ['c']);
    const gone = rescuing([callEnded()]);
    await gone.rescue('c', 'a flow step failed');
    await gone.rescue('c', 'again');
    assert.deepEqual(gone.hungUp, ['c']);
  });
});
