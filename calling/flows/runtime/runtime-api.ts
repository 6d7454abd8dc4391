// The flow runtime's options and public face (flow-runtime.ts builds it).
import type { CallingApi, Clock, CoreLogger } from '../../core';
import type { CallingStorage } from '../../storage';
import type { Rescue } from './flow-failure';
import type { FlowEvent, FlowHandler, StoredFlow } from './types';

export interface FlowRuntimeOptions {
  readonly calling: CallingApi;
  readonly store: CallingStorage;
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

export interface BeginOptions {
  readonly callIds?: readonly string[];
  /** Who asked for the flow (an Entra object id): `list` finds their flows. */
  readonly requestedBy?: string;
  /** A log line for the start. */
  readonly note?: string;
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
  /**
   * Starts a flow under `key` (replacing whatever flow had that key) and hands it a `begin` event. A
   * flow bound to one call (IVR, front desk) takes the call's id as its key and the call in `callIds`;
   * others have their own key (`connect:<uuid>`). `callIds` are bound with the save.
   */
  begin<S>(key: string, kind: string, state: S, opts?: BeginOptions): Promise<void>;
  /** Binds a call to the flow: its events (with its id) reach the flow from then on. */
  bindCall(key: string, callId: string): Promise<void>;
  /** Hands an event to the flow (dropped when there is none the runtime knows, or it has ended). */
  dispatch(key: string, event: FlowEvent): Promise<void>;
  /** The flow's position as stored. */
  get(key: string): Promise<StoredFlow | undefined>;
  /** Flows, newest first; `active`: not ended. */
  list(opts?: {
    kind?: string;
    requestedBy?: string;
    active?: boolean;
    limit?: number;
  }): Promise<StoredFlow[]>;
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
