// The reminders as data: records in the store's kv (optimistic versions), one keyed job per reminder
// that wakes it when something is due. Scheduling, listing and cancelling need nothing else, so any
// process with the store can do them; the runner (runner.ts) does the calling.
import { randomUUID } from 'node:crypto';
import type { Store } from '../../../store';
import { ReminderError } from './errors';
import type { Reminder, ReminderAttempt, ReminderStatus, ScheduleReminderRequest } from './types';
import { newReminder } from './validate';
import { updateVersioned } from './versioned';

export const REMINDERS_NS = 'reminders';
export const REMINDER_JOB = 'reminders.tick';

/** The key of a reminder's job: one pending job per reminder, rescheduling replaces it. */
export const reminderJobKey = (id: string) => `reminder:${id}`;

/** The key of the lock that serializes decisions about one reminder (its job and its state). */
export const reminderLockKey = (id: string) => `reminder:${id}`;

/** True for a reminder that will not call again. */
export const isFinished = (r: Pick<Reminder, 'status'>) => r.status === 'done' || r.status === 'cancelled';

export interface ReminderBookOptions {
  readonly store: Store;
  readonly now?: () => number;
  /** What one backoff unit is, in milliseconds (default 60 000: backoffMinutes are minutes). */
  readonly backoffUnitMs?: number;
  /** The resource account calls come from when a request names none. */
  readonly defaultFrom?: { readonly applicationInstance: string };
}

export interface ListRemindersOptions {
  /** Only the reminders this person asked for (ReminderRequester.id). */
  readonly requestedBy?: string;
  readonly status?: ReminderStatus | readonly ReminderStatus[];
  readonly limit?: number;
}

/** Reminders as stored data: schedule, read, list, cancel, and versioned updates. */
export interface ReminderBook {
  /** Stores a new reminder and its job; throws ReminderError when the request is not valid. */
  schedule(req: ScheduleReminderRequest): Promise<Reminder>;
  get(id: string): Promise<Reminder | undefined>;
  /** Reminders in due order. */
  list(opts?: ListRemindersOptions): Promise<Reminder[]>;
  /** Marks a reminder cancelled and drops its job; throws ReminderError when unknown or finished. */
  cancel(id: string): Promise<Reminder>;
  /**
   * Applies `change` to the stored reminder with an optimistic version check, retrying on conflict.
   * `change` returns undefined to leave it as is. Resolves with the reminder and whether it changed.
   */
  update(
    id: string,
    change: (r: Reminder) => Reminder | undefined,
  ): Promise<{ reminder: Reminder | undefined; changed: boolean }>;
  /** Replaces the reminder's job so it wakes at `dueAt`. */
  wakeAt(id: string, dueAt: number): Promise<void>;
  readonly store: Store;
  readonly now: () => number;
}

/** A new attempt list with attempt n changed. */
export function withAttempt(
  r: Reminder,
  n: number,
  change: (a: ReminderAttempt) => ReminderAttempt,
): readonly ReminderAttempt[] {
  return r.attempts.map((a) => (a.n === n ? change(a) : a));
}

/** The reminders book over a store. */
export function createReminderBook(opts: ReminderBookOptions): ReminderBook {
  const { store } = opts;
  const now = opts.now ?? (() => Date.now());
  const backoffUnitMs = opts.backoffUnitMs ?? 60_000;

  const get = async (id: string) => (await store.kv.get<Reminder>(REMINDERS_NS, id))?.value;

  const wakeAt = async (id: string, dueAt: number) => {
    await store.jobs.schedule({
      kind: REMINDER_JOB,
      key: reminderJobKey(id),
      dueAt,
      payload: { reminderId: id },
    });
  };

  async function update(id: string, change: (r: Reminder) => Reminder | undefined) {
    const result = await updateVersioned<Reminder>(store.kv, REMINDERS_NS, id, (r) => {
      const next = change(r);
      return next && { ...next, updatedAt: now() };
    });
    return { reminder: result.value, changed: result.changed };
  }

  return {
    store,
    now,
    update,
    wakeAt,
    get,
    async schedule(req) {
      const reminder = newReminder(req, {
        id: randomUUID(),
        now: now(),
        backoffUnitMs,
        ...(opts.defaultFrom ? { defaultFrom: opts.defaultFrom } : {}),
      });
      // The record first: a job that wakes before its record exists would find nothing to do.
      await store.kv.put(REMINDERS_NS, reminder.id, reminder, { expectedVersion: 0 });
      await wakeAt(reminder.id, reminder.nextAttemptAt ?? reminder.dueAt);
      return reminder;
    },
    async list(o = {}) {
      const statuses = o.status === undefined ? undefined : new Set<string>([o.status].flat());
      const all = (await store.kv.list<Reminder>(REMINDERS_NS)).map((e) => e.value);
      const picked = all
        .filter((r) => (o.requestedBy === undefined ? true : r.requestedBy.id === o.requestedBy))
        .filter((r) => (statuses ? statuses.has(r.status) : true))
        .sort((a, b) => a.dueAt - b.dueAt || a.createdAt - b.createdAt);
      return o.limit === undefined ? picked : picked.slice(0, o.limit);
    },
    async cancel(id) {
      const result = await update(id, (r) =>
        isFinished(r) ? undefined : { ...r, status: 'cancelled', outcome: 'cancelled', finishedAt: now() },
      );
      if (!result.reminder)
        throw new ReminderError(
          'reminder_not_found',
          `There is no reminder ${id}.`,
          'List the reminders to see their ids.',
        );
      if (!result.changed)
        throw new ReminderError(
          'reminder_finished',
          `Reminder ${id} has already finished (${result.reminder.outcome ?? result.reminder.status}).`,
        );
      await store.jobs.cancel({ key: reminderJobKey(id) });
      return result.reminder;
    },
  };
}
