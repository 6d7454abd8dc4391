import assert from 'node:assert/strict';
import {
  CallOperationError,
  type CallView,
  type CoreLogger,
  type OperationView,
} from '../../../../../calling';
import { createConnectFlow } from '../../../../../calling/flows/click-to-call/connect-flow';
import {
  DEFAULT_CLICK_TO_CALL_TIMING,
  type ConnectCalling,
} from '../../../../../calling/flows/click-to-call/context';
import type { ConnectRecord } from '../../../../../calling/flows/click-to-call/types';
import type { FlowControl, FlowEvent } from '../../../../../calling/flows/runtime';

const silent: CoreLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
};

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

/** The calling service as the flow's tasks use it, each action written down. */
function fakeCalling(o: { transferFails?: boolean; sentTransfer?: boolean } = {}) {
  const did: string[] = [];
  const op = (kind: string) => ({ id: `op-${kind}`, kind, status: 'completed' }) as unknown as OperationView;
  const calling: ConnectCalling = {
    placeCall: async () => ({ id: 'call-a' }) as CallView,
    getCall: async () => undefined,
    async playPrompt(_id, prompts) {
      did.push(`play:${[prompts].flat().join('+')}`);
      return op('playPrompt');
    },
    async transfer(_id, party) {
      did.push(`transfer:${'user' in party ? party.user : '?'}`);
      if (o.transferFails)
        throw new CallOperationError('operation_failed', 'the transfer failed', {
          resultInfo: { code: 500, subcode: 7000 },
        });
      return op('transfer');
    },
    async hangUp() {
      did.push('hangUp');
    },
    operations: async () => (o.sentTransfer ? [op('transfer')] : []),
    async waitForOperation(id) {
      did.push(`wait:${id}`);
      return op('transfer');
    },
  };
  return { did, calling };
}

/** A FlowControl that records what the flow asks for; `run` runs a spawned task into its `done`. */
function control(call?: CallView) {
  const tasks = new Map<string, () => Promise<unknown>>();
  const asked: string[] = [];
  const ctl: FlowControl = {
    key: 'connect:c1',
    callIds: ['call-a'],
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
    placeCall: () => undefined,
    end: () => void asked.push('end'),
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
  return { ctl, asked, run };
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

  it('A answers: announced, transferred to B, the result posted, then the flow ends', async () => {
    const { did, calling } = fakeCalling();
    const flow = flowWith(calling);
    const { ctl, asked, run } = control();
    let r = await flow.handle(record(), { type: 'begin' }, ctl);
    r = await flow.handle(r, { type: 'established', callId: 'call-a' }, ctl);
    assert.deepEqual([r.status, r.answeredAt], ['announcing', 500]);
    r = await flow.handle(r, await run('announce'), ctl);
    assert.equal(r.status, 'transferring');
    r = await flow.handle(r, await run('transfer'), ctl);
    assert.deepEqual([r.status, r.result], ['done', 'connected']);
    r = await flow.handle(r, await run('notify'), ctl);
    assert.deepEqual(r.notice, { target: 'conv', delivered: true });
    assert.deepEqual(did, ['play:connecting', `transfer:${B}`]);
    assert.deepEqual(posted, ['conv: Megan Bowen is connected to Nestor Wilke']);
    assert.deepEqual(asked, [
      'timer ring',
      'clear ring',
      'spawn announce',
      'spawn transfer',
      'clear ring',
      'spawn notify',
      'end',
    ]);
  });

  it('B cannot be reached: A is told, the call hung up, the result says why', async () => {
    const { did, calling } = fakeCalling({ transferFails: true });
    const flow = flowWith(calling);
    const { ctl, run } = control();
    let r = await flow.handle(
      record({ status: 'announcing' }),
      { type: 'done', task: 'announce', ok: true, value: 1 },
      ctl,
    );
    r = await flow.handle(r, await run('transfer'), ctl);
    assert.equal(r.result, 'transfer-failed');
    assert.match(r.reason ?? '', /Nestor Wilke could not be reached \(500\/7000\)/);
    await run('goodbye');
    assert.deepEqual(did, [`transfer:${B}`, 'play:goodbye', 'hangUp']);
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
