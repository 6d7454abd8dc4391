import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { openStore, type Database, type Store, type StoreOptions } from '../../../store';
import { startPostgres } from '../../helpers/postgres';
import type { TestPostgres } from '../../helpers/postgres';

/** A real database the store suites run against. */
export interface StoreTarget {
  readonly name: 'sqlite' | 'postgres';
  setUp(): Promise<void>;
  /** Options for the target's main database. */
  options(): StoreOptions;
  /** Options for another, empty database (a fresh file or a new PostgreSQL database). */
  fresh(name: string): Promise<StoreOptions>;
  /** Runs one SQL statement on a database of this target, outside the store. */
  exec(options: StoreOptions, statement: string): Promise<void>;
  /** Names of the tables in a database of this target, sorted. */
  tables(options: StoreOptions): Promise<string[]>;
  tearDown(): Promise<void>;
}

function sqliteTarget(): StoreTarget {
  let dir = '';
  return {
    name: 'sqlite',
    async setUp() {
      dir = mkdtempSync(path.join(tmpdir(), 'sb-store-'));
    },
    options: () => ({ sqlitePath: path.join(dir, 'main.db') }),
    fresh: async (name) => ({ sqlitePath: path.join(dir, `${name}.db`) }),
    async exec(options, statement) {
      const db = new BetterSqlite3(options.sqlitePath);
      db.exec(statement);
      db.close();
    },
    async tables(options) {
      const db = new BetterSqlite3(options.sqlitePath);
      const rows = db.prepare("select name from sqlite_master where type = 'table' order by name").all();
      db.close();
      return (rows as Array<{ name: string }>).map((r) => r.name);
    },
    async tearDown() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(options: StoreOptions, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function postgresTarget(): StoreTarget {
  let server: TestPostgres | undefined;
  const running = () => {
    if (!server) throw new Error('PostgreSQL target used before setUp()');
    return server;
  };
  // sqlitePath is required by StoreOptions but unused once a PostgreSQL URL is given.
  const unusedFile = path.join(tmpdir(), 'sb-store-unused', 'never-created.db');
  return {
    name: 'postgres',
    async setUp() {
      server = await startPostgres();
    },
    options: () => ({ databaseUrl: running().url, sqlitePath: unusedFile }),
    fresh: async (name) => ({ databaseUrl: await running().createDatabase(name), sqlitePath: unusedFile }),
    exec: async (options, statement) => {
      await withClient(options, (client) => client.query(statement));
    },
    tables: (options) =>
      withClient(options, async (client) => {
        const result = await client.query<{ name: string }>(
          "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
        );
        return result.rows.map((r) => r.name);
      }),
    async tearDown() {
      await server?.stop();
    },
  };
}

/** Both databases, SQLite first. */
export function storeTargets(): StoreTarget[] {
  return [sqliteTarget(), postgresTarget()];
}

/**
 * Opens the target's store before the suite, empties `tables` before each test and closes the store after
 * the suite; answers a getter for the open store.
 */
export function storeOnTarget(target: StoreTarget, tables: ReadonlyArray<keyof Database>): () => Store {
  let store: Store | undefined;
  before(async function () {
    this.timeout(60_000);
    await target.setUp();
    store = await openStore(target.options());
  });
  beforeEach(async () => {
    for (const t of tables) await store!.db.deleteFrom(t).execute();
  });
  after(async () => {
    await store?.close();
    await target.tearDown();
  });
  return () => store!;
}

/**
 * A store on a fresh SQLite file for each test, and a second Kysely handle on the same file that records
 * the SQL of every statement it runs (for repositories built over it).
 */
export function countedSqlite(): { store(): Store; counted(): Kysely<Database>; statements(): string[] } {
  let dir = '';
  let store: Store | undefined;
  let counted: Kysely<Database> | undefined;
  let statements: string[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-counted-'));
    const sqlitePath = path.join(dir, 'main.db');
    store = await openStore({ sqlitePath });
    statements = [];
    counted = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new BetterSqlite3(sqlitePath) }),
      log: (e) => void statements.push(e.query.sql),
    });
  });
  afterEach(async () => {
    await counted?.destroy();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { store: () => store!, counted: () => counted!, statements: () => statements };
}
