import { PostgresDialect } from 'kysely';
import type pg from 'pg';
import { loadPostgresDriver } from './drivers';
import type { StoreLogger } from './types';

const INT8_OID = 20;

// int8 columns hold epoch milliseconds and counters, all far below 2^53, so numbers are exact.
// The parser is set on this pool only, not on pg's global type table.
function typeParsers(driver: typeof pg): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID && format !== 'binary'
        ? (value: string) => Number(value)
        : driver.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/** One pool for the whole process; idle-client errors are logged instead of crashing it. */
export function createPostgresDialect(url: string, logger: StoreLogger): PostgresDialect {
  const driver = loadPostgresDriver();
  const pool = new driver.Pool({ connectionString: url, max: 10, types: typeParsers(driver) });
  pool.on('error', (error) => logger.warn({ err: error }, 'idle PostgreSQL connection failed'));
  return new PostgresDialect({ pool });
}
