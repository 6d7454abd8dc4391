import type { Kysely, Selectable } from 'kysely';
import {
  attachQuery,
  byGraphIdQuery,
  INSERT_COLUMNS,
  insertQuery,
  OPEN,
  openForCallQuery,
  orphanQuery,
  settleQuery,
} from './call-operations-queries';
import { padded } from './prepared-query';
import type { CallOperationsRepo, StoredOperation, StoredOperationStatus } from '../calling';
import type { CallOperationsTable, Database } from './types';

const SETTLED: StoredOperationStatus[] = ['completed', 'failed'];
// Operations asked about in one statement.
const SETTLED_CHUNK = 512;

function parse(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

function toOperation(row: Selectable<CallOperationsTable>): StoredOperation {
  return {
    id: row.id,
    graphId: row.graph_id,
    wireId: row.wire_id ?? row.graph_id,
    callId: row.call_id,
    kind: row.kind,
    clientContext: row.client_context,
    status: row.status as StoredOperationStatus,
    resultInfo: parse(row.result_info),
    resource: parse(row.resource),
    createdAt: row.created_at,
    settledAt: row.settled_at,
  };
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** Long-running operations over one Kysely handle. */
export function createCallOperationsRepo(db: Kysely<Database>): CallOperationsRepo {
  async function get(trx: Kysely<Database>, id: string): Promise<StoredOperation | undefined> {
    const row = await trx.selectFrom('call_operations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toOperation(row);
  }

  async function attach(
    trx: Kysely<Database>,
    id: string,
    graphId: string,
    status: StoredOperationStatus,
    wireId: string,
  ) {
    const orphans = await trx.executeQuery<Selectable<CallOperationsTable>>(
      orphanQuery(trx, '')(graphId, id),
    );
    const orphan = orphans.rows[0];
    if (orphan) {
      // The completion arrived before the action's response: the orphan holds the outcome.
      await trx.deleteFrom('call_operations').where('id', '=', orphan.id).execute();
      if (SETTLED.includes(orphan.status as StoredOperationStatus)) {
        await trx
          .updateTable('call_operations')
          .set({
            status: orphan.status,
            result_info: orphan.result_info,
            resource: orphan.resource,
            settled_at: orphan.settled_at,
          })
          .where('id', '=', id)
          .where('status', 'in', OPEN)
          .execute();
      }
    }
    // The ids and the new status in one statement that answers the row: no second update, no re-read.
    const attached = await trx.executeQuery<Selectable<CallOperationsTable>>(
      attachQuery(trx, '')(graphId, orphan?.wire_id ?? wireId, status, id),
    );
    const row = attached.rows[0];
    if (!row) throw new Error(`operation ${id} does not exist`);
    return toOperation(row);
  }

  return {
    async insert(op) {
      const row: CallOperationsTable = {
        id: op.id,
        graph_id: op.graphId,
        wire_id: op.wireId,
        call_id: op.callId,
        kind: op.kind,
        client_context: op.clientContext,
        status: op.status,
        result_info: json(op.resultInfo),
        resource: json(op.resource),
        created_at: op.createdAt,
        settled_at: op.settledAt,
      };
      await db.executeQuery(insertQuery(db, '')(...INSERT_COLUMNS.map((c) => row[c])));
    },

    get: (id) => get(db, id),

    async find(ref) {
      if (ref.graphId !== undefined) {
        const { rows } = await db.executeQuery<Selectable<CallOperationsTable>>(
          byGraphIdQuery(db, '')(ref.graphId),
        );
        if (rows[0]) return toOperation(rows[0]);
      }
      if (ref.clientContext !== undefined) {
        const row = await db
          .selectFrom('call_operations')
          .selectAll()
          .where('client_context', '=', ref.clientContext)
          .executeTakeFirst();
        if (row) return toOperation(row);
      }
      return undefined;
    },

    attachGraphId(id, graphId, status, wireId) {
      if (db.isTransaction) return attach(db, id, graphId, status, wireId);
      return db.transaction().execute((trx) => attach(trx, id, graphId, status, wireId));
    },

    async settle(id, outcome) {
      const query = settleQuery(db, '')(
        outcome.status,
        json(outcome.resultInfo),
        json(outcome.resource),
        outcome.at,
        id,
      );
      const result = await db.executeQuery(query);
      return Number(result.numAffectedRows ?? 0) > 0;
    },

    async settledAmong(ids) {
      // Asked every few hundred milliseconds with every operation awaited: padded, so a few statements
      // serve every number of them (listLength).
      const unique = [...new Set(ids)];
      const found: StoredOperation[] = [];
      for (let i = 0; i < unique.length; i += SETTLED_CHUNK) {
        const rows = await db
          .selectFrom('call_operations')
          .selectAll()
          .where('id', 'in', padded(unique.slice(i, i + SETTLED_CHUNK)))
          .where('status', 'in', SETTLED)
          .execute();
        found.push(...rows.map(toOperation));
      }
      return found;
    },

    async openForCall(callId) {
      const { rows } = await db.executeQuery<Selectable<CallOperationsTable>>(
        openForCallQuery(db, '')(callId),
      );
      return rows.map(toOperation);
    },

    async listForCall(callId) {
      const rows = await db
        .selectFrom('call_operations')
        .selectAll()
        .where('call_id', '=', callId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toOperation);
    },
  };
}
