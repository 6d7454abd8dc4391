// The database drivers are optional peer dependencies of the package: a PostgreSQL user need not build
// better-sqlite3 (a native module) and a SQLite user need not install pg. So neither is imported at the
// top of a module: each is loaded when its database is opened, and a missing one is named in the error.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type Pg from 'pg';
import { StoreConfigError } from './errors';

const requireHere = createRequire(__filename);

function load<T>(name: string, database: string): T {
  try {
    return requireHere(name) as T;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    // Only the driver itself missing: a driver that is there but fails to load (a native build for
    // another Node) keeps its own error.
    if (e.code === 'MODULE_NOT_FOUND' && e.message.includes(`'${name}'`)) {
      throw new StoreConfigError(
        `${database} needs the "${name}" package, which is not installed: run \`npm install ${name}\` ` +
          'in your project.',
      );
    }
    throw error;
  }
}

/** better-sqlite3, for a SQLite store. */
export function loadSqliteDriver(): typeof BetterSqlite3 {
  return load<typeof BetterSqlite3>('better-sqlite3', 'The SQLite store (DATABASE_URL unset)');
}

/** pg, for a PostgreSQL store. */
export function loadPostgresDriver(): typeof Pg {
  return load<typeof Pg>('pg', 'The PostgreSQL store (a postgres:// DATABASE_URL)');
}
