import { sql, type Kysely, type Selectable } from 'kysely';
import {
  NUMBER_PLACEHOLDER,
  numberPlaceholders,
  padded,
  placeholder,
  placeholders,
  prepare,
  preparedByShape,
  type Prepared,
} from './prepared-query';
import type { CallInboxRepo, InboxRow } from '../calling';
import type { CallInboxTable, Database } from './types';

function toRow(row: Selectable<CallInboxTable>): InboxRow {
  return {
    kind: row.kind === 'flow' ? 'flow' : 'notification',
    seq: row.seq,
    callId: row.call_id,
    tenantId: row.tenant_id,
    receivedAt: row.received_at,
    notification: JSON.parse(row.notification) as unknown,
    contentHash: row.content_hash,
    processedAt: row.processed_at,
  };
}

interface InboxStatements {
  readonly insert: Prepared<[string, string, number, string, string, string]>;
  readonly pending: Prepared<[string, string, number]>;
  readonly markProcessed: Prepared<[number, number]>;
  readonly claimProcessed: Prepared<[number, number]>;
  readonly seenHash: Prepared<[string, string]>;
}

// Rows per statement when many are updated at once (well under both databases' parameter limits).
const CHUNK = 500;
const N = NUMBER_PLACEHOLDER;

function compileStatements(db: Kysely<Database>): InboxStatements {
  return {
    insert: prepare(
      db
        .insertInto('call_inbox')
        .values({
          call_id: placeholder('call'),
          tenant_id: placeholder('tenant'),
          received_at: N,
          notification: placeholder('notification'),
          content_hash: placeholder('hash'),
          kind: placeholder('kind'),
        })
        .returning('seq')
        .compile(),
      [
        placeholder('call'),
        placeholder('tenant'),
        N,
        placeholder('notification'),
        placeholder('hash'),
        placeholder('kind'),
      ] as [string, string, number, string, string, string],
    ),
    pending: prepare(
      db
        .selectFrom('call_inbox')
        .selectAll()
        .where('processed_at', 'is', null)
        .where('call_id', '=', placeholder('call'))
        .where('kind', '=', placeholder('kind'))
        .orderBy('seq')
        .limit(N)
        .compile(),
      [placeholder('call'), placeholder('kind'), N] as [string, string, number],
    ),
    markProcessed: prepare(
      db
        .updateTable('call_inbox')
        .set({ processed_at: N })
        .where('seq', '=', N - 1)
        .compile(),
      [N, N - 1] as [number, number],
    ),
    claimProcessed: prepare(
      db
        .updateTable('call_inbox')
        .set({ processed_at: N })
        .where('seq', '=', N - 1)
        .where('processed_at', 'is', null)
        .compile(),
      [N, N - 1] as [number, number],
    ),
    seenHash: prepare(
      db
        .selectFrom('call_inbox')
        .select('seq')
        .where('call_id', '=', placeholder('call'))
        .where('content_hash', '=', placeholder('hash'))
        .where('processed_at', 'is not', null)
        .limit(1)
        .compile(),
      [placeholder('call'), placeholder('hash')] as [string, string],
    ),
  };
}

// Statements over a list, compiled once per list length (padded to a power of two: listLength).
const pendingForQuery = preparedByShape<Array<string | number>>((db, n) => {
  const ids = placeholders(Number(n), 'call');
  const compiled = db
    .selectFrom('call_inbox')
    .selectAll()
    .where('processed_at', 'is', null)
    .where('call_id', 'in', ids)
    .where('kind', '=', 'notification')
    .orderBy('seq')
    .limit(N)
    .compile();
  return prepare(compiled, [...ids, N]);
});

// (call, hash) pairs as row values: one index probe per pair, where `call_id in (…) and content_hash in
// (…)` probed every call with every hash (a 10-row batch: 100 probes, about five times slower).
const seenPairsQuery = preparedByShape<string[]>((db, n) => {
  const slots = placeholders(Number(n), 'pair').map((p) => [`${p}:call`, `${p}:hash`] as const);
  const pairs = sql.join(slots.map(([c, h]) => sql`(${c}, ${h})`));
  const compiled = db
    .selectFrom('call_inbox')
    .select(['call_id', 'content_hash'])
    .where('processed_at', 'is not', null)
    .where(sql<boolean>`(call_id, content_hash) in (values ${pairs})`)
    .compile();
  return prepare(
    compiled,
    slots.flatMap((pair): string[] => [...pair]),
  );
});

