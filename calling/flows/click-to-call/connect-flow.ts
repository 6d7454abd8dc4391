// Click-to-call as a `connect` flow on the flow runtime (key `connect:<id>`, state: the record). The
// service places the call to A bound to the flow; when A answers, A hears whom they are connected to
// while the flow rings B on a call of its own (consult.ts); when B answers, A's call is transferred
// onto B's (consultative), when B does not, A is told how B answered. The result is posted to the
// requester before the flow ends. Ring timeouts are timers; a transfer a lost task had sent is waited
// for, never sent twice, and B is never rung twice.
import { CallOperationError, type CallView, type OperationView } from '../../core';
import { hangUpResending, type FlowControl, type FlowEvent, type FlowHandler } from '../runtime';
import { describeTarget, partyOf } from '../reminders';
import { CONNECT_FLOW, type ConnectContext } from './context';
import { resultOfEnd, tell } from './finish';
import { bCallOf, bRefusal, isB, ringB } from './consult';
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

/** Transfers A onto B's call, or waits for the transfer an earlier run already sent. */
async function transferOnce(c: ConnectContext, callId: string, r: ConnectRecord): Promise<OperationView> {
  const sent = (await c.calling.operations(callId)).filter((o) => o.kind === 'transfer').at(-1);
  if (sent) return c.calling.waitForOperation(sent.id, c.timing.transferTimeoutMs);
  return c.calling.transfer(callId, partyOf(r.b), {
    timeoutMs: c.timing.transferTimeoutMs,
    ...(r.bCallId ? { replacesCallId: r.bCallId } : {}),
  });
}

/**
 * B was not put through: A (still on the line) hears what B did, the calls are hung up, the result
 * says so (`detail`: Graph's code and message, for the record only).
 */
function notPutThrough(
  c: ConnectContext,
  ctl: FlowControl,
  r: ConnectRecord,
  what: string,
  detail = '',
): ConnectRecord {
  const callId = r.callId;
  const b = bCallOf(r, ctl);
  const done = finish(c, ctl, r, 'transfer-failed', `${what}${detail}`);
  ctl.clearTimer('ringB');
  if (b) ctl.spawn('hangUpB', () => hangUpResending(c.calling, b));
  if (callId)
    ctl.spawn('goodbye', async () => {
      // The flow is done: an apology that cannot be played must not leave A on a line nobody drives.
      try {
        await c.calling.playPrompt(callId, await say(c, apology(what), ['goodbye']));
      } finally {
        await hangUpResending(c.calling, callId);
      }
    });
  return done;
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
  if (e.task === 'announce' && r.status === 'announcing') return ringB(c, ctl, r);
  if (e.task === 'callB' && r.status === 'consulting') {
    if (e.ok) return r.bCallId ? r : { ...r, bCallId: (e.value as CallView).id, updatedAt: ctl.now };
    return notPutThrough(c, ctl, r, `${describeTarget(r.b)} could not be reached`, `: ${e.error.message}`);
  }
  if (e.task !== 'transfer') return r;
  if (e.ok)
    return finish(c, ctl, r, 'connected', `${describeTarget(r.a)} was put through to ${describeTarget(r.b)}`);
  const err = e.error;
  // The call to A is gone: its end says how it went.
  if (!(err instanceof CallOperationError) || err.code === 'call_ended' || err.code === 'call_not_found')
    return r;
  const info = err.resultInfo ? ` (${err.resultInfo.code}/${err.resultInfo.subcode})` : '';
  return notPutThrough(c, ctl, r, `${describeTarget(r.b)} could not be reached`, `${info}: ${err.message}`);
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
  // B's call is rung again only if it was never bound to the flow (so never placed).
  if (lost.includes('callB') && r.status === 'consulting' && !bCallOf(r, ctl)) return ringB(c, ctl, r);
  if (lost.includes('transfer') && r.status === 'transferring') transfer(c, ctl, r, r.callId);
  if (lost.includes('hangUp')) ctl.spawn('hangUp', () => hangUpResending(c.calling, r.callId!));
  const b = bCallOf(r, ctl);
  if (lost.includes('hangUpB') && b) ctl.spawn('hangUpB', () => hangUpResending(c.calling, b));
  return r;
}

function onTerminated(c: ConnectContext, ctl: FlowControl, r: ConnectRecord, callId: string | undefined) {
  // Done: the flow waits only for its notice now. B's call ending after B answered is the transfer's.
  if (r.status === 'done') return r;
  if (isB(r, ctl, callId))
    return r.status === 'consulting' ? notPutThrough(c, ctl, r, ...bRefusal(r, ctl.call)) : r;
  // A hung up while B's phone rang: B's ring stops too.
  const b = bCallOf(r, ctl);
  if (r.status === 'consulting' && b) ctl.spawn('hangUpB', () => hangUpResending(c.calling, b));
  const [result, reason] = resultOfEnd(r, ctl.call);
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
          if (r.callId && isB(r, ctl, e.callId)) {
            // B answered: A's call is transferred onto B's.
            if (r.status !== 'consulting') return r;
            ctl.clearTimer('ringB');
            return transfer(c, ctl, { ...r, bCallId: e.callId! }, r.callId);
          }
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
            ctl.spawn('hangUp', () => hangUpResending(c.calling, r.callId!));
          else if (e.name === 'ring' && r.status === 'calling')
            return finish(c, ctl, r, 'failed', `the call to ${describeTarget(r.a)} was never placed`);
          // B did not answer in time: hang up B's call; its end says so.
          if (e.name === 'ringB' && r.status === 'consulting') {
            const b = bCallOf(r, ctl);
            if (b) ctl.spawn('hangUpB', () => hangUpResending(c.calling, b));
            else return notPutThrough(c, ctl, r, `${describeTarget(r.b)} could not be reached`);
          }
          return r;
        case 'terminated':
          return onTerminated(c, ctl, r, e.callId ?? ctl.callId);
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
