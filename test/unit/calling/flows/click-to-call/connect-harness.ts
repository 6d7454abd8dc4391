// The connect flow's test harness: a recording fake of the calling API, a flow control whose spawned
// tasks the test runs by name, and the flow built over them.
import { CallOperationError, type CallView, type OperationView } from '../../../../../calling';
import { createConnectFlow } from '../../../../../calling/flows/click-to-call/connect-flow';
import {
  DEFAULT_CLICK_TO_CALL_TIMING,
  type ConnectCalling,
} from '../../../../../calling/flows/click-to-call/context';
import type { ConnectRecord } from '../../../../../calling/flows/click-to-call/types';
import type { FlowControl, FlowEvent } from '../../../../../calling/flows/runtime';
import { testLogger } from '../../core/fakes';

export const silent = testLogger();

export const A = '2c0fd3f4-495a-4f8d-9668-9ce043008303';
export const B = '62b4348f-61e0-438d-8a47-96987bef5cef';

export const record = (over: Partial<ConnectRecord> = {}): ConnectRecord => ({
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
export function fakeCalling(
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
export function control(call?: CallView, callIds: string[] = ['call-a']) {
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
export const ended = (id: string, code: number, subcode: number) =>
  ({ id, end: { resultInfo: { code, subcode }, reason: 'ended' } }) as unknown as CallView;

/** The error the fake's failing transfer throws. */
export async function failure(calling: ConnectCalling): Promise<Error> {
  try {
    await calling.transfer('call-a', { user: B });
  } catch (err) {
    return err as Error;
  }
  throw new Error('the transfer did not fail');
}

/** The connect flow over `calling`; the cards it posts are noted in `posted` as "target: title". */
export function connectFlowWith(calling: ConnectCalling, posted: string[] = []) {
  return createConnectFlow({
    calling,
    logger: silent,
    timing: DEFAULT_CLICK_TO_CALL_TIMING,
    notifier: { postCard: async (target, card) => void posted.push(`${target}: ${card.title}`) },
  });
}