const markManyQuery = preparedByShape<number[]>((db, n) => {
  const seqs = numberPlaceholders(Number(n));
  const compiled = db.updateTable('call_inbox').set({ processed_at: N }).where('seq', 'in', seqs).compile();
  return prepare(compiled, [N, ...seqs]);
});

// Compiled once per database kind: a transaction shares its database's adapter, so it shares these too.
const compiledFor = new WeakMap<object, InboxStatements>();

function statementsOf(db: Kysely<Database>): InboxStatements {
  const adapter = db.getExecutor().adapter;
  let statements = compiledFor.get(adapter);
  if (!statements) {
    statements = compileStatements(db);
    compiledFor.set(adapter, statements);
  }
  return statements;
}

/** The inbox of received call notifications over one Kysely handle. */
export function createCallInboxRepo(db: Kysely<Database>): CallInboxRepo {
  const q = statementsOf(db);
  return {
    async append(rows) {
      if (rows.length === 0) return [];
      const insert = async (trx: Kysely<Database>) => {
        const seqs: number[] = [];
        // One statement per row keeps arrival order equal to sequence order on both databases.
        for (const r of rows) {
          const { rows: inserted } = await trx.executeQuery<{ seq: number }>(
            q.insert(
              r.callId,
              r.tenantId,
              r.receivedAt,
              JSON.stringify(r.notification),
              r.contentHash,
              r.kind ?? 'notification',
            ),
          );
          const seq = inserted[0]?.seq;
          if (seq === undefined) throw new Error('the inbox insert returned no sequence number');
          seqs.push(Number(seq));
        }
        return seqs;
      };
      return db.isTransaction ? insert(db) : db.transaction().execute(insert);
    },

    async pending(callId, limit = 100, kind = 'notification') {
      const { rows } = await db.executeQuery<Selectable<CallInboxTable>>(q.pending(callId, kind, limit));
      return rows.map(toRow);
    },

    async markProcessed(seq, at) {
      await db.executeQuery(q.markProcessed(at, seq));
    },

    async claimProcessed(seq, at) {
      const result = await db.executeQuery(q.claimProcessed(at, seq));
      return Number(result.numAffectedRows ?? 0) > 0;
    },

    async markProcessedMany(seqs, at) {
      for (let i = 0; i < seqs.length; i += CHUNK) {
        const chunk = padded(seqs.slice(i, i + CHUNK));
        await db.executeQuery(markManyQuery(db, String(chunk.length))(at, ...chunk));
      }
    },

    async pendingFor(callIds, limit) {
      if (callIds.length === 0) return [];
      const ids = padded([...new Set(callIds)]);
      const { rows } = await db.executeQuery<Selectable<CallInboxTable>>(
        pendingForQuery(db, String(ids.length))(...ids, limit),
      );
      return rows.map(toRow);
    },

    async seenHashes(pairs) {
      const keys = [...new Set(pairs.map((p) => `${p.callId}\u0000${p.contentHash}`))];
      const found = new Set<string>();
      for (let i = 0; i < keys.length; i += CHUNK) {
        const chunk = padded(keys.slice(i, i + CHUNK));
        const args = chunk.flatMap((k) => k.split('\u0000'));
        const { rows } = await db.executeQuery<{ call_id: string; content_hash: string }>(
          seenPairsQuery(db, String(chunk.length))(...args),
        );
        for (const r of rows) found.add(`${r.call_id}\u0000${r.content_hash}`);
      }
      return found;
    },

    async seenHash(callId, contentHash) {
      const { rows } = await db.executeQuery(q.seenHash(callId, contentHash));
      return rows.length > 0;
    },

    async callsWithPending(opts = {}) {
      let query = db
        .selectFrom('call_inbox')
        .select('call_id')
        .select((eb) => eb.fn.min('seq').as('first'))
        .where('processed_at', 'is', null)
        .where('kind', '=', opts.kind ?? 'notification');
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
