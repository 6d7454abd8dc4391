// The flow runtime's tables (migration 0006) and how the store keeps track of its instances: the row
// shapes Kysely sees, and the heartbeat behind calling's Instances.
import type { Instances } from '../calling';

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

/** The processes sharing the database, by heartbeat; this one is `id` (calling's Instances, and more). */
export interface StoreInstances extends Instances {
  /** How long an instance may go without a heartbeat before it counts as dead. */
  readonly deadAfterMs: number;
  /**
   * Renews this instance's heartbeat (registering it again if its row went) and removes the rows of
   * instances that ran on this machine and whose process is gone.
   */
  beat(): Promise<void>;
  /** The periodic heartbeat: a beat, unless this instance has left (only an explicit `beat` rejoins). */
  renew(): Promise<void>;
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
