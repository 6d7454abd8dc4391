// Group commit for the webhook's durable append. A commit costs much the same for one row as for many,
// so under a burst the rows of requests that arrive while one commit is under way go together in the next.

interface Waiting<T> {
  readonly items: readonly T[];
  readonly stored: () => void;
  readonly failed: (err: unknown) => void;
}

/** Writes items durably; resolves once they are committed. */
export type WriteAll<T> = (items: T[]) => Promise<unknown>;

/**
 * Returns `submit(items)`, which resolves once a transaction holding `items` has committed, or rejects
 * with that transaction's error. One write is under way at a time: an idle writer writes at once, and
 * what is submitted meanwhile is written together next, in submission order (at most `maxItems` a write,
 * unless one submission alone is larger). After a write, the writer stays busy until the event loop's
 * next check phase: with SQLite a write completes without yielding to the loop, so only this keeps the
 * requests read in one poll phase together; it never delays an idle writer's first write.
 */
export function createGroupCommit<T>(
  write: WriteAll<T>,
  maxItems: number,
): (items: readonly T[]) => Promise<void> {
  let queue: Array<Waiting<T>> = [];
  let busy = false;

  function takeGroup(): Array<Waiting<T>> {
    let size = 0;
    let count = 0;
    for (const w of queue) {
      if (count > 0 && size + w.items.length > maxItems) break;
      size += w.items.length;
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

  // Never rejects: each waiting submitter hears of its own items' fate.
  function start(): void {
    busy = true;
    const group = takeGroup();
    let written: Promise<unknown>;
    try {
      written = write(group.flatMap((w) => w.items));
    } catch (err) {
      written = Promise.reject(err);
    }
    written.then(
      () => {
        for (const w of group) w.stored();
        settled();
      },
      (err: unknown) => {
        for (const w of group) w.failed(err);
        settled();
      },
    );
  }

  return (items) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ items, stored: resolve, failed: reject });
      if (!busy) start();
    });
}
