export { openStore } from './open-store';
/** Where the app keeps its SQLite file when DATABASE_URL is not set. */
export const DEFAULT_SQLITE_PATH = './data/switchboard.db';
export { createBotStorage } from './bot-storage';
export { migrationNames } from './migrations';
export { StoreError, StoreConflictError, StoreLockTimeoutError, StoreConfigError } from './errors';
export type {
  ClaimedJob,
  ClaimOptions,
  Database,
  JobRow,
  Jobs,
  KeyValue,
  KvEntry,
  LockLease,
  LockOptions,
  Locks,
  NewJob,
  PutOptions,
  Store,
  StoreKind,
  StoreLogger,
  StoreOptions,
} from './types';
