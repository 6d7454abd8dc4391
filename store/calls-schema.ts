import { SqliteAdapter } from 'kysely';
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

// The only schema difference between the two databases: how an ever-growing sequence column is declared.
// SQLite's AUTOINCREMENT never reuses a number (plain INTEGER PRIMARY KEY may, after deletes); PostgreSQL
// uses an identity column. Both read back as JS numbers.
function sequenceColumn(db: Kysely<unknown>): {
  type: 'integer' | 'bigint';
  build: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
} {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    return { type: 'integer', build: (c) => c.primaryKey().autoIncrement() };
  }
  return { type: 'bigint', build: (c) => c.primaryKey().generatedByDefaultAsIdentity() };
}

/** Tables of the calling core: calls, their inbox of notifications, operations and timeline. */
export async function createCallTables(db: Kysely<unknown>): Promise<void> {
  const seq = sequenceColumn(db);

  await db.schema
    .createTable('calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('my_participant_id', 'text')
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('marks', 'text', (c) => c.notNull())
    .addColumn('flow', 'text')
    .addColumn('scenario_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_notified_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('end_code', 'integer')
    .addColumn('end_subcode', 'integer')
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema.createIndex('calls_state_idx').on('calls').columns(['state', 'updated_at']).execute();

  await db.schema
    .createTable('call_inbox')
    .addColumn('seq', seq.type, seq.build)
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('notification', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('call_inbox_pending_idx')
    .on('call_inbox')
    .columns(['processed_at', 'call_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('call_inbox_hash_idx')
    .on('call_inbox')
    .columns(['call_id', 'content_hash'])
    .execute();

  await db.schema
    .createTable('call_operations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('graph_id', 'text', (c) => c.unique())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('client_context', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result_info', 'text')
    .addColumn('resource', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('settled_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('call_operations_call_idx')
    .on('call_operations')
    .columns(['call_id', 'status'])
    .execute();

  await db.schema
    .createTable('call_timeline')
    .addColumn('id', seq.type, seq.build)
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .execute();
  await db.schema
    .createIndex('call_timeline_call_idx')
    .on('call_timeline')
    .columns(['call_id', 'id'])
    .execute();
}

/** The call model's columns (0007): the app's annotations of a call and the call's version. */
export async function addCallModelColumns(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  await db.schema.alterTable('calls').addColumn('meta', 'text').execute();
  await db.schema
    .alterTable('calls')
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}
