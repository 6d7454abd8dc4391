import { Migrator, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { addCallModelColumns, createCallTables } from './calls-schema';
import { moveLiveFlows } from './flow-move';
import { createFlowTables } from './flow-schema';
import { createMeetingTables } from './meeting-schema';
import { createQueueTables } from './queue-schema';
import { createSignInTable } from './queue-sign-ins';
import { createRecordTables } from './record-schema';
import { StoreConfigError } from './errors';
import type { Database, StoreLogger } from './types';

// Append-only: a released migration is never edited, a change is a new entry. Names sort in order.
// Types are chosen to mean the same on both databases: bigint is int8 on PostgreSQL and an
// INTEGER-affinity column on SQLite; JSON lives in text columns.
const MIGRATIONS: Record<string, Migration> = {
  '0001_kv_locks_jobs': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('kv')
        .addColumn('ns', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('kv_pk', ['ns', 'key'])
        .execute();
      await db.schema.createIndex('kv_expires_at_idx').on('kv').column('expires_at').execute();

      await db.schema
        .createTable('locks')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.unique())
        .addColumn('due_at', 'bigint', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_until', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_due_at_idx').on('jobs').column('due_at').execute();
    },
  },
  '0002_calls': {
    async up(db: Kysely<unknown>): Promise<void> {
      await createCallTables(db);
    },
  },
  '0003_call_records': {
    async up(db: Kysely<unknown>): Promise<void> {
      await createRecordTables(db);
    },
  },
  '0004_meetings': {
    async up(db: Kysely<unknown>): Promise<void> {
      await createMeetingTables(db);
    },
  },
  // Graph spells one id several ways; the rows keep the normalised id for matching and, beside it, the
  // spelling Graph used, which is what requests send back. Older rows have none (the id stands in).
  '0005_call_wire_ids': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('calls').addColumn('wire_id', 'text').execute();
      await db.schema.alterTable('call_operations').addColumn('wire_id', 'text').execute();
    },
  },
  '0006_flow_runtime': {
    async up(db: Kysely<unknown>): Promise<void> {
      await createFlowTables(db);
    },
  },
  '0007_call_model': {
    async up(db: Kysely<unknown>): Promise<void> {
      await addCallModelColumns(db);
    },
  },
  // Calls whose flow began before flows had keys: their events reach the flow runtime only through the
  // key (the flow outbox), so a live one is bound to its flow as `runtime.begin` binds a new one.
  '0008_flow_keys_of_live_calls': {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`update calls set flow_key = id where flow is not null and flow_key is null and ended_at is null`.execute(
        db,
      );
    },
  },
  // Flow positions leave the calls for the flows table: live calls' positions move there.
  '0009_flows_of_live_calls': {
    async up(db: Kysely<unknown>): Promise<void> {
      await moveLiveFlows(db);
    },
  },
  '0010_call_queues': {
    async up(db: Kysely<unknown>): Promise<void> {
      await createQueueTables(db);
    },
  },
  // Agents signed out of a queue are not offered its callers.
  '0012_queue_sign_ins': {
    async up(db: Kysely<unknown>): Promise<void> {
      await createSignInTable(db);
    },
  },
};

/** Lets a dialect learn that a migration failed, so it can roll back instead of commit. */
export interface MigrationFailureSink {
  migrationFailed(): void;
}

function providerFor(sink?: MigrationFailureSink): MigrationProvider {
  const wrapped: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    wrapped[name] = {
      async up(db: Kysely<unknown>): Promise<void> {
        try {
          await migration.up(db);
        } catch (error) {
          sink?.migrationFailed();
          throw error;
        }
      },
    };
  }
  return { getMigrations: async () => wrapped };
}

function describeCauses(error: Error): string {
  const inner = error instanceof AggregateError ? (error.errors as unknown[]) : [];
  return inner.map((e) => (e instanceof Error ? e.message : String(e))).join('; ') || 'no detail';
}

/** Brings the schema up to date; safe when several processes open the same database at once. */
export async function migrateToLatest(
  db: Kysely<Database>,
  logger: StoreLogger,
  sink?: MigrationFailureSink,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: providerFor(sink) });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error !== undefined) {
    const failed = (results ?? []).find((r) => r.status === 'Error')?.migrationName;
    // Connection failures to a host with several addresses arrive as an AggregateError with no message.
    const reason =
      error instanceof Error ? error.message || `${error.name} (${describeCauses(error)})` : String(error);
    throw new StoreConfigError(
      `${failed ? `Database migration "${failed}" failed and was rolled back` : 'Could not prepare the database'}: ` +
        `${reason}. Check that the database is reachable and that its user may create tables.`,
      { cause: error },
    );
  }
  if (applied.length > 0) logger.info({ migrations: applied }, 'store migrations applied');
  return applied;
}

/** Names of all migrations in code, oldest first. */
export function migrationNames(): string[] {
  return Object.keys(MIGRATIONS).sort();
}
