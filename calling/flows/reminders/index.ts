// Reminder calls: a flow on the flow runtime per reminder, retried and escalated with timers.
export { createReminders, reminderOfFlow } from './service';
export type { ListRemindersOptions, Reminders, RemindersOptions } from './service';
export { ReminderError } from './errors';
export type { ReminderErrorCode } from './errors';
export { DEFAULT_REMINDER_TIMING } from './context';
export type { FlowCalling, ReminderTiming, Voice } from './context';
export { REMINDER_FLOW, reminderKey } from './flow-state';
export type { ReminderFlowState } from './flow-state';
export { targetOf, partyOf, describeTarget } from './target';
export { unansweredResult } from './policy';
export type {
  Reminder,
  ReminderAttempt,
  ReminderNoticeRecord,
  ReminderOutcome,
  ReminderRequester,
  ReminderStatus,
  ReminderStep,
  ReminderTarget,
  RetryPolicy,
  AttemptResult,
  ScheduleReminderRequest,
} from './types';
