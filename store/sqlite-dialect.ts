import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteAdapter, SqliteDialect, sql } from 'kysely';
import type { DialectAdapter, Kysely } from 'kysely';
import type { MigrationFailureSink } from './migrations';

// Kysely's SQLite adapter takes no migration lock: it assumes one process. Several app processes may
// open the same file at once, so the migration runs inside BEGIN IMMEDIATE (the database-wide write
// lock; others wait on busy_timeout) and is rolled back as a whole if any step fails.
class ImmediateLockAdapter extends SqliteAdapter implements MigrationFailureSink {
  private failed = false;

  migrationFailed(): void {
    this.failed = true;
  }

  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    this.failed = false;
    await sql`begin immediate`.execute(db);
  }

  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    await (this.failed ? sql`rollback` : sql`commit`).execute(db);
  }
}

class LockingSqliteDialect extends SqliteDialect {
  readonly adapter = new ImmediateLockAdapter();

  override createAdapter(): DialectAdapter {
    return this.adapter;
  }
}

/** Opens (creating if needed) the SQLite file with WAL, a busy timeout and foreign keys. */
export function createSqliteDialect(file: string): { dialect: SqliteDialect; sink: MigrationFailureSink } {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new BetterSqlite3(file);
  // busy_timeout first: switching to WAL needs a brief lock another process may hold.
  database.pragma('busy_timeout = 5000');
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  const dialect = new LockingSqliteDialect({ database });
  return { dialect, sink: dialect.adapter };
}
