// One serialized queue per call: whoever holds the call's lock processes its inbox rows in arrival
// order; different calls run in parallel. A periodic sweep picks up backlogs nobody is working on
// (a crashed instance, a lock wait that timed out).
import { StoreLockTimeoutError } from '../../store';
import type { CallData, InboxRow, Locks } from '../../store';
import type { CoreLogger } from './ports';

export interface CallQueueOptions {
  readonly locks: Locks;
  readonly data: CallData;
  readonly logger: CoreLogger;
  /** Handles one row (commits it as processed) — the queue only orders and serializes. */
  readonly process: (row: InboxRow) => Promise<void>;
  readonly lockWaitMs?: number;
  readonly retryMs?: number;
  readonly batchSize?: number;
}

export interface CallQueue {
  /** Makes sure the call's pending rows get processed soon; resolves when this instance's drain ends. */
  kick(callId: string): Promise<void>;
  /** Kicks every call with unprocessed rows (older than `olderThanMs`, when given). */
  resumeAll(olderThanMs?: number, now?: number): Promise<number>;
  /** Resolves when no drain is running in this instance. */
  idle(): Promise<void>;
  stop(): void;
}

/** Creates the per-call queue. */
export function createCallQueue(opts: CallQueueOptions): CallQueue {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const retries = new Map<string, NodeJS.Timeout>();
  const lockWaitMs = opts.lockWaitMs ?? 10_000;
  const retryMs = opts.retryMs ?? 1000;
  const batchSize = opts.batchSize ?? 50;
  let stopped = false;

  function retryLater(callId: string): void {
    if (stopped || retries.has(callId)) return;
    const timer = setTimeout(() => {
      retries.delete(callId);
      void kick(callId);
    }, retryMs);
    timer.unref();
    retries.set(callId, timer);
  }

  async function drain(callId: string): Promise<void> {
    try {
      await opts.locks.withLock(
        `call:${callId}`,
        async (lease) => {
          for (;;) {
            const rows = await opts.data.inbox.pending(callId, batchSize);
            if (rows.length === 0) return;
            for (const row of rows) {
              if (lease.signal.aborted || stopped) return;
              await opts.process(row);
            }
          }
        },
        { waitMs: lockWaitMs },
      );
    } catch (err) {
      if (err instanceof StoreLockTimeoutError) {
        opts.logger.debug({ callId }, 'call is busy elsewhere; will look again');
      } else {
        opts.logger.error({ err, callId }, 'processing the call inbox failed; will retry');
      }
      retryLater(callId);
    }
  }

  function kick(callId: string): Promise<void> {
    const current = running.get(callId);
    if (current) {
      again.add(callId);
      return current;
    }
    if (stopped) return Promise.resolve();
    const p = drain(callId).finally(() => {
      running.delete(callId);
      if (again.delete(callId)) void kick(callId);
    });
    running.set(callId, p);
    return p;
  }

  return {
    kick,
    async resumeAll(olderThanMs, now = Date.now()) {
      const ids = await opts.data.inbox.callsWithPending({
        limit: 500,
        ...(olderThanMs === undefined ? {} : { receivedBefore: now - olderThanMs }),
      });
      for (const id of ids) if (!running.has(id)) void kick(id);
      return ids.length;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
    stop() {
      stopped = true;
      for (const t of retries.values()) clearTimeout(t);
      retries.clear();
    },
  };
}
