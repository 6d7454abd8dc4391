// One step of a flow, under the flow's lock: load its position from the `flows` table, run its handler,
// save the new position (claiming the row it consumed) in one transaction, then start the effects:
// timers armed here, tasks started here. Steps that come to nothing (a stale timer or task result, a
// row another instance consumed, an ended flow) change nothing.
import type { FlowData } from '../../storage';
import type { CallingApi, Clock, CoreLogger } from '../../core';
import { idKey } from '../../ids';
import type { CallTasks } from './call-tasks';
import { commitStep } from './flow-commit';
import { waitForLock, type FlowLockOptions } from './flow-lock';
import { fromRecord } from './flow-record';
import type { LocalTimers } from './local-timers';
import type { StepOptions } from './runtime-api';
import { createStepControl, stepCommit } from './step-control';
import { adopt, orphansOf } from './takeover';
import type { FlowEvent, FlowHandler, StoredFlow } from './types';

export interface StepDeps {
  readonly calling: CallingApi;
  readonly data: FlowData;
  readonly handlers: ReadonlyMap<string, FlowHandler<unknown>>;
  readonly log: CoreLogger;
  readonly clock: Clock;
  readonly lock: FlowLockOptions;
  readonly timers: LocalTimers;
  readonly tasks: CallTasks;
  /** The instances alive now. */
  readonly live: () => Promise<ReadonlySet<string>>;
  /** This instance: it owns the tasks and timers its steps start. */
  readonly me: string;
  /** Queues work on the flow's chain of steps. */
  readonly later: (key: string, work: () => Promise<void>) => void;
}

export type Step = (key: string, event: FlowEvent, o?: StepOptions) => Promise<void>;

/** The call a call event happened on. */
const callOf = (e: FlowEvent): string | undefined =>
  e.type === 'established' || e.type === 'tone' || e.type === 'terminated' ? e.callId : undefined;

/** Builds the step function of one runtime. */
export function createStep(d: StepDeps): Step {
  const { calling, data, log } = d;

  function arm(key: string, armed: StoredFlow['timers']): void {
    for (const [name, t] of Object.entries(armed)) {
      d.timers.set(key, name, t.at, d.clock.now(), () =>
        d.later(key, () => step(key, { type: 'timer', name }, { timerToken: t.token })),
      );
    }
  }

  async function step(key: string, event: FlowEvent, o: StepOptions = {}): Promise<void> {
    const effects = await waitForLock(d.lock, `flow:${key}`, async () => {
      if (o.row !== undefined) {
        // Looked at again under the lock: another instance may have consumed the row meanwhile.
        const [first] = await calling.flowEvents.pending(key, 1);
        if (first?.seq !== o.row) return undefined;
      }
      // A row no flow here can take is consumed all the same, so it holds nothing back.
      const skip = async () =>
        void (o.row === undefined || (await commitStep(data, { row: o.row }, d.clock.now())));
      const record = await data.flows.get(key);
      const stored = record && fromRecord(record);
      let saved = o.fresh ?? stored;
      if (!saved || saved.doneAt !== undefined) return skip();
      const handler = d.handlers.get(saved.kind);
      if (!handler) return skip();
      let adopted: StoredFlow['timers'] = {};
      if (o.takeover) {
        // Looked at again under the lock: another instance may have adopted the flow meanwhile.
        const orphans = orphansOf(saved, await d.live());
        if (!orphans) return undefined;
        saved = adopt(saved, orphans, d.me);
        event = { type: 'resume', lostTasks: orphans.lostTasks };
        adopted = Object.fromEntries(
          orphans.timers.flatMap((n) => (saved?.timers[n] ? [[n, saved.timers[n]]] : [])),
        );
        log.info({ flowKey: key, kind: saved.kind, lostTasks: orphans.lostTasks }, 'taking over a flow');
      }
      if (event.type === 'timer' && saved.timers[event.name]?.token !== o.timerToken) return undefined;
      if (event.type === 'done' && saved.tasks[event.task] !== o.taskToken) return undefined;
      const about = callOf(event);
      const callId = about ?? saved.callIds.at(-1);
      const call = callId === undefined ? undefined : await calling.getCall(callId);
      // The flow's call is gone from the store: nothing to drive.
      if (callId !== undefined && !call) return skip();
      const ctl = createStepControl({
        ...(call ? { call } : {}),
        calling,
        now: d.clock.now(),
        log: log.child({ flowKey: key, ...(callId ? { callId } : {}) }),
        saved,
        event,
        instance: d.me,
      });
      const state = await handler.handle(saved.state, event, ctl);
      // A flow bound to one call ends with it.
      if (event.type === 'terminated' && about !== undefined && idKey(about) === key) ctl.end();
      const next = ctl.finish(state);
      const commit = stepCommit(event, next, {
        ...o,
        expectedRev: stored?.rev,
        ...(about === undefined ? {} : { call: about }),
      });
      // Another instance consumed the row first: its step's effects are the ones that run.
      if (!(await commitStep(data, commit, d.clock.now(), record))) return undefined;
      return { next, adopted };
    });
    if (!effects) return;
    const { next, adopted } = effects;
    if (next.ended) d.timers.clearCall(key);
    arm(key, adopted);
    d.timers.clear(key, next.clearedTimers);
    arm(key, next.newTimers);
    d.tasks.start(key, next.spawned, next.flow.tasks, (task, done) =>
      d.later(key, () => step(key, done, { taskToken: task.token })),
    );
  }

  return step;
}
