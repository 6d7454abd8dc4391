// Consumes the flow events the call model wrote with the notifications that caused them (the flow
// outbox, calling/core/flow-outbox.ts). A key's rows are stepped in order on the flow's chain; each
// step claims its row in the transaction that saves the flow, so a row is acted on once whichever
// instance gets to it. A row whose step fails holds its key's later rows back and is tried again;
// after MAX_ATTEMPTS it is set aside and the flow ends (the runtime's failure path: timeline note,
// rescue). Rows nobody consumed (their instance died after the commit) are found by the sweep.
import type { CallingApi, CoreLogger } from '../../core';
import type { FlowEvent } from './types';

const MAX_ATTEMPTS = 3;
const PAGE = 20;

export interface FlowRowsDeps {
  readonly calling: CallingApi;
  readonly log: CoreLogger;
  /** Steps one row's event under the flow's lock; rejects when the step failed. */
  readonly step: (key: string, event: FlowEvent, row: number) => Promise<void>;
  /** Queues work on the key's chain of steps (never rejects). */
  readonly later: (key: string, work: () => Promise<void>) => void;
  /** Ends the key's flow: the step kept failing. */
  readonly failed: (key: string, err: unknown) => void;
  /** How long a key whose row failed (or whose rows could not be read) waits before another try. */
  readonly retryMs?: number;
}

export interface FlowRows {
  /** Makes sure the key's pending rows are stepped soon (once per kick, however many kicks). */
  kick(key: string): void;
  /** Kicks every key with rows pending (older than `olderThanMs`, when given). */
  sweep(olderThanMs?: number): Promise<void>;
  stop(): void;
}

/** Builds the consumer of the flow outbox for one runtime. */
export function createFlowRows(d: FlowRowsDeps): FlowRows {
  const retryMs = d.retryMs ?? 500;
  const attempts = new Map<number, number>();
  const queued = new Set<string>();
  const retries = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  function retry(key: string): void {
    if (stopped || retries.has(key)) return;
    const timer = setTimeout(() => {
      retries.delete(key);
      kick(key);
    }, retryMs);
    timer.unref();
    retries.set(key, timer);
  }

  /** Steps one row; false when the key must wait for a retry. */
  async function one(key: string, seq: number, event: FlowEvent): Promise<boolean> {
    try {
      await d.step(key, event, seq);
      attempts.delete(seq);
      return true;
    } catch (err) {
      const n = (attempts.get(seq) ?? 0) + 1;
      if (n < MAX_ATTEMPTS) {
        attempts.set(seq, n);
        d.log.warn({ err, callId: key, seq, attempt: n }, 'a flow step failed; it will be tried again');
        return false;
      }
      attempts.delete(seq);
      try {
        await d.calling.flowEvents.commit({ row: seq });
      } catch (e) {
        d.log.warn({ err: e, callId: key, seq }, 'could not set aside a failing flow event; will retry');
        return false;
      }
      d.failed(key, err);
      return true;
    }
  }

  async function drain(key: string): Promise<void> {
    for (;;) {
      let rows;
      try {
        rows = await d.calling.flowEvents.pending(key, PAGE);
      } catch (err) {
        d.log.warn({ err, callId: key }, "could not read a flow's events; will retry");
        retry(key);
        return;
      }
      for (const row of rows) {
        if (stopped) return;
        if (!(await one(key, row.seq, { ...row.event, callId: row.callId }))) {
          retry(key);
          return;
        }
      }
      if (rows.length < PAGE) return;
    }
  }

  function kick(key: string): void {
    if (stopped || queued.has(key)) return;
    queued.add(key);
    d.later(key, async () => {
      queued.delete(key);
      await drain(key);
    });
  }

  return {
    kick,
    async sweep(olderThanMs) {
      const keys = await d.calling.flowEvents.keysWithPending(
        olderThanMs === undefined ? {} : { olderThanMs },
      );
      for (const key of keys) kick(key);
    },
    stop() {
      stopped = true;
      for (const t of retries.values()) clearTimeout(t);
      retries.clear();
      queued.clear();
    },
  };
}
