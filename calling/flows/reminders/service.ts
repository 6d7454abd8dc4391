// createReminders: the reminder calls' public face. Scheduling, listing and cancelling are data (the
// book); start() runs the due reminders on this instance, as one of any number of instances.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CoreLogger } from '../../core';
import type { Notifier } from '../notify';
import { createReminderBook, type ListRemindersOptions, type ReminderBook } from './book';
import { DEFAULT_REMINDER_TIMING, type FlowCalling, type ReminderTiming, type Voice } from './context';
import { createReminderRunner } from './runner';
import type { Reminder, ScheduleReminderRequest } from './types';
import type { Store } from '../../../store';

export interface RemindersOptions {
  readonly store: Store;
  readonly calling: FlowCalling;
  readonly logger: CoreLogger;
  /** Where outcomes and escalations are sent; without one they are only recorded on the reminder. */
  readonly notifier?: Notifier;
  /** The chat notices go to when a reminder names none (a conversation id). */
  readonly notifyTarget?: string;
  /** Text to speech for the message; without one the reminder's `prompts` (or a stand-in prompt) play. */
  readonly voice?: Voice;
  readonly now?: () => number;
  /** One backoff unit in milliseconds (default 60 000, so backoffMinutes are minutes). */
  readonly backoffUnitMs?: number;
  /** The resource account to call from when a reminder names none (needed for phone numbers). */
  readonly defaultFrom?: { readonly applicationInstance: string };
  readonly timing?: Partial<ReminderTiming>;
}

/** Reminder calls: schedule, read, list and cancel; start/stop the runner on this instance. */
export interface Reminders {
  /** Stores the reminder and its job; resolves with the stored reminder (its `id` names it). */
  schedule(req: ScheduleReminderRequest): Promise<Reminder>;
  get(id: string): Promise<Reminder | undefined>;
  list(opts?: ListRemindersOptions): Promise<Reminder[]>;
  /** Cancels a reminder that has not finished; a call under way is hung up. */
  cancel(id: string): Promise<Reminder>;
  /** Claims due reminders from now on and follows their calls. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Claims and runs due reminders once (what the poll does every `pollMs`). */
  runDue(): Promise<number>;
  readonly book: ReminderBook;
}

/** Builds the reminders on a store and the calling service. */
export function createReminders(opts: RemindersOptions): Reminders {
  const logger = opts.logger.child({ module: 'calling.reminders' });
  const book = createReminderBook({
    store: opts.store,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.backoffUnitMs ? { backoffUnitMs: opts.backoffUnitMs } : {}),
    ...(opts.defaultFrom ? { defaultFrom: opts.defaultFrom } : {}),
  });
  const ctx = {
    book,
    calling: opts.calling,
    logger,
    timing: { ...DEFAULT_REMINDER_TIMING, ...opts.timing },
    owner: `${hostname()}:${process.pid}:${randomUUID()}`,
    ...(opts.notifier ? { notifier: opts.notifier } : {}),
    ...(opts.notifyTarget ? { notifyTarget: opts.notifyTarget } : {}),
    ...(opts.voice ? { voice: opts.voice } : {}),
  };
  const runner = createReminderRunner(ctx);
  return {
    book,
    schedule: async (req) => {
      const r = await book.schedule(req);
      logger.info({ reminderId: r.id, dueAt: r.dueAt, requestedBy: r.requestedBy.id }, 'reminder scheduled');
      return r;
    },
    get: (id) => book.get(id),
    list: (o) => book.list(o),
    async cancel(id) {
      const r = await book.cancel(id);
      const live = r.attempts.at(-1);
      if (live?.callId && live.state !== 'ended') {
        await opts.calling
          .hangUp(live.callId)
          .catch((err: unknown) =>
            logger.warn(
              { err, reminderId: id, callId: live.callId },
              'could not hang up the cancelled reminder call',
            ),
          );
      }
      return r;
    },
    start: () => runner.start(),
    stop: () => runner.stop(),
    runDue: () => runner.tick(),
  };
}
