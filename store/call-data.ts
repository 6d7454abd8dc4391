import type { Kysely } from 'kysely';
import { createCallInboxRepo } from './call-inbox-repo';
import { createCallOperationsRepo } from './call-operations-repo';
import { createCallTimelineRepo } from './call-timeline-repo';
import { createCallsRepo } from './calls-repo';
import type { CallData } from '../calling';
import type { Database, Store } from './types';

function bind(db: Kysely<Database>): CallData {
  return {
    calls: createCallsRepo(db),
    inbox: createCallInboxRepo(db),
    operations: createCallOperationsRepo(db),
    timeline: createCallTimelineRepo(db),
    // Already inside a transaction: run in it (Kysely transactions do not nest).
    transaction: (fn) => (db.isTransaction ? fn(bind(db)) : db.transaction().execute((trx) => fn(bind(trx)))),
  };
}

/** The calling core's repositories (calls, inbox, operations, timeline) on an open store. */
export function createCallData(store: Pick<Store, 'db'>): CallData {
  return bind(store.db);
}
