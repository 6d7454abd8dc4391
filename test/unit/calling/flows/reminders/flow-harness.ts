// Drives the reminder flow's reducer by hand: a FlowControl that records what a step asks for, a
// calling stand-in that records what the tasks do, and helpers that fire timers and settle tasks.
import type { CallView, NotificationCard, PlaceCallRequest } from '../../../../../calling';
import type { FlowCalling } from '../../../../../calling/flows/reminders/context';
import type { FlowControl, FlowEvent } from '../../../../../calling/flows/runtime';
import { DEFAULT_REMINDER_TIMING } from '../../../../../calling/flows/reminders/context';
import { createReminderFlow } from '../../../../../calling/flows/reminders/reminder-flow';
import type { ReminderFlowState } from '../../../../../calling/flows/reminders/flow-state';
import { newReminder } from '../../../../../calling/flows/reminders/validate';
import type { ScheduleReminderRequest } from '../../../../../calling/flows/reminders/types';
import type { ResultInfo } from '../../../../../calling/types';
import { testLogger } from '../../core/fakes';

export const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
export const T0 = Date.parse('2026-03-01T09:00:00Z');

const silent = testLogger();

interface Task {
  readonly work: () => Promise<unknown>;
  readonly after?: string;
}

/** What the calling stand-in was asked to do, in order ("place", "tones c-1", "play c-1 goodbye"...). */
export function fakeCalling(opts: { failPlace?: string; failPlay?: string; end?: ResultInfo } = {}) {
  const did: string[] = [];
  let placed = 0;
  const api = {
    async placeCall(req: PlaceCallRequest) {
      if (opts.failPlace) throw new Error(opts.failPlace);
      placed += 1;
      did.push(`place ${req.purpose ?? ''} bound to ${req.flowKey ?? 'nothing'}`);
      return { id: `c-${placed}` } as CallView;
    },
    async playPrompt(id: string, prompts: string | readonly string[]) {
      if (opts.failPlay) throw new Error(opts.failPlay);
      did.push(`play ${id} ${[prompts].flat().join('+')}`);
      return {} as never;
    },
    async subscribeToTone(id: string) {
      did.push(`tones ${id}`);
      return {} as never;
    },
    async hangUp(id: string) {
      did.push(`hangUp ${id}`);
    },
    async getCall(id: string) {
      return { id, end: { reason: 'ended', ...(opts.end ? { resultInfo: opts.end } : {}) } } as CallView;
    },
  };
  return { api: api as unknown as FlowCalling, did };
}

/** A reminder flow under test: its state, its pending timers and tasks, the notes of its steps. */
export function reminderFlow(
  req: Partial<ScheduleReminderRequest> = {},
  o: {
    calling?: ReturnType<typeof fakeCalling>;
    posted?: Array<{ target: string; card: NotificationCard }>;
  } = {},
) {
  const calling = o.calling ?? fakeCalling();
  const posted = o.posted ?? [];
  let now = T0;
  const timers = new Map<string, number>();
  const tasks = new Map<string, Task>();
  const notes: string[] = [];
  let ended = false;
  const bound: string[] = [];
  const handler = createReminderFlow({
    calling: calling.api,
    notifier: { postCard: async (target, card) => void posted.push({ target, card }) },
    timing: { ...DEFAULT_REMINDER_TIMING, ringTimeoutMs: 60_000, confirmWaitMs: 10_000 },
    owner: 'instance-1',
    logger: silent,
  });
  let state: ReminderFlowState = {
    reminder: newReminder(
      {
        who: ADELE,
        name: 'Adele Vance',
        when: new Date(T0 + 60_000).toISOString(),
        timeZone: 'UTC',
        message: 'Stand-up',
        requestedBy: { id: 'u-1', name: 'Megan Bowen', conversationId: 'conv-1' },
        ...req,
      },
      { id: 'r-1', now: T0, backoffUnitMs: 1000 },
    ),
  };

  const spawn: FlowControl['spawn'] = (name, work, opts) =>
    void tasks.set(name, { work, ...(opts?.after ? { after: opts.after } : {}) });
  const ctl = (): FlowControl =>
    ({
      key: 'reminder:r-1',
      callIds: [],
      calling: {} as never,
      now,
      log: silent,
      spawn,
      // As the runtime does: the call is bound to the flow from its first notification.
      placeCall: (name, req) => spawn(name, () => calling.api.placeCall({ ...req, flowKey: 'reminder:r-1' })),
      bindCall: (callId) => void bound.push(callId),
      end: () => void (ended = true),
      forgetTask: (name) => void tasks.delete(name),
      setTimer: (name, delayMs) => void timers.set(name, now + delayMs),
      clearTimer: (name) => void timers.delete(name),
      note: (text) => void notes.push(text),
    }) as FlowControl;

  const flow = {
    calling,
    posted,
    timers,
    tasks,
    notes,
    get state() {
      return state;
    },
    get reminder() {
      return state.reminder;
    },
    get now() {
      return now;
    },
    /** The calls the flow bound. */
    bound,
    /** The flow asked to end (its record is done; later events are ignored). */
    get ended() {
      return ended;
    },
    advance(ms: number) {
      now += ms;
    },
    async send(event: FlowEvent) {
      if (ended) throw new Error(`an ended flow was sent ${event.type}`);
      if (event.type === 'timer') timers.delete(event.name);
      if (event.type === 'done') tasks.delete(event.task);
      state = await handler.handle(state, event, ctl());
      return state;
    },
    /** Moves the clock to a timer's due time and fires it. */
    async fire(name: string) {
      const at = timers.get(name);
      if (at === undefined) throw new Error(`no ${name} timer (pending: ${[...timers.keys()].join(', ')})`);
      now = Math.max(now, at);
      return flow.send({ type: 'timer', name });
    },
    /** Runs a pending task and hands its outcome to the flow. */
    async settle(name: string) {
      const task = tasks.get(name);
      if (!task) throw new Error(`no ${name} task (pending: ${[...tasks.keys()].join(', ')})`);
      try {
        const value = await task.work();
        return await flow.send({ type: 'done', task: name, ok: true, value });
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        return flow.send({ type: 'done', task: name, ok: false, error });
      }
    },
    /** Settles the tasks named, in order. */
    async settleAll(...names: string[]) {
      for (const name of names) await flow.settle(name);
    },
    /** begin, the due timer, and the placement: the call rings. */
    async ringing() {
      await flow.send({ type: 'begin' });
      await flow.fire('due');
      await flow.settleAll('speech', 'place');
    },
  };
  return flow;
}
