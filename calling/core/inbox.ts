// The CallInbox the webhook hands verified batches to: a durable append, then processing is kicked
// for each call in the batch without holding up the webhook's 202.
import type { CallData, NewInboxRow } from '../storage';
import type { CallInbox } from '../types';
import type { CallQueue } from './call-queue';
import { createGroupCommit } from './group-commit';
import { contentHash, toStored } from './stored-notification';

// One commit never carries more rows than this; more waiting batches go in the next one.
const MAX_ROWS_PER_COMMIT = 500;

/**
 * Creates the inbox over the store's call_inbox table and the per-call queue. Batches accepted while an
 * append is under way are appended together in the next transaction (group commit): each caller still
 * hears back only once its own rows are committed, but a burst pays for a few commits, not one each.
 * Appends run one at a time, so rows keep their arrival order in the inbox's sequence.
 */
export function createCallInbox(data: CallData, queue: Pick<CallQueue, 'nudge'>): CallInbox {
  const append = createGroupCommit<NewInboxRow>((rows) => data.inbox.append(rows), MAX_ROWS_PER_COMMIT);
  return {
    async accept(batch) {
      const rows = batch.notifications
        .filter((n) => n.callId !== '')
        .map((n) => {
          const notification = toStored(n);
          return {
            callId: n.callId,
            tenantId: batch.tenantId,
            receivedAt: batch.receivedAt,
            notification,
            contentHash: contentHash(notification),
          };
        });
      if (rows.length === 0) return;
      await append(rows);
      const calls = [...new Set(rows.map((r) => r.callId))];
      setImmediate(() => {
        for (const id of calls) queue.nudge(id);
      });
    },
  };
}
