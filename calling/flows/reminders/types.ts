// A reminder call as configured (the request) and as stored (the record with its attempts and outcome).
import type { ResultInfo } from '../../types';

/** Who asked for the reminder: they get its outcome and, unless escalateTo says otherwise, escalations. */
export interface ReminderRequester {
  /** A stable id of the person (their Entra object id); list({ requestedBy }) filters on it. */
  readonly id: string;
  readonly name?: string;
  /** The chat or channel the reminder was set in (a conversation id): its outcome is posted there. */
  readonly conversationId?: string;
}

export interface RetryPolicy {
  /** How many times to call again after no answer, busy or declined (0 to 10). */
  readonly max: number;
  /**
   * The wait before each retry, in backoff units (minutes unless the service is told otherwise). A number
   * doubles after each retry (5 → 5, 10, 20); a list gives each wait in turn (the last one repeats).
   */
  readonly backoffMinutes: number | readonly number[];
}

/** What schedule() takes: the reminder as data. */
export interface ScheduleReminderRequest {
  /** The person to call: an Entra user object id, or an E.164 phone number (needs `from`). */
  readonly who: string;
  /** Their name, for notices ("Reminder for Adele Vance"). */
  readonly name?: string;
  /** When: ISO 8601 local date-time in `timeZone` ("2025-04-01T09:00"), or an instant with Z / an offset. */
  readonly when: string;
  /** IANA time zone, e.g. "Europe/Paris"; the time is read in it and shown in it. */
  readonly timeZone: string;
  /** What the reminder says. */
  readonly message: string;
  /** Prompts to play for the message (prompt names or https URLs) instead of speaking `message`. */
  readonly prompts?: readonly string[];
  /** Ask the person to press 1 to confirm. */
  readonly confirm?: boolean;
  readonly retries?: RetryPolicy;
  /** The chat or channel (conversation id) escalations go to (default: where the reminder was set). */
  readonly escalateTo?: string;
  readonly requestedBy: ReminderRequester;
  /** The resource account to call from; required to call a phone number. */
  readonly from?: { readonly applicationInstance: string };
}

export type ReminderTarget =
  | { readonly kind: 'user'; readonly id: string; readonly name?: string }
  | { readonly kind: 'phone'; readonly number: string; readonly name?: string };

export type ReminderStatus =
  /** Waiting for its time (or for the next retry: see nextAttemptAt and attempts). */
  | 'scheduled'
  /** An attempt's call is being placed or is under way. */
  | 'calling'
  /** Finished: see outcome. */
  | 'done'
  | 'cancelled';

/** How one call attempt went. */
export type AttemptResult =
  | 'confirmed'
  | 'answered-no-confirm'
  /** Answered and the message played (no confirmation was asked for). */
  | 'delivered'
  | 'no-answer'
  | 'busy'
  | 'declined'
  /** The call could not be placed or failed for another reason. */
  | 'failed';

/** How the reminder ended. */
export type ReminderOutcome =
  | 'confirmed'
  | 'answered-no-confirm'
  | 'delivered'
  | 'escalated'
  | 'cancelled'
  /** Its flow failed (a step threw): it will not call again. */
  | 'failed';

export interface ReminderAttempt {
  /** 1 for the first call, 2 for the first retry... */
  readonly n: number;
  readonly state: 'placing' | 'ringing' | 'answered' | 'ended';
  readonly placedAt: number;
  /** The instance that placed the call. */
  readonly placedBy: string;
  readonly callId?: string;
  readonly answeredAt?: number;
  readonly confirmedAt?: number;
  readonly endedAt?: number;
  readonly result?: AttemptResult;
  /** Why the call ended, in words. */
  readonly reason?: string;
  readonly resultInfo?: ResultInfo;
}

/** A notice sent for the reminder, and whether it was delivered. */
export interface ReminderNoticeRecord {
  readonly kind: 'reminder-outcome' | 'escalation';
  readonly at: number;
  /** The conversation it was posted to ('' when there was none to post to). */
  readonly target: string;
  readonly delivered: boolean;
  readonly error?: string;
}

/** The stored reminder: its configuration, attempts and outcome. */
export interface Reminder {
  readonly id: string;
  readonly who: ReminderTarget;
  readonly when: string;
  readonly timeZone: string;
  /** The first call's time (epoch milliseconds). */
  readonly dueAt: number;
  readonly message: string;
  readonly prompts?: readonly string[];
  readonly confirm: boolean;
  /** The retry policy as asked for, and the waits it gives in milliseconds (one per retry). */
  readonly retries: { readonly max: number; readonly backoffMs: readonly number[] };
  readonly escalateTo?: string;
  readonly requestedBy: ReminderRequester;
  readonly from?: { readonly applicationInstance: string };
  readonly status: ReminderStatus;
  readonly outcome?: ReminderOutcome;
  /** When the next call is due while the status is scheduled. */
  readonly nextAttemptAt?: number;
  readonly attempts: readonly ReminderAttempt[];
  readonly notices: readonly ReminderNoticeRecord[];
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly finishedAt?: number;
}

/** Where the conversation on a reminder's call is (placing and ringing included). */
export type ReminderStep = 'ringing' | 'message' | 'awaiting-confirm' | 'closing' | 'hung-up';
