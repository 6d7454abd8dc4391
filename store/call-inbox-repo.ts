import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
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

/**
 * A query built and compiled by Kysely once, then run with new parameters. The inbox statements run for
 * every notification received and every one processed; rebuilding and recompiling them each time cost
 * more than SQLite spent executing them.
 */
interface Prepared<A extends readonly unknown[]> {
  (...args: A): CompiledQuery;
}

function prepare<A extends readonly unknown[]>(compiled: CompiledQuery, placeholders: A): Prepared<A> {
  // Each placeholder is a value no caller would pass; where it landed among the parameters is its slot.
  // Other parameters (a constant limit) keep their compiled value.
  const slots = compiled.parameters.map((p) => placeholders.indexOf(p));
  const used = slots.filter((i) => i >= 0);
  if (used.length !== placeholders.length || new Set(used).size !== placeholders.length) {
    throw new Error(`cannot prepare "${compiled.sql}": each placeholder must be one parameter`);
  }
  const fixed = compiled.parameters;
  return (...args) =>
    CompiledQuery.raw(
      compiled.sql,
      slots.map((i, k) => (i >= 0 ? args[i] : fixed[k])),
    );
}

interface InboxStatements {
  readonly insert: Prepared<[string, string, number, string, string]>;
  readonly pending: Prepared<[string, number]>;
  readonly markProcessed: Prepared<[number, number]>;
  readonly seenHash: Prepared<[string, string]>;
}

const S = '\u0000placeholder:';
// Rows per statement when many are updated at once (well under both databases' parameter limits).
const CHUNK = 500;
const N = -987_654_321;

function compileStatements(db: Kysely<Database>): InboxStatements {
  return {
    insert: prepare(
      db
        .insertInto('call_inbox')
        .values({
          call_id: `${S}call`,
          tenant_id: `${S}tenant`,
          received_at: N,
          notification: `${S}notification`,
          content_hash: `${S}hash`,
        })
        .returning('seq')
        .compile(),
      [`${S}call`, `${S}tenant`, N, `${S}notification`, `${S}hash`] as [
        string,
        string,
        number,
        string,
        string,
      ],
    ),
    pending: prepare(
      db
        .selectFrom('call_inbox')
        .selectAll()
        .where('processed_at', 'is', null)
        .where('call_id', '=', `${S}call`)
        .orderBy('seq')
        .limit(N)
        .compile(),
      [`${S}call`, N] as [string, number],
    ),
    markProcessed: prepare(
      db
        .updateTable('call_inbox')
        .set({ processed_at: N })
        .where('seq', '=', N - 1)
        .compile(),
      [N, N - 1] as [number, number],
    ),
    seenHash: prepare(
      db
        .selectFrom('call_inbox')
        .select('seq')
        .where('call_id', '=', `${S}call`)
        .where('content_hash', '=', `${S}hash`)
        .where('processed_at', 'is not', null)
        .limit(1)
        .compile(),
      [`${S}call`, `${S}hash`] as [string, string],
    ),
  };
}

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
            q.insert(r.callId, r.tenantId, r.receivedAt, JSON.stringify(r.notification), r.contentHash),
          );
          const seq = inserted[0]?.seq;
          if (seq === undefined) throw new Error('the inbox insert returned no sequence number');
          seqs.push(Number(seq));
        }
        return seqs;
      };
      return db.isTransaction ? insert(db) : db.transaction().execute(insert);
    },

    async pending(callId, limit = 100) {
      const { rows } = await db.executeQuery<Selectable<CallInboxTable>>(q.pending(callId, limit));
      return rows.map(toRow);
    },

    async markProcessed(seq, at) {
      await db.executeQuery(q.markProcessed(at, seq));
    },

    async markProcessedMany(seqs, at) {
      for (let i = 0; i < seqs.length; i += CHUNK) {
        await db
          .updateTable('call_inbox')
          .set({ processed_at: at })
          .where('seq', 'in', seqs.slice(i, i + CHUNK))
          .execute();
      }
    },

    async pendingFor(callIds, limit) {
      if (callIds.length === 0) return [];
      const rows = await db
        .selectFrom('call_inbox')
        .selectAll()
        .where('processed_at', 'is', null)
        .where('call_id', 'in', [...callIds])
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toRow);
    },

    async seenHashes(pairs) {
      const wanted = new Set(pairs.map((p) => `${p.callId}\u0000${p.contentHash}`));
      const found = new Set<string>();
      const calls = [...new Set(pairs.map((p) => p.callId))];
      const hashes = [...new Set(pairs.map((p) => p.contentHash))];
      for (let i = 0; i < hashes.length; i += CHUNK) {
        const rows = await db
          .selectFrom('call_inbox')
          .select(['call_id', 'content_hash'])
          .where('processed_at', 'is not', null)
          .where('call_id', 'in', calls)
          .where('content_hash', 'in', hashes.slice(i, i + CHUNK))
          .execute();
        // The query matches any call with any hash; only the asked pairs count.
        for (const r of rows) {
          const key = `${r.call_id}\u0000${r.content_hash}`;
          if (wanted.has(key)) found.add(key);
        }
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
