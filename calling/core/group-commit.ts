// Group commit for the webhook's durable append. A commit costs much the same for one row as for many,
// so under a burst the rows of requests that arrive while one commit is under way go together in the next.
import { createStatementBatch } from './batch';

/** Writes items durably; resolves once they are committed. */
export type WriteAll<T> = (items: T[]) => Promise<unknown>;

/**
 * Returns `submit(items)`, which resolves once a transaction holding `items` has committed, or rejects
 * with that transaction's error. One write is under way at a time: an idle writer writes at once, and
 * what is submitted meanwhile is written together next, in submission order (at most `maxItems` a write,
 * unless one submission alone is larger); batch.ts says why a writer stays busy until the next check
 * phase.
 */
export function createGroupCommit<T>(
  write: WriteAll<T>,
  maxItems: number,
): (items: readonly T[]) => Promise<void> {
  return createStatementBatch<readonly T[], void>(
    async (submissions) => {
      await write(submissions.flat());
      return submissions.map(() => undefined);
    },
    { maxSize: maxItems, sizeOf: (items) => items.length },
  );
}
