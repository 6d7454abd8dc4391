// The calls table in memory, as call-data.ts documents it.
import type { CallsRepo, StoredCall } from '../call-data';
import type { Exec, Table } from './db';
import { copy } from './json';

const TERMINATED = 'terminated';
// Graph's call states between ringing and the end (the SQL store counts the same list).
const IN_PROGRESS = new Set([
  'establishing',
  'established',
  'hold',
  'transferring',
  'transferAccepted',
  'redirecting',
  'terminating',
]);

const newestFirst = (a: StoredCall, b: StoredCall) =>
  b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A call kept as a JSON copy, with the defaults the SQL columns give. */
function kept(call: StoredCall): StoredCall {
  return copy({
    ...call,
    resource: call.resource ?? {},
    participants: call.participants ?? null,
    marks: call.marks ?? null,
    flow: call.flow ?? null,
    flowKey: call.flowKey ?? null,
    meta: call.meta ?? null,
  });
}

export function createMemoryCalls(table: Table<string, StoredCall>, exec: Exec): CallsRepo {
  const read = (c: StoredCall | undefined) => c && copy(c);
  return {
    get: (id) => exec(() => read(table.get(id))),

    stateOf: (id) => exec(() => table.get(id)?.state),

    getMany: (ids) =>
      exec(() =>
        [...new Set(ids)].flatMap((id) => (table.has(id) ? [copy(table.get(id) as StoredCall)] : [])),
      ),

    insert: (call) =>
      exec(() => {
        if (table.has(call.id)) return false;
        table.set(call.id, kept(call));
        return true;
      }),

    update: (id, patch) =>
      exec(() => {
        const had = table.get(id);
        if (!had) return false;
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        table.set(id, kept({ ...had, ...defined }));
        return true;
      }),

    list: (opts = {}) =>
      exec(() => {
        const calls = table
          .values()
          .filter((c) => !opts.active || c.state !== TERMINATED)
          .sort(newestFirst);
        return (opts.limit === undefined ? calls : calls.slice(0, opts.limit)).map(copy);
      }),

    countInProgress: ({ direction, except }) =>
      exec(
        () =>
          table
            .values()
            .filter((c) => c.direction === direction && IN_PROGRESS.has(c.state) && c.id !== except).length,
      ),

    silentSince: (before, limit = 50) =>
      exec(() =>
        table
          .values()
          .filter(
            (c) =>
              c.state !== TERMINATED &&
              (c.lastNotifiedAt === null ? c.createdAt < before : c.lastNotifiedAt < before),
          )
          .sort((a, b) => a.updatedAt - b.updatedAt)
          .slice(0, limit)
          .map(copy),
      ),
  };
}
