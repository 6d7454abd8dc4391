import assert from 'node:assert/strict';
import { CallingError } from '../../../../calling';
import { hangUpResending, MAX_RESENDS } from '../../../../calling/flows/runtime';
import { callEnded, deleteFailure, hangUps } from './hang-up-failures';

// The runtime's hang-up that every flow sends: again after a transient failure, a few times, then the
// failure stands; the waits between attempts grow.
describe('calling/flows runtime: hanging up, again after a transient failure', () => {
  const waits: number[] = [];
  const delayMs = (attempt: number) => {
    waits.push(attempt);
    return 1;
  };
  beforeEach(() => waits.splice(0));

  it(`gives up after ${MAX_RESENDS} resends: the last failure stands`, async () => {
    const last = deleteFailure(500);
    const h = hangUps([deleteFailure(500), deleteFailure(504), last]);
    await assert.rejects(hangUpResending(h, 'c', { delayMs }), last);
    assert.equal(h.hungUp.length, 1 + MAX_RESENDS);
    assert.deepEqual(waits, [1, 2]);
  });

  it('a timeout of the request is sent again', async () => {
    const timeout = new CallingError('graph_timeout', 'Graph did not answer DELETE in time.');
    const h = hangUps([timeout]);
    await hangUpResending(h, 'c', { delayMs });
    assert.deepEqual(h.hungUp, ['c', 'c']);
  });

  it('a bad request (400) is not sent again; a call that is over is hung up', async () => {
    const bad = deleteFailure(400);
    await assert.rejects(hangUpResending(hangUps([bad]), 'c', { delayMs }), bad);
    await hangUpResending(hangUps([deleteFailure(503), callEnded()]), 'c', { delayMs });
    assert.deepEqual(waits, [1]);
  });
});
