// The flow runtime's options and public face (flow-runtime.ts builds it).
import type { Store } from '../../../store';
import type { CallingApi, Clock, CoreLogger } from '../../core';
import type { Rescue } from './flow-failure';
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
  /** How long a step waits for the flow's lock before it logs and waits again (default 10 s). */
  readonly lockWaitMs?: number;
  /** How often this instance looks for flows whose instance died (default 2 s). */
  readonly sweepMs?: number;
}

/** What a step is for, besides its event. */
export interface StepOptions {
  /** A new flow, saved by this step (begin). */
  readonly fresh?: StoredFlow;
  readonly timerToken?: string;
  readonly taskToken?: string;
  /** Adopt the work of dead instances, if any is left when the lock is held (the event is a resume). */
  readonly takeover?: boolean;
  /** The flow event row (its seq) this step consumes: claimed with the save, skipped if already taken. */
  readonly row?: number;
}

/** The runtime's public face. */
export interface FlowRuntime {
  register<S>(handler: FlowHandler<S>): void;
  /** Starts a flow on a call (replacing whatever flow it had) and hands it a `begin` event. */
  begin<S>(callId: string, kind: string, state: S, note?: string): Promise<void>;
  /** Hands an event to the call's flow (dropped when the call has none the runtime knows). */
  dispatch(callId: string, event: FlowEvent): Promise<void>;
  /**
   * Subscribes to the calling service and starts the sweep that adopts the flows of dead instances
   * (at once, then every sweepMs): a predecessor's flows are resumed, a live neighbour's left alone.
   */
  start(): Promise<void>;
  /** Unsubscribes, clears local timers and waits for running steps. */
  stop(): Promise<void>;
  /** Resolves when no step is running or queued. */
  idle(): Promise<void>;
}
