// The storage the calling module runs on, as one handle. The calling module defines it and never imports
// an implementation: the app's store (SQLite and PostgreSQL, `store/`) implements it, and the composition
// root hands it in as the `store` option of each service.
import type { CallData } from './call-data';
import type { FlowData, Instances } from './flows';
import type { Jobs } from './jobs';
import type { KeyValue } from './kv';
import type { Locks } from './locks';
import type { MeetingRecords } from './meetings';
import type { QueueStore } from './queues';
import type { CallRecordSummaries } from './records';

/** How to rewrite the JSON a call's rows keep, so that something can be erased after the fact. */
export interface CallJsonRewrite {
  /** Only rows whose JSON text contains one of these strings are read (then checked). */
  readonly mentioning: readonly string[];
  /** The new JSON text of a row, or undefined to leave it as it is. */
  rewrite(text: string): string | undefined;
}

/** Everything the calling core, its flows, meetings and call records keep. */
export interface CallingStorage {
  readonly kv: KeyValue;
  readonly locks: Locks;
  readonly jobs: Jobs;
  /** This process and the others sharing the storage (who owns a flow's tasks and timers). */
  readonly instances: Instances;
  /** The calling core's calls, inbox, operations and timeline (calling/core). */
  readonly callData: CallData;
  /** The same repositories plus flows and jobs, for the flow runtime (calling/flows/runtime). */
  readonly flowData: FlowData;
  /** Graph call records, summarised (calling/records). */
  readonly callRecords: CallRecordSummaries;
  /** The meetings Switchboard created (calling/meetings). */
  readonly meetings: MeetingRecords;
  /** The call queues: waiting callers, agents and ring attempts (calling/flows/queue). */
  readonly queues: QueueStore;
  /**
   * Applies `how` to every matching JSON value of the call's operations, inbox and timeline in one
   * transaction, leaving no copy of the old text in storage; answers how many rows changed.
   */
  rewriteCallJson(callId: string, how: CallJsonRewrite): Promise<number>;
}
