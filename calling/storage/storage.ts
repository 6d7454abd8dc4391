// The storage the calling module runs on, as one handle. The calling module defines it and never imports
// an implementation: the app's store (SQLite and PostgreSQL, `store/`) implements it, and the composition
// root hands it in as the `store` option of each service.
import type { CallData } from './call-data';
import type { Jobs } from './jobs';
import type { KeyValue } from './kv';
import type { Locks } from './locks';
import type { MeetingRecords } from './meetings';
import type { CallRecordSummaries } from './records';

/** Everything the calling core, its flows, meetings and call records keep. */
export interface CallingStorage {
  readonly kv: KeyValue;
  readonly locks: Locks;
  readonly jobs: Jobs;
  /** The calling core's calls, inbox, operations and timeline (calling/core). */
  readonly callData: CallData;
  /** Graph call records, summarised (calling/records). */
  readonly callRecords: CallRecordSummaries;
  /** The meetings Switchboard created (calling/meetings). */
  readonly meetings: MeetingRecords;
}
