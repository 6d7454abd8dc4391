// Drives flows on calls: consumes the flow events the calling service writes with each notification
// (rows under the flow's key, flow-rows.ts) and the runtime's own events (begin, timers, finished
// tasks, dispatches), one at a time per call (a local chain plus a store lock, so two instances never
// interleave; an event waits for the lock as long as it is held, never dropped). A step saves the new
// position, and claims the row it consumed, in one transaction before any effect starts, and keeps
// timers and background tasks in that saved position with the instance running them. A sweep on every
// instance adopts the work of dead instances (a `resume` with the lost tasks, their timers armed here;
// the rows they left), once, under the flow's lock. A step that fails ends that call's flow: logged with
// the call id, noted on its timeline, handed to `rescue` (a row's step is first tried again).
import { idKey } from '../../ids';
import { waitForLock } from './flow-lock';
import { createFlowRows, type FlowRows } from './flow-rows';
import { flowFailed } from './flow-failure';
import { LocalTimers } from './local-timers';
import { isStoredFlow } from './stored-flow';
import { createCallTasks } from './call-tasks';
import { createStepControl, stepCommit } from './step-control';
import { adopt, orphansOf } from './takeover';
import type { FlowEvent, FlowHandler, StoredFlow } from './types';
import type { FlowRuntime, FlowRuntimeOptions, StepOptions } from './runtime-api';

export type { FlowRuntime, FlowRuntimeOptions } from './runtime-api';

