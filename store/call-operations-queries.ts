// The call_operations statements every operation started and settled runs: built by Kysely once per
// database kind, then run with new values (prepared-query.ts).
import type { StoredOperationStatus } from '../calling';
import { placeholder, placeholders, prepare, preparedByShape } from './prepared-query';
import type { CallOperationsTable } from './types';

export const OPEN: StoredOperationStatus[] = ['pending', 'running'];

export const INSERT_COLUMNS = [
  'id',
  'graph_id',
  'wire_id',
  'call_id',
  'kind',
  'client_context',
  'status',
  'result_info',
  'resource',
  'created_at',
  'settled_at',
] as const satisfies ReadonlyArray<keyof CallOperationsTable>;

export const insertQuery = preparedByShape<unknown[]>((db) => {
  const values = placeholders(INSERT_COLUMNS.length, 'column');
  const row = Object.fromEntries(
    INSERT_COLUMNS.map((c, i) => [c, values[i]]),
  ) as unknown as CallOperationsTable;
  return prepare<unknown[]>(db.insertInto('call_operations').values(row).compile(), values);
});

export const orphanQuery = preparedByShape<[string, string]>((db) => {
  const [graphId, id] = [placeholder('graphId'), placeholder('id')];
  const compiled = db
    .selectFrom('call_operations')
    .selectAll()
    .where('graph_id', '=', graphId)
    .where('id', '<>', id)
    .compile();
  return prepare(compiled, [graphId, id] as [string, string]);
});

export const attachQuery = preparedByShape<[string, string, string, string]>((db) => {
  const [graphId, wireId, status, id] = ['graphId', 'wireId', 'status', 'id'].map(placeholder) as [
    string,
    string,
    StoredOperationStatus,
    string,
  ];
  const compiled = db
    .updateTable('call_operations')
    .set((eb) => ({
      graph_id: graphId,
      wire_id: wireId,
      status: eb.case().when('status', 'in', OPEN).then(status).else(eb.ref('status')).end(),
    }))
    .where('id', '=', id)
    .returningAll()
    .compile();
  return prepare(compiled, [graphId, wireId, status, id] as [string, string, string, string]);
});

export const settleQuery = preparedByShape<unknown[]>((db) => {
  const values = placeholders(5, 'value');
  const [status, resultInfo, resource, settledAt, id] = values as [
    StoredOperationStatus,
    string,
    string,
    number,
    string,
  ];
  const compiled = db
    .updateTable('call_operations')
    .set({ status, result_info: resultInfo, resource, settled_at: settledAt })
    .where('id', '=', id)
    .where('status', 'in', OPEN)
    .compile();
  return prepare<unknown[]>(compiled, values);
});

export const byGraphIdQuery = preparedByShape<[string]>((db) => {
  const graphId = placeholder('graphId');
  const compiled = db.selectFrom('call_operations').selectAll().where('graph_id', '=', graphId).compile();
  return prepare(compiled, [graphId] as [string]);
});

export const openForCallQuery = preparedByShape<[string]>((db) => {
  const callId = placeholder('callId');
  const compiled = db
    .selectFrom('call_operations')
    .selectAll()
    .where('call_id', '=', callId)
    .where('status', 'in', OPEN)
    .orderBy('created_at')
    .compile();
  return prepare(compiled, [callId] as [string]);
});
