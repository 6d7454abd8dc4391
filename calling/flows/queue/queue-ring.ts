// The ringing half of the queue flow: a waiting caller's flow asks the store for its own ring, rings
// the agent with a call of its own (bound to this flow, so the agent's answer or refusal comes here),
// hangs it up at `ringSeconds`, and moves the agent into the caller's call when they answer. The
// caller hears the music throughout and notices none of the rings that fail.
import type { RingOffer } from '../../storage';
import { outcomeOf, ringOutcome, type CallView } from '../../core';
import { idKey } from '../../ids';
import type { CallFlowControl, FlowEvent } from '../runtime';
import { waitedInWords } from './announce';
import type { QueueConfig } from './queue-schema';
import type { EndedRing, QueueRing, QueueState } from './queue-state';
import { connectTask, hangUpRingTask, offerTask, ringEndTask, type RingDeps } from './ring-tasks';

type Ctl = CallFlowControl;
/** The caller's call: the flow's own, whichever call the event is about (a ring's events are the agent's). */
const own = (ctl: Ctl) => ctl.callIds[0] ?? ctl.callId;

/** Asks for a ring for this caller: one request at a time (one asked for meanwhile runs after it). */
export function askForRing(deps: RingDeps, s: QueueState, ctl: Ctl, q: QueueConfig): QueueState {
  if (s.phase !== 'waiting' || s.ring || s.ringEnding) return s;
  if (s.offering) return { ...s, offerAgain: true };
  ctl.spawn('offer', offerTask(deps, q, { queue: s.queue, callId: own(ctl), now: ctl.now }));
  return { ...s, offering: true, offerAgain: false };
}

/** The store answered: ring the agent it picked, or wait for the next chance. */
export function offered(
  deps: RingDeps,
  s: QueueState,
  ctl: Ctl,
  q: QueueConfig,
  offer: RingOffer | undefined,
) {
  const again = s.offerAgain === true;
  const next: QueueState = { ...s, offering: false, offerAgain: false };
  // A caller no longer waiting has left the queue (or is leaving): the leave cancels the ring in the store.
  if (!offer || next.phase !== 'waiting') return again ? askForRing(deps, next, ctl, q) : next;
  const caller = ctl.call.source.displayName ?? 'a caller';
  ctl.placeCall('ring', {
    to: { user: offer.agentId },
    purpose: 'oneToOne',
    subject: `Queue ${s.queue}: ${caller}, waiting ${waitedInWords(offer.waitedMs)}`,
  });
  ctl.setTimer('ring', q.ringSeconds * 1000);
  ctl.note(`queue ${s.queue}: ringing agent ${offer.agentId}`);
  const ring: QueueRing = { attemptId: offer.attemptId, agentId: offer.agentId, startedAt: ctl.now };
  return { ...next, ring };
}

const isRingCall = (s: QueueState, callId: string) =>
  s.ring !== undefined && (s.ring.callId === undefined || idKey(s.ring.callId) === idKey(callId));

/** The call to the agent was placed (its events may have come first). */
export function placed(deps: RingDeps, s: QueueState, ctl: Ctl, call: CallView): QueueState {
  if (s.ring && isRingCall(s, call.id)) return { ...s, ring: { ...s.ring, callId: call.id } };
  // The ring was over before Graph even took the call: end it.
  if (!s.agent || idKey(s.agent.callId) !== idKey(call.id))
    ctl.spawn('hangUpStale', hangUpRingTask(deps.calling, call.id, ctl.log));
  return s;
}

/** Ends this caller's ring with its outcome; the store frees the agent and the queue offers again. */
export function endRing(
  deps: RingDeps,
  s: QueueState,
  ctl: Ctl,
  outcome: EndedRing,
  why: string,
): QueueState {
  if (!s.ring) return s;
  ctl.clearTimer('ring');
  ctl.spawn(
    'ringEnd',
    ringEndTask(deps, { queue: s.queue, attemptId: s.ring.attemptId, outcome, now: ctl.now }),
  );
  ctl.note(`queue ${s.queue}: agent ${s.ring.agentId} ${why}`);
  return { ...s, ring: undefined, ringEnding: { attemptId: s.ring.attemptId, outcome } };
}

/** How a ring the agent did not take ended, from the end of the call to them. */
function refusal(s: QueueState, call: CallView): [EndedRing, string] {
  if (s.ring?.timedOut) return ['unanswered', 'did not answer in time'];
  const outcome = ringOutcome(outcomeOf(call.end?.resultInfo));
  if (outcome === 'declined') return ['declined', 'declined'];
  if (outcome === 'busy') return ['busy', 'was busy'];
  if (outcome === 'noAnswer') return ['unanswered', 'did not answer'];
  return ['failed', `could not be rung (${call.end?.reason ?? 'the call failed'})`];
}

