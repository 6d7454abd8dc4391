// The transactional tables of a memory storage (calls, inbox, operations, timeline, flows, jobs), and the
// handles that bind their repositories either to the tables or to one transaction over them.
import type { CallData, StoredCall } from '../call-data';
import type { FlowData, StoredFlowRecord } from '../flows';
import { createMemoryCalls } from './calls';
import { type Exec, MemoryDb, Table } from './db';
import { createMemoryFlows } from './flows';
import { createMemoryInbox, type InboxRecord } from './inbox';
import { createMemoryJobs, type JobRecord } from './jobs';
import { createMemoryOperations, type OperationRecord } from './operations';
import { createMemoryTimeline, type TimelineRecord } from './timeline';

export class CallTables {
  readonly db = new MemoryDb();
  readonly calls = new Table<string, StoredCall>(this.db);
  readonly inbox = new Table<number, InboxRecord>(this.db);
  readonly operations = new Table<string, OperationRecord>(this.db);
  readonly timeline = new Table<number, TimelineRecord>(this.db);
  readonly flows = new Table<string, StoredFlowRecord>(this.db);
  readonly jobs = new Table<string, JobRecord>(this.db);
  // Sequences, like the databases' own, are not given back by a rollback.
  private seq = 0;
  private lineId = 0;
  readonly nextSeq = () => ++this.seq;
  readonly nextLineId = () => ++this.lineId;
}

function bindFlowData(t: CallTables, exec: Exec): FlowData {
  const inTransaction = exec === t.db.inside;
  const data: FlowData = {
    calls: createMemoryCalls(t.calls, exec),
    inbox: createMemoryInbox(t.inbox, exec, t.nextSeq),
    operations: createMemoryOperations(t.operations, exec),
    timeline: createMemoryTimeline(t.timeline, exec, t.nextLineId),
    flows: createMemoryFlows(t.flows, exec),
    jobs: createMemoryJobs(t.jobs, exec),
    // Already inside a transaction: fn runs in it, and its writes stand or fall with it.
    transaction: (fn) =>
      inTransaction ? fn(data) : t.db.transaction(() => fn(bindFlowData(t, t.db.inside))),
  };
  return data;
}

/** The flow runtime's handle over the tables (flowData). */
export const memoryFlowData = (t: CallTables): FlowData => bindFlowData(t, t.db.outside);

/** The calling core's handle over the same tables (callData): FlowData is a CallData. */
export const memoryCallData = (t: CallTables): CallData => bindFlowData(t, t.db.outside);
