// Drives flows on calls: routes the calling service's events to the flow kept in each call's `flow`,
// one event at a time per call (a local chain plus a store lock, so two instances never interleave),
// saves the new position with saveFlow before any effect starts, keeps timers and background tasks
// in that saved position, and picks every live flow up again after a restart. A step that fails ends
// that call's flow: logged with the call id, noted on the call's timeline, the call handed to `rescue`.
import type { Store } from '../../../store';
import type { CallingApi, Clock, CoreLogger } from '../../core';
import { flowFailed, type Rescue } from './flow-failure';
import { LocalTimers } from './local-timers';
import { isStoredFlow } from './stored-flow';
import { createCallTasks } from './call-tasks';
import { createStepControl, describeEvent } from './step-control';
import type { FlowEvent, FlowHandler, StoredFlow } from './types';

export interface FlowRuntimeOptions {
  readonly calling: CallingApi;
  readonly store: Store;
  readonly logger: CoreLogger;
  readonly clock?: Clock;
  /**
   * Takes a call whose flow failed (a person, or a goodbye and a hang-up). Read when needed, so it may
   * be built after the runtime. Without it the call is hung up.
   */
  readonly rescue?: () => Rescue | undefined;
}

/** The runtime's public face. */
export interface FlowRuntime {
  register<S>(handler: FlowHandler<S>): void;
  /** Starts a flow on a call (replacing whatever flow it had) and hands it a `begin` event. */
  begin<S>(callId: string, kind: string, state: S, note?: string): Promise<void>;
  /** Hands an event to the call's flow (dropped when the call has none the runtime knows). */
  dispatch(callId: string, event: FlowEvent): Promise<void>;
  /** Subscribes to the calling service and resumes every live call's flow. */
  start(): Promise<void>;
  /** Unsubscribes, clears local timers and waits for running steps. */
  stop(): Promise<void>;
  /** Resolves when no step is running or queued. */
  idle(): Promise<void>;
}