/** The agent answered their ring: stop the music and move them into the caller's call. */
function answered(deps: RingDeps, s: QueueState, ctl: Ctl, ring: QueueRing, agentCallId: string): QueueState {
  for (const t of ['ring', 'music', 'announce', 'maxWait']) ctl.clearTimer(t);
  ctl.forgetTask('music');
  ctl.spawn(
    'connect',
    connectTask(deps, {
      callId: own(ctl),
      attemptId: ring.attemptId,
      agentId: ring.agentId,
      agentCallId,
      now: ctl.now,
      log: ctl.log,
    }),
  );
  ctl.note(`queue ${s.queue}: agent ${ring.agentId} answered; moving them into the call`);
  const agent = {
    agentId: ring.agentId,
    callId: agentCallId,
    attemptId: ring.attemptId,
    answeredAt: ctl.now,
  };
  return { ...s, phase: 'connecting', ring: undefined, agent };
}

/** An event of a call other than the caller's: the ring to an agent (or one the flow no longer wants). */
export function ringEvent(
  deps: RingDeps,
  s: QueueState,
  ctl: Ctl,
  e: { readonly type: 'established' | 'terminated'; readonly callId: string },
): QueueState {
  const mine = isRingCall(s, e.callId);
  if (e.type === 'established') {
    if (mine && s.ring && s.phase === 'waiting') return answered(deps, s, ctl, s.ring, e.callId);
    if (!s.agent || idKey(s.agent.callId) !== idKey(e.callId))
      ctl.spawn('hangUpStale', hangUpRingTask(deps.calling, e.callId, ctl.log));
    return s;
  }
  // The agent's call ends too once they are moved into the caller's call (Graph replaces it).
  if (!mine) return s;
  const [outcome, why] = refusal(s, ctl.call);
  return endRing(deps, s, ctl, outcome, why);
}

/** `ringSeconds` passed: hang the ring up (its end says "unanswered"), or end one never placed. */
export function ringTimedOut(deps: RingDeps, s: QueueState, ctl: Ctl): QueueState {
  if (!s.ring) return s;
  if (s.ring.callId === undefined) return endRing(deps, s, ctl, 'unanswered', 'was never reached');
  ctl.spawn('hangUpRing', hangUpRingTask(deps.calling, s.ring.callId, ctl.log));
  return { ...s, ring: { ...s.ring, timedOut: true } };
}

type Done = Extract<FlowEvent, { type: 'done' }>;

/** The ring tasks' outcomes (undefined for other tasks). */
export function onRingDone(deps: RingDeps, s: QueueState, ctl: Ctl, q: QueueConfig, e: Done) {
  if (e.task === 'offer') {
    if (!e.ok)
      ctl.log.warn({ err: e.error, callId: ctl.callId }, 'asking for an agent failed; asking again later');
    return offered(deps, s, ctl, q, e.ok ? (e.value as RingOffer | undefined) : undefined);
  }
  if (e.task === 'ring') {
    if (e.ok) return placed(deps, s, ctl, e.value as CallView);
    return endRing(deps, s, ctl, 'failed', `could not be rung (${e.error.message})`);
  }
  if (e.task === 'ringEnd') {
    if (!e.ok) ctl.log.warn({ err: e.error, callId: ctl.callId }, 'a ring could not be ended in the store');
    return askForRing(deps, { ...s, ringEnding: undefined }, ctl, q);
  }
  return undefined;
}

/** After a restart: the ring work the dead instance was doing, again (nothing is rung twice). */
export function resumeRing(deps: RingDeps, s: QueueState, ctl: Ctl, q: QueueConfig, lost: readonly string[]) {
  let next = s;
  if (lost.includes('offer') && s.offering) {
    // The store may hold the ring that offer made: the new one answers it again rather than ring anew.
    next = askForRing(deps, { ...s, offering: false }, ctl, q);
  }
  if (lost.includes('ringEnd') && s.ringEnding) {
    const { attemptId, outcome } = s.ringEnding;
    ctl.spawn('ringEnd', ringEndTask(deps, { queue: s.queue, attemptId, outcome, now: ctl.now }));
  }
  if (lost.includes('hangUpRing') && s.ring?.callId && s.ring.timedOut)
    ctl.spawn('hangUpRing', hangUpRingTask(deps.calling, s.ring.callId, ctl.log));
  if (lost.includes('connect') && s.phase === 'connecting' && s.agent) {
    const a = s.agent;
    ctl.spawn(
      'connect',
      connectTask(deps, {
        callId: own(ctl),
        attemptId: a.attemptId,
        agentId: a.agentId,
        agentCallId: a.callId,
        now: ctl.now,
        log: ctl.log,
      }),
    );
  }
  // A placement lost with its instance: the call's own events (bound to this flow) or the ring timer end it.
  return next;
}
