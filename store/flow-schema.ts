import type { Kysely } from 'kysely';

/**
 * The flow runtime's tables (migration 0006): one record per flow, the instances that run flows (their
 * heartbeats), the owning instance of each lease, the kind of each inbox row (a received notification
 * or a flow event) and the flow a call's events go to.
 */
export async function createFlowTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('flows')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('rev', 'bigint', (c) => c.notNull())
    .addColumn('timers', 'text', (c) => c.notNull())
    .addColumn('tasks', 'text', (c) => c.notNull())
    // The owners of the running tasks, space-separated (null: none), so the sweep reads only busy flows.
    .addColumn('task_owners', 'text')
    .addColumn('call_ids', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('flows_kind_idx')
    .on('flows')
    .columns(['kind', 'requested_by', 'created_at'])
    .execute();
  await db.schema.createIndex('flows_busy_idx').on('flows').column('task_owners').execute();

  await db.schema
    .createTable('instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('locks').addColumn('instance', 'text').execute();
  await db.schema
    .alterTable('call_inbox')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('notification'))
    .execute();
  await db.schema.alterTable('calls').addColumn('flow_key', 'text').execute();
}
