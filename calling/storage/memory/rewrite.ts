// Rewrites the JSON a call's operations, inbox and timeline keep, in one transaction: the old text is
// replaced in the tables, and memory keeps no other copy of it.
import type { CallJsonRewrite } from '../storage';
import type { CallTables } from './call-data';

export function rewriteMemoryCallJson(t: CallTables, callId: string, how: CallJsonRewrite): Promise<number> {
  const next = (text: string | null): string | undefined => {
    if (text === null || !how.mentioning.some((m) => text.includes(m))) return undefined;
    const out = how.rewrite(text);
    return out === text ? undefined : out;
  };
  return t.db.transaction(async () => {
    let changed = 0;
    for (const op of t.operations.values().filter((r) => r.callId === callId)) {
      const resource = next(op.resource);
      if (resource === undefined) continue;
      t.operations.set(op.id, { ...op, resource });
      changed++;
    }
    for (const row of t.inbox.values().filter((r) => r.callId === callId)) {
      const notification = next(row.notification);
      if (notification === undefined) continue;
      t.inbox.set(row.seq, { ...row, notification });
      changed++;
    }
    for (const line of t.timeline.values().filter((r) => r.callId === callId)) {
      const data = next(line.data);
      if (data === undefined) continue;
      t.timeline.set(line.id, { ...line, data });
      changed++;
    }
    return changed;
  });
}
