export { openStore } from './open-store';
/** Where the app keeps its SQLite file when DATABASE_URL is not set. */
export const DEFAULT_SQLITE_PATH = './data/switchboard.db';
export { createCallData } from './call-data';
export { createFlowData } from './flow-data';
export { rewriteCallJson } from './call-json-rewrite';
export { createCallRecordSummaries } from './record-summaries-repo';
export { createMeetingRecords } from './meetings-repo';
export { createQueueStore } from './queues-repo';
export { migrationNames } from './migrations';
export { StoreError, StoreConflictError, StoreLockTimeoutError, StoreConfigError } from './errors';
export type { Database, LivenessOptions, Store, StoreKind, StoreLogger, StoreOptions } from './types';
