// The storage interface of the calling module (see calling/README.md, "Storage").
export type { CallingStorage, CallJsonRewrite } from './storage';
export type { KeyValue, KvEntry, PutOptions } from './kv';
export { isLockTimeout, LOCK_TIMEOUT } from './locks';
export { createMemoryStorage, type MemoryStorageOptions } from './memory';
export { pickAgent, type PickInput } from './queue-pick';
export type { LeaseGroup, LockLease, LockOptions, Locks } from './locks';
export type { ClaimedJob, ClaimOptions, JobRow, Jobs, NewJob } from './jobs';
export { createJobPoller, type JobPoller, type JobPollerOptions } from './job-poller';
export type { CallRecordSummaries, CallRecordSummary, RecordPutResult } from './records';
export type {
  AttendanceEntry,
  MeetingAttendance,
  MeetingChange,
  MeetingPerson,
  MeetingRecords,
  StoredMeeting,
} from './meetings';
export type {
  CallData,
  CallInboxRepo,
  CallOperationsRepo,
  CallsRepo,
  CallTimelineRepo,
  InboxRow,
  InboxRowKind,
  NewInboxRow,
  OperationSettlement,
  StoredCall,
  StoredCallPatch,
  StoredOperation,
  StoredOperationStatus,
  TimelineEntry,
  TimelineKind,
} from './call-data';
export type { FlowData, FlowsRepo, FlowTask, FlowTimer, Instances, StoredFlowRecord } from './flows';
export type {
  AgentState,
  OfferOptions,
  PickPolicyName,
  QueueAgent,
  QueueEntry,
  QueueEntryStatus,
  QueueStore,
  RingOffer,
  RingOutcome,
} from './queues';
