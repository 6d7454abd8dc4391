// Counts the SQL statements and commits the app runs on SQLite while a piece of work happens, so tests
// can pin how much database work a hot path costs without timing anything. It wraps better-sqlite3's
// statements in this process: install it before the store is opened (statements are prepared once and
// cached), then bracket the work with start() and stop(). It also counts the queries Kysely built (its
// query compiler ran) rather than ran precompiled, since building one can cost more than running it.
import Database from 'better-sqlite3';
import { DefaultQueryCompiler } from 'kysely';

export interface SqlStatement {
  readonly sql: string;
  /** Whether the statement answers rows (a select, or a write with `returning`). */
  readonly reader: boolean;
  /** Whether it ran inside an explicit transaction. */
  readonly inTransaction: boolean;
}

export interface SqlCount {
  /** Every statement run, in order, `begin` and `commit` included. */
  readonly statements: readonly SqlStatement[];
  /** Statements other than transaction control. */
  readonly queries: number;
  /** Commits: explicit ones, and writes that ran alone (SQLite commits each of those on its own). */
  readonly commits: number;
  /** The SQL of each query Kysely built (compiled) meanwhile, in order. */
  readonly built: readonly string[];
}

const READ = /^\s*(select|pragma)\b/i;
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

let recording: SqlStatement[] | undefined;
let building: string[] | undefined;
let installed = false;

type Runner = (...args: unknown[]) => unknown;
interface StatementLike {
  readonly reader: boolean;
  readonly database: { readonly inTransaction: boolean };
  [method: string]: unknown;
}

/** Wraps every statement prepared from now on in this process (once; harmless while not counting). */
export function installSqlCounter(): void {
  if (installed) return;
  installed = true;
  const proto = Database.prototype as unknown as { prepare(sql: string): StatementLike };
  const prepare = proto.prepare;
  proto.prepare = function (this: unknown, sql: string) {
    const stmt = prepare.call(this, sql);
    for (const method of ['run', 'all', 'get', 'iterate']) {
      const inner = stmt[method] as Runner;
      stmt[method] = (...args: unknown[]) => {
        recording?.push({ sql, reader: stmt.reader, inTransaction: stmt.database.inTransaction });
        return inner.apply(stmt, args);
      };
    }
    return stmt;
  };
  const compiler = DefaultQueryCompiler.prototype as unknown as {
    compileQuery(this: unknown, ...args: unknown[]): { sql: string };
  };
  const compile = compiler.compileQuery;
  compiler.compileQuery = function (this: unknown, ...args: unknown[]) {
    const compiled = compile.apply(this, args);
    building?.push(compiled.sql);
    return compiled;
  };
}

/** Starts recording the statements run (installing the counter if needed). */
export function startCounting(): void {
  installSqlCounter();
  recording = [];
  building = [];
}

/** Stops recording and answers what ran since startCounting(). */
export function stopCounting(): SqlCount {
  const statements = recording ?? [];
  const built = building ?? [];
  recording = undefined;
  building = undefined;
  const commits = statements.filter(
    (s) => /^\s*commit\b/i.test(s.sql) || (!s.inTransaction && !CONTROL.test(s.sql) && !READ.test(s.sql)),
  ).length;
  const queries = statements.filter((s) => !CONTROL.test(s.sql)).length;
  return { statements, queries, commits, built };
}

const line = (sql: string): string => sql.replace(/\s+/g, ' ').slice(0, 160);

/** One line per statement, then the queries Kysely built, for a failure message or a report. */
export function describeCount(count: SqlCount): string {
  return [
    ...count.statements.map((s) => `${s.inTransaction ? '  ' : ''}${line(s.sql)}`),
    `built by Kysely (${count.built.length}):`,
    ...count.built.map((sql) => `  ${line(sql)}`),
  ].join('\n');
}
