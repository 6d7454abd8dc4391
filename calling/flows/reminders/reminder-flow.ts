// A reminder as a flow on the flow runtime: a reducer over its timers (the next call, the ring limit,
// the wait for the key), the events of its calls (answered, a key, the end), its tasks' outcomes, a
// take-over and a cancel. Its state is the reminder itself, so the flow record is the reminder's record.
import { sameId } from '../../ids';
import type { FlowEvent, FlowHandler } from '../runtime';
import { armDue, callEnded, cancel, endAttempt, placeNext, placed } from './flow-attempt';
import {
  answered,
  closing,
  hangUp,
  keyPressed,
  messagePlayed,
  playMessage,
  ringTimedOut,
  subscribed,
} from './flow-conversation';
import {
  liveAttempt,
  REMINDER_FLOW,
  TIMERS,
  type ReminderFlowDeps,
  type ReminderFlowState,
  type Step,
} from './flow-state';
import { endTask, noticesTask, tonesTask, type CallEnd } from './flow-tasks';

type Done = Extract<FlowEvent, { type: 'done' }>;

/** The call an event is about: the one it names, else the attempt's. */
function callOf(st: Step, event: { readonly callId?: string }): string | undefined {
  return event.callId ?? liveAttempt(st.s.reminder)?.callId;
}

/** The id of a placed call (the placement's result is the call as stored). */
function placedId(value: unknown): string | undefined {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function onTimer(st: Step, name: string): ReminderFlowState {
  if (name === TIMERS.due) return placeNext(st);
  if (name === TIMERS.ring) return ringTimedOut(st);
  if (name === TIMERS.confirm && st.s.conversation?.step === 'awaiting-confirm') return closing(st);
  return st.s;
}

function onDone(st: Step, e: Done): ReminderFlowState {
  const { ctl, s } = st;
  if (!e.ok && e.task !== 'place' && e.task !== 'message')
    ctl.log.warn({ err: e.error, reminderId: s.reminder.id, task: e.task }, 'a reminder task failed');
  switch (e.task) {
    case 'place': {
      const callId = e.ok ? placedId(e.value) : undefined;
      if (callId) return placed(st, callId);
      const why = e.ok ? 'Graph gave no call id' : e.error.message;
      return endAttempt(st, { result: 'failed', reason: `the call could not be placed: ${why}` });
    }
    case 'tones':
      return subscribed(st);
    case 'message':
      return messagePlayed(st, e.ok ? undefined : e.error.message);
    case 'goodbye':
      return s.conversation?.step === 'closing' ? hangUp(st) : s;
    case 'end': {
      const end: CallEnd = e.ok ? (e.value as CallEnd) : {};
      const failure = s.conversation?.failure;
      return endAttempt(st, {
        ...(failure === undefined ? {} : { result: 'failed' as const }),
        reason:
          failure === undefined
            ? (end.reason ?? s.conversation?.endReason ?? 'the call ended')
            : `the message could not be played: ${failure}`,
        ...(end.resultInfo ? { resultInfo: end.resultInfo } : {}),
      });
    }
    case 'notices': {
      // The notices are the reminder's last work: its flow ends with them.
      ctl.end();
      if (!e.ok || !Array.isArray(e.value)) return s;
      const notices = [...s.reminder.notices, ...(e.value as typeof s.reminder.notices)];
      return { ...s, reminder: { ...s.reminder, notices, updatedAt: ctl.now } };
    }
    default:
      return s;
  }
}

/** After a take-over: what the lost tasks were doing is done again (or, for a placement, counted). */
function onResume(st: Step, lost: readonly string[]): ReminderFlowState {
  const { ctl, deps, s } = st;
  const r = s.reminder;
  const callId = liveAttempt(r)?.callId;
  const step = s.conversation?.step;
  if (lost.includes('place') && liveAttempt(r) && !callId)
    return endAttempt(st, { result: 'failed', reason: 'the app stopped while placing the call' });
  if (lost.includes('notices'))
    ctl.spawn(
      'notices',
      noticesTask(deps, r, () => Date.now()),
    );
  if (lost.includes('end') && callId) ctl.spawn('end', endTask(deps, callId));
  if (lost.includes('hangUp') && callId) return hangUp(st);
  if (lost.includes('message') && step === 'message') return playMessage(st);
  if (lost.includes('tones') && callId && step === 'ringing') ctl.spawn('tones', tonesTask(deps, callId));
  if (lost.includes('goodbye') && step === 'closing') return closing(st);
  return s;
}

/** The reminder flow handler for the runtime. */
export function createReminderFlow(deps: ReminderFlowDeps): FlowHandler<ReminderFlowState> {
  return {
    kind: REMINDER_FLOW,
    handle(s, event, ctl) {
      const st: Step = { deps, ctl, s };
      switch (event.type) {
        case 'begin':
          armDue(st, s.reminder);
          ctl.note('reminder: scheduled');
          return s;
        case 'timer':
          return onTimer(st, event.name);
        case 'established': {
          const callId = callOf(st, event);
          return callId ? answered(st, callId) : s;
        }
        case 'tone': {
          // A key on another call (an earlier attempt's, still ending) confirms nothing.
          const live = liveAttempt(s.reminder)?.callId;
          const other = event.callId !== undefined && live !== undefined && !sameId(event.callId, live);
          return other ? s : keyPressed(st, event.digit);
        }
        case 'terminated': {
          const callId = callOf(st, event);
          return callId ? callEnded(st, callId, event.reason) : s;
        }
        case 'done':
          return onDone(st, event);
        case 'resume':
          return onResume(st, event.lostTasks);
        case 'custom':
          return event.name === 'cancel' ? cancel(st) : s;
        default:
          return s;
      }
    },
  };
}
