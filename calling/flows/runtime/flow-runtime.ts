// Drives flows: each flow has a key (a call-bound flow's is its call's key) and a row in the `flows`
// table. It consumes the flow events the calling service writes with each notification of a bound call
// (rows under the flow's key, flow-rows.ts) and the runtime's own events (begin, timers, finished
// tasks, dispatches), one at a time per flow (a local chain plus a store lock, so two instances never
// interleave; an event waits for the lock as long as it is held, never dropped). A step saves the new
// position, and claims the row it consumed, in one transaction before any effect starts (flow-step.ts).
// A sweep on every instance adopts the work of dead instances (a `resume` with the lost tasks, their
// timers armed here; the rows they left), once, under the flow's lock. A step that fails ends the flow:
// logged, noted on its calls' timelines, a call-bound flow's call handed to `rescue`.
import { idKey } from '../../ids';
import { bindCall } from './bind-call';
import { createCallTasks } from './call-tasks';
import { flowFailed } from './flow-failure';
import { fromRecord } from './flow-record';
import { createFlowRows, type FlowRows } from './flow-rows';
import { createStep } from './flow-step';
import { LocalTimers } from './local-timers';
import type { FlowHandler, StoredFlow } from './types';
import type { FlowRuntime, FlowRuntimeOptions } from './runtime-api';

export type { FlowRuntime, FlowRuntimeOptions } from './runtime-api';

// How old a pending flow event row must be before the sweep consumes it (its writer kicks it at once).
const ORPHAN_ROW_MS = 1000;

/** Builds the flow runtime over a calling service and its store. */
export function createFlowRuntime(opts: FlowRuntimeOptions): FlowRuntime {
  const { calling, store } = opts;
  const data = store.flowData;
  const clock = opts.clock ?? { now: () => Date.now() };
  const log = opts.logger.child({ module: 'calling.flows' });
  const handlers = new Map<string, FlowHandler<unknown>>();
  const chains = new Map<string, Promise<void>>();
  const timers = new LocalTimers();
  const offs: Array<() => void> = [];
  let stopped = true;
  const failed = (key: string, err: unknown) =>
    flowFailed({ calling, data, log, ...(opts.rescue ? { rescue: opts.rescue } : {}) }, key, err);

  /** Runs `work` after the flow's earlier steps; never rejects (a failure ends the flow). */
  function enqueue(key: string, work: () => Promise<void>): Promise<void> {
    const prev = chains.get(key) ?? Promise.resolve();
    const next: Promise<void> = prev
      .then(work)
      .catch((err: unknown) => failed(key, err))
      .then(() => {
        if (chains.get(key) === next) chains.delete(key);
      });
    chains.set(key, next);
    return next;
  }

  /** enqueue, for callers that do not wait (timers, events, finished tasks). */
  function later(key: string, work: () => Promise<void>): void {
    if (stopped) return;
    enqueue(key, work).catch((err: unknown) => failed(key, err));
  }

  const lock = { locks: store.locks, log, waitMs: opts.lockWaitMs ?? 10_000, stopped: () => stopped };
  const step = createStep({
    calling,
    data,
    handlers,
    log,
    clock,
    lock,
    timers,
    tasks: createCallTasks(),
    live: () => store.instances.live(),
    me: store.instances.id,
    later,
  });
  let sweeping: NodeJS.Timeout | undefined;
  let rows: FlowRows | undefined;

  /** Queues a take-over of every flow whose tasks or timers belong to an instance no longer alive. */
  async function sweep(): Promise<void> {
    // Rows left a moment by whoever committed them are nobody's: their instance died after the commit.
    await rows?.sweep(ORPHAN_ROW_MS);
    const live = await store.instances.live();
    for (const flow of await data.flows.withWorkOutside(live)) {
      // One take-over at a time per flow here; other instances are kept out by the lock.
      if (!handlers.has(flow.kind) || chains.has(flow.key)) continue;
      later(flow.key, () => step(flow.key, { type: 'resume', lostTasks: [] }, { takeover: true }));
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
    begin(id, kind, state, o = {}) {
      if (!handlers.has(kind)) return Promise.reject(new Error(`no flow of kind "${kind}" is registered`));
      // One spelling per key for chains, locks and rows, whichever Graph used (calling/ids.ts).
      const key = idKey(id);
      const fresh: StoredFlow = {
        key,
        kind,
        state,
        timers: {},
        tasks: {},
        rev: 0,
        callIds: o.callIds ?? [],
        ...(o.requestedBy === undefined ? {} : { requestedBy: o.requestedBy }),
        createdAt: clock.now(),
      };
      return enqueue(key, async () => {
        timers.clearCall(key);
        await step(key, { type: 'begin' }, { fresh });
        if (o.note) log.child({ flowKey: key }).info({ kind }, o.note);
      });
    },
    bindCall(id, callId) {
      const key = idKey(id);
      return enqueue(key, () => bindCall({ data, lock, clock }, key, callId));
    },
    dispatch(id, event) {
      const key = idKey(id);
      return enqueue(key, () => step(key, event));
    },
    async get(id) {
      const record = await data.flows.get(idKey(id));
      return record && fromRecord(record);
    },
    async list(o = {}) {
      return (await data.flows.list(o)).map(fromRecord);
    },
    async start() {
      if (!stopped) return;
      stopped = false;
      const flowRows = createFlowRows({
        calling,
        log,
        later,
        failed,
        step: (key, event, row) => step(key, event, { row }),
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
