export { openStore } from './open-store';
/** Where the app keeps its SQLite file when DATABASE_URL is not set. */
export const DEFAULT_SQLITE_PATH = './data/switchboard.db';
export { createBotStorage } from './bot-storage';
export { createJobPoller, type JobPoller, type JobPollerOptions } from './job-poller';
export { createCallData } from './call-data';
export { migrationNames } from './migrations';
export { StoreError, StoreConflictError, StoreLockTimeoutError, StoreConfigError } from './errors';
export type {
  CallData,
  CallInboxRepo,
  CallOperationsRepo,
  CallsRepo,
  CallTimelineRepo,
  ClaimedJob,
  ClaimOptions,
  Database,
  InboxRow,
  JobRow,
  Jobs,
  KeyValue,
  KvEntry,
  LockLease,
  LockOptions,
  Locks,
  NewInboxRow,
  NewJob,
  OperationSettlement,
  PutOptions,
  Store,
  StoreKind,
  StoreLogger,
  StoreOptions,
  StoredCall,
  StoredCallPatch,
  StoredOperation,
  StoredOperationStatus,
  TimelineEntry,
  TimelineKind,
} from './types';
