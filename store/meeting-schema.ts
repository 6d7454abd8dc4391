import type { Kysely } from 'kysely';

/** The meetings Switchboard created, looked up by id, by meeting chat, by conversation and by organizer. */
export async function createMeetingTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text')
    .addColumn('organizer_id', 'text', (c) => c.notNull())
    .addColumn('organizer_name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    .addColumn('end_at', 'bigint', (c) => c.notNull())
    .addColumn('join_url', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('created_via', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('join_meeting_id', 'text')
    .addColumn('passcode', 'text')
    .addColumn('last_change', 'text')
    .addColumn('attendance', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_thread_idx').on('meetings').column('thread_id').execute();
  await db.schema
    .createIndex('meetings_conversation_idx')
    .on('meetings')
    .columns(['conversation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('meetings_organizer_idx')
    .on('meetings')
    .columns(['organizer_id', 'created_at'])
    .execute();
}
