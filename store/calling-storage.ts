// The calling module's repositories on an open database: with kv, locks, jobs and instances, they make
// the store an implementation of calling's `CallingStorage` (calling/storage).
import type { Kysely } from 'kysely';
import type { CallingStorage } from '../calling';
import { createCallData } from './call-data';
import { rewriteCallJson } from './call-json-rewrite';
import { createFlowData } from './flow-data';
import { createMeetingRecords } from './meetings-repo';
import { createQueueStore } from './queues-repo';
import { createCallRecordSummaries } from './record-summaries-repo';
import type { Locks } from '../calling';
import type { Database, StoreKind } from './types';

/** The part of CallingStorage the store builds over its database (the rest are its kv, locks...). */
export type CallingRepositories = Omit<CallingStorage, 'kv' | 'locks' | 'jobs' | 'instances'>;

/** Binds each repository the calling module uses to `db` (the queues take their picking lock from `locks`). */
export function callingRepositories(
  db: Kysely<Database>,
  kind: StoreKind,
  locks: Locks,
): CallingRepositories {
  return {
    callData: createCallData({ db }),
    flowData: createFlowData({ db, kind }),
    callRecords: createCallRecordSummaries({ db }),
    meetings: createMeetingRecords({ db }),
    queues: createQueueStore({ db, locks }),
    rewriteCallJson: (callId, how) => rewriteCallJson({ db, kind }, callId, how),
  };
}
