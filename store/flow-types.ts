// The flow runtime's records as the store offers them: flows, the instances that run them, and the
// repositories bound together in one transaction (flow-data.ts).
import type { CallData, Jobs } from './types';

/** One flow (migration 0006). JSON lives in text columns; times are epoch milliseconds. */
export interface FlowsTable {
  key: string;
  kind: string;
  state: string;
  rev: number;
  timers: string;
  tasks: string;
  /** The owners of the running tasks and pending timers, space-separated (null: none). */
  task_owners: string | null;
  call_ids: string;
  requested_by: string | null;
  created_at: number;
  updated_at: number;
  done_at: number | null;
}

/** A process that runs flows, and when it last said it was alive. */
export interface InstancesTable {
  id: string;
  /** The machine (host name and process namespace) the process runs on. */
  host: string;
  pid: number;
  started_at: number;
  heartbeat_at: number;
}

/**
 * A timer of a flow: when it is due, the token that makes an older firing stale, and the instance whose
 * clock fires it while it lives (another adopts it once that instance is dead).
 */
export interface FlowTimer {
  readonly at: number;
  readonly token: string;
  readonly owner?: string;
}

/** Background work of a flow: its token, the instance running it and since when. */
export interface FlowTask {
  readonly token: string;
  readonly owner: string;
  readonly startedAt: number;
}

/** A flow as stored. */
export interface StoredFlowRecord {
  readonly key: string;
  readonly kind: string;
  readonly state: unknown;
  readonly rev: number;
  readonly timers: Readonly<Record<string, FlowTimer>>;
  readonly tasks: Readonly<Record<string, FlowTask>>;
  /** The calls whose events this flow receives, oldest first. */
  readonly callIds: readonly string[];
  readonly requestedBy: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly doneAt: number | null;
}

/** The flows table. */
export interface FlowsRepo {
  get(key: string): Promise<StoredFlowRecord | undefined>;
  /** Inserts unless the key exists; answers whether it inserted. */
  insert(flow: StoredFlowRecord): Promise<boolean>;
  /** Writes the flow if its stored revision is still `expectedRev`; false when another write came first. */
  save(flow: StoredFlowRecord, expectedRev: number): Promise<boolean>;
  /** Newest first; `active` keeps flows not done. */
  list(opts?: {
    kind?: string;
    requestedBy?: string;
    active?: boolean;
    limit?: number;
  }): Promise<StoredFlowRecord[]>;
  /** Flows not done with running tasks or pending timers whose owner is not among `live`. */
  withWorkOutside(live: ReadonlySet<string>, limit?: number): Promise<StoredFlowRecord[]>;
}

/** The processes sharing the database, by heartbeat; this one is `id`. */
export interface Instances {
  /** This process's instance (recorded on the leases it takes and the tasks it runs). */
  readonly id: string;
  /** How long an instance may go without a heartbeat before it counts as dead. */
  readonly deadAfterMs: number;
  /**
   * Renews this instance's heartbeat (registering it again if its row went) and removes the rows of
   * instances that ran on this machine and whose process is gone.
   */
  beat(): Promise<void>;
  /** The periodic heartbeat: a beat, unless this instance has left (only an explicit `beat` rejoins). */
  renew(): Promise<void>;
  /** The instances alive now (a heartbeat within deadAfterMs), this one included. */
  live(): Promise<Set<string>>;
  /**
   * Removes this instance's row: what it held is taken over at once. Waits for a beat in flight, so a
   * heartbeat sent just before cannot bring the row back after it.
   */
  leave(): Promise<void>;
}

/** How instances prove they are alive (StoreOptions.liveness). */
export interface LivenessOptions {
  /** How often the heartbeat is renewed (default 2 s). */
  readonly heartbeatMs?: number;
  /** How old a heartbeat may be before its instance counts as dead (default 10 s). */
  readonly deadAfterMs?: number;
}

/** The calling core's repositories plus flows and jobs, bound to one handle (or one transaction). */
export interface FlowData extends Omit<CallData, 'transaction'> {
  readonly flows: FlowsRepo;
  readonly jobs: Jobs;
  transaction<T>(fn: (tx: FlowData) => Promise<T>): Promise<T>;
}
