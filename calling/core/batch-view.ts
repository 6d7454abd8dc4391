// The repositories as a batch of inbox rows sees them inside its one transaction. Handlers read and write
// calls, timeline lines and processed marks as they do for a single row; here the calls are read once,
// changed in memory, and every change is written at the end (one statement per changed call, one insert
// for the timeline, one update for the processed marks). Reads the cache cannot answer flush first, so
// nothing a handler asks the database can miss a change made earlier in the batch.
import type { CallData, InboxRow, StoredCall, StoredCallPatch, TimelineEntry } from '../storage';

export interface BatchView {
  readonly data: CallData;
  /** Reads the batch's calls and which of its rows' contents were processed before, one query each. */
  prefetch(): Promise<void>;
  /** Writes every change made through `data` so far. */
  flush(): Promise<void>;
}

/** A view over `tx` (already a transaction) for processing `rows`, with `now` as the processed time. */
export function createBatchView(tx: CallData, rows: readonly InboxRow[], now: number): BatchView {
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const batchPairs = new Set(rows.map((r) => `${r.callId}\u0000${r.contentHash}`));
  // undefined: known not to exist (yet); absent: not looked up.
  const calls = new Map<string, StoredCall | undefined>();
  const inserted = new Set<string>();
  const changed = new Set<string>();
  let timeline: TimelineEntry[] = [];
  let processed: number[] = [];
  // Content hashes already processed: read for the whole batch at prefetch, and those of rows handled
  // earlier in this batch (their processed marks are not written yet).
  const seen = new Set<string>();
  let seenLoaded = false;

  async function flush(): Promise<void> {
    for (const id of inserted) {
      const call = calls.get(id);
      if (call) await tx.calls.insert(call);
      changed.delete(id);
    }
    inserted.clear();
    for (const id of changed) {
      const call = calls.get(id);
      if (!call) continue;
      // The flow's position and binding are the flow runtime's to write (flow-outbox.ts): a batch that
      // read them before a flow step committed must not write the old ones back.
      const { id: _id, createdAt: _created, flow: _flow, flowKey: _key, ...patch } = call;
      await tx.calls.update(id, patch);
    }
    changed.clear();
    if (timeline.length > 0) await tx.timeline.add(timeline);
    timeline = [];
    if (processed.length > 0) await tx.inbox.markProcessedMany(processed, now);
    processed = [];
  }

  async function cached(id: string): Promise<StoredCall | undefined> {
    if (!calls.has(id)) calls.set(id, await tx.calls.get(id));
    return calls.get(id);
  }

  const data: CallData = {
    calls: {
      get: cached,
      stateOf: async (id) => (await cached(id))?.state,
      async getMany(ids) {
        const found: StoredCall[] = [];
        for (const id of ids) {
          const call = await cached(id);
          if (call) found.push(call);
        }
        return found;
      },
      async insert(call) {
        if (await cached(call.id)) return false;
        calls.set(call.id, call);
        inserted.add(call.id);
        return true;
      },
      async update(id: string, patch: StoredCallPatch) {
        const call = await cached(id);
        if (!call) return false;
        const next = { ...call };
        for (const [k, v] of Object.entries(patch)) {
          if (v !== undefined) (next as Record<string, unknown>)[k] = v;
        }
        calls.set(id, next);
        changed.add(id);
        return true;
      },
      list: async (opts) => (await flush(), tx.calls.list(opts)),
      countInProgress: async (opts) => (await flush(), tx.calls.countInProgress(opts)),
      silentSince: async (before, limit) => (await flush(), tx.calls.silentSince(before, limit)),
    },
    inbox: {
      ...tx.inbox,
      async seenHash(callId, contentHash) {
        const key = `${callId}\u0000${contentHash}`;
        if (seen.has(key)) return true;
        // Prefetch read which of the batch's own pairs were processed before (the leases keep anyone
        // else from processing them meanwhile); any other pair is asked of the database.
        if (seenLoaded && batchPairs.has(key)) return false;
        return tx.inbox.seenHash(callId, contentHash);
      },
      async markProcessed(seq) {
        const row = bySeq.get(seq);
        if (!row) throw new Error(`row ${seq} is not part of this batch`);
        seen.add(`${row.callId}\u0000${row.contentHash}`);
        processed.push(seq);
      },
      pending: async (callId, limit) => (await flush(), tx.inbox.pending(callId, limit)),
      pendingFor: async (ids, limit) => (await flush(), tx.inbox.pendingFor(ids, limit)),
      callsWithPending: async (opts) => (await flush(), tx.inbox.callsWithPending(opts)),
    },
    operations: tx.operations,
    timeline: {
      async add(entries) {
        timeline.push(...entries);
      },
      list: async (callId, opts) => (await flush(), tx.timeline.list(callId, opts)),
    },
    transaction: (fn) => fn(data),
  };

  return {
    data,
    async prefetch() {
      if (!seenLoaded) {
        for (const key of await tx.inbox.seenHashes(rows)) seen.add(key);
        seenLoaded = true;
      }
      const missing = [...new Set(rows.map((r) => r.callId))].filter((id) => !calls.has(id));
      if (missing.length === 0) return;
      const found = new Map((await tx.calls.getMany(missing)).map((c) => [c.id, c]));
      for (const id of missing) calls.set(id, found.get(id));
    },
    flush,
  };
}
