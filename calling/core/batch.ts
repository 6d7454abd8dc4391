// Work that many callers ask for at about the same time runs as one: a statement or a commit costs much
// the same for one row as for many, and on SQLite each is a transaction of its own, queued behind the
// others. The webhook's group commit (group-commit.ts) and the store's batched leases run on it.

/** Runs the items' statement; answers one result per item, in order. */
export type RunBatch<I, O> = (items: readonly I[]) => Promise<readonly O[]>;

export interface BatchOptions<I> {
  /** Most total size a run takes (unless one item alone is larger). */
  readonly maxSize: number;
  /** An item's share of maxSize (default 1). */
  readonly sizeOf?: (item: I) => number;
}

interface Waiting<I, O> {
  readonly item: I;
  readonly done: (result: O) => void;
  readonly failed: (err: unknown) => void;
}

/**
 * Returns `submit(item)`, which resolves with the item's result once a run holding it has finished, or
 * rejects with that run's error. One run is under way at a time: an idle batch runs at once, and what is
 * submitted meanwhile runs together next, in submission order. After a run the batch stays busy until the
 * event loop's next check phase: a SQLite statement completes without yielding to the loop, so only this
 * gathers the items submitted in one turn; it never delays an idle batch's first run.
 */
export function createStatementBatch<I, O>(run: RunBatch<I, O>, o: BatchOptions<I>): (item: I) => Promise<O> {
  const sizeOf = o.sizeOf ?? (() => 1);
  let queue: Array<Waiting<I, O>> = [];
  let busy = false;

  function takeGroup(): Array<Waiting<I, O>> {
    let size = 0;
    let count = 0;
    for (const w of queue) {
      const s = sizeOf(w.item);
      if (count > 0 && size + s > o.maxSize) break;
      size += s;
      count += 1;
    }
    const group = queue.slice(0, count);
    queue = queue.slice(count);
    return group;
  }

  function settled(): void {
    if (queue.length > 0) {
      start();
      return;
    }
    setImmediate(() => {
      if (queue.length > 0) start();
      else busy = false;
    });
  }

  // Never rejects: each submitter hears of its own item's fate.
  function start(): void {
    busy = true;
    const group = takeGroup();
    let ran: Promise<readonly O[]>;
    try {
      ran = run(group.map((w) => w.item));
    } catch (err) {
      ran = Promise.reject(err);
    }
    ran.then(
      (results) => {
        if (results.length === group.length) group.forEach((w, i) => w.done(results[i] as O));
        else {
          const err = new Error(`a batch of ${group.length} answered ${results.length} results`);
          for (const w of group) w.failed(err);
        }
        settled();
      },
      (err: unknown) => {
        for (const w of group) w.failed(err);
        settled();
      },
    );
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, done: resolve, failed: reject });
      if (!busy) start();
    });
}
