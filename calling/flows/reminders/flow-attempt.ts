// A reminder's attempts as steps of its flow: the due timer places a call, the call's end settles the
// attempt once, and the policy decides what follows (a retry timer, done, or an escalation), with the
// notices posted as a task. Cancelling stops the timers and hangs up a call under way.
import { sameId } from '../../ids';
import { answeredResult, nextStep, unansweredResult } from './policy';
import {
  isFinished,
  liveAttempt,
  TIMERS,
  withLastAttempt,
  type ReminderFlowState,
  type Step,
} from './flow-state';
import { endTask, hangUpTask, messagePrompts, noticesTask, placeRequest } from './flow-tasks';
import type { AttemptResult, Reminder } from './types';
import type { ResultInfo } from '../../types';

/** Arms the timer of the next call (at once when it is already due). */
export function armDue(st: Step, r: Reminder): void {
  st.ctl.setTimer(TIMERS.due, Math.max(0, (r.nextAttemptAt ?? r.dueAt) - st.ctl.now));
}

/** The due timer: the next attempt, placed as a task; its ring is limited by a timer. */
export function placeNext(st: Step): ReminderFlowState {
  const { ctl, deps } = st;
  const r = st.s.reminder;
  if (r.status !== 'scheduled') return st.s;
  const n = r.attempts.length + 1;
  const reminder: Reminder = {
    ...r,
    status: 'calling',
    nextAttemptAt: undefined,
    attempts: [...r.attempts, { n, state: 'placing', placedAt: ctl.now, placedBy: deps.owner }],
    updatedAt: ctl.now,
  };
  // Speech is made while the phone rings, so the message plays as soon as the person answers.
  ctl.spawn('speech', () => messagePrompts(deps, reminder));
  ctl.placeCall('place', placeRequest(reminder, ctl.key));
  ctl.setTimer(TIMERS.ring, deps.timing.ringTimeoutMs);
  ctl.note(`reminder: calling, attempt ${n}`);
  return { reminder, conversation: { step: 'ringing' } };
}

/** The call of the attempt is placed: its id is recorded (and the call hung up if cancelled meanwhile). */
export function placed(st: Step, callId: string): ReminderFlowState {
  const a = liveAttempt(st.s.reminder);
  if (!a || a.callId) return st.s;
  // Its events come to the flow from its first notification; binding adds it to the flow's calls.
  st.ctl.bindCall(callId);
  if (st.s.reminder.status === 'cancelled') st.ctl.spawn('hangUp', hangUpTask(st.deps, callId));
  st.ctl.note(`reminder: call ${callId} placed, attempt ${a.n}`);
  return withLastAttempt(st, (x) => ({ ...x, callId, state: x.state === 'placing' ? 'ringing' : x.state }));
}

/** How the attempt's call ended, as far as the flow knows. */
export interface AttemptEnd {
  /** Set when the result is already known (the call could not be placed, the message failed). */
  readonly result?: AttemptResult;
  readonly reason: string;
  readonly resultInfo?: ResultInfo;
}

/** Ends the live attempt once, then schedules the retry, finishes or escalates. */
export function endAttempt(st: Step, end: AttemptEnd): ReminderFlowState {
  const { ctl } = st;
  const r = st.s.reminder;
  const a = liveAttempt(r);
  if (!a) return st.s;
  const result =
    end.result ??
    (a.answeredAt !== undefined
      ? answeredResult(r.confirm, a.confirmedAt !== undefined)
      : unansweredResult(end.resultInfo));
  for (const t of Object.values(TIMERS)) if (t !== TIMERS.due) ctl.clearTimer(t);
  const ended = withLastAttempt(st, (x) => ({
    ...x,
    state: 'ended',
    endedAt: ctl.now,
    result,
    reason: end.reason,
    ...(end.resultInfo ? { resultInfo: end.resultInfo } : {}),
  }));
  // The conversation keeps its last position until the next attempt starts one.
  const base: ReminderFlowState = { ...st.s, reminder: ended.reminder };
  ctl.note(`reminder: attempt ${a.n} ended: ${result}`);
  if (r.status === 'cancelled') {
    ctl.end();
    return base;
  }
  const next = nextStep(r, a.n, result, ctl.now);
  if (next.kind === 'retry') {
    const reminder: Reminder = { ...base.reminder, status: 'scheduled', nextAttemptAt: next.at };
    armDue(st, reminder);
    return { ...base, reminder };
  }
  const reminder: Reminder = {
    ...base.reminder,
    status: 'done',
    outcome: next.kind === 'done' ? next.outcome : 'escalated',
    finishedAt: ctl.now,
  };
  st.ctl.spawn(
    'notices',
    noticesTask(st.deps, reminder, () => Date.now()),
  );
  return { ...base, reminder };
}

/** The call is over: its end code is read (a task), unless the attempt is already settled. */
export function callEnded(st: Step, callId: string, reason: string): ReminderFlowState {
  const a = liveAttempt(st.s.reminder);
  if (!a || (a.callId !== undefined && !sameId(a.callId, callId))) return st.s;
  st.ctl.spawn('end', endTask(st.deps, callId));
  const conversation = { ...st.s.conversation, step: 'hung-up' as const, endReason: reason };
  return a.callId
    ? { ...st.s, conversation }
    : { ...withLastAttempt(st, (x) => ({ ...x, callId })), conversation };
}

/** Cancels a reminder that has not finished: no more calls, and a call under way is hung up. */
export function cancel(st: Step): ReminderFlowState {
  const r = st.s.reminder;
  if (isFinished(r)) return st.s;
  const { ctl } = st;
  for (const t of Object.values(TIMERS)) ctl.clearTimer(t);
  const live = liveAttempt(r);
  // The flow ends with the call's end (recorded on the attempt); with no call under way, now.
  if (live?.callId) ctl.spawn('hangUp', hangUpTask(st.deps, live.callId));
  else if (!live) ctl.end();
  ctl.note('reminder: cancelled');
  return {
    ...st.s,
    reminder: { ...r, status: 'cancelled', outcome: 'cancelled', finishedAt: ctl.now, updatedAt: ctl.now },
  };
}
