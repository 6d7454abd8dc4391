// Click-to-call as a `connect` flow on the flow runtime (key `connect:<id>`, state: the record). The
// service places the call to A bound to the flow; when A answers, A hears whom they are connected to
// and is transferred to B; the end of the call to A, or the transfer's outcome, gives the result, which
// is posted to the requester before the flow ends. The ring timeout is a timer; a transfer a lost task
// had sent is waited for, never sent twice.
import { CallOperationError, type CallView, type OperationView } from '../../core';
import type { FlowControl, FlowEvent, FlowHandler } from '../runtime';
import { describeTarget, partyOf } from '../reminders';
import { CONNECT_FLOW, type ConnectContext } from './context';
import { resultOfEnd, tell } from './finish';
import { announcement, apology, say } from './speech';
import type { ConnectRecord, ConnectResult } from './types';

type Done = Extract<FlowEvent, { type: 'done' }>;

/** Says it is done: the result, then the notice to the requester (a task; the flow ends with it). */
function finish(
  c: ConnectContext,
  ctl: FlowControl,
  r: ConnectRecord,
  result: ConnectResult,
  reason: string,
) {
  if (r.status === 'done') return r;
  const done: ConnectRecord = {
    ...r,
    status: 'done',
    result,
    reason,
    finishedAt: ctl.now,
    updatedAt: ctl.now,
  };
  ctl.clearTimer('ring');
  ctl.note(`click-to-call: ${result} (${reason})`);
  c.logger.child({ connectId: r.id, callId: r.callId }).info({ result, reason }, 'click-to-call finished');
  ctl.spawn('notify', () => tell(c, done));
  return done;
}

/** Transfers A to B, or waits for the transfer an earlier run already sent. */
async function transferOnce(c: ConnectContext, callId: string, r: ConnectRecord): Promise<OperationView> {
  const sent = (await c.calling.operations(callId)).filter((o) => o.kind === 'transfer').at(-1);
  if (sent) return c.calling.waitForOperation(sent.id, c.timing.transferTimeoutMs);
  return c.calling.transfer(callId, partyOf(r.b), { timeoutMs: c.timing.transferTimeoutMs });
}

function announce(c: ConnectContext, ctl: FlowControl, r: ConnectRecord, callId: string): void {
  ctl.spawn('announce', async () =>
    c.calling.playPrompt(callId, await say(c, announcement(r), ['connecting'])),
  );
}

function transfer(c: ConnectContext, ctl: FlowControl, r: ConnectRecord, callId: string): ConnectRecord {
  ctl.spawn('transfer', () => transferOnce(c, callId, r));
  return { ...r, status: 'transferring', updatedAt: ctl.now };
}

/** A finished task. */
function onDone(c: ConnectContext, ctl: FlowControl, r: ConnectRecord, e: Done): ConnectRecord {
  const callId = r.callId;
  if (e.task === 'notify') {
    if (e.ok) ctl.end();
    return e.ok ? { ...r, notice: e.value as ConnectRecord['notice'] } : r;
  }
  if (!callId || r.status === 'done') return r;
  if (e.task === 'announce' && r.status === 'announcing') return transfer(c, ctl, r, callId);
  if (e.task !== 'transfer') return r;
  if (e.ok)
    return finish(c, ctl, r, 'connected', `${describeTarget(r.a)} was put through to ${describeTarget(r.b)}`);
  const err = e.error;
  // The call to A is gone: its end says how it went.
  if (!(err instanceof CallOperationError) || err.code === 'call_ended' || err.code === 'call_not_found')
    return r;
  const info = err.resultInfo ? ` (${err.resultInfo.code}/${err.resultInfo.subcode})` : '';
  const b = describeTarget(r.b);
  const done = finish(c, ctl, r, 'transfer-failed', `${b} could not be reached${info}: ${err.message}`);
  // A is still on the line: say so and end the call.
  ctl.spawn('goodbye', async () => {
    await c.calling.playPrompt(callId, await say(c, apology(r), ['goodbye']));
    await c.calling.hangUp(callId);
  });
  return done;
}

/** After a take-over: the work the dead instance was doing, again (a transfer is not sent twice). */
function onResume(
  c: ConnectContext,
  ctl: FlowControl,
  r: ConnectRecord,
  lost: readonly string[],
): ConnectRecord {
  if (lost.includes('notify')) ctl.spawn('notify', () => tell(c, r));
  if (!r.callId || r.status === 'done') return r;
  if (lost.includes('announce') && r.status === 'announcing') announce(c, ctl, r, r.callId);
  if (lost.includes('transfer') && r.status === 'transferring') transfer(c, ctl, r, r.callId);
  if (lost.includes('hangUp')) ctl.spawn('hangUp', () => c.calling.hangUp(r.callId!));
  return r;
}

function onTerminated(c: ConnectContext, ctl: FlowControl, r: ConnectRecord, call: CallView | undefined) {
  if (r.status === 'done') {
    // The flow waits only for its notice now.
    return r;
  }
  const [result, reason] = resultOfEnd(r, call);
  return finish(c, ctl, r, result, reason);
}

/** The connect flow handler. */
export function createConnectFlow(c: ConnectContext): FlowHandler<ConnectRecord> {
  return {
    kind: CONNECT_FLOW,
    handle(r, e, ctl) {
      switch (e.type) {
        case 'begin':
          ctl.setTimer('ring', c.timing.ringTimeoutMs);
          return r;
        case 'custom':
          // The service placed the call to A (or could not).
          if (e.name === 'placed') return r.callId ? r : { ...r, callId: String(e.data), updatedAt: ctl.now };
          if (e.name === 'notPlaced') return finish(c, ctl, r, 'failed', String(e.data));
          return r;
        case 'established': {
          // The call's first events may come before the service said it placed it.
          const callId = r.callId ?? e.callId;
          if (r.status !== 'calling' || !callId) return r;
          ctl.clearTimer('ring');
          announce(c, ctl, r, callId);
          return { ...r, callId, status: 'announcing', answeredAt: ctl.now, updatedAt: ctl.now };
        }
        case 'timer':
          // Nobody took the ring: hang up; the end gives the result.
          if (e.name === 'ring' && r.status === 'calling' && r.callId)
            ctl.spawn('hangUp', () => c.calling.hangUp(r.callId!));
          else if (e.name === 'ring' && r.status === 'calling')
            return finish(c, ctl, r, 'failed', `the call to ${describeTarget(r.a)} was never placed`);
          return r;
        case 'terminated':
          return onTerminated(c, ctl, r, ctl.call);
        case 'done':
          return onDone(c, ctl, r, e);
        case 'resume':
          return onResume(c, ctl, r, e.lostTasks);
        default:
          return r;
      }
    },
  };
}
