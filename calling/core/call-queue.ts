// One serialized queue per call, drained in batches. Each call's rows are handled in arrival order by
// whoever holds the call's lease (`call:<id>` in the store's locks), so one instance at a time works on a
// call and calls held elsewhere are left to their holder. A drain cycle claims the leases of every call
// with news in one statement, reads their pending rows in one query and hands them over as one batch:
// under load the cost of leases, reads and commits is shared by many notifications instead of paid by
// each. A call whose lease is held elsewhere is looked at again shortly (backing off), and a periodic
// sweep picks up backlogs nobody is working on (a crashed instance).
import type { CallData, InboxRow, LeaseGroup, Locks } from '../storage';
import type { CoreLogger } from './ports';

export interface CallQueueOptions {
  readonly locks: Locks;
  readonly data: CallData;
  readonly logger: CoreLogger;
  /**
   * Handles rows (several calls', each call's in arrival order) and commits them as processed. Answers
   * the calls whose remaining rows must wait for a later cycle (a row that failed blocks its call's next).
   */
  readonly processBatch: (rows: readonly InboxRow[]) => Promise<readonly string[]>;
  /** How long a call held elsewhere is polled quickly before falling back to `retryMs`. */
  readonly lockWaitMs?: number;
  readonly retryMs?: number;
  /** Most rows handed over in one batch. */
  readonly batchSize?: number;
  /** Most calls claimed in one cycle. */
  readonly callsPerCycle?: number;
}

export interface CallQueue {
  /** Makes sure the call's pending rows get processed soon; resolves when this instance's drain ends. */
  kick(callId: string): Promise<void>;
  /** kick, for callers that do not wait: a failure is logged with the call id (the sweep retries). */
  nudge(callId: string): void;
  /** Kicks every call with unprocessed rows (older than `olderThanMs`, when given). */
  resumeAll(olderThanMs?: number, now?: number): Promise<number>;
  /** Resolves when no drain is running in this instance. */
  idle(): Promise<void>;
  stop(): void;
}

const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 100;

/** Creates the per-call queue. */
export function createCallQueue(opts: CallQueueOptions): CallQueue {
  const lockWaitMs = opts.lockWaitMs ?? 10_000;
  const retryMs = opts.retryMs ?? 1000;
  const batchSize = opts.batchSize ?? 200;
  const callsPerCycle = opts.callsPerCycle ?? 200;
  const dirty = new Set<string>();
  // Calls waiting for a lease held elsewhere: when they started waiting, and the pending look.
  const waiting = new Map<string, { since: number; attempt: number; timer?: NodeJS.Timeout }>();
  let running: Promise<void> | undefined;
  let stopped = false;

  function lookAgainLater(callId: string, failed: boolean): void {
    if (stopped) return;
    const w = waiting.get(callId) ?? { since: Date.now(), attempt: 0 };
    if (w.timer) return;
    w.attempt += 1;
    const quick = !failed && Date.now() - w.since < lockWaitMs;
    const base = quick ? Math.min(FIRST_POLL_MS * 2 ** (w.attempt - 1), MAX_POLL_MS) : retryMs;
    // Jitter keeps instances that lost together from retrying together.
    w.timer = setTimeout(
      () => {
        w.timer = undefined;
        nudge(callId);
      },
      base * (0.5 + Math.random()),
    );
    w.timer.unref();
    waiting.set(callId, w);
  }

  async function cycle(ids: readonly string[]): Promise<void> {
    let group: LeaseGroup;
    try {
      group = await opts.locks.claim(ids.map((id) => `call:${id}`));
    } catch (err) {
      opts.logger.error({ err, calls: ids.length }, 'claiming calls failed; will retry');
      for (const id of ids) lookAgainLater(id, true);
      return;
    }
    const mine: string[] = [];
    for (const id of ids) {
      if (group.held.has(`call:${id}`)) mine.push(id);
      else lookAgainLater(id, false);
    }
    if (mine.length === 0) return;
    // Held now: whatever look was planned for these calls is moot, and their next wait starts afresh.
    for (const id of mine) {
      const w = waiting.get(id);
      if (w?.timer) clearTimeout(w.timer);
      waiting.delete(id);
    }
    try {
      const rows = await opts.data.inbox.pendingFor(mine, batchSize);
      if (rows.length === 0 || group.signal.aborted || stopped) return;
      const blocked = await opts.processBatch(rows);
      for (const id of blocked) lookAgainLater(id, true);
      // A full batch may have left rows of any of these calls behind: they go round again.
      if (rows.length === batchSize) {
        const skip = new Set(blocked);
        for (const id of mine) if (!skip.has(id)) dirty.add(id);
      }
    } catch (err) {
      opts.logger.error({ err, calls: mine.length }, 'processing the call inbox failed; will retry');
      for (const id of mine) lookAgainLater(id, true);
    } finally {
      await group.release();
    }
  }

  async function loop(): Promise<void> {
    while (dirty.size > 0 && !stopped) {
      const ids: string[] = [];
      for (const id of dirty) {
        dirty.delete(id);
        ids.push(id);
        if (ids.length === callsPerCycle) break;
      }
      await cycle(ids);
    }
  }

  function drain(): Promise<void> {
    // Starting on the next turn lets every kick of this turn (a burst of requests) join the first cycle.
    running ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(loop)
      .catch((err: unknown) => {
        // cycle() handles its own failures; this is a lease release that failed. The sweep retries.
        opts.logger.error({ err }, 'draining the call inbox failed; will retry');
      })
      .finally(() => {
        running = undefined;
        // A kick that came after the loop's last look but before this line would otherwise be lost.
        if (dirty.size > 0 && !stopped) drainLater();
      });
    return running;
  }

  function drainLater(): void {
    drain().catch((err: unknown) => opts.logger.error({ err }, 'draining the call inbox failed; will retry'));
  }

  function kick(callId: string): Promise<void> {
    if (stopped) return running ?? Promise.resolve();
    dirty.add(callId);
    return drain();
  }

  function nudge(callId: string): void {
    kick(callId).catch((err: unknown) =>
      opts.logger.error({ err, callId }, "processing a call's notifications failed; will retry"),
    );
  }

  return {
    kick,
    nudge,
    async resumeAll(olderThanMs, now = Date.now()) {
      const ids = await opts.data.inbox.callsWithPending({
        limit: 500,
        ...(olderThanMs === undefined ? {} : { receivedBefore: now - olderThanMs }),
      });
      for (const id of ids) nudge(id);
      return ids.length;
    },
    async idle() {
      while (running) await running;
    },
    stop() {
      stopped = true;
      for (const w of waiting.values()) if (w.timer) clearTimeout(w.timer);
      waiting.clear();
    },
  };
}
