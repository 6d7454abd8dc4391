import { PostgresDialect } from 'kysely';
import pg from 'pg';
import type { StoreLogger } from './types';

const INT8_OID = 20;

// int8 columns hold epoch milliseconds and counters, all far below 2^53, so numbers are exact.
// The parser is set on this pool only, not on pg's global type table.
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** One pool for the whole process; idle-client errors are logged instead of crashing it. */
export function createPostgresDialect(url: string, logger: StoreLogger): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: typeParsers });
  pool.on('error', (error) => logger.warn({ err: error }, 'idle PostgreSQL connection failed'));
  return new PostgresDialect({ pool });
}
