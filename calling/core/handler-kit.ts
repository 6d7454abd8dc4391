// What the notification handlers share: their context, their result, and small helpers.
import type { CallData, InboxRow, StoredCall, StoredOperation, TimelineEntry } from '../storage';
import type { PendingEvent } from './events';
import type { StoredNotification } from './stored-notification';

export interface Handled {
  readonly events: PendingEvent[];
  readonly settled: StoredOperation[];
  /** The call as stored, when what its model shows changed (announced as `callChanged`). */
  readonly changed?: StoredCall;
}

export interface HandlerCtx {
  readonly tx: CallData;
  readonly row: InboxRow;
  readonly n: StoredNotification;
  readonly now: number;
  readonly timeline: TimelineEntry[];
}

export type Handler = (ctx: HandlerCtx) => Promise<Handled>;

export const NOTHING: Handled = { events: [], settled: [] };

export function objectData(n: StoredNotification): Record<string, unknown> {
  return (Array.isArray(n.resourceData) ? n.resourceData[0] : n.resourceData) ?? {};
}

export function arrayData(n: StoredNotification): ReadonlyArray<Record<string, unknown>> {
  return Array.isArray(n.resourceData) ? n.resourceData : [n.resourceData as Record<string, unknown>];
}

// What the call model reads: a change to any of these is a new version of the call.
function shown(c: StoredCall): string {
  return JSON.stringify([
    c.state,
    c.myParticipantId,
    c.participants,
    c.meta,
    c.endCode,
    c.endSubcode,
    c.endReason,
  ]);
}

/**
 * Writes the call; when what its model shows changed, with the next version. Returns the call as
 * stored when it is a new version (for `callChanged`), undefined otherwise.
 */
export async function saveCall(
  tx: CallData,
  existing: StoredCall | undefined,
  call: StoredCall,
): Promise<StoredCall | undefined> {
  const isNew = !existing || shown(existing) !== shown(call);
  const saved = isNew ? { ...call, version: (existing?.version ?? 0) + 1 } : call;
  if (!existing) {
    await tx.calls.insert(saved);
  } else {
    // The flow's position and binding are written by flow steps only (see batch-view.ts).
    const { id: _id, createdAt: _created, flow: _flow, flowKey: _key, ...patch } = saved;
    await tx.calls.update(saved.id, patch);
  }
  return isNew ? saved : undefined;
}
