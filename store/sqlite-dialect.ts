import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { SqliteAdapter, SqliteDialect, sql } from 'kysely';
import type { DialectAdapter, Kysely } from 'kysely';
import { loadSqliteDriver } from './drivers';
import { StoreConfigError } from './errors';
import type { MigrationFailureSink } from './migrations';
import { startCheckpointer } from './checkpointer';
import { withStatementCache } from './statement-cache';
import type { StoreLogger } from './types';

// Kysely's SQLite adapter takes no migration lock: it assumes one process. Several app processes may
// open the same file at once, so the migration runs inside BEGIN IMMEDIATE (the database-wide write
// lock; others wait on busy_timeout) and is rolled back as a whole if any step fails.
class ImmediateLockAdapter extends SqliteAdapter implements MigrationFailureSink {
  private failed = false;
  private open = false;

  migrationFailed(): void {
    this.failed = true;
  }

  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    this.failed = false;
    await sql`begin immediate`.execute(db);
    this.open = true;
  }

  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    // Kysely releases even when acquiring failed (busy timeout); the real error must surface then.
    if (!this.open) return;
    this.open = false;
    await (this.failed ? sql`rollback` : sql`commit`).execute(db);
  }
}

class LockingSqliteDialect extends SqliteDialect {
  readonly adapter = new ImmediateLockAdapter();

  override createAdapter(): DialectAdapter {
    return this.adapter;
  }
}

const BUSY_TIMEOUT_MS = 5000;

// Switching a new file to WAL needs an exclusive lock, and SQLite reports SQLITE_BUSY for it at once
// instead of calling the busy handler when another process is opening the same file; so retry here.
async function enableWal(
  driver: typeof BetterSqlite3,
  database: BetterSqlite3.Database,
  file: string,
): Promise<void> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      const mode = database.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal' && file !== ':memory:') {
        throw new StoreConfigError(
          `SQLite file ${file} refused WAL mode (got ${String(mode)}); use a local disk.`,
        );
      }
      return;
    } catch (error) {
      const busy = error instanceof driver.SqliteError && error.code.startsWith('SQLITE_BUSY');
      if (!busy || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
    }
  }
}

/**
 * Opens (creating if needed) the SQLite file with WAL, a busy timeout and foreign keys; a file's
 * checkpoints run in a worker thread. `stop` ends that worker: call it before the dialect is destroyed.
 */
export async function createSqliteDialect(
  file: string,
  logger: StoreLogger,
): Promise<{ dialect: SqliteDialect; sink: MigrationFailureSink; stop: () => Promise<void> }> {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const driver = loadSqliteDriver();
  const database = new driver(file);
  try {
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    await enableWal(driver, database, file);
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database.close();
    throw error;
  }
  const checkpointer = file === ':memory:' ? undefined : startCheckpointer(database, file, logger);
  const dialect = new LockingSqliteDialect({ database: withStatementCache(database) });
  return { dialect, sink: dialect.adapter, stop: async () => checkpointer?.stop() };
}

const migrationTurns = new Map<string, Promise<unknown>>();

/**
 * Runs fn after any other migration of the same file in this process. better-sqlite3 blocks the
 * thread while it waits for a lock, so a second connection in the same process waiting on the first
 * one's BEGIN IMMEDIATE would stall the very event loop that has to commit it.
 */
export function inMigrationTurn<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const id = file === ':memory:' ? `:memory:${Math.random()}` : path.resolve(file);
  const previous = migrationTurns.get(id) ?? Promise.resolve();
  const mine = previous.then(fn);
  // The next migration waits for this one whatever its outcome; the outcome goes to the caller.
  const forget = (): void => {
    if (migrationTurns.get(id) === settled) migrationTurns.delete(id);
  };
  const settled: Promise<void> = mine.then(forget, forget);
  migrationTurns.set(id, settled);
  return mine;
}
