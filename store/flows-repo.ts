import type { Kysely, Selectable } from 'kysely';
import type { FlowsRepo, FlowsTable, StoredFlowRecord } from './flow-types';
import type { Database } from './types';

const SCAN_LIMIT = 5000;

function toFlow(row: Selectable<FlowsTable>): StoredFlowRecord {
  return {
    key: row.key,
    kind: row.kind,
    state: JSON.parse(row.state) as unknown,
    rev: row.rev,
    timers: JSON.parse(row.timers) as StoredFlowRecord['timers'],
    tasks: JSON.parse(row.tasks) as StoredFlowRecord['tasks'],
    callIds: JSON.parse(row.call_ids) as string[],
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at,
  };
}

function toRow(f: StoredFlowRecord): FlowsTable {
  const owners = [...new Set(Object.values(f.tasks).map((t) => t.owner))].sort();
  return {
    key: f.key,
    kind: f.kind,
    state: JSON.stringify(f.state ?? null),
    rev: f.rev,
    timers: JSON.stringify(f.timers),
    tasks: JSON.stringify(f.tasks),
    task_owners: owners.length > 0 ? owners.join(' ') : null,
    call_ids: JSON.stringify(f.callIds),
    requested_by: f.requestedBy,
    created_at: f.createdAt,
    updated_at: f.updatedAt,
    done_at: f.doneAt,
  };
}

/** The flows table over one Kysely handle (the database or a transaction). */
export function createFlowsRepo(db: Kysely<Database>): FlowsRepo {
  return {
    async get(key) {
      const row = await db.selectFrom('flows').selectAll().where('key', '=', key).executeTakeFirst();
      return row && toFlow(row);
    },

    async insert(flow) {
      const result = await db
        .insertInto('flows')
        .values(toRow(flow))
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async save(flow, expectedRev) {
      const { key: _key, created_at: _created, ...columns } = toRow(flow);
      const result = await db
        .updateTable('flows')
        .set(columns)
        .where('key', '=', flow.key)
        .where('rev', '=', expectedRev)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async list(opts = {}) {
      let query = db.selectFrom('flows').selectAll().orderBy('created_at', 'desc').orderBy('key');
      if (opts.kind !== undefined) query = query.where('kind', '=', opts.kind);
      if (opts.requestedBy !== undefined) query = query.where('requested_by', '=', opts.requestedBy);
      if (opts.active) query = query.where('done_at', 'is', null);
      if (opts.limit !== undefined) query = query.limit(opts.limit);
      return (await query.execute()).map(toFlow);
    },

    async withTasksOutside(live, limit = 200) {
      const rows = await db
        .selectFrom('flows')
        .selectAll()
        .where('task_owners', 'is not', null)
        .orderBy('updated_at')
        // Busy flows are few (a task lasts seconds); the owners are compared here, not in SQL.
        .limit(SCAN_LIMIT)
        .execute();
      return rows
        .filter((r) => (r.task_owners ?? '').split(' ').some((owner) => !live.has(owner)))
        .slice(0, limit)
        .map(toFlow);
    },
  };
}
