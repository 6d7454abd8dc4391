import type { Kysely } from 'kysely';

/** Call-record summaries and who took part in each (one row per record and user, for per-user lookups). */
export async function createRecordTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('modalities', 'text', (c) => c.notNull())
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('organizer_id', 'text')
    .addColumn('participant_ids', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_records_start_idx').on('call_records').column('start_at').execute();

  await db.schema
    .createTable('call_record_people')
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('call_record_people_pk', ['record_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('call_record_people_user_idx')
    .on('call_record_people')
    .columns(['user_id', 'start_at'])
    .execute();
}
