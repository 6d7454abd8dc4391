// The reminder flow's state (the flow record's state: the reminder itself, plus where the conversation
// on the current attempt's call is) and the small helpers its steps share.
import type { CoreLogger } from '../../core';
import type { FlowControl } from '../runtime';
import type { Notifier } from '../notify';
import type { FlowCalling, ReminderTiming, Voice } from './context';
import type { Reminder, ReminderAttempt, ReminderStep } from './types';

/** The flow kind reminders run as, and the key of one reminder's flow. */
export const REMINDER_FLOW = 'reminder';
export const reminderKey = (id: string) => `reminder:${id}`;

/** The timers of a reminder: its next call, a ring that lasts too long, the wait for the key. */
export const TIMERS = { due: 'due', ring: 'ring', confirm: 'confirm' } as const;

/** The conversation on the current attempt's call. */
export interface Conversation {
  readonly step: ReminderStep;
  /** Why the message could not be played: the attempt then counts as failed. */
  readonly failure?: string;
  /** How the call ended, in words, while its end code is read. */
  readonly endReason?: string;
}

/** What the reminder flow keeps in its flow record. */
export interface ReminderFlowState {
  readonly reminder: Reminder;
  readonly conversation?: Conversation;
}

/** What the reminder flow needs besides its state and the step's control. */
export interface ReminderFlowDeps {
  readonly calling: FlowCalling;
  readonly notifier?: Notifier;
  /** The chat notices go to when a reminder names none (a conversation id). */
  readonly notifyTarget?: string;
  readonly voice?: Voice;
  readonly timing: ReminderTiming;
  /** This instance, as recorded in the attempts it places. */
  readonly owner: string;
  readonly logger: CoreLogger;
}

/** One step of the reminder flow: its dependencies, its control, the state it starts from. */
export interface Step {
  readonly deps: ReminderFlowDeps;
  readonly ctl: FlowControl;
  readonly s: ReminderFlowState;
}

/** True for a reminder that will not call again. */
export const isFinished = (r: Pick<Reminder, 'status'>) => r.status === 'done' || r.status === 'cancelled';

/** The attempt under way: the last one, unless it has ended. */
export function liveAttempt(r: Reminder): ReminderAttempt | undefined {
  const a = r.attempts.at(-1);
  return a && a.state !== 'ended' ? a : undefined;
}

/** The state with the last attempt changed (and the reminder's update time moved). */
export function withLastAttempt(
  st: Step,
  change: (a: ReminderAttempt) => ReminderAttempt,
  extra: Partial<ReminderFlowState> = {},
): ReminderFlowState {
  const r = st.s.reminder;
  const last = r.attempts.length - 1;
  return {
    ...st.s,
    ...extra,
    reminder: {
      ...r,
      attempts: r.attempts.map((a, i) => (i === last ? change(a) : a)),
      updatedAt: st.ctl.now,
    },
  };
}

/** The state with the conversation at `step` (other conversation facts kept). */
export function at(s: ReminderFlowState, step: ReminderStep): ReminderFlowState {
  return { ...s, conversation: { ...s.conversation, step } };
}
