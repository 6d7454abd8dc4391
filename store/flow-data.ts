import type { Kysely } from 'kysely';
import { createCallInboxRepo } from './call-inbox-repo';
import { createCallOperationsRepo } from './call-operations-repo';
import { createCallTimelineRepo } from './call-timeline-repo';
import { createCallsRepo } from './calls-repo';
import { createFlowsRepo } from './flows-repo';
import { createJobs } from './jobs';
import type { FlowData } from '../calling';
import type { Database, Store, StoreKind } from './types';

function bind(db: Kysely<Database>, kind: StoreKind): FlowData {
  return {
    calls: createCallsRepo(db),
    inbox: createCallInboxRepo(db),
    operations: createCallOperationsRepo(db),
    timeline: createCallTimelineRepo(db),
    flows: createFlowsRepo(db),
    jobs: createJobs(db, kind),
    // Already inside a transaction: run in it (Kysely transactions do not nest).
    transaction: (fn) =>
      db.isTransaction ? fn(bind(db, kind)) : db.transaction().execute((trx) => fn(bind(trx, kind))),
  };
}

/** The flow runtime's repositories (flows, jobs, and the calling core's) on an open store. */
export function createFlowData(store: Pick<Store, 'db' | 'kind'>): FlowData {
  return bind(store.db, store.kind);
}
