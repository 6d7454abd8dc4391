// The flows table in memory: insert once, save over the revision read, and the flows whose work
// belongs to instances that are gone, as flows.ts documents.
import type { FlowsRepo, StoredFlowRecord } from '../flows';
import type { Exec, Table } from './db';
import { copy } from './json';

const newestFirst = (a: StoredFlowRecord, b: StoredFlowRecord) =>
  b.createdAt - a.createdAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The instances whose tasks or armed timers the flow waits for. */
function owners(f: StoredFlowRecord): string[] {
  return [
    ...Object.values(f.tasks).map((t) => t.owner),
    ...Object.values(f.timers).flatMap((t) => (t.owner === undefined ? [] : [t.owner])),
  ];
}

export function createMemoryFlows(table: Table<string, StoredFlowRecord>, exec: Exec): FlowsRepo {
  const kept = (f: StoredFlowRecord): StoredFlowRecord => copy({ ...f, state: f.state ?? null });
  return {
    get: (key) => exec(() => table.get(key) && copy(table.get(key))),

    insert: (flow) =>
      exec(() => {
        if (table.has(flow.key)) return false;
        table.set(flow.key, kept(flow));
        return true;
      }),

    save: (flow, expectedRev) =>
      exec(() => {
        const had = table.get(flow.key);
        if (had?.rev !== expectedRev) return false;
        table.set(flow.key, kept({ ...flow, createdAt: had.createdAt }));
        return true;
      }),

    list: (opts = {}) =>
      exec(() => {
        const flows = table
          .values()
          .filter(
            (f) =>
              (opts.kind === undefined || f.kind === opts.kind) &&
              (opts.requestedBy === undefined || f.requestedBy === opts.requestedBy) &&
              (!opts.active || f.doneAt === null),
          )
          .sort(newestFirst);
        return (opts.limit === undefined ? flows : flows.slice(0, opts.limit)).map(copy);
      }),

    withWorkOutside: (live, limit = 200) =>
      exec(() =>
        table
          .values()
          .filter((f) => f.doneAt === null && owners(f).some((o) => !live.has(o)))
          .sort((a, b) => a.updatedAt - b.updatedAt)
          .slice(0, limit)
          .map(copy),
      ),
  };
}
