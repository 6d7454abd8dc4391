// The calling module's repositories on an open database: with kv, locks and jobs, they make the store
// an implementation of calling's `CallingStorage` (calling/storage).
import type { Kysely } from 'kysely';
import type { CallingStorage } from '../calling';
import { createMeetingRecords } from './meetings-repo';
import { createCallRecordSummaries } from './record-summaries-repo';
import type { Database } from './types';

/** Binds each repository the calling module uses to `db`. */
export function callingRepositories(db: Kysely<Database>): Pick<CallingStorage, 'callRecords' | 'meetings'> {
  return {
    callRecords: createCallRecordSummaries({ db }),
    meetings: createMeetingRecords({ db }),
  };
}
