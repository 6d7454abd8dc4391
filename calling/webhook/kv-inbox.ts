import { randomBytes } from 'node:crypto';
import type { KeyValue } from '../storage';
import type { CallInbox, InboundBatch } from '../types';

/** The kv namespace where verified, not yet processed batches wait. */
export const KV_INBOX_NAMESPACE = 'calls.inbox';

/**
 * A CallInbox that durably appends each verified batch to the store's kv area (`calls.inbox`, keyed by
 * arrival time) and does nothing else. It is the webhook's inbox until the call model provides the one
 * that processes batches; that one replaces it and can take over what waits here (readKvInbox).
 */
export function createKvInbox(kv: Pick<KeyValue, 'put'>): CallInbox {
  return {
    async accept(batch) {
      const key = `${batch.receivedAt}-${randomBytes(6).toString('hex')}`;
      // expectedVersion 0: a key collision must fail loudly rather than overwrite another batch.
      await kv.put<InboundBatch>(KV_INBOX_NAMESPACE, key, batch, { expectedVersion: 0 });
    },
  };
}

/** The batches waiting in the kv inbox, oldest first, with their keys. */
export async function readKvInbox(
  kv: Pick<KeyValue, 'list'>,
  limit = 1000,
): Promise<Array<{ key: string; batch: InboundBatch }>> {
  const entries = await kv.list<InboundBatch>(KV_INBOX_NAMESPACE, { limit });
  return entries
    .map((e) => ({ key: e.key, batch: e.value }))
    .sort((a, b) => a.batch.receivedAt - b.batch.receivedAt || a.key.localeCompare(b.key));
}
