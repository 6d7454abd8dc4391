// The contract between the flow runtime and the flows it drives (IVR, front desk, reminders...).
import type { CallingApi, CallView, CoreLogger, PlaceCallRequest } from '../../core';

/** A flow's position as the runtime keeps it (a row of the `flows` table, so it survives restarts). */
export interface StoredFlow<S = unknown> {
  /** The flow's key: a call-bound flow's is its call's key, others have their own (`connect:<uuid>`). */
  readonly key: string;
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
  /** The calls whose events the flow receives, oldest first. */
  readonly callIds: readonly string[];
  /** Who asked for the flow (an Entra object id), when someone did. */
  readonly requestedBy?: string;
  readonly createdAt: number;
  /** When the flow ended; an ended flow takes no more events. */
  readonly doneAt?: number;
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
  /** `callId` (in call events): the call it happened on, as Graph spelled it (a flow may have several). */
  | { readonly type: 'established'; readonly callId?: string }
  | { readonly type: 'tone'; readonly digit: string; readonly sequenceId?: number; readonly callId?: string }
  | { readonly type: 'timer'; readonly name: string }
  | { readonly type: 'done'; readonly task: string; readonly ok: true; readonly value: unknown }
  | { readonly type: 'done'; readonly task: string; readonly ok: false; readonly error: Error }
  | { readonly type: 'terminated'; readonly reason: string; readonly callId?: string }
  /** A flow-specific event dispatched by the app (e.g. from the bot). */
  | { readonly type: 'custom'; readonly name: string; readonly data?: unknown };

/** What a flow may do while it handles one event; effects start once the new state is saved. */
export interface FlowControl {
  /** The flow's key. */
  readonly key: string;
  /** The calls bound to the flow, oldest first (a call-bound flow: its call). */
  readonly callIds: readonly string[];
  /** The call the event is about, else the flow's newest call: its id, as Graph spelled it. */
  readonly callId?: string;
  /** That call as stored when the event is handled. */
  readonly call?: CallView;
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
  /** Binds a call to the flow (saved with the step): its events come to the flow, with its id. */
  bindCall(callId: string): void;
  /**
   * Places a call bound to this flow from its first notification (so no event of it is missed), as
   * task `task`, whose `done` value is the call (a CallView).
   */
  placeCall(task: string, req: PlaceCallRequest): void;
  /** Ends the flow once this step is saved: its timers are dropped and later events ignored. */
  end(): void;
}

/** The FlowControl of a flow bound to a call (IVR, front desk): the call is always there. */
export interface CallFlowControl extends FlowControl {
  readonly callId: string;
  readonly call: CallView;
}

/** The control of a call-bound flow; throws when the flow has no call (it was begun without one). */
export function callControl(ctl: FlowControl): CallFlowControl {
  if (ctl.call === undefined || ctl.callId === undefined)
    throw new Error(`the flow ${ctl.key} is bound to no call`);
  return ctl as CallFlowControl;
}

/** A kind of flow: a reducer from (state, event) to the next state, with effects through FlowControl. */
export interface FlowHandler<S = unknown> {
  readonly kind: string;
  handle(state: S, event: FlowEvent, ctl: FlowControl): S | Promise<S>;
}
