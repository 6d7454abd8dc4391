import type { Kysely } from 'kysely';

/** The call queues' tables (migration 0010): entries in arrival order, agents, ring attempts. Safe to run
 * again (a database rewound to an earlier migration by a test, or a retried upgrade). */
export async function createQueueTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('queue_entries')
    .ifNotExists()
    .addColumn('call_id', 'text', (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('caller', 'text')
    .addColumn('arrived_at', 'bigint', (c) => c.notNull())
    .addColumn('queued_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('attempt_id', 'text')
    .execute();
  await db.schema
    .createIndex('queue_entries_order_idx')
    .ifNotExists()
    .on('queue_entries')
    .columns(['queue', 'queued_at', 'call_id'])
    .execute();

  await db.schema
    .createTable('queue_agents')
    .ifNotExists()
    .addColumn('agent_id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text')
    .addColumn('idle_since', 'bigint', (c) => c.notNull())
    .addColumn('busy_since', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('queues')
    .ifNotExists()
    .addColumn('queue', 'text', (c) => c.primaryKey())
    .addColumn('last_agent', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('queue_ring_attempts')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('outcome', 'text')
    .addColumn('waited_ms', 'bigint')
    .addColumn('handled_ms', 'bigint')
    .execute();
  await db.schema
    .createIndex('queue_ring_attempts_call_idx')
    .ifNotExists()
    .on('queue_ring_attempts')
    .columns(['call_id', 'agent_id'])
    .execute();
  await db.schema
    .createIndex('queue_ring_attempts_queue_idx')
    .ifNotExists()
    .on('queue_ring_attempts')
    .columns(['queue', 'outcome', 'ended_at'])
    .execute();
}
