// The conversation of an answered reminder call, as steps of the reminder's flow: the message, the
// wait for "1" (a timer), goodbye, hang up. Each step is saved before its prompt starts, so whoever
// takes the flow over carries on from there.
import { sameId } from '../../ids';
import { at, liveAttempt, TIMERS, withLastAttempt, type ReminderFlowState, type Step } from './flow-state';
import { hangUpTask, messagePrompts, playTask, tonesTask } from './flow-tasks';
import { FALLBACK_PROMPTS } from './context';

/** The call was answered: record it, then the message (first the key subscription, when confirming). */
export function answered(st: Step, callId: string): ReminderFlowState {
  const { ctl, deps } = st;
  const r = st.s.reminder;
  const a = liveAttempt(r);
  if (!a || a.answeredAt !== undefined || (a.callId !== undefined && !sameId(a.callId, callId))) return st.s;
  ctl.clearTimer(TIMERS.ring);
  if (r.status === 'cancelled') {
    // Nothing to say any more: just end the call.
    ctl.spawn('hangUp', hangUpTask(deps, callId));
    return st.s;
  }
  const s = withLastAttempt(st, (x) => ({ ...x, callId, state: 'answered', answeredAt: ctl.now }));
  if (!r.confirm) return playMessage({ ...st, s });
  // Keys are reported only once subscribed: the message (and "press 1") waits for the subscription.
  ctl.spawn('tones', tonesTask(deps, callId));
  return s;
}

/** The key subscription is done (or failed: the message plays all the same). */
export function subscribed(st: Step): ReminderFlowState {
  const a = liveAttempt(st.s.reminder);
  if (st.s.conversation?.step !== 'ringing' || a?.answeredAt === undefined) return st.s;
  return playMessage(st);
}

/** Plays the message. */
export function playMessage(st: Step): ReminderFlowState {
  const { ctl, deps } = st;
  const r = st.s.reminder;
  const callId = liveAttempt(r)?.callId;
  if (!callId) return st.s;
  ctl.spawn(
    'message',
    playTask(deps, callId, () => messagePrompts(deps, r)),
  );
  ctl.note('reminder: playing the message');
  return at(st.s, 'message');
}

/** The message has played: wait for the key (unless it was pressed already), else say goodbye. */
export function messagePlayed(st: Step, failure?: string): ReminderFlowState {
  if (st.s.conversation?.step !== 'message') return st.s;
  const a = liveAttempt(st.s.reminder);
  if (failure !== undefined) {
    st.ctl.note(`reminder: the message could not be played (${failure})`);
    return hangUp({ ...st, s: { ...st.s, conversation: { step: 'closing', failure } } });
  }
  if (st.s.reminder.confirm && a?.confirmedAt === undefined) {
    st.ctl.setTimer(TIMERS.confirm, st.deps.timing.confirmWaitMs);
    return at(st.s, 'awaiting-confirm');
  }
  return closing(st);
}

/** A key: "1" confirms the reminder (also while the message plays). */
export function keyPressed(st: Step, digit: string): ReminderFlowState {
  const r = st.s.reminder;
  const a = liveAttempt(r);
  if (digit !== '1' || !r.confirm || !a || a.answeredAt === undefined || a.confirmedAt !== undefined)
    return st.s;
  st.ctl.note('reminder: confirmed');
  const s = withLastAttempt(st, (x) => ({ ...x, confirmedAt: st.ctl.now }));
  if (s.conversation?.step !== 'awaiting-confirm') return s;
  st.ctl.clearTimer(TIMERS.confirm);
  return closing({ ...st, s });
}

/** Goodbye, then the hang-up. */
export function closing(st: Step): ReminderFlowState {
  const callId = liveAttempt(st.s.reminder)?.callId;
  if (!callId) return st.s;
  st.ctl.spawn(
    'goodbye',
    playTask(st.deps, callId, async () => [...FALLBACK_PROMPTS.closing]),
  );
  return at(st.s, 'closing');
}

/** Hangs up the attempt's call. */
export function hangUp(st: Step): ReminderFlowState {
  const callId = liveAttempt(st.s.reminder)?.callId;
  if (!callId) return st.s;
  st.ctl.spawn('hangUp', hangUpTask(st.deps, callId));
  return at(st.s, 'hung-up');
}

/** The ring lasted too long: hang up; the call's end then counts as no answer. */
export function ringTimedOut(st: Step): ReminderFlowState {
  const a = liveAttempt(st.s.reminder);
  if (!a?.callId || a.answeredAt !== undefined) return st.s;
  st.ctl.note('reminder: not answered in time; hanging up');
  st.ctl.spawn('hangUp', hangUpTask(st.deps, a.callId));
  return st.s;
}
