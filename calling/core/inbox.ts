// The CallInbox the webhook hands verified batches to: a durable append, then processing is kicked
// for each call in the batch without holding up the webhook's 202.
import type { CallData, NewInboxRow } from '../../store';
import type { CallInbox } from '../types';
import type { CallQueue } from './call-queue';
import { contentHash, toStored } from './stored-notification';

// One commit never carries more rows than this; more waiting batches go in the next one.
const MAX_ROWS_PER_COMMIT = 500;

interface Waiting {
  readonly rows: NewInboxRow[];
  readonly stored: () => void;
  readonly failed: (err: unknown) => void;
}

/**
 * Creates the inbox over the store's call_inbox table and the per-call queue. Batches accepted in the same
 * turn of the event loop (requests that arrived together) are appended in one transaction: each caller
 * still hears back only once its own rows are committed, but a burst pays for one commit, not one each.
 */
export function createCallInbox(data: CallData, queue: Pick<CallQueue, 'nudge'>): CallInbox {
  let waiting: Waiting[] = [];
  let scheduled = false;

  // Never rejects: each waiting caller hears of its own rows' fate.
  function commit(group: Waiting[]): void {
    data.inbox.append(group.flatMap((w) => w.rows)).then(
      () => {
        for (const w of group) w.stored();
      },
      (err: unknown) => {
        for (const w of group) w.failed(err);
      },
    );
  }

  function flush(): void {
    scheduled = false;
    const all = waiting;
    waiting = [];
    let group: Waiting[] = [];
    let size = 0;
    for (const w of all) {
      if (size > 0 && size + w.rows.length > MAX_ROWS_PER_COMMIT) {
        commit(group);
        group = [];
        size = 0;
      }
      group.push(w);
      size += w.rows.length;
    }
    if (group.length > 0) commit(group);
  }

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
      await new Promise<void>((resolve, reject) => {
        waiting.push({ rows, stored: resolve, failed: reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
      const calls = [...new Set(rows.map((r) => r.callId))];
      setImmediate(() => {
        for (const id of calls) queue.nudge(id);
      });
    },
  };
}
