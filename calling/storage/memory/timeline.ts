// Each call's timeline in memory, in the order it was added.
import type { CallTimelineRepo, TimelineEntry } from '../call-data';
import type { Exec, Table } from './db';

/** A timeline line with its data as JSON text (null: none). */
export interface TimelineRecord extends Omit<TimelineEntry, 'data'> {
  readonly id: number;
  readonly data: string | null;
}

export function createMemoryTimeline(
  table: Table<number, TimelineRecord>,
  exec: Exec,
  nextId: () => number,
): CallTimelineRepo {
  return {
    add: (entries) =>
      exec(() => {
        for (const e of entries) {
          const id = nextId();
          const data = e.data === undefined ? null : JSON.stringify(e.data);
          table.set(id, { id, callId: e.callId, at: e.at, kind: e.kind, summary: e.summary, data });
        }
      }),

    list: (callId, opts = {}) =>
      exec(() => {
        const rows = table
          .values()
          .filter((r) => r.callId === callId)
          .sort((a, b) => a.id - b.id);
        return (opts.limit === undefined ? rows : rows.slice(0, opts.limit)).map(({ data, ...r }) => ({
          ...r,
          ...(data === null ? {} : { data: JSON.parse(data) as unknown }),
        }));
      }),
  };
}
