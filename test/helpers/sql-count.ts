// Counts the SQL statements and commits the app runs on SQLite while a piece of work happens, so tests
// can pin how much database work a hot path costs without timing anything. It wraps better-sqlite3's
// statements in this process: install it before the store is opened (statements are prepared once and
// cached), then bracket the work with start() and stop().
import Database from 'better-sqlite3';

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
}

const READ = /^\s*(select|pragma)\b/i;
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

let recording: SqlStatement[] | undefined;
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
}

/** Starts recording the statements run (installing the counter if needed). */
export function startCounting(): void {
  installSqlCounter();
  recording = [];
}

/** Stops recording and answers what ran since startCounting(). */
export function stopCounting(): SqlCount {
  const statements = recording ?? [];
  recording = undefined;
  const commits = statements.filter(
    (s) => /^\s*commit\b/i.test(s.sql) || (!s.inTransaction && !CONTROL.test(s.sql) && !READ.test(s.sql)),
  ).length;
  return { statements, queries: statements.filter((s) => !CONTROL.test(s.sql)).length, commits };
}

/** One line per statement, for a failure message or a report. */
export function describeCount(count: SqlCount): string {
  return count.statements
    .map((s) => `${s.inTransaction ? '  ' : ''}${s.sql.replace(/\s+/g, ' ').slice(0, 160)}`)
    .join('\n');
}
