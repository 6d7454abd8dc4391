// The CallInbox the webhook hands verified batches to: one durable append, then processing is kicked
// for each call in the batch without holding up the webhook's 202.
import type { CallData } from '../../store';
import type { CallInbox } from '../types';
import type { CallQueue } from './call-queue';
import { contentHash, toStored } from './stored-notification';

/** Creates the inbox over the store's call_inbox table and the per-call queue. */
export function createCallInbox(data: CallData, queue: Pick<CallQueue, 'kick'>): CallInbox {
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
      await data.inbox.append(rows);
      const calls = [...new Set(rows.map((r) => r.callId))];
      setImmediate(() => {
        for (const id of calls) void queue.kick(id);
      });
    },
  };
}
