import type { Kysely, Selectable, Updateable } from 'kysely';
import type { FlowsTable } from './flow-tables';
import type { FlowsRepo, StoredFlowRecord } from '../calling';
import { placeholder, placeholders, prepare, preparedByShape } from './prepared-query';
import type { Database } from './types';

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
  // Whose work the flow waits for: a dead owner's tasks are lost and its timers must be armed elsewhere.
  const owners = [
    ...new Set([
      ...Object.values(f.tasks).map((t) => t.owner),
      ...Object.values(f.timers).flatMap((t) => (t.owner === undefined ? [] : [t.owner])),
    ]),
  ].sort();
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

// A flow step reads and saves its flow on every event: built once, run with new values.
const getQuery = preparedByShape<[string]>((db) => {
  const key = placeholder('key');
  return prepare(db.selectFrom('flows').selectAll().where('key', '=', key).compile(), [key] as [string]);
});

const SAVED_COLUMNS = [
  'kind',
  'state',
  'rev',
  'timers',
  'tasks',
  'task_owners',
  'call_ids',
  'requested_by',
  'updated_at',
  'done_at',
] as const satisfies ReadonlyArray<keyof FlowsTable>;

const saveQuery = preparedByShape<unknown[]>((db) => {
  const values = placeholders(SAVED_COLUMNS.length, 'column');
  const [key, rev] = [placeholder('key'), placeholder('rev')];
  const set = Object.fromEntries(SAVED_COLUMNS.map((c, i) => [c, values[i]])) as Updateable<FlowsTable>;
  const compiled = db
    .updateTable('flows')
    .set(set)
    .where('key', '=', key)
    .where('rev', '=', rev as unknown as number)
    .compile();
  return prepare<unknown[]>(compiled, [...values, key, rev]);
});

/** The flows table over one Kysely handle (the database or a transaction). */
export function createFlowsRepo(db: Kysely<Database>): FlowsRepo {
  return {
    async get(key) {
      const { rows } = await db.executeQuery<Selectable<FlowsTable>>(getQuery(db, '')(key));
      return rows[0] && toFlow(rows[0]);
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
      const row = toRow(flow);
      const query = saveQuery(db, '')(...SAVED_COLUMNS.map((c) => row[c]), flow.key, expectedRev);
      const result = await db.executeQuery(query);
      return Number(result.numAffectedRows ?? 0) > 0;
    },

    async list(opts = {}) {
      let query = db.selectFrom('flows').selectAll().orderBy('created_at', 'desc').orderBy('key');
      if (opts.kind !== undefined) query = query.where('kind', '=', opts.kind);
      if (opts.requestedBy !== undefined) query = query.where('requested_by', '=', opts.requestedBy);
      if (opts.active) query = query.where('done_at', 'is', null);
      if (opts.limit !== undefined) query = query.limit(opts.limit);
      return (await query.execute()).map(toFlow);
    },

    async withWorkOutside(live, limit = 200) {
      // The sets of owners are few (instances are few); only flows with a dead owner are read.
      const sets = await db
        .selectFrom('flows')
        .select('task_owners')
        .distinct()
        .where('task_owners', 'is not', null)
        .where('done_at', 'is', null)
        .execute();
      const lost = sets
        .map((r) => r.task_owners ?? '')
        .filter((owners) => owners.split(' ').some((owner) => !live.has(owner)));
      if (lost.length === 0) return [];
      const rows = await db
        .selectFrom('flows')
        .selectAll()
        .where('task_owners', 'in', lost)
        .where('done_at', 'is', null)
        .orderBy('updated_at')
        .limit(limit)
        .execute();
      return rows.map(toFlow);
    },
  };
}
