// The inbox of notifications and flow events in memory, in arrival (sequence) order per call.
import type { CallInboxRepo, InboxRow } from '../call-data';
import type { Exec, Table } from './db';
import { fromText } from './json';

/** An inbox row with its notification as JSON text. */
export type InboxRecord = Omit<InboxRow, 'notification'> & { readonly notification: string };

const toRow = (r: InboxRecord): InboxRow => ({ ...r, notification: fromText(r.notification) });
const bySeq = (a: InboxRecord, b: InboxRecord) => a.seq - b.seq;

export function createMemoryInbox(
  table: Table<number, InboxRecord>,
  exec: Exec,
  nextSeq: () => number,
): CallInboxRepo {
  const unprocessed = (kind: string) =>
    table
      .values()
      .filter((r) => r.processedAt === null && r.kind === kind)
      .sort(bySeq);
  const mark = (seq: number, at: number, onlyUnprocessed: boolean): boolean => {
    const r = table.get(seq);
    if (!r || (onlyUnprocessed && r.processedAt !== null)) return false;
    table.set(seq, { ...r, processedAt: at });
    return true;
  };
  const processedPairs = () =>
    new Set(
      table
        .values()
        .filter((r) => r.processedAt !== null)
        .map((r) => `${r.callId}\u0000${r.contentHash}`),
    );

  return {
    append: (rows) =>
      exec(() =>
        rows.map((r) => {
          const text = JSON.stringify(r.notification);
          if (text === undefined) throw new TypeError(`inbox row of ${r.callId}: notification is undefined`);
          const seq = nextSeq();
          table.set(seq, {
            ...r,
            kind: r.kind ?? 'notification',
            notification: text,
            seq,
            processedAt: null,
          });
          return seq;
        }),
      ),

    pending: (callId, limit = 100, kind = 'notification') =>
      exec(() =>
        unprocessed(kind)
          .filter((r) => r.callId === callId)
          .slice(0, limit)
          .map(toRow),
      ),

    markProcessed: (seq, at) => exec(() => void mark(seq, at, false)),

    claimProcessed: (seq, at) => exec(() => mark(seq, at, true)),

    markProcessedMany: (seqs, at) => exec(() => void seqs.forEach((seq) => mark(seq, at, false))),

    pendingFor: (callIds, limit) =>
      exec(() => {
        const ids = new Set(callIds);
        return unprocessed('notification')
          .filter((r) => ids.has(r.callId))
          .slice(0, limit)
          .map(toRow);
      }),

    seenHash: (callId, contentHash) => exec(() => processedPairs().has(`${callId}\u0000${contentHash}`)),

    seenHashes: (pairs) =>
      exec(() => {
        const seen = processedPairs();
        return new Set(pairs.map((p) => `${p.callId}\u0000${p.contentHash}`).filter((k) => seen.has(k)));
      }),

    callsWithPending: (opts = {}) =>
      exec(() => {
        const ids = new Set<string>();
        for (const r of unprocessed(opts.kind ?? 'notification'))
          if (opts.receivedBefore === undefined || r.receivedAt < opts.receivedBefore) ids.add(r.callId);
        return [...ids].slice(0, opts.limit ?? 100);
      }),
  };
}
