import assert from 'node:assert/strict';
import type { CallView } from '../../../../../calling';
import type { ConnectCalling } from '../../../../../calling/flows/click-to-call/context';
import { B, connectFlowWith, control, ended, failure, fakeCalling, record } from './connect-harness';

describe('calling/flows click-to-call: the connect flow', () => {
  const posted: string[] = [];
  const flowWith = (calling: ConnectCalling) => connectFlowWith(calling, posted);
  beforeEach(() => posted.splice(0));

  it('A answers: announced, B rung on a call of its own, A transferred onto it, the result posted', async () => {
    const { did, calling } = fakeCalling();
    const flow = flowWith(calling);
    const { ctl, asked, run, on } = control();
    let r = await flow.handle(record(), { type: 'begin' }, ctl);
    on('call-a');
    r = await flow.handle(r, { type: 'established', callId: 'call-a' }, ctl);
    assert.deepEqual([r.status, r.answeredAt], ['announcing', 500]);
    r = await flow.handle(r, await run('announce'), ctl);
    assert.equal(r.status, 'consulting');
    r = await flow.handle(r, await run('callB'), ctl);
    assert.equal(r.bCallId, 'call-b');
    on('call-b');
    r = await flow.handle(r, { type: 'established', callId: 'call-b' }, ctl);
    assert.equal(r.status, 'transferring');
    r = await flow.handle(r, await run('transfer'), ctl);
    assert.deepEqual([r.status, r.result], ['done', 'connected']);
    // B's consultation call ends as the transfer replaces it: nothing more happens.
    on('call-b', ended('call-b', 200, 7015));
    assert.equal(await flow.handle(r, { type: 'terminated', reason: 'x', callId: 'call-b' }, ctl), r);
    r = await flow.handle(r, await run('notify'), ctl);
    assert.deepEqual(r.notice, { target: 'conv', delivered: true });
    assert.deepEqual(did, ['play:connecting', `transfer:${B}>call-b`]);
    assert.deepEqual(posted, ['conv: Megan Bowen is connected to Nestor Wilke']);
    assert.deepEqual(asked, [
      'timer ring',
      'clear ring',
      'spawn announce',
      `place callB to ${B} for call-a`,
      'timer ringB',
      'clear ringB',
      'spawn transfer',
      'clear ring',
      'spawn notify',
      'end',
    ]);
  });

  for (const [what, code, subcode, words] of [
    ['declines', 603, 0, 'declined the call'],
    ['is busy', 486, 0, 'was busy'],
  ] as const)
    it(`B ${what}: A hears it in those words, both calls end, the result says so with Graph's code`, async () => {
      const { did, calling } = fakeCalling();
      const flow = flowWith(calling);
      const { ctl, asked, run, on } = control(undefined, ['call-a', 'call-b']);
      on('call-b', ended('call-b', code, subcode));
      const r = await flow.handle(
        record({ status: 'consulting', bCallId: 'call-b', answeredAt: 2 }),
        { type: 'terminated', reason: 'x', callId: 'call-b' },
        ctl,
      );
      assert.deepEqual([r.status, r.result], ['done', 'transfer-failed']);
      assert.equal(r.reason, `Nestor Wilke ${words} (${code}/${subcode})`);
      assert.ok(asked.includes('spawn goodbye') && asked.includes('spawn hangUpB'));
      await run('goodbye');
      assert.deepEqual(did, ['play:goodbye', 'hangUp']);
    });

  it("B does not answer in time: B's call is hung up; its end gives the result", async () => {
    const { did, calling } = fakeCalling();
    const flow = flowWith(calling);
    const { ctl, asked, run } = control(undefined, ['call-a', 'call-b']);
    const r = record({ status: 'consulting', bCallId: 'call-b' });
    assert.equal(await flow.handle(r, { type: 'timer', name: 'ringB' }, ctl), r);
    assert.deepEqual(asked, ['spawn hangUpB']);
    await run('hangUpB');
    assert.deepEqual(did, ['hangUp:call-b']);
  });

  it('the transfer fails after B answered: A is told, both calls hung up, the result says why', async () => {
    const { did, calling } = fakeCalling({ transferFails: true });
    const flow = flowWith(calling);
    const { ctl, run } = control(undefined, ['call-a', 'call-b']);
    const r = await flow.handle(
      record({ status: 'transferring', bCallId: 'call-b' }),
      { type: 'done', task: 'transfer', ok: false, error: await failure(calling) },
      ctl,
    );
    assert.equal(r.result, 'transfer-failed');
    assert.match(r.reason ?? '', /Nestor Wilke could not be reached \(500\/7000\)/);
    await run('hangUpB');
    await run('goodbye');
    assert.deepEqual(did, [`transfer:${B}`, 'hangUp:call-b', 'play:goodbye', 'hangUp']);
  });

  it("A hangs up while B rings: B's ring is stopped and the result says A hung up", async () => {
    const { did, calling } = fakeCalling();
    const flow = flowWith(calling);
    const { ctl, run, on } = control(undefined, ['call-a', 'call-b']);
    on('call-a', ended('call-a', 0, 0));
    const r = await flow.handle(
      record({ status: 'consulting', bCallId: 'call-b', answeredAt: 2 }),
      { type: 'terminated', reason: 'x', callId: 'call-a' },
      ctl,
    );
    assert.deepEqual([r.result, r.reason], ['failed', 'Megan Bowen hung up before being connected']);
    await run('hangUpB');
    assert.deepEqual(did, ['hangUp:call-b']);
  });

  it("taken over while B rings: B is rung again only if B's call was never placed", async () => {
    const flow = flowWith(fakeCalling().calling);
    const placed = control(undefined, ['call-a', 'call-b']);
    await flow.handle(record({ status: 'consulting' }), { type: 'resume', lostTasks: ['callB'] }, placed.ctl);
    assert.deepEqual(placed.asked, []);
    const never = control();
    await flow.handle(record({ status: 'consulting' }), { type: 'resume', lostTasks: ['callB'] }, never.ctl);
    assert.deepEqual(never.asked, [`place callB to ${B} for call-a`, 'timer ringB']);
  });

  it('A is busy: the end of the ring gives the result; nothing is transferred', async () => {
    const { did, calling } = fakeCalling();
    const flow = flowWith(calling);
    const busy = {
      id: 'call-a',
      end: { resultInfo: { code: 486, subcode: 0 }, reason: 'busy' },
    } as unknown as CallView;
    const { ctl } = control(busy);
    const r = await flow.handle(record(), { type: 'terminated', reason: 'busy', callId: 'call-a' }, ctl);
    assert.deepEqual([r.status, r.result], ['done', 'busy']);
    assert.deepEqual(did, []);
  });

  it('a ring nobody takes is hung up when its timer fires', async () => {
    const { did, calling } = fakeCalling();
    const flow = flowWith(calling);
    const { ctl, asked, run } = control();
    await flow.handle(record(), { type: 'timer', name: 'ring' }, ctl);
    assert.deepEqual(asked, ['spawn hangUp']);
    await run('hangUp');
    assert.deepEqual(did, ['hangUp']);
  });

  it('taken over mid-transfer: waits for the transfer already sent instead of sending it again', async () => {
    const { did, calling } = fakeCalling({ sentTransfer: true });
    const flow = flowWith(calling);
    const { ctl, run } = control();
    let r = await flow.handle(
      record({ status: 'transferring' }),
      { type: 'resume', lostTasks: ['transfer'] },
      ctl,
    );
    r = await flow.handle(r, await run('transfer'), ctl);
    assert.equal(r.result, 'connected');
    assert.deepEqual(did, ['wait:op-transfer']);
  });
});
