// The contract between the flow runtime and the flows it drives (IVR, front desk, reminders...).
import type { CallingApi, CallView, CoreLogger } from '../../core';

/** What the runtime keeps in the call's `flow` (saved with saveFlow, so it survives restarts). */
export interface StoredFlow<S = unknown> {
  readonly kind: string;
  readonly state: S;
  /**
   * Pending timers: name → due time (epoch ms), the token that makes an older firing stale, and the
   * instance that armed it (the one whose clock fires it while it lives).
   */
  readonly timers: Readonly<Record<string, FlowTimer>>;
  /** Background work in progress: task name → token; a result whose token differs is stale. */
  readonly tasks: Readonly<Record<string, string>>;
  /**
   * Task name → the instance running it. A task whose instance is dead (or unknown, in a flow saved
   * before owners were kept) will not report back: another instance resumes the flow with it as lost.
   */
  readonly owners?: Readonly<Record<string, string>>;
  readonly rev: number;
}

/** A flow's timer as saved. */
export interface FlowTimer {
  readonly at: number;
  readonly token: string;
  readonly owner?: string;
}

/** Something that happened to a call driven by a flow. */
export type FlowEvent =
  | { readonly type: 'begin' }
  /**
   * The instance that drove the flow stopped or died and this one took the flow over; `lostTasks` were
   * running there and will not report back. Its timers now fire here.
   */
  | { readonly type: 'resume'; readonly lostTasks: readonly string[] }
  | { readonly type: 'established' }
  | { readonly type: 'tone'; readonly digit: string; readonly sequenceId?: number }
  | { readonly type: 'timer'; readonly name: string }
  | { readonly type: 'done'; readonly task: string; readonly ok: true; readonly value: unknown }
  | { readonly type: 'done'; readonly task: string; readonly ok: false; readonly error: Error }
  | { readonly type: 'terminated'; readonly reason: string }
  /** A flow-specific event dispatched by the app (e.g. from the bot). */
  | { readonly type: 'custom'; readonly name: string; readonly data?: unknown };

/** What a flow may do while it handles one event; effects start once the new state is saved. */
export interface FlowControl {
  readonly callId: string;
  /** The call as stored when the event is handled. */
  readonly call: CallView;
  readonly calling: CallingApi;
  readonly now: number;
  readonly log: CoreLogger;
  /**
   * Runs work outside the call's flow lock; its outcome comes back as a `done` event for `task`. With
   * `after`, the work starts only once the task of that name has settled: the one spawned before it in
   * the same step, else one still running from an earlier step (a prompt or a recording must not reach
   * Graph before the cancelMediaProcessing that a barge-in sent, or it is cancelled with the old
   * prompt); with neither it starts at once.
   */
  spawn(task: string, work: () => Promise<unknown>, opts?: { readonly after?: string }): void;
  /** Stops waiting for a task: its outcome, when it comes, is dropped. */
  forgetTask(task: string): void;
  /** Fires a `timer` event after delayMs (replacing a pending timer of that name). */
  setTimer(name: string, delayMs: number): void;
  clearTimer(name: string): void;
  /** Adds to the timeline line saved with this step. */
  note(text: string): void;
}

/** A kind of flow: a reducer from (state, event) to the next state, with effects through FlowControl. */
export interface FlowHandler<S = unknown> {
  readonly kind: string;
  handle(state: S, event: FlowEvent, ctl: FlowControl): S | Promise<S>;
}
