// Long-running operations in memory, and the orphan completion that moves onto the operation that later
// learns its Graph id, as call-data.ts documents.
import type { CallOperationsRepo, StoredOperation, StoredOperationStatus } from '../call-data';
import type { Exec, Table } from './db';
import { fromNullableText, toNullableText } from './json';

/** An operation with its JSON values as text. */
export type OperationRecord = Omit<StoredOperation, 'resultInfo' | 'resource'> & {
  readonly resultInfo: string | null;
  readonly resource: string | null;
};

const OPEN = new Set<StoredOperationStatus>(['pending', 'running']);

const toOperation = (r: OperationRecord): StoredOperation => ({
  ...r,
  wireId: r.wireId ?? r.graphId,
  resultInfo: fromNullableText(r.resultInfo),
  resource: fromNullableText(r.resource),
});

const byCreated = (a: OperationRecord, b: OperationRecord) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createMemoryOperations(
  table: Table<string, OperationRecord>,
  exec: Exec,
): CallOperationsRepo {
  const forCall = (callId: string) =>
    table
      .values()
      .filter((r) => r.callId === callId)
      .sort(byCreated);

  return {
    insert: (op) =>
      exec(() => {
        if (table.has(op.id)) throw new Error(`operation ${op.id} is stored already`);
        table.set(op.id, {
          ...op,
          resultInfo: toNullableText(op.resultInfo),
          resource: toNullableText(op.resource),
        });
      }),

    get: (id) => exec(() => (table.has(id) ? toOperation(table.get(id) as OperationRecord) : undefined)),

    find: (ref) =>
      exec(() => {
        const rows = table.values();
        const found =
          (ref.graphId === undefined ? undefined : rows.find((r) => r.graphId === ref.graphId)) ??
          (ref.clientContext === undefined
            ? undefined
            : rows.find((r) => r.clientContext === ref.clientContext));
        return found && toOperation(found);
      }),

    attachGraphId: (id, graphId, status, wireId) =>
      exec(() => {
        const mine = table.get(id);
        if (!mine) throw new Error(`operation ${id} does not exist`);
        const orphan = table.values().find((r) => r.graphId === graphId && r.id !== id);
        let next: OperationRecord = { ...mine, graphId, wireId: orphan ? (orphan.wireId ?? wireId) : wireId };
        if (orphan) {
          // The completion arrived before the action's response: the orphan holds the outcome.
          table.delete(orphan.id);
          if (!OPEN.has(orphan.status) && OPEN.has(next.status))
            next = {
              ...next,
              status: orphan.status,
              resultInfo: orphan.resultInfo,
              resource: orphan.resource,
              settledAt: orphan.settledAt,
            };
        }
        if (OPEN.has(next.status)) next = { ...next, status };
        table.set(id, next);
        return toOperation(next);
      }),

    settle: (id, outcome) =>
      exec(() => {
        const r = table.get(id);
        if (!r || !OPEN.has(r.status)) return false;
        table.set(id, {
          ...r,
          status: outcome.status,
          resultInfo: toNullableText(outcome.resultInfo),
          resource: toNullableText(outcome.resource),
          settledAt: outcome.at,
        });
        return true;
      }),

    settledAmong: (ids) =>
      exec(() =>
        [...new Set(ids)].flatMap((id) => {
          const r = table.get(id);
          return r && !OPEN.has(r.status) ? [toOperation(r)] : [];
        }),
      ),

    openForCall: (callId) =>
      exec(() =>
        forCall(callId)
          .filter((r) => OPEN.has(r.status))
          .map(toOperation),
      ),

    listForCall: (callId) => exec(() => forCall(callId).map(toOperation)),
  };
}