// How old a pending flow event row must be before the sweep consumes it (its writer kicks it at once).
const ORPHAN_ROW_MS = 1000;

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

  const me = store.instances.id;
  const lockOpts = {
    locks: store.locks,
    log,
    waitMs: opts.lockWaitMs ?? 10_000,
    stopped: () => stopped,
  };
  let sweeping: NodeJS.Timeout | undefined;
  let rows: FlowRows | undefined;

  function arm(callId: string, armed: StoredFlow['timers']): void {
    for (const [name, t] of Object.entries(armed)) {
      timers.set(callId, name, t.at, clock.now(), () =>
        later(callId, () => step(callId, { type: 'timer', name }, { timerToken: t.token })),
      );
    }
  }

  /** One event, under the call's lock: load, reduce, save (claiming its row), then start effects. */
  async function step(callId: string, event: FlowEvent, o: StepOptions = {}): Promise<void> {
    const effects = await waitForLock(lockOpts, `flow:${callId}`, async () => {
      if (o.row !== undefined) {
        // Looked at again under the lock: another instance may have consumed the row meanwhile.
        const [first] = await calling.flowEvents.pending(callId, 1);
        if (first?.seq !== o.row) return undefined;
      }
      // A row no flow here can take is consumed all the same, so it holds nothing back.
      const skip = async () => void (o.row === undefined || (await calling.flowEvents.commit({ row: o.row })));
      const call = await calling.getCall(callId);
      if (!call) return skip();
      let saved = o.fresh ?? (isStoredFlow(call.flow) ? call.flow : undefined);
      if (!saved) return skip();
      const handler = handlers.get(saved.kind);
      if (!handler) return skip();
      let adopted: StoredFlow['timers'] = {};
      if (o.takeover) {
        // Looked at again under the lock: another instance may have adopted the flow meanwhile.
        const orphans = orphansOf(saved, await store.instances.live());
        if (!orphans) return undefined;
        saved = adopt(saved, orphans, me);
        event = { type: 'resume', lostTasks: orphans.lostTasks };
        adopted = Object.fromEntries(
          orphans.timers.flatMap((n) => (saved?.timers[n] ? [[n, saved.timers[n]]] : [])),
        );
        log.info({ callId, kind: saved.kind, lostTasks: orphans.lostTasks }, 'taking over a flow');
      }
      if (event.type === 'timer' && saved.timers[event.name]?.token !== o.timerToken) return undefined;
      if (event.type === 'done' && saved.tasks[event.task] !== o.taskToken) return undefined;
      const ctl = createStepControl({
        call,
        calling,
        now: clock.now(),
        log: log.child({ callId }),
        saved,
        event,
        instance: me,
      });
      const state = await handler.handle(saved.state, event, ctl);
      const next = ctl.finish(state);
      // An ended call keeps its last saved position; its flow's last effects may still run.
      const committed = await calling.flowEvents.commit(stepCommit(callId, saved.kind, event, next, o));
      // Another instance consumed the row first: its step's effects are the ones that run.
      if (!committed) return undefined;
      return { next, adopted };
    });
    if (!effects) return;
    const { next, adopted } = effects;
    arm(callId, adopted);
    timers.clear(callId, next.clearedTimers);
    arm(callId, next.newTimers);
    tasks.start(callId, next.spawned, next.flow.tasks, (task, done) =>
      later(callId, () => step(callId, done, { taskToken: task.token })),
    );
  }

  /** Queues a take-over of every flow whose tasks or timers belong to an instance no longer alive. */
  async function sweep(): Promise<void> {
    // Rows left a moment by whoever committed them are nobody's: their instance died after the commit.
    await rows?.sweep(ORPHAN_ROW_MS);
    const live = await store.instances.live();
    const calls = await calling.listCalls({ active: true, limit: 1000 });
    for (const call of calls) {
      const flow = call.flow;
      if (!isStoredFlow(flow) || !handlers.has(flow.kind) || !orphansOf(flow, live)) continue;
      // One take-over at a time per call here; other instances are kept out by the lock.
      const key = idKey(call.id);
      if (chains.has(key)) continue;
      later(key, () => step(key, { type: 'resume', lostTasks: [] }, { takeover: true }));
    }
  }

  function sweepLater(ms: number): void {
    if (stopped) return;
    sweeping = setTimeout(() => {
      sweep()
        .catch((err: unknown) =>
          log.error({ err }, 'looking for flows of stopped instances failed; will retry'),
        )
        .finally(() => sweepLater(opts.sweepMs ?? 2000));
    }, ms);
    sweeping.unref();
  }

  return {
    register(handler) {
      handlers.set(handler.kind, handler as FlowHandler<unknown>);
    },
    begin(id, kind, state, note) {
      if (!handlers.has(kind)) return Promise.reject(new Error(`no flow of kind "${kind}" is registered`));
      // One spelling per call for chains, locks and the flow key, whichever Graph used (calling/ids.ts).
      const callId = idKey(id);
      const fresh: StoredFlow = { kind, state, timers: {}, tasks: {}, rev: 0 };
      return enqueue(callId, async () => {
        timers.clearCall(callId);
        await step(callId, { type: 'begin' }, { fresh });
        if (note) log.child({ callId }).info({ kind }, note);
      });
    },
    dispatch(id, event) {
      const callId = idKey(id);
      return enqueue(callId, () => step(callId, event));
    },
    async start() {
      if (!stopped) return;
      stopped = false;
      const flowRows = createFlowRows({
        calling,
        log,
        later,
        failed,
        step: async (key, event, row) => {
          if (event.type === 'terminated') timers.clearCall(key);
          await step(key, event, { row });
          if (event.type === 'terminated') timers.clearCall(key);
        },
      });
      rows = flowRows;
      offs.push(
        calling.on('flowEvents', (e) => flowRows.kick(e.key)),
        () => flowRows.stop(),
      );
      // The flows a predecessor of this process left (or any dead instance's) are adopted at once,
      // and the events it committed but never handed to a flow are consumed.
      await flowRows.sweep();
      await sweep();
      sweepLater(opts.sweepMs ?? 2000);
    },
    async stop() {
      stopped = true;
      clearTimeout(sweeping);
      for (const off of offs.splice(0)) off();
      timers.clearAll();
      await Promise.all([...chains.values()]);
    },
    async idle() {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
  };
}
