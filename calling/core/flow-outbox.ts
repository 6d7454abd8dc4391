// The flow outbox. A call bound to a flow (`calls.flow_key`) gets the flow events its notification
// causes (established, a key, the end) written as inbox rows of kind `flow` under the flow's key, in
// the transaction that processes the notification: if the process dies right after that commit, the
// rows are still there for any instance's flow runtime to consume. Rows of one key are consumed in
// order, each marked processed in the transaction that saves the flow's new position.
import type { CallData, InboxRow } from '../storage';
import { idKey } from '../ids';
import { CallOperationError } from './errors';
import type { PendingEvent } from './events';
import type { Clock } from './ports';
import type { CallView } from './views';

/** A flow event the call model writes for the flow bound to a call. */
export type FlowNotice =
  | { readonly type: 'established' }
  | { readonly type: 'tone'; readonly digit: string; readonly sequenceId?: number }
  | { readonly type: 'terminated'; readonly reason: string };

/** A flow event row, as the flow runtime reads it. */
export interface FlowEventRow {
  readonly seq: number;
  readonly key: string;
  /** The call whose notification caused it (as Graph spelled its id). */
  readonly callId: string;
  readonly event: FlowNotice;
}

/** What a flow step commits: the row it consumed and the flow position it saves, in one transaction. */
export interface FlowStepCommit {
  /** The flow event row the step consumed; it is claimed first, and nothing is saved if it was taken. */
  readonly row?: number;
  readonly save?: {
    readonly callId: string;
    readonly flow: unknown;
    readonly note: string;
    /** Binds the call to this flow key, so its events become rows under it. */
    readonly bindKey?: string;
  };
}

/** The flow runtime's side of the outbox. */
export interface FlowEventsApi {
  /** A key's unprocessed flow events, in order. */
  pending(key: string, limit?: number): Promise<FlowEventRow[]>;
  /** Keys with unprocessed flow events (older than `olderThanMs`, when given), oldest backlog first. */
  keysWithPending(opts?: { olderThanMs?: number; limit?: number }): Promise<string[]>;
  /**
   * Claims the row (false: it was already processed; nothing is saved) and saves the flow position,
   * in one transaction. An ended call keeps its last saved position (the row is still claimed).
   */
  commit(step: FlowStepCommit): Promise<boolean>;
}

/** The flow event an emitted call event means, if any. */
export function noticeOf(e: PendingEvent): FlowNotice | undefined {
  switch (e.name) {
    case 'established':
      return { type: 'established' };
    case 'tone':
      return {
        type: 'tone',
        digit: e.payload.digit,
        ...(e.payload.sequenceId === undefined ? {} : { sequenceId: e.payload.sequenceId }),
      };
    case 'terminated':
      return { type: 'terminated', reason: e.payload.reason };
    default:
      return undefined;
  }
}

/** The call an event is about, as the flows see it (`callChanged` carries the model, which flows do not bind). */
function callViewOf(e: PendingEvent): CallView | undefined {
  if (e.name === 'callChanged') return undefined;
  return 'call' in e.payload ? e.payload.call : undefined;
}

/** The flow keys the events go to (their calls' bound flows), in order, once each. */
export function flowKeysOf(events: readonly PendingEvent[]): string[] {
  const keys = new Set<string>();
  for (const e of events) {
    const key = noticeOf(e) ? callViewOf(e)?.flowKey : undefined;
    if (key) keys.add(key);
  }
  return [...keys];
}

/** Writes, inside the row's transaction, the flow events of its emitted events. */
export async function writeFlowEvents(
  tx: CallData,
  row: InboxRow,
  events: readonly PendingEvent[],
  now: number,
): Promise<void> {
  const rows = events.flatMap((e, i) => {
    const event = noticeOf(e);
    const call = callViewOf(e);
    if (!event || !call?.flowKey) return [];
    return [
      {
        kind: 'flow' as const,
        callId: call.flowKey,
        tenantId: row.tenantId,
        receivedAt: now,
        notification: { callId: call.id, event },
        // Never equal to a notification's hash, so the duplicate check of notifications ignores it.
        contentHash: `flow:${row.seq}:${i}`,
      },
    ];
  });
  if (rows.length > 0) await tx.inbox.append(rows);
}

function toEventRow(r: InboxRow): FlowEventRow {
  const body = r.notification as { callId: string; event: FlowNotice };
  return { seq: r.seq, key: r.callId, callId: body.callId, event: body.event };
}

/** The flow runtime's access to the outbox, over the call data. */
export function createFlowEvents(data: CallData, clock: Clock): FlowEventsApi {
  return {
    async pending(key, limit = 50) {
      return (await data.inbox.pending(key, limit, 'flow')).map(toEventRow);
    },
    keysWithPending(opts = {}) {
      return data.inbox.callsWithPending({
        kind: 'flow',
        limit: opts.limit ?? 500,
        ...(opts.olderThanMs === undefined ? {} : { receivedBefore: clock.now() - opts.olderThanMs }),
      });
    },
    commit(step) {
      return data.transaction(async (tx) => {
        const now = clock.now();
        if (step.row !== undefined && !(await tx.inbox.claimProcessed(step.row, now))) return false;
        const save = step.save;
        if (!save) return true;
        // The state alone decides: reading (and parsing) the whole call row here cost every step.
        const callId = idKey(save.callId);
        const state = await tx.calls.stateOf(callId);
        if (state === undefined)
          throw new CallOperationError('call_not_found', `No call ${save.callId} is known to this app.`, {
            callId: save.callId,
          });
        if (state === 'terminated') return true;
        await tx.calls.update(callId, {
          flow: save.flow,
          ...(save.bindKey === undefined ? {} : { flowKey: save.bindKey }),
        });
        await tx.timeline.add([{ callId, at: now, kind: 'flow', summary: save.note, data: save.flow }]);
        return true;
      });
    },
  };
}
