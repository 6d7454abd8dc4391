// createReminders: the reminder calls' public face, over the flow runtime. A reminder is a flow (key
// `reminder:<id>`) whose state is the reminder itself: scheduling begins the flow, reading and listing
// read flow records, cancelling hands the flow a `cancel` event.
import { randomUUID } from 'node:crypto';
import type { CoreLogger } from '../../core';
import type { CallingStorage } from '../../storage';
import type { Notifier } from '../notify';
import type { FlowRuntime, StoredFlow } from '../runtime';
import { DEFAULT_REMINDER_TIMING, type FlowCalling, type ReminderTiming, type Voice } from './context';
import { ReminderError } from './errors';
import { isFinished, REMINDER_FLOW, reminderKey, type ReminderFlowState } from './flow-state';
import { createReminderFlow } from './reminder-flow';
import type { Reminder, ReminderStatus, ScheduleReminderRequest } from './types';
import { newReminder } from './validate';

export interface RemindersOptions {
  /** The flow runtime reminders run on (the app's one runtime); the reminder flow is registered on it. */
  readonly runtime: FlowRuntime;
  readonly store: CallingStorage;
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

export interface ListRemindersOptions {
  /** Only the reminders this person asked for (ReminderRequester.id). */
  readonly requestedBy?: string;
  readonly status?: ReminderStatus | readonly ReminderStatus[];
  readonly limit?: number;
}

/** Reminder calls: schedule, read, list and cancel. */
export interface Reminders {
  /** Stores the reminder (its flow) and sets its time; resolves with it (its `id` names it). */
  schedule(req: ScheduleReminderRequest): Promise<Reminder>;
  get(id: string): Promise<Reminder | undefined>;
  /** Reminders in due order. */
  list(opts?: ListRemindersOptions): Promise<Reminder[]>;
  /** Cancels a reminder that has not finished; a call under way is hung up. */
  cancel(id: string): Promise<Reminder>;
}

/** The reminder a flow record holds, if it is a reminder's. */
export function reminderOfFlow(flow: StoredFlow | undefined): Reminder | undefined {
  if (flow?.kind !== REMINDER_FLOW) return undefined;
  const r = (flow.state as ReminderFlowState).reminder;
  // The runtime ends a flow whose step threw, leaving its state as the step found it: such a reminder
  // will never call again, so it reads as failed rather than scheduled or calling for ever.
  if (flow.doneAt === undefined || isFinished(r)) return r;
  const { nextAttemptAt: _next, ...rest } = r;
  return { ...rest, status: 'done', outcome: 'failed', finishedAt: flow.doneAt };
}

const PENDING: ReadonlySet<string> = new Set<ReminderStatus>(['scheduled', 'calling']);

const notFound = (id: string) =>
  new ReminderError(
    'reminder_not_found',
    `There is no reminder ${id}.`,
    'List the reminders to see their ids.',
  );
const finished = (r: Reminder) =>
  new ReminderError('reminder_finished', `Reminder ${r.id} has already finished (${r.outcome ?? r.status}).`);

/** Builds the reminders on the flow runtime and registers their flow there. */
export function createReminders(opts: RemindersOptions): Reminders {
  const logger = opts.logger.child({ module: 'calling.reminders' });
  const { runtime } = opts;
  const now = opts.now ?? (() => Date.now());
  runtime.register(
    createReminderFlow({
      calling: opts.calling,
      timing: { ...DEFAULT_REMINDER_TIMING, ...opts.timing },
      owner: opts.store.instances.id,
      logger,
      ...(opts.notifier ? { notifier: opts.notifier } : {}),
      ...(opts.notifyTarget ? { notifyTarget: opts.notifyTarget } : {}),
      ...(opts.voice ? { voice: opts.voice } : {}),
    }),
  );
  const get = async (id: string) => reminderOfFlow(await runtime.get(reminderKey(id)));

  return {
    async schedule(req) {
      const reminder = newReminder(req, {
        id: randomUUID(),
        now: now(),
        backoffUnitMs: opts.backoffUnitMs ?? 60_000,
        ...(opts.defaultFrom ? { defaultFrom: opts.defaultFrom } : {}),
      });
      const state: ReminderFlowState = { reminder };
      await runtime.begin(reminderKey(reminder.id), REMINDER_FLOW, state, {
        requestedBy: reminder.requestedBy.id,
      });
      logger.info(
        { reminderId: reminder.id, dueAt: reminder.dueAt, requestedBy: reminder.requestedBy.id },
        'reminder scheduled',
      );
      return reminder;
    },
    get,
    async list(o = {}) {
      const statuses = o.status === undefined ? undefined : new Set<string>([o.status].flat());
      // A reminder still to call has a flow that has not ended: only those are read when they suffice.
      const pendingOnly = statuses !== undefined && [...statuses].every((x) => PENDING.has(x));
      const flows = await runtime.list({
        kind: REMINDER_FLOW,
        ...(o.requestedBy === undefined ? {} : { requestedBy: o.requestedBy }),
        ...(pendingOnly ? { active: true } : {}),
      });
      const picked = flows
        .flatMap((f) => reminderOfFlow(f) ?? [])
        .filter((r) => (o.requestedBy === undefined ? true : r.requestedBy.id === o.requestedBy))
        .filter((r) => (statuses ? statuses.has(r.status) : true))
        .sort((a, b) => a.dueAt - b.dueAt || a.createdAt - b.createdAt);
      return o.limit === undefined ? picked : picked.slice(0, o.limit);
    },
    async cancel(id) {
      const r = await get(id);
      if (!r) throw notFound(id);
      if (isFinished(r)) throw finished(r);
      // The flow decides, in order with its other events: a reminder that finished meanwhile stays as it is.
      await runtime.dispatch(reminderKey(id), { type: 'custom', name: 'cancel' });
      const after = await get(id);
      if (!after) throw notFound(id);
      if (after.status !== 'cancelled') throw finished(after);
      return after;
    },
  };
}