/** Builds the flow runtime over a calling service and its store. */
export function createFlowRuntime(opts: FlowRuntimeOptions): FlowRuntime {
  const { calling, store } = opts;
  const clock = opts.clock ?? { now: () => Date.now() };
  const log = opts.logger.child({ module: 'calling.flows' });
  const handlers = new Map<string, FlowHandler<unknown>>();
  const chains = new Map<string, Promise<void>>();
  const tasks = createCallTasks();
  const timers = new LocalTimers();
  const offs: Array<() => void> = [];
  let stopped = true;
  const failed = (callId: string, err: unknown) =>
    flowFailed({ calling, log, ...(opts.rescue ? { rescue: opts.rescue } : {}) }, callId, err);

  /** Runs `work` after the call's earlier steps; never rejects (a failure ends the call's flow). */
  function enqueue(callId: string, work: () => Promise<void>): Promise<void> {
    const prev = chains.get(callId) ?? Promise.resolve();
    const next: Promise<void> = prev
      .then(work)
      .catch((err: unknown) => failed(callId, err))
      .then(() => {
        if (chains.get(callId) === next) chains.delete(callId);
      });
    chains.set(callId, next);
    return next;
  }

  /** enqueue, for callers that do not wait (timers, events, finished tasks). */
  function later(callId: string, work: () => Promise<void>): void {
    if (stopped) return;
    enqueue(callId, work).catch((err: unknown) => failed(callId, err));
  }

  function arm(callId: string, flow: StoredFlow): void {
    for (const [name, t] of Object.entries(flow.timers)) {
      timers.set(callId, name, t.at, clock.now(), () =>
        later(callId, () => step(callId, { type: 'timer', name }, undefined, t.token)),
      );
    }
  }

  /** One event, under the call's lock: load, reduce, save, then start effects. */
  async function step(
    callId: string,
    event: FlowEvent,
    fresh?: StoredFlow,
    timerToken?: string,
    taskToken?: string,
  ): Promise<void> {
    const effects = await store.locks.withLock(`flow:${callId}`, async () => {
      const call = await calling.getCall(callId);
      if (!call) return undefined;
      const saved = fresh ?? (isStoredFlow(call.flow) ? call.flow : undefined);
      if (!saved) return undefined;
      const handler = handlers.get(saved.kind);
      if (!handler) return undefined;
      if (event.type === 'timer' && saved.timers[event.name]?.token !== timerToken) return undefined;
      if (event.type === 'done' && saved.tasks[event.task] !== taskToken) return undefined;
      const ctl = createStepControl({
        call,
        calling,
        now: clock.now(),
        log: log.child({ callId }),
        saved,
        event,
      });
      const state = await handler.handle(saved.state, event, ctl);
      const next = ctl.finish(state);
      if (fresh || next.changed) {
        try {
          await calling.saveFlow(callId, next.flow, next.note ?? `${saved.kind}: ${describeEvent(event)}`);
        } catch (err) {
          // An ended call keeps its last saved position; its flow's last effects may still run.
          if ((err as { code?: string }).code !== 'call_ended') throw err;
        }
      }
      return { next, call };
    });
    if (!effects) return;
    const { next } = effects;
    timers.clear(callId, next.clearedTimers);
    arm(callId, { ...next.flow, timers: next.newTimers });
    tasks.start(callId, next.spawned, next.flow.tasks, (task, done) =>
      later(callId, () => step(callId, done, undefined, undefined, task.token)),
    );
  }

  async function resume(): Promise<void> {
    const calls = await calling.listCalls({ active: true, limit: 1000 });
    for (const call of calls) {
      const flow = call.flow;
      if (!isStoredFlow(flow) || !handlers.has(flow.kind)) continue;
      const lostTasks = Object.keys(flow.tasks);
      const cleared: StoredFlow = { ...flow, tasks: {} };
      log.info({ callId: call.id, kind: flow.kind, lostTasks }, 'resuming a flow');
      later(call.id, async () => {
        arm(call.id, cleared);
        await step(call.id, { type: 'resume', lostTasks }, cleared);
      });
    }
  }

  return {
    register(handler) {
      handlers.set(handler.kind, handler as FlowHandler<unknown>);
    },
    begin(callId, kind, state, note) {
      if (!handlers.has(kind)) return Promise.reject(new Error(`no flow of kind "${kind}" is registered`));
      const fresh: StoredFlow = { kind, state, timers: {}, tasks: {}, rev: 0 };
      return enqueue(callId, async () => {
        timers.clearCall(callId);
        await step(callId, { type: 'begin' }, fresh);
        if (note) log.child({ callId }).info({ kind }, note);
      });
    },
    dispatch(callId, event) {
      return enqueue(callId, () => step(callId, event));
    },
    async start() {
      if (!stopped) return;
      stopped = false;
      const owned = (flow: unknown) => isStoredFlow(flow) && handlers.has(flow.kind);
      offs.push(
        calling.on('tone', (e) => {
          if (owned(e.call.flow))
            later(e.call.id, () =>
              step(e.call.id, {
                type: 'tone',
                digit: e.digit,
                ...(e.sequenceId === undefined ? {} : { sequenceId: e.sequenceId }),
              }),
            );
        }),
        calling.on('established', (e) => {
          if (owned(e.call.flow)) later(e.call.id, () => step(e.call.id, { type: 'established' }));
        }),
        calling.on('terminated', (e) => {
          if (!owned(e.call.flow)) return;
          later(e.call.id, async () => {
            timers.clearCall(e.call.id);
            await step(e.call.id, { type: 'terminated', reason: e.reason });
            timers.clearCall(e.call.id);
          });
        }),
      );
      await resume();
    },
    async stop() {
      stopped = true;
      for (const off of offs.splice(0)) off();
      timers.clearAll();
      await Promise.all([...chains.values()]);
    },
    async idle() {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
  };
}
