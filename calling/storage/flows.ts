// The flow runtime's records: flows, the instances that run them, and the repositories bound together in
// one transaction (the store implements them in flows-repo.ts and flow-data.ts).
import type { CallData } from './call-data';
import type { Jobs } from './jobs';

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

/** A flow as storage keeps it. */
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

/** The processes sharing the storage, as the flow runtime sees them; this one is `id`. */
export interface Instances {
  /** This process's instance (recorded on the leases it takes and the tasks it runs). */
  readonly id: string;
  /** The instances alive now, this one included: work owned by any other is taken over. */
  live(): Promise<Set<string>>;
}

/** The calling core's repositories plus flows and jobs, bound to one handle (or one transaction). */
export interface FlowData extends Omit<CallData, 'transaction'> {
  readonly flows: FlowsRepo;
  readonly jobs: Jobs;
  transaction<T>(fn: (tx: FlowData) => Promise<T>): Promise<T>;
}
