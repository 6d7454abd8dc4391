import { Kysely, sql } from 'kysely';
import { callingRepositories } from './calling-storage';
import { StoreConfigError } from './errors';
import { createJobs } from './jobs';
import { createInstances, DEFAULT_HEARTBEAT_MS } from './instances';
import { createKeyValue } from './key-value';
import { createLocks } from './locks';
import { migrateToLatest } from './migrations';
import { createPostgresDialect } from './postgres-dialect';
import { createSqliteDialect, inMigrationTurn } from './sqlite-dialect';
import type { Database, Store, StoreKind, StoreLogger, StoreOptions } from './types';

const SILENT: StoreLogger = { info: () => undefined, warn: () => undefined };

function chooseKind(databaseUrl: string | undefined): StoreKind {
  if (!databaseUrl) return 'sqlite';
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return 'postgres';
  // Fail closed: a typo must not silently fall back to a local file.
  throw new StoreConfigError(
    `DATABASE_URL must start with postgres:// or postgresql:// (got "${databaseUrl.split(':')[0]}:..."); ` +
      'leave it empty to use the embedded SQLite file.',
  );
}

/** Opens the configured database, runs pending migrations and returns the store. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const logger = opts.logger ?? SILENT;
  const kind = chooseKind(opts.databaseUrl);
  let db: Kysely<Database>;
  let migrate: () => Promise<unknown>;
  let stopHelpers = async (): Promise<void> => undefined;
  if (kind === 'postgres') {
    db = new Kysely<Database>({ dialect: createPostgresDialect(opts.databaseUrl ?? '', logger) });
    migrate = () => migrateToLatest(db, logger);
  } else {
    const sqlite = await createSqliteDialect(opts.sqlitePath, logger);
    stopHelpers = sqlite.stop;
    db = new Kysely<Database>({ dialect: sqlite.dialect });
    migrate = () => inMigrationTurn(opts.sqlitePath, () => migrateToLatest(db, logger, sqlite.sink));
  }

  try {
    await migrate();
  } catch (error) {
    await stopHelpers();
    await db.destroy();
    throw error;
  }
  // The heartbeat is registered before anything can take a lease in this instance's name.
  const instances = createInstances(db, opts.liveness);
  try {
    await instances.beat();
  } catch (error) {
    await stopHelpers();
    await db.destroy();
    throw error;
  }
  const heartbeat = setInterval(() => {
    instances.renew().catch((err: unknown) => logger.warn({ err }, 'renewing the instance heartbeat failed'));
  }, opts.liveness?.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();
  logger.info(kind === 'sqlite' ? { kind, path: opts.sqlitePath } : { kind }, 'store open');

  let closing: Promise<void> | undefined;
  const locks = createLocks(db, logger, instances);
  return {
    kind,
    db,
    kv: createKeyValue(db),
    locks,
    jobs: createJobs(db, kind),
    instances,
    ...callingRepositories(db, kind, locks),
    async ping() {
      await sql`select 1`.execute(db);
    },
    close() {
      closing ??= (async () => {
        clearInterval(heartbeat);
        // A clean stop: whatever this instance held is taken over at once rather than after deadAfterMs.
        await instances
          .leave()
          .catch((err: unknown) => logger.warn({ err }, 'could not remove the instance row'));
        await stopHelpers();
        await db.destroy();
      })();
      return closing;
    },
  };
}
