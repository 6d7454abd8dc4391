import assert from 'node:assert/strict';
import { CallOperationError, type CallView, type OperationView } from '../../../../../calling';
import { createConnectFlow } from '../../../../../calling/flows/click-to-call/connect-flow';
import {
  DEFAULT_CLICK_TO_CALL_TIMING,
  type ConnectCalling,
} from '../../../../../calling/flows/click-to-call/context';
import type { ConnectRecord } from '../../../../../calling/flows/click-to-call/types';
import type { FlowControl, FlowEvent } from '../../../../../calling/flows/runtime';
import { testLogger } from '../../core/fakes';
import { callEnded, deleteFailure } from '../hang-up-failures';

const silent = testLogger();

const A = '2c0fd3f4-495a-4f8d-9668-9ce043008303';
const B = '62b4348f-61e0-438d-8a47-96987bef5cef';

const record = (over: Partial<ConnectRecord> = {}): ConnectRecord => ({
  id: 'c1',
  a: { kind: 'user', id: A, name: 'Megan Bowen' },
  b: { kind: 'user', id: B, name: 'Nestor Wilke' },
  requestedBy: { id: 'u-lee', name: 'Lee Gu', conversationId: 'conv' },
  status: 'calling',
  callId: 'call-a',
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

/** The calling service as the flow's tasks use it, each action written down; hang-ups answer `hangUps` in turn. */
function fakeCalling(
  o: { transferFails?: boolean; sentTransfer?: boolean; hangUps?: unknown[]; playFails?: Error } = {},
) {
  const did: string[] = [];
  const hangUps = [...(o.hangUps ?? [])];
  const op = (kind: string) => ({ id: `op-${kind}`, kind, status: 'completed' }) as unknown as OperationView;
  const calling: ConnectCalling = {
    placeCall: async () => ({ id: 'call-a' }) as CallView,
    getCall: async () => undefined,
    async playPrompt(_id, prompts) {
      did.push(`play:${[prompts].flat().join('+')}`);
      if (o.playFails) throw o.playFails;
      return op('playPrompt');
    },
    async transfer(_id, party, opts) {
      did.push(
        `transfer:${'user' in party ? party.user : '?'}${opts?.replacesCallId ? `>${opts.replacesCallId}` : ''}`,
      );
      if (o.transferFails)
        throw new CallOperationError('operation_failed', 'the transfer failed', {
          resultInfo: { code: 500, subcode: 7000 },
        });
      return op('transfer');
    },
    async hangUp(id) {
      did.push(id === 'call-a' ? 'hangUp' : `hangUp:${id}`);
      const answer = hangUps.shift();
      if (answer instanceof Error) throw answer;
    },
    operations: async () => (o.sentTransfer ? [op('transfer')] : []),
    async waitForOperation(id) {
      did.push(`wait:${id}`);
      return op('transfer');
    },
  };
  return { did, calling };
}

/**
 * A FlowControl that records what the flow asks for; `run` runs a spawned task into its `done`; `on`
 * makes the next events about that call (bound to the flow, with `call` as stored).
 */
function control(call?: CallView, callIds: string[] = ['call-a']) {
  const tasks = new Map<string, () => Promise<unknown>>();
  const asked: string[] = [];
  const ctl: FlowControl & { callId?: string; call?: CallView } = {
    key: 'connect:c1',
    callIds,
    ...(call ? { call, callId: call.id } : {}),
    calling: {} as FlowControl['calling'],
    now: 500,
    log: silent,
    spawn: (name, work) => {
      tasks.set(name, work);
      asked.push(`spawn ${name}`);
    },
    forgetTask: () => undefined,
    setTimer: (name) => void asked.push(`timer ${name}`),
    clearTimer: (name) => void asked.push(`clear ${name}`),
    note: () => undefined,
    bindCall: () => undefined,
    placeCall: (name, req) => {
      tasks.set(name, async () => ({ id: 'call-b' }) as CallView);
      // B's call is placed as a consultation leg of A's, so A's call shows whom it rings.
      const leg = req.consultationFor ? ` for ${req.consultationFor}` : '';
      asked.push(`place ${name} to ${'user' in req.to ? req.to.user : '?'}${leg}`);
    },
    end: () => void asked.push('end'),
  };
  const on = (id: string, stored?: CallView) => {
    if (!callIds.includes(id)) callIds.push(id);
    ctl.callId = id;
    if (stored) ctl.call = stored;
    else delete ctl.call;
  };
  const run = async (name: string): Promise<FlowEvent> => {
    const work = tasks.get(name);
    if (!work) throw new Error(`no task ${name}`);
    try {
      return { type: 'done', task: name, ok: true, value: await work() };
    } catch (err) {
      return { type: 'done', task: name, ok: false, error: err as Error };
    }
  };
  return { ctl, asked, run, on };
}

/** A call as stored once it ended with Graph's code. */
const ended = (id: string, code: number, subcode: number) =>
  ({ id, end: { resultInfo: { code, subcode }, reason: 'ended' } }) as unknown as CallView;

/** The error the fake's failing transfer throws. */
async function failure(calling: ConnectCalling): Promise<Error> {
  try {
    await calling.transfer('call-a', { user: B });
  } catch (err) {
    return err as Error;
  }
  throw new Error('the transfer did not fail');
}

describe('calling/flows click-to-call: the connect flow', () => {
  const posted: string[] = [];
  const flowWith = (calling: ConnectCalling) =>
    createConnectFlow({
      calling,
      logger: silent,
      timing: DEFAULT_CLICK_TO_CALL_TIMING,
      notifier: { postCard: async (target, card) => void posted.push(`${target}: ${card.title}`) },
    });
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

  describe('hang-ups that fail', function () {
    this.timeout(10_000);

    it('a ring nobody takes is hung up again after a transient failure (a 500)', async () => {
      const { did, calling } = fakeCalling({ hangUps: [deleteFailure(500, 'call-a')] });
      const { ctl, run } = control();
      await flowWith(calling).handle(record(), { type: 'timer', name: 'ring' }, ctl);
      assert.equal(((await run('hangUp')) as { ok: boolean }).ok, true);
      assert.deepEqual(did, ['hangUp', 'hangUp']);
    });

    it("B's call is hung up again when Graph was unavailable", async () => {
      const { did, calling } = fakeCalling({ hangUps: [deleteFailure(503, 'call-b')] });
      const { ctl, run } = control(undefined, ['call-a', 'call-b']);
      const r = record({ status: 'consulting', bCallId: 'call-b' });
      await flowWith(calling).handle(r, { type: 'timer', name: 'ringB' }, ctl);
      assert.equal(((await run('hangUpB')) as { ok: boolean }).ok, true);
      assert.deepEqual(did, ['hangUp:call-b', 'hangUp:call-b']);
    });

    it('after the apology, A is hung up again after a transient failure, and not told twice', async () => {
      const { did, calling } = fakeCalling({ hangUps: [deleteFailure(500, 'call-a')] });
      const { ctl, run } = control(undefined, ['call-a', 'call-b']);
      const r = record({ status: 'consulting', bCallId: 'call-b' });
      await flowWith(calling).handle(
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
      await flowWith(calling).handle(
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
      await flowWith(refused.calling).handle(record(), { type: 'timer', name: 'ring' }, a.ctl);
      assert.equal(((await a.run('hangUp')) as { ok: boolean }).ok, false);
      assert.deepEqual(refused.did, ['hangUp']);
      const gone = fakeCalling({ hangUps: [callEnded('call-a')] });
      const b = control();
      await flowWith(gone.calling).handle(record(), { type: 'timer', name: 'ring' }, b.ctl);
      assert.equal(((await b.run('hangUp')) as { ok: boolean }).ok, true);
      assert.deepEqual(gone.did, ['hangUp']);
    });
  });
});
