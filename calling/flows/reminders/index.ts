// Reminder calls: scheduled as data, claimed once across instances, retried, escalated, resumed.
export { createReminders } from './service';
export type { Reminders, RemindersOptions } from './service';
export { createReminderBook, REMINDERS_NS, REMINDER_JOB } from './book';
export type { ReminderBook, ReminderBookOptions, ListRemindersOptions } from './book';
export { ReminderError } from './errors';
export type { ReminderErrorCode } from './errors';
export { DEFAULT_REMINDER_TIMING } from './context';
export type { FlowCalling, ReminderTiming, Voice } from './context';
export { targetOf, partyOf, describeTarget } from './target';
export { unansweredResult } from './policy';
export { updateVersioned } from './versioned';
export type {
  Reminder,
  ReminderAttempt,
  ReminderCallFlow,
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
