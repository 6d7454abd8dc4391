// What a step writes, in one transaction: the flow event row it consumed (claimed first: a row taken
// by another instance means that instance's step counts and nothing is written here), the flow's new
// position over the revision the step read (a row of `flows`), the calls it binds (their `flow_key`,
// so their events become rows under the flow's key) and its line on the timelines of its calls.
import type { FlowData, StoredFlowRecord } from '../../storage';
import { idKey } from '../../ids';
import { toRecord } from './flow-record';
import type { StoredFlow } from './types';

export interface FlowCommit {
  /** The flow event row consumed (its seq). */
  readonly row?: number;
  /** The flow's position to save; none: only the row is consumed. */
  readonly save?: {
    readonly flow: StoredFlow;
    /** The revision the step read; undefined for a flow not stored yet. The save is its successor. */
    readonly expectedRev: number | undefined;
    /** Calls to bind to the flow's key. */
    readonly bind: readonly string[];
    /** The timeline line and the calls it goes on. */
    readonly note: string;
    readonly noteCalls: readonly string[];
  };
}

/**
 * Writes the step; false when its row or its revision was taken by another step first. `before`: the
 * flow's row as the step read it (its tasks keep their start times). The transaction writes before it
 * reads: on SQLite a transaction that read first cannot write once another connection has written.
 */
export function commitStep(
  data: FlowData,
  c: FlowCommit,
  now: number,
  before?: StoredFlowRecord,
): Promise<boolean> {
  return data.transaction(async (tx) => {
    if (c.row !== undefined && !(await tx.inbox.claimProcessed(c.row, now))) return false;
    const save = c.save;
    if (!save) return true;
    const flow = { ...save.flow, rev: (save.expectedRev ?? 0) + 1 };
    const record = toRecord(flow, now, before);
    const written =
      save.expectedRev === undefined
        ? await tx.flows.insert(record)
        : await tx.flows.save(record, save.expectedRev);
    // Another step saved this flow since it was read: its position stands, this one is dropped.
    if (!written) throw new StaleFlowError(save.flow.key);
    for (const callId of save.bind) await tx.calls.update(idKey(callId), { flowKey: save.flow.key });
    const entries = save.noteCalls.map((callId) => ({
      callId: idKey(callId),
      at: now,
      kind: 'flow' as const,
      summary: save.note,
      data: flow,
    }));
    if (entries.length > 0) await tx.timeline.add(entries);
    return true;
  });
}

/** A step's save lost to a concurrent save of the same flow; the transaction is rolled back. */
export class StaleFlowError extends Error {
  constructor(key: string) {
    super(`the flow ${key} was saved by another step meanwhile`);
    this.name = 'StaleFlowError';
  }
}
