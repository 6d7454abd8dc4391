// The calling module's repositories on an open database: with kv, locks and jobs, they make the store
// an implementation of calling's `CallingStorage` (calling/storage).
import type { Kysely } from 'kysely';
import type { CallingStorage } from '../calling';
import { createCallData } from './call-data';
import { createMeetingRecords } from './meetings-repo';
import { createCallRecordSummaries } from './record-summaries-repo';
import type { Database } from './types';

/** Binds each repository the calling module uses to `db`. */
export function callingRepositories(
  db: Kysely<Database>,
): Pick<CallingStorage, 'callData' | 'callRecords' | 'meetings'> {
  return {
    callData: createCallData({ db }),
    callRecords: createCallRecordSummaries({ db }),
    meetings: createMeetingRecords({ db }),
  };
}
