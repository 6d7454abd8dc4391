import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

// Kysely's SQLite driver prepares every query it runs. Preparing (parsing and planning the SQL) cost more
// than running the small statements the calling path issues per notification, so prepared statements are
// kept by their SQL text and reused. The bound keeps SQL built with varying shapes (IN lists of different
// lengths) from growing the cache without limit: the least recently used statement goes first.
const DEFAULT_CAPACITY = 512;

/** The better-sqlite3 database as Kysely's SqliteDialect sees it, with prepared statements reused. */
export function withStatementCache(
  database: BetterSqlite3.Database,
  capacity = DEFAULT_CAPACITY,
): SqliteDatabase & { cachedStatements(): number } {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt) {
        // Map keeps insertion order: moving the entry to the end makes the first key the coldest.
        cache.delete(sql);
      } else {
        stmt = database.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt as unknown as SqliteStatement;
    },
    close() {
      cache.clear();
      database.close();
    },
    cachedStatements: () => cache.size,
  };
}
