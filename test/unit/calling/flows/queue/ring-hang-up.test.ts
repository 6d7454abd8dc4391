import assert from 'node:assert/strict';
import type { CallingApi } from '../../../../../calling/core';
import { hangUpRingTask } from '../../../../../calling/flows/queue/ring-tasks';
import { callEnded, deleteFailure, hangUps } from '../hang-up-failures';

/** A ring call `r` still ringing, whose hang-up answers `answers` in turn. */
function ringing(answers: readonly unknown[]) {
  const h = hangUps(answers);
  const warned: string[] = [];
  const calling = {
    getCall: async (id: string) => ({ id, state: 'establishing' }),
    hangUp: h.hangUp,
    waitForState: async () => ({ id: 'r', state: 'terminated' }),
  } as unknown as CallingApi;
  const log = { warn: (_o: object, msg?: string) => void warned.push(msg ?? '') };
  return { calling, log, hungUp: h.hungUp, warned };
}

// A ring the app no longer wants that stays up keeps an agent's phone ringing for a caller who left.
describe('calling/flows/queue: hanging up a ring', function () {
  this.timeout(10_000);

  it('sends the hang-up again after a transient failure (a 500), so the agent stops ringing', async () => {
    const t = ringing([deleteFailure(500, 'r')]);
    await hangUpRingTask(t.calling, 'r', t.log)();
    assert.deepEqual(t.hungUp, ['r', 'r']);
    assert.deepEqual(t.warned, []);
  });

  it('sends it again when Graph is unavailable', async () => {
    const t = ringing([deleteFailure(503, 'r')]);
    await hangUpRingTask(t.calling, 'r', t.log, { waitForEnd: true })();
    assert.deepEqual(t.hungUp, ['r', 'r']);
  });

  it('does not repeat a refused hang-up (403): a warning', async () => {
    const t = ringing([deleteFailure(403, 'r')]);
    await hangUpRingTask(t.calling, 'r', t.log)();
    assert.deepEqual(t.hungUp, ['r']);
    assert.deepEqual(t.warned, ['could not end a ring']);
  });

  it('a ring that ended meanwhile is done', async () => {
    const t = ringing([callEnded('r')]);
    await hangUpRingTask(t.calling, 'r', t.log)();
    assert.deepEqual(t.hungUp, ['r']);
    assert.deepEqual(t.warned, []);
  });
});
