import type { Kysely, Selectable } from 'kysely';
import type { CallInboxRepo, CallInboxTable, Database, InboxRow } from './types';

function toRow(row: Selectable<CallInboxTable>): InboxRow {
  return {
    seq: row.seq,
    callId: row.call_id,
    tenantId: row.tenant_id,
    receivedAt: row.received_at,
    notification: JSON.parse(row.notification) as unknown,
    contentHash: row.content_hash,
    processedAt: row.processed_at,
  };
}

/** The inbox of received call notifications over one Kysely handle. */
export function createCallInboxRepo(db: Kysely<Database>): CallInboxRepo {
  return {
    async append(rows) {
      if (rows.length === 0) return [];
      const insert = async (trx: Kysely<Database>) => {
        const seqs: number[] = [];
        // One statement per row keeps arrival order equal to sequence order on both databases.
        for (const r of rows) {
          const inserted = await trx
            .insertInto('call_inbox')
            .values({
              call_id: r.callId,
              tenant_id: r.tenantId,
              received_at: r.receivedAt,
              notification: JSON.stringify(r.notification),
              content_hash: r.contentHash,
              processed_at: null,
            })
            .returning('seq')
            .executeTakeFirstOrThrow();
          seqs.push(Number(inserted.seq));
        }
        return seqs;
      };
      return db.isTransaction ? insert(db) : db.transaction().execute(insert);
    },

    async pending(callId, limit = 100) {
      const rows = await db
        .selectFrom('call_inbox')
        .selectAll()
        .where('processed_at', 'is', null)
        .where('call_id', '=', callId)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toRow);
    },

    async markProcessed(seq, at) {
      await db.updateTable('call_inbox').set({ processed_at: at }).where('seq', '=', seq).execute();
    },

    async seenHash(callId, contentHash) {
      const row = await db
        .selectFrom('call_inbox')
        .select('seq')
        .where('call_id', '=', callId)
        .where('content_hash', '=', contentHash)
        .where('processed_at', 'is not', null)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async callsWithPending(opts = {}) {
      let query = db
        .selectFrom('call_inbox')
        .select('call_id')
        .select((eb) => eb.fn.min('seq').as('first'))
        .where('processed_at', 'is', null);
      if (opts.receivedBefore !== undefined) query = query.where('received_at', '<', opts.receivedBefore);
      const rows = await query
        .groupBy('call_id')
        .orderBy('first')
        .limit(opts.limit ?? 100)
        .execute();
      return rows.map((r) => r.call_id);
    },
  };
}
