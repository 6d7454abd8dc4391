// The connect flow's hang-ups meet Graph failures: a transient one (a 500, Graph unavailable) is sent
// again, a refusal is not, and a call that ended meanwhile needs nothing more.
import assert from 'node:assert/strict';
import { callEnded, deleteFailure } from '../hang-up-failures';
import { connectFlowWith, control, fakeCalling, record } from './connect-harness';

describe('calling/flows click-to-call: hang-ups that fail', function () {
  this.timeout(10_000);

  it('a ring nobody takes is hung up again after a transient failure (a 500)', async () => {
    const { did, calling } = fakeCalling({ hangUps: [deleteFailure(500, 'call-a')] });
    const { ctl, run } = control();
    await connectFlowWith(calling).handle(record(), { type: 'timer', name: 'ring' }, ctl);
    assert.equal(((await run('hangUp')) as { ok: boolean }).ok, true);
    assert.deepEqual(did, ['hangUp', 'hangUp']);
  });

  it("B's call is hung up again when Graph was unavailable", async () => {
    const { did, calling } = fakeCalling({ hangUps: [deleteFailure(503, 'call-b')] });
    const { ctl, run } = control(undefined, ['call-a', 'call-b']);
    const r = record({ status: 'consulting', bCallId: 'call-b' });
    await connectFlowWith(calling).handle(r, { type: 'timer', name: 'ringB' }, ctl);
    assert.equal(((await run('hangUpB')) as { ok: boolean }).ok, true);
    assert.deepEqual(did, ['hangUp:call-b', 'hangUp:call-b']);
  });

  it('after the apology, A is hung up again after a transient failure, and not told twice', async () => {
    const { did, calling } = fakeCalling({ hangUps: [deleteFailure(500, 'call-a')] });
    const { ctl, run } = control(undefined, ['call-a', 'call-b']);
    const r = record({ status: 'consulting', bCallId: 'call-b' });
    await connectFlowWith(calling).handle(
      r,
      { type: 'done', task: 'callB', ok: false, error: new Error('x') },
      ctl,
    );
    assert.equal(((await run('goodbye')) as { ok: boolean }).ok, true);
    assert.deepEqual(did, ['play:goodbye', 'hangUp', 'hangUp']);
  });

  it('A is hung up even when the apology cannot be played, and the task says the apology failed', async () => {
    const unplayable = new Error('the prompt failed');
    const { did, calling } = fakeCalling({ playFails: unplayable });
    const { ctl, run } = control(undefined, ['call-a', 'call-b']);
    const r = record({ status: 'consulting', bCallId: 'call-b' });
    await connectFlowWith(calling).handle(
      r,
      { type: 'done', task: 'callB', ok: false, error: new Error('x') },
      ctl,
    );
    assert.deepEqual(await run('goodbye'), { type: 'done', task: 'goodbye', ok: false, error: unplayable });
    assert.deepEqual(did, ['play:goodbye', 'hangUp']);
  });

  it('a refused hang-up (403) is not repeated; a call that ended meanwhile is done', async () => {
    const refused = fakeCalling({ hangUps: [deleteFailure(403, 'call-a')] });
    const a = control();
    await connectFlowWith(refused.calling).handle(record(), { type: 'timer', name: 'ring' }, a.ctl);
    assert.equal(((await a.run('hangUp')) as { ok: boolean }).ok, false);
    assert.deepEqual(refused.did, ['hangUp']);
    const gone = fakeCalling({ hangUps: [callEnded('call-a')] });
    const b = control();
    await connectFlowWith(gone.calling).handle(record(), { type: 'timer', name: 'ring' }, b.ctl);
    assert.equal(((await b.run('hangUp')) as { ok: boolean }).ok, true);
    assert.deepEqual(gone.did, ['hangUp']);
  });
});
