// The FlowControl handed to a flow for one step: it records the effects the flow asks for, and
// `finish` turns them into the flow record to save plus the timers and tasks to start afterwards.
import { randomUUID } from 'node:crypto';
import type { CallingApi, CallView, CoreLogger } from '../../core';
import { idKey } from '../../ids';
import type { FlowCommit } from './flow-commit';
import type { StepOptions } from './runtime-api';
import type { FlowControl, FlowEvent, FlowTimer, StoredFlow } from './types';

export interface SpawnedTask {
  readonly name: string;
  readonly token: string;
  readonly work: () => Promise<unknown>;
  /** A task that must settle before this one starts (spawned before it in the step, or still running). */
  readonly after?: string;
}

export interface StepResult {
  readonly flow: StoredFlow;
  readonly changed: boolean;
  readonly note?: string;
  readonly spawned: readonly SpawnedTask[];
  /** Timers set in this step (to arm), and timers cleared or fired (to disarm). */
  readonly newTimers: StoredFlow['timers'];
  readonly clearedTimers: readonly string[];
  /** Calls bound in this step. */
  readonly bound: readonly string[];
  /** The flow ended in this step. */
  readonly ended: boolean;
}

export interface StepInput {
  /** The call the event is about, else the flow's newest call (none: a flow with no call yet). */
  readonly call?: CallView;
  readonly calling: CallingApi;
  readonly now: number;
  readonly log: CoreLogger;
  readonly saved: StoredFlow;
  readonly event: FlowEvent;
  /** The instance running this step: it owns the tasks and timers the step starts. */
  readonly instance: string;
}

/** A FlowControl that collects effects, and the function that settles them after the handler ran. */
export function createStepControl(input: StepInput): FlowControl & { finish(state: unknown): StepResult } {
  const { saved, event, now } = input;
  const timers: Record<string, FlowTimer> = { ...saved.timers };
  const tasks: Record<string, string> = { ...saved.tasks };
  const owners: Record<string, string> = { ...saved.owners };
  const newTimers: Record<string, FlowTimer> = {};
  const cleared = new Set<string>();
  const spawned: SpawnedTask[] = [];
  const callIds = [...saved.callIds];
  const bound: string[] = [];
  let ended = false;
  let note: string | undefined;
  // The event that fired a timer or finished a task consumes it.
  if (event.type === 'timer') delete timers[event.name];
  if (event.type === 'done') {
    delete tasks[event.task];
    delete owners[event.task];
  }

  const spawn = (name: string, work: () => Promise<unknown>, opts: { readonly after?: string } = {}) => {
    const token = randomUUID();
    tasks[name] = token;
    owners[name] = input.instance;
    spawned.push({ name, token, work, ...(opts.after === undefined ? {} : { after: opts.after }) });
  };
  return {
    key: saved.key,
    callIds,
    ...(input.call ? { callId: input.call.id, call: input.call } : {}),
    calling: input.calling,
    now,
    log: input.log,
    spawn,
    bindCall(callId) {
      if (callIds.some((c) => idKey(c) === idKey(callId))) return;
      callIds.push(callId);
      bound.push(callId);
    },
    placeCall(name, req) {
      spawn(name, () => input.calling.placeCall({ ...req, flowKey: saved.key }));
    },
    end() {
      ended = true;
    },
    forgetTask(name) {
      delete tasks[name];
      delete owners[name];
    },
    setTimer(name, delayMs) {
      const t = { at: now + Math.max(0, delayMs), token: randomUUID(), owner: input.instance };
      timers[name] = t;
      newTimers[name] = t;
      cleared.add(name);
    },
    clearTimer(name) {
      delete timers[name];
      delete newTimers[name];
      cleared.add(name);
    },
    note(text) {
      note = note === undefined ? text : `${note}; ${text}`;
    },
    finish(state) {
      if (ended) {
        // An ended flow waits for nothing: its timers and tasks no longer count (a task's result is dropped).
        for (const name of Object.keys(timers)) cleared.add(name);
        for (const t of [timers, tasks, owners]) for (const name of Object.keys(t)) delete t[name];
        for (const name of Object.keys(newTimers)) delete newTimers[name];
      }
      const changed =
        ended ||
        bound.length > 0 ||
        JSON.stringify(state) !== JSON.stringify(saved.state) ||
        JSON.stringify(timers) !== JSON.stringify(saved.timers) ||
        JSON.stringify(tasks) !== JSON.stringify(saved.tasks) ||
        JSON.stringify(owners) !== JSON.stringify(saved.owners ?? {}) ||
        note !== undefined;
      const rev = saved.rev + (changed ? 1 : 0);
      const flow: StoredFlow = {
        ...saved,
        state,
        timers,
        tasks,
        owners,
        rev,
        callIds,
        ...(ended ? { doneAt: now } : {}),
      };
      return {
        flow,
        changed,
        bound,
        ended,
        ...(note === undefined ? {} : { note }),
        spawned,
        newTimers,
        clearedTimers: [...cleared].filter((n) => !(n in newTimers)),
      };
    },
  };
}

/**
 * Starts a step's tasks in the order they were spawned; a task with `after` starts once that task has
 * settled, whether it succeeded or failed: the one of that name started before it in this step, else
 * one still running from an earlier step (`running`), else at once. A task that had to wait starts
 * only if `wanted` still says so (a later step may have forgotten or replaced it meanwhile); else its
 * run resolves without doing anything. Answers each task with its run.
 */
export function startTasks(
  spawned: readonly SpawnedTask[],
  running: ReadonlyMap<string, Promise<unknown>> = new Map(),
  wanted: (task: SpawnedTask) => boolean = () => true,
): Array<{ readonly task: SpawnedTask; readonly run: Promise<unknown> }> {
  const runs = new Map<string, Promise<unknown>>();
  return spawned.map((task) => {
    const before = task.after === undefined ? undefined : (runs.get(task.after) ?? running.get(task.after));
    const late = () => (wanted(task) ? task.work() : Promise.resolve(undefined));
    const run = before ? before.then(late, late) : task.work();
    runs.set(task.name, run);
    return { task, run };
  });
}

/** An event in words, for the timeline line of a step that wrote none. */
export function describeEvent(e: FlowEvent): string {
  if (e.type === 'done') return `${e.task} ${e.ok ? 'finished' : `failed (${e.error.message})`}`;
  if (e.type === 'timer') return `${e.name} timer fired`;
  if (e.type === 'tone') return `key ${e.digit}`;
  return e.type;
}

/**
 * What a step commits in one transaction: the row it consumed, and the flow's position when it changed
 * (or the flow is new, or was taken over). A take-over always moves the revision, so whoever watches
 * the flow sees it was picked up; a new flow bound to a call binds that call, so its events become rows
 * under its key. The line goes on the timeline of the call the event is about, else of every bound call.
 */
export function stepCommit(
  event: FlowEvent,
  next: StepResult,
  o: StepOptions & { readonly expectedRev: number | undefined; readonly call?: string },
): FlowCommit {
  const note = next.note ?? `${next.flow.kind}: ${describeEvent(event)}`;
  const bind = o.fresh ? [...new Set([...next.flow.callIds, ...next.bound])] : next.bound;
  return {
    ...(o.row === undefined ? {} : { row: o.row }),
    ...(o.fresh || o.takeover || next.changed
      ? {
          save: {
            flow: next.flow,
            expectedRev: o.expectedRev,
            bind,
            note,
            noteCalls: o.call === undefined ? next.flow.callIds : [o.call],
          },
        }
      : {}),
  };
}
