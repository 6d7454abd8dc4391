// The bot's reminders port over the calling module's reminder calls.
import type { CallTarget, Reminder, RemindersPort, Requester, ReminderStatus } from '../../bot';
import type {
  CallSource,
  Reminder as FlowReminder,
  ReminderTarget,
  Reminders,
  ScheduleReminderRequest,
} from '../../calling';
import { ReminderError } from '../../calling';
import { sourceFor } from './call-targets';
import { PortError } from './port-error';

/** The reminder calls this port needs. */
export type ReminderCalls = Pick<Reminders, 'schedule' | 'get' | 'list' | 'cancel'>;

export interface RemindersPortOptions {
  readonly reminders: ReminderCalls;
  /** The resource account reminders to phone numbers are placed from. */
  readonly pstnSource?: CallSource;
  /** The zone notices state times in when a request names none (default UTC). */
  readonly timeZone?: string;
}

function targetOf(t: ReminderTarget): CallTarget {
  return t.kind === 'user'
    ? { kind: 'person', person: { id: t.id, displayName: t.name ?? t.id } }
    : { kind: 'phone', number: t.number };
}

function statusOf(r: FlowReminder): ReminderStatus {
  if (r.status === 'done') return r.outcome === 'escalated' || r.outcome === 'failed' ? 'failed' : 'done';
  return r.status;
}

/** The bot's Reminder for a stored reminder call. */
export function reminderOf(r: FlowReminder): Reminder {
  return {
    id: r.id,
    target: targetOf(r.who),
    dueAt: r.dueAt,
    message: r.message,
    status: statusOf(r),
    requestedBy: { name: r.requestedBy.name ?? r.requestedBy.id, aadObjectId: r.requestedBy.id },
  };
}

function requesterId(by: Requester): string {
  if (by.aadObjectId) return by.aadObjectId;
  throw new PortError(
    'requester_unknown',
    'Reminders are kept per person, and your account is not in this organization’s directory.',
    'Ask a colleague from the organization to set the reminder for you.',
  );
}

/** Schedules, lists and cancels reminder calls for the person asking. */
export function createRemindersPort(opts: RemindersPortOptions): RemindersPort {
  const { reminders } = opts;
  const mine = async (id: string, by: Requester) => {
    const r = by.aadObjectId ? await reminders.get(id) : undefined;
    return r && r.requestedBy.id === by.aadObjectId ? r : undefined;
  };
  return {
    async schedule(req) {
      const t = req.target;
      const from = sourceFor([t], opts.pstnSource);
      const request: ScheduleReminderRequest = {
        who: t.kind === 'person' ? t.person.id : t.number,
        ...(t.kind === 'person' ? { name: t.person.displayName } : {}),
        when: new Date(req.dueAt).toISOString(),
        timeZone: req.timeZone ?? opts.timeZone ?? 'UTC',
        message: req.message,
        requestedBy: {
          id: requesterId(req.requestedBy),
          name: req.requestedBy.name,
          conversationId: req.replyTo,
        },
        ...(from ? { from: { applicationInstance: from.applicationInstance } } : {}),
      };
      return reminderOf(await reminders.schedule(request));
    },
    async list(by) {
      if (!by.aadObjectId) return [];
      const pending = await reminders.list({ requestedBy: by.aadObjectId, status: ['scheduled', 'calling'] });
      return pending.map(reminderOf);
    },
    async cancel(id, by) {
      const r = await mine(id, by);
      if (!r || (r.status !== 'scheduled' && r.status !== 'calling')) return false;
      try {
        await reminders.cancel(id);
        return true;
      } catch (err) {
        // It was made or cancelled meanwhile: there is nothing pending to cancel any more.
        if (err instanceof ReminderError && err.code !== 'invalid_reminder') return false;
        throw err;
      }
    },
  };
}
