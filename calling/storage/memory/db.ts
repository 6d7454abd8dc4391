// The in-memory tables the transactional repositories share, and their transactions. A transaction has
// the tables to itself (others wait for it, as SQLite's single writer makes them), and every write made
// in it is undone in reverse order if it throws, so it is all-or-nothing.

type Undo = () => void;

/** One table: rows by key; every write inside a transaction leaves a way to undo it. */
export class Table<K, V> {
  private readonly rows = new Map<K, V>();

  constructor(private readonly db: MemoryDb) {}

  get(key: K): V | undefined {
    return this.rows.get(key);
  }

  has(key: K): boolean {
    return this.rows.has(key);
  }

  values(): V[] {
    return [...this.rows.values()];
  }

  set(key: K, row: V): void {
    const had = this.rows.has(key);
    const before = this.rows.get(key);
    this.db.record(() => {
      if (had) this.rows.set(key, before as V);
      else this.rows.delete(key);
    });
    this.rows.set(key, row);
  }

  delete(key: K): boolean {
    if (!this.rows.has(key)) return false;
    const before = this.rows.get(key) as V;
    this.db.record(() => this.rows.set(key, before));
    return this.rows.delete(key);
  }

  clear(): void {
    for (const key of [...this.rows.keys()]) this.delete(key);
  }
}

/** Runs a repository's work either now (inside a transaction) or once no transaction is open. */
export type Exec = <T>(work: () => T) => Promise<T>;

export class MemoryDb {
  private undo: Undo[] | undefined;
  private open: Promise<void> | undefined;

  /** Adds the way back from a write to the open transaction's log (outside one, a write is final). */
  record(undo: Undo): void {
    this.undo?.push(undo);
  }

  /** Work outside a transaction: waits until none is open, so it never sees nor mixes with one's writes. */
  readonly outside: Exec = async (work) => {
    while (this.open) await this.open;
    return work();
  };

  /** Work inside the open transaction: it already has the tables. */
  readonly inside: Exec = async (work) => work();

  /** Runs fn alone over the tables; if it throws, every write it made is undone and the error goes on. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    while (this.open) await this.open;
    let done!: () => void;
    this.open = new Promise<void>((resolve) => (done = resolve));
    const log: Undo[] = [];
    this.undo = log;
    try {
      return await fn();
    } catch (err) {
      for (const undo of log.reverse()) undo();
      throw err;
    } finally {
      this.undo = undefined;
      this.open = undefined;
      done();
    }
  }
}
